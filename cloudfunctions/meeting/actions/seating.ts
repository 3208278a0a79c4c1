// meeting.seating / setSeating / seatingDocument / nameCards — issue #22 (Art. 5, 8): the rostrum
// by protocol (the most senior in the centre, alternating outwards), the hall by side, the office's
// reordering, and the chart and 桌签 as .docx for the printer.
import { AppError, MeetingIdOnly, SetSeatingInput } from '../../../domain';
import type { MeetingDoc } from '../../../server/store/docs';
import { putDocx } from '../../../server/documents/office-files';
import { defineAction } from '../../../server/kit/registry';
import { meetingKind, type MeetingRecord } from '../../../server/areas/meeting';
import { seatingOpen, seatingView } from '../seating';
import { nameCardsDocx, seatingChartDocx } from '../seating-docs';

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

export const seatingDocument = defineAction({
  name: 'meeting.seatingDocument',
  input: MeetingIdOnly,
  record: meetingKind,
  button: true,
  handler: async (_input, ctx) => {
    const view = await seatingView(ctx.store, ctx.record, ctx.actor, ctx.now);
    return putDocx(ctx.files, await seatingChartDocx(view), `${view.title}-座次图.docx`, ctx.actor.id);
  },
});

export const nameCards = defineAction({
  name: 'meeting.nameCards',
  input: MeetingIdOnly,
  record: meetingKind,
  button: true,
  handler: async (_input, ctx) => {
    const view = await seatingView(ctx.store, ctx.record, ctx.actor, ctx.now);
    if (!view.ranked.length && !view.hall.some((h) => h.people.length)) throw new AppError('invalid_transition', '尚无参会人员，不能生成桌签');
    return putDocx(ctx.files, await nameCardsDocx(view), `${view.title}-桌签.docx`, ctx.actor.id);
  },
});
