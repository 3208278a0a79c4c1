// Issue #21: row heights for wrapped text. LibreOffice opens an .xlsx with the row heights it holds
// and does not grow a row for text that wraps (exceljs writes none), so wrapped lines ran over the
// rows below. The height is estimated from the text: a CJK character is about 1.6 units (1.75 kept for safety) of the
// column width (the default font's digit), other characters half that, one line 15.5 pt.
import type { Worksheet } from 'exceljs';
import { widthInChars } from './title';

const UNITS_PER_CHAR = 1.75;
const LINE_PT = 15.5;
const PADDING_PT = 4;

/** Lines `text` takes in a column `width` units wide, hard line breaks included. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, (width - 0.5) / UNITS_PER_CHAR);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(widthInChars(line) / perLine)), 0);
}

/**
 * Sets each row from `fromRow` to the last high enough for its tallest cell. Merged cells (a group's
 * heading across the table) count over the merged width; `minLines` for rows that must stay roomy.
 */
export function fitRowHeights(sheet: Worksheet, fromRow: number, o: { minLines?: number } = {}): void {
  const widths = (sheet.columns ?? []).map((c) => c.width ?? 9);
  const total = widths.reduce((a, b) => a + b, 0);
  for (let r = fromRow; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    let lines = o.minLines ?? 1;
    row.eachCell((cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const value = cell.value;
      if (value === null || value === undefined || value instanceof Date || typeof value === 'number') return;
      const width = cell.isMerged ? total : widths[c - 1] ?? 9;
      lines = Math.max(lines, wrappedLines(String(value), width));
    });
    row.height = Math.round(lines * LINE_PT + PADDING_PT);
  }
}
