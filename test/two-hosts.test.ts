// Issue #24 "Several servers, one database": two real hosts (host/main.ts, separate processes and
// data directories, one files directory) on one PostgreSQL database behave as one installation.
// - a session made on one host is valid on the other (the secret is shared through the database);
// - 1,000 mixed keyed writes spread over both hosts are all found, once; a key retried on the other
//   host gets the first answer, byte for byte;
// - 20 reminders ticks run on both at once send each message exactly once;
// - one host killed with -9 mid-tick: the other finishes the work, nothing sent twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_KEYS } from '../domain';
import type { NotificationDoc } from '../server/notify/notify';
import type { OutboxDoc } from '../server/notify/outbox';
import type { ReminderDoc } from '../server/notify/reminders';
import type { DeliveryDoc } from '../server/notify/subscriptions';
import { openPgStore } from '../server/store/pg';
import { findAll } from '../server/store/port';
import { createTestDatabase, describePg } from './support/pg';
import { kill9, postTo, startRealHost, type RealHost } from './support/real-host';

const root = join(__dirname, '..');
const DAY = 86_400_000;
const WRITES = Number(process.env.TWO_HOSTS_WRITES ?? 1000);

type Host = RealHost;

/**
 * This file's own bundle of host/main.ts (under node_modules/.cache so its packages resolve): both
 * hosts start from it at once, and no other test rebuilding scripts/run-ts.cjs's shared bundle can
 * hand them a half-written file.
 */
const BUNDLE = join(root, 'node_modules', '.cache', 'two-hosts', `main-${process.pid}.cjs`);

