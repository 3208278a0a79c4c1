// Issue #25: the EXPLAIN check of every query the actions make (server/store/queries.ts), run by
// test/store-explain.test.ts on PGlite and by test/store-explain.pg.test.ts on a PostgreSQL server.
//
// How: each query's plan is asked for with `enable_seqscan = off`, and every scan in it must be an
// index scan with an index condition (Index Scan, Index Only Scan, Bitmap Index Scan). Sequential
// scans are switched off because the question is whether an index *can* serve the query, which must
// not depend on how many rows a test table holds (on a few rows a sequential scan is the cheaper
// plan and the right one); with them off, a query no index serves still shows a Seq Scan (its cost
// marked disabled), or an index walked whole (its conditions in a Filter, or an Index Cond only on a
// later column of the index) — all of which fail here: the leading column must be constrained.
// What the planner picks at 100× the bench data is bench/indexes.ts's to show.

import { QUERIES, type ListedQuery } from '../../server/store/queries';
import { COLLECTIONS, columnFields, type CollectionName, type IndexDef } from '../../server/store/indexes';
import { columnName, indexName, type SqlQueryable, type SqlStore } from '../../server/store/sql';
import type { Condition } from '../../server/store/port';

/** Rows each collection gets before the plans are asked for (see fill). */
export const FILL_ROWS = 3000;

type Kind = 'string' | 'date' | 'number' | 'boolean' | 'array';

function kindOf(c: Condition): Kind {
  const scalar = (v: unknown): Kind => (typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'number' : typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? 'date' : 'string');
  if (c === null || typeof c !== 'object') return scalar(c);
  if ('in' in c) return scalar(c.in.find((v) => v !== null) ?? '');
  if ('hasAny' in c) return 'array';
  if ('ne' in c) return scalar(c.ne);
  return scalar(c.gt ?? c.gte ?? c.lt ?? c.lte);
}

/** The SQL making one field's value in row `g` of the fill: many distinct values, none the queries' examples. */
function valueSql(kind: Kind): string {
  switch (kind) {
    case 'boolean': return 'to_jsonb(g % 2 = 0)';
    case 'number': return 'to_jsonb(10 + g % 13)';
    case 'date': return `to_jsonb(to_char(timestamp '2020-01-01' + g * interval '1 hour', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'))`;
    case 'array': return `jsonb_build_array('r' || (g % 17), 'r' || (g % 5))`;
    case 'string': return `to_jsonb('v' || (g % 211))`;
  }
}

/**
 * Fills every collection with FILL_ROWS documents whose indexed and filtered fields take many
 * values (of the type the listed queries compare them with), then ANALYZE: the planner then knows
 * the queries' conditions are selective, as they are in a real installation. On empty tables it
 * would rather walk the primary key in `ORDER BY id` order and filter (PostgreSQL 15 does), which
 * says nothing about whether an index can serve the query.
 */
export async function fill(sql: SqlQueryable): Promise<void> {
  const kinds = new Map<string, Kind>();
  for (const q of QUERIES) for (const [f, c] of Object.entries(q.filter)) kinds.set(`${q.collection}.${f}`, kindOf(c));
  for (const [collection, defs] of Object.entries(COLLECTIONS) as Array<[CollectionName, readonly IndexDef[]]>) {
    const fields = columnFields(collection);
    const arrays = new Set(defs.filter((d) => d.array).flatMap((d) => d.fields));
    const unique = new Set(defs.filter((d) => d.unique).flatMap((d) => d.fields));
    const value = (f: string) => (unique.has(f) ? `to_jsonb('u' || g)` : valueSql(arrays.has(f) ? 'array' : kinds.get(`${collection}.${f}`) ?? 'string'));
    const pairs = fields.map((f) => `'${f}', ${value(f)}`);
    const doc = `jsonb_build_object('_id', 'fill' || g, 'version', 1${pairs.length ? `, ${pairs.join(', ')}` : ''})`;
    await sql.query(`INSERT INTO "${collection}" (id, version, data) SELECT 'fill' || g, 1, ${doc} FROM generate_series(1, ${FILL_ROWS}) g`);
  }
  await sql.query(`ANALYZE ${Object.keys(COLLECTIONS).map((c) => `"${c}"`).join(', ')}`);
}

