// Official documents (公文) as .docx in the national layout GB/T 9704-2012: a notice (通知, 文件 style
// with 发文机关标志) and meeting minutes (纪要). Pure: a document description in, the file bytes out.
// Chinese wording comes from callers; this module only knows the layout rules.
//
// Layout decisions beyond the plain rules (see also the constants below):
// - One "character" for indents is the grid's character pitch (text width / 28 = 315 twips, rounded
//   down), not the nominal 16 pt (320 twips): with the 28-character grid Word lays every Chinese
//   character out at ~315.9 twips, so indents of 2 × 320 would cost the first line a character and
//   a hanging indent of 3 × 320 would not line up with the text after "出席：". Body paragraphs
//   also carry firstLineChars="200", which Word prefers over the twips value.
// - Attachments (附件说明) come after the body and before the signature, as the standard orders them.
// - Signature and date follow the unsealed rule (7.3.5.2): signature 右空二字, the date's first
//   character two characters right of the signature's first; a longer date stays 右空二字 and
//   pushes the signature left. Widths are estimated (CJK = 1 character, other = ½).
// - Minutes: 出席 and 请假 always print, "无" when empty; 列席 is omitted when empty. The date goes
//   right-aligned (右空四字) after the attendance block; minutes carry no signature.
// - Issue #21 (checked in LibreOffice, test/documents.real.test.ts): the grid is a line grid
//   (22 lines) and every 三号 run is condensed by 5 twips (w:spacing −0.25 pt), so a character
//   advances 315 twips and 28 fill the 156 mm line in any suite, whatever the font (a character
//   grid whose cell is narrower than the glyph made LibreOffice give each character two cells).
//   Body lines are exact 28.95 pt. The issuer mark never wraps (its size, then its spacing,
//   shrink to the line); titles are broken by `breakTitle` (title.ts); headings, the last body
//   paragraph, the signature and the attendance block keep with the next paragraph; every named
//   font carries a fallback chain in the font table (w:altName) and the text is marked zh-CN; the
//   notice ends with the 版记 (抄送, 印发机关 and 印发日期 between thick rules, a thin rule
//   between them) in a frame at the foot of the last page; a draft carries a 草稿 watermark.
// - Nothing a clerk retouches (issue #21): runs of digits / Latin letters are runs of their own
//   marked en-US (latinSegments), so LibreOffice breaks them as words, not inside ("202 / 6年");
//   出席 / 请假 / 列席 are broken by the program between "姓名（职务）" units (breakUnits), flush left.
// - Characters XML 1.0 cannot hold (C0 controls other than tab/newline, lone surrogates,
//   U+FFFE/U+FFFF) are dropped; a newline inside a text becomes a line break. Everything else,
//   including "<", "&" and emoji, is passed to docx, which escapes it.
import type { FileChild, Paragraph, TextRun } from 'docx';
import { finishPackage } from './package';
import { breakTitle, widthInChars } from './title';

export type Block =
  | { kind: 'heading1'; text: string } // 黑体, e.g. "一、关于……"
  | { kind: 'heading2'; text: string } // 楷体, e.g. "（一）……"
  | { kind: 'paragraph'; text: string }; // 仿宋, first-line indent 2 characters

export interface NoticeDocument {
  kind: 'notice';
  issuerMark: string; // 发文机关标志, e.g. "巴彦淖尔市人民政府办公室文件"
  docNumber: string; // 发文字号, printed as given
  title: string;
  recipients: string; // 主送机关, printed with a trailing "：" unless it has one
  body: Block[];
  signature: string; // 发文机关署名
  date: string; // 成文日期, as shown
  attachments?: string[];
  record?: Imprint;
}

/** 版记 (GB/T 9704 7.4): 抄送 (optional), 印发机关 and 印发日期 ("2026年11月25日", 印发 is added) */
export interface Imprint { copyTo?: string; printer: string; printDate: string }

