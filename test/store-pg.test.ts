// Issue #24: what only a PostgreSQL server shows — several connections at once. Serializable
// transactions retried on 40001 (no write skew), versioned migrations under the schema lock (hosts
// starting together), the leases timed jobs run under, the shared session secret.
// The document contract itself runs on the server in test/store.contract.test.ts.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openPgClient, openPgStore, type PgClient } from '../server/store/pg';
import { MIGRATIONS, SchemaTooNewError } from '../server/store/migrations';
import type { AnyDoc, StoredDoc } from '../server/store/port';
import { SqlStore } from '../server/store/sql';
import { createTestDatabase, describePg } from './support/pg';

interface Flag extends StoredDoc {
  on: boolean;
}

describePg('PostgreSQL server specifics', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: PgClient;
  let store: SqlStore;

  beforeAll(async () => {
    db = await createTestDatabase('store_pg');
    store = await openPgStore(db.url);
    client = openPgClient(db.url);
  });
  afterAll(async () => {
    await store?.close();
    await client?.close();
    await db?.drop();
  });

  it('records every migration once, in order, in schema_migrations', async () => {
    const { rows } = await client.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    // running it again applies nothing new
    await store.ensureSchema();
    const again = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(again.rows[0].n).toBe(MIGRATIONS.length);
  });

  it('lets eight hosts start on one empty database at once: schema made once, no error', async () => {
    const fresh = await createTestDatabase('start_race');
    try {
      const stores = await Promise.all(Array.from({ length: 8 }, () => openPgStore(fresh.url, { max: 2 })));
      const check = openPgClient(fresh.url);
      const { rows } = await check.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0].n).toBe(MIGRATIONS.length);
      await check.close();
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a database whose schema is newer than this code knows', async () => {
    const fresh = await createTestDatabase('too_new');
    try {
      const c = new Client({ connectionString: fresh.url });
      await c.connect();
      await c.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      await c.query("INSERT INTO schema_migrations VALUES (999, 'from the future')");
      await c.end();
      await expect(openPgStore(fresh.url)).rejects.toBeInstanceOf(SchemaTooNewError);
    } finally {
      await fresh.drop();
    }
  });

  it('prevents write skew: two transactions that each turn one of two flags off leave one on (retried on 40001)', async () => {
    const pgStore = new SqlStore(client);
    await pgStore.insert<Flag>('settings', { _id: 'skew-a', on: true });
    await pgStore.insert<Flag>('settings', { _id: 'skew-b', on: true });
    const before = client.stats.retries;
    // both read before either writes: a barrier only the first attempt waits on
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((r) => (release = r));
    const turnOff = (mine: string, other: string) =>
      pgStore.transaction(async (tx) => {
        const a = await tx.get<Flag>('settings', mine);
        const b = await tx.get<Flag>('settings', other);
        arrived += 1;
        if (arrived === 2) release();
        await Promise.race([bothRead, new Promise((r) => setTimeout(r, 2000).unref())]);
        if (a?.on && b?.on) await tx.update<Flag>('settings', mine, a.version, { on: false });
        return a?.on && b?.on;
      });
    const results = await Promise.all([turnOff('skew-a', 'skew-b'), turnOff('skew-b', 'skew-a')]);
    const a = await pgStore.get<Flag>('settings', 'skew-a');
    const b = await pgStore.get<Flag>('settings', 'skew-b');
    expect([a?.on, b?.on].filter(Boolean)).toHaveLength(1);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(client.stats.retries).toBeGreaterThan(before);
  });

  it('answers conflict, not a database error, when a transaction still collides after its attempts', async () => {
    const once = openPgClient(db.url, { attempts: 1 });
    const s = new SqlStore(once);
    await s.insert<Flag>('settings', { _id: 'x-a', on: true });
    await s.insert<Flag>('settings', { _id: 'x-b', on: true });
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((r) => (release = r));
    const turnOff = (mine: string, other: string) =>
      s.transaction(async (tx) => {
        const a = await tx.get<Flag>('settings', mine);
        await tx.get<Flag>('settings', other);
        arrived += 1;
        if (arrived === 2) release();
        await bothRead;
        await tx.update<Flag>('settings', mine, a!.version, { on: false });
      });
    const settled = await Promise.allSettled([turnOff('x-a', 'x-b'), turnOff('x-b', 'x-a')]);
    const failed = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toMatchObject({ name: 'AppError', code: 'conflict' });
    await once.close();
  });

  it('hands a lease to one holder at a time; an expired or released lease passes on', async () => {
    expect(await store.claimLease('job', 'host-a', 60_000)).toBe(true);
    expect(await store.claimLease('job', 'host-b', 60_000)).toBe(false);
    expect(await store.claimLease('job', 'host-a', 60_000)).toBe(true); // renewal
    await store.releaseLease('job', 'host-b'); // not the holder: nothing happens
    expect(await store.claimLease('job', 'host-b', 60_000)).toBe(false);
    await store.releaseLease('job', 'host-a');
    expect(await store.claimLease('job', 'host-b', 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.claimLease('job', 'host-c', 60_000)).toBe(true); // host-b's expired
    // twenty claims at once: exactly one wins
    const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claimLease('race', `h${i}`, 60_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('backs up with pg_dump and restores with pg_restore into a new database that a host opens as is', async () => {
    const bin = (name: string) => (process.env.PG_TEST_BINDIR ? join(process.env.PG_TEST_BINDIR, name) : name);
    await store.insert<AnyDoc>('meetings', { _id: 'backup-1', orgId: 'city', title: '备份测试', plannedAt: '2026-12-01T02:00:00.000Z' });
    await store.update('meetings', 'backup-1', 1, { title: '备份测试（改）' });
    const secret = await store.sharedSecret('backup-secret', 'kept-secret');
    const dir = mkdtempSync(join(tmpdir(), 'jm-backup-'));
    const restored = await createTestDatabase('restored');
    try {
      const file = join(dir, 'backup.dump');
      const dump = spawnSync(bin('pg_dump'), ['--format=custom', '--no-owner', `--file=${file}`, db.url], { encoding: 'utf8' });
      expect({ status: dump.status, stderr: dump.stderr }).toEqual({ status: 0, stderr: '' });
      const restore = spawnSync(bin('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${restored.url}`, file], { encoding: 'utf8' });
      expect({ status: restore.status, stderr: restore.stderr }).toEqual({ status: 0, stderr: '' });
      const again = await openPgStore(restored.url, { max: 2 }); // schema step: nothing to do
      try {
        expect(await again.get('meetings', 'backup-1')).toMatchObject({ title: '备份测试（改）', version: 2 });
        expect(await again.count('meetings', {})).toBe(await store.count('meetings', {}));
        expect(await again.sharedSecret('backup-secret', 'other')).toBe(secret); // sessions survive a restore
        const plan = await again.explain('meetings', { orgId: 'city' }, { sort: [['plannedAt', 'asc']] });
        expect(plan).toMatch(/Index/); // the indexes came back too
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await restored.drop();
    }
  });

  it('shares one session secret: the first host to ask stores it, the others read it', async () => {
    const answers = await Promise.all(['s1', 's2', 's3', 's4'].map((c) => store.sharedSecret('session-test', c)));
    expect(new Set(answers).size).toBe(1);
    expect(['s1', 's2', 's3', 's4']).toContain(answers[0]);
  });
});
