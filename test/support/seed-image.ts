// Seed once, clone per world (issue #18): creating a PGlite database and seeding the demo costs
// seconds, loading a dumped data directory a fraction of one. Jest's global set-up
// (test/support/global-setup.ts) makes the image once per run — schema, ANALYZE, the demo seeded at
// DEMO_NOW, exactly what a world used to make for itself — and every world or test host opens a
// copy. Without an image (a script, the bench) a world makes and seeds its own database as before.
import { Blob as NodeBlob } from 'node:buffer';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { seedDemo } from '../../server/seed';
import { openPgliteClient, type PgliteClient } from '../../server/store/pglite';
import { SqlStore } from '../../server/store/sql';
import { DEMO_NOW } from './demo-now';

/** The environment variable naming the run's image (a tarball of a seeded PGlite data directory). */
export const SEED_IMAGE_ENV = 'JM_SEED_IMAGE';
/** If set, every world appends `clone` or `create` to this file (scripts/test.cjs counts them). */
export const WORLD_LOG_ENV = 'JM_WORLD_LOG';

/** A fresh PGlite store with the schema and the demo seeded at `now`, and its client (for dumps and digests). */
async function createSeeded(now: Date): Promise<{ store: SqlStore; client: PgliteClient }> {
  const client = await openPgliteClient();
  const store = new SqlStore(client);
  // what openPgliteStore does, then the seed
  await store.ensureSchema();
  await store.maintain();
  await seedDemo(store, now);
  return { store, client };
}

/** Makes the image at `path`: a database seeded at DEMO_NOW, dumped. */
export async function writeSeedImage(path: string): Promise<void> {
  const { store, client } = await createSeeded(DEMO_NOW);
  const tar = await client.dumpDataDir();
  writeFileSync(path, Buffer.from(await tar.arrayBuffer()));
  await store.close();
}

function note(kind: 'clone' | 'create'): void {
  const log = process.env[WORLD_LOG_ENV];
  if (log) appendFileSync(log, `${kind}\n`);
}

/**
 * A PGlite store holding the demo seeded at DEMO_NOW: a copy of the run's image when there is one,
 * else created and seeded here.
 */
export async function openSeededPglite(): Promise<{ store: SqlStore; client: PgliteClient }> {
  const image = process.env[SEED_IMAGE_ENV];
  if (image && existsSync(image)) {
    // Node's own Blob: a test file's environment (jsdom for the weapp pages) may put another in the global scope
    const client = await openPgliteClient(undefined, { loadDataDir: new NodeBlob([readFileSync(image)]) as unknown as Blob });
    const store = new SqlStore(client);
    await store.ensureSchema(); // idempotent, as at every start of a persisted store
    note('clone');
    return { store, client };
  }
  note('create');
  return createSeeded(DEMO_NOW);
}
