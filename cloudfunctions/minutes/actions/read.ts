// minutes.get / minutes.document — Art. 9: the minutes with every version, return and approval;
// and the minutes as an official document (.docx, the 纪要 layout of GB/T 9704).
import { AppError, formatDateCN, MinutesIdInput } from '../../../domain';
import { orgById } from '../../../server/security/identity';
import { putDocx } from '../../../server/documents/office-files';
import { defineAction } from '../../../server/kit/registry';
import { minutesKind } from '../model';
import { minutesDocument } from '../../../server/documents/minutes';
import { toMinutesView } from '../views';

export const get = defineAction({
  name: 'minutes.get',
  input: MinutesIdInput,
  record: minutesKind,
  handler: async (_input, ctx) => toMinutesView(ctx.store, ctx.record, ctx.actor),
});

export const document = defineAction({
  name: 'minutes.document',
  input: MinutesIdInput,
  record: minutesKind,
  button: true,
  // a document of minutes that exist: nothing to print before the first draft is saved
  guard: ({ minutes }) => {
    if (!minutes) throw new AppError('not_found', '纪要尚未起草');
  },
  handler: async (_input, ctx) => {
    const view = await toMinutesView(ctx.store, ctx.record, ctx.actor);
    const org = await orgById(ctx.store, ctx.record.meeting.orgId);
    const bytes = await minutesDocument(view, org?.name ?? '', formatDateCN(view.issuedAt ?? ctx.now), org);
    const draft = view.status === 'issued' ? '' : `（第${view.current?.n ?? 0}稿）`;
    return putDocx(ctx.files, bytes, `${view.meetingTitle}-会议纪要${draft}.docx`, ctx.actor.id);
  },
});
