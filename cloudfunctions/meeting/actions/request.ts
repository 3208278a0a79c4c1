// meeting.request — Art. 4: the union side requests (提请) a joint meeting; the government side
// is asked to accept it.
import { AppError, RequestMeetingInput, yearCN } from '../../../domain';
import type { MeetingDoc } from '../../../server/store/docs';
import { peopleWithRoles } from '../../../server/notify/notify';
import { defineAction } from '../../../server/kit/registry';
import { requested } from '../notices';

export const request = defineAction({
  name: 'meeting.request',
  input: RequestMeetingInput,
  handler: async (input, ctx) => {
    const { actor, now } = ctx;
    if (input.plannedAt <= now.toISOString()) {
      throw new AppError('validation_error', '会议时间不能早于现在', [{ path: 'plannedAt', message: '会议时间不能早于现在' }]);
    }
    const plannedAt = new Date(input.plannedAt).toISOString();
    const [office, inForce] = await Promise.all([peopleWithRoles(ctx.store, actor.orgId, ['gov_office']), ctx.params(actor.orgId)]);
    const meeting = await ctx.write(
      (tx) =>
        tx.insert<MeetingDoc>('meetings', {
          orgId: actor.orgId, kind: input.kind, year: yearCN(plannedAt), title: input.title, plannedAt,
          ...(input.place ? { place: input.place } : {}), reason: input.reason,
          status: 'requested', createdBy: actor.id, createdAt: now.toISOString(), scheduleVersion: 1,
          // Art. 13: which rules the meeting runs under
          rules: { source: inForce.source, effectiveFrom: inForce.effectiveFrom },
        }),
      (m) => requested(office, m),
    );
    return { id: meeting._id };
  },
});