/** Each index's leading column: a condition must constrain it, or the scan walks the whole index. */
const LEADING = new Map<string, string>(
  (Object.entries(COLLECTIONS) as Array<[string, readonly IndexDef[]]>).flatMap(([c, defs]) => [
    [`${c}_pkey`, 'id'] as [string, string],
    ...defs.map((d) => [indexName(c, d), columnName(d.fields[0])] as [string, string]),
  ]),
);

function constrainsLeading(index: string | undefined, cond: string): boolean {
  const col = index ? LEADING.get(index) : undefined;
  return col !== undefined && new RegExp(`(^|[^\\w"])"?${col}"?([^\\w"]|$)`).test(cond);
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** What is wrong with a plan: each scan that reads a whole table or a whole index. Empty when none. */
export function unservedScans(plan: PlanNode): string[] {
  const out: string[] = [];
  const walk = (n: PlanNode) => {
    const type = n['Node Type'];
    if (type === 'Seq Scan') out.push(`Seq Scan on ${n['Relation Name']}`);
    else if ((type === 'Index Scan' || type === 'Index Only Scan' || type === 'Bitmap Index Scan') && !constrainsLeading(n['Index Name'], n['Index Cond'] ?? '')) {
      out.push(`${type} using ${n['Index Name']} without a condition on its leading column (the whole index walked): ${n['Index Cond'] ?? 'no index condition'}`);
    }
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(plan);
  return out;
}

export async function planOf(store: SqlStore, q: ListedQuery): Promise<PlanNode> {
  const text = await store.explain(q.collection, q.filter, { sort: q.sort, count: q.count, format: 'json' });
  const parsed = JSON.parse(text) as Array<{ Plan: PlanNode }> | Array<Array<{ Plan: PlanNode }>>;
  const first = parsed[0];
  return Array.isArray(first) ? first[0].Plan : first.Plan;
}

export function indexNames(plan: PlanNode, out: string[] = []): string[] {
  if (plan['Index Name']) out.push(plan['Index Name']);
  for (const c of plan.Plans ?? []) indexNames(c, out);
  return out;
}

const label = (q: ListedQuery) => `${q.count ? 'count' : 'find'} ${q.collection} ${JSON.stringify(q.filter)}${q.sort ? ` by ${q.sort.map(([f, d]) => `${f} ${d}`).join(', ')}` : ''} — ${q.source}`;

/** The suite; `open` gives a store with the schema made and its SQL connection, `close` ends it. */
export function explainSuite(open: () => Promise<{ store: SqlStore; sql: SqlQueryable }>, close: (s: SqlStore) => Promise<void>): void {
  let store: SqlStore;
  beforeAll(async () => {
    const opened = await open();
    store = opened.store;
    await fill(opened.sql);
  }, 120_000);
  afterAll(async () => {
    if (store) await close(store);
  });

  it('lists queries at all (server/store/queries.ts)', () => {
    expect(QUERIES.length).toBeGreaterThan(50);
  });

  it.each(QUERIES.map((q) => [label(q), q] as const))('an index serves %s', async (_name, q) => {
    const plan = await planOf(store, q);
    expect({ query: label(q), unserved: unservedScans(plan) }).toEqual({ query: label(q), unserved: [] });
  });

  it('a query no index serves is caught (the check itself)', async () => {
    const plan = await planOf(store, { source: 'test', collection: 'topics', filter: { title: '关于' } });
    expect(unservedScans(plan).length).toBeGreaterThan(0);
    const byId = await planOf(store, { source: 'test', collection: 'topics', filter: { _id: { in: ['a', 'b'] } } });
    expect(indexNames(byId)).toEqual(['topics_pkey']);
  });
}

/**
 * Every field a listed query filters or sorts on is a generated column (or `_id`, the primary key),
 * so no condition has to decompress a document to be tested. Adapter-free: reads the declarations.
 */
export function filteredFieldsAreColumns(): Array<{ collection: CollectionName; field: string; source: string }> {
  const missing: Array<{ collection: CollectionName; field: string; source: string }> = [];
  for (const q of QUERIES) {
    const cols = new Set(columnFields(q.collection));
    const fields = [...Object.keys(q.filter), ...(q.sort ?? []).map(([f]) => f)];
    for (const field of fields) {
      if (field !== '_id' && field !== 'version' && !cols.has(field)) missing.push({ collection: q.collection, field, source: q.source });
    }
  }
  return missing;
}
