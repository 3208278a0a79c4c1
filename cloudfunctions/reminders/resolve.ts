// What a due reminder turns into when the tick takes it (issue #10): the messages to send, or
// nothing when its subject has moved on (rescheduled, deadline moved, done, reviewed) — then it is
// void and never sends. Messages carry the reminder's due time and version in their key, so a
// late, doubled or retried tick lands each once.
import {
  calendarDaysBetween,
  countdownLabel,
  fromCN,
  formatDateTimeCN,
  MINUTES_GOV_REVIEWERS,
  MINUTES_UNION_REVIEWERS,
} from '../../domain';
import { OFFICES, type Person } from '../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc, TaskDoc } from '../../server/store/docs';
import { peopleWithRoles, toEach, type NotificationDraft } from '../../server/notify/notify';
import {
  CONVENORS,
  escalationCrossing,
  escalationDigest,
  isUnitHead,
  keepingSide,
  ladderFor,
  nextDigest,
  type ReminderDoc,
  type ReminderSpec,
} from '../../server/notify/reminders';
import { beforeMeetingDay } from '../../server/notify/relevance';
import { findAll, type Store } from '../../server/store/port';

export interface Resolution {
  drafts: NotificationDraft[];
  /** the next reminder of a repeating kind (overdue: weekly) */
  next?: ReminderSpec;
  /** issue #20: other reminders it makes due (the weekly digest) */
  also?: ReminderSpec[];
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
  // a late tick never says "due soon" or "due today" about a task already overdue
  if ((r.kind === 'task_due_soon' || r.kind === 'task_due_today') && now.toISOString() >= t.dueAt) return null;
  const countdown = countdownLabel(t.deadline, now, false);
  const overdue = r.kind === 'task_overdue';
  const link = `/pages/task/detail/index?id=${t._id}`;
  const draft: NotificationDraft = {
    recipientId: t.ownerId, orgId: t.orgId, milestone: r.kind as NotificationDraft['milestone'], subject: { type: 'task', id: t._id },
    dueAt: r.dueAt, occurrence: r.subjectVersion,
    title: overdue ? '落实任务已逾期' : r.kind === 'task_due_today' ? '落实任务今天到期' : '落实任务即将到期',
    body: overdue ? `「${t.title}」已超过完成时限（${t.deadline}），${countdown}，请尽快完成或说明原因。` : `「${t.title}」将于 ${t.deadline} 到期（${countdown}），请按期完成。`,
    link,
    facts: { subject: t.title, deadline: t.deadline, note: overdue ? `${countdown}，请尽快完成或说明原因` : `${countdown}，请按期完成` },
  };
  if (!overdue) return { drafts: [draft] };
  // weekly after the first, at the same time of day; a tick that comes late never catches up
  // with a burst of the weeks it missed — the next one is the first weekly slot still ahead
  let nextMs = new Date(r.dueAt).getTime() + WEEK_MS;
  while (nextMs <= now.getTime()) nextMs += WEEK_MS;
  const next = { ...specOf(r), dueAt: new Date(nextMs).toISOString() };
  // issue #20, the ladder: overdue → also the keeping office; overdue `escalateAfterDays` or more →
  // the weekly digest to the unit head and the keeping side's convenors (scheduled, one a week)
  const ladder = await ladderFor(store, t.orgId, now);
  const daysOver = calendarDaysBetween(fromCN(t.deadline), now);
  if (daysOver >= ladder.escalateAfterDays) {
    return { drafts: [draft], next, also: [escalationDigest(t.orgId, keepingSide(t.keeperRole), now, ladder.ladderHour)] };
  }
  const office = await peopleWithRoles(store, t.orgId, [t.keeperRole]);
  const toOffice = toEach(office, {
    milestone: 'task_overdue_office', subject: { type: 'task', id: t._id }, dueAt: r.dueAt, occurrence: r.subjectVersion,
    title: '交办任务已逾期', body: `${t.unit} ${t.ownerName} 负责的「${t.title}」已超过完成时限（${t.deadline}），${countdown}。`, link,
    facts: { subject: t.title, deadline: t.deadline },
  });
  // the day it will cross the line (the org's escalateAfterDays, read now): the digest looks then
  const crossing = escalationCrossing(t.orgId, keepingSide(t.keeperRole), t.deadline, ladder.escalateAfterDays, ladder.ladderHour);
  return { drafts: [draft, ...toOffice], next, ...(crossing.dueAt > now.toISOString() ? { also: [crossing] } : {}) };
}

/**
 * Issue #20: the weekly digest — every task of the org's side overdue `escalateAfterDays` or more, in
 * one message to that side's convenors and one to each unit head about the unit's own; the next
 * week's is scheduled while any remain.
 */
