// One contract for the store port (DESIGN.md "Store"), run against every adapter: PGlite
// in-memory and CloudBaseStore over the in-process stand-in of the wx-server-sdk database.
// Adapter-specific checks (persistence, query plans, SDK fidelity) follow the shared suite.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../domain/errors';
import { CloudBaseStore, cloudbaseIndexPlan } from '../server/store/cloudbase';
import { openPgliteClient, openPgliteStore } from '../server/store/pglite';
import type { Store, StoredDoc } from '../server/store/port';
import { SqlStore, type SqlClient } from '../server/store/sql';
import { payloadHash, reserve } from '../server/kit/idempotency';
import { takeQuota } from '../server/security/quota';
import { retryOnConflict } from '../server/kit/records';
import { FakeCloudDatabase } from './support/fake-cloudbase';
import { slowStore } from './support/slow-store';
import { openTestPgStore, pgRequired, pgTestUrl } from './support/pg';

// Nothing here may reach WeChat's cloud: if any import pulled the real SDK in, fail loudly.
jest.mock('wx-server-sdk', () => {
  throw new Error('wx-server-sdk must not be loaded by the store tests');
});

interface Meeting extends StoredDoc {
  orgId: string;
  plannedAt: string;
  status: string;
  n: number;
  title?: string;
  meta?: { kind?: string; level?: number; note?: string };
  tags?: string[];
}

interface Person extends StoredDoc {
  orgId: string;
  name: string;
  roles: string[];
}

interface Audit extends StoredDoc {
  action: string;
  at: string;
}

interface User extends StoredDoc {
  orgId: string;
  openid?: string;
  devKey?: string;
  name: string;
}

interface StoreHarness {
  name: string;
  open(): Promise<Store>;
  close(store: Store): Promise<void>;
  /**
   * Whether unique indexes are enforced. Postgres creates them in ensureSchema; CloudBase's are
   * configured in the console from cloudbaseIndexPlan(), which the fake is given here.
   */
  uniqueIndexes: boolean;
  /** what the adapter does with `limit > 100`: both adapters reject (the port says 1..100) */
  overLimit: 'reject' | 'clamp';
}

// PGlite takes seconds to start, so one in-memory connection serves the whole file.
let sharedClient: Promise<SqlClient> | undefined;
const pgliteClient = () => (sharedClient ??= openPgliteClient());
let sharedStore: Promise<SqlStore> | undefined;
const pglite = () =>
  (sharedStore ??= pgliteClient().then(async (client) => {
    const store = new SqlStore(client);
    await store.ensureSchema();
    return store;
  }));
afterAll(async () => {
  if (sharedClient) await (await sharedClient).close();
});

const harnesses: StoreHarness[] = [
  {
    name: 'PGlite (in-memory)',
    open: pglite,
    close: async () => undefined,
    uniqueIndexes: true,
    overLimit: 'reject',
  },
  {
    // The same connection with its transaction API hidden: SqlStore then issues BEGIN/COMMIT
    // itself behind its mutex, the path a single node-postgres Client would take.
    name: 'SqlStore without client transactions (mutex)',
    open: async () => {
      const client = await pgliteClient();
      const store = new SqlStore({ query: (sql, params) => client.query(sql, params), close: async () => undefined });
      await store.ensureSchema();
      return store;
    },
    close: async () => undefined,
    uniqueIndexes: true,
    overLimit: 'reject',
  },
  {
    name: 'CloudBase (fake SDK)',
    open: async () => {
      const uniqueIndexes = cloudbaseIndexPlan()
        .filter((i) => i.unique)
        .map((i) => ({ collection: i.collection, fields: i.fields.map((f) => f.field) }));
      const store = new CloudBaseStore(new FakeCloudDatabase({ uniqueIndexes }));
      await store.ensureSchema();
      return store;
    },
    close: (store) => store.close(),
    uniqueIndexes: true,
    overLimit: 'reject',
  },
];

