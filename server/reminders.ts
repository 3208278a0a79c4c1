// Scheduled reminders (issue #10): written in the same transaction as the change that makes them
// due (a notice issued, a meeting moved, a task given or its deadline moved, minutes submitted),
// read by the timer's tick with an indexed `state, dueAt` query and claimed with a conditional
// update. A reminder's id is its idempotency key — subject, kind, due time and the subject's
// version (scheduleVersion, deadlineVersion, the minutes' version) — and the tick fires it only if
// the subject still has that version, so a moved meeting or deadline never fires the old one.
import { createHash } from 'node:crypto';
import { cn, fromCN, type MinutesStatus } from '../domain';
import type { MeetingDoc, MinutesDoc, TaskDoc } from './docs';
import type { StoredDoc, TxStore } from './store/port';

export type ReminderKind = 'reply_reminder' | 'meeting_tomorrow' | 'minutes_stalled' | 'task_due_soon' | 'task_overdue';

export interface ReminderSpec {
  kind: ReminderKind;
  subjectType: 'meeting' | 'task' | 'minutes';
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

/**
 * Art. 11: when the task turns yellow (the first day of the org's due-soon window) and at 08:00 the
 * morning after its deadline (then weekly, scheduled by the tick).
 */
export function taskReminders(t: TaskDoc, dueSoonDays: number, now: Date): ReminderSpec[] {
  const base = { subjectType: 'task' as const, subjectId: t._id, orgId: t.orgId, subjectVersion: t.deadlineVersion };
  const yellow = fromCN(day(fromCN(t.deadline), 1 - dueSoonDays), '08:00');
  const overdue = { ...base, kind: 'task_overdue' as const, dueAt: fromCN(day(fromCN(t.deadline), 1), '08:00') };
  // already past its deadline: no "due soon", only the overdue reminder
  if (now.toISOString() >= t.dueAt) return [overdue];
  return [{ ...base, kind: 'task_due_soon' as const, dueAt: yellow > now.toISOString() ? yellow : now.toISOString() }, overdue];
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

/** Art. 9: minutes still at the same stage three days later remind that stage's reviewers again. */
export function minutesReminder(m: MinutesDoc, now: Date): ReminderSpec[] {
  if (m.status !== 'union_review' && m.status !== 'gov_review') return [];
  return [{
    kind: 'minutes_stalled', subjectType: 'minutes', subjectId: m._id, orgId: m.orgId, subjectVersion: m.version, stage: m.status,
    dueAt: cn(now).add(3, 'day').toDate().toISOString(),
  }];
}
