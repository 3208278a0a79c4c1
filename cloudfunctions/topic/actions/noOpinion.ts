// topic.noOpinion — issue #16, Art. 6 (征求意见): the office of the side whose opinion an accepted
// topic needs records that the side has no opinion (无意见), one tap per topic. Only that office
// (row rule otherSideOffice); only while the meeting collects and the side has neither given an
// opinion nor recorded 无意见. When it was the last thing missing, the confirmers are told.
import { AppError, NoOpinionInput, opinionSideOf, opinionState, type Actor } from '../../../domain';
import type { TopicDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { announceIfReady } from '../list-status';
import { requireCollecting, topicKind, type TopicRecord } from '../model';
import { toTopicView } from '../views';

/** Art. 6: an accepted topic of a collecting meeting, still waiting for its other side's word. */
export function openForNoOpinion({ topic, meeting }: TopicRecord, _actor: Actor): void {
  requireCollecting(meeting);
  if (topic.status !== 'accepted') throw new AppError('invalid_transition', '只能对已采纳的议题登记无意见');
  const state = opinionState(topic);
  if (state === 'given') throw new AppError('invalid_transition', '本方已对该议题提出意见');
  if (state === 'none') throw new AppError('invalid_transition', '本方已对该议题登记无意见');
}

/** The patch that records 无意见 on a topic (one writer: this action and noOpinionAll). */
export function noOpinionPatch(topic: TopicDoc, actor: Actor, at: string): Partial<TopicDoc> {
  return { updatedAt: at, noOpinion: { side: opinionSideOf(topic.leadSide), at, by: actor.id, byName: actor.name } };
}

export const noOpinion = defineAction({
  name: 'topic.noOpinion',
  input: NoOpinionInput,
  // the topic kind named by `topicId` (the payload other clients send); the spread shares the
  // kind's `writes`, so a topic's allowedActions offers noOpinion like every other topic action
  record: {
    ...topicKind,
    load: ({ topicId }, store, actor) => topicKind.load({ id: topicId }, store, actor),
  },
  guard: openForNoOpinion,
  target: (i) => i.topicId,
  handler: async ({ topicId }, ctx) => {
    const { topic, meeting } = ctx.record;
    const saved = await ctx.write((tx) => tx.update<TopicDoc>('topics', topicId, topic.version, noOpinionPatch(topic, ctx.actor, ctx.now.toISOString())));
    await announceIfReady(ctx, meeting._id);
    return toTopicView(saved, ctx.actor, meeting);
  },
});
