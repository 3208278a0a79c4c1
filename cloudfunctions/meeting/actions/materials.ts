// meeting.attachMaterial / meeting.material — issue #22: files for the agenda, judged by their bytes
// like evidence (JPG, PNG or PDF, at most 10 MB); a material opened gives a link only the reader can
// use, and each opening is kept.
import { randomBytes } from 'node:crypto';
import { AppError, AttachMaterialInput, EVIDENCE_MAX_BYTES, formatDateTimeCN, MaterialInput, meetingWorkflow, sniffEvidenceType } from '../../../domain';
import type { MeetingDoc } from '../../../server/store/docs';
import { defineAction } from '../../../server/kit/registry';
import { materialProblem, type OpeningDoc } from '../materials';
import { meetingKind, notYetAdjourned, type MeetingRecord } from '../../../server/areas/meeting';
import { after } from '../move';
import { toMeetingView } from '../views';

function stillAhead({ meeting }: MeetingRecord): void {
  if (!notYetAdjourned(meeting)) {
    throw new AppError('invalid_transition', `会议「${meetingWorkflow.states[meeting.status].label}」，不能再附会议材料`);
  }
}

export const attachMaterial = defineAction({
  name: 'meeting.attachMaterial',
  input: AttachMaterialInput,
  record: meetingKind,
  guard: stillAhead,
  target: (i) => i.meetingId,
  handler: async ({ sectionIndex, fileId, title, visibility }, ctx) => {
    const { meeting } = ctx.record;
    const field = [{ path: 'fileId', message: '' }];
    const file = await ctx.files.inspect(fileId, ctx.actor.id);
    if (!file) throw new AppError('validation_error', '文件不存在或不是您上传的', [{ ...field[0], message: '文件不存在或不是您上传的' }]);
    const contentType = sniffEvidenceType(file.head);
    if (!contentType) throw new AppError('validation_error', '会议材料须为 PDF 文件或 JPG、PNG 图片', [{ ...field[0], message: '文件类型不符' }]);
    if (file.size > EVIDENCE_MAX_BYTES) throw new AppError('validation_error', '会议材料不能超过 10 MB', [{ ...field[0], message: '文件过大' }]);
    const material = {
      id: randomBytes(8).toString('hex'), sectionIndex, title, fileId, fileName: file.fileName, contentType, size: file.size, visibility,
      attachedBy: ctx.actor.id, at: ctx.now.toISOString(),
    };
    const saved = await ctx.write((tx) => tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, { materials: [...(meeting.materials ?? []), material] }));
    return toMeetingView(ctx, after(ctx.record, saved), ctx.actor);
  },
});

export const material = defineAction({
  name: 'meeting.material',
  input: MaterialInput,
  record: meetingKind,
  handler: async ({ materialId }, ctx) => {
    const { meeting, mine } = ctx.record;
    const x = (meeting.materials ?? []).find((y) => y.id === materialId);
    if (!x) throw new AppError('not_found', '没有这份会议材料');
    const problem = materialProblem(meeting, x, ctx.actor, mine, ctx.now);
    if (problem) throw new AppError('forbidden', problem);
    // every opening is kept for the offices (who read what, when)
    await ctx.store.insert<OpeningDoc & { _id: string; version: number }>('material_openings', {
      meetingId: meeting._id, materialId, personId: ctx.actor.id, name: ctx.actor.name, at: ctx.now.toISOString(),
    } as OpeningDoc & { _id: string; version: number });
    const link = await ctx.files.share(x.fileId, x.fileName, x.contentType, ctx.actor.id);
    const viewOnly = x.visibility === 'meeting';
    return { ...link, contentType: x.contentType, viewOnly, ...(viewOnly ? { watermark: `${ctx.actor.name} ${formatDateTimeCN(ctx.now)} 会内材料 请勿外传` } : {}) };
  },
});
