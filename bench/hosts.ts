// Issue #24: write throughput of real hosts (host/main.ts processes) side by side — 1 host on
// PGlite, 1 host on PostgreSQL, 2 hosts on one PostgreSQL behind a round robin. Keyed meeting
// requests by two union offices, `WORKERS` at once, `WRITES` in all. A figure, never asserted.
//   node scripts/run-ts.cjs bench/hosts.ts          (needs BENCH_DATABASE_URL or TEST_DATABASE_URL:
//                                                    a server where it may create databases;
//                                                    `bash scripts/pg-server.sh` starts one)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startRealHost, type RealHost } from '../test/support/real-host';

const repo = process.cwd();
const WRITES = Number(process.env.BENCH_WRITES ?? 600);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);
const DAY = 86_400_000;

type Host = RealHost;

const start = (env: Record<string, string>): Promise<Host> => startRealHost('host', ['scripts/run-ts.cjs', 'host/main.ts'], env, { timeoutMs: 90_000, cwd: repo });

const stop = (h: Host) => new Promise<void>((r) => (h.child.exitCode !== null ? r() : (h.child.once('exit', () => r()), h.child.kill('SIGTERM'))));

async function post(h: Host, area: string, body: unknown, token?: string): Promise<{ status: number; json: { ok: boolean; data?: { token?: string } } }> {
  const res = await fetch(`${h.url}api/${area}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { ok: boolean; data?: { token?: string } } };
}

/** writes per second over `hosts` (round robin), after a warm-up of 20 writes */
async function measure(hosts: Host[]): Promise<{ perSecond: number; failed: number }> {
  const tokens = await Promise.all(['city-union-office', 'linhe-union-office'].map(async (key) => (await post(hosts[0], 'account', { action: 'devSignIn', payload: { key } })).json.data!.token!));
  let n = 0;
  let failed = 0;
  const one = async (i: number) => {
    const body = { action: 'request', idempotencyKey: `bench-${i}-${Math.random().toString(36).slice(2)}`, payload: { kind: 'special', title: `压测会议请求第${i}号`, plannedAt: new Date(Date.now() + 300 * DAY).toISOString(), reason: '吞吐量测量' } };
    const r = await post(hosts[Math.abs(i) % hosts.length], 'meeting', body, tokens[Math.abs(i) % 2]);
    if (!r.json.ok) failed += 1;
  };
  for (let i = 0; i < 20; i += 1) await one(-1 - i);
  const t = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (n < WRITES) await one(n++);
    }),
  );
  return { perSecond: WRITES / ((performance.now() - t) / 1000), failed };
}

async function withDatabase<T>(admin: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `bench_${process.pid}_${Date.now()}`;
  const c = new Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  }
}

async function main(): Promise<void> {
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const rows: Array<[string, string]> = [];
  const dir = mkdtempSync(join(tmpdir(), 'jm-bench-hosts-'));
  const common = { H5_DIR: join(dir, 'no-h5'), SESSION_SECRET: 'bench-secret', FILES_DIR: join(dir, 'files') };
  try {
    const lite = await start({ ...common, DATA_DIR: join(dir, 'lite') });
    const a = await measure([lite]).finally(() => stop(lite));
    rows.push(['1 host, PGlite', `${a.perSecond.toFixed(0)} writes/s${a.failed ? ` (${a.failed} refused)` : ''}`]);
    if (!admin) rows.push(['PostgreSQL', 'skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL (bash scripts/pg-server.sh)']);
    else {
      await withDatabase(admin, async (url) => {
        const one = await start({ ...common, DATA_DIR: join(dir, 'pg1'), DATABASE_URL: url });
        const b = await measure([one]).finally(() => stop(one));
        rows.push(['1 host, PostgreSQL', `${b.perSecond.toFixed(0)} writes/s${b.failed ? ` (${b.failed} refused)` : ''}`]);
      });
      await withDatabase(admin, async (url) => {
        const two = await Promise.all([start({ ...common, DATA_DIR: join(dir, 'pg2a'), DATABASE_URL: url }), start({ ...common, DATA_DIR: join(dir, 'pg2b'), DATABASE_URL: url })]);
        const c = await measure(two).finally(() => Promise.all(two.map(stop)));
        rows.push(['2 hosts, one PostgreSQL', `${c.perSecond.toFixed(0)} writes/s${c.failed ? ` (${c.failed} refused)` : ''}`]);
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nkeyed meeting requests, ${WRITES} writes, ${WORKERS} at once (issue #24)`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(26)} ${v}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
