// The import page's exceljs side (split from index.tsx): the library loaded on demand, and the
// template made as a download. Imported by the import page only, so exceljs stays its own chunk.
import { ROLES, ROLE_INFO } from '../../../../../domain/roles';
import { COLUMNS } from './rows';

/** exceljs, on demand: its own chunk, fetched the first time a file is read or the template made. */
export type ExcelModule = typeof import('exceljs');
export function loadExcel(): Promise<ExcelModule> {
  // The condition keeps exceljs out of the mini-program (a constant there, so webpack drops the
  // branch). Not an async function: for the mini-program's ES5 its body would become a state
  // machine, and the import would no longer sit inside a branch webpack can see is dead.
  if (process.env.TARO_ENV === 'h5') {
    return import(/* webpackChunkName: "exceljs" */ 'exceljs').then((mod: ExcelModule & { default?: ExcelModule }) => (mod.Workbook ? mod : (mod.default as ExcelModule)));
  }
  return Promise.reject(new Error('批量导入仅在电脑端可用'));
}

/** The template as a download: the header row on 人员; how to fill it in on 填写说明. */
export async function downloadTemplate(): Promise<void> {
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
