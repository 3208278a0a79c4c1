// GB/T 9704-2012 layout of the rendered .docx, read back from the package XML. Expected figures are
// written out as literals (not read from GBT9704) so that changing a layout rule in one place fails.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { GBT9704, MinutesDocument, NoticeDocument, renderOfficialDocx } from './official';

interface JSZipFile { async(type: 'string'): Promise<string> }
interface JSZipArchive { file(path: string): JSZipFile | null; files: Record<string, unknown> }
interface JSZipStatic { loadAsync(data: Uint8Array): Promise<JSZipArchive> }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip') as JSZipStatic;

interface Package {
  document: string;
  settings: string;
  styles: string;
  footers: { default: string; even: string };
}

async function unpack(bytes: Uint8Array): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string): Promise<string> => {
    const f = zip.file(path);
    if (!f) throw new Error(`missing ${path}`);
    return f.async('string');
  };
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  // footerReference type → relationship id → footerN.xml
  const footerOf = async (type: 'default' | 'even'): Promise<string> => {
    const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(document)?.[1];
    if (!id) throw new Error(`no ${type} footer reference`);
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (!target) throw new Error(`no relationship ${id}`);
    return read(`word/${target}`);
  };
  return {
    document,
    settings: await read('word/settings.xml'),
    styles: await read('word/styles.xml'),
    footers: { default: await footerOf('default'), even: await footerOf('even') },
  };
}

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('');

const paragraphs = (xml: string): string[] => xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
const runs = (xml: string): string[] => xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];

/** The one paragraph whose text contains `needle`. */
function paragraph(xml: string, needle: string): string {
  const found = paragraphs(xml).filter((p) => textOf(p).includes(needle));
  if (found.length !== 1) throw new Error(`${found.length} paragraphs contain ${needle}`);
  return found[0];
}

/** The run properties of the run whose text contains `needle`. */
function runProps(xml: string, needle: string): string {
  const r = runs(xml).find((x) => textOf(x).includes(needle));
  if (!r) throw new Error(`no run contains ${needle}`);
  return /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(r)?.[0] ?? '';
}

const fontOf = (rPr: string): { eastAsia?: string; ascii?: string } => ({
  eastAsia: /w:eastAsia="([^"]+)"/.exec(rPr)?.[1],
  ascii: /w:ascii="([^"]+)"/.exec(rPr)?.[1],
});
const sizeOf = (rPr: string): number | undefined => Number(/<w:sz w:val="(\d+)"/.exec(rPr)?.[1]) || undefined;
const colorOf = (rPr: string): string | undefined => /<w:color w:val="([0-9A-Fa-f]{6})"/.exec(rPr)?.[1]?.toUpperCase();
const jcOf = (p: string): string | undefined => /<w:jc w:val="([a-z]+)"/.exec(p)?.[1];
const indentOf = (p: string): Record<string, number> => {
  const ind = /<w:ind ([^>]*)\/>/.exec(p)?.[1] ?? '';
  return Object.fromEntries([...ind.matchAll(/w:(\w+)="(-?\d+)"/g)].map((m) => [m[1], Number(m[2])]));
};

const TRICKY = '工会<职工之家> & 企业 "A" \'B\' 😀👨‍👩‍👧 𠀀';

const minutes: MinutesDocument = {
  kind: 'minutes',
  mark: '巴彦淖尔市政府与工会联席会议纪要',
  docNumber: '〔2026〕3号',
  title: '第二次联席会议',
  body: [
    { kind: 'paragraph', text: '2026年11月20日，市政府与市总工会召开第二次联席会议，会议议定事项纪要如下：' },
    { kind: 'heading1', text: '一、关于职工服务阵地建设' },
    { kind: 'heading2', text: '（一）户外劳动者服务站点' },
    { kind: 'paragraph', text: `会议决定，年内新建服务站点30个。${TRICKY}` },
  ],
  attendance: {
    present: ['张三（市政府副市长）', '李四（市总工会主席）', '王五（市人社局局长）', '赵六（市财政局局长）', '钱七（市住建局局长）'],
    leave: ['孙八（市发改委主任）'],
    observers: ['周九（市政府办公室副主任）'],
  },
  date: '2026年11月25日',
};

