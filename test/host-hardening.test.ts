/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// The local host under requests a browser would never send (issue #6, defects 1, 3, 8, 9, 10, 12,
// and compressed static files): each test here failed before its fix.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressed, pickEncoding } from '../host/compress';
import { devEnabled } from '../host/dev';
import { isLoopbackBindHost, isLoopbackHostHeader } from '../host/loopback';
import { launchChromium, pinnedToDemoDay } from './support/browser';
import { startTestHost, type TestHost } from './support/host';

const root = join(__dirname, '..');
const h5 = join(root, 'dist', 'h5');

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json(): any;
}

/** A request exactly as written: no URL normalisation, any Host header (fetch allows neither). */
function raw(url: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

let host: TestHost;
beforeAll(async () => {
  if (!existsSync(join(h5, 'index.html'))) throw new Error('dist/h5 不存在：请先运行 npm run build:h5（npm test 会自动构建）');
  host = await startTestHost();
});
afterAll(() => host.stop());
afterEach(() => jest.restoreAllMocks());

const healthy = async () => expect((await raw(host.url, '/api/health')).status).toBe(200);
const entryJs = () => /src="\/(js\/app\.[0-9a-f]+\.js)"/.exec(readFileSync(join(h5, 'index.html'), 'utf8'))![1];

describe('no request stops the server (defect 1)', () => {
  it.each(['/%', '/%ff', '/%E0%A4%A', '/js/%00.js'])('answers %s with 400 and keeps serving', async (path) => {
    const res = await raw(host.url, path);
    expect(res.status).toBe(400);
    expect(res.body.toString()).toBe('请求路径无效');
    await healthy();
  });

  it('answers an unexpected failure with 500, logs it and keeps serving', async () => {
    const log = jest.spyOn(host.runtime, 'log').mockImplementation(() => undefined);
    jest.spyOn(host.store, 'find').mockRejectedValueOnce(new Error('disk gone'));
    const res = await raw(host.url, '/api/dev/users');
    expect(res.status).toBe(500);
    expect(res.json().error.code).toBe('internal');
    expect(log).toHaveBeenCalledWith('error', 'host failed', expect.objectContaining({ path: '/api/dev/users', error: 'Error: disk gone' }));
    await healthy();
  });
});

describe('unknown areas (defect 3)', () => {
  it.each(['constructor', 'nosuch'])('POST /api/%s is 404 not_found', async (area) => {
    const res = await host.post(area, { action: 'me', payload: {} });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });
});

describe('security headers (defect 8)', () => {
  const expectHeaders = (res: RawAnswer) => {
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
  };

  it('are on static files, API answers and refusals alike', async () => {
    for (const path of ['/', `/${entryJs()}`, '/js/missing.js', '/%', '/api/health', '/api/nosuch']) expectHeaders(await raw(host.url, path));
    expectHeaders(await raw(host.url, '/api/account', { method: 'POST', body: '{' }));
  });

  it("lets index.html run its one inline script by hash, never 'unsafe-inline' scripts", async () => {
    const res = await raw(host.url, '/');
    const policy = String(res.headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]+)/.exec(policy)![1];
    expect(scriptSrc).not.toContain('unsafe');
    expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/]+=*'/);
    expect((await raw(host.url, '/api/health')).headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('the H5 app signs in and shows a home in Chromium without one CSP violation', async () => {
    const browser = pinnedToDemoDay(await launchChromium());
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
      await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) => (window as any).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
      );
      await page.goto(host.url);
      await page.getByText('马春花').first().click({ timeout: 30000 });
      await page.waitForFunction(() => document.body.innerText.includes('我的议题') && document.body.innerText.includes('河套酒业集团'), null, { timeout: 30000 });
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('development routes answer only loopback, by bind address and Host (defect 9)', () => {
  it('takes only IP literals and localhost as a loopback bind host', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', '::1', '0:0:0:0:0:0:0:1', 'localhost']) expect(isLoopbackBindHost(h)).toBe(true);
    for (const h of ['127.evil.com', '127.0.0.1.nip.io', '0.0.0.0', '::', '192.168.1.2', 'localhost.evil.com', '']) expect(isLoopbackBindHost(h)).toBe(false);
    expect(devEnabled('127.evil.com', '127.0.0.1')).toBe(false);
    expect(devEnabled('localhost', '0.0.0.0')).toBe(false);
    expect(devEnabled('localhost', '::1')).toBe(true);
  });

  it('takes only loopback names and IPs, with an optional port, as Host', () => {
    for (const h of ['localhost', 'localhost:8080', 'LOCALHOST:1', '127.0.0.1', '127.0.0.1:8080', '127.1.2.3:80', '[::1]', '[::1]:8080']) expect(isLoopbackHostHeader(h)).toBe(true);
    for (const h of [undefined, '', 'evil.example', 'evil.example:8080', '127.evil.com', '127.0.0.1.evil.com:80', 'localhost.evil.com', '[::2]:80', '::1', '127.0.0.1:8080:1', '127.0.0.1@evil.example'])
      expect(isLoopbackHostHeader(h)).toBe(false);
  });

  it('refuses demo sign-in and every /api/dev route to a request naming another host', async () => {
    const port = new URL(host.url).port;
    const signIn = (h: string) =>
      raw(host.url, '/api/account', { method: 'POST', headers: { host: h, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'devSignIn', payload: { key: 'city-rep-ma' } }) });
    for (const h of ['evil.example', `evil.example:${port}`, `127.evil.com:${port}`]) {
      const res = await signIn(h);
      expect(res.status).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      for (const path of ['/api/dev/users', '/api/dev/metrics']) expect((await raw(host.url, path, { headers: { host: h } })).status).toBe(404);
      const clock = await raw(host.url, '/api/dev/clock', { method: 'POST', headers: { host: h }, body: '{"now":null}' });
      expect(clock.status).toBe(404);
    }
    for (const h of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const res = await signIn(h);
      expect(res.status).toBe(200);
      expect(typeof res.json().data.token).toBe('string');
    }
  });
});

describe('refusals are counted and every API call leaves a line (defect 10)', () => {
  const metrics = async () => (await raw(host.url, '/api/dev/metrics')).json().data;

  it('counts unknown areas and bad requests at GET /api/dev/metrics', async () => {
    const before = await metrics();
    await host.post('constructor', {});
    await raw(host.url, '/api/account', { method: 'POST', body: '{not json' });
    expect((await raw(host.url, '/api/account')).status).toBe(405);
    const big = await raw(host.url, '/api/account', { method: 'POST', body: JSON.stringify({ action: 'me', payload: { x: 'x'.repeat(300 * 1024) } }) });
    expect(big.status).toBe(413);
    expect(big.json().error.message).toBe('请求内容过大');
    await raw(host.url, '/%');
    const after = await metrics();
    expect(after.unknown_area - before.unknown_area).toBe(1);
    expect(after.bad_request - before.bad_request).toBe(4);
    await healthy();
  });

  it('logs method, path, status and duration at info level, and nothing personal', async () => {
    const log = jest.spyOn(host.runtime, 'log');
    const token = await host.signIn('city-rep-ma');
    await host.post('account', { action: 'me', payload: {} }, token);
    await host.post('account', { action: 'me', payload: {} });
    await host.post('account', { action: 'me', payload: { secretMarker: '马春花的秘密' } }, token);
    await new Promise((r) => setTimeout(r, 50)); // the line is written when the response closes
    const lines = log.mock.calls.filter(([, message]) => message === 'http').map(([level, , extra]) => ({ level, ...extra }));
    expect(lines).toEqual(
      expect.arrayContaining([
        { level: 'info', method: 'POST', path: '/api/account', status: 200, ms: expect.any(Number) },
        { level: 'info', method: 'POST', path: '/api/account', status: 401, ms: expect.any(Number) },
        { level: 'info', method: 'POST', path: '/api/account', status: 400, ms: expect.any(Number) },
      ]),
    );
    const written = JSON.stringify(log.mock.calls);
    for (const secret of [token, '马春花的秘密', 'city-rep-ma', '127.0.0.1']) expect(written).not.toContain(secret);
  });

  it('stays quiet in quiet mode: info lines are not printed', async () => {
    const print = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await raw(host.url, '/api/health');
    await new Promise((r) => setTimeout(r, 50));
    expect(print).not.toHaveBeenCalled();
  });
});

describe('compressed answers and caching (issue #25)', () => {
  it('compresses an API answer of over 1 KB for a client that accepts it, never a small one', async () => {
    const plainAnswer = await raw(host.url, '/api/dev/users');
    expect(plainAnswer.headers['content-encoding']).toBeUndefined();
    expect(plainAnswer.body.length).toBeGreaterThan(1024);
    const br = await raw(host.url, '/api/dev/users', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(plainAnswer.json());
    expect(br.body.length).toBeLessThan(plainAnswer.body.length / 3);
    const gz = await raw(host.url, '/api/dev/users', { headers: { 'accept-encoding': 'gzip' } });
    expect(JSON.parse(gunzipSync(gz.body).toString('utf8'))).toEqual(plainAnswer.json());
    console.log(`API answer (dev users): ${plainAnswer.body.length} B plain, ${gz.body.length} B gzip, ${br.body.length} B brotli`);
    const small = await raw(host.url, '/api/health', { headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().ok).toBe(true);
  });

  it('keeps hashed chunks for a year, and revalidates index.html by its ETag with the inline script still allowed', async () => {
    const chunk = await raw(host.url, `/${entryJs()}`);
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await raw(host.url, '/');
    expect(page.headers['cache-control']).toBe('no-cache');
    const etag = String(page.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await raw(host.url, '/', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // the 304 refreshes the cached headers: its policy must still let Taro's inline script run
    expect(String(again.headers['content-security-policy'])).toBe(String(page.headers['content-security-policy']));
    expect(String(again.headers['content-security-policy'])).toContain("'sha256-");
    const stale = await raw(host.url, '/', { headers: { 'if-none-match': 'W/"old"' } });
    expect(stale.status).toBe(200);
  });
});

describe('compressed static files', () => {
  it('sends the entry script brotli or gzip when accepted, plain when not, and says it varies', async () => {
    const path = `/${entryJs()}`;
    const plain = readFileSync(join(h5, path));
    const br = await raw(host.url, path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
    const gz = await raw(host.url, path, { headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain)).toBe(true);
    const none = await raw(host.url, path);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.headers.vary).toBe('Accept-Encoding');
    expect(none.body.equals(plain)).toBe(true);
    console.log(`H5 entry ${path}: ${plain.length} B plain, ${gz.body.length} B gzip, ${br.body.length} B brotli`);
    expect(br.body.length).toBeLessThan(plain.length / 2);
  });

  it('reads Accept-Encoding with weights', () => {
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('gzip;q=0, br;q=0')).toBeNull();
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('BR;q=0.5, gzip')).toBe('br');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('*;q=0, gzip;q=1')).toBe('gzip');
  });

  it('compresses a file once per version, again when it changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-compress-'));
    try {
      const file = join(dir, 'a.js');
      writeFileSync(file, 'let a = 1;'.repeat(1000));
      const v1 = statSync(file).mtimeMs;
      const first = await compressed(file, v1, 'br');
      expect(await compressed(file, v1, 'br')).toBe(first); // the very same bytes: not recompressed
      writeFileSync(file, 'let b = 2;'.repeat(1000));
      utimesSync(file, new Date(), new Date(v1 + 5000));
      const second = await compressed(file, statSync(file).mtimeMs, 'br');
      expect(brotliDecompressSync(second).toString()).toContain('let b = 2;');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm start stops as one process tree (defect 12)', () => {
  const READY = /已启动（[\d.]+ 秒）：(http:\S+)/;
  const dirs: string[] = [];
  const started: ChildProcess[] = [];
  afterAll(() => {
    // Whatever a failed test left behind: each group we started, by its own id.
    for (const c of started) {
      try {
        process.kill(-c.pid!, 'SIGKILL');
      } catch {
        // the group is gone: nothing was left behind
      }
      c.stdout?.destroy();
      c.stderr?.destroy();
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A pid that exists and is not a zombie (a re-parented zombie may never be reaped here). */
  function alive(pid: number): boolean {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    }
  }

  /** Starts a command in its own process group with a fresh DATA_DIR and a tiny H5 dir (no build). */
  function launch(command: string, args: string[]): { child: ChildProcess; ready: Promise<string> } {
    const data = mkdtempSync(join(tmpdir(), 'jm-tree-'));
    const h5dir = join(data, 'h5');
    mkdirSync(h5dir);
    writeFileSync(join(h5dir, 'index.html'), '<!doctype html><title>联席会议</title>');
    dirs.push(data);
    const env = { ...process.env, DATA_DIR: join(data, 'db'), H5_DIR: h5dir, PORT: '0', NODE_ENV: 'development' as const, npm_config_update_notifier: 'false' };
    const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    let out = '';
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line in 60 s:\n${out}`)), 60000);
      const onData = (c: Buffer) => {
        out += c.toString();
        const url = READY.exec(out)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
    });
    return { child, ready };
  }

  async function until(what: string, check: () => Promise<boolean> | boolean, ms = 10000): Promise<void> {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`still ${what} after ${ms} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const answering = (url: string) => fetch(`${url}api/health`).then(() => true, () => false);

  /** `npm start` runs ensure-deps first; with stale dependencies it would reinstall under our feet. */
  function requireFreshDeps(): void {
    const lock = statSync(join(root, 'package-lock.json')).mtimeMs;
    const installed = join(root, 'node_modules', '.package-lock.json');
    if (!existsSync(installed) || statSync(installed).mtimeMs < lock) throw new Error('依赖已过期：请先运行 npm ci（npm test 会自动安装）');
  }

  it.each(['SIGTERM', 'SIGKILL'] as const)('the server closes when npm start is sent %s', async (signal) => {
    requireFreshDeps();
    const { child, ready } = launch('npm', ['start']);
    const url = await ready;
    expect(await answering(url)).toBe(true);
    process.kill(child.pid!, signal);
    await until('answering', async () => !(await answering(url)));
  }, 90000);

  it('a build child and everything it started stop with start.cjs', async () => {
    // runChild is what runs `taro build`; here it runs a child that starts a grandchild of its own.
    const script = [
      "const { spawn } = require('node:child_process');",
      "const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
      "console.log('pids', process.pid, g.pid); setInterval(() => {}, 1000);",
    ].join(' ');
    const runner = spawn(process.execPath, ['-e', `require('./scripts/start.cjs').runChild(process.execPath, ['-e', ${JSON.stringify(script)}])`], {
      cwd: root, detached: true, stdio: ['ignore', 'pipe', 'inherit'],
    });
    started.push(runner);
    const pids = await new Promise<number[]>((resolve) => {
      let out = '';
      runner.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /pids (\d+) (\d+)/.exec(out);
        if (m) resolve([Number(m[1]), Number(m[2])]);
      });
    });
    try {
      expect(pids.every(alive)).toBe(true);
      process.kill(runner.pid!, 'SIGTERM');
      await until('running', () => !pids.some(alive) && !alive(runner.pid!));
    } finally {
      for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL'); // only if the test failed
    }
  }, 30000);
});
