// Issue #22: the seating chart (A4 landscape: the rostrum as the hall sees it, then the hall by side)
// and the 桌签 name cards (A4 portrait, one person a page, folded across the middle: the name large in
// 黑体 on both halves). Word tables turn text by 90° only, so the upper half is not printed upside
// down: a clerk folds it as a tent with the printed faces outward. `docx` is loaded on demand, as
// for the official documents.
import type { SeatView, SeatingView } from '../../../domain';

const FONT = { heading: '方正小标宋简体', body: '仿宋_GB2312', card: '黑体' } as const;
const font = (name: string) => ({ eastAsia: name, ascii: name, hAnsi: name, cs: name });
const MM = 56.7; // twips per millimetre

function load(): typeof import('docx') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('docx') as typeof import('docx');
}

async function pack(doc: import('docx').Document): Promise<Uint8Array> {
  return new Uint8Array(await load().Packer.toBuffer(doc));
}

export async function seatingChartDocx(v: SeatingView): Promise<Uint8Array> {
  const d = load();
  const cell = (text: string, bold = false, shade?: string) =>
    new d.TableCell({
      children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text, bold, font: font(FONT.body), size: 28 })] })],
      ...(shade ? { shading: { type: d.ShadingType.CLEAR, fill: shade, color: 'auto' } } : {}),
      verticalAlign: d.VerticalAlign.CENTER,
    });
  const who = (s: SeatView) => (s.substituteFor ? `${s.name}（代${s.substituteFor}）` : s.name);
  const rostrum = v.rostrum.length
    ? new d.Table({
        width: { size: 100, type: d.WidthType.PERCENTAGE },
        rows: [
          new d.TableRow({ tableHeader: true, children: v.rostrum.map((s) => cell(`${s.seat}`, true, 'F2F2F2')) }),
          new d.TableRow({ children: v.rostrum.map((s) => cell(who(s), true)) }),
          new d.TableRow({ children: v.rostrum.map((s) => cell(s.title)) }),
        ],
      })
    : new d.Paragraph({ children: [new d.TextRun({ text: '（主席台暂无人员）', font: font(FONT.body), size: 28 })] });
  const hallRows = v.hall.map((h) =>
    new d.Paragraph({
      spacing: { before: 240 },
      children: [
        new d.TextRun({ text: `${h.label}：`, bold: true, font: font(FONT.body), size: 28 }),
        new d.TextRun({ text: h.people.map((p) => `${p.seat}. ${who(p)}（${p.unit}${p.title}）`).join('　') || '无', font: font(FONT.body), size: 28 }),
      ],
    }),
  );
  const doc = new d.Document({
    sections: [{
      properties: { page: { size: { orientation: d.PageOrientation.LANDSCAPE, width: 210 * MM, height: 297 * MM }, margin: { top: 20 * MM, bottom: 20 * MM, left: 20 * MM, right: 20 * MM } } },
      children: [
        new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text: `${v.title}座次图`, font: font(FONT.heading), size: 40 })] }),
        new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: { after: 240 }, children: [new d.TextRun({ text: '主席台（面向会场，座号自会场左侧起）', font: font(FONT.body), size: 28 })] }),
        rostrum,
        new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: { before: 360 }, children: [new d.TextRun({ text: '会场（政府方在会场左侧，工会方在右侧）', font: font(FONT.body), size: 28 })] }),
        ...hallRows,
      ],
    }],
  });
  return pack(doc);
}

export async function nameCardsDocx(v: SeatingView): Promise<Uint8Array> {
  const d = load();
  const people = [...v.ranked, ...v.hall.flatMap((h) => h.people)];
  const half = (name: string) =>
    new d.TableRow({
      height: { value: 128 * MM, rule: d.HeightRule.EXACT },
      children: [new d.TableCell({
        verticalAlign: d.VerticalAlign.CENTER,
        children: [new d.Paragraph({
          alignment: d.AlignmentType.CENTER,
          children: [new d.TextRun({ text: name, font: font(FONT.card), size: name.length > 4 ? 120 : 160, characterSpacing: name.length <= 2 ? 400 : 80 })],
        })],
      })],
    });
  const cards = people.map((p) =>
    new d.Table({
      width: { size: 100, type: d.WidthType.PERCENTAGE },
      rows: [half(p.name), half(p.name)],
    }),
  );
  const children: Array<import('docx').Table | import('docx').Paragraph> = [];
  cards.forEach((c, i) => {
    if (i > 0) children.push(new d.Paragraph({ children: [new d.PageBreak()] }));
    children.push(c);
  });
  const doc = new d.Document({
    sections: [{ properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 15 * MM, bottom: 15 * MM, left: 15 * MM, right: 15 * MM } } }, children }],
  });
  return pack(doc);
}
