// Issue #21: the documents opened in a real client. Every generated document is converted to PDF by
// LibreOffice (one soffice run, a private profile) and measured with poppler: 28 characters a full
// body line, 22 lines a full page, the issuer mark on one line, positions within 1 mm of GB/T
// 9704-2012, no workbook page cut on the right. Page images are saved under
// test/artifacts/documents/ for a person to look at.
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { renderOfficialDocx, type Block } from '../server/documents/official';
import { breakTitle, widthInChars } from '../server/documents/title';
import { convertToPdf, darkRules, hasRealClient, readPages, savePageImages } from './support/office-pdf';
import { LINE_PITCH_MM, SMALL_CHAR_MM, TEXT, measureGrid, measureHead, measureRecord, numbersSplit, pageNumbers, pastRightMargin, pdfFontNames, unitsSplit } from './support/gbt9704-checks';
import { DEMO_NOW, worldPerFile } from './support/world';
import { LocalFiles } from '../server/platform/local/files';
import type { TaskDoc } from '../server/store/docs';

const ARTIFACTS = join(__dirname, 'artifacts', 'documents');
const WORK = join(tmpdir(), `documents-real-${process.pid}`);
const FILES = join(tmpdir(), `world-files-${process.pid}`);
const world = worldPerFile();
const real = hasRealClient() ? describe : describe.skip;
if (!hasRealClient()) throw new Error('LibreOffice (soffice) and poppler (pdftotext) are needed: bash .ci/run installs them');

const LONG = '为进一步发挥工会作用，推动解决职工群众急难愁盼问题，经市政府与市总工会商定，现就有关事项通知如下。';
// 26 characters after the two-character indent, then a comma: the comma would be the 29th on the line
const PUNCT_AT_EDGE: Block = { kind: 'paragraph', text: '甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己，后面还有文字继续写下去直到这一段结束为止。' };
const body = (n: number): Block[] => Array.from({ length: n }, (_, i): Block => (i % 4 === 0 ? { kind: 'heading1', text: `${'一二三四五六七八九十'[i / 4]}、关于职工服务阵地建设` } : { kind: 'paragraph', text: LONG.repeat(3) }));

/** The bytes of a file an action answered (the world's local file outlet). */
const fileOf = (url: string): Uint8Array => readFileSync(join(FILES, `${url.split('/').pop()}.bin`));

const EVIDENCE = [
  { fileName: '验收报告.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% evidence one\n%%EOF\n') },
  { fileName: '现场照片.png', contentType: 'image/png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) },
];

