// The outbox (DESIGN.md "Notifications"): an action's messages are written in the same
// transaction as its writes, then delivered after the commit. A crash between the two leaves the
// outbox entry pending, and the sweep (system.sweep, run by the timer) delivers it later; the
// inbox id is the message's idempotency key, so a message delivered twice lands once.
// Issue #20: an entry delivered after its moment (by the sweep or a tick's redelivery) is checked
// like every send: a message its subject no longer needs is not delivered at all.
import { deliver, notificationKey, type ChannelOutcome, type NotificationDoc, type NotificationDraft } from './notify';
import { draftSubject, stillNeeded } from './relevance';
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
  /**
   * Issue #20: the keys of the drafts the send-time check found no longer needed when the entry was
   * delivered late (stillToDeliver): never in the inbox, on no channel. Kept so the record says
   * why a message written to the outbox was not sent.
   */
  voided?: string[];
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

/**
 * Issue #20: the drafts of an entry delivered late that are still to be delivered. One whose inbox
 * row exists was delivered before (a crash cut its channels off): it goes on, and each channel
 * checks it when it sends. One not yet delivered goes only if its subject still needs it (the
 * person has not replied meanwhile, the meeting has not begun, the task is still open …) — else it
 * is void: no inbox row, no to-do, no channel row; a channel row a crash left before the inbox row
 * is voided when its channel next tries it (it carries what it is about).
 */
export async function stillToDeliver(store: Store, drafts: readonly NotificationDraft[], now: Date): Promise<NotificationDraft[]> {
  const out: NotificationDraft[] = [];
  for (const d of drafts) {
    if ((await store.get<NotificationDoc>('notifications', notificationKey(d))) || (await stillNeeded(store, draftSubject(d), now))) out.push(d);
  }
  return out;
}

/**
 * Delivers the entries and marks them done; a failure leaves an entry pending for the sweep. An
 * entry written before `now` (not by this call: stranded by a crash) is checked first (stillToDeliver).
 */
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
      const late = entry.createdAt < now.toISOString();
      const drafts = late ? await stillToDeliver(store, entry.drafts, now) : entry.drafts;
      if (drafts.length < entry.drafts.length) rt.log('info', 'late messages void', { outboxId: entry._id, action: entry.action, void: entry.drafts.length - drafts.length });
      const { failed, channel } = await deliver(store, drafts, now, rt.channels, rt.log);
      if (outcomes) for (const k of Object.keys(channel) as ChannelOutcome[]) outcomes[k] += channel[k];
      if (failed) continue; // stays pending: the sweep delivers the rest
      const kept = new Set(drafts.map(notificationKey));
      const voided = entry.drafts.map(notificationKey).filter((k) => !kept.has(k));
      await store.update<OutboxDoc>('outbox', entry._id, entry.version, { state: 'done', deliveredAt: now.toISOString(), ...(voided.length ? { voided } : {}) });
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
