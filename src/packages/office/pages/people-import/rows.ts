// The import page's file reading (split from index.tsx): the template's columns, the rows read
// from the first sheet and the checks made before sending (roles in the rules' words, ROLE_INFO;
// 单位负责人 是 or empty), and the server's refused lines. Pure: no React, no exceljs at run time.
import type { Workbook } from 'exceljs';
import { IMPORT_MAX_ROWS } from '../../../../../domain/people-rules';
import { ROLES, ROLE_INFO, type Role } from '../../../../../domain/roles';

export type Column = 'name' | 'unit' | 'title' | 'roles' | 'phone' | 'login' | 'unitHead';

/** The template's columns, in order, with the header words each is recognised by. */
export const COLUMNS: ReadonlyArray<{ key: Column; header: string; also: string[]; required: boolean }> = [
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

export const MAX_BYTES = 5 * 1024 * 1024;
export const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ParsedRow {
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

export type Sheet = { fileName: string; rows: ParsedRow[] };
export type Outcome = { kind: 'refused'; message: string; lines: Map<number, string> } | { kind: 'done'; created: number } | { kind: 'failed'; message: string };

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

/** The first sheet's rows under a header row naming the template's columns. */
export function readSheet(wb: Workbook): { rows: ParsedRow[] } | { error: string } {
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
export function refusedLines(details: unknown): Map<number, string> {
  const out = new Map<number, string>();
  if (!Array.isArray(details)) return out;
  for (const d of details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { line, message } = d as { line?: unknown; message?: unknown };
    if (typeof line === 'number' && typeof message === 'string') out.set(line, message);
  }
  return out;
}
