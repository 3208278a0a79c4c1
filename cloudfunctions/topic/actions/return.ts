// topic.return — the aggregating office sends the topic back with a reason the proposer sees.
import { ReturnTopicInput } from '../../../domain';
import { defineAction } from '../../../server/registry';
import { topicRecord } from '../model';
import { topicAnswered } from '../notices';
import { toTopicView } from '../views';
import { moveTopic } from './transition';

export const returnTopic = defineAction({
  name: 'topic.return',
  input: ReturnTopicInput,
  ...topicRecord,
  target: (i) => i.id,
  handler: async ({ id, reason }, ctx) => {
    const { topic, meeting } = await moveTopic(ctx, id, 'return', { returnReason: reason }, reason);
    ctx.notify(topicAnswered(topic, 'topic_returned'));
    return toTopicView(topic, ctx.actor, meeting.status);
  },
});
