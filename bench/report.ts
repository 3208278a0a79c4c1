// The bench's figures, how they print (console and markdown), and the baseline they are compared
// with: the JSON block after `<!-- bench:baseline -->` in docs/bench-baseline.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, type ActionFigure, type ScaleFigures } from './measure';
import type { TickFigures } from './tick';
import { FUNCTION_BUDGET, KB, WEAPP_MAIN_BUDGET, type BundleSize, type H5Size, type WeappSize } from './sizes';

export const MEETING_RATIO_BUDGET = 1.3;

export interface Figures {
  commit: string;
  date: string;
  node: string;
  /** documents per collection at each scale (seed, templates and the units) */
  data: Record<'x1' | 'x10', Record<string, number>>;
  x1: ScaleFigures;
  x10: ScaleFigures;
  bundles: Record<string, BundleSize> | null;
  weapp: WeappSize | null;
  h5: H5Size | null;
  refusals: { calls: Array<{ call: string; status: number; code: string }>; counters: Record<string, number> | string };
  /** issue #10: the reminders tick at 10,000 and 100,000 stored tasks (absent with --skip-tick) */
  tick?: TickFigures;
  seconds: number;
}

export function readBaseline(repo: string): Figures | null {
  const file = join(repo, 'docs', 'bench-baseline.md');
  if (!existsSync(file)) return null;
  const md = readFileSync(file, 'utf8');
  const m = /<!-- bench:baseline -->\s*```json\n([\s\S]*?)\n```/.exec(md);
  if (!m) return null;
  try {
    return JSON.parse(m[1]) as Figures;
  } catch {
    return null;
  }
}

const shortCommit = (c: string) => `${c.slice(0, 7)}${c.includes('uncommitted') ? ' with uncommitted changes' : ''}`;
const fmtMs = (ms: number | null | undefined) => (ms == null ? '–' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const fmtKb = (b: number | null | undefined) => (b == null ? '–' : `${(b / KB).toFixed(1)} KB`);
const fmtN = (n: number | null | undefined) => (n == null ? '–' : String(n));
export const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

function tripsCell(a: ActionFigure | undefined): string {
  if (!a) return '–';
  return a.error ? `${fmtN(a.trips)} (${a.error})` : fmtN(a.trips);
}

function itemsCell(a: ActionFigure | undefined): string {
  if (!a || a.items === undefined) return '';
  return `${a.items}${a.more ? '+more' : ''}`;
}

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows.map((r) => r.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join('  ').trimEnd()).join('\n');
}

/** `now`, and `base` beside it when given ("base → now"). */
const pair = (now: string, base: string | undefined) => (base === undefined ? now : `${base} → ${now}`);

