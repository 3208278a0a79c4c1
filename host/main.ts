// `npm start`: open the embedded database, seed the demo on first start, serve the app.
import { resolve } from 'node:path';
import { loadWordList, wordListChecker } from '../server/content';
import { seedDemo, seedOrgs } from '../server/seed';
import { loadSessionSecret } from '../server/security/session';
import { randomBytes } from 'node:crypto';
import { openPgStore } from '../server/store/pg';
import { openPgliteStore } from '../server/store/pglite';
import type { SqlStore } from '../server/store/sql';
import type { Store } from '../server/store/port';
import { startHost, type RunningHost } from './http';
import { stopTogether } from './lifecycle';
import { startTimers } from './timers';
import { isMainThread, workerData } from 'node:worker_threads';
import { runHeavyWorker } from './heavy-worker';
import type { HeavyWorkerData } from './heavy-protocol';

/** Issue #24: waits for the `seed` lease (a minute at most per try), runs `seed`, gives it back. */
async function whenSeedLeaseHeld<T>(sql: SqlStore, seed: () => Promise<T>): Promise<T> {
  const holder = `seed:${process.pid}:${randomBytes(4).toString('hex')}`;
  while (!(await sql.claimLease('seed', holder, 60_000))) await new Promise((r) => setTimeout(r, 200));
  try {
    return await seed();
  } finally {
    await sql.releaseLease('seed', holder);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  let store: Store | undefined;
  let host: RunningHost | undefined;
  let stopTimers: (() => void) | undefined;
  // Installed before anything opens, so a signal during start-up also stops cleanly.
  stopTogether(async () => {
    stopTimers?.();
    await host?.close();
    await store?.close();
  });
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const wordList = resolve(process.env.CONTENT_WORDLIST ?? 'server/content/wordlist.txt');
  // issue #24: a PostgreSQL server when DATABASE_URL names one (several hosts may share it), else PGlite
  const databaseUrl = process.env.DATABASE_URL;
  const sql = databaseUrl ? await openPgStore(databaseUrl) : await openPgliteStore(resolve(dataDir, 'pglite'));
  store = sql;
  const opened = store;
  // issue #11: production seeds the orgs and nobody; the first office account comes from `npm run setup`
  const production = process.env.NODE_ENV === 'production';
  // hosts starting together on one server seed one after the other (the second finds it done)
  const seeded = await whenSeedLeaseHeld(sql, () => (production ? seedOrgs(opened) : seedDemo(opened, new Date())));
  host = await startHost({
    store,
    // issue #24: on a shared server without SESSION_SECRET, the secret lives in the database, so a
    // session made by one host is valid on every other
    secret: databaseUrl && !process.env.SESSION_SECRET ? await sql.sharedSecret('session', randomBytes(32).toString('hex')) : loadSessionSecret(dataDir),
    content: wordListChecker(loadWordList(wordList)),
    h5Dir: resolve(process.env.H5_DIR ?? 'dist/h5'),
    // issue #24: several hosts share one files directory (FILES_DIR on a shared volume)
    filesDir: resolve(process.env.FILES_DIR ?? resolve(dataDir, 'files')),
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 8080),
    // issue #25: this same bundle, started in a worker thread, runs the heavy actions (from source, e.g. under a TS loader: inline)
    ...(/\.c?js$/.test(__filename) ? { heavyWorker: { script: __filename, wordList } } : {}),
  });
  stopTimers = startTimers(host.runtime);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`数据目录：${dataDir}（${seeded ? (production ? '已写入市、旗县区机构（无演示人员）' : '已写入演示数据') : '沿用已有数据'}）`);
  if (production && (await store.count('users', {})) === 0) console.log('尚无任何账号：请运行 npm run setup -- --org city --side gov --name 姓名 --login 登录名 开设第一个办公室账号');
  if (!host.dev) console.log('开发接口（演示登录、开发时钟）未启用：仅在本机回环地址且非 production 时可用');
  console.log(`联席会议已启动（${secs} 秒）：${host.url}`);
}

if (isMainThread) {
  main().catch((e: unknown) => {
    console.error('启动失败：', e);
    process.exit(1);
  });
} else {
  // issue #25: this bundle in the host's heavy-work thread (host/heavy.ts)
  runHeavyWorker((workerData as { heavyWorker: HeavyWorkerData }).heavyWorker);
}
