// Issue #21: the GB/T 9704-2012 measurements of a printed 公文 (notice or 纪要), shared by the
// real-client tests (the seeded demo, test/documents.real.test.ts; a meeting run through the API,
// test/documents.api-meeting.test.ts). Each function measures a PDF LibreOffice made and returns
// figures (mm from the page's top left); the tests assert on them, so a failure names the figure.
import { execFileSync } from 'child_process';
import { darkRules, readPages, redMarks, type Line, type Page } from './office-pdf';

/** The text block of A4 with the 37 / 35 / 28 / 26 mm margins. */
export const TEXT = { left: 28, right: 210 - 26, top: 37, bottom: 297 - 35 } as const;
/** One grid line (579 twips) in mm. */
export const LINE_PITCH_MM = 579 / 56.7;
/** One 4号 character (the page number's and the 版记's size), mm. */
export const SMALL_CHAR_MM = 14 * 0.3528;

/** Lines of the body text (三号, not the mark, title, 版记 or page number) on a page. */
export const bodyLines = (p: Page): Line[] => p.lines.filter((l) => l.y1 - l.y0 > 6.8 && l.y1 - l.y0 < 7.8 && l.y0 > TEXT.top - 2 && l.y1 < TEXT.bottom + 1);

/** Body lines that run from the left edge of the text block to (nearly) its right edge. */
export const fullLines = (pages: Page[]): Line[] => pages.flatMap(bodyLines).filter((l) => Math.abs(l.x0 - TEXT.left) < 1 && l.x1 > TEXT.right - 3);

export interface GridMeasure {
  /** body lines on the first page holding 22 or more (undefined when no page is full) */
  fullPageLines: number | undefined;
  /** the line pitch on that page, mm */
  pitch: number | undefined;
  /** every full-width body line: its text, its character count, its left edge */
  full: Array<{ text: string; chars: number; x0: number }>;
}

/** 28 characters a full line × 22 lines a full page, as printed. */
export function measureGrid(pdf: string): GridMeasure {
  const pages = readPages(pdf);
  const page = pages.map(bodyLines).find((ls) => ls.length >= 22);
  return {
    fullPageLines: page?.length,
    pitch: page ? (page[21].y0 - page[0].y0) / 21 : undefined,
    full: fullLines(pages).map((l) => ({ text: l.text, chars: [...l.text].length, x0: l.x0 })),
  };
}

/** Lines whose right end is past the right margin by more than `toleranceMm` ("text x1"). */
export function pastRightMargin(pdf: string, toleranceMm = 0.5): string[] {
  return readPages(pdf).flatMap((p) => p.lines).filter((l) => l.x1 > TEXT.right + toleranceMm).map((l) => `${l.text} ${l.x1.toFixed(2)}`);
}

/** The largest right end of any line, mm. */
export const maxRight = (pdf: string): number => Math.max(...readPages(pdf).flatMap((p) => p.lines).map((l) => l.x1));

/** The font names pdffonts lists for the PDF. */
export function pdfFontNames(pdf: string): string[] {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).map((l) => l.split(/\s+/)[0]).filter(Boolean);
}

export interface HeadMeasure {
  /** the printed line holding the mark's first six characters */
  markText: string | undefined;
  /** the top of the first red ink below the top edge of the text block (35 mm expected) */
  markBelowTop: number | undefined;
  /** the red rule's distance under the doc number's line (4 mm expected) */
  ruleUnderNumber: number | undefined;
  /** the red rule's left and right ends, mm */
  ruleSpan: [number, number] | undefined;
  /** the rule's thickness: the red pixel rows (200 dpi) it spans, in mm */
  ruleThickness: number | undefined;
}

/** 版头: the red mark on one line, 35 mm below the text block, the red rule 4 mm under the number. */
export function measureHead(pdf: string, mark: string, docNumber: RegExp): HeadMeasure {
  const first = readPages(pdf)[0];
  const markLine = first.lines.find((l) => l.text.includes(mark.slice(0, 6)));
  const red = redMarks(pdf, 1);
  const number = first.lines.find((l) => docNumber.test(l.text));
  const rule = red.rules[0];
  // consecutive pixel rows of the rule (the rows of one rule are 0.127 mm apart at 200 dpi)
  const rows = red.rules.filter((y) => y - rule < 2);
  return {
    markText: markLine?.text,
    markBelowTop: red.top === null ? undefined : red.top - TEXT.top,
    ruleUnderNumber: number && rule !== undefined ? rule - number.y1 : undefined,
    ruleSpan: red.ruleSpan[0],
    ruleThickness: rows.length ? rows.length * (25.4 / 200) : undefined,
  };
}

