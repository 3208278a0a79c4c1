// The kinds of record the topic actions name, and the rules every topic action shares.
import {
  addMonthsCN,
  AppError,
  formatDateCN,
  hasFlag,
  meetingWorkflow,
  topicAudience,
  type Actor,
  type OrgFacts,
  type TopicFacts,
} from '../../domain';
import type { MeetingDoc, TopicDoc, TopicHistoryEntry } from '../../server/store/docs';
import { paramsFor } from '../../server/kit/params';
import { defineRecordKind } from '../../server/kit/registry';

/** A topic with the meeting it belongs to: every topic rule depends on the meeting's phase. */
export interface TopicRecord {
  topic: TopicDoc;
  meeting: MeetingDoc;
}

/** What the row predicates see of a topic. */
export function topicFacts(t: TopicDoc): TopicFacts {
  return { kind: 'topic', orgId: t.orgId, createdBy: t.createdBy, routedTo: t.routedTo, leadSide: t.leadSide, accepted: t.status === 'accepted' };
}

/** A topic named by `id`; who may see it are topic.get's rules, so a refusal never leaks it. */
export const topicKind = defineRecordKind<{ id: string }, TopicRecord>({
  readAs: 'topic.get',
  load: async ({ id }, store) => {
    const topic = await store.get<TopicDoc>('topics', id);
    if (!topic) return null;
    const meeting = await store.get<MeetingDoc>('meetings', topic.meetingId);
    if (!meeting) return null;
    return { record: { topic, meeting }, facts: topicFacts(topic) };
  },
});

/**
 * A meeting named by `meetingId`, as the org it belongs to (the topic list's record). For a meeting
 * whose collection has not opened yet it also knows when collection should start (Art. 6: the lead
 * time of the rules the meeting runs under, Art. 13), so a refusal can say when.
 */
export const meetingKind = defineRecordKind<{ meetingId: string }, MeetingDoc>({
  readAs: 'topic.list',
  load: async ({ meetingId }, store) => {
    const meeting = await store.get<MeetingDoc>('meetings', meetingId);
    if (!meeting) return null;
    const facts: OrgFacts = { kind: 'org', orgId: meeting.orgId };
    // collection still to come (a declined meeting, before collection too, never collects)
    const toCome = hasFlag(meetingWorkflow, meeting.status, 'before_collection') && !hasFlag(meetingWorkflow, meeting.status, 'called_off');
    if (!toCome) return { record: meeting, facts };
    const rulesAt = new Date(meeting.rules?.effectiveFrom ?? meeting.createdAt);
    const { topicLeadMonths } = await paramsFor(store, rulesAt)(meeting.orgId);
    return { record: { ...meeting, expectedCollectionAt: addMonthsCN(meeting.plannedAt, -topicLeadMonths) }, facts };
  },
});

/** A meeting as a topic action's guard sees it: before collection, when collection should start. */
type GuardedMeeting = MeetingDoc & { expectedCollectionAt?: string };

/**
 * Art. 6: topics are proposed, screened and discussed only while the meeting collects them. The
 * refusal says which: collection has not started yet (and when it should), is over, or the meeting
 * will not take place.
 */
export function requireCollecting(meeting: GuardedMeeting): void {
  if (hasFlag(meetingWorkflow, meeting.status, 'accepts_topics')) return;
  const label = meetingWorkflow.states[meeting.status].label;
  // called_off first: a declined meeting is also before_collection, and never will collect
  if (hasFlag(meetingWorkflow, meeting.status, 'called_off')) {
    throw new AppError('invalid_transition', `会议「${label}」，不征集议题`);
  }
  if (hasFlag(meetingWorkflow, meeting.status, 'before_collection')) {
    const when = meeting.expectedCollectionAt ? `，预计于${formatDateCN(meeting.expectedCollectionAt)}开始` : '';
    throw new AppError('invalid_transition', `议题征集尚未开始${when}`);
  }
  throw new AppError('invalid_transition', `会议「${label}」，议题征集已结束`);
}

export function historyEntry(actor: Actor, now: Date, event: TopicHistoryEntry['event'], note?: string): TopicHistoryEntry {
  return { at: now.toISOString(), event, by: actor.id, byName: actor.name, ...(note ? { note } : {}) };
}

/** The fields derived from a topic's status that its queries read (who sees it in a meeting's list). */
export function derived(t: Pick<TopicDoc, 'status' | 'routedTo'>): Pick<TopicDoc, 'audience'> {
  return { audience: topicAudience(t.status, t.routedTo) };
}
