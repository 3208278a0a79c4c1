// meeting.archive — issue #21: the meeting's file (归档) in one .zip for the offices, built from the
// frozen versions so the same meeting always gives the same bytes: every entry dated FIXED_ZIP_DATE,
// every workbook and document stamped with the meeting's own time, files in this order —
// 00 目录, 01 会议通知, 02 变更通知 (each), 03 议题清单 (text, proposer, screening), 04 参会名单,
// 05 会议纪要 (as issued), 06 落实清单, 07 佐证材料索引 and 07-N each evidence file of a done task
// (read back through the FileOutlet port), 08 新闻稿.
import { formatDateCN, formatDateTimeCN, MeetingArchiveInput, SIDE_LABEL, TOPIC_CATEGORY_LABEL, taskWorkflow, topicWorkflow, type Org } from '../../../domain';
import type { MeetingDoc, MinutesDoc, PressDoc, TaskDoc, TopicDoc } from '../../../server/store/docs';
import { FIXED_ZIP_DATE, finishPackage, loadJsZip } from '../../../server/documents/package';
import { renderOfficialDocx } from '../../../server/documents/official';
import { orgById } from '../../../server/security/identity';
import { newWorkbook, printReady } from '../../../server/documents/office-files';
import { defineAction } from '../../../server/kit/registry';
import { findAll } from '../../../server/store/port';
import { minutesBody, minutesImprint } from '../../../server/documents/minutes';
import { noticeDocument } from './document';
import { archiveRules } from '../../../server/areas/meeting-files';
import { attendanceWorkbook } from './exportAttendance';
import { signInWorkbook } from './signInSheet';

type Workbook = import('exceljs').Workbook;
const ZIP = 'application/zip';

interface Entry { name: string; title: string; bytes: Uint8Array }

const text = (s: string): Uint8Array => new TextEncoder().encode(`\uFEFF${s.replace(/\n/g, '\r\n')}`);
const bookBytes = async (book: Workbook): Promise<Uint8Array> => finishPackage(new Uint8Array(await book.xlsx.writeBuffer()));

function topicsWorkbook(meeting: MeetingDoc, topics: TopicDoc[], stamp: Date): Workbook {
  const book = newWorkbook();
  book.created = book.modified = stamp;
  const sheet = book.addWorksheet('议题清单');
  const columns = [
    { header: '序号', key: 'n', width: 6 }, { header: '议题', key: 'title', width: 26 }, { header: '类别', key: 'category', width: 12 },
    { header: '方', key: 'side', width: 8 }, { header: '提出人', key: 'proposer', width: 20 }, { header: '背景', key: 'background', width: 36 },
    { header: '调研情况', key: 'research', width: 36 }, { header: '请求事项', key: 'request', width: 36 }, { header: '审核', key: 'screening', width: 16 },
  ];
  sheet.addRow([`${meeting.title} 议题清单`]);
  sheet.addRow([`会议时间：${formatDateTimeCN(meeting.plannedAt)}　共 ${topics.length} 项`]);
  sheet.addRow(columns.map((c) => c.header));
  sheet.columns = columns.map(({ key, width }) => ({ key, width }));
  topics.forEach((t, i) =>
    sheet.addRow({
      n: i + 1, title: t.title, category: TOPIC_CATEGORY_LABEL[t.category], side: SIDE_LABEL[t.side], proposer: `${t.proposerUnit} ${t.proposerName}`,
      background: t.background, research: t.research, request: t.request,
      screening: `${topicWorkflow.states[t.status].label}${t.mergedInto ? `（并入：${t.mergedInto.title}）` : ''}${t.returnReason ? `（${t.returnReason}）` : ''}`,
    }),
  );
  printReady(sheet, { headerRow: 3, columns: columns.length, titleRows: 2 });
  return book;
}