export function consoleReport(f: Figures, base: Figures | null): string {
  const out: string[] = [];
  const b = base ?? undefined;
  out.push('data (1× / 10×):');
  for (const k of Object.keys(f.data.x1)) out.push(`  ${k}: ${f.data.x1[k]} / ${f.data.x10[k] ?? '–'}`);
  if (b) out.push(`baseline: ${b.commit.slice(0, 7)} of ${b.date.slice(0, 10)} (docs/bench-baseline.md), shown as "baseline → now"`);
  out.push('');
  const rows: string[][] = [['action', 'trips 1×', 'trips 10×', 'trips', 'ms 1×', 'ms 10×', '10×/1×', 'items 1×/10×']];
  for (const name of ACTIONS) {
    const a1 = f.x1.actions[name];
    const a10 = f.x10.actions[name];
    const constant = a1 && a10 && a1.trips === a10.trips ? 'constant' : a10.trips! > a1.trips! ? 'GROWS' : 'SHRINKS';
    rows.push([
      name,
      pair(tripsCell(a1), b && tripsCell(b.x1.actions[name])),
      pair(tripsCell(a10), b && tripsCell(b.x10.actions[name])),
      constant,
      pair(fmtMs(a1?.ms), b && fmtMs(b.x1.actions[name]?.ms)),
      pair(fmtMs(a10?.ms), b && fmtMs(b.x10.actions[name]?.ms)),
      a1?.ms && a10?.ms ? ratio(a10.ms, a1.ms).toFixed(2) : '–',
      [itemsCell(a1), itemsCell(a10)].filter(Boolean).join(' / '),
    ]);
  }
  out.push(pad(rows));
  out.push('(trips: database round trips of the whole call, identity, idempotency and audit included; ms: median, reads of 21 calls, writes of 5, the 1× and 10× worlds called alternately)');
  out.push('');
  const r = ratio(f.x10.meetingListMs, f.x1.meetingListMs);
  const line = `meeting list (topic.list scope meeting, m-city-current, as ${'city-union-office'}, median of ${f.x1.meetingListRuns}): ` +
    `1× ${fmtMs(f.x1.meetingListMs)} ms, 10× ${fmtMs(f.x10.meetingListMs)} ms, ratio ${r.toFixed(2)} (budget ≤ ${MEETING_RATIO_BUDGET}: ${r <= MEETING_RATIO_BUDGET ? 'PASS' : 'OVER'})`;
  out.push(line);
  if (b) {
    const br = ratio(b.x10.meetingListMs, b.x1.meetingListMs);
    out.push(`  baseline: 1× ${fmtMs(b.x1.meetingListMs)} ms, 10× ${fmtMs(b.x10.meetingListMs)} ms, ratio ${br.toFixed(2)}`);
  }
  out.push('');
  out.push('response sizes (JSON, UTF-8):');
  for (const [label, name] of [['queue page', 'topic.list queue'], ['meeting list', 'topic.list meeting'], ['mine page', 'topic.list mine'], ['listStatus', 'topic.listStatus'], ['inbox page', 'notify.inbox'], ['home', 'account.home']] as const) {
    const now = `1× ${fmtKb(f.x1.actions[name]?.bytes)} (${itemsCell(f.x1.actions[name]) || '–'} items), 10× ${fmtKb(f.x10.actions[name]?.bytes)} (${itemsCell(f.x10.actions[name]) || '–'} items)`;
    const was = b ? `  [baseline 1× ${fmtKb(b.x1.actions[name]?.bytes)}, 10× ${fmtKb(b.x10.actions[name]?.bytes)}]` : '';
    out.push(`  ${label.padEnd(12)} ${now}${was}`);
  }
  out.push('');
  out.push(`accept's messages per accepted topic: 1× ${f.x1.acceptNotified.join(',')}, 10× ${f.x10.acceptNotified.join(',')}${b ? `  [baseline 1× ${b.x1.acceptNotified.join(',')}, 10× ${b.x10.acceptNotified.join(',')}]` : ''}`);
  out.push('');
  if (f.bundles) {
    out.push(`function bundles (dist/cloudfunctions/*/index.js, budget ${FUNCTION_BUDGET / KB} KB each):`);
    for (const [area, s] of Object.entries(f.bundles)) {
      const was = b?.bundles?.[area] ? `  [baseline ${fmtKb(b.bundles[area].bytes)}]` : '';
      out.push(`  ${area.padEnd(8)} ${fmtKb(s.bytes).padStart(9)}  ${s.bytes <= FUNCTION_BUDGET ? 'PASS' : 'OVER'}  built ${s.builtAt}${was}`);
    }
  } else out.push('function bundles: dist/cloudfunctions missing (run npm run build:functions)');
  if (f.weapp) {
    const was = b?.weapp ? `  [baseline ${fmtKb(b.weapp.main)}]` : '';
    out.push(`weapp main package: ${fmtKb(f.weapp.main)} of ${WEAPP_MAIN_BUDGET / KB} KB (${((f.weapp.main / WEAPP_MAIN_BUDGET) * 100).toFixed(0)}%, ${f.weapp.main <= WEAPP_MAIN_BUDGET ? 'PASS' : 'OVER'}), ${f.weapp.subpackages} subpackage(s)${was}`);
  } else out.push('weapp main package: dist/weapp missing (run npm run build:weapp)');
  if (f.h5) {
    const was = b?.h5 ? `  [baseline entry ${fmtKb(b.h5.entry)}, gzip ${fmtKb(b.h5.entryGzip)}]` : '';
    out.push(`h5: every visit loads ${fmtKb(f.h5.entry)} (${fmtKb(f.h5.entryGzip)} gzipped), ${f.h5.chunks} on-demand chunks (largest ${fmtKb(f.h5.largestChunk)}), all JS ${fmtKb(f.h5.total)}${was}`);
  }
  else out.push('h5: dist/h5 missing (run npm run build:h5)');
  out.push('');
  out.push('refusals through the router:');
  for (const c of f.refusals.calls) out.push(`  ${c.call.padEnd(28)} ${c.status} ${c.code}`);
  const counters = typeof f.refusals.counters === 'string' ? f.refusals.counters : Object.entries(f.refusals.counters).map(([k, v]) => `${k} ${v}`).join(', ');
  out.push(`  refusalCounts() after these calls: ${counters}`);
  out.push('');
  out.push(`bench ran ${f.seconds.toFixed(0)} s at ${shortCommit(f.commit)}`);
  return out.join('\n');
}

