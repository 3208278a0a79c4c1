// Issue #20: the strong channel — SMS for what must not be missed (the notice, the day-before
// reminder, overdue tasks, 催办: `strong` in the route table) to people WeChat cannot reach (no
// credit, no openid, no template, WeChat refused). One sender port, three adapters chosen by
// environment: CloudBase's `cloudbase.sendSms` (通知类短信 with a template), a generic HTTP SMS
// gateway, and locally a recording stand-in (`SMS_PROVIDER=dev`, shown by GET /api/dev/outbox).
// Off by default. Quiet hours hold it until 08:00 like WeChat; at most `SMS_DAILY_CAP` (3) a person
// a Shanghai day, counted in the claim's transaction; checked at the moment it is sent like every
// message (server/notify/relevance.ts). Rows in `sms`: queued → sending → sent | skipped | void | failed.
// Phone numbers are read at the moment of sending, never stored in the row, never logged.
import { AppError, cn, MILESTONE_ROUTES, quietUntil, type Person } from '../../domain';
import type { ChannelOutcome, DeliveryChannel, NotificationDoc } from './notify';
import { retryOnConflict } from '../kit/records';
import { aboutOf, stillNeeded, type MessageSubject } from './relevance';
import type { Runtime } from '../kit/runtime';
import type { Store, StoredDoc } from '../store/port';
import type { DeliveryDoc } from './subscriptions';

export interface SmsRequest {
  personId: string;
  /** +86…, never logged */
  phone: string;
  text: string;
}

/** The sender port: throws on refusal (`{ errCode }` where the provider gives one). */
export interface SmsSender {
  readonly provider: 'cloudbase' | 'http' | 'dev';
  send(req: SmsRequest): Promise<void>;
}

/** wx-server-sdk's `cloud.openapi.cloudbase.sendSms`, typed by only what is called here. */
export interface CloudbaseSmsApi {
  sendSms(opts: { env: string; phone_number_list: string[]; sms_type: 'Notification'; template_id: string; template_param_list: string[]; use_short_name?: boolean }): Promise<{ errCode?: number; errcode?: number } | unknown>;
}

export function cloudbaseSmsSender(api: CloudbaseSmsApi, env: string, templateId: string): SmsSender {
  return {
    provider: 'cloudbase',
    send: async (req) => {
      // the template's one variable holds at most 30 characters
      const res = (await api.sendSms({ env, phone_number_list: [req.phone], sms_type: 'Notification', template_id: templateId, template_param_list: [[...req.text].slice(0, 30).join('')], use_short_name: true })) as { errCode?: number; errcode?: number } | null;
      const code = res?.errCode ?? res?.errcode ?? 0;
      if (code !== 0) throw Object.assign(new Error(`sendSms errcode ${code}`), { errCode: code });
    },
  };
}

/** A generic HTTP gateway: POST `{ to, text }` as JSON with a bearer token; any non-2xx is a refusal. */
export function httpSmsSender(url: string, token: string | undefined, doFetch: typeof fetch = fetch): SmsSender {
  return {
    provider: 'http',
    send: async (req) => {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: req.phone, text: req.text }),
      });
      if (!res.ok) throw Object.assign(new Error(`sms gateway ${res.status}`), { errCode: res.status });
    },
  };
}

export interface SmsSettings {
  provider: 'cloudbase' | 'http' | 'dev' | null;
  dailyCap: number;
  /** the text's sign-off (the gateway adds its own signature) */
  httpUrl?: string;
  httpToken?: string;
  cloudbaseEnv?: string;
  cloudbaseTemplateId?: string;
}

/**
 * `SMS_PROVIDER` = cloudbase | http | dev (anything else: off). cloudbase: `SMS_CLOUDBASE_ENV`,
 * `SMS_TEMPLATE_ID`; http: `SMS_HTTP_URL`, `SMS_HTTP_TOKEN`; all: `SMS_DAILY_CAP` (default 3).
 * A provider missing its settings is off.
 */
