// topic.accept — Art. 6: the aggregating office selects the topic; the other side is asked for its
// opinion (征求意见) before the list is fixed. Accepting changes the topic list: its revision moves
// on, the confirmations given before are cleared and those sides are told.
import { AGGREGATING_OFFICE, AppError, otherSide, TopicIdInput } from '../../../domain';
import { peopleWithRoles } from '../../../server/notify/notify';
import { retryOnConflict } from '../../../server/kit/records';
import { defineAction, type ActionContext } from '../../../server/kit/registry';
import { changeList, staleConfirmers } from '../list-status';
import { topicKind, type TopicRecord } from '../model';
import { listChanged, opinionRequested, topicAnswered } from '../notices';
import { toTopicView } from '../views';
import { moveTopic, screened, topicEdge } from './transition';

const guard = topicEdge('topic.accept');

/** Two offices accepting at once both move the list on: the slower reloads and tries again. */
async function acceptOnce(ctx: ActionContext<TopicRecord>) {
  const { topic, meeting } = ctx.record;
  const [otherOffice, stale] = await Promise.all([
    peopleWithRoles(ctx.store, topic.orgId, [AGGREGATING_OFFICE[otherSide(topic.leadSide)]]),
    staleConfirmers(ctx.store, meeting),
  ]);
  return moveTopic(ctx, 'accept', {
    alsoInTx: (tx) => changeList(tx, meeting),
    messages: (t) => [
      ...topicAnswered(t, 'topic_accepted'),
      ...opinionRequested(otherOffice, t),
      ...listChanged(stale, meeting, `新采纳了议题「${t.title}」`),
    ],
  });
}

export const accept = defineAction({
  name: 'topic.accept',
  input: TopicIdInput,
  record: topicKind,
  guard,
  target: (i) => i.id,
  handler: async ({ id }, ctx) => {
    let attempt = 0;
    const saved = await retryOnConflict(async () => {
      if (attempt++ > 0) {
        const loaded = await topicKind.load({ id }, ctx.store, ctx.actor);
        if (!loaded) throw new AppError('not_found');
        guard(loaded.record, ctx.actor);
        ctx.record = loaded.record;
      }
      return acceptOnce(ctx);
    }, 4);
    await screened(ctx, id);
    return toTopicView(saved, ctx.actor, ctx.record.meeting);
  },
});
