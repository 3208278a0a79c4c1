// topic.get — one topic, as far as the caller may see it (row predicates in the permission matrix),
// with what became of it (issue #23: the chain from submission to the tasks, or the reply).
import { TopicIdInput } from '../../../domain';
import { defineAction } from '../../../server/kit/registry';
import { chainOf } from '../chain';
import { topicKind } from '../model';
import { toTopicView } from '../views';

export const get = defineAction({
  name: 'topic.get',
  input: TopicIdInput,
  record: topicKind,
  handler: async (_input, ctx) => ({
    ...toTopicView(ctx.record.topic, ctx.actor, ctx.record.meeting),
    chain: await chainOf(ctx, ctx.record.topic, ctx.record.meeting),
  }),
});
