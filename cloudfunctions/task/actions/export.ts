// task.exportChecklist — Art. 11: a meeting's implementation checklist as an xlsx (exceljs). Issue
// #21: ready to print (A4 landscape, one page wide, header frozen and repeated, borders, wrapped
// text, page numbers), the tasks grouped under each decided item in the minutes' order, with unit,
// person, the deadline in force as a real date and the deadlines it had, the light as the cell's
// colour with its word, progress and completion, and who verified it when.
import { deadlineHistory, DEADLINE_HOW_LABEL, ExportChecklistInput, formatDateCN, formatDateTimeCN } from '../../../domain';
import type { MinutesDoc, TaskDoc } from '../../../server/store/docs';
import { fitRowHeights } from '../../../server/documents/sheet-rows';
import { LIGHT_FILL, newWorkbook, printReady, putWorkbook } from '../../../server/documents/office-files';
import { defineAction } from '../../../server/kit/registry';
import { findAll } from '../../../server/store/port';
import { meetingKind } from '../../../server/areas/meeting';
import { toTaskList } from '../views';

// widths in characters of the default font: 168 in all, which fit-to-width sets on A4 landscape at
// a size still read without glasses (the real-client test measures the page)
const COLUMNS = [
  { header: '序号', key: 'n', width: 5 },
  { header: '任务', key: 'title', width: 22 },
  { header: '责任单位', key: 'unit', width: 13 },
  { header: '责任人', key: 'owner', width: 8 },
  { header: '完成时限', key: 'deadline', width: 11 },
  { header: '时限变更', key: 'deadlines', width: 19 },
  { header: '督办', key: 'light', width: 7 },
  { header: '状态', key: 'status', width: 8 },
  { header: '落实进展', key: 'progress', width: 26 },
  { header: '办结情况', key: 'completion', width: 24 },
  { header: '核验', key: 'verified', width: 13 },
];
const CN_NUM = '一二三四五六七八九十';
const cnNumber = (n: number): string => (n <= 10 ? CN_NUM[n - 1] : n < 20 ? `十${CN_NUM[n - 11]}` : String(n));

/** The deadlines a task had before the one in force, each with how it came to be: "2026-10-31（交办时确定）". */
function deadlinesText(t: TaskDoc): string {
  const history = deadlineHistory(t);
  if (history.length <= 1) return '';
  return history.map((e, i) => `${i === history.length - 1 ? '现' : '原'}${e.deadline}（${DEADLINE_HOW_LABEL[e.how]}${e.how === 'original' ? '' : `，${e.byName}`}）`).join('\n');
}

export const exportChecklist = defineAction({
  name: 'task.exportChecklist',
  input: ExportChecklistInput,
  record: meetingKind,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const tasks = await findAll<TaskDoc>(ctx.store, 'tasks', { meetingId: meeting._id }, [['dueAt', 'asc']]);
    const byId = new Map(tasks.map((t) => [t._id, t]));
    const view = toTaskList(tasks, ctx.now, await ctx.params(meeting.orgId));
    // the decided items in the minutes' order (as issued), then any the minutes do not list
    const minutes = await ctx.store.get<MinutesDoc>('minutes', meeting._id);
    const order = new Map((minutes?.decisions ?? []).map((d) => [d.id, d.n]));
    const decisions = [...new Map(tasks.map((t) => [t.decisionId, t.decisionTitle])).entries()]
      .sort(([a], [b]) => (order.get(a) ?? 999) - (order.get(b) ?? 999));

    const book = newWorkbook();
    const sheet = book.addWorksheet('落实清单');
    sheet.addRow([`${meeting.title} 议定事项落实清单`]);
    sheet.addRow([`会议时间：${formatDateCN(meeting.plannedAt)}　导出时间：${formatDateTimeCN(ctx.now)}　共 ${view.items.length} 项：逾期 ${view.counts.red}，临期 ${view.counts.yellow}，正常 ${view.counts.green}，已办结 ${view.counts.done}`]);
    sheet.addRow(COLUMNS.map((c) => c.header));
    sheet.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
    const groupRows: number[] = [];
    let n = 0;
    decisions.forEach(([decisionId, decisionTitle], d) => {
      const head = sheet.addRow([`${cnNumber(d + 1)}、${decisionTitle}`]);
      groupRows.push(head.number);
      // within an item: overdue first, then due soon, on track, done (the board's order)
      for (const item of view.items.filter((i) => byId.get(i.id)?.decisionId === decisionId)) {
        const t = byId.get(item.id)!;
        const last = t.explanations[t.explanations.length - 1];
        const progress = [
          ...t.progress.map((p) => `${formatDateCN(p.at)} ${p.text}`),
          ...(last ? [`未完成原因：${last.explanation}；意见：${last.opinion}`] : []),
        ].join('\n');
        const row = sheet.addRow({
          n: ++n, title: item.title, unit: item.unit, owner: item.ownerName,
          deadline: new Date(`${t.deadline}T00:00:00Z`), deadlines: deadlinesText(t),
          light: item.lightLabel, status: item.statusLabel, progress,
          completion: t.completion ? `${formatDateCN(t.completion.at)} ${t.completion.text}${t.completion.evidence.length ? `（佐证 ${t.completion.evidence.length} 件）` : ''}` : '',
          verified: t.verifiedAt ? `${t.verifiedByName ?? ''}\n${formatDateCN(t.verifiedAt)}` : '',
        });
        row.getCell('deadline').numFmt = 'yyyy-mm-dd';
        row.getCell('light').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILL[item.light] } };
      }
    });
    printReady(sheet, { headerRow: 3, columns: COLUMNS.length, titleRows: 2 });
    for (const r of groupRows) {
      sheet.mergeCells(r, 1, r, COLUMNS.length);
      const cell = sheet.getCell(r, 1);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
    sheet.getRow(1).height = 30;
    fitRowHeights(sheet, 2);
    return putWorkbook(ctx.files, book, `${meeting.title}-落实清单.xlsx`, ctx.actor.id);
  },
});