export interface MinutesDocument {
  kind: 'minutes';
  mark: string; // e.g. "巴彦淖尔市政府与工会联席会议纪要"
  docNumber: string;
  title?: string; // optional subtitle line
  body: Block[];
  attendance: { present: string[]; leave: string[]; observers: string[] }; // 出席 / 请假 / 列席
  date: string;
  /** a draft: the 草稿 watermark on every page */
  draft?: boolean;
  /** 版记 of an issued 纪要 (10.3 and 7.4) */
  record?: Imprint;
}

export type OfficialDocument = NoticeDocument | MinutesDocument;

const TWIPS_PER_MM = 56.7;
const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
const BODY_SIZE = 32; // half-points: 三号 16 pt
const TEXT_WIDTH = PAGE_WIDTH - MARGINS.left - MARGINS.right; // 8844 twips = 156 mm
const TEXT_HEIGHT = PAGE_HEIGHT - MARGINS.top - MARGINS.bottom; // 12755 twips = 225 mm
// Rounded down so that 22 lines (28 characters) always fit the block.
const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE); // 579 twips = 28.95 pt
const CHAR = Math.floor(TEXT_WIDTH / CHARS_PER_LINE); // 315 twips, one grid character
// Every 三号 character is condensed by this much (twips) so that it advances exactly one grid
// character: 320 − 5 = 315, 28 × 315 = 8820 ≤ 8844.
const CONDENSE = CHAR - BODY_SIZE * 10; // -5
const TITLE_CHARS = Math.floor(TEXT_WIDTH / (44 * 10)); // 20 二号 characters a title line

/** the page-layout constants, exported so tests and callers read one source */
export const GBT9704 = {
  pageWidth: PAGE_WIDTH,
  pageHeight: PAGE_HEIGHT,
  margins: MARGINS,
  linesPerPage: LINES_PER_PAGE,
  charsPerLine: CHARS_PER_LINE,
  grid: { linePitch: LINE_PITCH, charWidth: CHAR, condense: CONDENSE, titleChars: TITLE_CHARS },
  fonts: {
    body: '仿宋_GB2312',
    title: '方正小标宋简体',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    pageNumber: '宋体',
  },
  /** what each named font falls back to, in order (written to the font table as w:altName) */
  fallbacks: {
    仿宋_GB2312: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC'],
    方正小标宋简体: ['小标宋', '华文中宋', 'STZhongsong', 'Noto Serif CJK SC'],
    黑体: ['SimHei', 'STHeiti', 'Noto Sans CJK SC'],
    楷体_GB2312: ['楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC'],
    宋体: ['SimSun', 'STSong', 'Noto Serif CJK SC'],
  } as Record<string, string[]>,
  sizes: { body: BODY_SIZE, title: 44, pageNumber: 28, record: 28, markMax: 72, markMin: 44 }, // half-points (mark: 小初 … 二号; 版记 4号)
  red: 'FF0000',
  // 版头 positions (twips): the space before the mark and its exact line, the gap between the doc
  // number and the red rule (w:space, points), the title's exact line. Measured in LibreOffice:
  // the mark's top 35 mm below the text block, the rule 4 mm under the doc number.
  head: { markLine: 901, ruleSpace: 10, titleLine: 701 },
  // The page number's dash line sits 7 mm below the text block; the footer distance is measured to
  // the bottom of its line (one 14 pt line ≈ 6.4 mm), so 35 − 7 − 6.4 ≈ 21.6 mm.
  footerDistance: mm(21.6),
} as const;

/**
 * Splits a line into runs of ASCII letters and digits (with "." ":" "-" "/" inside them: 09:30,
 * 1.5, 2026-12-23) and the rest. LibreOffice gives such weak characters the script of the text
 * before them (Asian), so they took the East Asian language (zh-CN), whose line breaker
 * (BreakIterator_CJK) breaks between any two characters: "定于202 / 6年". Marked en-US on the East
 * Asian side too, a run is broken as a word (ICU), never inside. Font and width do not change.
 */
