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
// - Characters XML 1.0 cannot hold (C0 controls other than tab/newline, lone surrogates,
//   U+FFFE/U+FFFF) are dropped; a newline inside a text becomes a line break. Everything else,
//   including "<", "&" and emoji, is passed to docx, which escapes it.
import type { FileChild, Paragraph, TextRun } from 'docx';

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
}

export interface MinutesDocument {
  kind: 'minutes';
  mark: string; // e.g. "巴彦淖尔市政府与工会联席会议纪要"
  docNumber: string;
  title?: string; // optional subtitle line
  body: Block[];
  attendance: { present: string[]; leave: string[]; observers: string[] }; // 出席 / 请假 / 列席
  date: string;
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
// w:charSpace is (grid pitch − Normal font size) in points × 4096; Normal is 16 pt here.
const CHAR_SPACE = Math.floor((TEXT_WIDTH / CHARS_PER_LINE / 20 - BODY_SIZE / 2) * 4096); // -849
const CHAR = Math.floor(TEXT_WIDTH / CHARS_PER_LINE); // 315 twips, one grid character

/** the page-layout constants, exported so tests and callers read one source */
export const GBT9704 = {
  pageWidth: PAGE_WIDTH,
  pageHeight: PAGE_HEIGHT,
  margins: MARGINS,
  linesPerPage: LINES_PER_PAGE,
  charsPerLine: CHARS_PER_LINE,
  grid: { linePitch: LINE_PITCH, charSpace: CHAR_SPACE, charWidth: CHAR },
  fonts: {
    body: '仿宋_GB2312',
    title: '方正小标宋简体',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    pageNumber: '宋体',
  },
  sizes: { body: BODY_SIZE, title: 44, pageNumber: 28, markMax: 72, markMin: 44 }, // half-points (mark: 小初 … 二号)
  red: 'FF0000',
  // The page number's dash line sits 7 mm below the text block; the footer distance is measured to
  // the bottom of its line (one 14 pt line ≈ 6.4 mm), so 35 − 7 − 6.4 ≈ 21.6 mm.
  footerDistance: mm(21.6),
} as const;

type FontName = (typeof GBT9704.fonts)[keyof typeof GBT9704.fonts];

/** Drops what XML 1.0 cannot carry; docx escapes the rest. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Estimated width in grid characters: CJK and full-width forms count 1, everything else ½. */
function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp >= 0x2e80 || ch === '—' ? 1 : 0.5;
  }
  return w;
}

export async function renderOfficialDocx(doc: OfficialDocument): Promise<Uint8Array> {
  // loaded only here: cloud functions that never render a document never pay for it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const d = require('docx') as typeof import('docx');
  const { fonts, sizes, red } = GBT9704;

  const runs = (text: string, font: FontName, size: number, color?: string): TextRun[] =>
    xmlSafe(text)
      .split(/\r\n|\r|\n/)
      .map(
        (line, i) =>
          new d.TextRun({
            text: line,
            break: i > 0 ? 1 : undefined,
            font: { eastAsia: font, ascii: font, hAnsi: font, cs: font },
            size,
            color,
          }),
      );

  const blank = (): Paragraph => new d.Paragraph({ children: [] });

  // The mark takes the largest whole point size that fits one line of the text block, between 二号
  // (22 pt) and 小初 (36 pt).
  const markSize = (text: string): number => {
    const fit = 2 * Math.floor(TEXT_WIDTH / 20 / Math.max(1, widthInChars(text))); // half-points
    return Math.max(sizes.markMin, Math.min(sizes.markMax, fit));
  };

  // 版头: the red mark 35 mm below the top of the text block, the doc number two lines below it,
  // and the red separator 4 mm under the doc number, as wide as the text block.
  const head = (mark: string, docNumber: string): Paragraph[] => [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { before: mm(35) },
      children: runs(mark, fonts.title, markSize(mark), red),
    }),
    blank(),
    blank(),
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      border: { bottom: { style: d.BorderStyle.SINGLE, size: 12, color: red, space: 11 } },
      children: runs(docNumber, fonts.body, sizes.body),
    }),
  ];

  const title = (text: string): Paragraph =>
    new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: runs(text, fonts.title, sizes.title) });

  const block = (b: Block): Paragraph => {
    const font = b.kind === 'heading1' ? fonts.heading1 : b.kind === 'heading2' ? fonts.heading2 : fonts.body;
    return new d.Paragraph({
      alignment: d.AlignmentType.JUSTIFIED,
      indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
      children: runs(b.text, font, sizes.body),
    });
  };

  // A labelled line ("出席：…", "附件：…"): label left 2 characters in, wrapped lines aligned
  // after the label (hanging indent = label width).
  const labelled = (label: string, labelFont: FontName, text: string): Paragraph => {
    const labelWidth = Math.round(widthInChars(label) * CHAR);
    return new d.Paragraph({
      alignment: d.AlignmentType.JUSTIFIED,
      indent: { left: 2 * CHAR + labelWidth, hanging: labelWidth },
      children: [...runs(label, labelFont, sizes.body), ...runs(text, fonts.body, sizes.body)],
    });
  };

  const rightAligned = (text: string, rightChars: number): Paragraph =>
    new d.Paragraph({
      alignment: d.AlignmentType.RIGHT,
      indent: { right: Math.round(rightChars * CHAR) },
      children: runs(text, fonts.body, sizes.body),
    });

  const children: FileChild[] = [];
  if (doc.kind === 'notice') {
    children.push(...head(doc.issuerMark, doc.docNumber), blank(), blank(), title(doc.title), blank());
    const recipients = /[：:]$/.test(doc.recipients) ? doc.recipients : `${doc.recipients}：`;
    children.push(new d.Paragraph({ alignment: d.AlignmentType.LEFT, children: runs(recipients, fonts.body, sizes.body) }));
    children.push(...doc.body.map(block));
    const attachments = doc.attachments ?? [];
    if (attachments.length === 1) {
      children.push(blank(), labelled('附件：', fonts.body, attachments[0]));
    } else if (attachments.length > 1) {
      // "附件：1. 名称", later items under the number, wrapped names under the name (tab at `left`).
      children.push(blank());
      const labelWidth = 3 * CHAR;
      const numberWidth = 2 * CHAR;
      attachments.forEach((name, i) =>
        children.push(
          new d.Paragraph({
            alignment: d.AlignmentType.JUSTIFIED,
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
    children.push(blank(), rightAligned(doc.signature, signatureRight), rightAligned(doc.date, signatureRight + s - dt - 2));
  } else {
    children.push(...head(doc.mark, doc.docNumber));
    if (doc.title) children.push(blank(), title(doc.title));
    children.push(blank(), ...doc.body.map(block), blank());
    const names = (list: string[]): string => (list.length > 0 ? list.join('、') : '无');
    children.push(labelled('出席：', fonts.heading1, names(doc.attendance.present)));
    children.push(labelled('请假：', fonts.heading1, names(doc.attendance.leave)));
    if (doc.attendance.observers.length > 0) children.push(labelled('列席：', fonts.heading1, names(doc.attendance.observers)));
    children.push(blank(), rightAligned(doc.date, 4));
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

  const document = new d.Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: fonts.body, ascii: fonts.body, hAnsi: fonts.body, cs: fonts.body }, size: sizes.body },
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
          grid: { type: d.DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: {
          default: new d.Footer({ children: [pageNumber('odd')] }),
          even: new d.Footer({ children: [pageNumber('even')] }),
        },
        children,
      },
    ],
  });
  const buffer = await d.Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

