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

// ---- Issue #16: deadlines — the keeper decides ----

/** How a deadline came to be: given when assigned, an approved request, set by the keeping office. */
export type DeadlineHow = 'original' | 'approved' | 'office' | 'explained';
export const DEADLINE_HOW_LABEL: Record<DeadlineHow, string> = {
  original: '交办时确定',
  approved: '同意延期申请',
  office: '办公室调整',
  // tasks explained before issue #16, when an explanation moved the deadline by itself
  explained: '说明时调整（旧规则）',
};

/** One deadline the task had, with who set it (for an approved request: who approved it). */
export interface DeadlineEntry {
  deadline: string;
  setAt: string;
  by: string;
  byName: string;
  how: DeadlineHow;
  /** the reason given: the request's, or the office's own */
  reason?: string;
}

export type DeadlineRequestState = 'pending' | 'approved' | 'refused';
export const DEADLINE_REQUEST_LABEL: Record<DeadlineRequestState, string> = { pending: '待审批', approved: '已同意', refused: '未同意' };

/** The responsible person's request for a new deadline (Art. 3 (1)), and what the keeper decided. */
export interface DeadlineRequest {
  newDeadline: string;
  /** the deadline in force when asked */
  oldDeadline: string;
  reason: string;
  by: string;
  byName: string;
  at: string;
  state: DeadlineRequestState;
  decidedAt?: string;
  decidedBy?: string;
  decidedByName?: string;
  /** the keeper's reason (required when refused) */
  decision?: string;
}

interface DeadlineFacts {
  deadline: string;
  assignedAt: string;
  assignedBy: string;
  keeperRole: Role;
  deadlines?: readonly DeadlineEntry[];
  deadlineRequests?: readonly DeadlineRequest[];
  explanations: ReadonlyArray<{ newDeadline: string; oldDeadline: string; by: string; byName: string; at: string }>;
}

/**
 * Every deadline the task had, oldest first. A task made before issue #16 has no stored history:
 * its original deadline is the one its first explanation moved, then each explanation that moved it
 * (explanations moved deadlines then). The first write about its deadline since (an explanation, a
 * request, a decision) stores this history, so later explanations are never read as moves.
 */
export function deadlineHistory(t: DeadlineFacts): DeadlineEntry[] {
  if (t.deadlines && t.deadlines.length) return [...t.deadlines];
  const moved = t.explanations.filter((x) => x.newDeadline !== x.oldDeadline);
  const original = moved.length ? moved[0].oldDeadline : t.deadline;
  return [
    { deadline: original, setAt: t.assignedAt, by: t.assignedBy, byName: ROLE_INFO[t.keeperRole].label, how: 'original' },
    ...moved.map((x): DeadlineEntry => ({ deadline: x.newDeadline, setAt: x.at, by: x.by, byName: x.byName, how: 'explained' })),
  ];
}

/** The request waiting for the keeper, if any (at most one at a time). */
export function pendingDeadlineRequest(t: Pick<DeadlineFacts, 'deadlineRequests'>): DeadlineRequest | null {
  return t.deadlineRequests?.find((r) => r.state === 'pending') ?? null;
}

/**
 * A request for a new deadline: not in the past, and later than the deadline in force (asking for
 * the same or an earlier day is no extension). Returns the refusal in words, or null.
 */
export function deadlineRequestProblem(newDeadline: string, inForce: string, now: Instant): string | null {
  if (deadlineIsPast(newDeadline, now)) return '新的完成时限不能早于今天';
  if (newDeadline <= inForce) return `申请的新时限须晚于现行完成时限（${inForce}）`;
  return null;
}

/**
 * The deadline a task is judged against for the assessment's on-time figure: the one in force at
 * the moment the task fell due. A change made while the deadline in force had not yet passed
 * counts; a change made after the task was already overdue does not make it on time.
 */
export function deadlineWhenDue(history: readonly DeadlineEntry[]): string {
  const [first, ...later] = [...history].sort((a, b) => a.setAt.localeCompare(b.setAt));
  if (!first) throw new Error('a task has at least its original deadline');
  let due = first.deadline;
  for (const e of later) {
    if (e.setAt >= deadlineEnds(due)) break; // already overdue: later changes do not count
    due = e.deadline;
  }
  return due;
}

/** Done by the deadline in force when it fell due (completion time, else verification time). */
export function doneOnTime(t: DeadlineFacts & { completion: { at: string } | null; verifiedAt?: string }): boolean {
  const at = t.completion?.at ?? t.verifiedAt ?? '';
  return at !== '' && at < deadlineEnds(deadlineWhenDue(deadlineHistory(t)));
}

/** The deadline was moved later than the one given when assigned (an approved request or the office). */
export function wasExtended(t: DeadlineFacts): boolean {
  const h = deadlineHistory(t);
  return h.some((e) => e.how !== 'original' && e.deadline > h[0].deadline);
}
