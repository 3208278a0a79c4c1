// topic.withdraw — the proposer takes their topic back before it is screened (or after a return).
import { TopicIdInput } from '../../../domain';
import { defineAction } from '../../../server/registry';
import { topicRecord } from '../model';
import { toTopicView } from '../views';
import { moveTopic } from './transition';

export const withdraw = defineAction({
  name: 'topic.withdraw',
  input: TopicIdInput,
  ...topicRecord,
  target: (i) => i.id,
  handler: async ({ id }, ctx) => {
    const { topic, meeting } = await moveTopic(ctx, id, 'withdraw');
    return toTopicView(topic, ctx.actor, meeting.status);
  },
});
