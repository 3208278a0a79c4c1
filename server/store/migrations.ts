// Versioned schema changes for the PostgreSQL-family store (PGlite and a PostgreSQL server).
//
// Two layers (docs/issue-24-notes.md "Schema and migrations"):
// - declarative: every collection's table and every index in indexes.ts is created if missing, at
//   each start (`CREATE … IF NOT EXISTS`), so adding an index is one line in indexes.ts;
// - versioned: anything that is not "create if missing" — a table outside the document model, a
//   data rewrite, a dropped or changed index — is a numbered migration below, applied once, in
//   order, recorded in `schema_migrations`, in the same transaction as its change.
// All of it runs under one transaction-scoped advisory lock, so several hosts starting at once on
// one server neither race on `CREATE INDEX` nor apply a migration twice. A database whose recorded
// version is newer than this code knows is refused: an old host must not write a newer schema.

/** What a migration runs its statements on (a connection or a transaction); sql.ts re-exports it. */
export interface SqlQueryable {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface Migration {
  /** 1, 2, 3 … — never renumbered, never edited once released */
  version: number;
  name: string;
  up(q: SqlQueryable): Promise<void>;
}

/** `pg_advisory_xact_lock` key for schema work: "jm-schema" as a number. */
export const SCHEMA_LOCK_KEY = 0x6a6d_7363;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'document collections and their indexes (declared in server/store/indexes.ts)',
    // the declarative step before the migrations creates them; the version records the baseline
    up: async () => undefined,
  },
  {
    version: 2,
    name: 'leases: one holder at a time for a timed job across hosts (issue #24)',
    up: async (q) => {
      await q.query(
        'CREATE TABLE IF NOT EXISTS leases (name text PRIMARY KEY, holder text NOT NULL, expires_at timestamptz NOT NULL, runs bigint NOT NULL DEFAULT 0)',
      );
    },
  },
  {
    version: 3,
    name: 'host_secrets: a secret every host of one installation shares (the session key) (issue #24)',
    up: async (q) => {
      await q.query('CREATE TABLE IF NOT EXISTS host_secrets (name text PRIMARY KEY, value text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
    },
  },
  {
    version: 4,
    name: 'indexes on generated columns instead of expressions over data (issue #25)',
    // Up to version 3 every index was on expressions like `(data -> 'orgId')`; now each indexed field
    // is a stored generated column (added by the declarative step) and the index is on the column,
    // under the same name. `CREATE INDEX IF NOT EXISTS` would keep the old definition, so the old
    // ones are dropped here and the declarative step, run again after a migration, makes the new.
    // Idempotent: once no index reads `data ->`, there is nothing left to drop.
    up: async (q) => {
      const { rows } = await q.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexdef LIKE '%(data -> %'`,
      );
      for (const r of rows) await q.query(`DROP INDEX IF EXISTS "${r.indexname.replace(/"/g, '""')}"`);
    },
  },
  {
    version: 5,
    name: 'the task page indexes end in id (issue #25)',
    // `(ownerId, open, dueAt)` and `(orgId, open, dueAt)` became `(…, dueAt, id)` under new names (a
    // page sorts by dueAt then id, so it is an index range read): the declarative step makes the new
    // ones; the old ones would only slow every task write.
    up: async (q) => {
      await q.query('DROP INDEX IF EXISTS "tasks_ownerId_open_dueAt_idx"');
      await q.query('DROP INDEX IF EXISTS "tasks_orgId_open_dueAt_idx"');
    },
  },
];

export class SchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(`database schema version ${found} is newer than this code knows (${known}): upgrade this host before starting it`);
    this.name = 'SchemaTooNewError';
  }
}

/** Applies the pending migrations; `q` must be inside the transaction holding the schema lock. */
export async function applyMigrations(q: SqlQueryable, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await q.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const { rows } = await q.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  const done = new Set(rows.map((r) => Number(r.version)));
  const known = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  const newest = rows.reduce((m, r) => Math.max(m, Number(r.version)), 0);
  if (newest > known) throw new SchemaTooNewError(newest, known);
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await m.up(q);
    await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    applied.push(m.version);
  }
  return applied;
}
