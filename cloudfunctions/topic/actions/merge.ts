// topic.merge — Art. 6 (精心筛选): the office folds a topic into a similar one of the same meeting
// that it also screens. Both documents change in one transaction.
import { AppError, MergeTopicInput, transition, topicWorkflow } from '../../../domain';
import type { TopicDoc } from '../../../server/docs';
import { defineAction } from '../../../server/registry';
import { historyEntry, loadMeeting, loadTopic, requireCollecting, topicRecord } from '../model';
import { topicAnswered } from '../notices';
import { toTopicView } from '../views';

export const merge = defineAction({
  name: 'topic.merge',
  input: MergeTopicInput,
  ...topicRecord,
  target: (i) => i.id,
  handler: async ({ id, intoId, note }, ctx) => {
    if (id === intoId) throw new AppError('validation_error', '不能把议题合并到它自己');
    const [topic, into] = await Promise.all([loadTopic(ctx.store, id), loadTopic(ctx.store, intoId)]);
    const meeting = await loadMeeting(ctx.store, topic.meetingId);
    requireCollecting(meeting);
    const status = transition(topicWorkflow, topic.status, 'merge', ctx.actor.roles);
    if (into.meetingId !== topic.meetingId || into.routedTo !== topic.routedTo || !['submitted', 'accepted'].includes(into.status)) {
      throw new AppError('invalid_transition', '只能合并到同一会议、由本办公室审核的待审核或已采纳议题');
    }
    const at = ctx.now.toISOString();
    const saved = await ctx.store.transaction(async (tx) => {
      const merged = await tx.update<TopicDoc>('topics', id, topic.version, {
        status, updatedAt: at, mergedInto: { id: into._id, title: into.title, ...(note ? { note } : {}) },
        history: [...topic.history, historyEntry(ctx, 'merge', `并入「${into.title}」${note ? `：${note}` : ''}`)],
      });
      await tx.update<TopicDoc>('topics', intoId, into.version, {
        updatedAt: at, history: [...into.history, historyEntry(ctx, 'absorb', `并入「${topic.title}」（${topic.proposerName}）`)],
      });
      return merged;
    });
    ctx.notify(topicAnswered(saved, 'topic_merged'));
    return toTopicView(saved, ctx.actor, meeting.status);
  },
});