// Issue #24: the same contract on a real PostgreSQL server, in a database of this file's own.
if (pgTestUrl()) {
  harnesses.push({
    name: 'PostgreSQL server (node-postgres pool)',
    open: () => openTestPgStore('contract'),
    close: (store) => store.close(),
    uniqueIndexes: true,
    overLimit: 'reject',
  });
} else if (pgRequired()) {
  it('has a PostgreSQL server for the contract (REQUIRE_PG=1)', () => {
    throw new Error('TEST_DATABASE_URL is not set: source scripts/pg-server.sh');
  });
}

const iso = (day: number, hour = 0) => new Date(Date.UTC(2025, 0, day, hour)).toISOString();

function meeting(i: number, extra: Partial<Meeting> = {}): Omit<Meeting, 'version'> {
  return {
    _id: `m${String(i).padStart(3, '0')}`,
    orgId: i % 2 === 0 ? 'org-a' : 'org-b',
    plannedAt: iso(1 + (i % 10)),
    status: i % 3 === 0 ? 'done' : 'planned',
    n: i,
    ...extra,
  };
}

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(AppError);
  await expect(p).rejects.toMatchObject({ code });
}

const ids = (docs: StoredDoc[]) => docs.map((d) => d._id);

function storeContract(h: StoreHarness): void {
  let store: Store;

  beforeAll(async () => {
    store = await h.open();
  });
  afterAll(async () => {
    if (store) await h.close(store);
  });
  beforeEach(async () => {
    await store.clearAll();
  });

  describe('insert and get', () => {
    it('round-trips a document with _id and version 1', async () => {
      const saved = await store.insert<Meeting>('meetings', { ...meeting(1), meta: { kind: 'joint', level: 2 }, tags: ['a'] });
      expect(saved).toEqual({ ...meeting(1), meta: { kind: 'joint', level: 2 }, tags: ['a'], version: 1 });
      expect(await store.get<Meeting>('meetings', 'm001')).toEqual(saved);
      expect(await store.get('meetings', 'nope')).toBeNull();
    });

    it('generates distinct 32-hex ids when none is given', async () => {
      const a = await store.insert<User>('users', { orgId: 'o', name: 'A' });
      const b = await store.insert<User>('users', { orgId: 'o', name: 'B' });
      expect(a._id).toMatch(/^[0-9a-f]{32}$/);
      expect(b._id).not.toBe(a._id);
      expect(await store.get<User>('users', a._id)).toEqual({ _id: a._id, orgId: 'o', name: 'A', version: 1 });
    });

    it('rejects a duplicate id with conflict and keeps the first', async () => {
      await store.insert<Meeting>('meetings', meeting(1));
      await expectCode(store.insert<Meeting>('meetings', { ...meeting(1), title: 'second' }), 'conflict');
      expect((await store.get<Meeting>('meetings', 'm001'))?.title).toBeUndefined();
    });

    it('enforces unique indexes, ignoring documents that lack the field', async () => {
      if (!h.uniqueIndexes) return;
      await store.insert<User>('users', { _id: 'u1', orgId: 'o', openid: 'oid-1', name: 'A' });
      await expectCode(store.insert<User>('users', { _id: 'u2', orgId: 'o', openid: 'oid-1', name: 'B' }), 'conflict');
      // Neither has openid nor devKey: no collision on either unique index.
      await store.insert<User>('users', { _id: 'u3', orgId: 'o', name: 'C' });
      await store.insert<User>('users', { _id: 'u4', orgId: 'o', name: 'D' });
      expect(await store.get('users', 'u2')).toBeNull();
      expect(await store.count('users', {})).toBe(3);
      // An update that would duplicate the key fails too.
      await expect(store.update<User>('users', 'u3', 1, { openid: 'oid-1' })).rejects.toMatchObject({ code: 'conflict' });
    });

    it('rejects unknown collections and invalid field paths with plain errors', async () => {
      await expect(store.get('nope', 'x')).rejects.toThrow(/unknown collection/);
      await expect(store.find('meetings', { 'a b': 1 })).rejects.toThrow(/invalid field/);
      await expect(store.find('meetings', { "x'); drop table users; --": 1 })).rejects.toThrow(/invalid field/);
      await expect(store.find('meetings', {}, { sort: [['1x', 'asc']] })).rejects.toThrow(/invalid field/);
    });
  });

  describe('find and count', () => {
    beforeEach(async () => {
      for (let i = 1; i <= 12; i += 1) {
        await store.insert<Meeting>('meetings', meeting(i, i <= 4 ? { meta: { kind: i % 2 ? 'joint' : 'special', level: i } } : {}));
      }
    });

    it('filters by equality and by dotted fields', async () => {
      const a = await store.find<Meeting>('meetings', { orgId: 'org-a', status: 'done' }, { sort: [['n', 'asc']] });
      expect(ids(a.items)).toEqual(['m006', 'm012']);
      const b = await store.find<Meeting>('meetings', { 'meta.kind': 'joint' }, { sort: [['n', 'asc']] });
      expect(ids(b.items)).toEqual(['m001', 'm003']);
      const c = await store.find<Meeting>('meetings', { 'meta.level': { gte: 2 } }, { sort: [['n', 'asc']] });
      expect(ids(c.items)).toEqual(['m002', 'm003', 'm004']);
    });

    it('filters with in and ne (ne also matches a missing field)', async () => {
      const a = await store.find<Meeting>('meetings', { n: { in: [2, 5, 99] } }, { sort: [['n', 'asc']] });
      expect(ids(a.items)).toEqual(['m002', 'm005']);
      const none = await store.find<Meeting>('meetings', { n: { in: [] } });
      expect(none.items).toEqual([]);
      const b = await store.find<Meeting>('meetings', { 'meta.kind': { ne: 'joint' } }, { sort: [['n', 'asc']] });
      expect(ids(b.items)).toEqual(['m002', 'm004', 'm005', 'm006', 'm007', 'm008', 'm009', 'm010', 'm011', 'm012']);
      const missing = await store.find<Meeting>('meetings', { 'meta.kind': null }, { sort: [['n', 'asc']] });
      expect(missing.items).toHaveLength(8);
    });

    it('compares ISO strings lexicographically and numbers numerically', async () => {
      const a = await store.find<Meeting>('meetings', { plannedAt: { gte: iso(3), lt: iso(5) } }, { sort: [['n', 'asc']] });
      expect(ids(a.items)).toEqual(['m002', 'm003', 'm012']);
      // 9 < 10 numerically (a text comparison would put "10" first).
      const b = await store.find<Meeting>('meetings', { n: { gt: 8, lte: 10 } }, { sort: [['n', 'asc']] });
      expect(ids(b.items)).toEqual(['m009', 'm010']);
      // A string bound never matches numbers.
      expect((await store.find<Meeting>('meetings', { n: { gt: '' } })).items).toEqual([]);
      await expect(store.find('meetings', { n: { gt: 1, lt: 'z' } })).rejects.toThrow(/mixed/);
    });

    it('keeps a one-sided range within its type: no null, empty array, boolean or other type slips in', async () => {
      // issue #25: the SQL store keeps some ranges within their type by bounds instead of a type test
      const odd: Array<[string, unknown]> = [['x-null', null], ['x-empty', []], ['x-true', true], ['x-false', false], ['x-obj', { a: 1 }], ['x-arr', [1]], ['x-str', 'k'], ['x-num', -7]];
      for (const [id, v] of odd) await store.insert('meetings', { _id: id, orgId: 'org-x', odd: v } as Partial<Meeting>);
      const oddIds = async (cond: Record<string, string | number>) => ids((await store.find<Meeting>('meetings', { orgId: 'org-x', odd: cond }, { sort: [['_id', 'asc']] })).items);
      expect(await oddIds({ lte: 'zzz' })).toEqual(['x-str']);
      expect(await oddIds({ lt: 'k' })).toEqual([]);
      expect(await oddIds({ gte: '' })).toEqual(['x-str']);
      expect(await oddIds({ gte: -100 })).toEqual(['x-num']);
      expect(await oddIds({ gt: -7 })).toEqual([]);
      expect(await oddIds({ lte: 100 })).toEqual(['x-num']);
      expect(await oddIds({ gt: -100, lt: 100 })).toEqual(['x-num']);
      expect(await oddIds({ gt: '', lte: 'zzz' })).toEqual(['x-str']);
      expect(await store.count('meetings', { orgId: 'org-x', odd: { lte: 'zzz' } })).toBe(1);
    });

    it('sorts by several fields in either direction with _id as the tie-breaker', async () => {
      const a = await store.find<Meeting>('meetings', { orgId: 'org-b' }, { sort: [['status', 'asc'], ['n', 'desc']] });
      expect(ids(a.items)).toEqual(['m009', 'm003', 'm011', 'm007', 'm005', 'm001']);
      const b = await store.find<Meeting>('meetings', {}, { sort: [['plannedAt', 'desc']], limit: 4 });
      // plannedAt day = 1 + n % 10: days 10 (m009), 9 (m008), 8 (m007), 7 (m006)
      expect(ids(b.items)).toEqual(['m009', 'm008', 'm007', 'm006']);
      const c = await store.find<Meeting>('meetings', { plannedAt: iso(2) });
      expect(ids(c.items)).toEqual(['m001', 'm011']);
    });

    it('applies limit (default 20) and enforces the 100 cap', async () => {
      const a = await store.find<Meeting>('meetings', {}, { limit: 5 });
      expect(a.items).toHaveLength(5);
      expect(a.nextCursor).toEqual(expect.any(String));
      const all = await store.find<Meeting>('meetings', {});
      expect(all.items).toHaveLength(12);
      expect(all.nextCursor).toBeUndefined();
      expect((await store.find<Meeting>('meetings', {}, { limit: 100 })).items).toHaveLength(12);
      if (h.overLimit === 'reject') {
        await expect(store.find('meetings', {}, { limit: 101 })).rejects.toThrow(/limit/);
      } else {
        expect((await store.find('meetings', {}, { limit: 101 })).items.length).toBeLessThanOrEqual(100);
      }
      await expect(store.find('meetings', {}, { limit: 0 })).rejects.toThrow(/limit/);
      await expect(store.find('meetings', {}, { limit: 2.5 })).rejects.toThrow(/limit/);
    });

    it('counts with a filter', async () => {
      expect(await store.count('meetings', {})).toBe(12);
      expect(await store.count('meetings', { orgId: 'org-a' })).toBe(6);
      expect(await store.count('meetings', { orgId: 'org-a', n: { gt: 6 } })).toBe(3);
      expect(await store.count('meetings', { 'meta.kind': 'special' })).toBe(2);
    });

    it('rejects a malformed cursor or one from another sort as validation_error', async () => {
      await expectCode(store.find('meetings', {}, { cursor: '!!not-a-cursor' }), 'validation_error');
      const page = await store.find<Meeting>('meetings', {}, { limit: 2, sort: [['n', 'asc']] });
      await expectCode(store.find('meetings', {}, { cursor: page.nextCursor, sort: [['n', 'desc']] }), 'validation_error');
    });
  });

  it('walks 250 documents in pages of 100 with no duplicates or gaps', async () => {
    const all: string[] = [];
    for (let i = 0; i < 250; i += 1) {
      // Few distinct plannedAt values, so most ordering comes from the _id tie-breaker.
      const doc = await store.insert<Meeting>('meetings', { ...meeting(i), _id: `p${String((i * 7919) % 250).padStart(3, '0')}`, orgId: 'org-x' });
      all.push(doc._id);
    }
    await store.insert<Meeting>('meetings', { ...meeting(999), orgId: 'org-other' });
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.find<Meeting>('meetings', { orgId: 'org-x' }, { sort: [['plannedAt', 'desc']], limit: 100, cursor });
      sizes.push(page.items.length);
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(sizes).toEqual([100, 100, 50]);
    expect(new Set(seen).size).toBe(250);
    expect([...seen].sort()).toEqual([...all].sort());
    // And in order: plannedAt desc, then _id asc.
    const docs = await Promise.all(seen.map((id) => store.get<Meeting>('meetings', id)));
    const keys = docs.map((d) => `${d?.plannedAt}|${d?._id}`);
    const expected = [...keys].sort((x, y) => {
      const [px, ix] = x.split('|');
      const [py, iy] = y.split('|');
      return px === py ? (ix < iy ? -1 : 1) : px < py ? 1 : -1;
    });
    expect(keys).toEqual(expected);
  });

  describe('update-if-version', () => {
    beforeEach(async () => {
      await store.insert<Meeting>('meetings', { ...meeting(1), title: 'T', meta: { kind: 'joint', level: 1 } });
    });

    it('sets fields shallowly, removes undefined ones and bumps the version', async () => {
      const next = await store.update<Meeting>('meetings', 'm001', 1, { status: 'done', title: undefined, meta: { note: 'x' } });
      const expected = { ...meeting(1), status: 'done', meta: { note: 'x' }, version: 2 };
      expect(next).toEqual(expected);
      expect(await store.get('meetings', 'm001')).toEqual(expected);
      // _id and version in a patch are the store's to manage and are ignored.
      const again = await store.update<Meeting>('meetings', 'm001', 2, { n: 5, _id: 'zzz', version: 40 } as Partial<Meeting>);
      expect(again).toMatchObject({ _id: 'm001', n: 5, version: 3 });
    });

    it('rejects a stale version with conflict and changes nothing', async () => {
      await store.update<Meeting>('meetings', 'm001', 1, { n: 2 });
      await expectCode(store.update<Meeting>('meetings', 'm001', 1, { n: 3 }), 'conflict');
      expect(await store.get<Meeting>('meetings', 'm001')).toMatchObject({ n: 2, version: 2 });
    });

    it('reports a missing document as not_found', async () => {
      await expectCode(store.update<Meeting>('meetings', 'absent', 1, { n: 3 }), 'not_found');
    });

    it('lets exactly one of two concurrent updates with the same version win', async () => {
      const results = await Promise.allSettled([
        store.update<Meeting>('meetings', 'm001', 1, { title: 'A' }),
        store.update<Meeting>('meetings', 'm001', 1, { title: 'B' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toMatchObject({ code: 'conflict' });
      const doc = await store.get<Meeting>('meetings', 'm001');
      expect(doc?.version).toBe(2);
      expect(doc?.title).toBe((won[0] as PromiseFulfilledResult<Meeting>).value.title);
    });
  });

  describe('transaction', () => {
    beforeEach(async () => {
      await store.insert<Meeting>('meetings', meeting(1));
    });

    it('commits every write and returns the callback result', async () => {
      const result = await store.transaction(async (tx) => {
        const m = await tx.get<Meeting>('meetings', 'm001');
        if (!m) throw new Error('missing');
        const updated = await tx.update<Meeting>('meetings', m._id, m.version, { status: 'held' });
        const audit = await tx.insert<Audit>('audit', { _id: 'a1', action: 'hold', at: iso(1) });
        // A transaction sees its own writes.
        expect(await tx.get<Meeting>('meetings', 'm001')).toMatchObject({ status: 'held', version: 2 });
        return { updated, audit };
      });
      expect(result.updated).toMatchObject({ _id: 'm001', status: 'held', version: 2 });
      expect(result.audit).toEqual({ _id: 'a1', action: 'hold', at: iso(1), version: 1 });
      expect(await store.get('meetings', 'm001')).toMatchObject({ status: 'held', version: 2 });
      expect(await store.get('audit', 'a1')).toMatchObject({ action: 'hold', version: 1 });
    });

    it('changes nothing when the callback throws, and rethrows the same error', async () => {
      const boom = new Error('boom');
      await expect(
        store.transaction(async (tx) => {
          await tx.update<Meeting>('meetings', 'm001', 1, { status: 'held' });
          await tx.insert<Audit>('audit', { _id: 'a1', action: 'hold', at: iso(1) });
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await store.get('meetings', 'm001')).toMatchObject({ status: 'planned', version: 1 });
      expect(await store.get('audit', 'a1')).toBeNull();
    });

    it('applies update-if-version and duplicate checks inside the transaction', async () => {
      await expectCode(store.transaction((tx) => tx.update<Meeting>('meetings', 'm001', 7, { n: 1 })), 'conflict');
      await expectCode(store.transaction((tx) => tx.update<Meeting>('meetings', 'zz', 1, { n: 1 })), 'not_found');
      await expectCode(store.transaction((tx) => tx.insert<Meeting>('meetings', meeting(1))), 'conflict');
      const gen = await store.transaction((tx) => tx.insert<User>('users', { orgId: 'o', name: 'N' }));
      expect(gen._id).toMatch(/^[0-9a-f]{32}$/);
      expect(await store.get('users', gen._id)).toEqual(gen);
    });

    it('lets exactly one of two concurrent transactions on one document win', async () => {
      const bump = (title: string) =>
        store.transaction(async (tx) => {
          const m = await tx.get<Meeting>('meetings', 'm001');
          await new Promise((r) => setTimeout(r, 10));
          return tx.update<Meeting>('meetings', 'm001', 1, { title: m ? title : 'none' });
        });
      const results = await Promise.allSettled([bump('A'), bump('B')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['conflict']);
      expect(await store.get<Meeting>('meetings', 'm001')).toMatchObject({ version: 2 });
    });

    it('keeps a concurrent non-transactional write out of a failing transaction', async () => {
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const failing = store.transaction(async (tx) => {
        await tx.insert<Audit>('audit', { _id: 'a1', action: 'x', at: iso(1) });
        entered();
        await new Promise((r) => setTimeout(r, 30));
        throw new Error('abort');
      });
      await inside;
      const outside = store.update<Meeting>('meetings', 'm001', 1, { title: 'outside' });
      await expect(failing).rejects.toThrow('abort');
      await expect(outside).resolves.toMatchObject({ title: 'outside', version: 2 });
      expect(await store.get('meetings', 'm001')).toMatchObject({ title: 'outside', version: 2 });
      expect(await store.get('audit', 'a1')).toBeNull();
    });
  });
  describe('array fields, removal', () => {
    it('finds documents whose array field holds any of the given strings', async () => {
      await store.insert<Person>('users', { _id: 'p1', orgId: 'o', name: 'A', roles: ['gov_office'] });
      await store.insert<Person>('users', { _id: 'p2', orgId: 'o', name: 'B', roles: ['representative', 'union_office'] });
      await store.insert<Person>('users', { _id: 'p3', orgId: 'x', name: 'C', roles: ['union_office'] });
      await store.insert<Person>('users', { _id: 'p4', orgId: 'o', name: 'D', roles: [] });
      const page = await store.find<Person>('users', { orgId: 'o', roles: { hasAny: ['union_office', 'gov_office'] } }, { sort: [['name', 'asc']] });
      expect(ids(page.items)).toEqual(['p1', 'p2']);
      expect(await store.count('users', { roles: { hasAny: ['union_office'] } })).toBe(2);
      expect(await store.count('users', { roles: { hasAny: [] } })).toBe(0);
    });

    it('removes exactly what a filter matches', async () => {
      for (let i = 1; i <= 5; i += 1) await store.insert<Audit>('audit', { _id: `a${i}`, action: 'x', at: iso(i) });
      expect(await store.removeWhere('audit', { at: { lt: iso(3) } })).toBe(2);
      expect(ids((await store.find<Audit>('audit', {}, { sort: [['at', 'asc']] })).items)).toEqual(['a3', 'a4', 'a5']);
    });
  });

  // Issue #6, defects 5 and 6: the rules that must hold when every call takes 1–4 ms, as on CloudBase.
  describe('under store latency', () => {
    let slow: Store;
    beforeEach(() => {
      slow = slowStore(store);
    });

    it('lets no more than the daily limit through, whatever arrives at once', async () => {
      const submit = (i: number) =>
        retryOnConflict(
          () =>
            slow.transaction(async (tx) => {
              await takeQuota(tx, 'topics:p1:2026-11-25', 10, '今天已满', '2026-11-27T00:00:00.000Z');
              return tx.insert<Audit>('audit', { _id: `t${i}`, action: 'submit', at: iso(1) });
            }),
          40,
        );
      const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => submit(i)));
      const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as AppError).code));
      expect(codes.filter((c) => c === 'ok')).toHaveLength(10);
      expect(codes.filter((c) => c !== 'ok').every((c) => c === 'rate_limited')).toBe(true);
      expect(await store.count('audit', { action: 'submit' })).toBe(10);
    });

    it('lets one of many simultaneous calls with one idempotency key act; a different payload is refused', async () => {
      const now = new Date('2026-11-25T02:00:00Z');
      const hash = payloadHash({ title: 'A' });
      const results = await Promise.allSettled(Array.from({ length: 12 }, () => reserve(slow, 'p1', 'topic.submit', 'key-0001', hash, now)));
      const fresh = results.filter((r) => r.status === 'fulfilled' && r.value.kind === 'fresh');
      expect(fresh).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === 'conflict')).toBe(true);
      await expect(reserve(slow, 'p1', 'topic.submit', 'key-0001', payloadHash({ title: 'B' }), now)).rejects.toMatchObject({ code: 'idempotency_key_reused' });
      // a reservation left pending by a crash expires: after two minutes the key acts again
      const later = new Date(now.getTime() + 2 * 60 * 1000 + 1);
      await expect(reserve(slow, 'p1', 'topic.submit', 'key-0001', hash, later)).resolves.toMatchObject({ kind: 'fresh' });
    });
  });
}


