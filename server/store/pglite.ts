// The default store: PGlite (Postgres compiled to WASM, in-process). In-memory for tests, or
// persisted in a directory for the local runtime.

import { mkdirSync } from 'node:fs';
import * as nodeModule from 'node:module';
import type { PGlite } from '@electric-sql/pglite';
import { SqlStore, type SqlClient, type SqlQueryable } from './sql';

/**
 * PGlite's start-up calls dynamic `import()` internally. Jest evaluates modules in a vm context
 * where that fails (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG) and also hands out its own
 * `createRequire`, so we take Node's real `module` via `process.getBuiltinModule` (Node ≥ 20.16)
 * and load PGlite with Node's own loader. Outside Jest this is the same as a plain require.
 */
function loadPglite(): { PGlite: typeof PGlite } {
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const mod = (getBuiltin?.('node:module') as typeof nodeModule | undefined) ?? nodeModule;
  return mod.createRequire(__filename)('@electric-sql/pglite') as { PGlite: typeof PGlite };
}

/** A PGlite connection: a SqlClient that can also dump its data directory (tests clone a seeded one). */
export interface PgliteClient extends SqlClient {
  /** the whole data directory as an uncompressed tarball, for `loadDataDir` */
  dumpDataDir(): Promise<Blob>;
}

/**
 * PGlite already runs one statement at a time, and its `transaction()` holds the same lock that
 * plain `query()` waits on, so neither concurrent transactions nor stray queries can land inside
 * an open transaction. We therefore hand SqlStore PGlite's own transaction API rather than a mutex.
 */
function pgliteClient(db: PGlite): PgliteClient {
  return {
    dumpDataDir: () => db.dumpDataDir('none'),
    query: <R>(sql: string, params?: unknown[]) => db.query<R>(sql, params),
    transaction: <T>(fn: (tx: SqlQueryable) => Promise<T>) =>
      db.transaction((tx) => fn({ query: <R>(sql: string, params?: unknown[]) => tx.query<R>(sql, params) })),
    close: () => db.close(),
  };
}

/** Where a new PGlite database starts: `loadDataDir` is a data directory dumped by `dumpDataDir` (tests clone a seeded one). */
export interface PgliteOpenOptions {
  loadDataDir?: Blob;
}

/** A bare PGlite connection as a SqlClient (persisted in `dataDir` if given, else in memory). */
export async function openPgliteClient(dataDir?: string, options: PgliteOpenOptions = {}): Promise<PgliteClient> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const { PGlite: Pg } = loadPglite();
  return pgliteClient(await (options.loadDataDir ? Pg.create({ dataDir, loadDataDir: options.loadDataDir }) : Pg.create(dataDir)));
}

export async function openPgliteStore(dataDir?: string, options: PgliteOpenOptions = {}): Promise<SqlStore> {
  const store = new SqlStore(await openPgliteClient(dataDir, options));
  await store.ensureSchema();
  await store.maintain();
  return store;
}
