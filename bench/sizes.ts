// Sizes of the built artefacts: read from dist/ as it is (the bench builds nothing; run
// `npm run build:functions`, `npm run build:weapp`, `npm run build:h5` first for fresh figures).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const KB = 1024;
export const FUNCTION_BUDGET = 200 * KB;
export const WEAPP_MAIN_BUDGET = 600 * KB;

function dirSize(dir: string, skip: Set<string>): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (skip.has(p)) continue;
    total += e.isDirectory() ? dirSize(p, skip) : statSync(p).size;
  }
  return total;
}

export interface BundleSize {
  bytes: number;
  /** when it was built, so a stale dist/ shows */
  builtAt: string;
}

/** dist/cloudfunctions/<area>/index.js, one per deployable function. */
export function functionBundles(repo: string): Record<string, BundleSize> | null {
  const dist = join(repo, 'dist', 'cloudfunctions');
  if (!existsSync(dist)) return null;
  const out: Record<string, BundleSize> = {};
  for (const area of readdirSync(dist).sort()) {
    const f = join(dist, area, 'index.js');
    if (!existsSync(f)) continue;
    const st = statSync(f);
    out[area] = { bytes: st.size, builtAt: st.mtime.toISOString() };
  }
  return out;
}

export interface WeappSize {
  main: number;
  subpackages: number;
}

/** The weapp main package: everything in dist/weapp but the sub-package roots. */
export function weappMainPackage(repo: string): WeappSize | null {
  const dist = join(repo, 'dist', 'weapp');
  if (!existsSync(join(dist, 'app.json'))) return null;
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const subs = new Set((app.subPackages ?? app.subpackages ?? []).map((s) => join(dist, s.root)));
  return { main: dirSize(dist, subs), subpackages: subs.size };
}

export interface H5Size {
  /** the scripts and styles index.html loads on every visit */
  entry: number;
  /** the same, gzipped (what a compressing server would send) */
  entryGzip: number;
  largestChunk: number;
  chunks: number;
  /** all JavaScript */
  total: number;
}

/** H5: what every visit loads (index.html's scripts and styles), and the chunks pages add on demand. */
export function h5Sizes(repo: string): H5Size | null {
  const root = join(repo, 'dist', 'h5');
  const js = join(root, 'js');
  if (!existsSync(js)) return null;
  const html = existsSync(join(root, 'index.html')) ? readFileSync(join(root, 'index.html'), 'utf8') : '';
  const loaded = new Set([...html.matchAll(/(?:src|href)="\/?((?:js|css)\/[^"]+)"/g)].map((m) => m[1]));
  const files = readdirSync(js).filter((f) => f.endsWith('.js')).map((f) => ({ f: `js/${f}`, size: statSync(join(js, f)).size }));
  if (!loaded.size) for (const x of files) if (x.f.startsWith('js/app.')) loaded.add(x.f);
  const entryFiles = [...loaded].filter((f) => existsSync(join(root, f)));
  const entry = entryFiles.reduce((a, f) => a + statSync(join(root, f)).size, 0);
  const entryGzip = entryFiles.reduce((a, f) => a + gzipSync(readFileSync(join(root, f)), { level: 9 }).length, 0);
  const chunks = files.filter((x) => !loaded.has(x.f)).map((x) => x.size).sort((a, b) => b - a);
  return { entry, entryGzip, largestChunk: chunks[0] ?? 0, chunks: chunks.length, total: files.reduce((a, x) => a + x.size, 0) };
}
