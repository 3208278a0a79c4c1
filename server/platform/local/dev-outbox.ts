// The local stand-in for WeChat's subscribeMessage.send (issue #10): records what would have been
// sent (GET /api/dev/outbox) and, for tests, answers a WeChat error for a person
// (POST /api/dev/outbox/fail) so the consent ledger can be proved without WeChat.
import * as z from 'zod/mini';
import { AppError, type Envelope } from '../../../domain';
import type { Clock } from '../../kit/clock';
import type { SmsRequest, SmsSender } from '../../notify/sms';
import type { SendRequest, SubscribeSender } from '../../notify/subscriptions';

export interface DevOutboxEntry {
  /** issue #20: 'wechat' (a subscription message) or 'sms' (the strong channel's stand-in) */
  channel: 'wechat' | 'sms';
  personId: string;
  templateKey?: string;
  data?: Record<string, { value: string }>;
  page?: string;
  /** SMS: the text, and the number masked (138****5678) */
  text?: string;
  to?: string;
  at: string;
}

const FailInput = z.strictObject({ personId: z.string().check(z.minLength(1), z.maxLength(64)), errCode: z.nullable(z.number().check(z.int())) });

export class DevOutbox implements SubscribeSender {
  readonly requiresOpenid = false;
  /** issue #20: the SMS stand-in as an object of its own (the channel takes a sender) */
  readonly sms: SmsSender = { provider: 'dev', send: (req) => this.sendSms(req) };
  private readonly entries: DevOutboxEntry[] = [];
  private readonly failures = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  async send(req: SendRequest): Promise<void> {
    const errCode = this.failures.get(req.personId);
    if (errCode !== undefined) throw Object.assign(new Error(`errCode ${errCode}`), { errCode });
    this.entries.push({ channel: 'wechat', personId: req.personId, templateKey: req.templateKey, data: req.data, page: req.page, at: this.clock.now().toISOString() });
  }

  /** Issue #20: records an SMS instead of sending it (SMS_PROVIDER=dev); a failure set for the person refuses it too. */
  async sendSms(req: SmsRequest): Promise<void> {
    const errCode = this.failures.get(req.personId);
    if (errCode !== undefined) throw Object.assign(new Error(`errCode ${errCode}`), { errCode });
    this.entries.push({ channel: 'sms', personId: req.personId, text: req.text, to: req.phone.replace(/^(\+86)?(\d{3})\d{4}(\d{4})$/, '$2****$3'), at: this.clock.now().toISOString() });
  }

  list(): DevOutboxEntry[] {
    return [...this.entries];
  }

  /** `{ personId, errCode }` makes every send to that person fail with it; `errCode: null` clears it. */
  fail(body: unknown): Envelope<{ personId: string; errCode: number | null }> {
    const parsed = FailInput.safeParse(body);
    if (!parsed.success) return { ok: false, error: new AppError('validation_error', '需要 personId 与 errCode').toBody() };
    const { personId, errCode } = parsed.data;
    if (errCode === null) this.failures.delete(personId);
    else this.failures.set(personId, errCode);
    return { ok: true, data: { personId, errCode } };
  }
}
