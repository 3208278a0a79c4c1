// Issue #21: the checklist and the assessment workbooks opened in a real client. Each is converted to
// PDF by LibreOffice and measured with poppler: nothing cut on the right (every word inside the
// page), every column on the page, the checklist of last year's meeting on one A4 landscape page,
// the assessment of the eight orgs on one page. Page images go to test/artifacts/documents/.
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { convertToPdf, hasRealClient, readPages, savePageImages, type Page } from './support/office-pdf';
import { DEMO_NOW, worldPerFile } from './support/world';

const ARTIFACTS = join(__dirname, 'artifacts', 'documents');
const WORK = join(tmpdir(), `documents-workbooks-${process.pid}`);
const FILES = join(tmpdir(), `world-files-${process.pid}`);
const world = worldPerFile();
if (!hasRealClient()) throw new Error('LibreOffice (soffice) and poppler (pdftotext) are needed: bash .ci/run installs them');

const fileOf = (url: string): Uint8Array => readFileSync(join(FILES, `${url.split('/').pop()}.bin`));
const A4_LANDSCAPE = { width: 297, height: 210 };
const ORGS = ['巴彦淖尔市', '临河区', '五原县', '磴口县', '乌拉特前旗', '乌拉特中旗', '乌拉特后旗', '杭锦后旗'];
const words = (p: Page) => p.lines.flatMap((l) => l.words);
const text = (p: Page) => p.lines.map((l) => l.text).join('\n');

describe('workbooks in LibreOffice', () => {
  let pdf: Record<string, string> = {};
  beforeAll(async () => {
    mkdirSync(WORK, { recursive: true });
    const w = world.current;
    w.setNow(DEMO_NOW);
    const ok = async (area: string, action: string, payload: unknown) => {
      const r = await w.call(area, action, payload, 'city-gov-office');
      if (!r.envelope.ok) throw new Error(`${area}.${action}: ${JSON.stringify(r.envelope)}`);
      return r.envelope.data as { url: string; fileName: string };
    };
    const made = {
      'demo-checklist': fileOf((await ok('task', 'exportChecklist', { meetingId: 'm-city-last' })).url),
      'demo-assessment': fileOf((await ok('compliance', 'export', { year: 2025 })).url),
    };
    const paths = Object.entries(made).map(([name, bytes]) => {
      const p = join(WORK, `${name}.xlsx`);
      writeFileSync(p, bytes);
      return p;
    });
    const pdfs = await convertToPdf(paths, join(WORK, 'pdf'));
    pdf = Object.fromEntries(pdfs.map((p) => [p.split('/').pop()!.replace(/\.pdf$/, ''), p]));
    for (const [name, p] of Object.entries(pdf)) savePageImages(p, ARTIFACTS, name, 80);
  }, 240_000);

  it('prints the checklist of last year\'s meeting on one A4 landscape page, nothing cut on the right', () => {
    const pages = readPages(pdf['demo-checklist']);
    expect(pages).toHaveLength(1);
    const [p] = pages;
    expect(Math.round(p.width)).toBe(A4_LANDSCAPE.width);
    expect(Math.round(p.height)).toBe(A4_LANDSCAPE.height);
    for (const w of words(p)) expect({ word: w.text, inside: w.x1 <= p.width - 5 && w.x0 >= 5 }).toEqual({ word: w.text, inside: true });
    const all = text(p);
    // every column's header on the page, the title, the decided items as group rows, the page number
    for (const h of ['序号', '任务', '责任单位', '责任人', '完成时限', '时限变更', '督办', '状态', '落实进展', '办结情况', '核验']) expect(all).toContain(h);
    expect(all).toContain('议定事项落实清单');
    expect(p.lines.some((l) => /^一、/.test(l.text))).toBe(true);
    expect(all).toMatch(/第1页，共1页/);
    // the light with its word, and the deadline as a date
    expect(all).toMatch(/逾期/);
    expect(all).toMatch(/\d{4}-\d{2}-\d{2}/);
    // readable: the body text at least 2 mm high after fitting to the width
    const body = p.lines.find((l) => l.text.includes('责任单位'))!;
    expect(body.y1 - body.y0).toBeGreaterThan(2);
  });

  it('prints the assessment of the eight orgs on one page, nothing cut on the right', () => {
    const pages = readPages(pdf['demo-assessment']);
    const first = pages[0];
    expect(Math.round(first.width)).toBe(A4_LANDSCAPE.width);
    const all = text(first);
    for (const org of ORGS) expect(all).toContain(org);
    for (const h of ['机构', '召开例会', '印发纪要', '任务总数', '已办结', '督办', '说明']) expect(all).toContain(h);
    // the assessment sheet takes one page: the next page is the overdue tasks' sheet, with no org row of the first
    if (pages.length > 1) expect(text(pages[1])).toContain('逾期未办结任务');
    expect(pages.filter((p) => text(p).includes('召开例会'))).toHaveLength(1);
    for (const p of pages) for (const w of words(p)) expect({ word: w.text, inside: w.x1 <= p.width - 5 && w.x0 >= 5 }).toEqual({ word: w.text, inside: true });
    const org = words(first).find((w) => w.text === '巴彦淖尔市')!;
    expect(org.y1 - org.y0).toBeGreaterThan(2);
  });
});
