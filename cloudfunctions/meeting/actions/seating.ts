// meeting.seating / setSeating — issue #22 (Art. 5, 8): the rostrum by protocol (the most senior in
// the centre, alternating outwards), the hall by side, and the office's reordering. The chart and
// the 桌签 for the printer are files/seating.ts (the meetingFiles function).
import { AppError, MeetingIdOnly, SetSeatingInput } from '../../../domain';
import type { MeetingDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { meetingKind, type MeetingRecord } from '../../../server/areas/meeting';
import { seatingOpen, seatingView } from '../seating';

export const seating = defineAction({
  name: 'meeting.seating',
  input: MeetingIdOnly,
  record: meetingKind,
  handler: async (_input, ctx) => seatingView(ctx.store, ctx.record, ctx.actor, ctx.now),
});

export const setSeating = defineAction({
  name: 'meeting.setSeating',
  input: SetSeatingInput,
  record: meetingKind,
  guard: (r: MeetingRecord) => {
    if (!seatingOpen(r)) throw new AppError('invalid_transition', '会议已结束，座次不能再调整');
  },
  target: (i) => i.meetingId,
  handler: async ({ rostrum }, ctx) => {
    const { meeting } = ctx.record;
    const view = await seatingView(ctx.store, ctx.record, ctx.actor, ctx.now);
    const on = new Set(view.ranked.map((s) => s.personId));
    const unknown = rostrum.find((id) => !on.has(id));
    if (unknown || new Set(rostrum).size !== rostrum.length) {
      throw new AppError('validation_error', '主席台只能排列本次会议出席的领导，每人一次', [{ path: 'rostrum', message: '名单与主席台人员不符' }]);
    }
    const saved = await ctx.write((tx) => tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, { seatingOrder: rostrum }));
    return seatingView(ctx.store, { ...ctx.record, meeting: saved }, ctx.actor, ctx.now);
  },
});
