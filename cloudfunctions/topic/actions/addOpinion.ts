// topic.addOpinion — Art. 6 (征求意见): before the list is fixed, the other side's office, convenor
// or leader gives its opinion on an accepted topic (who may: the row rule otherSideOfficial).
import { AddOpinionInput, AppError, otherSide, type Actor } from '../../../domain';
import type { TopicDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { announceIfReady } from '../list-status';
import { requireCollecting, topicKind, type TopicRecord } from '../model';
import { toTopicView } from '../views';

function openForOpinion({ topic, meeting }: TopicRecord, _actor: Actor): void {
  requireCollecting(meeting);
  if (topic.status !== 'accepted') throw new AppError('invalid_transition', '只能对已采纳的议题提出意见');
}

export const addOpinion = defineAction({
  name: 'topic.addOpinion',
  input: AddOpinionInput,
  record: topicKind,
  guard: openForOpinion,
  target: (i) => i.id,
  handler: async ({ id, text }, ctx) => {
    const { topic, meeting } = ctx.record;
    await ctx.checkContent([text]);
    const side = otherSide(topic.leadSide);
    const at = ctx.now.toISOString();
    const saved = await ctx.write((tx) =>
      tx.update<TopicDoc>('topics', id, topic.version, {
        updatedAt: at,
        opinions: [...topic.opinions, { at, by: ctx.actor.id, byName: ctx.actor.name, byUnit: ctx.actor.unit ?? '', side, text }],
        otherSideOpinions: (topic.otherSideOpinions ?? 0) + 1,
      }),
    );
    // issue #16: the last missing opinion makes the list ready for the confirmers
    await announceIfReady(ctx, meeting._id);
    return toTopicView(saved, ctx.actor, meeting);
  },
});
