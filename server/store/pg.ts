// The PostgreSQL server adapter (DESIGN.md "Store": "any PostgreSQL server via DATABASE_URL"):
// node-postgres behind the same SqlClient port as PGlite, so SqlStore's SQL is the one code path.
//
// Transactions run at SERIALIZABLE and are retried on serialization failure (40001) and deadlock
// (40P01) — see docs/issue-24-notes.md "Isolation". Single statements outside a transaction run in
// autocommit at the server's default (READ COMMITTED): each is one atomic statement on one row
// (update-if-version re-checks its WHERE after waiting for a row lock), so they need no retry.

import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { AppError } from '../../domain/errors';
import { SqlStore, type SqlClient, type SqlQueryable } from './sql';

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);

export interface PgOptions {
  /** pool size per process (default `PG_POOL_MAX` or 10) */
  max?: number;
  /** attempts of one transaction before it answers `conflict` (default 10) */
  attempts?: number;
  /** where pool-level errors (a server restart killing an idle connection) are reported */
  onError?: (e: Error) => void;
  /** application_name shown in pg_stat_activity (default `joint-meeting`) */
  applicationName?: string;
}

function sqlState(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function isRetryable(e: unknown): boolean {
  const code = sqlState(e);
  return code !== undefined && RETRYABLE.has(code);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Counters a bench or a test can read: how often transactions had to run again. */
export interface PgStats {
  transactions: number;
  retries: number;
  exhausted: number;
}

export interface PgClient extends SqlClient {
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  readonly pool: Pool;
  readonly stats: PgStats;
}

/** Hides the connection string's password in messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/** A pooled node-postgres client as a SqlClient. */
export function openPgClient(url: string, options: PgOptions = {}): PgClient {
  const max = options.max ?? (Number(process.env.PG_POOL_MAX) || 10);
  const attempts = options.attempts ?? 10;
  const config: PoolConfig = {
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: options.applicationName ?? 'joint-meeting',
  };
  const pool = new Pool(config);
  // Without a listener an idle connection's error (server restarted) would crash the process.
  pool.on('error', (e) => (options.onError ?? ((err: Error) => console.error('PostgreSQL pool error:', err.message)))(e));
  const stats: PgStats = { transactions: 0, retries: 0, exhausted: 0 };

  const on = (c: PoolClient): SqlQueryable => ({
    query: async <R>(sql: string, params?: unknown[]) => {
      const r = await c.query(sql, params);
      return { rows: r.rows as R[] };
    },
  });

  async function once<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    let broken = false;
    try {
      await c.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      try {
        const result = await fn(on(c));
        await c.query('COMMIT');
        return result;
      } catch (e) {
        try {
          await c.query('ROLLBACK');
        } catch {
          broken = true; // the connection is gone: do not hand it back to the pool
        }
        throw e;
      }
    } finally {
      c.release(broken);
    }
  }

  return {
    pool,
    stats,
    query: async <R>(sql: string, params?: unknown[]) => {
      const r = await pool.query(sql, params);
      return { rows: r.rows as R[] };
    },
    // The port allows `fn` to run more than once (CloudBase retries too), so a serialization
    // failure simply runs it again after a short, growing, jittered pause.
    transaction: async <T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> => {
      stats.transactions += 1;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await once(fn);
        } catch (e) {
          if (!isRetryable(e)) throw e;
          if (attempt >= attempts) {
            stats.exhausted += 1;
            throw new AppError('conflict');
          }
          stats.retries += 1;
          await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
        }
      }
    },
    close: () => pool.end(),
  };
}

/** Opens a SqlStore on a PostgreSQL server, creates/migrates the schema, refreshes statistics. */
export async function openPgStore(url: string, options: PgOptions = {}): Promise<SqlStore> {
  const client = openPgClient(url, options);
  try {
    await client.query('SELECT 1');
  } catch (e) {
    await client.close().catch(() => undefined);
    throw new Error(`PostgreSQL not reachable at ${redactUrl(url)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const store = new SqlStore(client);
  try {
    await store.ensureSchema();
    await store.maintain();
  } catch (e) {
    await client.close().catch(() => undefined);
    throw e;
  }
  return store;
}
