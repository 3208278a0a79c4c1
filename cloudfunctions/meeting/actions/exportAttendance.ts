// meeting.exportAttendance — Art. 5: the attendance list as an xlsx file (exceljs), one row per
// invitee with reply, substitute and presence; a link only the caller can open. Issue #16: in
// protocol order, with the attendance in force (confirmed by the union office, else from check-in).
import { ATTENDANCE_STATUS_LABEL, formatDateTimeCN, MeetingIdOnly, statusOf } from '../../../domain';
import { confirmedOf } from '../../minutes/attendance';
import { invitationsOf } from '../../minutes/views';
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
  { header: '出席情况', key: 'status', width: 22 },
];

export const exportAttendance = defineAction({
  name: 'meeting.exportAttendance',
  input: MeetingIdOnly,
  record: meetingKind,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const view = await attendanceView(ctx.store, meeting, ctx.actor);
    const confirmed = confirmedOf(meeting);
    const invitations = new Map((await invitationsOf(ctx.store, meeting)).map((i) => [i.personId, i]));
    const statusText = (personId: string) => {
      const i = invitations.get(personId);
      if (!i) return '';
      const status = statusOf(i, confirmed);
      const entry = confirmed?.get(personId);
      const name = status === 'present' && i.answer === 'substitute' && i.substitute ? `（${i.substitute.name}代）` : '';
      return `${ATTENDANCE_STATUS_LABEL[status]}${name}${entry?.corrected ? `（更正：${entry.corrected.reason}）` : ''}`;
    };
    const book = newWorkbook();
    const sheet = book.addWorksheet('参会名单');
    sheet.addRow([`${meeting.title} 参会名单`]);
    sheet.addRow([`会议时间：${formatDateTimeCN(meeting.plannedAt)}　地点：${meeting.place ?? '待定'}　导出：${formatDateTimeCN(ctx.now)}`]);
    sheet.addRow([meeting.attendanceList
      ? `出席情况经${meeting.attendanceList.confirmedByName}于${formatDateTimeCN(meeting.attendanceList.confirmedAt)}确认`
      : '出席情况按签到记录（纪要提交前由总工会办公室确认）']);
    sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
    sheet.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
    view.rows.forEach((r, i) =>
      sheet.addRow({
        n: i + 1, name: r.name, unit: r.unit, title: r.title, side: r.sideLabel, category: r.categoryLabel, answer: r.answerLabel,
        note: r.substitute ? `代会：${r.substitute.name}（${r.substitute.post}）` : (r.reason ?? ''),
        present: r.presentAt ? `已签到 ${formatDateTimeCN(r.presentAt)}` : '未签到',
        status: statusText(r.personId),
      }),
    );
    return putWorkbook(ctx.files, book, `${meeting.title}-参会名单.xlsx`, ctx.actor.id);
  },
});
