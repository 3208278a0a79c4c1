// topic.withdraw — the proposer takes their topic back before it is screened (or after a return).
import { TopicIdInput } from '../../../domain';
import { defineAction } from '../../../server/kit/registry';
import { announceIfReady } from '../list-status';
import { topicKind } from '../model';
import { toTopicView } from '../views';
import { moveTopic, topicEdge } from './transition';

export const withdraw = defineAction({
  name: 'topic.withdraw',
  input: TopicIdInput,
  record: topicKind,
  guard: topicEdge('topic.withdraw'),
  target: (i) => i.id,
  handler: async (_input, ctx) => {
    const saved = await moveTopic(ctx, 'withdraw');
    await announceIfReady(ctx, saved.meetingId); // issue #16: maybe the last topic waiting for screening
    return toTopicView(saved, ctx.actor, ctx.record.meeting);
  },
});
