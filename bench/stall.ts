// Issue #25 "No call stalls the others": a real host (host/main.ts in its own process, PGlite) with
// scaled data. Two runs, figures only (never asserted):
//  1. light reads (account.me, a few ms) at a steady rate, alone and while a heavy job (the meeting
//     archive .zip, the assessment workbook, the assessment overview) runs back to back: p50/p95/p99;
//  2. N connections (8/32/64) calling light reads back to back, keep-alive on and off: the
//     client's latency beside the server's own time (the answer's `server-timing` header).
//   node scripts/run-ts.cjs bench/stall.ts   (npm run bench:stall)
//   STALL_SCALE=40   copies of the held city meeting's topics and tasks added to the demo seed
//   STALL_SECONDS=6  length of each measured window
//   STALL_MODES=inline,worker  the host with heavy actions on its main thread (HEAVY_WORKER=0), then in its worker
//   --only-concurrency / --only-stall   one of the two runs (the concurrency run: on the last mode's host)
import { request, Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { seedDemo } from '../server/seed';
import { openPgliteStore } from '../server/store/pglite';
import { findAll, type StoredDoc } from '../server/store/port';
import { startRealHost, type RealHost } from '../test/support/real-host';

const repo = process.cwd();
const SCALE = Number(process.env.STALL_SCALE ?? 40);
const SECONDS = Number(process.env.STALL_SECONDS ?? 6);
const READ_EVERY_MS = 10;
const args = process.argv.slice(2);
const YEAR = new Date().getUTCFullYear();

type Doc = StoredDoc & Record<string, unknown>;

/** The demo seed plus SCALE copies of the held city meeting's topics and tasks (archive and assessment read them). */
async function prepare(dataDir: string): Promise<Record<string, number>> {
  const store = await openPgliteStore(join(dataDir, 'pglite'));
  try {
    await seedDemo(store, new Date());
    const docs: Array<{ collection: string; doc: Doc }> = [];
    for (const collection of ['topics', 'tasks']) {
      const rows = await findAll<Doc>(store, collection, { meetingId: 'm-city-last' });
      for (let k = 0; k < SCALE; k += 1) {
        for (const r of rows) {
          const { _id, ...rest } = r;
          const doc: Doc = { ...rest, _id: `${_id}-x${k}`, title: `${String(r.title)}（副本 ${k + 1}）` };
          for (const key of Object.keys(doc)) if (doc[key] === undefined || key === 'version' || key === 'updatedAt' || key === 'createdAt') delete doc[key];
          docs.push({ collection, doc });
        }
      }
    }
    for (let i = 0; i < docs.length; i += 200) {
      const batch = docs.slice(i, i + 200);
      await store.transaction(async (tx) => {
        for (const { collection, doc } of batch) await tx.insert(collection, doc as never);
      });
    }
    await store.maintain();
    const out: Record<string, number> = {};
    for (const c of ['topics', 'tasks', 'meetings', 'users']) out[c] = await store.count(c, {});
    return out;
  } finally {
    await store.close();
  }
}

interface Answer {
  status: number;
  ms: number;
  serverMs: number | null;
  text: string;
  /** the phases of the client's time: waiting for a socket, connecting (0 on a reused one), until the head, the body */
  phases: { socket: number; connect: number; head: number; body: number; reused: boolean; accept: number };
}

/** One POST over node:http with `agent` (keep-alive or not); the client's time and the server's. */
function post(h: RealHost, agent: Agent, path: string, body: unknown, token?: string): Promise<Answer> {
  const started = performance.now();
  const data = Buffer.from(JSON.stringify(body));
  let socketAt = NaN;
  let connectedAt = NaN;
  let headAt = NaN;
  return new Promise((resolve, reject) => {
    const req = request(
      `${h.url}${path}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(data.length), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        headAt = performance.now();
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const timing = /app;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))?.[1];
          const accept = /accept;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))?.[1];
          const end = performance.now();
          const connected = Number.isNaN(connectedAt) ? socketAt : connectedAt;
          resolve({
            status: res.statusCode ?? 0, ms: end - started, serverMs: timing === undefined ? null : Number(timing), text: Buffer.concat(chunks).toString('utf8'),
            phases: { socket: socketAt - started, connect: connected - socketAt, head: headAt - connected, body: end - headAt, reused: req.reusedSocket, accept: accept === undefined ? NaN : Number(accept) },
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.once('socket', (socket) => {
      socketAt = performance.now();
      if (socket.connecting) socket.once('connect', () => (connectedAt = performance.now()));
    });
    req.end(data);
  });
}

/** GET a dev route's data (the host's event-loop delay since the last call: /api/dev/loop). */
function getJson<T>(h: RealHost, path: string): Promise<T> {
  return new Promise((resolve, reject) => {
    request(`${h.url}${path}`, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: T }).data));
    }).on('error', reject).end();
  });
}

/** The bench's own event loop (a busy client adds its own wait to what it measures). */
const ownLoop = monitorEventLoopDelay({ resolution: 10 });
ownLoop.enable();

interface Loop { p50: number; p99: number; max: number; utilization: number; mainCpuMs: number | null; mainWaitedMs: number | null }
/** "host loop max X / p99 Y, bench loop max Z" since the last call (both reset). */
async function loops(h: RealHost): Promise<string> {
  return (await loopFigures(h)).line;
}

async function loopFigures(h: RealHost): Promise<{ line: string; mainCpuMs: number | null }> {
  const l = await getJson<Loop>(h, 'api/dev/loop');
  const mine = { p99: ownLoop.percentile(99) / 1e6, max: ownLoop.max / 1e6 };
  ownLoop.reset();
  return {
    line: `host main thread: busy ${Math.round(l.utilization * 100)}%, CPU ${l.mainCpuMs ?? '—'} ms, waiting for a CPU ${l.mainWaitedMs ?? '—'} ms; event-loop delay: host p99 ${f(l.p99)} max ${f(l.max)} ms, bench p99 ${f(mine.p99)} max ${f(mine.max)} ms`,
    mainCpuMs: l.mainCpuMs,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pct(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const f = (n: number) => (Number.isNaN(n) ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const row = (xs: number[]) => `p50 ${f(pct(xs, 50)).padStart(6)}  p95 ${f(pct(xs, 95)).padStart(6)}  p99 ${f(pct(xs, 99)).padStart(6)}  max ${f(Math.max(...xs)).padStart(6)} ms  (n=${xs.length})`;

async function signIn(h: RealHost, agent: Agent, key: string): Promise<string> {
  const r = await post(h, agent, 'api/account', { action: 'devSignIn', payload: { key } });
  const token = (JSON.parse(r.text) as { data?: { token?: string } }).data?.token;
  if (!token) throw new Error(`sign-in of ${key} failed: ${r.text.slice(0, 200)}`);
  return token;
}

const LIGHT = { action: 'me', payload: {} };
/** why light reads failed (the message, how often) */
const failures = new Map<string, number>();

/** Light reads every READ_EVERY_MS for `ms` (each on its own, not waiting for the one before). */
async function steadyReads(h: RealHost, agent: Agent, token: string, ms: number): Promise<{ client: number[]; server: number[]; failed: number }> {
  const client: number[] = [];
  const server: number[] = [];
  let failed = 0;
  const pending: Array<Promise<void>> = [];
  const end = performance.now() + ms;
  let next = performance.now();
  while (performance.now() < end) {
    pending.push(
      post(h, agent, 'api/account', LIGHT, token).then(
        (a) => {
          if (a.status !== 200) failed += 1;
          client.push(a.ms);
          if (a.serverMs !== null) server.push(a.serverMs);
        },
        (e: unknown) => {
          failed += 1;
          failures.set(String(e), (failures.get(String(e)) ?? 0) + 1);
        },
      ),
    );
    next += READ_EVERY_MS;
    await sleep(Math.max(0, next - performance.now()));
  }
  await Promise.all(pending);
  return { client, server, failed };
}

interface Heavy { label: string; fn: string; action: string; payload: unknown; key: string }

const HEAVY: Heavy[] = [
  { label: 'meeting.archive (.zip)', fn: 'meetingFiles', action: 'archive', payload: { meetingId: 'm-city-last' }, key: 'city-gov-office' },
  { label: 'compliance.export (.xlsx)', fn: 'compliance', action: 'export', payload: { year: YEAR - 1 }, key: 'city-gov-office' },
  { label: 'compliance.overview', fn: 'compliance', action: 'overview', payload: { year: YEAR - 1 }, key: 'city-gov-office' },
];

async function stallRun(h: RealHost): Promise<string[]> {
  const out: string[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const light = await signIn(h, agent, 'city-union-office');
  // warm the JIT, the query plans and each heavy path once
  await steadyReads(h, agent, light, 1000);
  await loops(h);
  const alone = await steadyReads(h, agent, light, SECONDS * 1000);
  out.push(`light reads (account.me every ${READ_EVERY_MS} ms, ${SECONDS} s), nothing else running`);
  const aloneLoop = await loopFigures(h);
  out.push(`  client  ${row(alone.client)}`, `  server  ${row(alone.server)}`, `  ${aloneLoop.line}`);
  for (const heavy of HEAVY) {
    const token = await signIn(h, agent, heavy.key);
    const once = await post(h, agent, `api/${heavy.fn}`, { action: heavy.action, payload: heavy.payload }, token);
    if (once.status !== 200) throw new Error(`${heavy.label}: ${once.status} ${once.text.slice(0, 300)}`);
    const jobs: number[] = [];
    let stop = false;
    const runner = (async () => {
      while (!stop) jobs.push((await post(h, agent, `api/${heavy.fn}`, { action: heavy.action, payload: heavy.payload }, token)).ms);
    })();
    await sleep(50);
    await loops(h);
    const during = await steadyReads(h, agent, light, SECONDS * 1000);
    const duringLoop = await loopFigures(h);
    const loopLine = duringLoop.line;
    stop = true;
    await runner;
    // what one run of the heavy job cost the main thread: the window's CPU beyond the light reads' own
    const perRun = duringLoop.mainCpuMs !== null && aloneLoop.mainCpuMs !== null && jobs.length ? (duringLoop.mainCpuMs - aloneLoop.mainCpuMs) / jobs.length : NaN;
    out.push(`with ${heavy.label} back to back (each ${f(pct(jobs, 50))} ms median, ${jobs.length} runs; main-thread CPU per run ≈ ${f(perRun)} ms)`);
    out.push(`  client  ${row(during.client)}${during.failed ? `  ${during.failed} failed` : ''}`, `  server  ${row(during.server)}`, `  ${loopLine}`);
  }
  agent.destroy();
  return out;
}

async function concurrencyRun(h: RealHost): Promise<string[]> {
  const out: string[] = [`light reads back to back over N connections, ${Math.min(SECONDS, 4)} s each`];
  const seconds = Math.min(SECONDS, 4);
  const token = await signIn(h, new Agent({ keepAlive: false }), 'city-union-office');
  for (const keepAlive of [true, false]) {
    for (const n of [8, 32, 64]) {
      const agent = new Agent({ keepAlive, maxSockets: n });
      const client: number[] = [];
      const server: number[] = [];
      const slow: Answer['phases'][] = [];
      let failed = 0;
      await loops(h);
      const end = performance.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: n }, async () => {
          while (performance.now() < end) {
            try {
              const a = await post(h, agent, 'api/account', LIGHT, token);
              client.push(a.ms);
              if (a.serverMs !== null) server.push(a.serverMs);
              if (a.status !== 200) failed += 1;
              if (a.ms > 1000) slow.push(a.phases);
            } catch (e) {
              failed += 1;
              failures.set(String(e), (failures.get(String(e)) ?? 0) + 1);
            }
          }
        }),
      );
      agent.destroy();
      out.push(`  ${String(n).padStart(2)} connections, keep-alive ${keepAlive ? 'on ' : 'off'}: ${(client.length / seconds).toFixed(0)} req/s${failed ? `, ${failed} failed` : ''}`);
      out.push(`     client  ${row(client)}`, `     server  ${row(server)}`, `     ${await loops(h)}`);
      if (slow.length) {
        const sum = (k: 'socket' | 'connect' | 'head' | 'body' | 'accept') => f(slow.reduce((t, p) => t + p[k], 0) / slow.length);
        out.push(`     ${slow.length} over 1 s (${slow.filter((p) => !p.reused).length} on a new connection), mean phases: socket ${sum('socket')}, connect ${sum('connect')}, head ${sum('head')} (of it from the server's accept to its handler ${sum('accept')}), body ${sum('body')} ms`);
      }
      await sleep(300);
    }
  }
  return out;
}

/** The two ways the host runs heavy actions: on its main thread (HEAVY_WORKER=0, as before issue #25) and in its worker. */
const MODES = (process.env.STALL_MODES ?? 'inline,worker').split(',');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jm-bench-stall-'));
  const lines: string[] = [];
  let host: RealHost | undefined;
  try {
    process.stdout.write(`preparing data (demo seed + ${SCALE} copies of the held meeting's topics and tasks) … `);
    const counts = await prepare(dir);
    console.log(Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '));
    for (const mode of MODES) {
      process.stdout.write(`host with heavy actions ${mode === 'inline' ? 'on its main thread' : 'in its worker thread'} … `);
      host = await startRealHost('host', ['scripts/run-ts.cjs', 'host/main.ts'], { DATA_DIR: dir, H5_DIR: join(dir, 'no-h5'), SESSION_SECRET: 'bench-secret', HEAVY_WORKER: mode === 'inline' ? '0' : '1' }, { timeoutMs: 120_000, cwd: repo });
      // real-host.ts keeps every line the host prints and searches all of it again per chunk (for the
      // ready line): at hundreds of logged requests a second that work lands in the client measuring.
      // Without STALL_KEEP_OUTPUT the bench reads the host's output and drops it once the host is ready.
      if (!process.env.STALL_KEEP_OUTPUT) {
        host.child.stdout!.removeAllListeners('data');
        host.child.stdout!.on('data', () => undefined);
      }
      lines.push('', `== heavy actions ${mode === 'inline' ? 'on the main thread (HEAVY_WORKER=0)' : 'in the worker thread'}`);
      if (!args.includes('--only-concurrency')) lines.push(...(await stallRun(host)));
      if (!args.includes('--only-stall') && (mode === 'worker' || MODES.length === 1)) lines.push(...(await concurrencyRun(host)));
      await stop(host);
      host = undefined;
      console.log('done');
    }
  } finally {
    if (host) await stop(host);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nissue #25 stall bench, scale ${SCALE}, node ${process.version}`);
  for (const l of lines) console.log(l);
  if (failures.size) console.log(`\nfailed requests: ${[...failures].map(([m, n]) => `${n}× ${m}`).join('; ')}`);
}

const stop = (h: RealHost) => new Promise<void>((r) => (h.child.exitCode !== null ? r() : (h.child.once('exit', () => r()), h.child.kill('SIGTERM'))));

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
