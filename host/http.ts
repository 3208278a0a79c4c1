// The local host (DESIGN.md "Two deployments"): one Node HTTP server that serves dist/h5 and
// exposes POST /api/<area> with the same body as callFunction, running the same function entries.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { AppError, EVIDENCE_MAX_BYTES, HTTP_STATUS, type Envelope, type ErrorCode } from '../domain';
import { withTypeExtension } from '../domain/files';
import { judgeEvidence } from '../server/security/evidence-bytes';
import { takeUploadQuota } from '../server/security/uploads';
import { DevClock, systemClock } from '../server/kit/clock';
import type { ContentChecker } from '../server/content';
import { countRefusal, refusalCounts } from '../server/kit/metrics';
import { installRuntime } from '../server/kit/install';
import type { Runtime } from '../server/kit/runtime';
import type { Store } from '../server/store/port';
import { FUNCTION_MAP } from './areas';
import { HostRefusal, readBytes, readJson } from './body';
import { devEnabled, devRequestAllowed, devSignIn, listDevUsers, setDevClock } from './dev';
import { API_POLICY, appPolicy, setSecurityHeaders } from './headers';
import { createLocalRuntime, type HostContext } from '../server/platform/local/runtime';
import { LocalFiles, localCodes } from '../server/platform/local/files';
import { DevOutbox } from '../server/platform/local/dev-outbox';
import { identify } from '../server/security/identity';
import { dispatch } from '../server/kit/router';
import { serveStatic } from './static';
import { ANSWER_ASYNC_BYTES, compressAnswer, compressAnswerAsync, pickEncoding, type Encoding } from './compress';
import { startUploadSweep } from './timers';
import { HeavyWork, isHeavy } from './heavy';

export interface HostOptions {
  store: Store;
  content: ContentChecker;
  secret: string;
  h5Dir: string;
  /** where downloads the actions make are kept (default: a folder in the system's temp dir) */
  filesDir?: string;
  host?: string;
  port?: number;
  quiet?: boolean;
  /**
   * Issue #25: run the heavy actions (host/heavy.ts HEAVY_ACTIONS) in a worker thread that loads
   * `script` (the host's own bundle; host/main.ts) and checks content with the word list at
   * `wordList`. Without it (tests importing the host from source) they run on this thread.
   * HEAVY_WORKER=0 in the environment turns it off.
   */
  heavyWorker?: { script: string; wordList: string };
}

export interface RunningHost {
  url: string;
  server: Server;
  clock: DevClock;
  runtime: Runtime;
  /** whether development routes are offered at all (production and non-loopback binds: never) */
  dev: boolean;
  close(): Promise<void>;
}

/** How much of a too-large body is read and dropped so the 413 reaches the client (issue #17). */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
const DRAIN_MAX_MS = 10_000;

/** Each API request's Accept-Encoding, so every answer can be compressed without passing `req` around. */
const acceptedEncoding = new WeakMap<ServerResponse, Encoding | null>();
/** Issue #25: when each API request reached the handler, for its `server-timing` header. */
const startedAt = new WeakMap<ServerResponse, number>();
/** Issue #25: when each connection was accepted (diagnostics: a request's wait before its handler). */
const acceptedAt = new WeakMap<object, number>();

function send(res: ServerResponse, envelope: Envelope<unknown>, status?: number, extra: Record<string, string> = {}): void {
  const code = status ?? (envelope.ok ? 200 : HTTP_STATUS[envelope.error.code]);
  const body = Buffer.from(JSON.stringify(envelope), 'utf8');
  const encoding = acceptedEncoding.get(res) ?? null;
  const write = ({ bytes, encoding: used }: { bytes: Buffer; encoding: Encoding | null }) => {
    if (res.headersSent || res.destroyed) return;
    const started = startedAt.get(res);
    res.writeHead(code, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'Accept-Encoding',
      ...(used ? { 'content-encoding': used } : {}),
      'content-length': String(bytes.length),
      // issue #25: the server's own time for this answer (reading, the action, JSON, compression)
      ...(started === undefined ? {} : { 'server-timing': serverTiming(res, started) }),
      ...extra,
    });
    res.end(bytes);
  };
  // issue #25: a large answer is compressed on the thread pool; the event loop answers others meanwhile
  if (encoding && body.length >= ANSWER_ASYNC_BYTES) {
    compressAnswerAsync(body, encoding).then(write, () => write({ bytes: body, encoding: null }));
    return;
  }
  write(compressAnswer(body, encoding));
}

