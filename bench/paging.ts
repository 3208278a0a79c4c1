// Issue #25 ("paged or counted, never whole sets"): the task lists and the annual assessment at 1×,
// 10× and 100× bench data (bench/data.ts units). For each read: round trips of one call, the items
// of the first page and whether it has a next one, the answer's bytes, and the median latency of
// RUNS calls; the ratios 10×/1× (budget ≤ 1.2) and 100×/10× (budget ≤ 1.5). Figures, never asserted.
// One world at a time (a 100× world is about 70,000 documents), so the scales are measured one after
// the other rather than alternately; the CPU time of the process beside the wall time, since the
// machine may be shared.
//   node scripts/run-ts.cjs bench/paging.ts [scales, default 1,10,100] [--json <file>]
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { openWorld, type World } from '../test/support/world';
import { insertUnits, makeTemplates, OFFICE } from './data';
import { pageThrough } from './measure';

const RUNS = 21;

type Read = [name: string, call: (w: World, cursor?: string) => ReturnType<World['call']>];

const READS: Read[] = [
  ['task.list mine', (w) => w.call('task', 'list', { scope: 'mine' }, 'city-hrss')],
  ['task.list overdue', (w) => w.call('task', 'list', { scope: 'overdue' }, OFFICE)],
  ['task.list meeting', (w) => w.call('task', 'list', { scope: 'meeting', meetingId: 'm-city-last' }, OFFICE)],
  ['compliance.overview', (w) => w.call('compliance', 'overview', { year: w.now.getUTCFullYear() }, 'city-gov-office')],
  // the year the bench's units add meetings to (2015 + n % 11): the overview over a grown year
  ['compliance.overview 2025', (w) => w.call('compliance', 'overview', { year: 2025 }, 'city-gov-office')],
];

interface Figure {
  trips: number;
  ms: number;
  /** median CPU time of this process per call (the embedded database runs in it): steadier than ms on a shared machine */
  cpuMs: number;
  bytes: number;
  items: number | null;
  more: boolean;
  /** every item the list hands out, following nextCursor (lists only) */
  allItems?: number;
  pages?: number;
  error?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(scale: number): Promise<{ tasks: number; figures: Record<string, Figure> }> {
  const world = await openWorld();
  const templates = await makeTemplates(world);
  await insertUnits(world, templates, 0, scale);
  const figures: Record<string, Figure> = {};
  for (const [name, call] of READS) {
    for (let i = 0; i < 3; i += 1) await call(world); // warm: the first calls plan the queries
    const ms: number[] = [];
    const cpu: number[] = [];
    let last: Awaited<ReturnType<World['call']>> | undefined;
    for (let i = 0; i < RUNS; i += 1) {
      const t = performance.now();
      const c = process.cpuUsage();
      last = await call(world);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      ms.push(performance.now() - t);
    }
    const env = last!.envelope;
    const data = env.ok ? (env.data as { items?: unknown[]; rows?: unknown[]; nextCursor?: string }) : null;
    const list = data?.items ?? data?.rows ?? null;
    figures[name] = {
      trips: last!.roundTrips, ms: median(ms), cpuMs: median(cpu), bytes: Buffer.byteLength(JSON.stringify(env)), items: list ? list.length : null, more: !!data?.nextCursor,
      ...(env.ok ? {} : { error: env.error.code }),
    };
    if (name.startsWith('task.list')) {
      const [, scope] = name.split(' ');
      const payload = scope === 'meeting' ? { scope, meetingId: 'm-city-last' } : { scope };
      const through = await pageThrough(world, 'task', 'list', payload, scope === 'mine' ? 'city-hrss' : OFFICE);
      figures[name].allItems = through.items;
      figures[name].pages = through.pages;
    }
  }
  const tasks = await world.store.count('tasks', {});
  await world.close();
  return { tasks, figures };
}

async function main(): Promise<void> {
  process.env.QUIET_ERRORS ??= '1';
  const args = process.argv.slice(2);
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
  const scales = (args.find((a) => /^\d+(,\d+)*$/.test(a)) ?? '1,10,100').split(',').map(Number);
  const out: Record<number, Awaited<ReturnType<typeof measure>>> = {};
  for (const s of scales) {
    process.stdout.write(`${s}× … `);
    out[s] = await measure(s);
  }
  console.log('done\n');
  const head = `| read | ${scales.map((s) => `${s}× (${out[s].tasks} tasks) trips · items · ms · cpu ms · bytes`).join(' | ')} | ${scales.slice(1).map((s, i) => `${s}×/${scales[i]}×`).join(' | ')} |`;
  console.log(head);
  console.log(`|${'---|'.repeat(1 + scales.length * 2 - 1)}`);
  for (const [name] of READS) {
    const cells = scales.map((s) => {
      const f = out[s].figures[name];
      if (f.error) return f.error;
      const items = f.items === null ? '—' : `${f.items}${f.more ? '+' : ''}${f.allItems !== undefined ? ` (all ${f.allItems} in ${f.pages} pages)` : ''}`;
      return `${f.trips} · ${items} · ${f.ms.toFixed(1)} · ${f.cpuMs.toFixed(1)} · ${f.bytes}`;
    });
    const ratios = scales.slice(1).map((s, i) => {
      const [a, b] = [out[scales[i]].figures[name], out[s].figures[name]];
      return `${(b.ms / a.ms).toFixed(2)} (cpu ${(b.cpuMs / a.cpuMs).toFixed(2)})`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
  }
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(out, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
