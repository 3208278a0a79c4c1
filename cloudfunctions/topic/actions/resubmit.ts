// topic.resubmit — after a return, the proposer sends the revised topic back to the office.
import { TopicIdInput } from '../../../domain';
import { defineAction } from '../../../server/registry';
import { topicRecord } from '../model';
import { topicWaiting } from '../notices';
import { toTopicView } from '../views';
import { moveTopic } from './transition';

export const resubmit = defineAction({
  name: 'topic.resubmit',
  input: TopicIdInput,
  ...topicRecord,
  target: (i) => i.id,
  handler: async ({ id }, ctx) => {
    const { topic, meeting } = await moveTopic(ctx, id, 'resubmit', { returnReason: undefined });
    ctx.notify(await topicWaiting(ctx.store, topic, true));
    return toTopicView(topic, ctx.actor, meeting.status);
  },
});
