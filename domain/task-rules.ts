// Art. 11 and Art. 3 (1): deadlines and the red / yellow / green lights of the checklist (督办).
// Pure: `now` and the org's due-soon window (Art. 13 parameter) are passed in.
import { hasAnyRole, ROLE_INFO, type Role } from './roles';
import { calendarDaysBetween, cn, fromCN, iso, type Instant } from './time';
import type { OneSide } from './topic-rules';

export type TaskLight = 'red' | 'yellow' | 'green' | 'done';

export const LIGHT_LABEL: Record<TaskLight, string> = { red: '逾期', yellow: '临期', green: '正常', done: '已办结' };
/** overdue first, then due soon, then on track, then done: the board's order */
export const LIGHT_RANK: Record<TaskLight, number> = { red: 0, yellow: 1, green: 2, done: 3 };

/** `YYYY-MM-DD` that names a real calendar day. */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = cn(fromCN(date));
  return d.format('YYYY-MM-DD') === date;
}

/** A deadline date means the end of that day in Shanghai: the task is overdue from the next midnight. */
export function deadlineEnds(date: string): string {
  return iso(cn(fromCN(date)).add(1, 'day'));
}

/** Today's date in Shanghai, `YYYY-MM-DD`. */
export function todayCN(now: Instant): string {
  return cn(now).format('YYYY-MM-DD');
}

/** A deadline may be today or later, never in the past. */
export function deadlineIsPast(date: string, now: Instant): boolean {
  return date < todayCN(now);
}

/**
 * Art. 11: red when past its deadline and not done; yellow when due within the org's due-soon
 * window (days, counted in Shanghai calendar days, today included); green otherwise; done when verified.
 */
export function taskLight(task: { status: string; deadline: string }, now: Instant, dueSoonDays: number): TaskLight {
  if (task.status === 'done') return 'done';
  const ends = deadlineEnds(task.deadline);
  if (new Date(now).getTime() >= new Date(ends).getTime()) return 'red';
  const daysLeft = calendarDaysBetween(now, fromCN(task.deadline));
  return daysLeft < dueSoonDays ? 'yellow' : 'green';
}

/** Whole days until the deadline (0 = due today, negative = overdue by that many days). */
export function daysLeft(deadline: string, now: Instant): number {
  return calendarDaysBetween(now, fromCN(deadline));
}

/** The countdown the owner sees. */
export function countdownLabel(deadline: string, now: Instant, done: boolean): string {
  if (done) return '已办结';
  const d = daysLeft(deadline, now);
  if (d < 0) return `已逾期 ${-d} 天`;
  if (d === 0) return '今天到期';
  return `还剩 ${d} 天`;
}

/**
 * Art. 11: the union office keeps the checklist and may give a task to anyone of the org; the
 * government office gives tasks to the government's own units only.
 */
export function mayAssignTo(assignerRoles: readonly Role[], ownerRoles: readonly Role[]): boolean {
  if (assignerRoles.includes('union_office')) return true;
  if (assignerRoles.includes('gov_office')) return ownerRoles.length > 0 && ownerRoles.every((r) => ROLE_INFO[r].side === 'gov');
  return false;
}

/** The office role a task is kept by: the office that assigned it. */
export function keeperRoleOf(assignerRoles: readonly Role[]): Role {
  return assignerRoles.includes('union_office') ? 'union_office' : 'gov_office';
}

export const KEEPER_SIDE: Partial<Record<Role, OneSide>> = { gov_office: 'gov', union_office: 'union' };

/** Who of the org sees its whole checklist: offices, convenors, leaders and the mayor. */
export function seesWholeChecklist(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, ['gov_office', 'union_office', 'gov_convenor', 'union_convenor', 'gov_leader', 'union_chair', 'mayor']);
}

/** Evidence (Art. 11): photos or PDF files, each at most 10 MB, at most 9 per completion. */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 9;

/** The type the bytes really are (magic numbers), never the name or the header a client sent. */
export function sniffEvidenceType(head: Uint8Array): EvidenceType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return 'image/png';
  if (head.length >= 5 && [0x25, 0x50, 0x44, 0x46, 0x2d].every((b, i) => head[i] === b)) return 'application/pdf';
  return null;
}