/**
 * This process's main thread: its CPU time and its time runnable but not run (waiting for a CPU),
 * in ms, from Linux's /proc schedstat; null elsewhere.
 */
function mainThreadCpuMs(): { cpu: number; waited: number } | null {
  try {
    const [cpu, waited] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { cpu: cpu / 1e6, waited: waited / 1e6 };
  } catch {
    return null;
  }
}

function serverTiming(res: ServerResponse, started: number): string {
  const accepted = acceptedAt.get(res.socket ?? {});
  const wait = accepted === undefined ? '' : `, accept;dur=${(started - accepted).toFixed(1)}`;
  if (res.socket) acceptedAt.delete(res.socket); // only a connection's first request waited for it
  return `app;dur=${(performance.now() - started).toFixed(1)}${wait}`;
}

function failure(code: ErrorCode, message?: string): Envelope<never> {
  return { ok: false, error: new AppError(code, message).toBody() };
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || undefined : undefined;
}

function isDevSignIn(area: string, body: unknown): body is { payload?: unknown } {
  return area === 'account' && typeof body === 'object' && body !== null && (body as { action?: unknown }).action === 'devSignIn';
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const host = opts.host ?? '127.0.0.1';
  const clock = new DevClock();
  const filesDir = opts.filesDir ?? join(tmpdir(), `joint-meeting-files-${process.pid}`);
  const files = new LocalFiles(filesDir);
  let baseUrl = '';
  const devOutbox = new DevOutbox(clock);
  const runtime = createLocalRuntime({
    store: opts.store, clock, secret: opts.secret, content: opts.content, quiet: opts.quiet, files, codes: localCodes(() => baseUrl), sender: devOutbox, sms: devOutbox.sms,
  });
  installRuntime(runtime);
  const heavy =
    opts.heavyWorker && process.env.HEAVY_WORKER !== '0'
      ? new HeavyWork({
          script: opts.heavyWorker.script, store: opts.store, clock, log: runtime.log,
          data: { secret: opts.secret, filesDir, wordList: opts.heavyWorker.wordList, quiet: opts.quiet ?? false },
        })
      : null;
  const stopUploadSweep = startUploadSweep(opts.store, files, runtime.log);
  let dev = false; // decided once the socket is bound, before any request arrives
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let elu = performance.eventLoopUtilization();
  let cpu = mainThreadCpuMs();
  /** since the last call: the loop's delays, how busy it was (0..1), the main thread's CPU time */
  const loopDelay = () => {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const now = mainThreadCpuMs();
    const out = {
      p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max),
      utilization: Math.round(performance.eventLoopUtilization(elu).utilization * 100) / 100,
      mainCpuMs: now === null || cpu === null ? null : Math.round(now.cpu - cpu.cpu),
      mainWaitedMs: now === null || cpu === null ? null : Math.round(now.waited - cpu.waited),
    };
    loop.reset();
    elu = performance.eventLoopUtilization();
    cpu = now;
    return out;
  };

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/api/health' && req.method === 'GET') return send(res, { ok: true, data: { now: clock.now().toISOString() } });
    if (path.startsWith('/api/dev/')) {
      if (!devRequestAllowed(dev, req.headers.host)) throw new HostRefusal(404, 'not_found', '开发接口未启用');
      if (path === '/api/dev/users' && req.method === 'GET') return send(res, { ok: true, data: await listDevUsers(opts.store) });
      if (path === '/api/dev/clock' && req.method === 'POST') return send(res, setDevClock(clock, await readJson(req)));
      if (path === '/api/dev/metrics' && req.method === 'GET') return send(res, { ok: true, data: refusalCounts() });
      // issue #25: how long the event loop was held since the last call (ms), then reset
      if (path === '/api/dev/loop' && req.method === 'GET') return send(res, { ok: true, data: loopDelay() });
      // issue #10: one reminders tick at the dev clock; what would have gone to WeChat; a WeChat error to answer
      if (path === '/api/dev/tick' && req.method === 'POST') {
        const r = await dispatch(FUNCTION_MAP.get('reminders')!.area, { action: 'tick', payload: {} }, {}, runtime, { kind: 'system', name: 'dev-tick' });
        return send(res, r.envelope);
      }
      if (path === '/api/dev/outbox' && req.method === 'GET') return send(res, { ok: true, data: devOutbox.list() });
      if (path === '/api/dev/outbox/fail' && req.method === 'POST') return send(res, devOutbox.fail(await readJson(req)));
      throw new HostRefusal(404, 'not_found', '未知的开发接口');
    }
    if (path === '/api/upload' && req.method === 'POST') return receiveUpload(req, res);
    const fileId = /^\/api\/files\/([^/]+)$/.exec(path)?.[1];
    if (fileId !== undefined && req.method === 'GET') return sendFile(req, res, fileId);
    // a cloud function's name (domain/functions.ts): an area's, or one serving some of an area's actions apart
    const area = /^\/api\/([a-zA-Z]+)$/.exec(path)?.[1];
    // A Map, not an object lookup: `constructor` must not find Object's own members (defect 3).
    const fn = area === undefined ? undefined : FUNCTION_MAP.get(area);
    if (!area || !fn) throw new HostRefusal(404, 'not_found', '未知的功能模块', 'unknown_area');
    if (req.method !== 'POST') return refuse(res, new HostRefusal(405, 'validation_error', '请使用 POST'), { allow: 'POST' });
    const body = await readJson(req);
    if (isDevSignIn(area, body)) {
      if (!devRequestAllowed(dev, req.headers.host)) throw new HostRefusal(403, 'forbidden', '演示登录仅在本机开发模式下可用');
      return send(res, await devSignIn(opts.store, opts.secret, systemClock.now(), body.payload));
    }
    const context: HostContext = { sessionToken: bearer(req), ...devOpenidOf(req), client: req.socket.remoteAddress ?? 'unknown' };
    // issue #25: the actions that build files run in the worker thread, off this event loop
    send(res, heavy && isHeavy(fn.area.name, body) ? await heavy.run(area, body, context, baseUrl) : await fn.main(body, context));
  }

  /**
   * Issue #11: outside production, on loopback, `x-dev-openid` makes the request a WeChat call from
   * that openid (the path getWXContext() takes in the cloud); anywhere else the header is refused.
   */
  function devOpenidOf(req: IncomingMessage): Pick<HostContext, 'devOpenid'> {
    const raw = req.headers['x-dev-openid'];
    if (raw === undefined) return {};
    if (!devRequestAllowed(dev, req.headers.host)) throw new HostRefusal(403, 'forbidden', 'x-dev-openid 仅在本机开发模式下可用');
    if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw new HostRefusal(400, 'validation_error', 'x-dev-openid 格式不正确');
    return { devOpenid: raw };
  }

  /**
   * Issue #17: the host's own routes identify a caller exactly as actions do (`identify()`: an
   * active person whose session epoch is current), so a token from before a sign-out, a
   * deactivation, a role or password change is refused here too (401), not only by actions.
   */
  async function sessionPerson(req: IncomingMessage): Promise<string> {
    const token = bearer(req);
    const principal = token ? runtime.principal({ sessionToken: token } satisfies HostContext) : null;
    const actor = principal?.kind === 'user' ? await identify(opts.store, principal) : null;
    if (!actor || actor.system) throw new HostRefusal(401, 'unauthenticated', '请先登录');
    return actor.id;
  }

  /** A download, only to the session of the person it was made for (anyone else: 404). */
  async function sendFile(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const userId = await sessionPerson(req);
    const file = files.open(id, userId);
    if (!file) throw new HostRefusal(404, 'not_found', '文件不存在或已失效');
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': String(file.bytes.length),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
    });
    res.end(file.bytes);
  }

  /**
   * Evidence (Art. 11) from the signed-in person: a photo or a PDF of at most 10 MB, judged by its
   * bytes. The local stand-in for wx.cloud.uploadFile; `task.complete` then names the file id.
   */
  async function receiveUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const userId = await sessionPerson(req);
    const bytes = await readBytes(req, EVIDENCE_MAX_BYTES, '文件不能超过 10 MB');
    // issue #17: judged by the whole bytes' structure, not only the magic number
    const verdict = judgeEvidence(bytes);
    if (!verdict.ok) throw new HostRefusal(400, 'validation_error', verdict.problem);
    const contentType = verdict.type;
    // issue #17: a quota per person and day (files and bytes), taken only for a file that is kept
    await takeUploadQuota(opts.store, userId, bytes.length, clock.now());
    let rawName = 'evidence';
    try {
      rawName = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
    } catch {
      // a malformed name is replaced, never trusted
    }
    // stored cleaned (no CR/LF, no path), its extension the judged type's
    const fileName = withTypeExtension(rawName, contentType);
    const fileId = files.upload({ fileName, bytes, contentType, ownerId: userId });
    send(res, { ok: true, data: { fileId, fileName, contentType, size: bytes.length } });
  }

  function refuse(res: ServerResponse, r: HostRefusal, extra: Record<string, string> = {}): void {
    countRefusal(r.kind);
    send(res, failure(r.code, r.message), r.status, extra);
  }

  /**
   * Issue #17: a body refused as too large is read to its end (and thrown away) before the 413 goes
   * out, so the client, still sending, gets the answer rather than a reset. Bounded: at most
   * DRAIN_MAX_BYTES more or DRAIN_MAX_MS; past that the connection is closed as before.
   */
  function drain(req: IncomingMessage): Promise<void> {
    return new Promise((resolve) => {
      if (req.complete || req.destroyed) return resolve();
      let seen = 0;
      const done = () => {
        clearTimeout(timer);
        req.off('data', count);
        resolve();
      };
      const count = (c: Buffer) => {
        seen += c.length;
        if (seen > DRAIN_MAX_BYTES) done();
      };
      const timer = setTimeout(done, DRAIN_MAX_MS);
      req.on('data', count);
      req.once('end', done);
      req.once('close', done);
      req.resume();
    });
  }

  /** Every request ends here, whatever it is: one malformed request must never stop the process. */
  async function answerFailure(req: IncomingMessage, res: ServerResponse, path: string, e: unknown): Promise<void> {
    if (res.headersSent) return void res.destroy();
    if (e instanceof HostRefusal && e.status === 413) await drain(req);
    if (res.headersSent || res.destroyed) return;
    // A body left unread (refused before or while reading) is not waited for.
    const extra: Record<string, string> = req.complete ? {} : { connection: 'close' };
    if (e instanceof HostRefusal) return refuse(res, e, extra);
    if (e instanceof AppError) return send(res, { ok: false, error: e.toBody() }, undefined, extra);
    runtime.log('error', 'host failed', { method: req.method, path: path.slice(0, 200), error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    send(res, failure('internal'), 500, extra);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!path.startsWith('/api/')) {
      setSecurityHeaders(res, appPolicy());
      return serveStatic(opts.h5Dir, path, req, res);
    }
    setSecurityHeaders(res, API_POLICY);
    acceptedEncoding.set(res, pickEncoding(req.headers['accept-encoding']));
    const started = performance.now();
    startedAt.set(res, started);
    // One line per API call, refused ones included: what was called and how it ended, never who
    // called (no token, no body, no address).
    res.on('close', () =>
      runtime.log('info', 'http', { method: req.method, path: path.slice(0, 200), status: res.statusCode, ms: Math.round(performance.now() - started) }),
    );
    return api(req, res, path);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    handle(req, res, path).catch((e: unknown) =>
      answerFailure(req, res, path, e).catch((again: unknown) => {
        runtime.log('error', 'host failed to answer', { error: String(again) });
        res.destroy();
      }),
    );
  });
  server.on('connection', (socket) => acceptedAt.set(socket, performance.now()));
  // Issue #25: an idle keep-alive connection is kept 65 s (Node's default: 5 s). Clients that keep
  // idle sockets longer than the server (Node's own agent keeps them until the server closes) reuse
  // one just as the server closes it and get ECONNRESET; measured by bench/stall.ts while a heavy
  // action held the loop. The headers' timeout stays above it, as Node asks.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  dev = devEnabled(host, address);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${shownHost}:${port}/`;
  return {
    url: baseUrl,
    server,
    clock,
    runtime,
    dev,
    close: () =>
      new Promise<void>((resolve) => {
        installRuntime(null);
        stopUploadSweep();
        loop.disable();
        void heavy?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
