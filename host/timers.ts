// The local host's stand-in for WeChat's timer triggers (DESIGN.md "Two deployments"): each timed
// area action runs on an interval as the system actor, through the same router as in the cloud.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { FUNCTIONS } from '../cloudfunctions';
import { dispatch } from '../server/kit/router';
import type { Runtime } from '../server/kit/runtime';
import { CountingStore, type Store } from '../server/store/port';
import { sweepUploads, type UploadShelf } from '../server/security/uploads';

/** What `cloudfunctions/<area>/config.json` triggers in WeChat: every 10 minutes. */
const TIMED = [
  { area: 'system', action: 'sweep', everyMs: 10 * 60 * 1000 },
  // issue #10: reminders and subscription messages held by quiet hours
  { area: 'reminders', action: 'tick', everyMs: 10 * 60 * 1000 },
] as const;

/**
 * Issue #24: several hosts on one PostgreSQL run each timed job on one host at a time: a lease row
 * in the database (server/store/sql.ts `claimLease`), taken before a run and given back after it. A
 * host killed mid-run keeps it until `LEASE_MS` passes; then another host takes over. The lease only
 * saves doubled work: correctness does not rest on it (each reminder is claimed by a conditional
 * update and every message is keyed, so two runs at once still send once).
 */
export interface LeaseHolder {
  claimLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
}

export const LEASE_MS = 5 * 60 * 1000;
const HOLDER = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

export function leaseOf(store: Store): LeaseHolder | undefined {
  const base = store instanceof CountingStore ? store.base : store;
  const s = base as Partial<LeaseHolder>;
  return typeof s.claimLease === 'function' && typeof s.releaseLease === 'function' ? (base as unknown as LeaseHolder) : undefined;
}

/** Runs `job` if this host holds the named lease (always, for a store without leases); else skips. */
export async function underLease<T>(store: Store, name: string, job: () => Promise<T>): Promise<T | undefined> {
  const lease = leaseOf(store);
  if (lease && !(await lease.claimLease(name, HOLDER, LEASE_MS))) return undefined;
  try {
    return await job();
  } finally {
    await lease?.releaseLease(name, HOLDER).catch(() => undefined);
  }
}

export function startTimers(runtime: Runtime): () => void {
  const handles = TIMED.map(({ area, action, everyMs }) => {
    const run = () => {
      underLease(runtime.store, `${area}.${action}`, () => dispatch(FUNCTIONS[area].area, { action, payload: {} }, {}, runtime, { kind: 'system', name: action }))
        .then((r) => r === undefined || r.envelope.ok || runtime.log('warn', 'timer run refused', { area, action, code: r.envelope.error.code }))
        .catch((e: unknown) => runtime.log('error', 'timer run failed', { area, action, error: String(e) }));
    };
    const h = setInterval(run, everyMs);
    h.unref(); // a timer never keeps the process alive on its own
    return h;
  });
  return () => handles.forEach((h) => clearInterval(h));
}

/**
 * Issue #17: the local host's uploads that no task names after 24 hours are removed
 * (server/security/uploads.ts `sweepUploads`), on the same 10-minute rhythm as the system sweep. Only the
 * local host receives upload bytes; in WeChat the app writes to cloud storage itself.
 */
export function startUploadSweep(store: Store, shelf: UploadShelf, log: Runtime['log'], everyMs = 10 * 60 * 1000): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    underLease(store, 'uploads.sweep', () => sweepUploads(store, shelf, new Date()))
      .then((r) => r !== undefined && r.removed > 0 && log('info', 'unattached uploads removed', { removed: r.removed }))
      .catch((e: unknown) => log('error', 'upload sweep failed', { error: String(e) }))
      .finally(() => {
        running = false;
      });
  };
  const h = setInterval(run, everyMs);
  h.unref();
  return () => clearInterval(h);
}