async function escalation(store: Store, r: ReminderDoc, now: Date): Promise<Resolution | null> {
  const [orgId, side] = r.subjectId.split(':') as [string, 'gov' | 'union'];
  const ladder = await ladderFor(store, orgId, now);
  const keeper = side === 'gov' ? 'gov_office' : 'union_office';
  const tasks = (await findAll<TaskDoc>(store, 'tasks', { orgId, open: true, dueAt: { lt: now.toISOString() } }))
    .filter((t) => t.status === 'in_progress' && t.keeperRole === keeper && calendarDaysBetween(fromCN(t.deadline), now) >= ladder.escalateAfterDays)
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
  if (!tasks.length) return null;
  const line = (t: TaskDoc) => `「${t.title}」（${t.unit} ${t.ownerName}，时限 ${t.deadline}，逾期 ${calendarDaysBetween(fromCN(t.deadline), now)} 天）`;
  // keyed on the week it goes out in (not the reminder's): two digests due in one week — a late
  // tick, a task crossing the line — land as one message a week
  const week = escalationDigest(orgId, side, now, ladder.ladderHour);
  const base = {
    milestone: 'task_escalation' as const, subject: { type: 'org' as const, id: r.subjectId }, dueAt: week.dueAt, occurrence: week.subjectVersion,
    link: '/packages/office/pages/checklist/index',
  };
  const convenors = await peopleWithRoles(store, orgId, CONVENORS[side]);
  const drafts: NotificationDraft[] = toEach(convenors, {
    ...base, title: `逾期任务周报：${tasks.length} 项逾期超过 ${ladder.escalateAfterDays} 天`,
    body: `以下任务逾期超过 ${ladder.escalateAfterDays} 天仍未完成：${tasks.map(line).join('；')}。`,
    facts: { subject: `${tasks.length}项任务逾期超过${ladder.escalateAfterDays}天`, deadline: tasks[0].deadline, note: '请督促责任单位尽快落实' },
  });
  // the heads the directory marks (issue #20: by the office's flag, never by a title)
  const people = await findAll<Person>(store, 'users', { orgId, unitHead: true });
  const byUnit = new Map<string, TaskDoc[]>();
  for (const t of tasks) byUnit.set(t.unit, [...(byUnit.get(t.unit) ?? []), t]);
  for (const [unit, mine] of byUnit) {
    for (const head of people.filter((p) => p.unit === unit && p.active !== false && isUnitHead(p))) {
      if (drafts.some((d) => d.recipientId === head._id)) continue;
      drafts.push({
        ...base, recipientId: head._id, orgId,
        title: `本单位逾期任务：${mine.length} 项`, body: `${unit}负责的以下任务逾期超过 ${ladder.escalateAfterDays} 天仍未完成：${mine.map(line).join('；')}。`,
        facts: { subject: `${unit}${mine.length}项任务逾期`, deadline: mine[0].deadline, note: '请督促尽快落实' },
      });
    }
  }
  // the next week's, never a burst of weeks a late tick missed: the first weekly slot still ahead
  // (a crossing's check goes on as the weekly digest: the same slot, the same key)
  return { drafts, next: nextDigest(orgId, side, now, ladder.ladderHour) };
}

/** Issue #20: the issued minutes' decided items that have no task yet → both offices, one message. */
async function tasksUnassigned(store: Store, r: ReminderDoc): Promise<Resolution | null> {
  const [meeting, doc] = await Promise.all([store.get<MeetingDoc>('meetings', r.subjectId), store.get<MinutesDoc>('minutes', r.subjectId)]);
  if (!meeting || !doc || doc.status !== 'issued') return null;
  const tasks = await findAll<TaskDoc>(store, 'tasks', { meetingId: meeting._id });
  const without = (doc.decisions ?? []).filter((d) => !tasks.some((t) => t.decisionId === d.id));
  if (!without.length) return null;
  const offices = await peopleWithRoles(store, meeting.orgId, OFFICES);
  return {
    drafts: toEach(offices, {
      milestone: 'tasks_unassigned', subject: { type: 'meeting', id: meeting._id }, dueAt: r.dueAt, occurrence: r.subjectVersion,
      title: '议定事项尚未分解落实', body: `「${meeting.title}」纪要已印发，以下议定事项尚未分解为落实任务：${without.map((d) => `${d.n}. ${d.title}`).join('；')}。`,
      link: '/packages/office/pages/checklist/index',
    }),
  };
}

/** Issue #20, after the meeting: the minutes are still not submitted → the union office drafts them. */
async function minutesDraftDue(store: Store, r: ReminderDoc): Promise<Resolution | null> {
  const [meeting, doc] = await Promise.all([store.get<MeetingDoc>('meetings', r.subjectId), store.get<MinutesDoc>('minutes', r.subjectId)]);
  if (!meeting || meeting.status !== 'held' || (doc && doc.status !== 'draft')) return null;
  const office = await peopleWithRoles(store, meeting.orgId, ['union_office']);
  return {
    drafts: toEach(office, {
      milestone: 'minutes_draft_due', subject: { type: 'minutes', id: meeting._id }, dueAt: r.dueAt, occurrence: r.subjectVersion,
      title: '请起草会议纪要', body: `「${meeting.title}」已召开 ${r.subjectVersion} 天，会议纪要尚未提交审核，请尽快起草。`,
      link: `/packages/office/pages/minutes-editor/index?meetingId=${meeting._id}`,
      facts: { subject: `${meeting.title}会议纪要`, status: '待起草', time: meeting.heldAt ?? meeting.plannedAt },
    }),
  };
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
  if (r.kind === 'task_escalation') return escalation(store, r, now);
  if (r.kind === 'minutes_draft_due') return minutesDraftDue(store, r);
  if (r.kind === 'tasks_unassigned') return tasksUnassigned(store, r);
  if (r.subjectType === 'meeting') return meetingReminder(store, r, now);
  if (r.subjectType === 'task') return taskReminder(store, r, now);
  return minutesReminder(store, r);
}
