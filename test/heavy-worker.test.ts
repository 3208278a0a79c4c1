// Issue #25: a real host (host/main.ts, its own process) runs the actions that build files in its
// worker thread (host/heavy.ts), the store proxied to its main thread. The answers are the ones the
// main thread gives (HEAVY_WORKER=0), a refusal stays a refusal, and the file downloads.
import { functionFor } from './support/route';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kill9, postTo, startRealHost, type RealHost } from './support/real-host';

jest.setTimeout(240_000);

const dir = mkdtempSync(join(tmpdir(), 'jm-heavy-worker-'));
const started: RealHost[] = [];
afterAll(async () => {
  await Promise.all(started.map(kill9));
  rmSync(dir, { recursive: true, force: true });
});

async function host(name: string, heavyWorker: '0' | '1'): Promise<RealHost> {
  const h = await startRealHost(name, ['scripts/run-ts.cjs', 'host/main.ts'], {
    DATA_DIR: join(dir, name), H5_DIR: join(dir, 'no-h5'), SESSION_SECRET: 'heavy-secret', HEAVY_WORKER: heavyWorker,
  }, { timeoutMs: 120_000 });
  started.push(h);
  return h;
}

interface Answer { ok: boolean; data?: { url?: string; token?: string; rows?: unknown[] }; error?: { code: string } }

async function call(h: RealHost, area: string, body: unknown, token?: string): Promise<Answer> {
  return JSON.parse((await postTo(h, `api/${functionFor(area, body)}`, body, token)).text) as Answer;
}

async function signIn(h: RealHost): Promise<string> {
  return (await call(h, 'account', { action: 'devSignIn', payload: { key: 'city-gov-office' } })).data!.token!;
}

const year = new Date().getUTCFullYear() - 1;

it('the heavy actions answer in the worker as on the main thread', async () => {
  const [worker, inline] = await Promise.all([host('worker', '1'), host('inline', '0')]);
  const [wt, it2] = await Promise.all([signIn(worker), signIn(inline)]);

  const overview = await Promise.all([call(worker, 'compliance', { action: 'overview', payload: { year } }, wt), call(inline, 'compliance', { action: 'overview', payload: { year } }, it2)]);
  expect(overview[0].ok).toBe(true);
  expect(overview[0]).toEqual(overview[1]);

  // a refusal from inside the action (an AppError) crosses the thread as the same envelope
  const missing = await Promise.all([
    call(worker, 'meeting', { action: 'archive', payload: { meetingId: 'm-none' } }, wt),
    call(inline, 'meeting', { action: 'archive', payload: { meetingId: 'm-none' } }, it2),
  ]);
  expect(missing[0].ok).toBe(false);
  expect(missing[0]).toEqual(missing[1]);

  // two archives at once in the worker, and a light read meanwhile: all answered, the files download
  const [a, b, me] = await Promise.all([
    call(worker, 'meeting', { action: 'archive', payload: { meetingId: 'm-city-last' } }, wt),
    call(worker, 'compliance', { action: 'export', payload: { year } }, wt),
    call(worker, 'account', { action: 'me', payload: {} }, wt),
  ]);
  expect([a.ok, b.ok, me.ok]).toEqual([true, true, true]);
  for (const url of [a.data!.url!, b.data!.url!]) {
    const res = await fetch(`${worker.url}${url.replace(/^\//, '')}`, { headers: { authorization: `Bearer ${wt}` } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // PK: a zip (.zip, .xlsx)
  }
});
