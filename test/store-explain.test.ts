// Issue #25: an index serves every query the actions make (server/store/queries.ts), on PGlite here
// and on a PostgreSQL server in test/store-explain.pg.test.ts (how and why: test/support/explain-suite.ts).
// Also: every field those queries filter or sort on is a generated column, `_id` is the primary key,
// and a database whose indexes are still on `data` expressions (schema version 3) is migrated.

import { openPgliteClient } from '../server/store/pglite';
import { MIGRATIONS } from '../server/store/migrations';
import { SqlStore, type SqlClient } from '../server/store/sql';
import { explainSuite, fill, filteredFieldsAreColumns, indexNames, planOf } from './support/explain-suite';

let client: SqlClient | undefined;
const open = async () => {
  client = await openPgliteClient();
  const store = new SqlStore(client);
  await store.ensureSchema();
  return { store, sql: client };
};

describe('EXPLAIN of every listed query: PGlite', () => {
  explainSuite(open, (s) => s.close());
});

describe('generated columns', () => {
  it('hold every field a listed query filters or sorts on', () => {
    expect(filteredFieldsAreColumns()).toEqual([]);
  });
});

describe('counts answered from the index alone', () => {
  it('"awaiting an opinion" is an Index Only Scan that visits no row once maintain() has run (INCLUDE + VACUUM)', async () => {
    const c = await openPgliteClient();
    try {
      const store = new SqlStore(c);
      await store.ensureSchema();
      await fill(c);
      await store.maintain();
      // the fill gives row g meetingId = status = 'v' || (g % 211): about 14 index entries match
      const filter = { meetingId: 'v5', status: 'v5', otherSideOpinions: { in: [0, null] }, noOpinion: null, leadSide: 'v5' };
      const text = await store.explain('topics', filter, { count: true, format: 'json', analyze: true });
      const plan = JSON.stringify(JSON.parse(text));
      expect(plan).toContain('"Node Type":"Index Only Scan"');
      expect(plan).toContain('"Index Name":"topics_meetingId_status_createdAt_idx"');
      expect(plan).toMatch(/"Heap Fetches":0\b/);
      expect(plan).not.toMatch(/"Heap Fetches":[1-9]/);
    } finally {
      await c.close();
    }
  }, 120_000);
});

describe('the task pages (issue #25): a range read of an index, never a sort of every matching task', () => {
  // the store sorts a page by its keys and then `_id`; indexes ending in dueAt made PostgreSQL read
  // every open task of the org (or person) and sort them to return 21
  it.each([
    ['overdue, a page', { orgId: 'v5', open: true, dueAt: { lte: '2026-12-01T00:00:00.000Z' } }, 'tasks_orgId_open_dueAt__id_idx'],
    ['my open tasks, a page', { ownerId: 'v5', open: true }, 'tasks_ownerId_open_dueAt__id_idx'],
  ] as const)('%s', async (_what, filter, index) => {
    const c = await openPgliteClient();
    try {
      const store = new SqlStore(c);
      await store.ensureSchema();
      // one org's (and one person's) 4,000 open tasks, deadlines spread over 2024–2026
      await c.query(`INSERT INTO "tasks" (id, version, data) SELECT 't' || g, 1, jsonb_build_object('_id', 't' || g, 'version', 1, 'orgId', 'v5', 'ownerId', 'v5', 'open', true,
        'dueAt', to_char(timestamp '2024-01-01' + (g * 37 % 1000) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"')) FROM generate_series(1, 4000) g`);
      await c.query('ANALYZE "tasks"');
      const plan = JSON.stringify(JSON.parse(await store.explain('tasks', filter, { sort: [['dueAt', 'asc']], limit: 21, format: 'json' })));
      expect(plan).toContain(`"Index Name":"${index}"`);
      expect(plan).not.toContain('"Node Type":"Sort"');
      expect(plan).not.toContain('"Node Type":"Incremental Sort"');
    } finally {
      await c.close();
    }
  }, 120_000);
});

describe('migration 5: the task page indexes end in id', () => {
  it('drops the (…, dueAt) indexes the (…, dueAt, id) ones replace', async () => {
    const c = await openPgliteClient();
    try {
      await c.query('CREATE TABLE "tasks" (id text PRIMARY KEY, version integer NOT NULL, data jsonb NOT NULL)');
      await c.query(`CREATE INDEX "tasks_orgId_open_dueAt_idx" ON "tasks" ((data->'orgId'), (data->'open'), (data->'dueAt'))`);
      await c.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const v of [1, 2, 3]) await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [v, `v${v}`]);
      await new SqlStore(c).ensureSchema();
      const { rows } = await c.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'tasks'`);
      const names = rows.map((r) => r.indexname);
      expect(names).not.toContain('tasks_orgId_open_dueAt_idx');
      expect(names).toEqual(expect.arrayContaining(['tasks_orgId_open_dueAt__id_idx', 'tasks_ownerId_open_dueAt__id_idx']));
    } finally {
      await c.close();
    }
  }, 120_000);
});

describe('migration 4: indexes on expressions over data become indexes on generated columns', () => {
  it('drops the old definitions and makes the new ones under the same names, keeping the documents', async () => {
    const c = await openPgliteClient();
    try {
      // a database as schema version 3 left it: one collection, its index on an expression
      await c.query('CREATE TABLE "press" (id text PRIMARY KEY, version integer NOT NULL, data jsonb NOT NULL)');
      await c.query(`CREATE INDEX "old_press_expr_idx" ON "press" ((data->'orgId'))`);
      await c.query('CREATE TABLE "users" (id text PRIMARY KEY, version integer NOT NULL, data jsonb NOT NULL)');
      await c.query(`CREATE INDEX "users_orgId_name_idx" ON "users" ((data->'orgId'), (data->'name'))`);
      await c.query(`INSERT INTO "users" VALUES ('u1', 1, '{"_id":"u1","version":1,"orgId":"o","name":"甲"}')`);
      await c.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const v of [1, 2, 3]) await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [v, `v${v}`]);
      const store = new SqlStore(c);
      await store.ensureSchema();
      const { rows } = await c.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('users', 'press')`,
      );
      expect(rows.filter((r) => r.indexdef.includes('data ->'))).toEqual([]);
      expect(rows.map((r) => r.indexname)).not.toContain('old_press_expr_idx');
      expect(rows.find((r) => r.indexname === 'users_orgId_name_idx')?.indexdef).toMatch(/\("f_orgId", "?f_name"?\)/);
      expect((await store.find('users', { orgId: 'o' })).items.map((u) => u._id)).toEqual(['u1']);
      expect(indexNames(await planOf(store, { source: 'test', collection: 'users', filter: { orgId: 'o' }, sort: [['name', 'asc']] }))).toEqual(['users_orgId_name_idx']);
      const versions = await c.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      // idempotent: a second start changes nothing
      await store.ensureSchema();
      expect((await store.count('users', { orgId: 'o' }))).toBe(1);
    } finally {
      await c.close();
    }
  });
});

afterAll(async () => {
  await client?.close().catch(() => undefined);
});