const notice: NoticeDocument = {
  kind: 'notice',
  issuerMark: '巴彦淖尔市人民政府办公室文件',
  docNumber: '巴政办发〔2026〕12号',
  title: '巴彦淖尔市人民政府办公室关于建立政府与工会联席会议制度的通知',
  recipients: '各旗县区人民政府，市直各部门',
  body: [
    { kind: 'paragraph', text: '为进一步发挥工会作用，经市政府同意，现就有关事项通知如下。' },
    { kind: 'heading1', text: '一、联席会议职责' },
    { kind: 'heading2', text: '（一）研究涉及职工切身利益的重大问题' },
    { kind: 'paragraph', text: '联席会议原则上每半年召开一次。' },
  ],
  signature: '巴彦淖尔市人民政府办公室',
  date: '2026年11月25日',
  attachments: ['联席会议成员名单', '联席会议议题申报表'],
};

describe('GB/T 9704 page layout', () => {
  let pkg: Package;
  beforeAll(async () => {
    const bytes = await renderOfficialDocx(minutes);
    mkdirSync(join(__dirname, '../../test/artifacts'), { recursive: true });
    writeFileSync(join(__dirname, '../../test/artifacts/sample-minutes.docx'), bytes);
    pkg = await unpack(bytes);
  });

  it('is A4 with the 37/35/28/26 mm margins in twips', () => {
    expect(pkg.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(pkg.document)?.[1] ?? '';
    expect(mar).toContain('w:top="2098"');
    expect(mar).toContain('w:bottom="1985"');
    expect(mar).toContain('w:left="1588"');
    expect(mar).toContain('w:right="1474"');
    // what is left is the 156 × 225 mm text block
    const n = (k: string): number => Number(new RegExp(`w:${k}="(\\d+)"`).exec(mar)?.[1]);
    expect((11906 - n('left') - n('right')) / 56.7).toBeCloseTo(156, 0);
    expect((16838 - n('top') - n('bottom')) / 56.7).toBeCloseTo(225, 0);
    expect(GBT9704).toMatchObject({ pageWidth: 11906, pageHeight: 16838, margins: { top: 2098, bottom: 1985, left: 1588, right: 1474 } });
  });

  it('sets a line grid of 22 lines and condenses every 三号 character to one 28th of the line', () => {
    // issue #21: a character grid narrower than the glyph made LibreOffice give each character two
    // cells (17–18 a line); the pitch now comes from the runs' own spacing, in any suite
    const grid = /<w:docGrid ([^>]*)\/>/.exec(pkg.document)?.[1] ?? '';
    expect(grid).toContain('w:type="lines"');
    const linePitch = Number(/w:linePitch="(\d+)"/.exec(grid)?.[1]);
    expect(linePitch).toBe(579);
    const textHeight = 16838 - 2098 - 1985;
    const textWidth = 11906 - 1588 - 1474;
    expect(Math.floor(textHeight / linePitch)).toBe(22);
    const body = runProps(pkg.document, '会议决定');
    const spacing = Number(/<w:spacing w:val="(-?\d+)"/.exec(body)?.[1]);
    expect(spacing).toBe(-5);
    expect(Math.floor(textWidth / (320 + spacing))).toBe(28);
    expect(paragraph(pkg.document, '会议决定')).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/);
    expect(GBT9704).toMatchObject({ linesPerPage: 22, charsPerLine: 28 });
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:rPrDefault>/.exec(pkg.styles)?.[0] ?? '';
    expect(fontOf(defaults)).toEqual({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312' });
    expect(sizeOf(defaults)).toBe(32);
  });

  it('turns on different odd and even footers', () => {
    expect(pkg.settings).toContain('<w:evenAndOddHeaders/>');
  });

  it('numbers pages "— n —" in 4号宋体, right on odd pages and left on even pages', () => {
    for (const [footer, side] of [[pkg.footers.default, 'right'], [pkg.footers.even, 'left']] as const) {
      const p = paragraph(footer, '—');
      expect(jcOf(p)).toBe(side);
      expect(indentOf(p)).toEqual({ [side]: 280 }); // one 14 pt character in from the edge
      expect(p).toMatch(/— <\/w:t>[\s\S]*?<w:fldChar w:fldCharType="begin"\/>[\s\S]*?<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*?<w:fldChar w:fldCharType="end"\/>[\s\S]*?<w:t[^>]*> —<\/w:t>/);
      for (const r of runs(p)) {
        const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(r)?.[0] ?? '';
        expect(fontOf(rPr)).toEqual({ eastAsia: '宋体', ascii: '宋体' });
        expect(sizeOf(rPr)).toBe(28);
      }
    }
  });
});

describe('纪要 (minutes)', () => {
  let doc: string;
  beforeAll(async () => {
    doc = (await unpack(await renderOfficialDocx(minutes))).document;
  });

  it('prints the mark in red 方正小标宋简体 and the doc number over a red line', () => {
    const mark = runProps(doc, '巴彦淖尔市政府与工会联席会议纪要');
    expect(fontOf(mark)).toEqual({ eastAsia: '方正小标宋简体', ascii: '方正小标宋简体' });
    expect(['FF0000', 'C00000']).toContain(colorOf(mark));
    expect(sizeOf(mark)).toBeGreaterThanOrEqual(44);
    expect(jcOf(paragraph(doc, '联席会议纪要'))).toBe('center');
    const number = paragraph(doc, '〔2026〕3号');
    expect(jcOf(number)).toBe('center');
    expect(number).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="(FF0000|C00000)"/);
    // mark before doc number before body
    // (in the printed text: a number is a run of its own)
    const text = textOf(doc);
    expect(text.indexOf('联席会议纪要')).toBeLessThan(text.indexOf('〔2026〕3号'));
    expect(text.indexOf('〔2026〕3号')).toBeLessThan(text.indexOf('会议决定'));
  });

  it('sets headings in 黑体 / 楷体_GB2312 and the body in 仿宋_GB2312, all 三号, indented two characters', () => {
    expect(fontOf(runProps(doc, '一、关于职工服务阵地建设'))).toEqual({ eastAsia: '黑体', ascii: '黑体' });
    expect(fontOf(runProps(doc, '（一）户外劳动者服务站点'))).toEqual({ eastAsia: '楷体_GB2312', ascii: '楷体_GB2312' });
    expect(fontOf(runProps(doc, '会议决定，年内新建服务站点'))).toEqual({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312' });
    for (const t of ['一、关于', '（一）户外', '会议决定']) {
      expect(sizeOf(runProps(doc, t))).toBe(32);
      expect(indentOf(paragraph(doc, t))).toEqual({ firstLine: 630 });
    }
    const title = runProps(doc, '第二次联席会议');
    expect(fontOf(title)).toEqual({ eastAsia: '方正小标宋简体', ascii: '方正小标宋简体' });
    expect(sizeOf(title)).toBe(44);
  });

  it('lists 出席 / 请假 / 列席 with 黑体 labels, 仿宋 names joined by 、 and wrapped lines under the first name', () => {
    const expected: [string, string[]][] = [['出席：', minutes.attendance.present], ['请假：', minutes.attendance.leave], ['列席：', minutes.attendance.observers]];
    for (const [label, names] of expected) {
      const p = paragraph(doc, label);
      expect(textOf(p)).toBe(label + names.join('、'));
      const [labelRun, namesRun] = runs(p);
      expect(textOf(labelRun)).toBe(label);
      expect(fontOf(/<w:rPr>[\s\S]*?<\/w:rPr>/.exec(labelRun)?.[0] ?? '')).toEqual({ eastAsia: '黑体', ascii: '黑体' });
      expect(fontOf(/<w:rPr>[\s\S]*?<\/w:rPr>/.exec(namesRun)?.[0] ?? '')).toEqual({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312' });
      // label two characters in; hanging indent = the 3-character label, one grid character = 315 twips
      expect(indentOf(p)).toEqual({ left: 5 * 315, hanging: 3 * 315 });
    }
    expect(doc.indexOf('出席：')).toBeLessThan(doc.indexOf('请假：'));
    expect(doc.indexOf('请假：')).toBeLessThan(doc.indexOf('列席：'));
    expect(doc.indexOf('会议决定')).toBeLessThan(doc.indexOf('出席：'));
  });

  it('prints 无 for nobody on leave and leaves out an empty 列席 line', async () => {
    const d = (await unpack(await renderOfficialDocx({ ...minutes, attendance: { present: ['张三'], leave: [], observers: [] } }))).document;
    expect(textOf(paragraph(d, '请假：'))).toBe('请假：无');
    expect(textOf(d)).not.toContain('列席');
  });

  it('puts the date right-aligned, four characters from the right edge', () => {
    const p = paragraph(doc, '2026年11月25日');
    expect(jcOf(p)).toBe('right');
    expect(indentOf(p)).toEqual({ right: 4 * 315 });
  });

  it('escapes <, & and quotes and keeps emoji and astral characters', () => {
    expect(textOf(paragraph(doc, '会议决定'))).toBe(`会议决定，年内新建服务站点30个。${TRICKY}`);
    expect(doc).not.toContain('<职工之家>');
    expect(doc).toContain('&lt;职工之家&gt; &amp; 企业');
  });

  it('drops characters XML cannot hold and turns newlines into line breaks', async () => {
    const d = (await unpack(await renderOfficialDocx({ ...minutes, body: [{ kind: 'paragraph', text: '甲\u0001乙\uFFFF\n丙' }] }))).document;
    const p = paragraph(d, '甲乙');
    expect(textOf(p)).toBe('甲乙丙');
    expect(p).toMatch(/甲乙<\/w:t>[\s\S]*<w:br\/><w:t[^>]*>丙/);
  });
});

describe('通知 (notice)', () => {
  let pkg: Package;
  let doc: string;
  beforeAll(async () => {
    pkg = await unpack(await renderOfficialDocx(notice));
    doc = pkg.document;
  });

  it('has the same page, grid and footers as the minutes', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    expect(pkg.settings).toContain('<w:evenAndOddHeaders/>');
    expect(jcOf(pkg.footers.default)).toBe('right');
    expect(jcOf(pkg.footers.even)).toBe('left');
  });

  it('prints the issuer mark in red 小标宋 and the doc number centred over a red line', () => {
    const mark = runProps(doc, '巴彦淖尔市人民政府办公室文件');
    expect(fontOf(mark)).toEqual({ eastAsia: '方正小标宋简体', ascii: '方正小标宋简体' });
    expect(['FF0000', 'C00000']).toContain(colorOf(mark));
    // 14 characters fitted to 96% of the 156 mm line: 30 pt
    expect(sizeOf(mark)).toBe(60);
    const number = paragraph(doc, '巴政办发〔2026〕12号');
    expect(textOf(number)).toBe('巴政办发〔2026〕12号');
    expect(jcOf(number)).toBe('center');
    expect(number).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="(FF0000|C00000)"/);
  });

  it('centres the title in 二号小标宋 and sets the 主送机关 flush left with a colon', () => {
    // issue #21: broken by the program at a word boundary into balanced lines
    const title = paragraph(doc, '巴彦淖尔市人民政府办公室关于建立');
    expect(jcOf(title)).toBe('center');
    expect(textOf(title)).toBe('巴彦淖尔市人民政府办公室关于建立政府与工会联席会议制度的通知');
    expect(title).toContain('<w:br/>');
    const t = runProps(doc, '政府与工会联席会议制度的通知');
    expect(fontOf(t)).toEqual({ eastAsia: '方正小标宋简体', ascii: '方正小标宋简体' });
    expect(sizeOf(t)).toBe(44);
    expect(colorOf(t)).toBeUndefined();
    const to = paragraph(doc, '各旗县区人民政府');
    expect(textOf(to)).toBe('各旗县区人民政府，市直各部门：');
    expect(indentOf(to)).toEqual({});
    expect(fontOf(runProps(doc, '各旗县区人民政府'))).toEqual({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312' });
  });

  it('sets body blocks in 仿宋 / 黑体 / 楷体 with a two-character first-line indent', () => {
    expect(fontOf(runProps(doc, '一、联席会议职责'))).toEqual({ eastAsia: '黑体', ascii: '黑体' });
    expect(fontOf(runProps(doc, '（一）研究涉及'))).toEqual({ eastAsia: '楷体_GB2312', ascii: '楷体_GB2312' });
    expect(fontOf(runProps(doc, '原则上每半年'))).toEqual({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312' });
    expect(indentOf(paragraph(doc, '原则上每半年'))).toEqual({ firstLine: 630 });
  });

  it('lists attachments after the body, numbered, with names aligned', () => {
    const first = paragraph(doc, '联席会议成员名单');
    const second = paragraph(doc, '联席会议议题申报表');
    expect(textOf(first)).toBe('附件：1.联席会议成员名单');
    expect(textOf(second)).toBe('2.联席会议议题申报表');
    expect(first).toContain('<w:tab/>');
    // names start 7 characters in; "附件：" starts at 2, the numbers at 5
    expect(indentOf(first)).toEqual({ left: 7 * 315, hanging: 5 * 315 });
    expect(indentOf(second)).toEqual({ left: 7 * 315, hanging: 2 * 315 });
    expect(doc.indexOf('原则上每半年')).toBeLessThan(doc.indexOf('联席会议成员名单'));
    expect(doc.indexOf('联席会议议题申报表')).toBeLessThan(doc.lastIndexOf('巴彦淖尔市人民政府办公室<'));
  });

  it('right-aligns the signature two characters in and the date two characters right of its first character', () => {
    const sig = paragraphs(doc).filter((p) => textOf(p) === '巴彦淖尔市人民政府办公室');
    expect(sig).toHaveLength(1);
    expect(jcOf(sig[0])).toBe('right');
    expect(indentOf(sig[0])).toEqual({ right: 2 * 315 });
    const date = paragraph(doc, '2026年11月25日');
    expect(jcOf(date)).toBe('right');
    // signature 12 characters, date 7 (digits count ½): 2 + 12 − 2 − 7 = 5 characters from the right
    expect(indentOf(date)).toEqual({ right: 5 * 315 });
    expect(doc.indexOf('巴彦淖尔市人民政府办公室<')).toBeGreaterThan(doc.indexOf('原则上每半年'));
  });

  it('keeps the date 右空二字 and moves a short signature left', async () => {
    const d = (await unpack(await renderOfficialDocx({ ...notice, signature: '市总工会', attachments: [] }))).document;
    // signature 4, date 7: date right 2, signature starts 2 characters before the date → right 2 + 7 + 2 − 4 = 7
    expect(indentOf(paragraph(d, '市总工会'))).toEqual({ right: 7 * 315 });
    expect(indentOf(paragraph(d, '2026年11月25日'))).toEqual({ right: 2 * 315 });
    expect(textOf(d)).not.toContain('附件');
  });

  it('prints a single attachment without a number, wrapped lines under the name', async () => {
    const d = (await unpack(await renderOfficialDocx({ ...notice, attachments: ['联席会议成员名单'] }))).document;
    const p = paragraph(d, '联席会议成员名单');
    expect(textOf(p)).toBe('附件：联席会议成员名单');
    expect(indentOf(p)).toEqual({ left: 5 * 315, hanging: 3 * 315 });
  });
});
