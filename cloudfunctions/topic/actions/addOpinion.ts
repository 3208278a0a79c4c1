// topic.addOpinion — Art. 6 (征求意见): before the list is fixed, the other side's office, convenor
// or leader gives its opinion on an accepted topic.
import { AddOpinionInput, AppError, opinionSide } from '../../../domain';
import type { TopicDoc } from '../../../server/docs';
import { defineAction } from '../../../server/registry';
import { loadMeeting, loadTopic, requireCollecting, topicRecord } from '../model';
import { toTopicView } from '../views';

export const addOpinion = defineAction({
  name: 'topic.addOpinion',
  input: AddOpinionInput,
  ...topicRecord,
  target: (i) => i.id,
  handler: async ({ id, text }, ctx) => {
    const topic = await loadTopic(ctx.store, id);
    const meeting = await loadMeeting(ctx.store, topic.meetingId);
    requireCollecting(meeting);
    if (topic.status !== 'accepted') throw new AppError('invalid_transition', '只能对已采纳的议题提出意见');
    const side = opinionSide(ctx.actor.roles, topic.leadSide);
    if (!side) throw new AppError('forbidden', '意见由另一方的办公室、召集人或总召集人提出');
    await ctx.checkContent([text]);
    const saved = await ctx.store.update<TopicDoc>('topics', id, topic.version, {
      updatedAt: ctx.now.toISOString(),
      opinions: [...topic.opinions, { at: ctx.now.toISOString(), by: ctx.actor.id, byName: ctx.actor.name, byUnit: ctx.actor.unit ?? '', side, text }],
    });
    return toTopicView(saved, ctx.actor, meeting.status);
  },
});
