// meeting.openCollection — Art. 6: topic collection starts, in principle the org's lead time
// (Art. 13 parameter, default two months) before a regular meeting. Later is allowed, and flagged.
import { CALLED_TO_PROPOSE, collectionIsLate, MeetingIdOnly } from '../../../domain';
import { peopleWithRoles } from '../../../server/notify/notify';
import { defineAction } from '../../../server/kit/registry';
import { meetingKind } from '../../../server/areas/meeting';
import { after, meetingEdge, moveMeeting } from '../move';
import { collectionOpened } from '../notices';
import { toMeetingView } from '../views';

export const openCollection = defineAction({
  name: 'meeting.openCollection',
  input: MeetingIdOnly,
  record: meetingKind,
  guard: meetingEdge('openCollection'),
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const [rules, proposers] = await Promise.all([
      ctx.params(meeting.orgId),
      peopleWithRoles(ctx.store, meeting.orgId, CALLED_TO_PROPOSE),
    ]);
    const lateCollection = collectionIsLate(meeting.kind, meeting.plannedAt, ctx.now, rules.topicLeadMonths);
    const saved = await moveMeeting(ctx, 'openCollection', { collectionOpensAt: ctx.now.toISOString(), lateCollection }, (m) => collectionOpened(proposers, m));
    return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
  },
});
