// Issue #24: the tests' way to a real PostgreSQL server. `TEST_DATABASE_URL` names a server
// (scripts/pg-server.sh starts one in CI); each store made here gets a database of its own
// (CREATE DATABASE per test file / host, dropped on close), so files running in parallel never
// see each other's rows. `TEST_STORE=pg` makes the HTTP suites' hosts (startTestHost) use it.

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openPgliteStore } from '../../server/store/pglite';
import { openPgClient, openPgStore, type PgOptions } from '../../server/store/pg';
import type { Store } from '../../server/store/port';
import { SqlStore } from '../../server/store/sql';

/** the admin URL of the test server, if any */
export function pgTestUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** In CI (REQUIRE_PG=1) a missing server is a failure; elsewhere the PostgreSQL suites skip. */
export function pgRequired(): boolean {
  return process.env.REQUIRE_PG === '1';
}

/** `describe` for suites that need the server: skipped (and says so) when there is none. */
export function describePg(name: string, fn: () => void): void {
  if (pgTestUrl()) {
    describe(name, fn);
    return;
  }
  if (pgRequired()) {
    describe(name, () => {
      it('has a PostgreSQL server (TEST_DATABASE_URL)', () => {
        throw new Error('REQUIRE_PG=1 but TEST_DATABASE_URL is not set: source scripts/pg-server.sh');
      });
    });
    return;
  }
  describe.skip(`${name} (no PostgreSQL: set TEST_DATABASE_URL, e.g. via scripts/pg-server.sh)`, fn);
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const url = pgTestUrl();
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates an empty database on the test server; answers its URL and a function dropping it. */
export async function createTestDatabase(label = 'jm'): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `t_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase().slice(0, 30)}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(pgTestUrl() as string, name);
  return {
    url,
    name,
    // WITH (FORCE) ends connections a crashed host left behind
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A store on a fresh database of the test server; closing it drops the database. */
export async function openTestPgStore(label?: string, options: PgOptions = {}): Promise<SqlStore> {
  const db = await createTestDatabase(label);
  await openPgStore(db.url, options).then((s) => s.close()); // schema + migrations, as a host would
  const client = openPgClient(db.url, options);
  const store = new SqlStore({
    query: (sql, params) => client.query(sql, params),
    transaction: (fn) => client.transaction(fn),
    close: async () => {
      await client.close();
      await db.drop();
    },
  });
  return store;
}

/** Which store the HTTP suites' hosts use: PostgreSQL when TEST_STORE=pg, else in-memory PGlite. */
export function testStoreKind(): 'pg' | 'pglite' {
  return process.env.TEST_STORE === 'pg' ? 'pg' : 'pglite';
}

/** The store for one test host (test/support/host.ts). */
export async function storeForTests(label = 'host'): Promise<Store> {
  if (testStoreKind() !== 'pg') return openPgliteStore();
  if (!pgTestUrl()) throw new Error('TEST_STORE=pg needs TEST_DATABASE_URL (source scripts/pg-server.sh)');
  const store = await openTestPgStore(label);
  await store.maintain();
  return store;
}

/**
 * Runs an HTTP suite (a test file using startTestHost) again with its hosts on PostgreSQL: a file
 * `test/<suite>.pg.test.ts` calls this with the suite's path. Each host gets its own database.
 * Jest gives every test file its own copy of process.env, so TEST_STORE stays within this file.
 */
export function runSuiteOnPg(suitePath: string): void {
  if (!pgTestUrl()) {
    describePg(`${suitePath} on PostgreSQL`, () => it('runs', () => undefined));
    return;
  }
  process.env.TEST_STORE = 'pg';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(suitePath);
}
