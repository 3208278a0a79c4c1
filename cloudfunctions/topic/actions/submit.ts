// topic.submit — Art. 6: a department's topic goes to the government office, a union department's
// or representative's to the union office, a joint topic through the lead side's office.
import { AGGREGATING_OFFICE, AppError, cn, leadOf, submitSideRefusal, SubmitTopicInput, TOPICS_PER_DAY } from '../../../domain';
import type { TopicDoc } from '../../../server/docs';
import { defineAction } from '../../../server/registry';
import { loadMeeting, meetingRow, requireCollecting } from '../model';
import { topicWaiting } from '../notices';
import { toTopicView } from '../views';

export const submit = defineAction({
  name: 'topic.submit',
  input: SubmitTopicInput,
  row: meetingRow,
  target: (i) => i.meetingId,
  idempotent: true,
  handler: async (input, ctx) => {
    const { store, actor, now } = ctx;
    const meeting = await loadMeeting(store, input.meetingId);
    requireCollecting(meeting);
    const refusal = submitSideRefusal(actor.roles, input.side, input.leadSide);
    if (refusal) throw new AppError('forbidden', refusal);
    const submitDay = cn(now).format('YYYY-MM-DD');
    if ((await store.count('topics', { createdBy: actor.id, submitDay })) >= TOPICS_PER_DAY) {
      throw new AppError('rate_limited', `每人每天最多提交 ${TOPICS_PER_DAY} 个议题，请明天再提交`);
    }
    await ctx.checkContent([input.title, input.background, input.research, input.request]);
    const leadSide = leadOf(input.side, input.leadSide);
    const at = now.toISOString();
    const topic = await store.insert<TopicDoc>('topics', {
      orgId: meeting.orgId, meetingId: meeting._id, meetingTitle: meeting.title,
      side: input.side, leadSide, routedTo: AGGREGATING_OFFICE[leadSide],
      category: input.category, title: input.title, background: input.background, research: input.research, request: input.request,
      status: 'submitted', createdBy: actor.id, proposerName: actor.name, proposerUnit: actor.unit ?? '',
      createdAt: at, updatedAt: at, submitDay,
      history: [{ at, event: 'submit', by: actor.id, byName: actor.name }], opinions: [],
    });
    ctx.notify(await topicWaiting(store, topic));
    return toTopicView(topic, actor, meeting.status);
  },
});
