// The downloads actions make (xlsx workbooks, .docx documents): exceljs loaded only by the action
// that exports (the other actions of a function never pay for it), and the file kept for the
// caller alone through the platform's FileOutlet.
import type { Workbook } from 'exceljs';
import type { TaskLight } from '../domain';
import type { FileOutlet, StoredFile } from './outputs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Art. 11, 12: a light as a cell's fill (ARGB): red, amber, green, grey for done. */
export const LIGHT_FILL: Record<TaskLight, string> = { red: 'FFE53935', yellow: 'FFFFC107', green: 'FF43A047', done: 'FFBDBDBD' };

export function newWorkbook(): Workbook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  return new ExcelJS.Workbook();
}

export async function putWorkbook(files: FileOutlet, book: Workbook, fileName: string, ownerId: string): Promise<StoredFile> {
  return files.put({ fileName, contentType: XLSX, bytes: new Uint8Array(await book.xlsx.writeBuffer()), ownerId });
}

export function putDocx(files: FileOutlet, bytes: Uint8Array, fileName: string, ownerId: string): Promise<StoredFile> {
  return files.put({ fileName, contentType: DOCX, bytes, ownerId });
}
