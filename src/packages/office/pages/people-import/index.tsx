// 批量导入 (issue #11 "Area people": "import { rows } — an xlsx upload read with exceljs in the page;
// all-or-nothing, with the line number of each refused row"). H5 only (a desk): the office picks
// an .xlsx, the page reads it with exceljs — loaded on demand by a dynamic import(), its own chunk,
// so no other page carries it — and shows the rows; 导入 sends them to people.import. The server
// checks every row first and writes nothing unless all pass: each refused line is listed with its
// message. The template: 姓名、单位、职务、角色、手机号、登录名、单位负责人 (角色 in the rules' words,
// ROLE_INFO; 单位负责人 是 or empty — issue #20, whom the ladder tells of the unit's overdue tasks).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ChangeEvent } from 'react';
import { useRef, useState } from 'react';
import type { Workbook } from 'exceljs';
import { IMPORT_MAX_ROWS } from '../../../../../domain/people-rules';
import { ROLES, ROLE_INFO, type Role } from '../../../../../domain/roles';
import Btn from '../../../../components/Btn';
import PageShell from '../../../../components/PageShell';
import StateView from '../../../../components/StateView';
import { useAction } from '../../../../kit/useAction';
import { toast } from '../../../../utils/feedback';
import { ROUTES } from '../../../../utils/nav';
import { HeadRow, Row, Table, Td, Th } from '../../parts/Table';
import { useDesk } from '../../parts/useDesk';
import '../people/index.css';
import './index.css';

type Column = 'name' | 'unit' | 'title' | 'roles' | 'phone' | 'login' | 'unitHead';

/** The template's columns, in order, with the header words each is recognised by. */
const COLUMNS: ReadonlyArray<{ key: Column; header: string; also: string[]; required: boolean }> = [
  { key: 'name', header: '姓名', also: [], required: true },
  { key: 'unit', header: '单位', also: ['工作单位'], required: true },
  { key: 'title', header: '职务', also: [], required: true },
  { key: 'roles', header: '角色', also: [], required: true },
  { key: 'phone', header: '手机号', also: ['手机', '手机号码', '联系电话'], required: false },
  { key: 'login', header: '登录名', also: [], required: false },
  { key: 'unitHead', header: '单位负责人', also: ['负责人', '是否单位负责人'], required: false },
];

/** 单位负责人: 是 (or ✓, Y, 1) marks the head; 否 or empty does not; anything else is a problem. */
function unitHeadOf(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['是', '√', '✓', 'y', 'yes', 'true', '1'].includes(t)) return true;
  if (['', '否', '×', 'n', 'no', 'false', '0'].includes(t)) return false;
  return null;
}

const MAX_BYTES = 5 * 1024 * 1024;
const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ParsedRow {
  line: number;
  name: string;
  unit: string;
  title: string;
  roleText: string;
  roles: Role[];
  phone: string;
  login: string;
  unitHead: boolean;
  /** found before sending (a role the rules do not know) */
  problem: string | null;
}

type Sheet = { fileName: string; rows: ParsedRow[] };
type Outcome = { kind: 'refused'; message: string; lines: Map<number, string> } | { kind: 'done'; created: number } | { kind: 'failed'; message: string };

/** 角色 words → role keys: the rules' labels (half- or full-width brackets), or the keys themselves. */
const sameBrackets = (s: string) => s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');
const ROLE_BY_WORD = new Map<string, Role>([...ROLES.map((r) => [sameBrackets(ROLE_INFO[r].label), r] as const), ...ROLES.map((r) => [r, r] as const)]);

function rolesOf(text: string): { roles: Role[]; unknown: string[] } {
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const word of text.split(/[、,，;；/\n]+/).map((w) => w.trim()).filter(Boolean)) {
    const role = ROLE_BY_WORD.get(sameBrackets(word));
    if (!role) unknown.push(word);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}

const headerWord = (s: string) => s.replace(/[*＊\s]/g, '').replace(/[（(].*[)）]$/, '');

/** exceljs, on demand: its own chunk, fetched the first time a file is read or the template made. */
type ExcelModule = typeof import('exceljs');
function loadExcel(): Promise<ExcelModule> {
  // The condition keeps exceljs out of the mini-program (a constant there, so webpack drops the
  // branch). Not an async function: for the mini-program's ES5 its body would become a state
  // machine, and the import would no longer sit inside a branch webpack can see is dead.
  if (process.env.TARO_ENV === 'h5') {
    return import(/* webpackChunkName: "exceljs" */ 'exceljs').then((mod: ExcelModule & { default?: ExcelModule }) => (mod.Workbook ? mod : (mod.default as ExcelModule)));
  }
  return Promise.reject(new Error('批量导入仅在电脑端可用'));
}

