// topic.accept — Art. 6: the aggregating office selects the topic; the other side is asked for its
// opinion (征求意见) before the list is fixed.
import { TopicIdInput } from '../../../domain';
import { defineAction } from '../../../server/registry';
import { topicRecord } from '../model';
import { opinionRequested, topicAnswered } from '../notices';
import { toTopicView } from '../views';
import { moveTopic } from './transition';

export const accept = defineAction({
  name: 'topic.accept',
  input: TopicIdInput,
  ...topicRecord,
  target: (i) => i.id,
  handler: async ({ id }, ctx) => {
    const { topic, meeting } = await moveTopic(ctx, id, 'accept');
    ctx.notify([...topicAnswered(topic, 'topic_accepted'), ...(await opinionRequested(ctx.store, topic))]);
    return toTopicView(topic, ctx.actor, meeting.status);
  },
});
