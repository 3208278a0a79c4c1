// topic.exportReplies — issue #23: the written replies (答复) of a meeting's topics as an .xlsx for
// the offices: every topic returned, merged or not taken up whose reply answers it as it stands
// (replyInForce, what the proposer reads on the topic page), in the order given. Offered as a read
// button on the topic list's page (listKind: topic.listStatus' allowedActions). One indexed read
// (the topics by meetingId) besides the list record.
import { ExportRepliesInput, formatDateTimeCN } from '../../../domain';
import { REPLY_KIND_LABEL } from '../../../domain/chain-rules';
import type { TopicDoc } from '../../../server/store/docs';
import { newWorkbook, printReady, putWorkbook, sheetDate } from '../../../server/documents/office-files';
import { fitRowHeights } from '../../../server/documents/sheet-rows';
import { defineAction } from '../../../server/kit/registry';
import { findAll } from '../../../server/store/port';
import { replyInForce } from '../chain';
import { listKind } from '../list-status';

// widths in characters: 128 in all, one A4 landscape page wide
const COLUMNS = [
  { header: '序号', key: 'n', width: 5 },
  { header: '议题', key: 'title', width: 26 },
  { header: '提出人', key: 'proposer', width: 9 },
  { header: '单位', key: 'unit', width: 18 },
  { header: '答复类别', key: 'kind', width: 12 },
  { header: '答复内容', key: 'text', width: 36 },
  { header: '答复时间', key: 'at', width: 13 },
  { header: '答复人', key: 'by', width: 9 },
];

export const exportReplies = defineAction({
  name: 'topic.exportReplies',
  input: ExportRepliesInput,
  record: listKind,
  button: true,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const topics = (await findAll<TopicDoc>(ctx.store, 'topics', { meetingId: meeting._id }, [['createdAt', 'asc']]))
      .filter(replyInForce)
      .sort((a, b) => a.reply!.at.localeCompare(b.reply!.at));
    const book = newWorkbook();
    book.created = book.modified = ctx.now;
    const sheet = book.addWorksheet('议题答复');
    sheet.addRow([`${meeting.title} 议题答复`]);
    sheet.addRow([`共 ${topics.length} 件　导出：${formatDateTimeCN(ctx.now)}`]);
    sheet.addRow(COLUMNS.map((c) => c.header));
    sheet.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
    topics.forEach((t, i) => {
      const r = t.reply!;
      const row = sheet.addRow({
        n: i + 1, title: t.title, proposer: t.proposerName, unit: t.proposerUnit, kind: REPLY_KIND_LABEL[r.kind], text: r.text, at: sheetDate(r.at), by: r.byName,
      });
      row.getCell('at').numFmt = 'yyyy-mm-dd hh:mm';
    });
    printReady(sheet, { headerRow: 3, columns: COLUMNS.length, titleRows: 2 });
    fitRowHeights(sheet, 2);
    return putWorkbook(ctx.files, book, `${meeting.title}-议题答复.xlsx`, ctx.actor.id);
  },
});
