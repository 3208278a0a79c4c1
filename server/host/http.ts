// The local host (DESIGN.md "Two deployments"): one Node HTTP server that serves dist/h5 and
// exposes POST /api/<area> with the same body as callFunction, running the same function entries.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, HTTP_STATUS, type Envelope } from '../../domain';
import { DevClock, systemClock } from '../clock';
import type { ContentChecker } from '../content';
import { installRuntime, type Runtime } from '../runtime';
import type { Store } from '../store/port';
import { FUNCTIONS } from './areas';
import { devAllowed, devSignIn, listDevUsers, setDevClock } from './dev';
import { createLocalRuntime, type HostContext } from './local-runtime';
import { serveStatic } from './static';

const MAX_BODY = 256 * 1024;

export interface HostOptions {
  store: Store;
  content: ContentChecker;
  secret: string;
  h5Dir: string;
  host?: string;
  port?: number;
  quiet?: boolean;
}

export interface RunningHost {
  url: string;
  server: Server;
  clock: DevClock;
  runtime: Runtime;
  close(): Promise<void>;
}

function send(res: ServerResponse, envelope: Envelope<unknown>, status?: number): void {
  const code = status ?? (envelope.ok ? 200 : HTTP_STATUS[envelope.error.code]);
  res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(envelope));
}

function failure(code: ConstructorParameters<typeof AppError>[0], message?: string): Envelope<never> {
  return { ok: false, error: new AppError(code, message).toBody() };
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new AppError('validation_error', '请求内容过大'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch {
        reject(new AppError('validation_error', '请求不是有效的 JSON'));
      }
    });
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || undefined : undefined;
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const host = opts.host ?? '127.0.0.1';
  const dev = devAllowed(host);
  const clock = new DevClock();
  const runtime = createLocalRuntime({ store: opts.store, clock, secret: opts.secret, content: opts.content, quiet: opts.quiet });
  installRuntime(runtime);

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/api/health' && req.method === 'GET') return send(res, { ok: true, data: { now: clock.now().toISOString() } });
    if (path.startsWith('/api/dev/')) {
      if (!dev) return send(res, failure('not_found', '开发接口未启用'));
      if (path === '/api/dev/users' && req.method === 'GET') return send(res, { ok: true, data: await listDevUsers(opts.store) });
      if (path === '/api/dev/clock' && req.method === 'POST') return send(res, setDevClock(clock, await readJson(req)));
      return send(res, failure('not_found', '未知的开发接口'));
    }
    const area = /^\/api\/([a-z]+)$/.exec(path)?.[1];
    const fn = area ? FUNCTIONS[area] : undefined;
    if (!fn) return send(res, failure('not_found', '未知的功能模块'));
    if (req.method !== 'POST') return send(res, failure('validation_error', '请使用 POST'), 405);
    const body = await readJson(req);
    if (area === 'account' && (body as { action?: unknown } | null)?.action === 'devSignIn') {
      if (!dev) return send(res, failure('forbidden', '演示登录仅在本机开发模式下可用'));
      return send(res, await devSignIn(opts.store, opts.secret, systemClock.now(), (body as { payload?: unknown }).payload));
    }
    const context: HostContext = { sessionToken: bearer(req) };
    send(res, await fn.main(body, context));
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (!path.startsWith('/api/')) return serveStatic(opts.h5Dir, path, res);
    api(req, res, path).catch((e: unknown) => {
      if (e instanceof AppError) return send(res, { ok: false, error: e.toBody() });
      runtime.log('error', 'host failed', { path, error: String(e) });
      if (!res.headersSent) send(res, failure('internal'));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    server,
    clock,
    runtime,
    close: () =>
      new Promise<void>((resolve) => {
        installRuntime(null);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
