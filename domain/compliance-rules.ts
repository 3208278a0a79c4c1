// Art. 12 (issue #12): the light of an org's row in the annual assessment. Red: fewer regular
// meetings held than the org's rule parameter asks (`regularMeetingsPerYear`, Art. 4, 13) and the
// year is in its last quarter (or over), or overdue tasks; yellow: a regular meeting planned but not
// yet held, or tasks due soon; green otherwise.
import { cn, type Instant } from './time';

export interface RowFigures {
  /** held at least `regularRequired` regular meetings in the year */
  regularHeld: boolean;
  regularHeldCount: number;
  /** Art. 4, 13: the org's `regularMeetingsPerYear` in force */
  regularRequired: number;
  regularPlanned: boolean;
  tasksOverdue: number;
  tasksDueSoon: number;
}

export function complianceLight(r: RowFigures, year: number, now: Instant): { light: 'red' | 'yellow' | 'green'; reasons: string[] } {
  const t = cn(now);
  const lateInYear = year < t.year() || (year === t.year() && t.month() >= 9); // October (month 9) on: Q4
  const red: string[] = [];
  const yellow: string[] = [];
  if (!r.regularHeld && lateInYear) {
    if (r.regularHeldCount === 0) red.push(year < t.year() ? '当年未召开例会' : '已到第四季度，尚未召开例会');
    else red.push(`${year < t.year() ? '当年' : '已到第四季度，'}召开例会 ${r.regularHeldCount} 次，少于规定的 ${r.regularRequired} 次`);
  }
  if (r.tasksOverdue > 0) red.push(`逾期任务 ${r.tasksOverdue} 项`);
  const short = r.regularHeldCount > 0 ? `已召开例会 ${r.regularHeldCount} 次，规定 ${r.regularRequired} 次；` : '';
  if (!r.regularHeld && r.regularPlanned && !lateInYear) yellow.push(`${short}例会已计划，尚未召开`);
  if (!r.regularHeld && !r.regularPlanned && !lateInYear) yellow.push(`${short}尚未安排例会`);
  if (r.tasksDueSoon > 0) yellow.push(`临期任务 ${r.tasksDueSoon} 项`);
  if (red.length) return { light: 'red', reasons: [...red, ...yellow] };
  if (yellow.length) return { light: 'yellow', reasons: yellow };
  return { light: 'green', reasons: [] };
}

export const COMPLIANCE_LIGHT_LABEL = { red: '需督促', yellow: '需关注', green: '正常' } as const;
