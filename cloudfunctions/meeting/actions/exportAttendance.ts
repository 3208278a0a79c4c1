// meeting.exportAttendance — Art. 5: the attendance list as an xlsx file (exceljs), one row per
// invitee with reply, substitute and presence; a link only the caller can open.
import { formatDateTimeCN, MeetingIdOnly } from '../../../domain';
import { newWorkbook, putWorkbook } from '../../../server/office-files';
import { defineAction } from '../../../server/registry';
import { meetingKind } from '../model';
import { attendanceView } from './attendance';

const COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '单位', key: 'unit', width: 26 },
  { header: '职务', key: 'title', width: 18 },
  { header: '方', key: 'side', width: 8 },
  { header: '类别', key: 'category', width: 14 },
  { header: '回复', key: 'answer', width: 12 },
  { header: '请假理由 / 代会人员', key: 'note', width: 30 },
  { header: '签到', key: 'present', width: 18 },
];

export const exportAttendance = defineAction({
  name: 'meeting.exportAttendance',
  input: MeetingIdOnly,
  record: meetingKind,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const view = await attendanceView(ctx.store, meeting, ctx.actor);
    const book = newWorkbook();
    const sheet = book.addWorksheet('参会名单');
    sheet.addRow([`${meeting.title} 参会名单`]);
    sheet.addRow([`会议时间：${formatDateTimeCN(meeting.plannedAt)}　地点：${meeting.place ?? '待定'}　导出：${formatDateTimeCN(ctx.now)}`]);
    sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
    sheet.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
    view.rows.forEach((r, i) =>
      sheet.addRow({
        n: i + 1, name: r.name, unit: r.unit, title: r.title, side: r.sideLabel, category: r.categoryLabel, answer: r.answerLabel,
        note: r.substitute ? `代会：${r.substitute.name}（${r.substitute.post}）` : (r.reason ?? ''),
        present: r.presentAt ? `已签到 ${formatDateTimeCN(r.presentAt)}` : '未签到',
      }),
    );
    return putWorkbook(ctx.files, book, `${meeting.title}-参会名单.xlsx`, ctx.actor.id);
  },
});