/** Markdown tables of one run, for docs/bench-baseline.md. */
export function markdownReport(f: Figures): string {
  const out: string[] = [];
  out.push(`Commit \`${shortCommit(f.commit)}\`, ${f.date.slice(0, 16).replace('T', ' ')} UTC, Node ${f.node}, bench ${f.seconds.toFixed(0)} s.`);
  out.push('');
  out.push('| data | 1× | 10× |');
  out.push('| --- | ---: | ---: |');
  for (const k of Object.keys(f.data.x1)) out.push(`| ${k} | ${f.data.x1[k]} | ${f.data.x10[k] ?? '–'} |`);
  out.push('');
  out.push('| action (caller) | round trips 1× | round trips 10× | median ms 1× | median ms 10× | ms 10×/1× | bytes 1× | bytes 10× | items 1× / 10× |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  const caller: Record<string, string> = {
    'topic.list mine': 'city-union-rights', 'topic.submit': 'union proposers', 'topic.addOpinion': 'city-gov-office',
  };
  for (const name of ACTIONS) {
    const a1 = f.x1.actions[name];
    const a10 = f.x10.actions[name];
    const grow = a1 && a10 && a1.trips !== a10.trips ? (a10.trips! > a1.trips! ? ' **grows**' : ' **shrinks**') : '';
    out.push(`| ${name} (${caller[name] ?? 'city-union-office'}) | ${tripsCell(a1)} | ${tripsCell(a10)}${grow} | ${fmtMs(a1?.ms)} | ${fmtMs(a10?.ms)} | ${a1?.ms && a10?.ms ? ratio(a10.ms, a1.ms).toFixed(2) : '–'} | ${a1?.bytes ?? '–'} | ${a10?.bytes ?? '–'} | ${[itemsCell(a1), itemsCell(a10)].filter(Boolean).join(' / ')} |`);
  }
  out.push('');
  const r = ratio(f.x10.meetingListMs, f.x1.meetingListMs);
  out.push(`Meeting list (\`topic.list\` scope meeting, \`m-city-current\`, as \`city-union-office\`, median of ${f.x1.meetingListRuns}): ` +
    `**1× ${fmtMs(f.x1.meetingListMs)} ms, 10× ${fmtMs(f.x10.meetingListMs)} ms, ratio ${r.toFixed(2)}** (budget ≤ ${MEETING_RATIO_BUDGET}: ${r <= MEETING_RATIO_BUDGET ? 'PASS' : 'OVER'}).`);
  out.push('');
  out.push(`Queue page: 1× ${f.x1.actions['topic.list queue']?.bytes} B, 10× ${f.x10.actions['topic.list queue']?.bytes} B. ` +
    `Meeting list: 1× ${f.x1.actions['topic.list meeting']?.bytes} B, 10× ${f.x10.actions['topic.list meeting']?.bytes} B.`);
  out.push(`Messages written per accepted topic (proposer + other side's office): 1× ${f.x1.acceptNotified.join(', ')}; 10× ${f.x10.acceptNotified.join(', ')}.`);
  out.push('');
  if (f.bundles) {
    out.push(`Function bundles (budget ${FUNCTION_BUDGET / KB} KB each): ` +
      Object.entries(f.bundles).map(([a, s]) => `${a} ${fmtKb(s.bytes)} (${s.bytes} B)`).join(', ') + '.');
  }
  out.push(`Weapp main package: ${f.weapp ? `${fmtKb(f.weapp.main)} (${f.weapp.main} B) of ${WEAPP_MAIN_BUDGET / KB} KB, ${f.weapp.subpackages} subpackage(s)` : 'not built'}.`);
  if (f.h5) out.push(`H5: every visit loads ${fmtKb(f.h5.entry)} (${fmtKb(f.h5.entryGzip)} gzipped), largest on-demand chunk ${fmtKb(f.h5.largestChunk)}, all JS ${fmtKb(f.h5.total)}.`);
  const counters = typeof f.refusals.counters === 'string' ? f.refusals.counters : Object.entries(f.refusals.counters).map(([k, v]) => `${k} ${v}`).join(', ');
  out.push(`Refusals: ${f.refusals.calls.map((c) => `${c.call} → ${c.status} ${c.code}`).join('; ')}. \`refusalCounts()\` after them: ${counters}.`);
  return out.join('\n');
}

