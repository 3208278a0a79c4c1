// task.exportChecklist — Art. 11: a meeting's implementation checklist as an xlsx (exceljs), one
// row per task with unit, person, deadline and state, the light as the cell's colour.
import { ExportChecklistInput, formatDateTimeCN } from '../../../domain';
import type { TaskDoc } from '../../../server/docs';
import { LIGHT_FILL, newWorkbook, putWorkbook } from '../../../server/office-files';
import { defineAction } from '../../../server/registry';
import { findAll } from '../../../server/store/port';
import { meetingKind } from '../../meeting/model';
import { toTaskList } from '../views';

const COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '议定事项', key: 'decision', width: 28 },
  { header: '任务', key: 'title', width: 30 },
  { header: '责任单位', key: 'unit', width: 20 },
  { header: '责任人', key: 'owner', width: 10 },
  { header: '完成时限', key: 'deadline', width: 12 },
  { header: '状态', key: 'status', width: 10 },
  { header: '督办', key: 'light', width: 8 },
  { header: '说明', key: 'note', width: 36 },
];


export const exportChecklist = defineAction({
  name: 'task.exportChecklist',
  input: ExportChecklistInput,
  record: meetingKind,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const tasks = await findAll<TaskDoc>(ctx.store, 'tasks', { meetingId: meeting._id }, [['dueAt', 'asc']]);
    const byId = new Map(tasks.map((t) => [t._id, t]));
    const view = toTaskList(tasks, ctx.now, await ctx.params(meeting.orgId));
    const book = newWorkbook();
    const sheet = book.addWorksheet('落实清单');
    sheet.addRow([`${meeting.title} 议定事项落实清单`]).font = { bold: true, size: 14 };
    sheet.addRow([`导出时间：${formatDateTimeCN(ctx.now)}　共 ${view.items.length} 项：逾期 ${view.counts.red}，临期 ${view.counts.yellow}，正常 ${view.counts.green}，已办结 ${view.counts.done}`]);
    sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
    sheet.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
    view.items.forEach((item, i) => {
      const t = byId.get(item.id)!;
      const last = t.explanations[t.explanations.length - 1];
      const row = sheet.addRow({
        n: i + 1, decision: item.decisionTitle, title: item.title, unit: item.unit, owner: item.ownerName, deadline: item.deadline,
        status: item.statusLabel, light: item.lightLabel,
        note: last ? `未完成原因：${last.explanation}；意见：${last.opinion}；新时限：${last.newDeadline}` : '',
      });
      row.getCell('light').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILL[item.light] } };
    });
    return putWorkbook(ctx.files, book, `${meeting.title}-落实清单.xlsx`, ctx.actor.id);
  },
});
