// The consent ledger and the subscription-message channel (issue #10, PLATFORM.md "Subscription
// messages"). One-time templates: each `accept` adds a credit, a send spends one atomically, a
// 43101 answer sets it to zero (WeChat has no API to read the remaining quota, so we keep our own).
// Long-term templates need no credit. Every attempt is recorded in `deliveries`; transient errors
// are retried with backoff, 43101 / 47003 / 40037 / 40003 / 41030 never; quiet hours (22:00–07:00)
// hold a message until 08:00. The inbox always has the message whatever happens here.
//
// Issue #17, crash safety: a delivery row is written `queued` before the inbox row (`prepare`); a
// send is claimed (`sending`, the credit spent) in one transaction before WeChat is called and
// settled (`sent`, or back to `queued` / `failed` on WeChat's refusal) after. A claim a crash left
// behind — `sending` for longer than SENDING_TIMEOUT_MS — cannot be retried without risking a
// second message, so it is settled as `unknown` (at most once stays at most once) and shown to the
// person on 消息提醒; the inbox has the message in any case.
import {
  AppError,
  MILESTONE_TEMPLATE,
  quietUntil,
  TEMPLATE_KEYS,
  templateData,
  type ConsentResult,
  type Person,
  type TemplateKey,
  type TemplateKind,
} from '../../domain';
import type { ChannelOutcome, DeliveryChannel, NotificationDoc } from './notify';
import { aboutOf, stillNeeded, type MessageSubject } from './relevance';
import { retryOnConflict } from '../kit/records';
import type { Log } from '../kit/log';
import type { Store, StoredDoc } from '../store/port';

export interface TemplateConfig {
  id: string;
  kind: TemplateKind;
}
export type TemplateConfigs = Partial<Record<TemplateKey, TemplateConfig>>;

/**
 * Deployment configuration: `SUBSCRIBE_TEMPLATES` = JSON `{ "<templateKey>": { "id": "<WeChat
 * template id>", "kind": "one_time" | "long_term" } }`. Unknown keys and malformed entries are
 * ignored (logged by the caller); a key without an entry is simply not pushed.
 */
export function templateConfigs(raw: string | undefined): TemplateConfigs {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  const out: TemplateConfigs = {};
  if (typeof parsed !== 'object' || parsed === null) return out;
  for (const key of TEMPLATE_KEYS) {
    const v = (parsed as Record<string, unknown>)[key] as { id?: unknown; kind?: unknown } | undefined;
    if (v && typeof v.id === 'string' && v.id && (v.kind === 'one_time' || v.kind === 'long_term')) out[key] = { id: v.id, kind: v.kind };
  }
  return out;
}

/** The local host's stand-in configuration: every template, one-time, with a made-up id. */
export function localTemplateConfigs(): TemplateConfigs {
  return Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, { id: `local-${k}`, kind: 'one_time' as const }]));
}

/** One person's consent to one template (`_id` = `<personId>:<templateKey>`). */
export interface SubscriptionDoc extends StoredDoc {
  personId: string;
  templateKey: TemplateKey;
  /** one-time sends left */
  credits: number;
  /** the latest answer of the consent panel */
  state: ConsentResult | null;
  updatedAt: string;
  lastError?: { errCode: number; at: string };
}

/** WeChat refuses at most this many credits' worth of accepts to matter; a runaway client is capped. */
export const MAX_CREDITS = 50;

export const subscriptionId = (personId: string, key: TemplateKey) => `${personId}:${key}`;

/** Records the consent panel's answers: each accept adds a credit (one-time), every answer is kept. */
export async function recordConsent(store: Store, personId: string, results: Partial<Record<TemplateKey, ConsentResult>>, now: Date): Promise<void> {
  for (const [key, answer] of Object.entries(results) as Array<[TemplateKey, ConsentResult]>) {
    const _id = subscriptionId(personId, key);
    await retryOnConflict(() =>
      store.transaction(async (tx) => {
        const sub = await tx.get<SubscriptionDoc>('subscriptions', _id);
        const add = answer === 'accept' ? 1 : 0;
        if (!sub) {
          await tx.insert<SubscriptionDoc>('subscriptions', { _id, personId, templateKey: key, credits: add, state: answer, updatedAt: now.toISOString() });
        } else {
          await tx.update<SubscriptionDoc>('subscriptions', _id, sub.version, { credits: Math.min(MAX_CREDITS, sub.credits + add), state: answer, updatedAt: now.toISOString() });
        }
      }),
    );
  }
}