export interface RecordMeasure {
  /** 1-based pages where the 版记's 印发 line is printed */
  pages: number[];
  /** the page the 版记 lands on */
  page: number;
  /** its rules (≥ 150 mm long), mm from the top */
  rules: number[];
  /** the 印发 line and the 抄送 line on that page */
  printed: Line | undefined;
  copy: Line | undefined;
  /** the lowest line above the 版记's first rule on that page (the body, the date) */
  lastAbove: Line | undefined;
  /** lines that are neither 版记 nor page number printed between the 版记's first and last rule */
  overlapping: string[];
}

/** 版记: where it lands, its rules, what sits above it and whether anything overlaps it. */
export function measureRecord(pdf: string): RecordMeasure {
  const pages = readPages(pdf);
  const withRecord = pages.map((p, i) => (p.lines.some((l) => l.text.endsWith('印发')) ? i + 1 : 0)).filter(Boolean);
  const page = withRecord[withRecord.length - 1] ?? pages.length;
  const p = pages[page - 1];
  const rules = darkRules(pdf, page, 150);
  const top = rules[0] ?? TEXT.bottom;
  const bottom = rules[rules.length - 1] ?? TEXT.bottom;
  const isRecord = (l: Line) => l.text.endsWith('印发') || l.text.startsWith('抄送');
  const above = p.lines.filter((l) => !isRecord(l) && l.y1 < top + 0.5);
  return {
    pages: withRecord,
    page,
    rules,
    printed: p.lines.find((l) => l.text.endsWith('印发')),
    copy: p.lines.find((l) => l.text.startsWith('抄送')),
    lastAbove: above[above.length - 1],
    overlapping: p.lines.filter((l) => !isRecord(l) && l.y1 > top - 0.5 && l.y0 < bottom + 0.5).map((l) => l.text),
  };
}

/** "— N —" page numbers: per page, the number printed and its top and edges. */
export function pageNumbers(pdf: string): Array<{ page: number; line: Line | undefined }> {
  return readPages(pdf).map((p, i) => ({ page: i + 1, line: p.lines.find((l) => l.text === `—${i + 1}—`) }));
}

/** The printed lines of one labelled block of a 纪要 (出席 / 请假 / 列席), spaces removed. */
export function labelledLines(pdf: string, label: '出席' | '请假' | '列席'): string[] {
  const lines = readPages(pdf).flatMap((p) => p.lines.map((l) => ({ ...l, text: l.text.replace(/\s/g, '') })));
  const at = lines.findIndex((l) => l.text.startsWith(`${label}：`));
  if (at < 0) return [];
  const out = [lines[at].text];
  // continuation lines are indented under the names (never at the left edge) and are not another label or the date
  for (const l of lines.slice(at + 1)) {
    if (/^(出席|请假|列席)：/.test(l.text) || /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.text) || l.x0 < TEXT.left + 1 || /^—\d+—$/.test(l.text)) break;
    out.push(l.text);
  }
  return out;
}

/** The printed text of one labelled block of a 纪要 (出席 / 请假 / 列席), continuation lines joined. */
export function labelledBlock(pdf: string, label: '出席' | '请假' | '列席'): string | undefined {
  const lines = labelledLines(pdf, label);
  return lines.length ? lines.join('') : undefined;
}

/** Line ends inside a labelled block that are not after a 、: a name (or its title) cut in two. */
export const unitsSplit = (pdf: string, label: '出席' | '请假' | '列席'): string[] => {
  const lines = labelledLines(pdf, label);
  return lines.slice(0, -1).flatMap((l, i) => (l.endsWith('、') ? [] : [`${l} / ${lines[i + 1]}`]));
};

/**
 * Numbers broken across lines: a body line ending with a digit followed by one starting with a digit
 * (the next line of the page, or the first of the next page), e.g. "…定于202 / 6年12月…".
 */
export function numbersSplit(pdf: string): string[] {
  const lines = readPages(pdf).flatMap(bodyLines).map((l) => l.text.replace(/\s/g, ''));
  return lines.slice(0, -1).flatMap((l, i) => (/\d$/.test(l) && /^\d/.test(lines[i + 1]) ? [`${l.slice(-12)} / ${lines[i + 1].slice(0, 12)}`] : []));
}

/** The names a labelled block lists (split at 、, the trailing 。 dropped). */
export const namesIn = (block: string | undefined, label: string): string[] =>
  (block ?? '').replace(new RegExp(`^${label}：`), '').replace(/。$/, '').split('、').filter(Boolean);
