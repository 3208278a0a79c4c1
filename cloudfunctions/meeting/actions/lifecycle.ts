// meeting.start / meeting.adjourn / meeting.cancel — Art. 7, 8: the union office (or the presiding
// leader) opens and closes the meeting; an office cancels it with a reason before it is held.
import { CancelMeetingInput, MeetingIdOnly } from '../../../domain';
import { defineAction } from '../../../server/registry';
import { meetingKind } from '../model';
import { after, meetingEdge, moveMeeting } from '../move';
import { toMeetingView } from '../views';

/** Art. 7, 8: opening and closing the meeting — one workflow edge and the time it happened. */
function runStep(name: 'meeting.start' | 'meeting.adjourn', event: 'start' | 'adjourn', stamp: 'startedAt' | 'heldAt') {
  return defineAction({
    name,
    input: MeetingIdOnly,
    record: meetingKind,
    guard: meetingEdge(event),
    target: (i) => i.meetingId,
    handler: async (_input, ctx) => {
      const saved = await moveMeeting(ctx, event, { [stamp]: ctx.now.toISOString() });
      return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
    },
  });
}

export const start = runStep('meeting.start', 'start', 'startedAt');
export const adjourn = runStep('meeting.adjourn', 'adjourn', 'heldAt');

export const cancel = defineAction({
  name: 'meeting.cancel',
  input: CancelMeetingInput,
  record: meetingKind,
  guard: meetingEdge('cancel'),
  target: (i) => i.meetingId,
  handler: async ({ reason }, ctx) => {
    const saved = await moveMeeting(ctx, 'cancel', { cancelReason: reason });
    return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
  },
});
