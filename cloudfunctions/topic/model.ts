// Loading and guarding the records the topic actions work on.
import { AppError, hasFlag, meetingWorkflow, type RowFacts } from '../../domain';
import type { MeetingDoc, TopicDoc, TopicHistoryEntry } from '../../server/docs';
import type { ActionContext } from '../../server/registry';
import type { Store } from '../../server/store/port';

export async function loadTopic(store: Store, id: string): Promise<TopicDoc> {
  const topic = await store.get<TopicDoc>('topics', id);
  if (!topic) throw new AppError('not_found', '议题不存在或您无权查看');
  return topic;
}

export async function loadMeeting(store: Store, id: string): Promise<MeetingDoc> {
  const meeting = await store.get<MeetingDoc>('meetings', id);
  if (!meeting) throw new AppError('not_found', '会议不存在或您无权查看');
  return meeting;
}

/** What the row predicates see of a topic. */
export function topicFacts(t: TopicDoc): RowFacts {
  return { orgId: t.orgId, createdBy: t.createdBy, routedTo: t.routedTo, leadSide: t.leadSide, accepted: t.status === 'accepted' };
}

const topicRow = async (input: { id: string }, store: Store): Promise<RowFacts | null> => {
  const t = await store.get<TopicDoc>('topics', input.id);
  return t ? topicFacts(t) : null;
};

/**
 * How an action names a topic: its row loader together with who may see a topic (topic.get's
 * rules), so a refused caller who may not see it gets not_found — never one without the other.
 */
export const topicRecord = { row: topicRow, readAs: 'topic.get' } as const;

export const meetingRow = async (input: { meetingId: string }, store: Store): Promise<RowFacts | null> => {
  const m = await store.get<MeetingDoc>('meetings', input.meetingId);
  return m ? { orgId: m.orgId } : null;
};

/** Art. 6: topics are proposed, screened and discussed only while the meeting collects them. */
export function requireCollecting(meeting: MeetingDoc): void {
  if (!hasFlag(meetingWorkflow, meeting.status, 'accepts_topics')) {
    throw new AppError('invalid_transition', `会议「${meetingWorkflow.states[meeting.status].label}」，议题征集已结束`);
  }
}

export function historyEntry(ctx: ActionContext, event: TopicHistoryEntry['event'], note?: string): TopicHistoryEntry {
  return { at: ctx.now.toISOString(), event, by: ctx.actor.id, byName: ctx.actor.name, ...(note ? { note } : {}) };
}
