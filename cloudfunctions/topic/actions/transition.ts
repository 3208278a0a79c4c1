// The shape every state-changing topic action shares: load, check the meeting phase, take one
// workflow edge through transition(), write with the version read (conflict if someone was faster).
import { transition, topicWorkflow, type TopicEvent } from '../../../domain';
import type { MeetingDoc, TopicDoc } from '../../../server/docs';
import type { ActionContext } from '../../../server/registry';
import type { Patch } from '../../../server/store/port';
import { historyEntry, loadMeeting, loadTopic, requireCollecting } from '../model';

export async function moveTopic(
  ctx: ActionContext,
  id: string,
  event: TopicEvent,
  extra: Patch<TopicDoc> = {},
  note?: string,
): Promise<{ topic: TopicDoc; meeting: MeetingDoc }> {
  const topic = await loadTopic(ctx.store, id);
  const meeting = await loadMeeting(ctx.store, topic.meetingId);
  requireCollecting(meeting);
  const status = transition(topicWorkflow, topic.status, event, ctx.actor.roles);
  const saved = await ctx.store.update<TopicDoc>('topics', id, topic.version, {
    ...extra, status, updatedAt: ctx.now.toISOString(), history: [...topic.history, historyEntry(ctx, event, note)],
  });
  return { topic: saved, meeting };
}
