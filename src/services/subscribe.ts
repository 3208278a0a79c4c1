// Push reminders (issue #10, PLATFORM.md "Subscription messages"): consent asked at the taps where
// the next reminders of a flow start to matter (domain/subscriptions.ts CONSENT_FLOWS), answers kept
// in the server's ledger (notify.recordConsent; one-time templates: each accept is one message).
// - weapp: WeChat's own panel. `requestSubscribeMessage` opens it only from a tap, so the ask starts
//   synchronously inside the tap, from template ids already in memory: the person's reminders
//   (notify.subscriptions), fetched once per app run in the background once a page that asks has
//   rendered (usePrimeConsent), and replaced by every answer recordConsent gives.
// - H5: there is no WeChat panel; a stand-in (components/ConsentPanel) answers accept / reject per
//   template. It appears at the natural taps only where this device turned it on (消息提醒 →
//   办理时询问): a browser's answer cannot stand for WeChat's, and by default nothing interrupts the
//   person's work in a browser. 再订阅 on the 消息提醒 page always shows it.
// The ask never blocks, delays or fails the action: callers `void askConsent(...)` and go on; every
// failure is logged and swallowed, and a caller that wants to know reads the outcome.
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { SubscriptionItemView, SubscriptionsView } from '../../domain/schemas/notify';
import { CONSENT_FLOWS, CONSENT_RESULTS, MAX_TEMPLATES_PER_ASK, type ConsentFlow, type ConsentResult, type TemplateKey } from '../../domain/consent';
import { IntentKeys } from '../utils/keys';
import { call, getSessionToken, toApiError } from './api';

export type ConsentResults = Partial<Record<TemplateKey, ConsentResult>>;

/** What an ask came to: answers recorded (with the person's reminders after them), nothing asked, or a failure in words. */
export type ConsentOutcome =
  | { kind: 'recorded'; view: SubscriptionsView; results: ConsentResults }
  | { kind: 'skipped' }
  | { kind: 'failed'; message: string };

export interface AskOptions {
  /** 再订阅: ask even where the reminder is on or was turned down (the settings page) */
  force?: boolean;
}

const SKIPPED: ConsentOutcome = { kind: 'skipped' };
const STAND_IN_KEY = 'consent_stand_in';
/** After a page that asks has rendered: its own read first, then the reminders (the page renders from one call). */
const PRIME_DELAY_MS = 800;

function warn(what: string, detail?: unknown): void {
  // The ask is an extra: its failures are logged, never shown in the middle of the person's action.
  console.warn(`[subscribe] ${what}`, detail ?? '');
}

// ---- the person's reminders, once per app run ----

let view: SubscriptionsView | null = null;
let owner: string | null = null;
let loading: Promise<void> | null = null;

/** Whose reminders are in memory: in a browser the signed-in session (切换人员 changes it); in WeChat one person per run. */
function whoAmI(): string {
  return process.env.TARO_ENV === 'h5' ? (getSessionToken() ?? '') : 'weapp';
}

function cachedItems(): SubscriptionItemView[] | null {
  return view && owner === whoAmI() ? view.items : null;
}

/** Keeps the reminders the server just answered (a page's read, or recordConsent's answer). */
export function rememberSubscriptions(v: SubscriptionsView): void {
  view = v;
  owner = whoAmI();
}

/** The person's reminders, fresh from the server (and kept for the next ask). */
export async function loadSubscriptions(): Promise<SubscriptionsView> {
  const v = await call('notify.subscriptions', {});
  rememberSubscriptions(v);
  return v;
}

/** Fetches the reminders once, unless they are in memory or on their way. */
export function primeConsent(): void {
  if (cachedItems() || loading) return;
  loading = loadSubscriptions().then(
    () => undefined,
    (e: unknown) => warn('could not read the reminders', toApiError(e).message),
  );
  void loading.finally(() => {
    loading = null;
  });
}

/**
 * For a page that asks: once it shows something the person can act on (`ready`), the reminders
 * are fetched in the background, so the tap can ask at once (weapp needs the template ids then).
 */
export function usePrimeConsent(ready: boolean): void {
  useEffect(() => {
    if (!ready || !asksAtTaps() || cachedItems()) return undefined;
    const timer = setTimeout(primeConsent, PRIME_DELAY_MS);
    return () => clearTimeout(timer);
  }, [ready]);
}

// ---- H5: whether the stand-in asks at the natural taps (this device) ----

/** H5: the stand-in is on for this device. WeChat: always (its own panel). */
export function asksAtTaps(): boolean {
  if (process.env.TARO_ENV !== 'h5') return true;
  try {
    return Taro.getStorageSync(STAND_IN_KEY) === true;
  } catch {
    return false;
  }
}

export function setAsksAtTaps(on: boolean): void {
  try {
    if (on) Taro.setStorageSync(STAND_IN_KEY, true);
    else Taro.removeStorageSync(STAND_IN_KEY);
  } catch {
    // Storage full or disabled: the stand-in stays as it was.
  }
}

// ---- which templates to ask for ----

function configured(i: SubscriptionItemView | undefined): i is SubscriptionItemView & { templateId: string } {
  return !!i && i.templateId !== null;
}

/**
 * The templates one ask lists, at most MAX_TEMPLATES_PER_ASK. No nagging: a natural tap asks only
 * while one of the flow's reminders still needs consent (none on, none turned down), and then
 * lists the flow's reminders not turned down (an accept tops up a one-time reminder's credits).
 * 再订阅 (force) lists what it names. One-time and long-term ids never go in one call (WeChat 20002).
 */
