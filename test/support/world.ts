// A seeded world over the embedded database for tests that cross boundaries. One PGlite per test
// file, a copy of the run's seed image (test/support/seed-image.ts); `reset()` empties and re-seeds
// between tests.
import { FUNCTION_MAP } from '../../host/areas';
import { dispatch, type Dispatched } from '../../server/kit/router';
import type { Area } from '../../server/kit/registry';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFiles, localCodes } from '../../server/platform/local/files';
import { signSession } from '../../server/security/session';
import { loadWordList, wordListChecker } from '../../server/content';
import { consoleLog, type Principal, type Runtime } from '../../server/kit/runtime';
import { seedDemo } from '../../server/seed';
import type { Store } from '../../server/store/port';
import { COLLECTION_NAMES } from '../../server/store/indexes';
import type { SqlQueryable } from '../../server/store/sql';
import { DEMO_NOW } from './demo-now';
import { RecordingStore } from './recording-store';
import { openSeededPglite } from './seed-image';
import { functionFor } from './route';

export { DEMO_NOW } from './demo-now';

/** Resolved from the repository root (tests and the bench both run there; the bench is bundled elsewhere). */
export const WORDLIST = join(process.cwd(), 'server', 'content', 'wordlist.txt');

/** A union topic for the seeded city meeting, valid for topic.submit by a union-side proposer. */
export const SAMPLE_TOPIC = {
  meetingId: 'm-city-current', side: 'union', category: 'worker_concerns', title: '关于职工技能培训补贴的建议',
  background: '我市技能培训补贴申领流程繁琐，职工知晓率低。', research: '调研十家企业，六成职工不了解补贴政策。', request: '建议简化申领流程并由工会协助宣传。',
} as const;

/** Opens one world for the test file, closes it after, and re-seeds it before every test. */
export function worldPerFile(): { readonly current: World } {
  const holder: { current: World } = { current: undefined as unknown as World };
  beforeAll(async () => {
    holder.current = await openWorld();
  });
  afterAll(() => holder.current.close());
  beforeEach(() => holder.current.reset());
  return holder;
}

/** Test context: names the person directly (the test runtime's stand-in for a verified session). */
export interface AsUser {
  asUser?: string;
}

export interface World {
  /** the world's store; it records every write (`store.writes`), for tests that prove a call wrote nothing */
  store: RecordingStore;
  rt: Runtime;
  now: Date;
  setNow(d: Date): void;
  call(area: string, action: string, payload: unknown, asUser?: string, idempotencyKey?: string): Promise<Dispatched>;
  raw(area: string, event: unknown, asUser?: string): Promise<Dispatched>;
  reset(): Promise<void>;
  close(): Promise<void>;
  /** rows written per collection, counted by the database (a trigger): equal answers, no document added, removed or rewritten */
  digest(collections: readonly string[]): Promise<Record<string, string>>;
}

/**
 * The registered actions of the cloud function `name` (an area's, or one named in domain/functions.ts);
 * with an event, the function the app would send that event's action to when it names the area.
 */
export function areaByName(name: string, event?: unknown): Area {
  const fn = FUNCTION_MAP.get(event === undefined ? name : functionFor(name, event));
  if (!fn) throw new Error(`no cloud function ${name}`);
  return fn.area;
}

/** Every action of the area `name`, over the functions that serve it (domain/functions.ts). */
export function actionsOfArea(name: string): Map<string, Area['actions'] extends ReadonlyMap<string, infer A> ? A : never> {
  return new Map([...FUNCTION_MAP.values()].filter((f) => f.area.name === name).flatMap((f) => [...f.area.actions]));
}

/**
 * What every world has the same way: its clock (starting at DEMO_NOW), the runtime `runtime` makes
 * over that clock, and calls routed as the app routes them (`restart` puts the clock back).
 */
export function worldCalls(runtime: (now: () => Date) => Runtime): Pick<World, 'rt' | 'now' | 'setNow' | 'raw' | 'call'> & { restart(): void } {
  let now = DEMO_NOW;
  const rt = runtime(() => now);
  const raw = (area: string, event: unknown, asUser?: string) => dispatch(areaByName(area, event), event, { asUser }, rt);
  return {
    rt,
    get now() {
      return now;
    },
    setNow: (d) => {
      now = d;
    },
    raw,
    call: (area, action, payload, asUser, idempotencyKey) => raw(area, { action, payload, idempotencyKey }, asUser),
    restart: () => {
      now = DEMO_NOW;
    },
  };
}

