// A real local host in its own process (host/main.ts, run from source or from a prebuilt bundle),
// for the tests that kill one with -9 or run several against one database: started, its URL read
// from the ready line it prints, killed, and called over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface RealHost {
  name: string;
  child: ChildProcess;
  url: string;
}

const ROOT = join(__dirname, '..', '..');

/**
 * Starts `args` (e.g. `['scripts/run-ts.cjs', 'host/main.ts']` or a bundle's path) with `env` over
 * the test's environment, on a free port in development mode; resolves once the host prints its
 * ready line, rejects if it exits first or stays silent for `timeoutMs`. `cwd` is the repository
 * (a caller bundled elsewhere, like the bench, names it).
 */
export function startRealHost(name: string, args: string[], env: Record<string, string>, { timeoutMs = 60_000, cwd = ROOT } = {}): Promise<RealHost> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env, PORT: '0', NODE_ENV: 'development' } });
    // what the host printed until it was ready (for the error); after that nothing is kept, so a
    // long run's logging costs the test process nothing
    let output = '';
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`${name}: no ready line in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    child.stdout!.on('data', (c: Buffer) => {
      if (ready) return;
      output += c.toString();
      const url = /已启动（[\d.]+ 秒）：(http:\S+)/.exec(output)?.[1];
      if (url) {
        ready = true;
        clearTimeout(timer);
        resolve({ name, child, url });
      }
    });
    child.stderr!.on('data', (c: Buffer) => {
      if (!ready) output += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** kill -9, resolved once the process is gone (at once if it already is). */
export function kill9(h: RealHost): Promise<void> {
  return new Promise((resolve) => {
    if (h.child.exitCode !== null || h.child.signalCode !== null) return resolve();
    h.child.once('exit', () => resolve());
    h.child.kill('SIGKILL');
  });
}

/** A JSON POST to `path` of the host, with a session token if given; the raw answer text. */
export async function postTo(h: RealHost, path: string, body: unknown, token?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${h.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}