/** What the platform's send takes (WeChat: cloud.openapi.subscribeMessage.send). */
export interface SendRequest {
  personId: string;
  openid: string | null;
  templateKey: TemplateKey;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export interface SubscribeSender {
  /** WeChat needs the person's openid; the local stand-in records by person */
  readonly requiresOpenid: boolean;
  /** throws `{ errCode }` as WeChat does */
  send(req: SendRequest): Promise<void>;
}

export interface DeliveryDoc extends StoredDoc {
  personId: string;
  templateKey: TemplateKey;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  /**
   * queued → sending (claimed, credit spent) → sent | queued (a retry) | failed; a claim a crash
   * cut off → unknown. skipped: never tried (no credit, no openid, not configured). void (issue
   * #20): its subject no longer needed it when its time came — never sent, no credit spent.
   */
  state: 'queued' | 'sending' | 'sent' | 'skipped' | 'failed' | 'unknown' | 'void';
  /** when to send; while `sending`, when the claim was made */
  sendAt: string;
  attempts: Array<{ at: string; result: 'sent' | 'error' | 'no_credit' | 'no_openid' | 'not_configured' | 'unknown' | 'void'; errCode?: number }>;
  createdAt: string;
  sentAt?: string;
  /**
   * Issue #20: what the message is about, so its send is checked (stillNeeded) even when its inbox
   * row does not exist — a crash between this row and the inbox row, a message the sweep voided.
   * Absent on rows written before.
   */
  about?: MessageSubject;
}

/** Errors WeChat will answer the same way again: never retried. */
const FINAL_ERRORS = new Set([43101, 47003, 40037, 40003, 41030]);
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000];
/** a claim still `sending` after this was cut off by a crash (a WeChat call answers in seconds) */
export const SENDING_TIMEOUT_MS = 2 * 60_000;

function errCodeOf(e: unknown): number {
  const code = (e as { errCode?: unknown } | null)?.errCode;
  return typeof code === 'number' ? code : -1;
}

export class SubscriptionChannel implements DeliveryChannel {
  readonly name = 'subscribe';
  /** issue #20: messages voided at the moment of sending, since the channel was made */
  voided = 0;

  constructor(
    private readonly store: Store,
    private readonly sender: SubscribeSender,
    private readonly configs: TemplateConfigs,
    private readonly log: Log,
  ) {}