export function smsSettings(env: Record<string, string | undefined>): SmsSettings {
  const cap = Number(env.SMS_DAILY_CAP);
  const dailyCap = Number.isInteger(cap) && cap >= 1 && cap <= 20 ? cap : 3;
  const p = env.SMS_PROVIDER;
  if (p === 'dev') return { provider: 'dev', dailyCap };
  if (p === 'http' && env.SMS_HTTP_URL) return { provider: 'http', dailyCap, httpUrl: env.SMS_HTTP_URL, httpToken: env.SMS_HTTP_TOKEN };
  if (p === 'cloudbase' && env.SMS_TEMPLATE_ID) return { provider: 'cloudbase', dailyCap, cloudbaseEnv: env.SMS_CLOUDBASE_ENV ?? '', cloudbaseTemplateId: env.SMS_TEMPLATE_ID };
  return { provider: null, dailyCap };
}

/** The sender the settings name, from what the runtime has (the dev stand-in, the SDK). */
export function smsSenderFor(s: SmsSettings, have: { dev?: SmsSender; cloudbase?: CloudbaseSmsApi }): SmsSender | null {
  if (s.provider === 'dev') return have.dev ?? null;
  if (s.provider === 'http' && s.httpUrl) return httpSmsSender(s.httpUrl, s.httpToken);
  if (s.provider === 'cloudbase' && have.cloudbase && s.cloudbaseTemplateId) return cloudbaseSmsSender(have.cloudbase, s.cloudbaseEnv ?? '', s.cloudbaseTemplateId);
  return null;
}

export interface SmsDoc extends StoredDoc {
  personId: string;
  milestone: string;
  text: string;
  state: 'queued' | 'sending' | 'sent' | 'skipped' | 'void' | 'failed';
  sendAt: string;
  /** the Shanghai day it was sent (the cap's day) */
  day?: string;
  reason?: 'wechat_reached' | 'no_phone' | 'daily_cap' | 'refused';
  createdAt: string;
  sentAt?: string;
  /** issue #20: what the message is about (checked when sent, also before its inbox row exists) */
  about?: MessageSubject;
}

interface SmsDayDoc extends StoredDoc {
  personId: string;
  day: string;
  count: number;
}

/** Mainland mobile numbers as +86…; anything else is not sendable. */
export function smsNumber(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/[\s-]/g, '').replace(/^\+?86/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? `+86${digits}` : null;
}

/** What the SMS says: the message's title and the app to open, within one SMS (70 characters). */
export function smsText(n: Pick<NotificationDoc, 'title' | 'body'>): string {
  const text = `${n.title}：${n.body}`.replace(/\s+/g, ' ');
  const tail = '详见联席会议小程序';
  const room = 70 - tail.length - 1;
  const chars = [...text];
  return `${chars.length > room ? `${chars.slice(0, room - 1).join('')}…` : text}，${tail}`;
}

export class SmsChannel implements DeliveryChannel {
  readonly name = 'sms';

  constructor(
    private readonly store: Store,
    private readonly sender: SmsSender,
    private readonly dailyCap: number,
    private readonly log: Runtime['log'],
  ) {}

  /** The row, `queued` until quiet hours end, for a strong milestone; an existing one is kept. */
  async prepare(n: NotificationDoc, now: Date): Promise<SmsDoc | null> {
    if (!MILESTONE_ROUTES[n.milestone]?.strong) return null;
    try {
      return await this.store.insert<SmsDoc>('sms', {
        _id: n._id, personId: n.recipientId, milestone: n.milestone, text: smsText(n), state: 'queued', sendAt: quietUntil(now) ?? now.toISOString(), createdAt: now.toISOString(),
        about: aboutOf(n),
      });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict')) throw e;
      return this.store.get<SmsDoc>('sms', n._id);
    }
  }

  async deliver(n: NotificationDoc, now: Date, prepared?: unknown): Promise<ChannelOutcome | undefined> {
    const row = prepared === undefined ? await this.prepare(n, now) : (prepared as SmsDoc | null);
    if (!row || row.state !== 'queued') return undefined;
    return row.sendAt <= now.toISOString() ? this.attempt(row, now) : 'queued';
  }

