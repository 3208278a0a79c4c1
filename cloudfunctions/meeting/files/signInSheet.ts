// meeting.signInSheet — Art. 5, issue #21: the sign-in sheet (签到表) as an xlsx ready to print: the
// meeting's title, time and place, then every invitee in protocol order with unit, post and an
// empty column to sign in, for the offices of the org (and, read only, the parent org's offices).
import type { Workbook } from 'exceljs';
import { formatDateTimeCN, SignInSheetInput, type Actor } from '../../../domain';
import type { MeetingDoc } from '../../../server/store/docs';
import { newWorkbook, printReady, putWorkbook } from '../../../server/documents/office-files';
import { defineAction } from '../../../server/kit/registry';
import type { Store } from '../../../server/store/port';
import { signInSheetRules } from '../../../server/areas/meeting-files';
import { attendanceView } from '../actions/attendance';

const COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '单位', key: 'unit', width: 30 },
  { header: '职务', key: 'title', width: 20 },
  { header: '签到（本人签字）', key: 'signature', width: 22 },
  { header: '备注', key: 'note', width: 20 },
];

export async function signInWorkbook(store: Store, meeting: MeetingDoc, actor: Actor, stamp: Date): Promise<Workbook> {
  const view = await attendanceView(store, meeting, actor);
  const book = newWorkbook();
  book.created = book.modified = stamp;
  const sheet = book.addWorksheet('签到表');
  sheet.addRow([`${meeting.title} 签到表`]);
  sheet.addRow([`时间：${formatDateTimeCN(meeting.plannedAt)}　地点：${meeting.place ?? '另行通知'}　应到 ${view.rows.length} 人`]);
  sheet.addRow(COLUMNS.map((c) => c.header));
  sheet.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
  view.rows.forEach((r, i) => {
    const row = sheet.addRow({ n: i + 1, name: r.name, unit: r.unit, title: r.title, signature: '', note: r.substitute ? `代会：${r.substitute.name}` : '' });
    row.height = 32; // room for a signature
  });
  printReady(sheet, { headerRow: 3, columns: COLUMNS.length, titleRows: 2, portrait: true });
  return book;
}

export const signInSheet = defineAction({
  ...signInSheetRules,
  input: SignInSheetInput,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const book = await signInWorkbook(ctx.store, meeting, ctx.actor, ctx.now);
    return putWorkbook(ctx.files, book, `${meeting.title}-签到表.xlsx`, ctx.actor.id);
  },
});
