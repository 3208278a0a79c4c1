// Issue #20: every message is checked again at the moment it is sent, not only when it was queued:
// its subject must still need it — the meeting not yet started (and, for a reply, the person not
// yet replied; for "tomorrow", still attending and the meeting day not yet come), the task still
// open at the same deadline version, the minutes still at that stage — and a to-do must still be
// open. Otherwise the message is voided: WeChat is not called and no credit is spent. The reminders
// tick asks the same before it fires (cloudfunctions/reminders/resolve.ts).
import { cn, MILESTONE_ROUTES, type Milestone } from '../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc, PressDoc, TaskDoc } from '../store/docs';
import type { NotificationDoc, NotificationDraft } from './notify';
import type { Store } from '../store/port';

/** The task reminders carry the deadline version as their occurrence; other task messages the task's version. */
const DEADLINE_VERSIONED: ReadonlySet<Milestone> = new Set(['task_due_soon', 'task_due_today', 'task_overdue']);

/** The meeting has not begun: still before its planned time and not started or held. */
export function meetingAhead(m: MeetingDoc, now: Date): boolean {
  return m.status === 'notice_issued' && now.toISOString() < m.plannedAt;
}

/** "明天开会" only while the meeting day has not come. */
export function beforeMeetingDay(m: MeetingDoc, now: Date): boolean {
  return cn(now).format('YYYY-MM-DD') < cn(m.plannedAt).format('YYYY-MM-DD') && meetingAhead(m, now);
}

export type MessageSubject = Pick<NotificationDoc, 'milestone' | 'subjectType' | 'subjectId' | 'recipientId' | 'occurrence' | 'needsAction' | 'doneAt'>;

/**
 * What a message is about, from its draft — before its inbox row exists (a message the sweep
 * delivers late; a channel's row a crash left without one). Kept on the channels' rows (`about`),
 * so whatever sends a message can ask `stillNeeded` of it.
 */
export function draftSubject(d: Pick<NotificationDraft, 'milestone' | 'subject' | 'recipientId' | 'occurrence'>): MessageSubject {
  return {
    milestone: d.milestone, subjectType: d.subject.type, subjectId: d.subject.id, recipientId: d.recipientId,
    ...(d.occurrence !== undefined ? { occurrence: d.occurrence } : {}),
    ...(MILESTONE_ROUTES[d.milestone]?.needsAction ? { needsAction: true } : {}),
  };
}

/** The subject fields of a message (its inbox row or the row a channel wrote for it), for a channel's row. */
export function aboutOf(n: MessageSubject): MessageSubject {
  return {
    milestone: n.milestone, subjectType: n.subjectType, subjectId: n.subjectId, recipientId: n.recipientId,
    ...(n.occurrence !== undefined ? { occurrence: n.occurrence } : {}), ...(n.needsAction ? { needsAction: true } : {}),
  };
}

export async function stillNeeded(store: Store, n: MessageSubject, now: Date): Promise<boolean> {
  if (n.needsAction && n.doneAt) return false; // someone it asked has acted
  const meeting = () => store.get<MeetingDoc>('meetings', n.subjectId);
  const invitation = () => store.get<InvitationDoc>('invitations', `${n.subjectId}:${n.recipientId}`);
  switch (n.milestone) {
    case 'meeting_notice':
    case 'reply_reminder': {
      const [m, i] = await Promise.all([meeting(), invitation()]);
      const ahead = n.milestone === 'reply_reminder' ? !!m && beforeMeetingDay(m, now) : !!m && meetingAhead(m, now);
      return ahead && !!i && !i.answered;
    }
    case 'meeting_tomorrow': {
      const [m, i] = await Promise.all([meeting(), invitation()]);
      return !!m && beforeMeetingDay(m, now) && i?.answer === 'attend';
    }
    case 'meeting_rescheduled': {
      const m = await meeting();
      return !!m && meetingAhead(m, now);
    }
    case 'collection_opened': {
      const m = await meeting();
      return m?.status === 'collecting';
    }
    case 'topic_list_ready':
    case 'topic_list_changed': {
      const m = await meeting();
      return m?.status === 'collecting';
    }
    case 'minutes_review':
    case 'minutes_stalled': {
      const m = await store.get<MinutesDoc>('minutes', n.subjectId);
      // the stalled reminder belongs to one version at one stage; a review request is closed by the stage's decision
      return !!m && (m.status === 'union_review' || m.status === 'gov_review') && (n.milestone !== 'minutes_stalled' || n.occurrence === undefined || m.version === n.occurrence);
    }
    case 'minutes_draft_due': {
      const m = await store.get<MinutesDoc>('minutes', n.subjectId);
      return !m || m.status === 'draft';
    }
    case 'press_review': {
      const p = await store.get<PressDoc>('press', n.subjectId);
      return !!p && p.status === 'draft';
    }
    case 'task_completed': {
      const t = await store.get<TaskDoc>('tasks', n.subjectId);
      return t?.status === 'awaiting_verification';
    }
    case 'task_deadline_requested': {
      const t = await store.get<TaskDoc>('tasks', n.subjectId);
      return !!t && t.status !== 'done' && !!t.deadlineRequests?.some((r) => r.state === 'pending');
    }
    case 'task_assigned':
    case 'task_sent_back':
    case 'task_due_soon':
    case 'task_due_today':
    case 'task_overdue':
    case 'task_overdue_office': {
      const t = await store.get<TaskDoc>('tasks', n.subjectId);
      if (!t || t.status !== 'in_progress') return false;
      if (n.milestone === 'task_due_soon' && now.toISOString() >= t.dueAt) return false;
      return !(DEADLINE_VERSIONED.has(n.milestone) && n.occurrence !== undefined && t.deadlineVersion !== n.occurrence);
    }
    case 'chase':
      return chaseStillNeeded(store, n, now);
    default:
      return true;
  }
}

async function chaseStillNeeded(store: Store, n: MessageSubject, now: Date): Promise<boolean> {
  if (n.subjectType === 'task') {
    const t = await store.get<TaskDoc>('tasks', n.subjectId);
    return !!t && t.status === 'in_progress';
  }
  if (n.subjectType === 'meeting') {
    const [m, i] = await Promise.all([store.get<MeetingDoc>('meetings', n.subjectId), store.get<InvitationDoc>('invitations', `${n.subjectId}:${n.recipientId}`)]);
    return !!m && meetingAhead(m, now) && !!i && !i.answered;
  }
  const m = await store.get<MinutesDoc>('minutes', n.subjectId);
  return !!m && (m.status === 'union_review' || m.status === 'gov_review');
}
