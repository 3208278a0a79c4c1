// Art. 12 (issue #12): one org's figures for the annual assessment, from indexed queries bounded
// by the org and the year: its meetings of the year (orgId, plannedAt), their topics (counts by
// meetingId) and their checklists (tasks by meetingId) — never a scan of every org's tasks.
import {
  calendarDaysBetween,
  COMPLIANCE_LIGHT_LABEL,
  complianceLight,
  doneOnTime,
  fromCN,
  hasFlag,
  meetingWorkflow,
  taskLight,
  wasExtended,
  type ComplianceRowView,
  type Org,
} from '../../domain';
import type { MeetingDoc, TaskDoc } from '../../server/store/docs';
import type { ActionContext } from '../../server/kit/registry';
import { findAll } from '../../server/store/port';

type Ctx = Pick<ActionContext<unknown>, 'store' | 'now' | 'params'>;

export interface OrgYear {
  row: ComplianceRowView;
  meetings: MeetingDoc[];
  overdue: TaskDoc[];
}

export async function orgYear(ctx: Ctx, org: Org, year: number): Promise<OrgYear> {
  const start = fromCN(`${year}-01-01`);
  const end = fromCN(`${year + 1}-01-01`);
  const meetings = await findAll<MeetingDoc>(ctx.store, 'meetings', { orgId: org._id, plannedAt: { gte: start, lt: end } }, [['plannedAt', 'asc']]);
  const ids = meetings.map((m) => m._id);
  const inYear = (at?: string) => !!at && at >= start && at < end;
  const [submitted, accepted, tasks, params] = await Promise.all([
    ids.length ? ctx.store.count('topics', { meetingId: { in: ids } }) : Promise.resolve(0),
    ids.length ? ctx.store.count('topics', { meetingId: { in: ids }, status: 'accepted' }) : Promise.resolve(0),
    ids.length ? findAll<TaskDoc>(ctx.store, 'tasks', { meetingId: { in: ids } }, [['dueAt', 'asc']]) : Promise.resolve([] as TaskDoc[]),
    ctx.params(org._id),
  ]);
  const wasHeld = (m: MeetingDoc) => hasFlag(meetingWorkflow, m.status, 'was_held');
  const held = meetings.filter((m) => wasHeld(m) && inYear(m.heldAt));
  // Art. 4, 13: as many regular meetings as the org's parameter in force asks (once a year in principle)
  const regularHeldCount = held.filter((m) => m.kind === 'regular').length;
  const regularRequired = params.regularMeetingsPerYear;
  const regularHeld = regularHeldCount >= regularRequired;
  const regularPlanned = meetings.some((m) => m.kind === 'regular' && !hasFlag(meetingWorkflow, m.status, 'called_off') && !wasHeld(m));
  const issued = held.filter((m) => m.minutesIssuedAt);
  const days = issued.map((m) => calendarDaysBetween(m.heldAt!, m.minutesIssuedAt!));
  const lights = tasks.map((t) => taskLight(t, ctx.now, params.dueSoonDays));
  const done = tasks.filter((t) => t.status === 'done');
  // issue #16: against the deadline in force when the task fell due (domain/task-rules.ts deadlineWhenDue)
  const onTime = done.filter((t) => doneOnTime(t)).length;
  const overdue = tasks.filter((_t, i) => lights[i] === 'red');
  const figures = {
    regularHeld, regularHeldCount, regularRequired, regularPlanned, tasksOverdue: overdue.length, tasksDueSoon: lights.filter((l) => l === 'yellow').length,
  };
  const { light, reasons } = complianceLight(figures, year, ctx.now);
  return {
    row: {
      orgId: org._id, orgName: org.name, level: org.level, ...figures,
      meetingsHeld: held.length, topicsSubmitted: submitted, topicsAccepted: accepted,
      minutesIssued: issued.length, daysToMinutes: days.length ? Math.round(days.reduce((a, b) => a + b, 0) / days.length) : null,
      tasksTotal: tasks.length, tasksDone: done.length, onTimeRate: done.length ? onTime / done.length : null,
      tasksExtended: tasks.filter((t) => wasExtended(t)).length,
      light, lightLabel: COMPLIANCE_LIGHT_LABEL[light], reasons,
    },
    meetings,
    overdue,
  };
}
