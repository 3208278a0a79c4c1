// A seeded world over the embedded database for tests that cross boundaries. One PGlite per test
// file, a copy of the run's seed image (test/support/seed-image.ts); `reset()` empties and re-seeds
// between tests.
import { AREAS } from '../../host/areas';
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
import type { SqlQueryable } from '../../server/store/sql';
import { DEMO_NOW } from './demo-now';
import { RecordingStore } from './recording-store';
import { openSeededPglite } from './seed-image';

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
  /** a digest of every document of each collection (id, version, last writing transaction): equal digests, nothing written */
  digest(collections: readonly string[]): Promise<Record<string, string>>;
}

export function areaByName(name: string): Area {
  const area = AREAS.find((a) => a.name === name);
  if (!area) throw new Error(`no area ${name}`);
  return area;
}

export async function openWorld(): Promise<World> {
  let now = DEMO_NOW;
  const seeded = await openSeededPglite();
  const store = new RecordingStore(seeded.store);
  const rt: Runtime = {
    store,
    clock: { now: () => now },
    content: wordListChecker(loadWordList(WORDLIST)),
    channels: [],
    files: new LocalFiles(join(tmpdir(), `world-files-${process.pid}`)),
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
  const raw = (area: string, event: unknown, asUser?: string) => dispatch(areaByName(area), event, { asUser }, rt);
  return {
    store,
    rt,
    get now() {
      return now;
    },
    setNow: (d) => {
      now = d;
    },
    raw,
    call: (area, action, payload, asUser, idempotencyKey) => raw(area, { action, payload, idempotencyKey }, asUser),
    reset: async () => {
      now = DEMO_NOW;
      await store.clearAll();
      await seedDemo(store, now);
      store.takeWrites(); // the seed is where every test starts, not a write of the test
    },
    close: () => store.close(),
    digest: (collections) => contentDigest(seeded.client, collections),
  };
}

/**
 * One md5 per collection over every row's id, version and the transaction that last wrote it
 * (Postgres' `xmin`, new for every inserted or updated row version): a changed, added or removed
 * document changes its collection's digest — even a rewrite with the same content — and, unlike
 * hashing the JSON, the cost does not grow with the documents' size. One query for all collections.
 */
export async function contentDigest(db: SqlQueryable, collections: readonly string[]): Promise<Record<string, string>> {
  if (!collections.length) return {};
  const union = collections
    .map((c, i) => `SELECT $${i + 1}::text AS c, id, version, xmin::text AS x FROM "${c.replace(/"/g, '""')}"`)
    .join(' UNION ALL ');
  const res = await db.query<{ c: string; h: string | null }>(
    `SELECT c, md5(string_agg(id || ':' || version || ':' || x, E'\n' ORDER BY id)) AS h FROM (${union}) t GROUP BY c`,
    [...collections],
  );
  const out: Record<string, string> = Object.fromEntries(collections.map((c) => [c, 'empty']));
  for (const row of res.rows) out[row.c] = row.h ?? 'empty';
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