real('documents in LibreOffice', () => {
  const made: Record<string, string> = {};
  let pdf: Record<string, string> = {};
  beforeAll(async () => {
    mkdirSync(WORK, { recursive: true });
    const put = (name: string, bytes: Uint8Array) => {
      made[name] = join(WORK, name);
      writeFileSync(made[name], bytes);
    };
    put('notice-long.docx', await renderOfficialDocx({
      kind: 'notice', issuerMark: '巴彦淖尔市人民政府办公室文件', docNumber: '巴政办发〔2026〕12号',
      title: '关于召开巴彦淖尔市人民政府与巴彦淖尔市总工会2026年第一次联席会议的通知', recipients: '各旗县区人民政府，市直各部门',
      body: [PUNCT_AT_EDGE, ...body(12)], signature: '巴彦淖尔市人民政府办公室', date: '2026年11月25日',
      record: { copyTo: '巴彦淖尔市总工会', printer: '巴彦淖尔市人民政府办公室', printDate: '2026年11月25日' },
    }));
    // one page, no headings: every line is 仿宋 (body), 方正小标宋 (mark, title) or 宋体 (page number)
    put('notice-plain.docx', await renderOfficialDocx({
      kind: 'notice', issuerMark: '巴彦淖尔市人民政府办公室文件', docNumber: '巴政办发〔2026〕13号',
      title: '关于调整联席会议时间的通知', recipients: '市总工会', body: [{ kind: 'paragraph', text: LONG }],
      signature: '巴彦淖尔市人民政府办公室', date: '2026年11月26日', record: { printer: '巴彦淖尔市人民政府办公室', printDate: '2026年11月26日' },
    }));
    put('minutes-draft.docx', await renderOfficialDocx({
      kind: 'minutes', mark: '巴彦淖尔市政府与工会联席会议纪要', docNumber: '（第2稿，未印发）', title: '2026年第一次联席会议', draft: true,
      body: body(9), attendance: { present: ['王建国（副市长）', '李秀梅（市总工会主席）'], leave: ['孙立新（市人社局局长）'], observers: [] }, date: '2026年11月25日',
    }));
    // the seeded demo through the API: last year's meeting (its notice, minutes, checklist), the sign-in sheet, the archive
    const w = world.current;
    w.setNow(DEMO_NOW);
    const as = 'city-gov-office';
    const ok = async (area: string, action: string, payload: unknown) => {
      const r = await w.call(area, action, payload, as);
      if (!r.envelope.ok) throw new Error(`${area}.${action}: ${JSON.stringify(r.envelope)}`);
      return r.envelope.data as { url: string; fileName: string };
    };
    put('demo-attendance.xlsx', fileOf((await ok('meeting', 'exportAttendance', { meetingId: 'm-city-last' })).url));
    put('demo-signin.xlsx', fileOf((await ok('meeting', 'signInSheet', { meetingId: 'm-city-last' })).url));
    put('demo-minutes.docx', fileOf((await ok('minutes', 'document', { meetingId: 'm-city-last' })).url));
    // one task of last year's meeting done with two evidence files (an upload kept in the world's storage)
    const [task] = (await w.store.find<TaskDoc>('tasks', { meetingId: 'm-city-last' })).items;
    const uploads = new LocalFiles(FILES);
    const evidence = EVIDENCE.map((e) => ({ fileId: uploads.upload({ ...e, ownerId: task.ownerId }), fileName: e.fileName, contentType: e.contentType, size: e.bytes.length }));
    await w.store.update<TaskDoc>('tasks', task._id, task.version, { status: 'done', completion: { text: '已完成', at: DEMO_NOW.toISOString(), evidence } });
    const a1 = fileOf((await ok('meeting', 'archive', { meetingId: 'm-city-last' })).url);
    const a2 = fileOf((await ok('meeting', 'archive', { meetingId: 'm-city-last' })).url);
    put('demo-archive.zip', a1);
    put('demo-archive-again.zip', a2);
    const pdfs = await convertToPdf(Object.entries(made).filter(([n]) => !n.endsWith('.zip')).map(([, p]) => p), join(WORK, 'pdf'));
    pdf = Object.fromEntries(pdfs.map((p) => [p.split('/').pop()!.replace(/\.pdf$/, ''), p]));
    for (const [name, p] of Object.entries(pdf)) savePageImages(p, ARTIFACTS, name);
  }, 240_000);

  it('sets 28 characters on every full body line and 22 lines on a full page', () => {
    for (const name of ['notice-long', 'minutes-draft']) {
      const grid = measureGrid(pdf[name]);
      expect({ name, lines: grid.fullPageLines }).toEqual({ name, lines: 22 });
      expect(Math.abs(grid.pitch! - LINE_PITCH_MM)).toBeLessThan(0.1);
      expect(grid.full.length).toBeGreaterThan(20);
      for (const l of grid.full) {
        expect({ name, line: l.text, chars: l.chars }).toEqual({ name, line: l.text, chars: 28 });
        expect(Math.abs(l.x0 - TEXT.left)).toBeLessThan(1);
      }
    }
  });

  it('breaks no number across lines and no attendee inside "name（title）" (issue #21: "定于202 / 6年")', () => {
    for (const name of ['notice-long', 'minutes-draft', 'notice-plain', 'demo-minutes']) {
      expect({ name, split: numbersSplit(pdf[name]) }).toEqual({ name, split: [] });
    }
    for (const name of ['minutes-draft', 'demo-minutes']) {
      for (const label of ['出席', '请假', '列席'] as const) expect({ name, label, split: unitsSplit(pdf[name], label) }).toEqual({ name, label, split: [] });
    }
  });

  it('keeps closing punctuation inside the right margin (no hanging punctuation)', () => {
    for (const name of ['notice-long', 'minutes-draft', 'notice-plain', 'demo-minutes']) {
      expect({ name, over: pastRightMargin(pdf[name]) }).toEqual({ name, over: [] });
    }
    // the comma that would have been the 29th character went down with the character before it
    const first = readPages(pdf['notice-long'])[0];
    expect(first.lines.some((l) => l.text.startsWith('己，后面还有文字'))).toBe(true);
  });

  it('sets the body and title in a serif face (仿宋 / 小标宋 → Noto Serif CJK SC), headings in 黑体 (sans)', () => {
    const fonts = (name: string) => pdfFontNames(pdf[name]);
    // no headings: everything on the page is serif, nothing falls to a sans face
    const plain = fonts('notice-plain');
    expect(plain.some((f) => /Serif/.test(f))).toBe(true);
    expect(plain.filter((f) => /Sans/.test(f))).toEqual([]);
    // with 黑体 headings: serif for the text, sans for the headings only
    const long = fonts('notice-long');
    expect(long.some((f) => /Serif/.test(f)) && long.some((f) => /Sans/.test(f))).toBe(true);
    for (const name of ['minutes-draft', 'demo-minutes']) expect(fonts(name).some((f) => /Serif/.test(f))).toBe(true);
  });

  it('puts the 版记 at the foot of the last page: its last rule on the bottom edge of the text block', () => {
    for (const name of ['notice-long', 'notice-plain', 'demo-minutes']) {
      const record = measureRecord(pdf[name]);
      expect({ name, printed: !!record.printed, onLastPage: record.page === readPages(pdf[name]).length }).toEqual({ name, printed: true, onLastPage: true });
      const bottom = record.rules[record.rules.length - 1];
      expect({ name, bottom: Math.abs(bottom - TEXT.bottom) < 1 }).toEqual({ name, bottom: true });
      expect(record.printed!.y1).toBeLessThan(bottom);
      expect(bottom - record.printed!.y1).toBeLessThan(3);
    }
  });

  it('prints the issuer mark on one line, 35 mm below the text block, the red rule 4 mm under the doc number', () => {
    for (const [name, mark] of [['notice-long', '巴彦淖尔市人民政府办公室文件'], ['minutes-draft', '巴彦淖尔市政府与工会联席会议纪要']] as const) {
      const head = measureHead(pdf[name], mark, /〔2026〕|稿/);
      expect(head.markText).toBe(mark); // one line, whole
      expect(Math.abs(head.markBelowTop! - 35)).toBeLessThan(1);
      expect(Math.abs(head.ruleUnderNumber! - 4)).toBeLessThan(1);
      expect(Math.abs(head.ruleSpan![0] - TEXT.left)).toBeLessThan(1);
      expect(Math.abs(head.ruleSpan![1] - TEXT.right)).toBeLessThan(1);
    }
  });

  it('breaks the title into balanced lines at word boundaries, never one character alone', () => {
    const first = readPages(pdf['notice-long'])[0];
    const expected = breakTitle('关于召开巴彦淖尔市人民政府与巴彦淖尔市总工会2026年第一次联席会议的通知', 20);
    for (const line of expected) expect(first.lines.map((l) => l.text)).toContain(line);
    for (const line of expected) expect(widthInChars(line)).toBeGreaterThan(1);
  });

  it('numbers pages "— N —" 7 mm below the text block on the outer edge', () => {
    for (const { page, line: n } of pageNumbers(pdf['notice-long'])) {
      expect(Math.abs(n!.y0 - (TEXT.bottom + 7))).toBeLessThan(1);
      if (page % 2 === 1) expect(Math.abs(n!.x1 - (TEXT.right - SMALL_CHAR_MM))).toBeLessThan(6);
      else expect(n!.x0).toBeLessThan(TEXT.left + 6);
    }
  });

  it('ends the notice with the 版记: 抄送 and 印发机关 / 印发日期 between rules', () => {
    const pages = readPages(pdf['notice-long']);
    const last = pages[pages.length - 1];
    const copy = last.lines.find((l) => l.text.startsWith('抄送：'))!;
    const printed = last.lines.find((l) => l.text.endsWith('印发'))!;
    expect(copy.text).toBe('抄送：巴彦淖尔市总工会。');
    expect(printed.y0).toBeGreaterThan(copy.y0);
    expect(Math.abs(printed.x1 - (TEXT.right - SMALL_CHAR_MM))).toBeLessThan(1.5); // 右空一字
    const rules = darkRules(pdf['notice-long'], pages.length, 150);
    expect(rules.length).toBeGreaterThanOrEqual(3);
    expect(rules.some((r) => r < copy.y0 && r > copy.y0 - 4)).toBe(true);
  });

  it('marks a draft 纪要 with 草稿 and keeps the date with the attendance', () => {
    const pages = readPages(pdf['minutes-draft']);
    const last = pages[pages.length - 1];
    expect(last.lines.some((l) => l.text.startsWith('出席：'))).toBe(true);
    expect(last.lines.some((l) => l.text === '2026年11月25日')).toBe(true);
    const png = savePageImages(pdf['minutes-draft'], join(WORK, 'wm'), 'wm', 30);
    expect(png.length).toBe(pages.length);
    // the watermark is grey ink across the page centre: compare with the issued 纪要's images by eye (artifacts)
  });

  it('prints every workbook one page wide, nothing cut on the right', () => {
    for (const name of ['demo-attendance', 'demo-signin']) {
      const pages = readPages(pdf[name]);
      for (const p of pages) for (const l of p.lines) expect(l.x1).toBeLessThan(p.width - 5);
      // one page wide: the header repeats, so each page shows the first column's header 序号
      for (const p of pages) expect(p.lines.some((l) => l.text.includes('序号'))).toBe(true);
    }
  });

  it('makes the same archive twice, byte for byte, with the files in order', async () => {
    const a = readFileSync(made['demo-archive.zip']);
    const b = readFileSync(made['demo-archive-again.zip']);
    expect(Buffer.compare(a, b)).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require('jszip') as { loadAsync(d: Uint8Array): Promise<{ files: Record<string, { date: Date }> }> };
    const zip = await JSZip.loadAsync(a);
    const names = Object.keys(zip.files);
    expect(names.map((n) => n.slice(0, 2))).toEqual([...names.map((n) => n.slice(0, 2))].sort());
    // the seeded last-year meeting predates frozen notices (issue #16): no 01 there
    for (const prefix of ['00', '03', '04', '05', '06', '07']) expect(names.some((n) => n.startsWith(prefix))).toBe(true);
    // 07-N: the evidence files themselves, byte for byte, after their index
    const files = (await (JSZip as unknown as { loadAsync(d: Uint8Array): Promise<{ file(n: string): { async(t: 'uint8array'): Promise<Uint8Array> } | null }> }).loadAsync(a));
    expect(names.filter((n) => n.startsWith('07'))).toEqual(['07 佐证材料索引.txt', '07-1 验收报告.pdf', '07-2 现场照片.png']);
    for (const [i, e] of EVIDENCE.entries()) expect(Buffer.from(await files.file(`07-${i + 1} ${e.fileName}`)!.async('uint8array'))).toEqual(Buffer.from(e.bytes));
  });
});
