// meeting.noticeDocument — Art. 7: the issued notice as a .docx (GB/T 9704 文件 layout), for the
// meeting's org (and, read only, its parent's offices); a link only the caller can open. Issue #16:
// the notice in force or an earlier version (a 变更通知 or the original), always as it was issued.
import { AppError, NoticeDocumentInput } from '../../../domain';
import { orgById } from '../../../server/security/identity';
import { putDocx } from '../../../server/documents/office-files';
import { defineAction } from '../../../server/kit/registry';
import { noticeDocument as render } from './document';
import { noticeVersion } from '../issued';
import { noticeDocumentRules } from '../../../server/areas/meeting-files';

export const noticeDocument = defineAction({
  ...noticeDocumentRules,
  input: NoticeDocumentInput,
  handler: async ({ version }, ctx) => {
    const { meeting } = ctx.record;
    const notice = noticeVersion(meeting, version);
    const org = await orgById(ctx.store, meeting.orgId);
    if (!org) throw new AppError('not_found');
    const bytes = await render(notice, org);
    const kind = notice.kind === 'change' ? '变更通知' : '会议通知';
    return putDocx(ctx.files, bytes, `${notice.docNumber}-${kind}.docx`, ctx.actor.id);
  },
});
