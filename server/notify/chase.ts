// Issue #20, 催办: the record `notify.chase` names — a task, an invitee's invitation, or minutes
// under review — and the state rules a chase needs. They live here, not in the notify area, because
// the areas that show those records (task, meeting, minutes) offer the chase in their
// `allowedActions` through the same rules (server/kit/access.ts `offeredCall`): a 催办 button shown
// is a call that passes authorisation and the guard. The once-a-day rule needs the store and is
// the handler's (cloudfunctions/notify/actions/chase.ts): a second tap the same day is refused
// there, with a message saying when and by whom it was chased.
import { AppError, type Actor, type ChaseInput, type MeetingFacts, type MinutesFacts, type RowFacts, type TaskFacts } from '../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc, TaskDoc } from '../store/docs';
import type { Loaded } from '../kit/registry';
import { defineRecordKind } from '../kit/registry';
import { meetingAhead } from './relevance';

/** What a chase is about: the task, the invitation (and its meeting), or the meeting's minutes. */
export type ChaseSubject =
  | { subject: 'task'; task: TaskDoc }
  | { subject: 'reply'; meeting: MeetingDoc; personId: string | null; invitation: InvitationDoc | null }
  | { subject: 'minutes'; meeting: MeetingDoc; minutes: MinutesDoc | null };

/**
 * The row facts: a task's (only the office that keeps it chases its owner: taskKeeper), a meeting's
 * or minutes' (the org's offices: meetingOffice).
 */
export function chaseFacts(s: ChaseSubject): RowFacts {
  if (s.subject === 'task') return { kind: 'task', orgId: s.task.orgId, ownerId: s.task.ownerId, keeperRole: s.task.keeperRole } satisfies TaskFacts;
  if (s.subject === 'reply') return { kind: 'meeting', orgId: s.meeting.orgId } satisfies MeetingFacts;
  return { kind: 'minutes', orgId: s.meeting.orgId, issued: s.minutes?.status === 'issued' } satisfies MinutesFacts;
}

export const chaseLoaded = (s: ChaseSubject): Loaded<ChaseSubject> => ({ record: s, facts: chaseFacts(s) });

/**
 * `id` is the task's id (task) or the meeting's (reply, minutes). Whoever may not chase learns
 * `forbidden` if they may read the task or meeting (the org's offices, convenors and leaders; the
 * parent org's offices), `not_found` otherwise.
 */
export const chaseKind = defineRecordKind<ChaseInput, ChaseSubject>({
  readAs: 'task.get',
  load: async ({ subject, id, personId }, store) => {
    if (subject === 'task') {
      const task = await store.get<TaskDoc>('tasks', id);
      return task ? chaseLoaded({ subject, task }) : null;
    }
    const meeting = await store.get<MeetingDoc>('meetings', id);
    if (!meeting) return null;
    if (subject === 'reply') {
      const invitation = personId ? await store.get<InvitationDoc>('invitations', `${id}:${personId}`) : null;
      return chaseLoaded({ subject, meeting, personId: personId ?? null, invitation });
    }
    return chaseLoaded({ subject, meeting, minutes: await store.get<MinutesDoc>('minutes', id) });
  },
});

export const inReview = (m: MinutesDoc | null): m is MinutesDoc => !!m && (m.status === 'union_review' || m.status === 'gov_review');

/**
 * What must hold for a chase to make sense: the task still being worked on; the invitee not yet
 * replied to a meeting not yet begun (`now` needed: without it, not offered); the minutes waiting
 * at a review stage. Throws the reason.
 */
export function chaseGuard(s: ChaseSubject, _actor: Actor, now?: Date): void {
  if (s.subject === 'task') {
    const t = s.task;
    if (t.status !== 'in_progress') throw new AppError('invalid_transition', t.status === 'done' ? '任务已办结，无需催办' : '任务已报完成、待核验，无需催办');
    return;
  }
  if (s.subject === 'reply') {
    if (!s.personId) throw new AppError('validation_error', '请指定要催办的参会人员', [{ path: 'personId', message: '请指定要催办的参会人员' }]);
    if (!s.invitation) throw new AppError('not_found', '该人员未被邀请参加本次会议');
    if (!now || !meetingAhead(s.meeting, now)) throw new AppError('invalid_transition', '会议已开始或尚未印发通知，无需催办回复');
    if (s.invitation.answered) throw new AppError('invalid_transition', `${s.invitation.name}已回复，无需催办`);
    return;
  }
  if (!inReview(s.minutes)) throw new AppError('invalid_transition', '会议纪要当前不在审核中，无需催办');
}

/** The rules of `notify.chase` the action declares and the views offer by (access.ts `offeredCall`). */
export const CHASE_RULES = { name: 'notify.chase', record: chaseKind, guard: chaseGuard } as const;
