// Scheduled reminders (issue #10): written in the same transaction as the change that makes them
// due (a notice issued, a meeting moved, a task given or its deadline moved, minutes submitted),
// read by the timer's tick with an indexed `state, dueAt` query and claimed with a conditional
// update. A reminder's id is its idempotency key — subject, kind, due time and the subject's
// version (scheduleVersion, deadlineVersion, the minutes' version) — and the tick fires it only if
// the subject still has that version, so a moved meeting or deadline never fires the old one.
import { createHash } from 'node:crypto';
import { cn, DEFAULT_LADDER, fromCN, ladderOf, type LadderParams, type MinutesStatus, type Person, type Role } from '../../domain';
import type { MeetingDoc, MinutesDoc, SettingsDoc, TaskDoc } from '../store/docs';
import type { Store, StoredDoc, TxStore } from '../store/port';

export type ReminderKind =
  | 'reply_reminder' | 'meeting_tomorrow' | 'minutes_stalled' | 'task_due_soon' | 'task_overdue'
  // issue #20: the ladder's day, the weekly digest of tasks long overdue, the minutes to draft
  | 'task_due_today' | 'task_escalation' | 'minutes_draft_due' | 'tasks_unassigned';

export interface ReminderSpec {
  kind: ReminderKind;
  /** issue #20: 'org' — a digest of one org's side (`subjectId` = orgId:side) */
  subjectType: 'meeting' | 'task' | 'minutes' | 'org';
  subjectId: string;
  orgId: string;
  /** the subject's version the reminder belongs to (not the document's own `version`) */
  subjectVersion: number;
  dueAt: string;
  /** minutes: the stage it waits at */
  stage?: MinutesStatus;
}

export interface ReminderDoc extends StoredDoc, ReminderSpec {
  state: 'due' | 'claimed' | 'done' | 'void';
  createdAt: string;
  claimedAt?: string;
  doneAt?: string;
}

export function reminderKey(s: Pick<ReminderSpec, 'kind' | 'subjectId' | 'subjectVersion' | 'dueAt'>): string {
  return `r${createHash('sha256').update([s.kind, s.subjectId, s.subjectVersion, s.dueAt].join('\u0000')).digest('hex').slice(0, 39)}`;
}

/** Writes the reminders inside the caller's transaction; one already scheduled is left as it is. */
export async function schedule(tx: TxStore, specs: readonly ReminderSpec[], now: Date): Promise<void> {
  for (const spec of specs) {
    const _id = reminderKey(spec);
    if (await tx.get<ReminderDoc>('reminders', _id)) continue;
    await tx.insert<ReminderDoc>('reminders', { _id, ...spec, state: 'due', createdAt: now.toISOString() });
  }
}

const day = (iso: string, offset: number) => cn(iso).add(offset, 'day').format('YYYY-MM-DD');

/**
 * Art. 5, 7: once the notice is out — invitees who have not replied, at 09:00 three days before
 * the meeting day; those attending, at 18:00 the day before. Times already past are not scheduled.
 */
export function meetingReminders(m: MeetingDoc, now: Date): ReminderSpec[] {
  const base = { subjectType: 'meeting' as const, subjectId: m._id, orgId: m.orgId, subjectVersion: m.scheduleVersion ?? 1 };
  return [
    { ...base, kind: 'reply_reminder' as const, dueAt: fromCN(day(m.plannedAt, -3), '09:00') },
    { ...base, kind: 'meeting_tomorrow' as const, dueAt: fromCN(day(m.plannedAt, -1), '18:00') },
  ].filter((r) => r.dueAt > now.toISOString() && r.dueAt < m.plannedAt);
}

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Art. 11, the ladder (issue #20): when the task turns yellow (the first day of the org's due-soon
 * window), on its last day, and the morning after its deadline (then weekly, scheduled by the tick;
 * the tick also tells the keeping office, and past `escalateAfterDays` the weekly digest). All at the
 * ladder's hour (08:00 by default).
 */
export function taskReminders(t: TaskDoc, dueSoonDays: number, now: Date, ladderHour = DEFAULT_LADDER.ladderHour): ReminderSpec[] {
  const base = { subjectType: 'task' as const, subjectId: t._id, orgId: t.orgId, subjectVersion: t.deadlineVersion };
  const at = hh(ladderHour);
  const yellow = fromCN(day(fromCN(t.deadline), 1 - dueSoonDays), at);
  const today = fromCN(t.deadline, at);
  const overdue = { ...base, kind: 'task_overdue' as const, dueAt: fromCN(day(fromCN(t.deadline), 1), at) };
  // already past its deadline: no "due soon", only the overdue reminder
  if (now.toISOString() >= t.dueAt) return [overdue];
  const soon = { ...base, kind: 'task_due_soon' as const, dueAt: yellow > now.toISOString() ? yellow : now.toISOString() };
  // the last day: its own reminder unless "due soon" already falls on it
  const last = today > now.toISOString() && cn(today).format('YYYY-MM-DD') !== cn(soon.dueAt).format('YYYY-MM-DD') ? [{ ...base, kind: 'task_due_today' as const, dueAt: today }] : [];
  return [soon, ...last, overdue];
}

/** The side whose office keeps a task, and that side's convenors (issue #20: the digest's readers). */
export const keepingSide = (keeperRole: Role): 'gov' | 'union' => (keeperRole.startsWith('gov') ? 'gov' : 'union');
export const CONVENORS: Record<'gov' | 'union', readonly Role[]> = { gov: ['gov_convenor'], union: ['union_convenor'] };

/**
 * Issue #20: the weekly digest of an org side's tasks overdue `escalateAfterDays` or more — one a
 * week (its key is the week's Monday at the ladder's hour), whichever task crosses first.
 */