/**
 * The runtime of a test world: the caller named by `{ asUser }` in the call's context, the word list,
 * local files under tmp/`<files>-<pid>`, no channels, errors logged unless QUIET_ERRORS.
 */
export function testRuntime(store: Store, now: () => Date, files: string): Runtime {
  return {
    store,
    clock: { now },
    content: wordListChecker(loadWordList(WORDLIST)),
    channels: [],
    files: new LocalFiles(join(tmpdir(), `${files}-${process.pid}`)),
    codes: localCodes(() => 'http://127.0.0.1/'),
    issueSession: (personId, epoch) => signSession('test-secret', personId, new Date(), epoch),
    principal: (context: unknown): Principal | null => {
      const userId = (context as AsUser | undefined)?.asUser;
      return userId ? { kind: 'user', userId } : null;
    },
    log: (level, message, extra) => {
      if (level === 'error' && !process.env.QUIET_ERRORS) consoleLog(level, message, extra);
    },
  };
}

export async function openWorld(): Promise<World> {
  const seeded = await openSeededPglite();
  const store = new RecordingStore(seeded.store);
  const calls = worldCalls((now) => testRuntime(store, now, 'world-files'));
  return {
    store,
    rt: calls.rt,
    get now() {
      return calls.now;
    },
    setNow: calls.setNow,
    raw: calls.raw,
    call: calls.call,
    reset: async () => {
      calls.restart();
      await store.clearAll();
      await seedDemo(store, DEMO_NOW);
      store.takeWrites(); // the seed is where every test starts, not a write of the test
    },
    close: () => store.close(),
    digest: (collections) => contentDigest(seeded.client, collections),
  };
}

/**
 * How many rows each collection has had written — inserted, updated or deleted, counted by a row
 * trigger in the database itself (a TRUNCATE counts too) — so equal answers before and after a call
 * mean it added, removed or rewrote no document, by any path. Triggers are added on the first call
 * (test worlds only); the cost does not grow with the data, unlike hashing every document.
 */
export async function contentDigest(db: SqlQueryable, collections: readonly string[]): Promise<Record<string, string>> {
  const installed = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'jm_test_rows'`);
  if (installed.rows[0].n < COLLECTION_NAMES.length) {
    await db.query(`CREATE TABLE IF NOT EXISTS jm_test_writes (c text PRIMARY KEY, n bigint NOT NULL)`);
    await db.query(`CREATE OR REPLACE FUNCTION jm_test_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO jm_test_writes (c, n) VALUES (TG_TABLE_NAME, 1) ON CONFLICT (c) DO UPDATE SET n = jm_test_writes.n + 1;
        RETURN NULL;
      END $$`);
    for (const c of COLLECTION_NAMES) {
      const t = `"${c.replace(/"/g, '""')}"`;
      await db.query(`DROP TRIGGER IF EXISTS jm_test_rows ON ${t}`);
      await db.query(`DROP TRIGGER IF EXISTS jm_test_truncate ON ${t}`);
      await db.query(`CREATE TRIGGER jm_test_rows AFTER INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION jm_test_count_write()`);
      await db.query(`CREATE TRIGGER jm_test_truncate AFTER TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION jm_test_count_write()`);
    }
  }
  const res = await db.query<{ c: string; n: string }>(`SELECT c, n::text AS n FROM jm_test_writes WHERE c = ANY($1)`, [[...collections]]);
  const out: Record<string, string> = Object.fromEntries(collections.map((c) => [c, '0']));
  for (const row of res.rows) out[row.c] = row.n;
  return out;
}

/** Counts of every collection but the audit log: a refused call must leave these unchanged. */
export async function snapshotCounts(store: Store, collections: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of collections) out[c] = await store.count(c, {});
  return out;
}

/** Every document of each collection, by id: a refused call must leave each one exactly as it was. */
export async function snapshotDocs(store: Store, collections: readonly string[]): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of collections) {
    const docs: Record<string, unknown> = {};
    let cursor: string | undefined;
    do {
      const page = await store.find(c, {}, { limit: 100, cursor });
      for (const d of page.items) docs[d._id] = d;
      cursor = page.nextCursor;
    } while (cursor);
    out[c] = docs;
  }
  return out;
}
