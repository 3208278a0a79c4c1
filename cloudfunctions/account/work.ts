// The home's work queue (issue #19): what waits for the caller, computed from indexed counts and the
// workflow's edges. Each item names the list call that opens it, and its count uses that call's
// very filter, so the number on home is the number of items the link opens:
//   screen   — topic.list { scope: 'queue', meetingId }     one per meeting collecting topics
//   opinions — topic.list { scope: 'opinions', meetingId }  one per meeting collecting topics
//   <step>   — meeting.list { status }                      the meetings whose next edge is the caller's
//   replies  — meeting.list { awaiting: 'replies' }         meetings whose notice is out with invitees of the
//                                                           caller's side silent (the label counts the invitees)
//   approveMinutes — meeting.list { awaiting: 'minutes' }   minutes at the caller's review stage (Art. 9)
//   approvePress   — meeting.list { awaiting: 'press' }     press releases lacking the caller's office's approval
//   verify   — task.list { scope: 'verify' }                tasks the caller's office keeps, reported done
//   deadlines — task.list { scope: 'deadlines' }           tasks it keeps with a deadline request waiting
//   overdue  — task.list { scope: 'overdue' }               the org's open tasks past their deadline
import { givesOpinionsFor, hasAnyRole, meetingWorkflow, otherSide, type Actor, type HomeView } from '../../domain';
import { mayCall } from '../../server/kit/access';
import { WORK_MEETING_EVENTS, WORK_MEETING_LABEL } from '../../domain/workbench';
import type { MeetingDoc } from '../../server/store/docs';
import type { Store } from '../../server/store/port';
import { awaitingOpinionFilter } from '../../server/areas/topic';
import { meetingsAwaiting } from '../../server/areas/meeting';
import { deadlineRequestsWaiting, toVerifyFilter } from '../../server/areas/task';

type WorkItem = HomeView['work'][number];

/** The state a step leaves from (each counted step leaves from exactly one). */
function stepFrom(event: string): { from: string; roles: readonly string[] } | null {
  const edge = meetingWorkflow.edges.find((e) => e.event === event);
  return edge && typeof edge.from === 'string' ? { from: edge.from, roles: edge.roles } : null;
}

export async function workQueue(store: Store, actor: Actor, collecting: readonly MeetingDoc[], overdue: number | null): Promise<WorkItem[]> {
  // the office's queue: what topic.accept may be called on (routed to one of the caller's offices)
  const screens = mayCall('topic.accept', actor);
  const side = givesOpinionsFor(actor.roles);
  const steps = WORK_MEETING_EVENTS.flatMap((event) => {
    const step = stepFrom(event);
    return step && hasAnyRole(actor.roles, step.roles as Actor['roles']) ? [{ event, from: step.from }] : [];
  });
  const [screen, opinions, meetings] = await Promise.all([
    Promise.all(collecting.map((m) => (screens
      ? store.count('topics', { orgId: actor.orgId, routedTo: { in: actor.roles }, status: 'submitted', meetingId: m._id })
      : Promise.resolve(0)))),
    Promise.all(collecting.map((m) => (side ? store.count('topics', { ...awaitingOpinionFilter(m._id), leadSide: otherSide(side) }) : Promise.resolve(0)))),
    Promise.all(steps.map((s) => store.count('meetings', { orgId: actor.orgId, status: s.from }))),
  ]);
  const [replies, minutes, press, verify, deadlines] = await Promise.all([
    meetingsAwaiting(store, actor, actor.orgId, 'replies'),
    meetingsAwaiting(store, actor, actor.orgId, 'minutes'),
    meetingsAwaiting(store, actor, actor.orgId, 'press'),
    mayCall('task.verify', actor) ? store.count('tasks', toVerifyFilter(actor)) : Promise.resolve(0),
    mayCall('task.decideDeadline', actor) ? deadlineRequestsWaiting(store, actor).then((t) => t.length) : Promise.resolve(0),
  ]);
  const meetingStep = (kind: 'replies' | 'approveMinutes' | 'approvePress', awaiting: string, n: number, label: string): WorkItem[] => (n
    ? [{ kind, label, count: n, open: { action: 'meeting.list', payload: { awaiting } } }]
    : []);
  const many = collecting.length > 1;
  const of = (m: MeetingDoc) => (many ? `「${m.title}」` : '');
  return [
    ...collecting.flatMap((m, i): WorkItem[] => (screen[i] ? [{
      kind: 'screen', label: `${of(m)}${screen[i]} 个议题待审核`, count: screen[i], meetingId: m._id,
      open: { action: 'topic.list', payload: { scope: 'queue', meetingId: m._id } },
    }] : [])),
    ...collecting.flatMap((m, i): WorkItem[] => (opinions[i] ? [{
      kind: 'opinions', label: `${of(m)}${opinions[i]} 个议题等待本方意见`, count: opinions[i], meetingId: m._id,
      open: { action: 'topic.list', payload: { scope: 'opinions', meetingId: m._id } },
    }] : [])),
    ...steps.flatMap((s, i): WorkItem[] => (meetings[i] ? [{
      kind: s.event, label: `${meetings[i]} ${WORK_MEETING_LABEL[s.event]}`, count: meetings[i],
      open: { action: 'meeting.list', payload: { status: s.from } },
    }] : [])),
    ...meetingStep('replies', 'replies', replies.meetings.length, `${replies.meetings.length} 个会议有 ${replies.waiting} 位受邀人未答复通知`),
    ...meetingStep('approveMinutes', 'minutes', minutes.meetings.length, `${minutes.meetings.length} 份会议纪要待您审核`),
    ...meetingStep('approvePress', 'press', press.meetings.length, `${press.meetings.length} 篇宣传稿件待本方审核`),
    ...(verify ? [{ kind: 'verify' as const, label: `${verify} 项任务已报完成，待核验`, count: verify, open: { action: 'task.list', payload: { scope: 'verify' } } }] : []),
    ...(deadlines ? [{ kind: 'deadlines' as const, label: `${deadlines} 项延期申请待审批`, count: deadlines, open: { action: 'task.list', payload: { scope: 'deadlines' } } }] : []),
    ...(overdue ? [{ kind: 'overdue' as const, label: `${overdue} 项任务逾期，待督办`, count: overdue, open: { action: 'task.list', payload: { scope: 'overdue' } } }] : []),
  ];
}
