// account.home — everything the home page shows, in one call: the person, what they have to do,
// the meetings collecting topics (Art. 6), their topics, the office's queue and the unread count.
// My invitations (Art. 5), my tasks with their lights (Art. 11) and the minutes waiting for me (Art. 9).
import { openTodoCount } from '../../../server/notify/notify'; // issue #20: home's 待办
import {
  addMonthsCN,
  availableEvents,
  givesOpinionsFor,
  otherSide,
  HomeInput,
  HOME_ENTRIES,
  hasFlag,
  MEETING_STATES,
  NEXT_STEP,
  NO_REPLY_LABEL,
  REPLY_LABEL,
  meetingWorkflow,
  topicWorkflow,
  countdownLabel,
  MINUTES_STATES,
  minutesWorkflow,
  taskLight,
  type Actor,
  type HomeView,
  type MinutesStatus,
  type Role,
} from '../../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc, TaskDoc, TopicDoc } from '../../../server/store/docs';
import { mayCall } from '../../../server/kit/access';
import { defineAction } from '../../../server/kit/registry';
import { loadMe } from '../views';
import { workQueue } from '../work';

const UPCOMING = MEETING_STATES.filter((s) => hasFlag(meetingWorkflow, s, 'upcoming'));

/** Art. 9: the stages of the minutes that wait for someone holding these roles (an edge of theirs leaves it). */
function minutesWaitingFor(roles: readonly Role[]): MinutesStatus[] {
  return MINUTES_STATES.filter((s) => availableEvents(minutesWorkflow, s, roles).length > 0);
}

/** Home's entries for the caller: those whose action the kit says the caller may call (issue #18). */
export function homeEntries(actor: Actor, collecting: boolean): HomeView['entries'] {
  return HOME_ENTRIES.filter((e) => mayCall(e.action, actor) && (collecting || !e.whileCollecting))
    .map(({ action, mark, title, hint }) => ({ action, mark, title, hint }));
}

