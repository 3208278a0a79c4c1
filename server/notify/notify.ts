// The notifier (DESIGN.md "Notifications"): a milestone yields notifications for its recipients,
// each with an idempotency key (subject, milestone, recipient, due time). The key is the inbox
// document's id, so a retried action or a doubled timer tick never delivers twice. Delivery runs
// after the action's writes have committed (server/notify/outbox.ts), never inside a transaction, and one
// failing recipient or channel never stops delivery to the others. Each channel keeps its own
// durable state, written before the inbox row and resumed by the sweep (issue #17).
import { createHash } from 'node:crypto';
import { AppError, MILESTONE_ROUTES, MILESTONE_TEMPLATE, type MessageFacts, type Milestone, type Person, type Role, type TemplateKey } from '../../domain';
import type { Log } from '../kit/log';
import { findAll, type NewDoc, type Store, type StoredDoc } from '../store/port';

export type { Milestone } from '../../domain';

export interface NotificationDraft {
  recipientId: string;
  /** the recipient's org, so delivery needs no extra read */
  orgId: string;
  milestone: Milestone;
  subject: { type: 'topic' | 'meeting' | 'minutes' | 'task' | 'press' | 'person' | 'org'; id: string };
  title: string;
  body: string;
  /** the app page that shows the subject */
  link: string;
  /** for time-based milestones: a rescheduled subject makes a new key, the old one stays unsent */
  dueAt?: string;
  /** for event milestones that can recur (returned twice): the subject's version after the event */
  occurrence?: number;
  /** what a subscription message's keywords are filled from (domain/subscriptions.ts) */
  facts?: MessageFacts;
}

export interface NotificationDoc extends StoredDoc {
  recipientId: string;
  orgId: string;
  milestone: Milestone;
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
  /** set when the step the message asked for has been taken (e.g. the topic was screened) */
  handledAt?: string | null;
  /** issue #20: the message asks for an action (a to-do until `doneAt`) */
  needsAction?: boolean;
  /** issue #20: when the action was taken, and by whom (anyone it asked) */
  doneAt?: string | null;
  doneBy?: string;
  doneByName?: string;
  /** issue #20: the subject's version the message was about (checked again when it is sent) */
  occurrence?: number;
  /** the subscription template this milestone goes out as, if any */
  templateKey?: TemplateKey;
  facts?: MessageFacts;
}

/** What a channel did with one message. */
export type ChannelOutcome = 'sent' | 'queued' | 'skipped' | 'failed';

/** A channel beyond the inbox (the subscription message) plugs in here. */
export interface DeliveryChannel {
  name: string;
  /**
   * Issue #17: a channel with durable state writes it here — its delivery row, `queued` — before
   * the inbox row, and keeps an existing one (the message's key is its id). It answers what
   * `deliver` needs (null: the message is not for this channel). Such a channel is resumable:
   * `deliver` is run again whenever the message is, and does only what its row says is left.
   */
  prepare?(n: NotificationDoc, now: Date): Promise<unknown>;
  /** undefined: the message is not for this channel */
  deliver(n: NotificationDoc, now: Date, prepared?: unknown): Promise<ChannelOutcome | undefined | void>;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  /** what the channels did, by outcome */
  channel: Record<ChannelOutcome, number>;
}

export function notificationKey(d: NotificationDraft): string {
  const raw = [d.subject.type, d.subject.id, d.milestone, d.recipientId, d.dueAt ?? '', d.occurrence ?? ''].join('\u0000');
  return `n${createHash('sha256').update(raw).digest('hex').slice(0, 39)}`;
}

/**
 * Delivers each draft once: into the inbox always, then to every other channel. A recipient whose
 * inbox write fails is logged and skipped — the others still get theirs — and counted in `failed`,
 * so the outbox entry stays pending and the sweep tries again (what landed is not doubled: the
 * inbox id is the message key).
 *
 * Issue #17, crash safety: each channel with durable state (`prepare`) has its row written BEFORE
 * the inbox row, and is resumed whenever the message is delivered again — also when the inbox row
 * is already there — so a crash between the inbox row and the channel never loses the channel's
 * message: the outbox entry is still pending (or the channel's row is queued), and the sweep or the
 * tick finishes it. A channel without durable state runs only when the inbox row is new (once).
 */