/** The checklist as filed: grouped under each decided item, no light (a light depends on the day it is read). */
function checklistWorkbook(meeting: MeetingDoc, tasks: TaskDoc[], stamp: Date): Workbook {
  const book = newWorkbook();
  book.created = book.modified = stamp;
  const sheet = book.addWorksheet('落实清单');
  const columns = [
    { header: '序号', key: 'n', width: 6 }, { header: '任务', key: 'title', width: 30 }, { header: '责任单位', key: 'unit', width: 20 },
    { header: '责任人', key: 'owner', width: 10 }, { header: '完成时限', key: 'deadline', width: 12 }, { header: '状态', key: 'status', width: 10 },
    { header: '落实进展', key: 'progress', width: 34 }, { header: '办结情况', key: 'completion', width: 34 },
  ];
  sheet.addRow([`${meeting.title} 议定事项落实清单`]);
  sheet.addRow([`共 ${tasks.length} 项`]);
  sheet.addRow(columns.map((c) => c.header));
  sheet.columns = columns.map(({ key, width }) => ({ key, width }));
  const decisions = [...new Map(tasks.map((t) => [t.decisionId, t.decisionTitle])).entries()];
  let n = 0;
  for (const [id, title] of decisions) {
    const head = sheet.addRow([title]);
    head.font = { bold: true };
    sheet.mergeCells(head.number, 1, head.number, columns.length);
    for (const t of tasks.filter((x) => x.decisionId === id)) {
      const row = sheet.addRow({
        n: ++n, title: t.title, unit: t.unit, owner: t.ownerName, deadline: new Date(`${t.deadline}T00:00:00Z`),
        status: taskWorkflow.states[t.status].label,
        progress: t.progress.map((p) => `${formatDateCN(p.at)} ${p.text}`).join('\n'),
        completion: t.completion ? `${formatDateCN(t.completion.at)} ${t.completion.text}` : '',
      });
      row.getCell('deadline').numFmt = 'yyyy-mm-dd';
    }
  }
  printReady(sheet, { headerRow: 3, columns: columns.length, titleRows: 2 });
  return book;
}

async function minutesDocx(m: MinutesDoc, meeting: MeetingDoc, org: Org | null): Promise<Uint8Array> {
  const current = m.versions[m.versions.length - 1];
  const decisions = m.decisions ?? current.decisions.map((d, i) => ({ ...d, n: i + 1 }));
  return renderOfficialDocx({
    kind: 'minutes',
    mark: `${org?.name ?? ''}政府与工会联席会议纪要`,
    docNumber: m.docNumber ?? '',
    title: meeting.title,
    body: minutesBody(current.text, decisions),
    attendance: m.attendance ?? { present: [], leave: [], observers: [] },
    date: formatDateCN(m.issuedAt ?? meeting.plannedAt),
    record: org ? minutesImprint(org, formatDateCN(m.issuedAt ?? meeting.plannedAt)) : undefined,
  });
}

