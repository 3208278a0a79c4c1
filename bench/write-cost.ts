// `node scripts/run-ts.cjs bench/write-cost.ts` (issue #25): what the generated columns and the
// INCLUDE fields cost a write. Two PGlite databases in one process: one with the schema of this
// code (SqlStore.ensureSchema), one with the schema before issue #25 (expression indexes over
// `data`, no generated columns, made here by hand from indexes.ts' fields). The same topic insert
// and update statements run on both, alternately, and the medians are printed. Figures only.
import { performance } from 'node:perf_hooks';
import { COLLECTIONS, type IndexDef } from '../server/store/indexes';
import { openPgliteClient } from '../server/store/pglite';
import { pathExpr, SqlStore, type SqlQueryable } from '../server/store/sql';

const RUNS = 400;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function oldSchema(q: SqlQueryable): Promise<void> {
  for (const [name, defs] of Object.entries(COLLECTIONS) as Array<[string, readonly IndexDef[]]>) {
    await q.query(`CREATE TABLE "${name}" (id text PRIMARY KEY, version integer NOT NULL, data jsonb NOT NULL)`);
    for (const [i, d] of defs.entries()) {
      const exprs = d.fields.map(pathExpr);
      await q.query(`CREATE ${d.unique ? 'UNIQUE ' : ''}INDEX "${name}_${i}" ON "${name}"${d.array ? ' USING gin' : ''} (${exprs.join(', ')})${d.unique ? ` WHERE ${exprs.map((e) => `${e} IS NOT NULL`).join(' AND ')}` : ''}`);
    }
  }
}

function topic(i: number): Record<string, unknown> {
  return {
    _id: `t${i}`, version: 1, orgId: 'city', meetingId: `m${i % 7}`, status: 'submitted', routedTo: 'union_office', side: 'union', leadSide: 'union',
    createdBy: `p${i % 40}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), submitDay: '2026-01-01', audience: ['union_office'],
    title: `关于职工技能培训补贴的建议 ${i}`, background: '职工反映相关政策落实不到位，企业执行标准不一，建议政府部门会同工会开展专项调研并明确责任分工。'.repeat(8),
    otherSideOpinions: 0,
  };
}

async function main(): Promise<void> {
  const before = await openPgliteClient();
  await oldSchema(before);
  const after = await openPgliteClient();
  await new SqlStore(after).ensureSchema();
  const insert = (q: SqlQueryable, i: number) => q.query('INSERT INTO "topics" (id, version, data) VALUES ($1, 1, $2::text::jsonb) ON CONFLICT DO NOTHING RETURNING data::text AS data', [`t${i}`, JSON.stringify(topic(i))]);
  const update = (q: SqlQueryable, i: number) => q.query(`UPDATE "topics" SET version = version + 1, data = (data || $2::text::jsonb || jsonb_build_object('version', version + 1)) WHERE id = $1 RETURNING data::text AS data`, [`t${i}`, JSON.stringify({ status: 'accepted', audience: ['union_office', 'gov_office'] })]);
  const times = { insert: { before: [] as number[], after: [] as number[] }, update: { before: [] as number[], after: [] as number[] } };
  const time = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  for (const op of ['insert', 'update'] as const) {
    const fn = op === 'insert' ? insert : update;
    for (let i = 0; i < RUNS; i += 1) {
      const pair: Array<['before' | 'after', SqlQueryable]> = i % 2 ? [['before', before], ['after', after]] : [['after', after], ['before', before]];
      for (const [k, q] of pair) times[op][k].push(await time(() => fn(q, i)));
    }
  }
  for (const op of ['insert', 'update'] as const) {
    const b = median(times[op].before.slice(50));
    const a = median(times[op].after.slice(50));
    console.log(`topic ${op}: before #25 ${b.toFixed(3)} ms, after ${a.toFixed(3)} ms (median of ${RUNS - 50}, alternating), ratio ${(a / b).toFixed(2)}`);
  }
  await before.close();
  await after.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
