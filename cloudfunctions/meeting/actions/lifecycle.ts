// meeting.start / meeting.adjourn / meeting.cancel — Art. 7, 8: the union office (or the presiding
// leader) opens and closes the meeting; an office cancels it with a reason before it is held.
import { CancelMeetingInput, MeetingIdOnly } from '../../../domain';
import { defineAction } from '../../../server/registry';
import { meetingKind } from '../model';
import { after, meetingEdge, moveMeeting } from '../move';
import { toMeetingView } from '../views';

export const start = defineAction({
  name: 'meeting.start',
  input: MeetingIdOnly,
  record: meetingKind,
  guard: meetingEdge('start'),
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => {
    const saved = await moveMeeting(ctx, 'start', { startedAt: ctx.now.toISOString() });
    return toMeetingView(ctx.store, after(ctx.record, saved), ctx.actor);
  },
});

export const adjourn = defineAction({
  name: 'meeting.adjourn',
  input: MeetingIdOnly,
  record: meetingKind,
  guard: meetingEdge('adjourn'),
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => {
    const saved = await moveMeeting(ctx, 'adjourn', { heldAt: ctx.now.toISOString() });
    return toMeetingView(ctx.store, after(ctx.record, saved), ctx.actor);
  },
});

export const cancel = defineAction({
  name: 'meeting.cancel',
  input: CancelMeetingInput,
  record: meetingKind,
  guard: meetingEdge('cancel'),
  target: (i) => i.meetingId,
  handler: async ({ reason }, ctx) => {
    const saved = await moveMeeting(ctx, 'cancel', { cancelReason: reason });
    return toMeetingView(ctx.store, after(ctx.record, saved), ctx.actor);
  },
});