/** Baseline beside now, one row per action and per headline figure (markdown). */
export function comparisonMarkdown(f: Figures, b: Figures): string {
  const out: string[] = [];
  out.push(`Baseline \`${b.commit.slice(0, 7)}\` → now \`${f.commit.slice(0, 7)}\`.`);
  out.push('');
  out.push('| action | round trips 1× | round trips 10× | median ms 1× | median ms 10× | bytes 10× | items 10× |');
  out.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const name of ACTIONS) {
    const [n1, n10, b1, b10] = [f.x1.actions[name], f.x10.actions[name], b.x1.actions[name], b.x10.actions[name]];
    out.push(`| ${name} | ${tripsCell(b1)} → ${tripsCell(n1)} | ${tripsCell(b10)} → ${tripsCell(n10)} | ${fmtMs(b1?.ms)} → ${fmtMs(n1?.ms)} | ${fmtMs(b10?.ms)} → ${fmtMs(n10?.ms)} | ` +
      `${b10?.bytes ?? '–'} → ${n10?.bytes ?? '–'} | ${itemsCell(b10) || itemsCell(n10) ? `${itemsCell(b10) || '–'} → ${itemsCell(n10) || '–'}` : ''} |`);
  }
  out.push('');
  const r = ratio(f.x10.meetingListMs, f.x1.meetingListMs);
  const br = ratio(b.x10.meetingListMs, b.x1.meetingListMs);
  out.push('| figure | baseline | now |');
  out.push('| --- | --- | --- |');
  out.push(`| meeting list ms 1× / 10× (median of ${f.x1.meetingListRuns}) | ${fmtMs(b.x1.meetingListMs)} / ${fmtMs(b.x10.meetingListMs)} | ${fmtMs(f.x1.meetingListMs)} / ${fmtMs(f.x10.meetingListMs)} |`);
  out.push(`| meeting list ratio 10×/1× (budget ≤ ${MEETING_RATIO_BUDGET}) | ${br.toFixed(2)} ${br <= MEETING_RATIO_BUDGET ? 'PASS' : 'OVER'} | ${r.toFixed(2)} ${r <= MEETING_RATIO_BUDGET ? 'PASS' : 'OVER'} |`);
  const listed = (x: Figures) => x.data.x10['… of them topic.list meeting hands out, following nextCursor'];
  out.push(`| city-meeting topics the union office gets at 10×, following nextCursor (of ${f.data.x10['city-meeting topics the union office may see']}) | ${listed(b) ?? '–'} | ${listed(f) ?? '–'} |`);
  out.push(`| queue page at 10× | ${fmtKb(b.x10.actions['topic.list queue']?.bytes)} | ${fmtKb(f.x10.actions['topic.list queue']?.bytes)} |`);
  out.push(`| meeting list page at 1× / 10× | ${fmtKb(b.x1.actions['topic.list meeting']?.bytes)} / ${fmtKb(b.x10.actions['topic.list meeting']?.bytes)} | ${fmtKb(f.x1.actions['topic.list meeting']?.bytes)} / ${fmtKb(f.x10.actions['topic.list meeting']?.bytes)} |`);
  out.push(`| messages per accepted topic at 10× | ${b.x10.acceptNotified.join(', ')} | ${f.x10.acceptNotified.join(', ')} |`);
  const areas = [...new Set([...Object.keys(b.bundles ?? {}), ...Object.keys(f.bundles ?? {})])].sort();
  for (const a of areas) {
    const s = (x: Figures) => (x.bundles?.[a] ? `${fmtKb(x.bundles[a].bytes)} ${x.bundles[a].bytes <= FUNCTION_BUDGET ? 'PASS' : 'OVER'}` : '–');
    out.push(`| function bundle \`${a}\` (budget ${FUNCTION_BUDGET / KB} KB) | ${s(b)} | ${s(f)} |`);
  }
  out.push(`| weapp main package (budget ${WEAPP_MAIN_BUDGET / KB} KB) | ${fmtKb(b.weapp?.main)} | ${fmtKb(f.weapp?.main)} |`);
  out.push(`| H5 entry (gzipped) | ${fmtKb(b.h5?.entry)} (${fmtKb(b.h5?.entryGzip)}) | ${fmtKb(f.h5?.entry)} (${fmtKb(f.h5?.entryGzip)}) |`);
  const counters = (x: Figures) => (typeof x.refusals.counters === 'string' ? x.refusals.counters : Object.entries(x.refusals.counters).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ') || 'all 0');
  out.push(`| refusalCounts() after the ${f.refusals.calls.length} refused calls | ${counters(b)} | ${counters(f)} |`);
  return out.join('\n');
}
