// topic.update — the proposer changes the text while the topic is with them (submitted or returned).
import { AppError, hasFlag, topicWorkflow, UpdateTopicInput } from '../../../domain';
import type { TopicDoc } from '../../../server/docs';
import { defineAction } from '../../../server/registry';
import { historyEntry, loadMeeting, loadTopic, requireCollecting, topicRecord } from '../model';
import { toTopicView } from '../views';

export const update = defineAction({
  name: 'topic.update',
  input: UpdateTopicInput,
  ...topicRecord,
  target: (i) => i.id,
  handler: async ({ id, ...changes }, ctx) => {
    const topic = await loadTopic(ctx.store, id);
    const meeting = await loadMeeting(ctx.store, topic.meetingId);
    requireCollecting(meeting);
    if (!hasFlag(topicWorkflow, topic.status, 'editable')) {
      throw new AppError('invalid_transition', `议题「${topicWorkflow.states[topic.status].label}」，不能再修改`);
    }
    const texts = [changes.title, changes.background, changes.research, changes.request].filter((t): t is string => !!t);
    await ctx.checkContent(texts);
    const saved = await ctx.store.update<TopicDoc>('topics', id, topic.version, {
      ...changes, updatedAt: ctx.now.toISOString(), history: [...topic.history, historyEntry(ctx, 'update')],
    });
    return toTopicView(saved, ctx.actor, meeting.status);
  },
});
