// Issue #17, items 8 and 9: kill -9 of the real host (host/main.ts over a PGlite data
// directory) again and again under keyed write load and inside reminders ticks. Afterwards:
// every acknowledged write is present once; every retried key is answered with its first answer
// and acted once; every message the outbox holds has its inbox row, and every message with a
// WeChat template a delivery row in a final or retryable state; no delivery was sent twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_KEYS } from '../domain';
import { notificationKey, type NotificationDoc } from '../server/notify/notify';
import type { OutboxDoc } from '../server/notify/outbox';
import type { ReminderDoc } from '../server/notify/reminders';
import { openPgliteStore } from '../server/store/pglite';
import { findAll, type Store } from '../server/store/port';
import type { DeliveryDoc } from '../server/notify/subscriptions';
import { kill9, postTo, startRealHost, type RealHost } from './support/real-host';

const root = join(__dirname, '..');
// the issue asks for 10 kills: 36–60 s on a 2-core machine, more when it is shared (CRASH_KILLS=4 for a quick run)
const KILLS = Number(process.env.CRASH_KILLS ?? 10);
const DAY = 86_400_000;

type Host = RealHost;

/** the bundle scripts/run-ts.cjs writes: restarts after the first run it as is (no rebuild) */
const BUNDLE = join(root, 'node_modules', '.cache', 'run-ts', 'main.cjs');


function start(dataDir: string, first = false): Promise<Host> {
  // a crash's pending or committed key is recovered after 1 s instead of minutes
  return startRealHost('host', first ? ['scripts/run-ts.cjs', 'host/main.ts'] : [BUNDLE], { DATA_DIR: dataDir, IDEMPOTENCY_LEASE_MS: '1000', H5_DIR: join(dataDir, 'no-h5') });
}

const post = postTo;