/** The first sheet's rows under a header row naming the template's columns. */
function readSheet(wb: Workbook): { rows: ParsedRow[] } | { error: string } {
  const ws = wb.worksheets[0];
  if (!ws) return { error: '表格中没有工作表' };
  const header = ws.getRow(1);
  const at = new Map<Column, number>();
  header.eachCell((cell, col) => {
    const word = headerWord(cell.text ?? '');
    const c = COLUMNS.find((x) => x.header === word || x.also.includes(word));
    if (c && !at.has(c.key)) at.set(c.key, col);
  });
  const missing = COLUMNS.filter((c) => c.required && !at.has(c.key)).map((c) => c.header);
  if (missing.length) return { error: `第 1 行应为表头（姓名、单位、职务、角色、手机号、登录名），缺少：${missing.join('、')}` };
  const rows: ParsedRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const text = (k: Column) => {
      const col = at.get(k);
      return col ? String(row.getCell(col).text ?? '').trim() : '';
    };
    const values = COLUMNS.map((c) => text(c.key));
    if (values.every((v) => !v)) return;
    const roleText = text('roles');
    const { roles, unknown } = rolesOf(roleText);
    const head = unitHeadOf(text('unitHead'));
    rows.push({
      line,
      name: text('name'),
      unit: text('unit'),
      title: text('title'),
      roleText,
      roles,
      phone: text('phone').replace(/[\s-]/g, ''),
      login: text('login'),
      unitHead: head === true,
      problem: unknown.length
        ? `角色「${unknown.join('、')}」不存在，请使用：${ROLES.map((r) => ROLE_INFO[r].label).join('、')}`
        : head === null ? `单位负责人请填“是”或留空（现为「${text('unitHead')}」）` : null,
    });
  });
  if (rows.length === 0) return { error: '表格中没有人员（第 2 行起每行一人）' };
  if (rows.length > IMPORT_MAX_ROWS) return { error: `一次最多导入 ${IMPORT_MAX_ROWS} 人，表格中有 ${rows.length} 人，请分批导入` };
  return { rows };
}

/** The server's refusal: `details` [{ line, message }] for each refused row. */
function refusedLines(details: unknown): Map<number, string> {
  const out = new Map<number, string>();
  if (!Array.isArray(details)) return out;
  for (const d of details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { line, message } = d as { line?: unknown; message?: unknown };
    if (typeof line === 'number' && typeof message === 'string') out.set(line, message);
  }
  return out;
}

/** The template as a download: the header row on 人员; how to fill it in on 填写说明. */
async function downloadTemplate(): Promise<void> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  const people = wb.addWorksheet('人员');
  people.addRow(COLUMNS.map((c) => c.header));
  people.getRow(1).font = { bold: true };
  people.columns.forEach((col, i) => {
    col.width = [12, 28, 16, 22, 16, 18, 12][i] ?? 16;
  });
  // phone numbers stay text: no 1.38E+10
  people.getColumn(5).numFmt = '@';
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '说明']);
  help.addRow(['姓名', '必填，2–20 个字']);
  help.addRow(['单位', '必填，2–40 个字']);
  help.addRow(['职务', '必填，1–30 个字']);
  help.addRow(['角色', `必填，多个角色用顿号分隔；可填：${ROLES.map((r) => ROLE_INFO[r].label).join('、')}`]);
  help.addRow(['手机号', '选填，11 位手机号码']);
  help.addRow(['登录名', '选填，3–32 位字母、数字或 _ . -']);
  help.addRow(['单位负责人', '选填，本单位的主要负责人填“是”，其他人留空；本单位的落实任务逾期较长时，随逾期任务周报告知负责人']);
  help.getColumn(1).width = 10;
  help.getColumn(2).width = 90;
  const bytes = await wb.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = '人员导入模板.xlsx';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function PeopleImport() {
  if (process.env.TARO_ENV !== 'h5') {
    return (
      <PageShell title='批量导入' className='pimport'>
        <View className='page-container'>
          <StateView kind='notice' title='请在电脑端导入' message='批量导入需在电脑浏览器中打开联席会议，选择 Excel 表格导入。在手机上可逐个新增人员。' exits />
        </View>
      </PageShell>
    );
  }
  return <DeskImport />;
}