  /** The delivery row, `queued`, written before the inbox row; an existing one is kept and answered. */
  async prepare(n: NotificationDoc, now: Date): Promise<DeliveryDoc | null> {
    const key = MILESTONE_TEMPLATE[n.milestone];
    const config = key ? this.configs[key] : undefined;
    if (!key || !config) return null;
    try {
      return await this.store.insert<DeliveryDoc>('deliveries', {
        _id: n._id, personId: n.recipientId, templateKey: key, templateId: config.id, page: n.link.replace(/^\//, ''),
        data: templateData(key, n.facts ?? {}, n.createdAt), state: 'queued', sendAt: quietUntil(now) ?? now.toISOString(), attempts: [], createdAt: now.toISOString(),
        about: aboutOf(n),
      });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict')) throw e;
      return this.store.get<DeliveryDoc>('deliveries', n._id); // recorded before: resume from it
    }
  }

  /** Sends the message if its row says it is still to be sent and its time has come. */
  async deliver(n: NotificationDoc, now: Date, prepared?: unknown): Promise<ChannelOutcome | undefined> {
    const d = prepared === undefined ? await this.prepare(n, now) : (prepared as DeliveryDoc | null);
    if (!d || d.state !== 'queued') return undefined; // not for this channel, or handled before
    return d.sendAt <= now.toISOString() ? this.attempt(d, now) : 'queued';
  }

  /**
   * Sends the queued deliveries whose time has come (quiet hours over, a retry due, a crash between
   * the inbox and the send), and settles claims a crash cut off as `unknown`; answers what it did.
   */
  async flush(now: Date, limit = 100): Promise<{ sent: number; queued: number; unknown: number }> {
    const unknown = await this.settleStaleClaims(now, limit);
    const due = await this.store.find<DeliveryDoc>('deliveries', { state: 'queued', sendAt: { lte: now.toISOString() } }, { sort: [['sendAt', 'asc']], limit });
    let sent = 0;
    for (const d of due.items) if ((await this.attempt(d, now)) === 'sent') sent += 1;
    const queued = await this.store.count('deliveries', { state: 'queued' });
    return { sent, queued, unknown };
  }

  /** `sending` past SENDING_TIMEOUT_MS: WeChat may or may not have it — recorded, never sent again. */
  async settleStaleClaims(now: Date, limit = 100): Promise<number> {
    const before = new Date(now.getTime() - SENDING_TIMEOUT_MS).toISOString();
    const stale = await this.store.find<DeliveryDoc>('deliveries', { state: 'sending', sendAt: { lt: before } }, { sort: [['sendAt', 'asc']], limit });
    let settled = 0;
    for (const d of stale.items) {
      try {
        await this.store.update<DeliveryDoc>('deliveries', d._id, d.version, { state: 'unknown', attempts: [...d.attempts, { at: now.toISOString(), result: 'unknown' }] });
        settled += 1;
        this.log('warn', 'subscription message outcome unknown after a crash', { templateKey: d.templateKey });
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'conflict')) throw e; // settled by its own call meanwhile
      }
    }
    return settled;
  }

  /** One attempt: claim and spend a credit (one-time), send, settle — in that order; every outcome recorded. */
  private async attempt(d: DeliveryDoc, now: Date): Promise<ChannelOutcome> {
    const at = now.toISOString();
    const config = this.configs[d.templateKey];
    const person = await this.store.get<Person>('users', d.personId);
    const openid = person?.openid ?? null;
    const finish = async (state: DeliveryDoc['state'], result: DeliveryDoc['attempts'][number]['result'], extra: Partial<DeliveryDoc> = {}, errCode?: number) => {
      const cur = (await this.store.get<DeliveryDoc>('deliveries', d._id)) ?? d;
      await this.store.update<DeliveryDoc>('deliveries', d._id, cur.version, {
        state, attempts: [...cur.attempts, { at, result, ...(errCode !== undefined ? { errCode } : {}) }], ...extra,
      });
    };
    if (!config) return finish('skipped', 'not_configured').then(() => 'skipped' as const);
    // issue #20: checked at the moment it is sent — a message its subject no longer needs is void;
    // by its inbox row (a to-do closed), else by what the row says it is about (no inbox row yet)
    const message = (await this.store.get<NotificationDoc>('notifications', d._id)) ?? d.about;
    if (message && !(await stillNeeded(this.store, message, now))) {
      this.voided += 1;
      return finish('void', 'void').then(() => 'skipped' as const);
    }
    if (this.sender.requiresOpenid && !openid) return finish('skipped', 'no_openid').then(() => 'skipped' as const);
    // claim the delivery and spend the credit in one transaction: a doubled tick sends once
    const claimed = await retryOnConflict(() =>
      this.store.transaction(async (tx) => {
        const cur = await tx.get<DeliveryDoc>('deliveries', d._id);
        if (!cur || cur.state !== 'queued') return 'taken' as const;
        const sub = await tx.get<SubscriptionDoc>('subscriptions', subscriptionId(d.personId, d.templateKey));
        // a banned template (the person switched it off) is never sent, credits or not; a one-time one needs a credit
        if (sub?.state === 'ban' || (config.kind === 'one_time' && (!sub || sub.credits < 1))) {
          await tx.update<DeliveryDoc>('deliveries', d._id, cur.version, { state: 'skipped', attempts: [...cur.attempts, { at, result: 'no_credit' }] });
          return 'no_credit' as const;
        }
        if (config.kind === 'one_time' && sub) await tx.update<SubscriptionDoc>('subscriptions', sub._id, sub.version, { credits: sub.credits - 1, updatedAt: at });
        // the claim: made before the call, so a crash after it can never send a second time
        await tx.update<DeliveryDoc>('deliveries', d._id, cur.version, { state: 'sending', sendAt: at });
        return 'claimed' as const;
      }),
    );
    if (claimed !== 'claimed') return 'skipped';
    try {
      await this.sender.send({ personId: d.personId, openid, templateKey: d.templateKey, templateId: d.templateId, page: d.page, data: d.data });
    } catch (e) {
      const errCode = errCodeOf(e);
      this.log('warn', 'subscription message refused', { templateKey: d.templateKey, errCode });
      await this.afterError(d, config, errCode, at);
      const tries = d.attempts.filter((a) => a.result === 'error').length + 1;
      if (FINAL_ERRORS.has(errCode) || tries > BACKOFF_MS.length) {
        await finish('failed', 'error', {}, errCode);
        return 'failed';
      }
      await finish('queued', 'error', { sendAt: new Date(now.getTime() + BACKOFF_MS[tries - 1]).toISOString() }, errCode);
      return 'queued';
    }
    // sent: only now settled. A failure here is not WeChat's refusal — the message went out — so it
    // is never retried; the claim stays `sending` and the tick settles it as unknown.
    await finish('sent', 'sent', { sentAt: at });
    return 'sent';
  }

  /** 43101: the person has no quota left (or refused) — the ledger says zero; other errors give the credit back. */
  private async afterError(d: DeliveryDoc, config: TemplateConfig, errCode: number, at: string): Promise<void> {
    if (config.kind !== 'one_time') return;
    const id = subscriptionId(d.personId, d.templateKey);
    await retryOnConflict(async () => {
      const sub = await this.store.get<SubscriptionDoc>('subscriptions', id);
      if (!sub) return;
      const credits = errCode === 43101 ? 0 : Math.min(MAX_CREDITS, sub.credits + 1);
      await this.store.update<SubscriptionDoc>('subscriptions', id, sub.version, { credits, lastError: { errCode, at }, updatedAt: at });
    });
  }
}

/** The channel of a runtime, if it has one (the tick flushes it). */
export function subscriptionChannelOf(rt: { channels: readonly DeliveryChannel[] }): SubscriptionChannel | null {
  return (rt.channels.find((c) => c instanceof SubscriptionChannel) as SubscriptionChannel | undefined) ?? null;
}
