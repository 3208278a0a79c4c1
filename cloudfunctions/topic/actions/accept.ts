// topic.accept — Art. 6: the aggregating office selects the topic; the other side is asked for its
// opinion (征求意见) before the list is fixed. A topic accepted after a side confirmed the list
// changes that list, so the confirmations given before are cleared and those sides are told.
import { AGGREGATING_OFFICE, otherSide, TopicIdInput } from '../../../domain';
import { peopleWithRoles } from '../../../server/notify';
import { defineAction } from '../../../server/registry';
import { clearConfirmations, staleConfirmers } from '../list-status';
import { topicKind } from '../model';
import { listChanged, opinionRequested, topicAnswered } from '../notices';
import { toTopicView } from '../views';
import { moveTopic, topicEdge } from './transition';

export const accept = defineAction({
  name: 'topic.accept',
  input: TopicIdInput,
  record: topicKind,
  guard: topicEdge('topic.accept'),
  target: (i) => i.id,
  handler: async (_input, ctx) => {
    const { topic, meeting } = ctx.record;
    const [otherOffice, stale] = await Promise.all([
      peopleWithRoles(ctx.store, topic.orgId, [AGGREGATING_OFFICE[otherSide(topic.leadSide)]]),
      staleConfirmers(ctx.store, meeting),
    ]);
    const saved = await moveTopic(ctx, 'accept', {
      alsoInTx: (tx) => clearConfirmations(tx, meeting),
      messages: (t) => [
        ...topicAnswered(t, 'topic_accepted'),
        ...opinionRequested(otherOffice, t),
        ...listChanged(stale, meeting, `新采纳了议题「${t.title}」`),
      ],
    });
    return toTopicView(saved, ctx.actor, meeting);
  },
});
