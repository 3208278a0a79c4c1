// meeting.accept / meeting.decline — Art. 4: the government side (office, convenor or leader)
// accepts the union side's request, or declines it with a reason; the union office is told.
import { DeclineMeetingInput, MeetingIdOnly } from '../../../domain';
import { peopleWithRoles } from '../../../server/notify/notify';
import { defineAction } from '../../../server/kit/registry';
import { meetingKind } from '../../../server/areas/meeting';
import { after, meetingEdge, moveMeeting } from '../move';
import { answered } from '../notices';
import { toMeetingView } from '../views';

export const accept = defineAction({
  name: 'meeting.accept',
  input: MeetingIdOnly,
  record: meetingKind,
  guard: meetingEdge('accept'),
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => {
    const office = await peopleWithRoles(ctx.store, ctx.record.meeting.orgId, ['union_office']);
    const saved = await moveMeeting(ctx, 'accept', {}, (m) => answered(office, m, true));
    return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
  },
});

export const decline = defineAction({
  name: 'meeting.decline',
  input: DeclineMeetingInput,
  record: meetingKind,
  guard: meetingEdge('decline'),
  target: (i) => i.meetingId,
  handler: async ({ reason }, ctx) => {
    const office = await peopleWithRoles(ctx.store, ctx.record.meeting.orgId, ['union_office']);
    const saved = await moveMeeting(ctx, 'decline', { declineReason: reason }, (m) => answered(office, m, false));
    return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
  },
});