interface KeyedWrite {
  key: string;
  body: unknown;
  /** the first answer the client received, as bytes */
  first?: string;
  /** answered before the kill (else: cut off in flight, answered after the restart) */
  acked?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it(`kill -9 of the host ${KILLS} times under keyed writes and reminders ticks loses nothing and doubles nothing`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jm-crash-'));
  let host = await start(dataDir, true);
  // 10:00 in Shanghai on the days the test walks: WeChat messages go out at once, not after quiet hours
  let clock = Math.ceil(Date.now() / DAY) * DAY + 2 * 3600_000;
  const writes: KeyedWrite[] = [];
  let seq = 0;
  try {
    const signIn = async (key: string) => JSON.parse((await post(host, 'api/account', { action: 'devSignIn', payload: { key } })).text).data.token as string;
    const office = await signIn('city-union-office');
    // everyone of the city consents to every template a few times, so reminders go to WeChat too
    const users = (await (await fetch(`${host.url}api/dev/users`)).json()) as { data: Array<{ key: string; orgId: string }> };
    for (const u of users.data.filter((x) => x.orgId === 'city')) {
      const token = await signIn(u.key);
      for (let i = 0; i < 3; i += 1) {
        await post(host, 'api/notify', { action: 'recordConsent', payload: { results: Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, 'accept'])) } }, token);
      }
    }

    const send = async (h: Host, w: KeyedWrite): Promise<string | null> => {
      try {
        const res = await post(h, 'api/meeting', w.body, office);
        return res.text;
      } catch {
        return null; // the connection died with the host: not acknowledged
      }
    };
    /** retries until the key is answered with something other than "in progress" */
    const settle = async (h: Host, w: KeyedWrite): Promise<string> => {
      for (let i = 0; i < 40; i += 1) {
        const text = await send(h, w);
        if (text !== null && !text.includes('"request_in_progress"')) return text;
        await sleep(150);
      }
      throw new Error(`key ${w.key} never answered`);
    };

    for (let round = 0; round < KILLS; round += 1) {
      // the days move on, so reminders come due in the ticks
      clock += 3 * DAY;
      await post(host, 'api/dev/clock', { now: new Date(clock).toISOString() });
      let alive = true;
      const worker = async () => {
        while (alive) {
          seq += 1;
          const w: KeyedWrite = {
            key: `crash-${round}-${seq}-${Math.random().toString(36).slice(2, 8)}`,
            body: { action: 'request', payload: { kind: 'special', title: `专题会议请求第${seq}号`, plannedAt: new Date(Date.now() + 300 * DAY).toISOString(), reason: '崩溃测试中的会议请求' } },
          };
          writes.push(w);
          (w.body as { idempotencyKey: string }).idempotencyKey = w.key;
          const text = await send(host, w);
          if (text === null) return;
          w.first = text;
          w.acked = true;
        }
      };
      const ticker = async () => {
        while (alive) {
          try {
            await post(host, 'api/dev/tick', {});
          } catch {
            return;
          }
        }
      };
      const load = [worker(), worker(), worker(), worker(), ticker()];
      await sleep(250 + Math.random() * 600);
      await kill9(host);
      alive = false;
      await Promise.all(load);
      host = await start(dataDir);
      await post(host, 'api/dev/clock', { now: new Date(clock).toISOString() });
      // every key of the round is retried: acknowledged ones must get their first answer, byte for byte
      for (const w of writes.filter((x) => x.key.startsWith(`crash-${round}-`))) {
        const text = await settle(host, w);
        if (w.first !== undefined) expect({ key: w.key, text }).toEqual({ key: w.key, text: w.first });
        else w.first = text;
        expect(JSON.parse(text)).toMatchObject({ ok: true });
      }
    }
    // a last tick a day later: stranded messages are delivered, cut-off sends settled
    clock += DAY;
    await post(host, 'api/dev/clock', { now: new Date(clock).toISOString() });
    await post(host, 'api/dev/tick', {});
  } finally {
    await kill9(host);
  }

  // the data directory, read after the last kill
  const store: Store = await openPgliteStore(join(dataDir, 'pglite'));
  try {
    const meetings = await findAll<{ _id: string; version: number; title: string }>(store, 'meetings', { kind: 'special' });
    const byTitle = new Map<string, number>();
    for (const m of meetings) byTitle.set(m.title, (byTitle.get(m.title) ?? 0) + 1);
    for (const w of writes) {
      const title = (w.body as { payload: { title: string } }).payload.title;
      expect({ key: w.key, count: byTitle.get(title) ?? 0 }).toEqual({ key: w.key, count: 1 });
      const first = JSON.parse(w.first!) as { ok: boolean; data?: { id?: string } };
      expect(first.ok).toBe(true);
    }
    // every message written to the outbox is in the inbox — or, delivered late after a kill, was
    // found no longer needed by the send-time check (issue #20), recorded on its entry, and is then
    // nowhere: not in the inbox
    const outbox = await findAll<OutboxDoc>(store, 'outbox', {});
    const inbox = new Set((await findAll<NotificationDoc>(store, 'notifications', {})).map((n) => n._id));
    let voided = 0;
    for (const entry of outbox) {
      expect({ entry: entry._id, state: entry.state }).toEqual({ entry: entry._id, state: 'done' });
      for (const d of entry.drafts) {
        const key = notificationKey(d);
        const fate = inbox.has(key) ? 'inbox' : entry.voided?.includes(key) ? 'voided' : 'lost';
        expect({ message: key, fate }).toEqual({ message: key, fate: expect.stringMatching(/^(inbox|voided)$/) });
        if (fate === 'voided') voided += 1;
      }
      for (const key of entry.voided ?? []) expect({ message: key, inInbox: inbox.has(key) }).toEqual({ message: key, inInbox: false });
    }
    // every message with a WeChat template has a delivery row, final or retryable, never sent twice
    const deliveries = new Map((await findAll<DeliveryDoc>(store, 'deliveries', {})).map((d) => [d._id, d]));
    const withTemplate = (await findAll<NotificationDoc>(store, 'notifications', {})).filter((n) => n.templateKey);
    for (const n of withTemplate) {
      const d = deliveries.get(n._id);
      expect({ message: n._id, state: d?.state }).toEqual({ message: n._id, state: expect.stringMatching(/^(sent|failed|skipped|unknown|queued|void)$/) });
      expect({ message: n._id, sends: d!.attempts.filter((a) => a.result === 'sent').length }).toEqual({ message: n._id, sends: expect.any(Number) });
      expect(d!.attempts.filter((a) => a.result === 'sent' || a.result === 'unknown').length).toBeLessThanOrEqual(1);
    }
    // no reminder is left half-done
    const due = await findAll<ReminderDoc>(store, 'reminders', { dueAt: { lte: new Date(clock - DAY).toISOString() } });
    for (const r of due) expect({ reminder: r._id, state: r.state }).toEqual({ reminder: r._id, state: expect.stringMatching(/^(done|void)$/) });
    const states = [...deliveries.values()].reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.state]: (acc[d.state] ?? 0) + 1 }), {});
    console.log(`crash test: ${KILLS} kills, ${writes.length} keyed writes (${writes.filter((w) => w.acked).length} answered before a kill, ${writes.filter((w) => !w.acked).length} cut off and retried), ${withTemplate.length} messages with a template, deliveries ${JSON.stringify(states)}, reminders due ${due.length}, late messages voided ${voided}`);
    expect(writes.length).toBeGreaterThan(KILLS);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
