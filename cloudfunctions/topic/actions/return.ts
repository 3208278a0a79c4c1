// topic.return — the aggregating office sends the topic back with a reason the proposer sees;
// the reason is kept as the written reply (答复, issue #23).
import { ReturnTopicInput } from '../../../domain';
import { defineAction } from '../../../server/kit/registry';
import { announceIfReady } from '../list-status';
import { topicKind } from '../model';
import { topicAnswered } from '../notices';
import { toTopicView } from '../views';
import { moveTopic, screened, topicEdge } from './transition';

export const returnTopic = defineAction({
  name: 'topic.return',
  input: ReturnTopicInput,
  record: topicKind,
  guard: topicEdge('topic.return'),
  target: (i) => i.id,
  handler: async ({ reason }, ctx) => {
    const saved = await moveTopic(ctx, 'return', { extra: { returnReason: reason, reply: { kind: 'returned', text: reason, at: ctx.now.toISOString(), byName: ctx.actor.name } }, note: reason, messages: (t) => topicAnswered(t, 'topic_returned') });
    await screened(ctx, saved._id);
    await announceIfReady(ctx, saved.meetingId); // issue #16: maybe the last topic waiting for screening
    return toTopicView(saved, ctx.actor, ctx.record.meeting);
  },
});
