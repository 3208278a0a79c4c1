// topic.update — the proposer changes the text while the topic is with them (submitted or returned).
import { AppError, hasFlag, topicWorkflow, UpdateTopicInput, type Actor } from '../../../domain';
import type { TopicDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { historyEntry, requireCollecting, topicKind, type TopicRecord } from '../model';
import { toTopicView } from '../views';

function editable({ topic, meeting }: TopicRecord, _actor: Actor): void {
  requireCollecting(meeting);
  if (!hasFlag(topicWorkflow, topic.status, 'editable')) {
    throw new AppError('invalid_transition', `议题「${topicWorkflow.states[topic.status].label}」，不能再修改`);
  }
}

export const update = defineAction({
  name: 'topic.update',
  input: UpdateTopicInput,
  record: topicKind,
  guard: editable,
  target: (i) => i.id,
  handler: async ({ id, ...changes }, ctx) => {
    const { topic, meeting } = ctx.record;
    const texts = [changes.title, changes.background, changes.research, changes.request].filter((t): t is string => !!t);
    await ctx.checkContent(texts);
    const saved = await ctx.write((tx) =>
      tx.update<TopicDoc>('topics', id, topic.version, {
        ...changes, updatedAt: ctx.now.toISOString(), history: [...topic.history, historyEntry(ctx.actor, ctx.now, 'update')],
      }),
    );
    return toTopicView(saved, ctx.actor, meeting);
  },
});
