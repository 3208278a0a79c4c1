// The outbox (DESIGN.md "Notifications"): an action's messages are written in the same
// transaction as its writes, then delivered after the commit. A crash between the two leaves the
// outbox entry pending, and the sweep (system.sweep, run by the timer) delivers it later; the
// inbox id is the message's idempotency key, so a message delivered twice lands once.
import { deliver, type ChannelOutcome, type NotificationDraft } from './notify';
import type { Runtime } from '../kit/runtime';
import type { Store, StoredDoc, TxStore } from '../store/port';
import { closeAfterAction } from './todos';
import type { Actor } from '../../domain';

/** Issue #20: who wrote and with what payload — the to-dos the action closes are found from it. */
export interface WriteOrigin {
  actor: Pick<Actor, 'id' | 'name' | 'roles'>;
  input: unknown;
  log?: Runtime['log'];
}

export interface OutboxDoc extends StoredDoc {
  action: string;
  drafts: NotificationDraft[];
  createdAt: string;
  state: 'pending' | 'done';
  deliveredAt?: string;
}

/** an entry still pending this long after its commit was interrupted: the sweep takes it */
export const OUTBOX_GRACE_MS = 60 * 1000;

export async function writeWithOutbox<T>(
  store: Store,
  now: Date,
  action: string,
  fn: (tx: TxStore) => Promise<T>,
  messages: ((result: T) => readonly NotificationDraft[]) | undefined,
  written: (entry: OutboxDoc) => void,
  /** issue #17: more writes of the same transaction after the action's (the idempotency key's mark) */
  within?: (tx: TxStore, result: T) => Promise<void>,
  origin?: WriteOrigin,
): Promise<T> {
  let entry: OutboxDoc | null = null;
  const result = await store.transaction(async (tx) => {
    entry = null; // a retried transaction starts again
    const r = await fn(tx);
    const drafts = messages ? [...messages(r)] : [];
    if (drafts.length) entry = await tx.insert<OutboxDoc>('outbox', { action, drafts, createdAt: now.toISOString(), state: 'pending' });
    if (within) await within(tx, r);
    return r;
  });
  if (entry) written(entry);
  // issue #20: the to-dos this action was asked for are closed (before its own messages go out)
  if (origin) {
    try {
      await closeAfterAction(store, action, origin.actor, origin.input, result, now);
    } catch (e) {
      origin.log?.('warn', 'to-dos not closed', { action, error: String(e) });
    }
  }
  return result;
}

/** Delivers the entries and marks them done; a failure leaves an entry pending for the sweep. */
export async function deliverOutbox(
  store: Store,
  entries: readonly OutboxDoc[],
  now: Date,
  rt: Pick<Runtime, 'channels' | 'log'>,
  outcomes?: Record<ChannelOutcome, number>,
): Promise<number> {
  let delivered = 0;
  for (const entry of entries) {
    try {
      const { failed, channel } = await deliver(store, entry.drafts, now, rt.channels, rt.log);
      if (outcomes) for (const k of Object.keys(channel) as ChannelOutcome[]) outcomes[k] += channel[k];
      if (failed) continue; // stays pending: the sweep delivers the rest
      await store.update<OutboxDoc>('outbox', entry._id, entry.version, { state: 'done', deliveredAt: now.toISOString() });
      delivered += 1;
    } catch (e) {
      rt.log('error', 'outbox delivery failed', { outboxId: entry._id, error: String(e) });
    }
  }
  return delivered;
}

/** The pending entries older than the grace time, oldest first (one page). */
export async function strandedOutbox(store: Store, now: Date, limit = 50): Promise<OutboxDoc[]> {
  const before = new Date(now.getTime() - OUTBOX_GRACE_MS).toISOString();
  const page = await store.find<OutboxDoc>('outbox', { state: 'pending', createdAt: { lt: before } }, { sort: [['createdAt', 'asc']], limit });
  return page.items;
}