export async function deliver(
  store: Store,
  drafts: readonly NotificationDraft[],
  now: Date,
  channels: readonly DeliveryChannel[] = [],
  log: Log = () => undefined,
): Promise<DeliveryResult> {
  let sent = 0;
  let failed = 0;
  const channel: Record<ChannelOutcome, number> = { sent: 0, queued: 0, skipped: 0, failed: 0 };
  for (const d of dedupe(drafts)) {
    const fields: NewDoc<NotificationDoc> = {
      _id: notificationKey(d), recipientId: d.recipientId, orgId: d.orgId, milestone: d.milestone,
      subjectType: d.subject.type, subjectId: d.subject.id, title: d.title, body: d.body, link: d.link,
      createdAt: now.toISOString(), readAt: null,
      ...(MILESTONE_ROUTES[d.milestone]?.needsAction ? { needsAction: true, doneAt: null } : {}),
      ...(d.occurrence !== undefined ? { occurrence: d.occurrence } : {}),
      ...(MILESTONE_TEMPLATE[d.milestone] ? { templateKey: MILESTONE_TEMPLATE[d.milestone] } : {}),
      ...(d.facts ? { facts: d.facts } : {}),
    };
    const draftDoc = { ...fields, _id: notificationKey(d), version: 0 } as NotificationDoc;
    // 1. the durable channels' rows, before the inbox row
    const prepared = new Map<DeliveryChannel, unknown>();
    let incomplete = false;
    for (const ch of channels) {
      if (!ch.prepare) continue;
      try {
        prepared.set(ch, await ch.prepare(draftDoc, now));
      } catch (e) {
        incomplete = true;
        log('warn', 'channel could not record the message', { channel: ch.name, milestone: d.milestone, error: String(e) });
      }
    }
    // 2. the inbox row
    let doc = draftDoc;
    let isNew = false;
    try {
      doc = await store.insert<NotificationDoc>('notifications', fields);
      isNew = true;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict')) {
        log('error', 'inbox delivery failed', { milestone: d.milestone, error: String(e) });
        failed += 1;
        continue;
      }
      // delivered before: only a durable channel may have something left to do
    }
    if (isNew) sent += 1;
    // 3. the channels: durable ones resume from their row, the others run once with a new inbox row
    for (const ch of channels) {
      if (!(ch.prepare ? prepared.has(ch) : isNew)) continue;
      try {
        const outcome = await ch.deliver(doc, now, prepared.get(ch));
        if (outcome) channel[outcome] += 1;
      } catch (e) {
        log('warn', 'channel delivery failed', { channel: ch.name, milestone: d.milestone, error: String(e) });
      }
    }
    if (incomplete) failed += 1; // the outbox entry stays pending: the sweep records it again
  }
  return { sent, failed, channel };
}

function dedupe(drafts: readonly NotificationDraft[]): NotificationDraft[] {
  const seen = new Map<string, NotificationDraft>();
  for (const d of drafts) seen.set(notificationKey(d), d);
  return [...seen.values()];
}

/** The people of an org holding any of the roles: an indexed query, paged to the end. */
export function peopleWithRoles(store: Store, orgId: string, roles: readonly Role[]): Promise<Person[]> {
  return findAll<Person>(store, 'users', { orgId, roles: { hasAny: [...roles] } });
}

/** Drafts of one message to several people. */
export function toEach(people: ReadonlyArray<Pick<Person, '_id' | 'orgId'>>, d: Omit<NotificationDraft, 'recipientId' | 'orgId'>): NotificationDraft[] {
  return people.map((p) => ({ ...d, recipientId: p._id, orgId: p.orgId }));
}

/**
 * The step these messages asked for is done (a waiting topic was screened): they read as handled
 * and stop counting as unread. Runs after the action's commit; a failure leaves them as they were.
 */
export async function markHandled(store: Store, subjectId: string, milestones: readonly Milestone[], now: Date): Promise<void> {
  await closeTodos(store, { subjectId, milestones }, now);
}

/** Who took the action that closes a to-do. */
export interface DoneBy {
  id: string;
  name: string;
}

/**
 * Issue #20: the inbox is a to-do list — the action a message asked for closes it for everyone it
 * asked (`recipients` narrows that to some of them: a reply closes only the replier's). Open ones
 * get `doneAt`, `doneBy`, `doneByName` and stop counting as unread. Runs after the action's commit.
 */
export async function closeTodos(
  store: Store,
  q: { subjectId: string; milestones: readonly Milestone[]; recipients?: readonly string[] },
  now: Date,
  by?: DoneBy,
): Promise<number> {
  const open = await findAll<NotificationDoc>(store, 'notifications', {
    subjectId: q.subjectId, milestone: { in: [...q.milestones] }, handledAt: null,
    ...(q.recipients ? { recipientId: { in: [...q.recipients] } } : {}),
  });
  if (!open.length) return 0;
  const at = now.toISOString();
  await store.transaction(async (tx) => {
    for (const n of open) {
      await tx.update<NotificationDoc>('notifications', n._id, n.version, {
        handledAt: at, doneAt: at, readAt: n.readAt ?? at, ...(by ? { doneBy: by.id, doneByName: by.name } : {}),
      });
    }
  });
  return open.length;
}

/** Issue #20: home's 待办 — the person's messages that ask for an action not yet taken. */
export function openTodoCount(store: Store, recipientId: string): Promise<number> {
  return store.count('notifications', { recipientId, needsAction: true, doneAt: null });
}
