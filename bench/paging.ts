// Issue #25 ("paged or counted, never whole sets"): the task lists and the annual assessment at 1×,
// 10× and 100× bench data (bench/data.ts units). For each read: round trips of one call, the items
// of the first page and whether it has a next one, the answer's bytes, and the median latency of
// RUNS calls; the ratios 10×/1× (budget ≤ 1.2) and 100×/10× (budget ≤ 1.5). Figures, never asserted.
// The scales' worlds side by side, each read called in each world in turn (alternately first), so
// load on the machine hits all alike; the CPU time of the process beside the wall time, since the
// machine may be shared. RUNS is 41.
//   node scripts/run-ts.cjs bench/paging.ts [scales, default 1,10,100] [--json <file>]
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { openWorld, type World } from '../test/support/world';
import { insertUnits, makeTemplates, OFFICE } from './data';
import { pageThrough } from './measure';

const RUNS = 41;

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

/** The worlds, one a scale; every read is called in each of them in turn (alternately first), so load on the machine hits all alike. */
async function measureAll(scales: number[]): Promise<Record<number, { tasks: number; figures: Record<string, Figure> }>> {
  const worlds: World[] = [];
  for (const s of scales) {
    process.stdout.write(`${s}× … `);
    const world = await openWorld();
    await insertUnits(world, await makeTemplates(world), 0, s);
    worlds.push(world);
  }
  const out: Record<number, { tasks: number; figures: Record<string, Figure> }> = {};
  for (const [k, s] of scales.entries()) out[s] = { tasks: await worlds[k].store.count('tasks', {}), figures: {} };
  for (const [name, call] of READS) {
    for (const world of worlds) for (let i = 0; i < 3; i += 1) await call(world); // warm: the first calls plan the queries
    const ms: number[][] = worlds.map(() => []);
    const cpu: number[][] = worlds.map(() => []);
    const last: Array<Awaited<ReturnType<World['call']>>> = [];
    for (let i = 0; i < RUNS; i += 1) {
      const order = worlds.map((_, k) => k);
      if (i % 2) order.reverse();
      for (const k of order) {
        const t = performance.now();
        const c = process.cpuUsage();
        last[k] = await call(worlds[k]);
        const used = process.cpuUsage(c);
        cpu[k].push((used.user + used.system) / 1000);
        ms[k].push(performance.now() - t);
      }
    }
    for (const [k, s] of scales.entries()) {
      const env = last[k].envelope;
      const data = env.ok ? (env.data as { items?: unknown[]; rows?: unknown[]; nextCursor?: string }) : null;
      const list = data?.items ?? data?.rows ?? null;
      const f: Figure = {
        trips: last[k].roundTrips, ms: median(ms[k]), cpuMs: median(cpu[k]), bytes: Buffer.byteLength(JSON.stringify(env)), items: list ? list.length : null, more: !!data?.nextCursor,
        ...(env.ok ? {} : { error: env.error.code }),
      };
      if (name.startsWith('task.list')) {
        const [, scope] = name.split(' ');
        const payload = scope === 'meeting' ? { scope, meetingId: 'm-city-last' } : { scope };
        const through = await pageThrough(worlds[k], 'task', 'list', payload, scope === 'mine' ? 'city-hrss' : OFFICE);
        f.allItems = through.items;
        f.pages = through.pages;
      }
      out[s].figures[name] = f;
    }
  }
  for (const w of worlds) await w.close();
  return out;
}

async function main(): Promise<void> {
  process.env.QUIET_ERRORS ??= '1';
  const args = process.argv.slice(2);
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
  const scales = (args.find((a) => /^\d+(,\d+)*$/.test(a)) ?? '1,10,100').split(',').map(Number);
  const out = await measureAll(scales);
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
