// meeting.noticeDocument — Art. 7: the issued notice as a .docx (GB/T 9704 文件 layout), for the
// meeting's org (and, read only, its parent's offices); a link only the caller can open.
import { AppError, MeetingIdOnly } from '../../../domain';
import type { InvitationDoc } from '../../../server/docs';
import { orgById } from '../../../server/identity';
import { putDocx } from '../../../server/office-files';
import { defineAction } from '../../../server/registry';
import { findAll } from '../../../server/store/port';
import { noticeDocument as render } from '../document';
import { meetingKind } from '../model';
import { agendaOf, previousChecklist } from '../views';

export const noticeDocument = defineAction({
  name: 'meeting.noticeDocument',
  input: MeetingIdOnly,
  record: meetingKind,
  guard: ({ meeting }) => {
    if (!meeting.docNumber) throw new AppError('invalid_transition', '会议通知尚未印发');
  },
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const [org, invitations, previous] = await Promise.all([
      orgById(ctx.store, meeting.orgId),
      findAll<InvitationDoc>(ctx.store, 'invitations', { meetingId: meeting._id }, [['side', 'asc'], ['invitedAt', 'asc']]),
      previousChecklist(ctx, meeting),
    ]);
    if (!org) throw new AppError('not_found');
    const bytes = await render(meeting, org, invitations, agendaOf(meeting, previous));
    return putDocx(ctx.files, bytes, `${meeting.docNumber}-会议通知.docx`, ctx.actor.id);
  },
});
