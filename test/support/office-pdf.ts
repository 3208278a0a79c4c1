// A real client for the generated documents (issue #21): LibreOffice converts them to PDF (one
// soffice process for many files, a private profile per process), poppler measures the result —
// `pdftotext -bbox-layout` for the text lines, `pdftoppm` for the page images and for the red
// rule and mark (found by their pixels). Positions are in millimetres from the page's top left.
import { execFile, execFileSync } from 'child_process';
import { promisify } from 'util';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { libreOfficeFontProfile } from '../../server/documents/suite-fonts';

export const PT_TO_MM = 25.4 / 72;

export function hasRealClient(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts every file to PDF in `outDir` with one soffice run; returns the PDFs' paths in order.
 * Asynchronous on purpose: a test's local host runs in the same process, and a synchronous run of
 * several seconds froze its keep-alive timers with the client's, so the next request could be
 * written to a socket the server was closing ("other side closed"). `fonts: false` leaves out the
 * font replacement table (a bare LibreOffice).
 */
export async function convertToPdf(files: string[], outDir: string, { fonts = true }: { fonts?: boolean } = {}): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  // the replacement table an office machine printing with LibreOffice carries (server/documents/suite-fonts.ts)
  if (fonts) {
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), libreOfficeFontProfile());
  }
  try {
    await promisify(execFile)('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      timeout: 180_000,
      maxBuffer: 16 << 20,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, '.pdf')));
}

export interface Word { text: string; x0: number; y0: number; x1: number; y1: number }
export interface Line { text: string; x0: number; y0: number; x1: number; y1: number; words: Word[] }
export interface Page { width: number; height: number; lines: Line[] }

const num = (s: string, name: string): number => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(s)?.[1] ?? NaN) * PT_TO_MM;
const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Pages of the PDF with their text lines (mm), as pdftotext -bbox-layout groups them. */
export function readPages(pdf: string): Page[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages: Page[] = [];
  for (const p of xml.split(/<page /).slice(1)) {
    const head = p.slice(0, p.indexOf('>'));
    const lines: Line[] = [];
    for (const l of p.split(/<line /).slice(1)) {
      const lineHead = l.slice(0, l.indexOf('>'));
      const words = [...l.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((m) => ({
        text: unescape(m[2]), x0: num(m[1], 'xMin'), y0: num(m[1], 'yMin'), x1: num(m[1], 'xMax'), y1: num(m[1], 'yMax'),
      }));
      lines.push({ text: words.map((w) => w.text).join(''), x0: num(lineHead, 'xMin'), y0: num(lineHead, 'yMin'), x1: num(lineHead, 'xMax'), y1: num(lineHead, 'yMax'), words });
    }
    // pdftotext may split one printed line into blocks: merge lines whose baselines agree
    lines.sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
    const merged: Line[] = [];
    for (const l of lines) {
      const last = merged[merged.length - 1];
      if (last && Math.abs(last.y1 - l.y1) < 1) {
        last.text += l.text;
        last.words.push(...l.words);
        last.x0 = Math.min(last.x0, l.x0);
        last.x1 = Math.max(last.x1, l.x1);
        last.y0 = Math.min(last.y0, l.y0);
      } else merged.push({ ...l, words: [...l.words] });
    }
    pages.push({ width: num(head, 'width'), height: num(head, 'height'), lines: merged });
  }
  return pages;
}

/** Saves page images (PNG, `dpi`) as `<dir>/<name>-<page>.png`; returns their paths. */
export function savePageImages(pdf: string, dir: string, name: string, dpi = 60): string[] {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(dir, f));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(dir, name)]);
  return readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort().map((f) => join(dir, f));
}

/** Red on one page (mm): the top of the first red pixel and the rows where red spans ≥ `ruleMm`. */
export function redMarks(pdf: string, page: number, ruleMm = 100): { top: number | null; rules: number[]; ruleSpan: Array<[number, number]> } {
  const dpi = 200;
  const dir = mkdtempSync(join(tmpdir(), 'ppm-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf, join(dir, 'p')]);
    const file = readdirSync(dir).find((f) => f.endsWith('.ppm'));
    if (!file) throw new Error('pdftoppm gave no image');
    const buf = readFileSync(join(dir, file));
    // P6 header: "P6\n<w> <h>\n255\n"
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('not a P6 image');
    const [w, h] = [Number(header[1]), Number(header[2])];
    const start = header[0].length;
    const pxToMm = 25.4 / dpi;
    let top: number | null = null;
    const rules: number[] = [];
    const ruleSpan: Array<[number, number]> = [];
    for (let y = 0; y < h; y++) {
      let count = 0;
      let first = -1;
      let last = -1;
      for (let x = 0; x < w; x++) {
        const o = start + (y * w + x) * 3;
        if (buf[o] > 180 && buf[o + 1] < 90 && buf[o + 2] < 90) {
          count++;
          if (first < 0) first = x;
          last = x;
        }
      }
      if (count > 0 && top === null) top = y * pxToMm;
      if (count * pxToMm >= ruleMm) {
        rules.push(y * pxToMm);
        ruleSpan.push([first * pxToMm, (last + 1) * pxToMm]);
      }
    }
    return { top, rules, ruleSpan };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Horizontal dark rules (black, ≥ `minMm` long) on one page, in mm from the top. */
export function darkRules(pdf: string, page: number, minMm = 100): number[] {
  const dpi = 200;
  const dir = mkdtempSync(join(tmpdir(), 'ppm-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), pdf, join(dir, 'p')]);
    const file = readdirSync(dir).find((f) => f.endsWith('.pgm'));
    if (!file) throw new Error('pdftoppm gave no image');
    const buf = readFileSync(join(dir, file));
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('not a P5 image');
    const [w, h] = [Number(header[1]), Number(header[2])];
    const start = header[0].length;
    const pxToMm = 25.4 / dpi;
    const rows: number[] = [];
    for (let y = 0; y < h; y++) {
      let run = 0;
      let best = 0;
      for (let x = 0; x < w; x++) {
        if (buf[start + y * w + x] < 100) best = Math.max(best, ++run);
        else run = 0;
      }
      if (best * pxToMm >= minMm) rows.push(y * pxToMm);
    }
    // one rule spans a few pixel rows: keep the first row of each group
    return rows.filter((y, i) => i === 0 || y - rows[i - 1] > 0.3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