/** The archive's files in order; deterministic for the same records. */
export async function archiveEntries(ctx: { store: import('../../../server/store/port').Store; actor: import('../../../domain').Actor; files: import('../../../server/kit/outputs').FileOutlet }, meeting: MeetingDoc): Promise<Entry[]> {
  const org = await orgById(ctx.store, meeting.orgId);
  const [minutes, press, topics, tasks] = await Promise.all([
    ctx.store.get<MinutesDoc>('minutes', meeting._id),
    ctx.store.get<PressDoc>('press', meeting._id),
    findAll<TopicDoc>(ctx.store, 'topics', { meetingId: meeting._id }, [['createdAt', 'asc']]),
    findAll<TaskDoc>(ctx.store, 'tasks', { meetingId: meeting._id }, [['dueAt', 'asc']]),
  ]);
  // every workbook is stamped with the meeting's own last fixed time, never the time of the call
  const stamp = new Date(minutes?.issuedAt ?? meeting.heldAt ?? meeting.plannedAt);
  const entries: Entry[] = [];
  const notices = meeting.notices ?? [];
  if (org) {
    const first = notices.find((n) => n.kind === 'notice');
    if (first) entries.push({ name: `01 会议通知（${first.docNumber}）.docx`, title: `会议通知 ${first.docNumber}`, bytes: await noticeDocument(first, org) });
    const changes = notices.filter((n) => n.kind === 'change');
    for (const [i, c] of changes.entries()) {
      entries.push({ name: `02-${i + 1} 变更通知（${c.docNumber}）.docx`, title: `变更通知 ${c.docNumber}`, bytes: await noticeDocument(c, org) });
    }
  }
  const listed = topics.filter((t) => t.status !== 'withdrawn');
  entries.push({ name: '03 议题清单.xlsx', title: `议题清单（${listed.length} 项）`, bytes: await bookBytes(topicsWorkbook(meeting, listed, stamp)) });
  entries.push({ name: '04 参会名单.xlsx', title: '参会名单及出席情况', bytes: await bookBytes(await attendanceWorkbook(ctx.store, meeting, ctx.actor, stamp)) });
  entries.push({ name: '04-2 签到表.xlsx', title: '签到表', bytes: await bookBytes(await signInWorkbook(ctx.store, meeting, ctx.actor, stamp)) });
  if (minutes?.status === 'issued') {
    entries.push({ name: `05 会议纪要（${minutes.docNumber ?? ''}）.docx`, title: `会议纪要 ${minutes.docNumber ?? ''}`, bytes: await minutesDocx(minutes, meeting, org) });
  }
  if (tasks.length) entries.push({ name: '06 落实清单.xlsx', title: `议定事项落实清单（${tasks.length} 项）`, bytes: await bookBytes(checklistWorkbook(meeting, tasks, stamp)) });
  const evidence = tasks.filter((t) => t.status === 'done' && t.completion).flatMap((t) => (t.completion?.evidence ?? []).map((e) => ({ t, e })));
  entries.push({
    name: '07 佐证材料索引.txt',
    title: `已办结任务的佐证材料索引（${evidence.length} 件）`,
    bytes: text(
      [`${meeting.title} 已办结任务的佐证材料`, '', ...(evidence.length
        ? evidence.map(({ t, e }, i) => `${i + 1}. ${t.title}（${t.unit} ${t.ownerName}，${t.completion ? formatDateCN(t.completion.at) : ''}办结）：${e.fileName}，${Math.ceil(e.size / 1024)} KB，存储编号 ${e.fileId}`)
        : ['无'])].join('\n'),
    ),
  });
  // 07: the evidence files themselves, numbered as in the index (issue #21); one gone from storage stays in the index only
  for (const [i, { e }] of evidence.entries()) {
    const bytes = await ctx.files.read(e.fileId);
    if (bytes) entries.push({ name: `07-${i + 1} ${e.fileName.replace(/[\\/]/g, '_')}`, title: `佐证材料 ${i + 1}`, bytes });
  }
  if (press) entries.push({ name: '08 新闻稿.txt', title: `新闻稿（${press.status === 'approved' ? '双方已审核' : '未定稿'}）`, bytes: text(`${press.title}\n\n${press.text}`) });
  const catalogue = [
    `${meeting.title} 归档目录`,
    `会议时间：${formatDateTimeCN(meeting.plannedAt)}　地点：${meeting.place ?? ''}`,
    '',
    ...entries.map((e) => `${e.name.split(' ')[0]}　${e.title}　（${e.name}）`),
    '',
    ...[['01', '会议通知'], ['05', '会议纪要'], ['06', '落实清单'], ['08', '新闻稿']]
      .filter(([n]) => !entries.some((e) => e.name.startsWith(n)))
      .map(([n, what]) => `${n}　${what}：无（未印发或尚未形成）`),
  ].join('\n');
  return [{ name: '00 目录.txt', title: '目录', bytes: text(catalogue) }, ...entries];
}

export const archive = defineAction({
  ...archiveRules,
  input: MeetingArchiveInput,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const entries = await archiveEntries(ctx, meeting);
    const JSZip = loadJsZip();
    const zip = new JSZip();
    for (const e of entries) zip.file(e.name, e.bytes, { date: FIXED_ZIP_DATE, createFolders: false });
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
    return ctx.files.put({ fileName: `${meeting.title}-归档.zip`, contentType: ZIP, bytes, ownerId: ctx.actor.id });
  },
});
