// compliance.overview / compliance.org / compliance.export — Art. 12 (issue #12): did each of the
// eight hold its regular meeting this year, were the minutes issued, how many decided items are
// done and overdue. The city's offices, convenors and leaders see every org (official order); a
// county's see their own row.
import {
  AppError,
  countdownLabel,
  DEFAULT_RULES,
  ExportComplianceInput,
  formatDateCN,
  formatDateTimeCN,
  MEETING_KIND_LABEL,
  meetingWorkflow,
  OrgComplianceInput,
  OverviewInput,
  type Actor,
  type Org,
} from '../../domain';
import { orgById } from '../../server/security/identity';
import { fitRowHeights } from '../../server/documents/sheet-rows';
import { LIGHT_FILL, newWorkbook, printReady, putWorkbook } from '../../server/documents/office-files';
import { defineAction, type ActionContext } from '../../server/kit/registry';
import { findAll } from '../../server/store/port';
import { orgKind } from '../../server/areas/people';
import { orgYear, overviewRows, type OrgYear } from './figures';

/** The orgs whose rows the caller sees: the city's leadership every org in official order; a county's its own. */
async function visibleOrgs(ctx: Pick<ActionContext<unknown>, 'store'>, actor: Actor): Promise<Org[]> {
  const own = await orgById(ctx.store, actor.orgId);
  if (!own) throw new AppError('not_found');
  // a county has no child orgs: its own row only
  const children = await findAll<Org>(ctx.store, 'orgs', { parentId: own._id });
  return [own, ...children.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))];
}

async function years(ctx: Pick<ActionContext<unknown>, 'store' | 'now' | 'params'>, orgs: Org[], year: number): Promise<OrgYear[]> {
  return Promise.all(orgs.map((o) => orgYear(ctx, o, year)));
}

export const overview = defineAction({
  name: 'compliance.overview',
  input: OverviewInput,
  handler: async ({ year }, ctx) => {
    // issue #25: a bounded number of requests whatever the data (figures.ts overviewRows); compliance.org
    // reads the same row from the tasks
    return { year, rules: DEFAULT_RULES.source, rows: await overviewRows(ctx, await visibleOrgs(ctx, ctx.actor), year) };
  },
});

export const org = defineAction({
  name: 'compliance.org',
  input: OrgComplianceInput,
  record: orgKind,
  handler: async ({ year }, ctx) => {
    const y = await orgYear(ctx, ctx.record, year);
    return {
      year,
      row: y.row,
      meetings: y.meetings.map((m) => ({
        id: m._id, title: m.title, kindLabel: MEETING_KIND_LABEL[m.kind], plannedAt: m.plannedAt, stateLabel: meetingWorkflow.states[m.status].label,
        heldAt: m.heldAt ?? null, minutesIssuedAt: m.minutesIssuedAt ?? null,
      })),
      overdue: y.overdue.map((t) => ({ id: t._id, title: t.title, unit: t.unit, ownerName: t.ownerName, deadline: t.deadline, meetingTitle: t.meetingTitle, countdown: countdownLabel(t.deadline, ctx.now, false) })),
    };
  },
});

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

// Issue #21: the assessment ready to print — the eight orgs on one A4 landscape page (widths in
// characters of the default font, 150 in all, which fit-to-width sets at a readable size), the
// header frozen and repeated, borders, wrapped text, page numbers; the overdue tasks on a second
// sheet printed the same way, their deadlines real dates.
const ASSESSMENT_COLUMNS: Array<[string, number]> = [
  ['机构', 12], ['召开例会', 9], ['召开会议', 7], ['提出议题', 7], ['采纳议题', 7], ['印发纪要', 7], ['纪要平均用时（天）', 9],
  ['任务总数', 7], ['已办结', 7], ['逾期', 6], ['按期办结率', 10], ['延期', 6], ['督办', 7], ['说明', 39],
];
const OVERDUE_COLUMNS: Array<[string, number]> = [['机构', 12], ['会议', 34], ['任务', 34], ['责任单位', 20], ['责任人', 10], ['完成时限', 12], ['逾期', 14]];

export const exportWorkbook = defineAction({
  name: 'compliance.export',
  input: ExportComplianceInput,
  handler: async ({ year }, ctx) => {
    const all = await years(ctx, await visibleOrgs(ctx, ctx.actor), year);
    const book = newWorkbook();
    const sheet = book.addWorksheet(`${year}年度考核`);
    sheet.addRow([`${year} 年度政府与工会联席会议制度落实情况`]);
    sheet.addRow([`依据：《联席会议工作规则》（${DEFAULT_RULES.source}）第十二条　导出：${formatDateTimeCN(ctx.now)}`]);
    sheet.addRow(ASSESSMENT_COLUMNS.map(([h]) => h));
    sheet.columns = ASSESSMENT_COLUMNS.map(([, width]) => ({ width }));
    for (const { row: r } of all) {
      const line = sheet.addRow([
        r.orgName, r.regularRequired > 1 ? `${r.regularHeld ? '是' : '否'}（${r.regularHeldCount}/${r.regularRequired}）` : r.regularHeld ? '是' : '否', r.meetingsHeld, r.topicsSubmitted, r.topicsAccepted, r.minutesIssued, r.daysToMinutes ?? '—',
        r.tasksTotal, r.tasksDone, r.tasksOverdue, pct(r.onTimeRate), r.tasksExtended, r.lightLabel, r.reasons.join('；'),
      ]);
      line.getCell(13).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILL[r.light] } };
      for (let c = 2; c <= 13; c++) line.getCell(c).alignment = { horizontal: 'center' };
    }
    printReady(sheet, { headerRow: 3, columns: ASSESSMENT_COLUMNS.length, titleRows: 2 });
    sheet.getRow(1).height = 30;
    fitRowHeights(sheet, 2);
    const late = book.addWorksheet('逾期任务');
    const overdue = all.flatMap((y) => y.overdue.map((t) => ({ y, t })));
    late.addRow([`${year} 年度逾期未办结任务`]);
    late.addRow([`导出：${formatDateTimeCN(ctx.now)}　共 ${overdue.length} 项`]);
    late.addRow(OVERDUE_COLUMNS.map(([h]) => h));
    late.columns = OVERDUE_COLUMNS.map(([, width]) => ({ width }));
    for (const { y, t } of overdue) {
      const line = late.addRow([y.row.orgName, t.meetingTitle, t.title, t.unit, t.ownerName, new Date(`${t.deadline}T00:00:00Z`), countdownLabel(t.deadline, ctx.now, false)]);
      line.getCell(6).numFmt = 'yyyy-mm-dd';
    }
    printReady(late, { headerRow: 3, columns: OVERDUE_COLUMNS.length, titleRows: 2 });
    late.getRow(1).height = 30;
    fitRowHeights(late, 2);
    return putWorkbook(ctx.files, book, `${year}年度联席会议考核-${formatDateCN(ctx.now)}.xlsx`, ctx.actor.id);
  },
});
