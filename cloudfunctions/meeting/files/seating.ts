// meeting.seatingDocument / nameCards — issue #22 (Art. 5, 8): the seating chart and the 桌签 as
// .docx for the printer, from the same seating view the office arranges (actions/seating.ts).
import { AppError, MeetingIdOnly } from '../../../domain';
import { putDocx } from '../../../server/documents/office-files';
import { defineAction } from '../../../server/kit/registry';
import { nameCardsRules, seatingDocumentRules } from '../../../server/areas/meeting-files';
import { seatingView } from '../seating';
import { nameCardsDocx, seatingChartDocx } from './seating-docs';

export const seatingDocument = defineAction({
  ...seatingDocumentRules,
  input: MeetingIdOnly,
  handler: async (_input, ctx) => {
    const view = await seatingView(ctx.store, ctx.record, ctx.actor, ctx.now);
    return putDocx(ctx.files, await seatingChartDocx(view), `${view.title}-座次图.docx`, ctx.actor.id);
  },
});

export const nameCards = defineAction({
  ...nameCardsRules,
  input: MeetingIdOnly,
  handler: async (_input, ctx) => {
    const view = await seatingView(ctx.store, ctx.record, ctx.actor, ctx.now);
    if (!view.ranked.length && !view.hall.some((h) => h.people.length)) throw new AppError('invalid_transition', '尚无参会人员，不能生成桌签');
    return putDocx(ctx.files, await nameCardsDocx(view), `${view.title}-桌签.docx`, ctx.actor.id);
  },
});