describe.each(harnesses)('store contract: $name', (h) => storeContract(h));

// ---------------------------------------------------------------------------------------------
// PGlite only: persistence and query plans
// ---------------------------------------------------------------------------------------------

describe('PGlite specifics', () => {
  it('keeps data across reopening a data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-contract-'));
    try {
      const first = await openPgliteStore(join(dir, 'db'));
      await first.insert<User>('users', { _id: 'u1', orgId: 'o', openid: 'x', name: 'Persisted' });
      await first.close();
      const second = await openPgliteStore(join(dir, 'db'));
      expect(await second.get('users', 'u1')).toEqual({ _id: 'u1', orgId: 'o', openid: 'x', name: 'Persisted', version: 1 });
      await expect(second.insert<User>('users', { orgId: 'o', openid: 'x', name: 'dup' })).rejects.toMatchObject({ code: 'conflict' });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('query plans', () => {
    let sql: SqlStore;
    beforeAll(async () => {
      sql = await pglite();
      await sql.clearAll();
      for (let i = 0; i < 40; i += 1) {
        await sql.insert<User>('users', { orgId: `org-${i % 4}`, name: `u${i}` });
        await sql.insert<Meeting>('meetings', meeting(i));
      }
    });

    it('serves users by orgId from its index', async () => {
      const plan = await sql.explain('users', { orgId: 'org-1' });
      // any index led by orgId serves it: (orgId, name), (orgId, unit) or (orgId, title)
      expect(plan).toMatch(/users_orgId_(name|unit|title)_idx/);
    });

    it('serves users by openid from the partial unique index', async () => {
      expect(await sql.explain('users', { openid: 'x' })).toContain('users_openid_uq');
    });

    it('walks a meeting\'s topics in creation order for the paged list, once statistics exist', async () => {
      await sql.transaction(async (tx) => {
        for (let i = 0; i < 600; i += 1) {
          const accepted = i % 2 === 0;
          await tx.insert('topics', {
            meetingId: i % 3 ? 'm-big' : 'm-other', status: accepted ? 'accepted' : 'submitted',
            audience: accepted ? ['union_office', 'gov_office', 'gov_convenor'] : [i % 4 ? 'union_office' : 'gov_office'],
            createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          });
        }
      });
      await sql.maintain();
      const plan = await sql.explain('topics', { meetingId: 'm-big', audience: { hasAny: ['union_office'] } }, { sort: [['createdAt', 'asc']], limit: 20 });
      expect(plan).toContain('topics_meetingId_createdAt_idx');
      expect(plan).not.toMatch(/^\s*->\s+Sort\b/m);
    });

    it('serves meetings of an org by date from the compound index', async () => {
      const plan = await sql.explain('meetings', { orgId: 'org-a', plannedAt: { gte: iso(3) } }, { sort: [['plannedAt', 'desc']] });
      expect(plan).toContain('meetings_orgId_plannedAt_idx');
    });
  });
});

