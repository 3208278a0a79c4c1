// topic.withdraw — the proposer takes their topic back before it is screened (or after a return).
import { TopicIdInput } from '../../../domain';
import { defineAction } from '../../../server/registry';
import { topicKind } from '../model';
import { toTopicView } from '../views';
import { moveTopic, topicEdge } from './transition';

export const withdraw = defineAction({
  name: 'topic.withdraw',
  input: TopicIdInput,
  record: topicKind,
  guard: topicEdge('topic.withdraw'),
  target: (i) => i.id,
  handler: async (_input, ctx) => toTopicView(await moveTopic(ctx, 'withdraw'), ctx.actor, ctx.record.meeting),
});