export function latinSegments(line: string): Array<{ text: string; latin: boolean }> {
  const out: Array<{ text: string; latin: boolean }> = [];
  let at = 0;
  for (const m of line.matchAll(/[0-9A-Za-z]+(?:[.:\-/][0-9A-Za-z]+)*/g)) {
    if (m.index > at) out.push({ text: line.slice(at, m.index), latin: false });
    out.push({ text: m[0], latin: true });
    at = m.index + m[0].length;
  }
  if (at < line.length || out.length === 0) out.push({ text: line.slice(at), latin: false });
  return out;
}

/**
 * Lines of a list joined by 、, broken only between its units (each unit but the last carries its 、),
 * none wider than `width` characters (widthInChars) unless one unit alone is: such a unit starts a
 * line and the suite wraps it.
 */
export function breakUnits(units: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  units.forEach((unit, i) => {
    const piece = i < units.length - 1 ? `${unit}、` : unit;
    if (line && widthInChars(line + piece) > width) {
      lines.push(line);
      line = '';
    }
    line += piece;
  });
  if (line) lines.push(line);
  return lines;
}

type FontName = (typeof GBT9704.fonts)[keyof typeof GBT9704.fonts];

/** Drops what XML 1.0 cannot carry; docx escapes the rest. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export async function renderOfficialDocx(doc: OfficialDocument): Promise<Uint8Array> {
  // loaded only here: cloud functions that never render a document never pay for it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const d = require('docx') as typeof import('docx');
  const { fonts, sizes, red } = GBT9704;
  const exact = (line: number) => ({ line, lineRule: d.LineRuleType.EXACT });
  const bodyLine = exact(LINE_PITCH);

  const runs = (text: string, font: FontName, size: number, color?: string, spacing?: number): TextRun[] =>
    xmlSafe(text)
      .split(/\r\n|\r|\n/)
      .flatMap((line, i) =>
        latinSegments(line).map(
          (seg, j) =>
            new d.TextRun({
              text: seg.text,
              break: i > 0 && j === 0 ? 1 : undefined,
              font: { eastAsia: font, ascii: font, hAnsi: font, cs: font },
              size,
              color,
              // 三号 text advances one grid character (see CONDENSE)
              characterSpacing: spacing ?? (size === BODY_SIZE ? CONDENSE : undefined),
              // a run of digits / Latin letters is one word: see latinSegments
              ...(seg.latin ? { language: { value: 'en-US', eastAsia: 'en-US' } } : {}),
            }),
        ),
      );

  const blank = (keepNext = false): Paragraph => new d.Paragraph({ spacing: bodyLine, keepNext, children: [] });

  // The mark takes the largest whole point size that fits one line of the text block, between 二号
  // (22 pt) and 小初 (36 pt), with 4% to spare; a mark too long even at 二号 is condensed instead,
  // never wrapped.
  const markSize = (text: string): number => {
    const fit = 2 * Math.floor((TEXT_WIDTH * 0.96) / 20 / Math.max(1, widthInChars(text))); // half-points
    return Math.max(sizes.markMin, Math.min(sizes.markMax, fit));
  };
  const markRuns = (text: string): TextRun[] => {
    const chars = Math.max(1, widthInChars(text));
    const usable = TEXT_WIDTH * 0.96;
    const size = markSize(text);
    const over = chars * size * 10 - usable; // twips past the line
    const spacing = over > 0 ? -Math.ceil(over / chars) : 0;
    return runs(text, fonts.title, size, red, spacing);
  };

  // 版头: the red mark's top 35 mm below the top of the text block, the doc number two lines below
  // it, and the red separator 4 mm under the doc number, as wide as the text block. The mark's line
  // is exact (its size + 20%), so its place does not depend on the font's metrics; the figures were
  // measured in LibreOffice (test/documents.real.test.ts).
  const head = (mark: string, docNumber: string): Paragraph[] => {
    const markSpacing = mark.length ? markRuns(mark) : [];
    return [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        // in the exact line the glyph's top sits (12.46 − 0.285 × size in pt) mm below the line's top
        // (measured in LibreOffice at 26 and 30 pt), so the space before is 35 mm less that
        spacing: { before: mm(35 - (12.46 - 0.285 * (markSize(mark) / 2))), ...exact(GBT9704.head.markLine) },
        children: markSpacing,
      }),
      blank(),
      blank(),
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        spacing: bodyLine,
        border: { bottom: { style: d.BorderStyle.SINGLE, size: 12, color: red, space: GBT9704.head.ruleSpace } },
        children: runs(docNumber, fonts.body, sizes.body),
      }),
    ];
  };

  // The title: centred 二号小标宋, broken by breakTitle into balanced lines at word boundaries.
  const title = (text: string): Paragraph =>
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: exact(GBT9704.head.titleLine),
      keepNext: true,
      keepLines: true,
      children: runs(breakTitle(xmlSafe(text), TITLE_CHARS).join('\n'), fonts.title, sizes.title),
    });

  const block = (b: Block, keepNext = false): Paragraph => {
    const font = b.kind === 'heading1' ? fonts.heading1 : b.kind === 'heading2' ? fonts.heading2 : fonts.body;
    return new d.Paragraph({
      alignment: d.AlignmentType.JUSTIFIED,
      spacing: bodyLine,
      indent: { firstLine: 2 * CHAR },
      keepNext: keepNext || b.kind !== 'paragraph',
      children: runs(b.text, font, sizes.body),
    });
  };
  // The last paragraph keeps with what follows only when short (at most 3 lines): a long one would be
  // moved whole to the next page by LibreOffice; widow control keeps its last two lines anyway.
  const blocks = (list: Block[], keepLast: boolean): Paragraph[] =>
    list.map((b, i) => block(b, keepLast && i === list.length - 1 && widthInChars(b.text) <= 3 * CHARS_PER_LINE));

  // A labelled line ("出席：…", "附件：…"): label left 2 characters in, wrapped lines aligned
  // after the label (hanging indent = label width).
  // A list of units ("姓名（职务）" joined by 、) is broken by the program between units, with line
  // breaks, and set flush left: a suite breaks CJK text between any two characters and printed
  // "李秀梅（巴 / 彦淖尔市总工会主席）" (see breakUnits).
  const labelled = (label: string, labelFont: FontName, text: string | readonly string[], keepNext = false): Paragraph => {
    const labelWidth = Math.round(widthInChars(label) * CHAR);
    const left = 2 * CHAR + labelWidth;
    const body = typeof text === 'string' ? text : breakUnits(text, Math.floor((TEXT_WIDTH - left) / CHAR)).join('\n');
    return new d.Paragraph({
      alignment: typeof text === 'string' ? d.AlignmentType.JUSTIFIED : d.AlignmentType.LEFT,
      spacing: bodyLine,
      keepNext,
      indent: { left, hanging: labelWidth },
      children: [...runs(label, labelFont, sizes.body), ...runs(body, fonts.body, sizes.body)],
    });
  };

  const rightAligned = (text: string, rightChars: number, keepNext = false): Paragraph =>
    new d.Paragraph({
      alignment: d.AlignmentType.RIGHT,
      spacing: bodyLine,
      keepNext,
      keepLines: true,
      indent: { right: Math.round(rightChars * CHAR) },
      children: runs(text, fonts.body, sizes.body),
    });

  // 版记 (7.4): 4号仿宋 lines between rules as wide as the text block — thick (0.35 mm) above the first
  // and below the last, thin (0.25 mm) between — in a frame at the foot of the last page (the last
  // rule on the bottom edge of the text block). 抄送 one character in on both sides, wrapped lines
  // under the first name; 印发机关 one character in on the left, 印发日期 one in on the right.
  let recordRows = 0;
  const recordBlock = (r: Imprint): FileChild[] => {
    const one = sizes.record * 10; // one 4号 character, twips
    const thick = { style: d.BorderStyle.SINGLE, size: 8, color: '000000' };
    const thin = { style: d.BorderStyle.SINGLE, size: 6, color: '000000' };
    const none = { style: d.BorderStyle.NONE, size: 0, color: 'auto' };
    const small = (text: string) => runs(text, fonts.body, sizes.record, undefined, 0);
    const rows: Paragraph[] = [];
    if (r.copyTo) {
      const label = Math.round(3 * one);
      rows.push(new d.Paragraph({
        spacing: bodyLine,
        indent: { left: one + label, right: one, hanging: label },
        children: [...small('抄送：'), ...small(/。$/.test(r.copyTo) ? r.copyTo : `${r.copyTo}。`)],
      }));
    }
    rows.push(new d.Paragraph({
      spacing: bodyLine,
      indent: { left: one, right: one },
      tabStops: [{ type: d.TabStopType.RIGHT, position: TEXT_WIDTH - one }],
      children: [...small(r.printer), new d.TextRun({ children: [new d.Tab()], size: sizes.record }), ...small(`${r.printDate}印发`)],
    }));
    recordRows = rows.length;
    return [
      // written inline here; finishPackage moves it into a text box anchored at the foot of the page
      new d.Table({
        width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
        columnWidths: [TEXT_WIDTH],
        layout: d.TableLayoutType.FIXED,
        borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
        rows: rows.map((p, i) => new d.TableRow({
          cantSplit: true,
          children: [new d.TableCell({
            width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
            margins: { left: 0, right: 0, top: 0, bottom: 0 },
            borders: { top: i === 0 ? thick : thin, bottom: i === rows.length - 1 ? thick : thin, left: none, right: none },
            children: [p],
          })],
        })),
      }),
      new d.Paragraph({ spacing: exact(20), children: [new d.TextRun({ text: RECORD_PLACEHOLDER })] }),
    ];
  };

  const children: FileChild[] = [];
  if (doc.kind === 'notice') {
    children.push(...head(doc.issuerMark, doc.docNumber), blank(), title(doc.title), blank(true));
    const recipients = /[：:]$/.test(doc.recipients) ? doc.recipients : `${doc.recipients}：`;
    children.push(new d.Paragraph({ alignment: d.AlignmentType.LEFT, spacing: bodyLine, keepNext: true, children: runs(recipients, fonts.body, sizes.body) }));
    const attachments = doc.attachments ?? [];
    // the last body paragraph stays with the signature when nothing comes between
    children.push(...blocks(doc.body, attachments.length === 0));
    if (attachments.length === 1) {
      children.push(blank(), labelled('附件：', fonts.body, attachments[0], true));
    } else if (attachments.length > 1) {
      // "附件：1. 名称", later items under the number, wrapped names under the name (tab at `left`).
      children.push(blank());
      const labelWidth = 3 * CHAR;
      const numberWidth = 2 * CHAR;
      attachments.forEach((name, i) =>
        children.push(
          new d.Paragraph({
            alignment: d.AlignmentType.JUSTIFIED,
            spacing: bodyLine,
            keepNext: i === attachments.length - 1,
            indent: { left: 2 * CHAR + labelWidth + numberWidth, hanging: numberWidth + (i === 0 ? labelWidth : 0) },
            children: [
              ...(i === 0 ? runs('附件：', fonts.body, sizes.body) : []),
              ...runs(`${i + 1}.`, fonts.body, sizes.body),
              new d.TextRun({ children: [new d.Tab()], size: sizes.body }),
              ...runs(name, fonts.body, sizes.body),
            ],
          }),
        ),
      );
    }
    const s = widthInChars(doc.signature);
    const dt = widthInChars(doc.date);
    const signatureRight = Math.max(2, dt + 4 - s);
    children.push(blank(true), rightAligned(doc.signature, signatureRight, true), rightAligned(doc.date, signatureRight + s - dt - 2));
    if (doc.record) children.push(...recordBlock(doc.record));
  } else {
    children.push(...head(doc.mark, doc.docNumber));
    if (doc.title) children.push(blank(), title(doc.title));
    // The last decided item is not chained to the attendance: tied together the whole tail moves to
    // the next page and leaves most of a page blank (seen in LibreOffice with a short 纪要).
    children.push(blank(), ...blocks(doc.body, false), blank(true));
    // 10.3: 出席 / 请假 / 列席 in 3号黑体 labels, kept together and with the date (the date never
    // stands alone on a page)
    const names = (list: string[]): string[] => (list.length > 0 ? list : ['无']);
    children.push(labelled('出席：', fonts.heading1, names(doc.attendance.present), true));
    children.push(labelled('请假：', fonts.heading1, names(doc.attendance.leave), true));
    if (doc.attendance.observers.length > 0) children.push(labelled('列席：', fonts.heading1, names(doc.attendance.observers), true));
    children.push(blank(true), rightAligned(doc.date, 4));
    if (doc.record) children.push(...recordBlock(doc.record));
  }

  // Page number "— 1 —" in 4号宋体, one character in from the outer edge: right on odd pages (the
  // default footer), left on even pages.
  const pageNumber = (side: 'odd' | 'even'): Paragraph => {
    const font = fonts.pageNumber;
    return new d.Paragraph({
      alignment: side === 'odd' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
      indent: side === 'odd' ? { right: sizes.pageNumber * 10 } : { left: sizes.pageNumber * 10 },
      children: [
        new d.TextRun({
          children: ['— ', d.PageNumber.CURRENT, ' —'],
          font: { eastAsia: font, ascii: font, hAnsi: font, cs: font },
          size: sizes.pageNumber,
        }),
      ],
    });
  };
  const draft = doc.kind === 'minutes' && doc.draft === true;
  const watermark = (): Paragraph => new d.Paragraph({ children: [new d.TextRun({ text: WATERMARK_PLACEHOLDER })] });

  const document = new d.Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: fonts.body, ascii: fonts.body, hAnsi: fonts.body, cs: fonts.body },
            size: sizes.body,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: { ...MARGINS, header: mm(15), footer: GBT9704.footerDistance },
          },
          grid: { type: d.DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        ...(draft ? { headers: { default: new d.Header({ children: [watermark()] }), even: new d.Header({ children: [watermark()] }) } } : {}),
        footers: {
          default: new d.Footer({ children: [pageNumber('odd')] }),
          even: new d.Footer({ children: [pageNumber('even')] }),
        },
        children,
      },
    ],
  });
  const buffer = await d.Packer.toBuffer(document);
  return finishPackage(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), {
    fallbacks: GBT9704.fallbacks,
    paragraphs: { noHangingPunctuation: true, unsnapLines: [GBT9704.head.markLine, GBT9704.head.titleLine] },
    watermark: draft ? { placeholder: WATERMARK_PLACEHOLDER, text: '草稿', font: fonts.heading1 } : undefined,
    // the 版记's last rule on the bottom edge of the text block (GB/T 9704 7.4): a text box anchored to
    // the page, its bottom at the bottom margin, the record at its foot
    footBox: recordRows > 0
      ? { placeholder: RECORD_PLACEHOLDER, x: MARGINS.left, bottom: PAGE_HEIGHT - MARGINS.bottom, width: TEXT_WIDTH, height: recordRows * LINE_PITCH + RECORD_SLACK }
      : undefined,
  });
}

const WATERMARK_PLACEHOLDER = '\u2063WATERMARK\u2063';
const RECORD_PLACEHOLDER = '\u2063RECORD\u2063';
/** twips the text box adds to the record's lines: the rules' widths and the box's closing paragraph */
const RECORD_SLACK = 60;