export function escalationDigest(orgId: string, side: 'gov' | 'union', now: Date, ladderHour = DEFAULT_LADDER.ladderHour): ReminderSpec {
  const t = cn(now);
  const monday = t.subtract((t.day() + 6) % 7, 'day').format('YYYY-MM-DD');
  const dueAt = fromCN(monday, hh(ladderHour));
  return { kind: 'task_escalation', subjectType: 'org', subjectId: `${orgId}:${side}`, orgId, subjectVersion: Math.round(new Date(dueAt).getTime() / (7 * 86_400_000)), dueAt };
}

/**
 * Issue #20: the digest's check on the day a task crosses `escalateAfterDays` overdue (its deadline
 * plus that many days, at the ladder's hour), so the parameter counts in days, not in the weekly
 * rhythm of the overdue reminder. It belongs to that day's week like the weekly digest (the same
 * week, the same message key): a task crossing in a week whose digest went out already adds no
 * second message that week; its resolution goes on with the weekly digest (one stream, one key).
 */
export function escalationCrossing(orgId: string, side: 'gov' | 'union', deadline: string, escalateAfterDays: number, ladderHour = DEFAULT_LADDER.ladderHour): ReminderSpec {
  const dueAt = fromCN(day(fromCN(deadline), escalateAfterDays), hh(ladderHour));
  return { ...escalationDigest(orgId, side, new Date(dueAt), ladderHour), dueAt };
}

/** Issue #20: the weekly digest's slot after `now`: this week's if still ahead, else next week's. */
export function nextDigest(orgId: string, side: 'gov' | 'union', now: Date, ladderHour = DEFAULT_LADDER.ladderHour): ReminderSpec {
  const slot = escalationDigest(orgId, side, now, ladderHour);
  return slot.dueAt > now.toISOString() ? slot : escalationDigest(orgId, side, cn(now).add(7, 'day').toDate(), ladderHour);
}

/** Issue #20: the ladder in force for an org (the latest parameter version's, or the defaults). */
export async function ladderFor(store: Store, orgId: string, now: Date): Promise<LadderParams> {
  const page = await store.find<SettingsDoc>('settings', { orgId, effectiveFrom: { lte: now.toISOString() } }, { sort: [['effectiveFrom', 'desc']], limit: 1 });
  return ladderOf(page.items[0] as Partial<Record<keyof LadderParams, unknown>> | undefined);
}

/**
 * Issue #20: the head of a unit is the person the directory marks as such (`unitHead`, set by the
 * office in 人员管理 or the import) — never guessed from a title: 主任 of one unit is a section
 * chief, 局长 of another a deputy acting; only the office knows.
 */
export function isUnitHead(p: Pick<Person, 'unitHead'>): boolean {
  return p.unitHead === true;
}

/**
 * A task sent back after its deadline (Art. 11): the overdue reminder that came due while it waited
 * for verification was voided, so the next one is at the next 08:00 (then weekly, as usual).
 */
export function sentBackOverdue(t: TaskDoc, now: Date): ReminderSpec[] {
  if (now.toISOString() < t.dueAt) return [];
  const today8 = fromCN(cn(now).format('YYYY-MM-DD'), '08:00');
  const next = today8 > now.toISOString() ? today8 : fromCN(day(now.toISOString(), 1), '08:00');
  return [{ kind: 'task_overdue', subjectType: 'task', subjectId: t._id, orgId: t.orgId, subjectVersion: t.deadlineVersion, dueAt: next }];
}

/**
 * Art. 9: minutes still at the same stage `approverDays` later (issue #20: 2 days by default) remind
 * that stage's reviewers again.
 */
export function minutesReminder(m: MinutesDoc, now: Date, approverDays = DEFAULT_LADDER.approverDays): ReminderSpec[] {
  if (m.status !== 'union_review' && m.status !== 'gov_review') return [];
  return [{
    kind: 'minutes_stalled', subjectType: 'minutes', subjectId: m._id, orgId: m.orgId, subjectVersion: m.version, stage: m.status,
    dueAt: cn(now).add(approverDays, 'day').toDate().toISOString(),
  }];
}

/**
 * Issue #20, after the meeting (Art. 9): the union office is reminded to draft the minutes on each
 * of `minutesDraftDays` after the meeting was held, while they are not submitted.
 */
export function minutesDraftReminders(m: Pick<MeetingDoc, '_id' | 'orgId' | 'plannedAt'>, heldAt: string, now: Date, days = DEFAULT_LADDER.minutesDraftDays, ladderHour = DEFAULT_LADDER.ladderHour): ReminderSpec[] {
  return days
    .map((d) => ({ kind: 'minutes_draft_due' as const, subjectType: 'minutes' as const, subjectId: m._id, orgId: m.orgId, subjectVersion: d, dueAt: fromCN(day(heldAt, d), hh(ladderHour + 1)) }))
    .filter((r) => r.dueAt > now.toISOString());
}

/**
 * Issue #20, after the minutes are issued (Art. 11): the next morning, the offices are told of the
 * decided items that still have no task (once per meeting).
 */
export function unassignedReminder(m: Pick<MeetingDoc, '_id' | 'orgId'>, issuedAt: string, now: Date, ladderHour = DEFAULT_LADDER.ladderHour): ReminderSpec[] {
  const dueAt = fromCN(day(issuedAt, 1), hh(ladderHour + 1));
  return dueAt > now.toISOString() ? [{ kind: 'tasks_unassigned', subjectType: 'meeting', subjectId: m._id, orgId: m.orgId, subjectVersion: 1, dueAt }] : [];
}