export const home = defineAction({
  name: 'account.home',
  input: HomeInput,
  handler: async (_input, { store, actor, now, params }): Promise<HomeView> => {
    // issue #18: what the caller may do is the permission table's answer, never a role list of home's
    const screens = mayCall('topic.accept', actor);
    const [me, upcoming, collecting, myTopics, topicCount, queue, unread, rules, invitations, unanswered] = await Promise.all([
      loadMe(store, actor),
      // one query serves the next meeting and the offices' list of what is coming
      store.find<MeetingDoc>('meetings', { orgId: actor.orgId, status: { in: UPCOMING }, plannedAt: { gte: now.toISOString() } }, { sort: [['plannedAt', 'asc']], limit: 5 }),
      store.find<MeetingDoc>('meetings', { orgId: actor.orgId, status: 'collecting' }, { sort: [['plannedAt', 'asc']], limit: 5 }),
      store.find<TopicDoc>('topics', { createdBy: actor.id }, { sort: [['createdAt', 'desc']], limit: 5 }),
      store.count('topics', { createdBy: actor.id }),
      screens ? store.count('topics', { orgId: actor.orgId, routedTo: { in: actor.roles }, status: 'submitted' }) : Promise.resolve(null),
      store.count('notifications', { recipientId: actor.id, readAt: null }),
      params(actor.orgId),
      store.find<InvitationDoc>('invitations', { personId: actor.id, plannedAt: { gte: now.toISOString() } }, { sort: [['answered', 'asc'], ['plannedAt', 'asc']], limit: 5 }),
      store.count('invitations', { personId: actor.id, answered: false, plannedAt: { gte: now.toISOString() } }),
    ]);
    const waitingStages = minutesWaitingFor(actor.roles);
    const whole = mayCall('task.exportChecklist', actor);
    const [myTasks, openTasks, overdue, waitingMinutes] = await Promise.all([
      store.find<TaskDoc>('tasks', { ownerId: actor.id, open: true }, { sort: [['dueAt', 'asc']], limit: 5 }),
      store.count('tasks', { ownerId: actor.id, open: true }),
      whole ? store.count('tasks', { orgId: actor.orgId, open: true, dueAt: { lte: now.toISOString() } }) : Promise.resolve(null),
      waitingStages.length ? store.find<MinutesDoc>('minutes', { orgId: actor.orgId, status: { in: waitingStages } }, { limit: 5 }) : Promise.resolve({ items: [] as MinutesDoc[] }),
    ]);
    const drafts = mayCall('minutes.save', actor);
    const [minutesMeetings, held, work] = await Promise.all([
      Promise.all(waitingMinutes.items.map((m) => store.get<MeetingDoc>('meetings', m.meetingId))),
      // issue #19: a meeting adjourned and not yet drafted waits at the union office's desk (Art. 9)
      drafts ? store.find<MeetingDoc>('meetings', { orgId: actor.orgId, status: 'held' }, { sort: [['plannedAt', 'desc']], limit: 5 }) : Promise.resolve({ items: [] as MeetingDoc[] }),
      workQueue(store, actor, collecting.items, overdue),
    ]);
    const started = held.items.length
      ? new Set((await store.find<MinutesDoc>('minutes', { _id: { in: held.items.map((m) => m._id) } }, { limit: 5 })).items.map((m) => m.meetingId))
      : new Set<string>();
    const undrafted = held.items.filter((m) => !started.has(m._id));
    const meeting = upcoming.items[0];
    // the offices' console of each coming meeting (it reads the attendance list)
    const orgMeetings = { items: mayCall('meeting.attendance', actor) ? upcoming.items : [] };
    // Art. 6 (征求意见): accepted topics of the other side, in meetings still collecting, with no opinion
    // yet and no 无意见 recorded by that side's office (issue #16)
    const opinionSide = givesOpinionsFor(actor.roles);
    const opinions = opinionSide === null ? null : collecting.items.length
      ? await store.count('topics', {
        meetingId: { in: collecting.items.map((m) => m._id) }, status: 'accepted', leadSide: otherSide(opinionSide), otherSideOpinions: { in: [0, null] }, noOpinion: null,
      })
      : 0;
    // issue #18: each entry is an action the permission table lets the caller call (domain/home.ts)
    const entries = homeEntries(actor, collecting.items.length > 0);
    return {
      ...me,
      counts: { topics: topicCount, opinions, invitations: unanswered, tasks: openTasks, queue, unread, overdue, todo: await openTodoCount(store, actor.id) },
      // Art. 6 + 13: collection starts the org's lead time (in force today) before the meeting
      collectingMeetings: collecting.items.map((m) => ({
        id: m._id, title: m.title, plannedAt: m.plannedAt, collectionStartsAt: addMonthsCN(m.plannedAt, -rules.topicLeadMonths),
      })),
      entries,
      allowedActions: entries.map((e) => e.action),
      topics: myTopics.items.map((t) => ({ id: t._id, title: t.title, status: t.status, statusLabel: topicWorkflow.states[t.status].label })),
      invitations: invitations.items.map((i) => ({
        id: i.meetingId, title: i.meetingTitle, plannedAt: i.plannedAt, status: i.answer ?? 'none', statusLabel: i.answer ? REPLY_LABEL[i.answer] : NO_REPLY_LABEL,
      })),
      meetings: orgMeetings.items.map((m) => ({
        id: m._id, title: m.title, plannedAt: m.plannedAt, stateLabel: meetingWorkflow.states[m.status].label, nextStep: NEXT_STEP[m.status] ?? null,
      })),
      tasks: myTasks.items.map((t) => ({
        id: t._id, title: t.title, status: taskLight(t, now, rules.dueSoonDays), statusLabel: countdownLabel(t.deadline, now, false),
      })),
      minutes: [
        ...undrafted.map((m) => ({ id: m._id, title: m.title, status: 'draft', statusLabel: '已散会，待起草纪要' })),
        ...waitingMinutes.items.map((m, i) => ({
          id: m.meetingId, title: minutesMeetings[i]?.title ?? '会议纪要', status: m.status, statusLabel: minutesWorkflow.states[m.status].label,
        })),
      ],
      work,
      nextMeeting: meeting
        ? { id: meeting._id, title: meeting.title, plannedAt: meeting.plannedAt, status: meeting.status, statusLabel: meetingWorkflow.states[meeting.status].label }
        : null,
    };
  },
});