function bundleHost(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  buildSync({ entryPoints: [join(root, 'host', 'main.ts')], outfile: BUNDLE, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
}

function start(name: string, env: Record<string, string>): Promise<Host> {
  return startRealHost(name, [BUNDLE], { ...env, IDEMPOTENCY_LEASE_MS: '1000', PG_POOL_MAX: '8' }, { timeoutMs: 90_000 });
}

const post = postTo;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface OutEntry {
  channel: string;
  personId: string;
  templateKey?: string;
}

async function outbox(h: Host): Promise<OutEntry[]> {
  return ((await (await fetch(`${h.url}api/dev/outbox`)).json()) as { data: OutEntry[] }).data;
}

describePg('two hosts, one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const dirs: string[] = [];
  let a: Host;
  let b: Host;
  let clock = Math.ceil(Date.now() / DAY) * DAY + 2 * 3600_000; // 10:00 in Shanghai: no quiet hours
  const setClock = async () => {
    for (const h of [a, b]) if (h.child.exitCode === null && h.child.signalCode === null) await post(h, 'api/dev/clock', { now: new Date(clock).toISOString() });
  };

  beforeAll(async () => {
    db = await createTestDatabase('two_hosts');
    const files = mkdtempSync(join(tmpdir(), 'jm-files-'));
    const env = (n: string) => {
      const dir = mkdtempSync(join(tmpdir(), `jm-${n}-`));
      dirs.push(dir);
      return { DATABASE_URL: db.url, DATA_DIR: dir, FILES_DIR: files, H5_DIR: join(dir, 'no-h5') };
    };
    dirs.push(files);
    bundleHost();
    // both start at once on the empty database: schema and seed happen once
    [a, b] = await Promise.all([start('A', env('a')), start('B', env('b'))]);
  }, 180_000);

  afterAll(async () => {
    for (const h of [a, b]) if (h) await kill9(h);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    rmSync(BUNDLE, { force: true });
    await db?.drop();
  });

  it('shares sessions, and 1,000 mixed keyed writes over both hosts are all found once', async () => {
    const signIn = async (h: Host, key: string) => JSON.parse((await post(h, 'api/account', { action: 'devSignIn', payload: { key } })).text).data.token as string;
    const office = await signIn(a, 'city-union-office');
    const govOffice = await signIn(b, 'city-gov-office');
    const countyOffice = await signIn(b, 'linhe-union-office');
    // a session from A on B and from B on A
    expect(JSON.parse((await post(b, 'api/meeting', { action: 'list', payload: {} }, office)).text)).toMatchObject({ ok: true });
    expect(JSON.parse((await post(a, 'api/meeting', { action: 'list', payload: {} }, govOffice)).text)).toMatchObject({ ok: true });

    // everyone of the city consents to every template (spread over both hosts), so ticks send WeChat messages
    const users = (await (await fetch(`${a.url}api/dev/users`)).json()) as { data: Array<{ key: string; orgId: string }> };
    let consents = 0;
    for (const [i, u] of users.data.filter((x) => x.orgId === 'city').entries()) {
      const token = await signIn(i % 2 ? a : b, u.key);
      for (let k = 0; k < 3; k += 1) {
        const r = await post(k % 2 ? a : b, 'api/notify', { action: 'recordConsent', payload: { results: Object.fromEntries(TEMPLATE_KEYS.map((t) => [t, 'accept'])) } }, token);
        expect(JSON.parse(r.text)).toMatchObject({ ok: true });
        consents += 1;
      }
    }

    // the writes: meeting requests by the city's and a county's union office, each with its key, alternating hosts
    const writes = Array.from({ length: WRITES - consents }, (_, i) => ({
      i,
      host: i % 2 ? a : b,
      token: i % 3 ? office : countyOffice,
      key: `two-${i}-${Math.random().toString(36).slice(2, 8)}`,
      title: `双机写入第${i}号`,
    }));
    const answers = new Map<number, string>();
    let next = 0;
    const worker = async () => {
      while (next < writes.length) {
        const w = writes[next++];
        const body = { action: 'request', idempotencyKey: w.key, payload: { kind: 'special', title: w.title, plannedAt: new Date(clock + 300 * DAY).toISOString(), reason: '双机测试中的会议请求' } };
        const r = await post(w.host, 'api/meeting', body, w.token);
        expect({ i: w.i, status: r.status }).toEqual({ i: w.i, status: 200 });
        answers.set(w.i, r.text);
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, worker));
    const secs = (Date.now() - started) / 1000;
    console.log(`two hosts: ${writes.length} keyed writes + ${consents} consents in ${secs.toFixed(1)} s (${(writes.length / secs).toFixed(0)} writes/s)`);

    // every 10th key retried on the *other* host: the first answer, byte for byte, and no second meeting
    for (const w of writes.filter((x) => x.i % 10 === 0)) {
      const other = w.host === a ? b : a;
      const body = { action: 'request', idempotencyKey: w.key, payload: { kind: 'special', title: w.title, plannedAt: new Date(clock + 300 * DAY).toISOString(), reason: '双机测试中的会议请求' } };
      let text = '';
      for (let t = 0; t < 20; t += 1) {
        text = (await post(other, 'api/meeting', body, w.token)).text;
        if (!text.includes('"request_in_progress"')) break;
        await sleep(100);
      }
      expect({ i: w.i, text }).toEqual({ i: w.i, text: answers.get(w.i) });
    }

    const store = await openPgStore(db.url, { max: 2 });
    try {
      const meetings = await findAll<{ _id: string; version: number; title: string }>(store, 'meetings', { kind: 'special' });
      const byTitle = new Map<string, number>();
      for (const m of meetings) byTitle.set(m.title, (byTitle.get(m.title) ?? 0) + 1);
      const missingOrDoubled = writes.filter((w) => byTitle.get(w.title) !== 1).map((w) => ({ title: w.title, count: byTitle.get(w.title) ?? 0 }));
      expect(missingOrDoubled).toEqual([]);
    } finally {
      await store.close();
    }
  }, 600_000);

  it('20 ticks on both hosts at once send each message exactly once', async () => {
    // forty tasks due in two days, assigned over both hosts: each brings its ladder of reminders
    const office = JSON.parse((await post(a, 'api/account', { action: 'devSignIn', payload: { key: 'city-union-office' } })).text).data.token as string;
    const owners = ['city-hrss', 'city-gov-office', 'city-union-office'];
    const deadline = new Date(clock + 2 * DAY + 8 * 3600_000).toISOString().slice(0, 10);
    for (let i = 0; i < 40; i += 1) {
      const r = await post(i % 2 ? a : b, 'api/task', { action: 'assign', payload: { decisionId: 'm-city-last_d1', title: `双机任务第${i}号`, ownerId: owners[i % owners.length], deadline } }, office);
      expect({ i, answer: JSON.parse(r.text).ok }).toEqual({ i, answer: true });
    }
    clock += 3 * DAY;
    await setClock();
    const store = await openPgStore(db.url, { max: 2 });
    const finished = async () => (await store.count('reminders', { state: 'done' })) + (await store.count('reminders', { state: 'void' }));
    const finishedBefore = await finished();
    const before = (await outbox(a)).length + (await outbox(b)).length;
    const ticks = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 2 ? a : b, 'api/dev/tick', {})));
    const results = ticks.map((t) => JSON.parse(t.text) as { ok: boolean; data: { fired: number; voided: number }; error?: unknown });
    for (const r of results) expect({ ok: r.ok, error: r.error }).toEqual({ ok: true, error: undefined });
    const sent = (await outbox(a)).length + (await outbox(b)).length - before;
    try {
      // each reminder handled by exactly one of the twenty ticks
      const handled = results.reduce((n, r) => n + r.data.fired + r.data.voided, 0);
      expect(handled).toBe((await finished()) - finishedBefore);
      expect(handled).toBeGreaterThanOrEqual(40);
      const deliveries = await findAll<DeliveryDoc>(store, 'deliveries', {});
      const sends = deliveries.map((d) => d.attempts.filter((x) => x.result === 'sent').length);
      expect(Math.max(0, ...sends)).toBeLessThanOrEqual(1);
      const smsAndWechat = sent;
      console.log(`two hosts: 20 simultaneous ticks handled ${handled} reminders once each, sent ${smsAndWechat} messages; ${sends.reduce((x, y) => x + y, 0)} WeChat deliveries sent in all`);
      expect(sent).toBeGreaterThan(0);
      // what the two stand-ins recorded is exactly what the delivery rows say was sent
      const wechat = [...(await outbox(a)), ...(await outbox(b))].filter((e) => e.channel === 'wechat').length;
      expect(wechat).toBe(sends.reduce((x, y) => x + y, 0));
      const reminders = await findAll<ReminderDoc>(store, 'reminders', { dueAt: { lte: new Date(clock).toISOString() } });
      for (const r of reminders) expect({ id: r._id, state: r.state }).toEqual({ id: r._id, state: expect.stringMatching(/^(done|void)$/) });
    } finally {
      await store.close();
    }
  }, 300_000);

  it('one host killed with -9 mid-tick: the other finishes the work, nothing sent twice', async () => {
    clock += 4 * DAY;
    await setClock();
    let alive = true;
    const ticker = async () => {
      while (alive) {
        try {
          await post(a, 'api/dev/tick', {});
        } catch {
          return; // A died
        }
      }
    };
    const load = [ticker(), ticker()];
    await sleep(150 + Math.random() * 300);
    await kill9(a);
    alive = false;
    await Promise.all(load);
    // B, past the time after which a dead tick's claims are taken again (5 minutes), runs the tick
    clock += 6 * 60_000;
    await setClock();
    for (let i = 0; i < 2; i += 1) expect(JSON.parse((await post(b, 'api/dev/tick', {})).text)).toMatchObject({ ok: true });
    // and a day later, once more: stranded messages are delivered, cut-off sends settled
    clock += DAY;
    await setClock();
    expect(JSON.parse((await post(b, 'api/dev/tick', {})).text)).toMatchObject({ ok: true });

    const store = await openPgStore(db.url, { max: 2 });
    try {
      const due = await findAll<ReminderDoc>(store, 'reminders', { dueAt: { lte: new Date(clock - DAY).toISOString() } });
      expect(due.length).toBeGreaterThan(0);
      for (const r of due) expect({ id: r._id, state: r.state }).toEqual({ id: r._id, state: expect.stringMatching(/^(done|void)$/) });
      const outboxRows = await findAll<OutboxDoc>(store, 'outbox', {});
      for (const o of outboxRows) expect({ id: o._id, state: o.state }).toEqual({ id: o._id, state: 'done' });
      const inbox = new Set((await findAll<NotificationDoc>(store, 'notifications', {})).map((n) => n._id));
      const deliveries = await findAll<DeliveryDoc>(store, 'deliveries', {});
      for (const d of deliveries) {
        expect(d.attempts.filter((x) => x.result === 'sent' || x.result === 'unknown').length).toBeLessThanOrEqual(1);
        expect({ delivery: d._id, inInbox: inbox.has(d._id) }).toEqual({ delivery: d._id, inInbox: true });
      }
    } finally {
      await store.close();
    }
  }, 300_000);
});