  /** The queued rows whose time has come (after quiet hours, after WeChat had its turn). */
  async flush(now: Date, limit = 100): Promise<number> {
    const due = await this.store.find<SmsDoc>('sms', { state: 'queued', sendAt: { lte: now.toISOString() } }, { sort: [['sendAt', 'asc']], limit });
    let sent = 0;
    for (const row of due.items) if ((await this.attempt(row, now)) === 'sent') sent += 1;
    return sent;
  }

  private async settle(row: SmsDoc, patch: Partial<SmsDoc>): Promise<void> {
    await retryOnConflict(async () => {
      const cur = (await this.store.get<SmsDoc>('sms', row._id)) ?? row;
      await this.store.update<SmsDoc>('sms', row._id, cur.version, patch);
    });
  }

  private async attempt(row: SmsDoc, now: Date): Promise<ChannelOutcome> {
    const at = now.toISOString();
    // WeChat first: a message its subscription channel sent (or is still to send) needs no SMS
    const wechat = await this.store.get<DeliveryDoc>('deliveries', row._id);
    if (wechat && (wechat.state === 'sent' || wechat.state === 'sending' || wechat.state === 'unknown')) {
      await this.settle(row, { state: 'skipped', reason: 'wechat_reached' });
      return 'skipped';
    }
    if (wechat && wechat.state === 'queued') return 'queued'; // WeChat's turn is not over (a retry, quiet hours)
    const message = (await this.store.get<NotificationDoc>('notifications', row._id)) ?? row.about;
    if (message && !(await stillNeeded(this.store, message, now))) {
      await this.settle(row, { state: 'void' });
      return 'skipped';
    }
    const person = await this.store.get<Person>('users', row.personId);
    const phone = smsNumber(person?.phone);
    if (!phone) {
      await this.settle(row, { state: 'skipped', reason: 'no_phone' });
      return 'skipped';
    }
    const day = cn(now).format('YYYY-MM-DD');
    // claim the row and take one of the day's sends in one transaction: exact under doubled ticks
    const claimed = await retryOnConflict(() =>
      this.store.transaction(async (tx) => {
        const cur = await tx.get<SmsDoc>('sms', row._id);
        if (!cur || cur.state !== 'queued') return 'taken' as const;
        const counterId = `${row.personId}:${day}`;
        const counter = await tx.get<SmsDayDoc>('sms_days', counterId);
        if ((counter?.count ?? 0) >= this.dailyCap) {
          await tx.update<SmsDoc>('sms', row._id, cur.version, { state: 'skipped', reason: 'daily_cap', day });
          return 'capped' as const;
        }
        if (counter) await tx.update<SmsDayDoc>('sms_days', counterId, counter.version, { count: counter.count + 1 });
        else await tx.insert<SmsDayDoc>('sms_days', { _id: counterId, personId: row.personId, day, count: 1 });
        await tx.update<SmsDoc>('sms', row._id, cur.version, { state: 'sending', sendAt: at, day });
        return 'claimed' as const;
      }),
    );
    if (claimed !== 'claimed') return 'skipped';
    try {
      await this.sender.send({ personId: row.personId, phone, text: row.text });
    } catch (e) {
      const errCode = (e as { errCode?: unknown } | null)?.errCode;
      this.log('warn', 'sms refused', { provider: this.sender.provider, milestone: row.milestone, errCode: typeof errCode === 'number' ? errCode : -1 });
      await this.settle(row, { state: 'failed', reason: 'refused' });
      return 'failed';
    }
    await this.settle(row, { state: 'sent', sentAt: at });
    return 'sent';
  }
}

/** The SMS channel of a runtime, if it has one (the tick flushes it). */
export function smsChannelOf(rt: Pick<Runtime, 'channels'>): SmsChannel | null {
  return (rt.channels.find((c) => c instanceof SmsChannel) as SmsChannel | undefined) ?? null;
}

/** The channel the environment configures, or none (off by default). */
export function smsChannelFromEnv(store: Store, env: Record<string, string | undefined>, have: { dev?: SmsSender; cloudbase?: CloudbaseSmsApi }, log: Runtime['log']): SmsChannel[] {
  const settings = smsSettings(env);
  const sender = smsSenderFor(settings, have);
  return sender ? [new SmsChannel(store, sender, settings.dailyCap, log)] : [];
}
