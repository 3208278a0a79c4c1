// meeting.exportAttendance — Art. 5: the attendance list as an xlsx file (exceljs), one row per
// invitee with reply, substitute and presence; a link only the caller can open. Issue #16: in
// protocol order, with the attendance in force (confirmed by the union office, else from check-in).
// Issue #21: ready to print (A4 landscape, one page wide, header row repeated, borders, page
// numbers), with the counts 应到 / 实到 / 请假 / 缺席 and a column for the signature; the check-in
// time is a real date.
import type { Workbook } from 'exceljs';
import { ATTENDANCE_STATUS_LABEL, formatDateTimeCN, MeetingIdOnly, statusOf, type Actor, type AttendanceStatus } from '../../../domain';
import type { MeetingDoc } from '../../../server/store/docs';
import type { Store } from '../../../server/store/port';
import { confirmedOf } from '../../../server/areas/attendance';
import { newWorkbook, printReady, putWorkbook, sheetDate } from '../../../server/documents/office-files';
import { defineAction } from '../../../server/kit/registry';
import { invitationsInOrder } from '../../../server/areas/meeting';
import { exportAttendanceRules } from '../../../server/areas/meeting-files';
import { attendanceView } from '../actions/attendance';

const COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '单位', key: 'unit', width: 26 },
  { header: '职务', key: 'title', width: 18 },
  { header: '方', key: 'side', width: 8 },
  { header: '类别', key: 'category', width: 14 },
  { header: '回复', key: 'answer', width: 12 },
  { header: '请假理由 / 代会人员', key: 'note', width: 30 },
  { header: '签到时间', key: 'present', width: 17 },
  { header: '出席情况', key: 'status', width: 22 },
  { header: '本人签字', key: 'signature', width: 14 },
];

/** 应到 / 实到 / 请假 / 缺席 from the statuses in force (a substitute who came counts as 实到). */
export function attendanceCounts(statuses: readonly AttendanceStatus[]): string {
  const n = (s: AttendanceStatus) => statuses.filter((x) => x === s).length;
  return `应到${statuses.length}人，实到${n('present')}人，请假${n('leave')}人，缺席${n('absent')}人`;
}

/** The attendance workbook (also filed in the archive, stamped with a fixed time there). */
export async function attendanceWorkbook(store: Store, meeting: MeetingDoc, actor: Actor, stamp: Date): Promise<Workbook> {
    // one read of the invitations serves the list and the statuses in force
    const { invitations: ordered } = await invitationsInOrder(store, meeting);
    const view = await attendanceView(store, meeting, actor, ordered);
    const confirmed = confirmedOf(meeting);
    const invitations = new Map(ordered.map((i) => [i.personId, i]));
    const statusOfPerson = (personId: string): AttendanceStatus | null => {
      const i = invitations.get(personId);
      return i ? statusOf(i, confirmed) : null;
    };
    const statusText = (personId: string) => {
      const i = invitations.get(personId);
      const status = statusOfPerson(personId);
      if (!i || !status) return '';
      const entry = confirmed?.get(personId);
      const name = status === 'present' && i.answer === 'substitute' && i.substitute ? `（${i.substitute.name}代）` : '';
      return `${ATTENDANCE_STATUS_LABEL[status]}${name}${entry?.corrected ? `（更正：${entry.corrected.reason}）` : ''}`;
    };
    const statuses = view.rows.map((r) => statusOfPerson(r.personId)).filter((x): x is AttendanceStatus => x !== null);
    const book = newWorkbook();
    book.created = book.modified = stamp;
    const sheet = book.addWorksheet('参会名单');
    sheet.addRow([`${meeting.title} 参会名单`]);
    sheet.addRow([`会议时间：${formatDateTimeCN(meeting.plannedAt)}　地点：${meeting.place ?? '待定'}　导出：${formatDateTimeCN(stamp)}`]);
    sheet.addRow([`${attendanceCounts(statuses)}。${meeting.attendanceList
      ? `出席情况经${meeting.attendanceList.confirmedByName}于${formatDateTimeCN(meeting.attendanceList.confirmedAt)}确认`
      : '出席情况按签到记录（纪要提交前由总工会办公室确认）'}`]);
    sheet.addRow(COLUMNS.map((c) => c.header));
    sheet.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
    view.rows.forEach((r, i) => {
      const row = sheet.addRow({
        n: i + 1, name: r.name, unit: r.unit, title: r.title, side: r.sideLabel, category: r.categoryLabel, answer: r.answerLabel,
        note: r.substitute ? `代会：${r.substitute.name}（${r.substitute.post}）` : (r.reason ?? ''),
        present: r.presentAt ? sheetDate(r.presentAt) : '未签到',
        status: statusText(r.personId),
        signature: '',
      });
      row.height = 30;
      if (r.presentAt) row.getCell('present').numFmt = 'yyyy-mm-dd hh:mm';
    });
    printReady(sheet, { headerRow: 4, columns: COLUMNS.length, titleRows: 3 });
    return book;
}

export const exportAttendance = defineAction({
  ...exportAttendanceRules,
  input: MeetingIdOnly,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const book = await attendanceWorkbook(ctx.store, meeting, ctx.actor, ctx.now);
    return putWorkbook(ctx.files, book, `${meeting.title}-参会名单.xlsx`, ctx.actor.id);
  },
});
