// What a due reminder turns into when the tick takes it (issue #10): the messages to send, or
// nothing when its subject has moved on (rescheduled, deadline moved, done, reviewed) — then it is
// void and never sends. Messages carry the reminder's due time and version in their key, so a
// late, doubled or retried tick lands each once.
import {
  countdownLabel,
  formatDateTimeCN,
  MINUTES_GOV_REVIEWERS,
  MINUTES_UNION_REVIEWERS,
} from '../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc, TaskDoc } from '../../server/docs';
import { peopleWithRoles, toEach, type NotificationDraft } from '../../server/notify';
import type { ReminderDoc, ReminderSpec } from '../../server/reminders';
import { beforeMeetingDay } from '../../server/relevance';
import { findAll, type Store } from '../../server/store/port';

export interface Resolution {
  drafts: NotificationDraft[];
  /** the next reminder of a repeating kind (overdue: weekly) */
  next?: ReminderSpec;
}

const WEEK_MS = 7 * 86_400_000;

function meetingMessage(m: MeetingDoc, r: ReminderDoc, title: string, body: string, note: string) {
  return {
    milestone: r.kind as NotificationDraft['milestone'], subject: { type: 'meeting' as const, id: m._id }, dueAt: r.dueAt, occurrence: r.subjectVersion,
    title, body, link: `/pages/meeting/detail/index?id=${m._id}`,
    facts: { subject: m.title, time: m.plannedAt, place: m.place ?? '', note },
  };
}

async function meetingReminder(store: Store, r: ReminderDoc, now: Date): Promise<Resolution | null> {
  const m = await store.get<MeetingDoc>('meetings', r.subjectId);
  // Art. 5, 7: only while the notice stands at the time it was scheduled for
  if (!m || m.status !== 'notice_issued' || (m.scheduleVersion ?? 1) !== r.subjectVersion) return null;
  // issue #20: never after the fact — a late tick says nothing ("请回复", "明天开会") once the
  // meeting day has come
  if (!beforeMeetingDay(m, now)) return null;
  const invitations = await findAll<InvitationDoc>(store, 'invitations', { meetingId: m._id });
  const when = `${formatDateTimeCN(m.plannedAt)}${m.place ? `，${m.place}` : ''}`;
  if (r.kind === 'reply_reminder') {
    const waiting = invitations.filter((i) => !i.answered);
    return { drafts: waiting.map((i) => ({ ...meetingMessage(m, r, '请回复是否参会', `「${m.title}」将于 ${when} 召开，您尚未回复是否参会。`, '您尚未回复是否参会'), recipientId: i.personId, orgId: i.orgId })) };
  }
  const attending = invitations.filter((i) => i.answer === 'attend');
  return { drafts: attending.map((i) => ({ ...meetingMessage(m, r, '明天开会', `「${m.title}」明天召开：${when}。请提前十分钟到场签到。`, '请提前十分钟到场签到'), recipientId: i.personId, orgId: i.orgId })) };
}

async function taskReminder(store: Store, r: ReminderDoc, now: Date): Promise<Resolution | null> {
  const t = await store.get<TaskDoc>('tasks', r.subjectId);
  // Art. 11: only while it is being worked on, at the deadline it was scheduled for
  if (!t || t.status !== 'in_progress' || t.deadlineVersion !== r.subjectVersion) return null;
  // a late tick never says "due soon" about a task already overdue
  if (r.kind === 'task_due_soon' && now.toISOString() >= t.dueAt) return null;
  const countdown = countdownLabel(t.deadline, now, false);
  const overdue = r.kind === 'task_overdue';
  const draft: NotificationDraft = {
    recipientId: t.ownerId, orgId: t.orgId, milestone: r.kind as NotificationDraft['milestone'], subject: { type: 'task', id: t._id },
    dueAt: r.dueAt, occurrence: r.subjectVersion,
    title: overdue ? '落实任务已逾期' : '落实任务即将到期',
    body: overdue ? `「${t.title}」已超过完成时限（${t.deadline}），${countdown}，请尽快完成或说明原因。` : `「${t.title}」将于 ${t.deadline} 到期（${countdown}），请按期完成。`,
    link: `/pages/task/detail/index?id=${t._id}`,
    facts: { subject: t.title, deadline: t.deadline, note: overdue ? `${countdown}，请尽快完成或说明原因` : `${countdown}，请按期完成` },
  };
  // weekly after the first, at the same time of day; a tick that comes late never catches up
  // with a burst of the weeks it missed — the next one is the first weekly slot still ahead
  let nextMs = new Date(r.dueAt).getTime() + WEEK_MS;
  while (nextMs <= now.getTime()) nextMs += WEEK_MS;
  const next = overdue ? { ...specOf(r), dueAt: new Date(nextMs).toISOString() } : undefined;
  return { drafts: [draft], ...(next ? { next } : {}) };
}

async function minutesReminder(store: Store, r: ReminderDoc): Promise<Resolution | null> {
  const m = await store.get<MinutesDoc>('minutes', r.subjectId);
  // Art. 9: still at the same stage, not touched since
  if (!m || m.version !== r.subjectVersion || m.status !== r.stage) return null;
  const meeting = await store.get<MeetingDoc>('meetings', m.meetingId);
  const reviewers = await peopleWithRoles(store, m.orgId, m.status === 'union_review' ? MINUTES_UNION_REVIEWERS : MINUTES_GOV_REVIEWERS);
  const title = meeting?.title ?? '会议纪要';
  return {
    drafts: toEach(reviewers, {
      milestone: 'minutes_stalled', subject: { type: 'minutes', id: m._id }, dueAt: r.dueAt, occurrence: r.subjectVersion,
      title: '会议纪要仍待您审核', body: `「${title}」的会议纪要已提交三天，仍待您审核。`, link: `/pages/minutes/index?meetingId=${m._id}`,
      facts: { subject: `${title}会议纪要`, status: '待审核', time: m.versions[m.versions.length - 1]?.savedAt },
    }),
  };
}

const specOf = (r: ReminderDoc): ReminderSpec => ({
  kind: r.kind, subjectType: r.subjectType, subjectId: r.subjectId, orgId: r.orgId, subjectVersion: r.subjectVersion, dueAt: r.dueAt, ...(r.stage ? { stage: r.stage } : {}),
});

export function resolveReminder(store: Store, r: ReminderDoc, now: Date): Promise<Resolution | null> {
  if (r.subjectType === 'meeting') return meetingReminder(store, r, now);
  if (r.subjectType === 'task') return taskReminder(store, r, now);
  return minutesReminder(store, r);
}