function DeskImport() {
  const input = useRef<HTMLInputElement | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // nothing to re-read: the outcome is said on the page
  const { busy, act, run } = useAction<'read' | 'send' | 'template'>();
  const desk = useDesk();

  const pick = () => {
    if (busy) return;
    input.current?.click();
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // the same file picked again (after fixing it) is a new change
    e.target.value = '';
    if (!file) return;
    void run('read', async () => {
      setOutcome(null);
      setReadError(null);
      setSheet(null);
      if (!/\.xlsx$/i.test(file.name)) {
        setReadError('请选择 .xlsx 格式的 Excel 表格（可先下载模板）');
        return;
      }
      if (file.size > MAX_BYTES) {
        setReadError('文件超过 5 MB，请分批导入');
        return;
      }
      let Excel: ExcelModule;
      try {
        Excel = await loadExcel();
      } catch {
        setReadError('未能加载表格组件，请检查网络后重试');
        return;
      }
      try {
        const wb = new Excel.Workbook();
        await wb.xlsx.load(await file.arrayBuffer());
        const read = readSheet(wb);
        if ('error' in read) setReadError(read.error);
        else setSheet({ fileName: file.name, rows: read.rows });
      } catch {
        setReadError('无法读取该文件，请确认是 Excel 表格（.xlsx）');
      }
    });
  };

  const template = () =>
    void run('template', async () => {
      try {
        await downloadTemplate();
      } catch {
        toast('未能生成模板，请检查网络后重试');
      }
    });

  const localProblems = sheet ? sheet.rows.filter((r) => r.problem) : [];
  const send = () => {
    if (!sheet || localProblems.length > 0) return;
    return act(
      'send',
      (w) => {
        setOutcome(null);
        const payload = {
          rows: sheet.rows.map((r) => ({
            line: r.line,
            name: r.name,
            unit: r.unit,
            title: r.title,
            roles: r.roles,
            ...(r.phone ? { phone: r.phone } : {}),
            ...(r.login ? { login: r.login } : {}),
            ...(r.unitHead ? { unitHead: true } : {}),
          })),
        };
        // issue #24: the server writes a few rows per call and says how far it got; the same rows
        // again continue the same import (an interrupted one resumes where it stopped)
        return (async () => {
          let answer = await w('people.import', payload);
          while (answer.more) {
            setProgress({ done: answer.done, total: answer.total });
            answer = await w('people.import', payload);
          }
          return answer;
        })().finally(() => setProgress(null));
      },
      {
        apply: ({ created }) => {
          setOutcome({ kind: 'done', created });
          toast(`已导入 ${created} 人`, 'success');
        },
        // the page says it: the refused lines beside the rows, or the server's message
        onError: (error) => {
          const lines = refusedLines(error.details);
          // a refusal after some chunks were written says so in the server's message (已导入前 N 行)
          setOutcome(lines.size > 0 ? { kind: 'refused', message: error.message.includes('已导入前') ? error.message : `有 ${lines.size} 行不符合要求，未导入任何人员。请修改表格后重新选择文件。`, lines } : { kind: 'failed', message: error.message });
          return true;
        },
      },
    );
  };

  const refused = outcome?.kind === 'refused' ? outcome.lines : null;
  const problemOf = (r: ParsedRow) => r.problem ?? refused?.get(r.line) ?? null;
  const bad = sheet ? sheet.rows.filter((r) => problemOf(r)) : [];

  return (
    <PageShell title='批量导入' className='pimport'>
      <View className='page-container'>
        <View className='card'>
          <View className='pimport__title' role='heading' aria-level={2}>
            批量导入人员
          </View>
          <Text className='pimport__text'>
            {`选择按模板填写的 Excel 表格（.xlsx），第 1 行为表头，第 2 行起每行一人，一次最多 ${IMPORT_MAX_ROWS} 人。全部行都符合要求才会导入；有问题的行会逐行列出，届时不导入任何人员。`}
          </Text>
          <View className='pimport__template'>
            <Text className='pimport__label'>表头（列）：</Text>
            <Text className='pimport__cols'>{COLUMNS.map((c) => (c.required ? c.header : `${c.header}（选填）`)).join('、')}</Text>
            <Text className='pimport__label'>角色：</Text>
            <Text className='pimport__cols'>{`填写角色名称，多个用顿号分隔，如「职工代表」。可填：${ROLES.map((r) => ROLE_INFO[r].label).join('、')}。各方办公室只能导入本方人员、设置本方角色（领导角色也由本方办公室设置）。`}</Text>
          </View>
          <View className='pimport__buttons'>
            <Btn kind='primary' busy={busy === 'read'} busyText='读取中…' disabled={busy !== null} onClick={pick}>
              {sheet ? '重新选择文件' : '选择 Excel 文件'}
            </Btn>
            <Btn kind='outline' busy={busy === 'template'} busyText='生成中…' disabled={busy !== null} onClick={template}>
              下载模板
            </Btn>
          </View>
          <input ref={input} className='pimport__file' type='file' accept={XLSX_TYPES} tabIndex={-1} aria-hidden='true' onChange={onFile} />
        </View>

        {readError ? (
          <View className='notice notice--error' role='alert'>
            <Text className='notice__text'>{readError}</Text>
          </View>
        ) : null}

        {outcome?.kind === 'done' ? (
          <View className='notice notice--success pimport__done' role='status'>
            <Text className='notice__title'>{`已导入 ${outcome.created} 人`}</Text>
            <Text className='notice__text'>可在人员名录中为他们生成邀请码，绑定微信或设置首次密码。</Text>
            <View className='pimport__buttons'>
              <Btn kind='primary' onClick={() => void Taro.redirectTo({ url: ROUTES.people })}>
                查看人员名录
              </Btn>
            </View>
          </View>
        ) : null}
        {outcome?.kind === 'failed' ? (
          <View className='notice notice--error' role='alert'>
            <Text className='notice__text'>{outcome.message}</Text>
          </View>
        ) : null}

        {sheet && outcome?.kind !== 'done' ? (
          <View>
            {bad.length > 0 ? (
              <View className='notice notice--error pimport__bad' role='alert'>
                <Text className='notice__title'>{outcome?.kind === 'refused' ? outcome.message : `有 ${bad.length} 行需要修改，修改表格后重新选择文件。`}</Text>
                {bad.map((r) => (
                  <Text key={r.line} className='notice__text pimport__bad-line'>{`第 ${r.line} 行（${r.name || '未填姓名'}）：${problemOf(r)}`}</Text>
                ))}
              </View>
            ) : null}
            <View className='card pimport__preview'>
              <View className='card__head'>
                <Text className='card__title'>{`${sheet.fileName} · ${sheet.rows.length} 人`}</Text>
              </View>
              {desk ? <PreviewTable rows={sheet.rows} problemOf={problemOf} /> : <PreviewCards rows={sheet.rows} problemOf={problemOf} />}
              <View className='pimport__buttons'>
                <Btn kind='primary' busy={busy === 'send'} busyText={progress ? `导入中 ${progress.done}/${progress.total}…` : '导入中…'} disabled={busy !== null || localProblems.length > 0 || outcome?.kind === 'refused'} onClick={() => void send()}>
                  {`导入 ${sheet.rows.length} 人`}
                </Btn>
              </View>
            </View>
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}

function roleWords(r: ParsedRow): string {
  return r.roles.length ? r.roles.map((x) => ROLE_INFO[x].label).join('、') : r.roleText || '—';
}

function PreviewTable({ rows, problemOf }: { rows: ParsedRow[]; problemOf: (r: ParsedRow) => string | null }) {
  return (
    <Table label='导入预览' className='pimport-table'>
      <HeadRow>
        <Th>行</Th>
        <Th>姓名</Th>
        <Th>单位 · 职务</Th>
        <Th>角色</Th>
        <Th>手机号</Th>
        <Th>登录名</Th>
        <Th>检查</Th>
      </HeadRow>
      {rows.map((r) => {
        const problem = problemOf(r);
        return (
          <Row key={r.line}>
            <Td className='dtable__cell--num'>
              <Text>{r.line}</Text>
            </Td>
            <Td>
              <Text className='dtable__main'>{r.name || '—'}</Text>
            </Td>
            <Td>
              <Text className='dtable__main'>{r.unit || '—'}</Text>
              <Text className='dtable__sub'>{`${r.title || '—'}${r.unitHead ? '（单位负责人）' : ''}`}</Text>
            </Td>
            <Td>
              <Text className='dtable__main'>{roleWords(r)}</Text>
            </Td>
            <Td className='dtable__cell--num'>
              <Text>{r.phone || '—'}</Text>
            </Td>
            <Td>
              <Text className='dtable__main'>{r.login || '—'}</Text>
            </Td>
            <Td>{problem ? <Text className='pimport__problem'>{problem}</Text> : <Text className='dtable__sub'>—</Text>}</Td>
          </Row>
        );
      })}
    </Table>
  );
}

function PreviewCards({ rows, problemOf }: { rows: ParsedRow[]; problemOf: (r: ParsedRow) => string | null }) {
  return (
    <View>
      {rows.map((r) => {
        const problem = problemOf(r);
        return (
          <View key={r.line} className={problem ? 'pimport-row pimport-row--bad' : 'pimport-row'}>
            <Text className='pimport-row__name'>{`第 ${r.line} 行　${r.name || '未填姓名'}`}</Text>
            <Text className='pimport-row__meta'>{`${[r.unit, r.title].filter(Boolean).join(' · ') || '—'}${r.unitHead ? '（单位负责人）' : ''}`}</Text>
            <Text className='pimport-row__meta'>{`角色：${roleWords(r)}${r.phone ? `　手机：${r.phone}` : ''}${r.login ? `　登录名：${r.login}` : ''}`}</Text>
            {problem ? <Text className='pimport__problem'>{problem}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
