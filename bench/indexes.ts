// `node scripts/run-ts.cjs bench/indexes.ts` (issue #25): the reads whose counts and filters the indexes must serve, at
// 1×, 10× and 100× the bench data (bench/data.ts): median latency of READ_RUNS calls at each scale,
// and, from the 100× world, every SQL statement the call ran with its plan's scan nodes (a
// sequential scan over a collection is named). Figures to compare, never asserted.
//   --scales 1,10,100   which scales (default all three)
//   --plans             print each statement's plan at the largest scale
import { performance } from 'node:perf_hooks';
import type { SqlQueryable } from '../server/store/sql';
import { openWorld, type World } from '../test/support/world';
import { CITY_MEETING, insertUnits, makeTemplates, OFFICE } from './data';

const READ_RUNS = 15;
const args = process.argv.slice(2);
const scales = (args.includes('--scales') ? args[args.indexOf('--scales') + 1] : '1,10,100').split(',').map(Number);

type Call = (w: World) => ReturnType<World['call']>;

/** The reads of issue #25, as the app calls them. */
const READS: Array<[string, Call]> = [
  ['people.list q=代表 (broad)', (w) => w.call('people', 'list', { q: '代表' }, OFFICE)],
  ['people.list q=职工代表3-1 (narrow)', (w) => w.call('people', 'list', { q: '职工代表3-1' }, OFFICE)],
  ['people.list (directory page)', (w) => w.call('people', 'list', {}, OFFICE)],
  ['topic.listStatus', (w) => w.call('topic', 'listStatus', { meetingId: CITY_MEETING }, OFFICE)],
  ['account.home department official', (w) => w.call('account', 'home', {}, 'city-hrss')],
  ['account.home union office', (w) => w.call('account', 'home', {}, OFFICE)],
  ['compliance.overview', (w) => w.call('compliance', 'overview', { year: w.now.getUTCFullYear() }, 'city-gov-office')],
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The SQL client under the world's store (the bench may look behind the port; the app may not). */
function clientOf(world: World): SqlQueryable {
  const inner = (world.store.inner as unknown as { q?: SqlQueryable }).q;
  if (!inner) throw new Error('not a SQL store');
  return inner;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function scans(n: PlanNode, out: string[] = []): string[] {
  if (/Scan/.test(n['Node Type'])) out.push(`${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`);
  for (const c of n.Plans ?? []) scans(c, out);
  return out;
}

/** Runs `call` once recording its SELECTs, then explains (ANALYZE) each. */
async function plansOf(world: World, call: Call): Promise<Array<{ sql: string; scans: string[]; ms: number }>> {
  const q = clientOf(world);
  const seen: Array<{ sql: string; params?: unknown[] }> = [];
  const original = q.query.bind(q);
  q.query = (<R>(sql: string, params?: unknown[]) => {
    if (/^\s*(SELECT|WITH)/i.test(sql)) seen.push({ sql, params });
    return original<R>(sql, params);
  }) as SqlQueryable['query'];
  try {
    await call(world);
  } finally {
    q.query = original;
  }
  const out: Array<{ sql: string; scans: string[]; ms: number }> = [];
  for (const s of seen) {
    const { rows } = await original<Record<string, unknown>>(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.sql}`, s.params);
    const raw = rows[0]['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode; 'Execution Time': number }>;
    out.push({ sql: s.sql, scans: scans(plan[0].Plan), ms: plan[0]['Execution Time'] });
  }
  return out;
}

async function main(): Promise<void> {
  process.env.QUIET_ERRORS ??= '1';
  const worlds: Array<{ scale: number; world: World }> = [];
  for (const scale of scales) {
    const t = performance.now();
    const world = await openWorld();
    const n = await insertUnits(world, await makeTemplates(world), 0, scale);
    console.log(`${scale}×: ${n} documents in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    worlds.push({ scale, world });
  }
  const rows: string[] = [`| read | ${scales.map((s) => `${s}× ms`).join(' | ')} | ${scales.length > 1 ? `${scales[scales.length - 1]}×/${scales[0]}×` : ''} |`, `|---|${scales.map(() => '---:').join('|')}|---:|`];
  for (const [name, call] of READS) {
    const ms: number[] = [];
    for (const { world } of worlds) {
      const first = await call(world);
      if (!first.envelope.ok) throw new Error(`${name}: ${JSON.stringify(first.envelope.error)}`);
      await call(world);
      const samples: number[] = [];
      for (let i = 0; i < READ_RUNS; i += 1) {
        const t = performance.now();
        await call(world);
        samples.push(performance.now() - t);
      }
      ms.push(median(samples));
    }
    rows.push(`| ${name} | ${ms.map((m) => m.toFixed(2)).join(' | ')} | ${(ms[ms.length - 1] / ms[0]).toFixed(1)} |`);
  }
  console.log(`\n${rows.join('\n')}`);
  const largest = worlds[worlds.length - 1];
  console.log(`\nstatements at ${largest.scale}× (execution ms, scans; a Seq Scan reads the whole collection):`);
  for (const [name, call] of READS) {
    const plans = await plansOf(largest.world, call);
    const seq = plans.filter((p) => p.scans.some((s) => s.startsWith('Seq Scan')));
    const total = plans.reduce((a, p) => a + p.ms, 0);
    console.log(`- ${name}: ${plans.length} statements, ${total.toFixed(2)} ms in the database, ${seq.length} with a sequential scan`);
    // the costliest three as well: where a read's growth is, when it is not a sequential scan
    const costly = [...plans].sort((x, y) => y.ms - x.ms).slice(0, 3).filter((p) => !seq.includes(p));
    for (const p of args.includes('--plans') ? plans : [...costly, ...seq]) {
      console.log(`    ${p.ms.toFixed(2)} ms  ${p.scans.join('; ')}\n      ${p.sql.slice(0, 300)}`);
    }
  }
  for (const { world } of worlds) await world.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