// ---------------------------------------------------------------------------------------------
// CloudBase only: the stand-in behaves like the SDK where the adapter relies on it
// ---------------------------------------------------------------------------------------------

describe('CloudBase specifics', () => {
  it('fake: missing doc.get throws the SDK message; limit is clamped at 100; updates merge nested objects', async () => {
    const db = new FakeCloudDatabase();
    await db.createCollection('orgs');
    await expect(db.collection('orgs').doc('x').get()).rejects.toThrow('document.get:fail document with _id x does not exist');
    for (let i = 0; i < 120; i += 1) await db.collection('orgs').add({ data: { i } });
    expect((await db.collection('orgs').limit(500).get()).data).toHaveLength(100);
    expect((await db.collection('orgs').get()).data).toHaveLength(100);
    const { _id } = await db.collection('orgs').add({ data: { meta: { a: 1 } } });
    await db.collection('orgs').doc(String(_id)).update({ data: { meta: { b: 2 } } });
    expect((await db.collection('orgs').doc(String(_id)).get()).data).toMatchObject({ meta: { a: 1, b: 2 } });
    await db.collection('orgs').doc(String(_id)).update({ data: { meta: db.command.set({ c: 3 }) } });
    expect((await db.collection('orgs').doc(String(_id)).get()).data).toMatchObject({ meta: { c: 3 } });
    await expect(db.collection('orgs').doc(String(_id)).set({ data: { _id: 'y' } })).rejects.toThrow(/_id/);
    await expect(db.collection('nope').get()).rejects.toMatchObject({ errCode: -502005 });
  });

  it('fake: a transaction that loses a write conflict is retried by runTransaction', async () => {
    const db = new FakeCloudDatabase();
    await db.createCollection('orgs');
    await db.collection('orgs').add({ data: { _id: 'o1', v: 1 } });
    let runs = 0;
    await db.runTransaction(async (tx) => {
      runs += 1;
      const cur = (await tx.collection('orgs').doc('o1').get()).data as { v: number };
      if (runs === 1) await db.collection('orgs').doc('o1').update({ data: { v: 10 } });
      await tx.collection('orgs').doc('o1').set({ data: { v: cur.v + 1 } });
    });
    expect(runs).toBe(2);
    expect((await db.collection('orgs').doc('o1').get()).data).toMatchObject({ v: 11 });
  });

  it('ensureSchema is idempotent and maps unexpected SDK errors to internal without leaking them', async () => {
    const db = new FakeCloudDatabase();
    const store = new CloudBaseStore(db);
    const err = await store.get('users', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('internal');
    expect(JSON.stringify((err as AppError).toBody())).not.toMatch(/502005|Table|exist/);
    expect((err as Error).cause).toMatchObject({ errCode: -502005 });
    await store.ensureSchema();
    await store.ensureSchema();
    expect(await store.get('users', 'x')).toBeNull();
  });

  it('publishes an index plan for the console covering every declared index', () => {
    const plan = cloudbaseIndexPlan();
    expect(plan).toContainEqual({ collection: 'users', name: 'openid_unique', unique: true, fields: [{ field: 'openid', order: 'asc' }] });
    expect(plan).toContainEqual({
      collection: 'meetings',
      name: 'orgId_plannedAt',
      unique: false,
      fields: [
        { field: 'orgId', order: 'asc' },
        { field: 'plannedAt', order: 'asc' },
      ],
    });
  });
});