export function templatesToAsk(items: readonly SubscriptionItemView[], keys: readonly TemplateKey[], force = false): Array<SubscriptionItemView & { templateId: string }> {
  const mine = keys.map((k) => items.find((i) => i.templateKey === k)).filter(configured);
  let listed = mine;
  if (!force) {
    if (!mine.some((i) => i.state === 'needs_consent')) return [];
    listed = mine.filter((i) => i.state !== 'refused');
  }
  const kind = listed[0]?.kind;
  return listed.filter((i) => i.kind === kind).slice(0, MAX_TEMPLATES_PER_ASK);
}

// ---- recording the answers ----

const intents = new IntentKeys();

async function record(results: ConsentResults): Promise<ConsentOutcome> {
  if (Object.keys(results).length === 0) return SKIPPED;
  const payload = { results };
  // One retry after a lost answer, under the same key: the panel has been answered, the credit matters.
  for (let attempt = 1; ; attempt += 1) {
    const idempotencyKey = intents.keyFor('notify.recordConsent', payload);
    try {
      const v = await call('notify.recordConsent', payload, { idempotencyKey });
      intents.settle('notify.recordConsent', payload);
      rememberSubscriptions(v);
      return { kind: 'recorded', view: v, results };
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'idempotency_key_reused') intents.settle('notify.recordConsent', payload);
      if (error.code !== 'network' || attempt >= 2) throw error;
    }
  }
}

/** WeChat's answer (template id → result) as template key → result, for the ids asked. */
function resultsOf(asked: ReadonlyArray<{ templateKey: TemplateKey; templateId: string }>, answer: unknown): ConsentResults {
  const out: ConsentResults = {};
  if (typeof answer !== 'object' || answer === null) return out;
  const byId = answer as Record<string, unknown>;
  for (const { templateKey, templateId } of asked) {
    const r = byId[templateId];
    if ((CONSENT_RESULTS as readonly unknown[]).includes(r)) out[templateKey] = r as ConsentResult;
  }
  return out;
}

/** WeChat's failures in words (PLATFORM.md): said on the 消息提醒 page only. */
function failureMessage(e: unknown): string {
  const code = (e as { errCode?: unknown } | null)?.errCode;
  if (code === 20004) return '您已关闭本小程序的订阅消息，可在右上角「···」→「设置」→「通知管理」中打开';
  if (code === 20005) return '本小程序的订阅消息暂不可用';
  if (code === 10005) return '当前无法显示订阅提示，请稍后再试';
  const api = toApiError(e);
  return api.code === 'internal' ? '未能订阅消息提醒，请稍后再试' : api.message;
}

function failed(e: unknown): ConsentOutcome {
  warn('the ask failed', e);
  return { kind: 'failed', message: failureMessage(e) };
}

// ---- the ask ----

/** One ask at a time: a second tap while the panel is open asks nothing. */
let asking = false;
/** the open ask, settled when its panel closes */
let openAsk: Promise<unknown> = Promise.resolve();

/**
 * Resolves once no subscription panel is open. A confirmation asked in the same tap as the reminders
 * (审核通过: the reminders, then 确认…?) waits for it, so the two are never drawn over each other
 * (issue #19, 长辈版: the confirmation box lay over the subscription sheet).
 */
export function consentClosed(): Promise<void> {
  return openAsk.then(
    () => undefined,
    () => undefined,
  );
}

function track<T>(ask: Promise<T>): Promise<T> {
  openAsk = ask;
  return ask;
}

/** H5 only: the stand-in panel's module (the mini-program never loads it). */
function standInPanel(): Promise<typeof import('../components/ConsentPanel')> {
  if (process.env.TARO_ENV === 'h5') return import('../components/ConsentPanel');
  return Promise.reject(new Error('the stand-in panel exists only in the browser'));
}

async function askInBrowser(keys: readonly TemplateKey[], force: boolean): Promise<ConsentOutcome> {
  const items = cachedItems() ?? (await loadSubscriptions()).items;
  const asked = templatesToAsk(items, keys, force);
  if (asked.length === 0) return SKIPPED;
  const { openConsentPanel } = await standInPanel();
  const answers = await openConsentPanel(asked.map((i) => ({ key: i.templateKey, title: i.title, description: i.description })));
  return record(answers);
}

/**
 * Ask for the reminders of a flow (or the named ones), from inside a tap handler: call it first,
 * without awaiting anything before it. Resolves with what happened; never rejects.
 */
export function askConsent(target: ConsentFlow | readonly TemplateKey[], opts: AskOptions = {}): Promise<ConsentOutcome> {
  const keys: readonly TemplateKey[] = typeof target === 'string' ? CONSENT_FLOWS[target] : target;
  const force = opts.force === true;
  if (asking) return Promise.resolve(SKIPPED);
  try {
    if (process.env.TARO_ENV === 'h5') {
      if (!force && !asksAtTaps()) return Promise.resolve(SKIPPED);
      asking = true;
      return track(askInBrowser(keys, force))
        .catch(failed)
        .finally(() => {
          asking = false;
        });
    }
    const items = cachedItems();
    if (!items) {
      // Without the ids nothing can be asked in this tap; the next one can.
      warn('reminders not read yet: not asked this time');
      primeConsent();
      return Promise.resolve(SKIPPED);
    }
    const asked = templatesToAsk(items, keys, force);
    if (asked.length === 0) return Promise.resolve(SKIPPED);
    asking = true;
    // Synchronously, still inside the tap: WeChat opens its panel only from one.
    const panel = Taro.requestSubscribeMessage({ tmplIds: asked.map((i) => i.templateId), entityIds: [] });
    return track(panel)
      .then((answer) => record(resultsOf(asked, answer)))
      .catch(failed)
      .finally(() => {
        asking = false;
      });
  } catch (e) {
    asking = false;
    return Promise.resolve(failed(e));
  }
}
