// topic.submit — Art. 6: a department's topic goes to the government office, a union department's
// or representative's to the union office, a joint topic through the lead side's office.
import { addDaysCN, AGGREGATING_OFFICE, AppError, cn, startOfDayCN, leadOf, submitSideRefusal, SubmitTopicInput, TOPICS_PER_DAY } from '../../../domain';
import type { TopicDoc } from '../../../server/store/docs';
import { peopleWithRoles } from '../../../server/notify/notify';
import { takeQuota } from '../../../server/security/quota';
import { retryOnConflict } from '../../../server/kit/records';
import { defineAction } from '../../../server/kit/registry';
import { derived, meetingKind, requireCollecting } from '../model';
import { topicWaiting } from '../notices';
import { toTopicView } from '../views';

export const submit = defineAction({
  name: 'topic.submit',
  input: SubmitTopicInput,
  record: meetingKind,
  guard: (meeting) => requireCollecting(meeting),
  target: (i) => i.meetingId,
  handler: async (input, ctx) => {
    const { actor, now, record: meeting } = ctx;
    const refusal = submitSideRefusal(actor.roles, input.side, input.leadSide);
    if (refusal) throw new AppError('forbidden', refusal);
    await ctx.checkContent([input.title, input.background, input.research, input.request]);
    const leadSide = leadOf(input.side, input.leadSide);
    const routedTo = AGGREGATING_OFFICE[leadSide];
    const office = await peopleWithRoles(ctx.store, meeting.orgId, [routedTo]);
    const submitDay = cn(now).format('YYYY-MM-DD');
    const at = now.toISOString();
    const doc = {
      orgId: meeting.orgId, meetingId: meeting._id, meetingTitle: meeting.title,
      side: input.side, leadSide, routedTo, ...derived({ status: 'submitted', routedTo }), otherSideOpinions: 0,
      category: input.category, title: input.title, background: input.background, research: input.research, request: input.request,
      status: 'submitted' as const, createdBy: actor.id, proposerName: actor.name, proposerUnit: actor.unit ?? '',
      createdAt: at, updatedAt: at, submitDay,
      history: [{ at, event: 'submit' as const, by: actor.id, byName: actor.name }], opinions: [],
    };
    // Art. 6 (and abuse): at most TOPICS_PER_DAY a person a Shanghai day, counted atomically.
    const topic = await retryOnConflict(
      () =>
        ctx.write(async (tx) => {
          await takeQuota(tx, `topics:${actor.id}:${submitDay}`, TOPICS_PER_DAY, `每人每天最多提交 ${TOPICS_PER_DAY} 个议题，请明天再提交`, addDaysCN(startOfDayCN(now), 2));
          return tx.insert<TopicDoc>('topics', doc);
        }, (t) => topicWaiting(office, t)),
      10,
    );
    return toTopicView(topic, actor, meeting);
  },
});
