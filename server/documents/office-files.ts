// The downloads actions make (xlsx workbooks, .docx documents): exceljs loaded only by the action
// that exports (the other actions of a function never pay for it), and the file kept for the
// caller alone through the platform's FileOutlet.
import type { Workbook } from 'exceljs';
import type { TaskLight } from '../../domain';
import type { FileOutlet, StoredFile } from '../kit/outputs';

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

// Issue #21: a workbook a clerk prints as it is — A4 landscape, one page wide, the header row frozen
// and repeated on every page, thin borders and wrapped text in the table, a footer with page numbers.
type Sheet = import('exceljs').Worksheet;
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

/**
 * Prints `sheet` ready: the table runs from `headerRow` to the last row; `title` rows above it are
 * merged across the table's width. Columns keep their widths; fit-to-width scales them to the page.
 */
export function printReady(sheet: Sheet, o: { headerRow: number; columns: number; titleRows?: number; portrait?: boolean }): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: o.portrait ? 'portrait' : 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${o.headerRow}:${o.headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: o.headerRow, topLeftCell: `A${o.headerRow + 1}`, activeCell: `A${o.headerRow + 1}` }];
  for (let r = 1; r <= (o.titleRows ?? 0); r++) {
    sheet.mergeCells(r, 1, r, o.columns);
    const cell = sheet.getCell(r, 1);
    cell.alignment = { horizontal: r === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    if (r === 1) cell.font = { ...cell.font, bold: true, size: 16 };
  }
  for (let r = o.headerRow; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= o.columns; c++) {
      const cell = row.getCell(c);
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      cell.alignment = { ...cell.alignment, vertical: 'middle', wrapText: true, ...(r === o.headerRow ? { horizontal: 'center' } : {}) };
      if (r === o.headerRow) cell.font = { ...cell.font, bold: true };
    }
  }
}

/** A date shown in Shanghai as a real spreadsheet date: the wall-clock time as a UTC date. */
export function sheetDate(iso: string | Date): Date {
  const t = typeof iso === 'string' ? new Date(iso) : iso;
  return new Date(t.getTime() + 8 * 3600_000);
}
