// meeting.start / meeting.adjourn / meeting.cancel — Art. 7, 8: the union office (or the presiding
// leader) opens and closes the meeting; an office cancels it with a reason before it is held.
// Issue #16: the meeting happens on its day — opened on the planned day (at most two hours early),
// and `heldAt` is that day, so the record and the annual assessment count it where it happened.
import { AppError, CancelMeetingInput, heldOn, MeetingIdOnly, meetingDayProblem, type Actor } from '../../../domain';
import { defineAction } from '../../../server/kit/registry';
import { meetingKind, type MeetingRecord } from '../../../server/areas/meeting';
import { after, meetingEdge, moveMeeting } from '../move';
import { toMeetingView } from '../views';

/** The workflow edge, then the day: without the call's time (a view that passed none) it is refused. */
function onItsDay(event: 'start' | 'adjourn') {
  const edge = meetingEdge(event);
  return (r: MeetingRecord, actor: Actor, now?: Date): void => {
    edge(r, actor);
    const problem = now ? meetingDayProblem(event, r.meeting.plannedAt, now) : '会议时间未知';
    if (problem) throw new AppError('invalid_transition', problem);
  };
}

/** Art. 7, 8: opening and closing the meeting — one workflow edge and the time it happened. */
function runStep(name: 'meeting.start' | 'meeting.adjourn', event: 'start' | 'adjourn', stamp: 'startedAt' | 'heldAt') {
  return defineAction({
    name,
    input: MeetingIdOnly,
    record: meetingKind,
    guard: onItsDay(event),
    target: (i) => i.meetingId,
    handler: async (_input, ctx) => {
      const at = stamp === 'heldAt' ? heldOn(ctx.record.meeting.plannedAt, ctx.now) : ctx.now.toISOString();
      const saved = await moveMeeting(ctx, event, { [stamp]: at });
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
