// topic.resubmit — after a return, the proposer sends the revised topic back to the office.
import { TopicIdInput } from '../../../domain';
import { peopleWithRoles } from '../../../server/notify/notify';
import { defineAction } from '../../../server/kit/registry';
import { topicKind } from '../model';
import { topicWaiting } from '../notices';
import { toTopicView } from '../views';
import { moveTopic, topicEdge } from './transition';

export const resubmit = defineAction({
  name: 'topic.resubmit',
  input: TopicIdInput,
  record: topicKind,
  guard: topicEdge('topic.resubmit'),
  target: (i) => i.id,
  handler: async (_input, ctx) => {
    const { topic } = ctx.record;
    const office = await peopleWithRoles(ctx.store, topic.orgId, [topic.routedTo]);
    const saved = await moveTopic(ctx, 'resubmit', { extra: { returnReason: undefined }, messages: (t) => topicWaiting(office, t, true) });
    return toTopicView(saved, ctx.actor, ctx.record.meeting);
  },
});
