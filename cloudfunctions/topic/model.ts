// The kinds of record the topic actions name, and the rules every topic action shares.
import {
  AppError,
  hasFlag,
  meetingWorkflow,
  topicAudience,
  type Actor,
  type OrgFacts,
  type TopicFacts,
} from '../../domain';
import type { MeetingDoc, TopicDoc, TopicHistoryEntry } from '../../server/docs';
import { defineRecordKind } from '../../server/registry';

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

/** A meeting named by `meetingId`, as the org it belongs to (the topic list's record). */
export const meetingKind = defineRecordKind<{ meetingId: string }, MeetingDoc>({
  readAs: 'topic.list',
  load: async ({ meetingId }, store) => {
    const meeting = await store.get<MeetingDoc>('meetings', meetingId);
    const facts: OrgFacts | null = meeting ? { kind: 'org', orgId: meeting.orgId } : null;
    return meeting && facts ? { record: meeting, facts } : null;
  },
});

/** Art. 6: topics are proposed, screened and discussed only while the meeting collects them. */
export function requireCollecting(meeting: MeetingDoc): void {
  if (!hasFlag(meetingWorkflow, meeting.status, 'accepts_topics')) {
    throw new AppError('invalid_transition', `会议「${meetingWorkflow.states[meeting.status].label}」，议题征集已结束`);
  }
}

export function historyEntry(actor: Actor, now: Date, event: TopicHistoryEntry['event'], note?: string): TopicHistoryEntry {
  return { at: now.toISOString(), event, by: actor.id, byName: actor.name, ...(note ? { note } : {}) };
}

/** The fields derived from a topic's status that its queries read (who sees it in a meeting's list). */
export function derived(t: Pick<TopicDoc, 'status' | 'routedTo'>): Pick<TopicDoc, 'audience'> {
  return { audience: topicAudience(t.status, t.routedTo) };
}
