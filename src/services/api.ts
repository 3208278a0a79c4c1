// The ONLY module that talks to the cloud (DESIGN.md "The contract").
// weapp: wx.cloud.callFunction({ name: fn, data: { action, payload, idempotencyKey } }).
// H5:    POST /api/<fn> with the same JSON body, authorised by the local host's session token.
// `fn` is the cloud function serving the action: its area's, or the one domain/functions.ts names.
// Every answer is an envelope; a failure becomes an ApiError carrying a Chinese message to show.
// Types only from domain/: the schemas themselves (zod) never reach the app bundle.
import Taro from '@tarojs/taro';
import type { ActionInput, ActionOutput } from '../../domain/contract';
import type { ErrorCode } from '../../domain/errors';
import type { ActionName, PERMISSIONS } from '../../domain/permissions';
import type { DevUserView } from '../../domain/schemas/account';
import { functionOf } from '../../domain/functions';

export type { ActionInput, ActionOutput, ErrorCode };

/**
 * The contract's codes plus the app's own `network`: the call never got an answer (offline, a cut
 * connection, a proxy's error page). Pages show 网络异常 with 重试 for it.
 */
export type ClientErrorCode = ErrorCode | 'network';

/** What a person may call: every action but the system actor's (a timer tick). */
export type ClientAction = Exclude<ActionName, `system.${string}`>;
/** The actions that change something; each is sent with an idempotency key. */
export type WriteAction = { [N in ClientAction]: (typeof PERMISSIONS)[N]['mode'] extends 'write' ? N : never }[ClientAction];
export type ReadAction = Exclude<ClientAction, WriteAction>;

type ErrorBody = { code: ErrorCode; message: string; details?: unknown };
type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

const NETWORK_MESSAGE = '网络异常，请检查网络后重试';
const MALFORMED_MESSAGE = '系统繁忙，请稍后再试';
const TOKEN_KEY = 'session_token';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly details?: unknown;

  constructor(code: ClientErrorCode, message: string, details?: unknown) {
    super(message);
    // Transpiled to ES5 for the mini-program, `extends Error` loses the prototype without this.
    Object.setPrototypeOf(this, ApiError.prototype);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

/** The sentence shown when the network failed (also for a page's code that failed to load). */
export { NETWORK_MESSAGE };

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Any thrown value as an ApiError, so pages have one shape to show. */
export function toApiError(e: unknown): ApiError {
  return isApiError(e) ? e : new ApiError('internal', MALFORMED_MESSAGE);
}

export interface CallOptions {
  /** sent with mutations so a retried tap is applied once */
  idempotencyKey?: string;
}

/** A write names its intention: the same key for a retry of it, a fresh one for the next. */
export interface WriteOptions extends CallOptions {
  idempotencyKey: string;
}

// ---- session token (H5 only; in WeChat the caller is identified by OPENID) ----

export function getSessionToken(): string | null {
  try {
    const token: unknown = Taro.getStorageSync(TOKEN_KEY);
    return typeof token === 'string' && token !== '' ? token : null;
  } catch {
    return null;
  }
}

export function setSessionToken(token: string | null): void {
  try {
    if (token) Taro.setStorageSync(TOKEN_KEY, token);
    else Taro.removeStorageSync(TOKEN_KEY);
  } catch {
    // Storage can be full or disabled (private mode); the session then lasts until reload.
  }
}

// ---- envelope ----

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isEnvelope(v: unknown): v is Envelope<unknown> {
  if (!isRecord(v)) return false;
  if (v.ok === true) return 'data' in v;
  return v.ok === false && isRecord(v.error) && typeof v.error.code === 'string';
}

function unwrap(answer: unknown): unknown {
  if (!isEnvelope(answer)) throw new ApiError('internal', MALFORMED_MESSAGE);
  if (answer.ok) return answer.data;
  const { code, message, details } = answer.error;
  if (code === 'unauthenticated' && process.env.TARO_ENV === 'h5') setSessionToken(null);
  throw new ApiError(code, message || MALFORMED_MESSAGE, details);
}

function body(action: string, payload: object, opts?: CallOptions): Record<string, unknown> {
  const data: Record<string, unknown> = { action, payload };
  if (opts?.idempotencyKey) data.idempotencyKey = opts.idempotencyKey;
  return data;
}

// ---- transports ----

let cloudReady = false;

function ensureCloud(): void {
  if (cloudReady) return;
  const env = process.env.CLOUD_ENV;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
  cloudReady = true;
}

async function callCloud(fn: string, data: Record<string, unknown>): Promise<unknown> {
  ensureCloud();
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data });
    return res.result;
  } catch {
    throw new ApiError('network', NETWORK_MESSAGE);
  }
}

function authHeaders(): Record<string, string> {
  const token = getSessionToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function fetchJson(url: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError('network', NETWORK_MESSAGE);
  }
  try {
    return await res.json();
  } catch {
    // A proxy's HTML error page or a cut connection: not an envelope.
    throw res.ok ? new ApiError('internal', MALFORMED_MESSAGE) : new ApiError('network', NETWORK_MESSAGE);
  }
}

/** Send one action (its verb) to the cloud function `fn`; resolves with `data`, rejects with an ApiError. */
async function send(fn: string, action: string, payload: object, opts?: CallOptions): Promise<unknown> {
  const data = body(action, payload, opts);
  if (process.env.TARO_ENV === 'weapp') {
    return unwrap(await callCloud(fn, data));
  }
  const answer = await fetchJson(`/api/${encodeURIComponent(fn)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders() },
    body: JSON.stringify(data),
  });
  return unwrap(answer);
}

/**
 * Call one action by its contract name (`area.action`, domain/contract.ts): the payload and the
 * answer are the contract's types. A write needs its idempotency key (hooks/useWrite keeps them).
 */
export function call<N extends ReadAction>(name: N, payload: ActionInput<N>, opts?: CallOptions): Promise<ActionOutput<N>>;
export function call<N extends WriteAction>(name: N, payload: ActionInput<N>, opts: WriteOptions): Promise<ActionOutput<N>>;
export async function call<N extends ClientAction>(name: N, payload: ActionInput<N>, opts?: CallOptions): Promise<ActionOutput<N>> {
  const started = opts?.idempotencyKey ? null : takeEarly(name, payload);
  if (started) return (await started) as ActionOutput<N>;
  const dot = name.indexOf('.');
  // The answer is the contract's output: the server's handlers are typed by the same contract.
  return (await send(functionOf(name), name.slice(dot + 1), payload, opts)) as ActionOutput<N>;
}

// ---- the first screen's read, started at launch (issue #25) ----

/** How long a read started at launch may wait for its page (a page that mounts later reads afresh). */
const EARLY_MS = 15_000;
let early: { key: string; at: number; answer: Promise<unknown> } | null = null;
const keyOf = (name: string, payload: object) => `${name} ${JSON.stringify(payload)}`;

/**
 * Starts a read now, before its page's code has loaded (services/first-read.ts, at launch); the
 * page's first `call` of exactly this read, within EARLY_MS, is answered by it instead of a second
 * request. Its failure is the page's to show, as if the page had made the call.
 */
export function callEarly<N extends ReadAction>(name: N, payload: ActionInput<N>): void {
  const dot = name.indexOf('.');
  const answer = send(functionOf(name), name.slice(dot + 1), payload);
  answer.catch(() => undefined); // not taken: not an unhandled rejection
  early = { key: keyOf(name, payload), at: Date.now(), answer };
}

function takeEarly(name: string, payload: object): Promise<unknown> | null {
  if (!early || early.key !== keyOf(name, payload)) return null;
  const { at, answer } = early;
  early = null;
  return Date.now() - at < EARLY_MS ? answer : null;
}

// ---- development sign-in (local host on loopback only) ----

/** The contract's demo person (host/dev.ts answers with exactly this). */
export type DevUser = DevUserView;

const DEV_ONLY_MESSAGE = '演示登录仅在浏览器开发模式下可用';

export async function listDevUsers(): Promise<DevUser[]> {
  if (process.env.TARO_ENV !== 'h5') throw new ApiError('forbidden', DEV_ONLY_MESSAGE);
  return unwrap(await fetchJson('/api/dev/users', { method: 'GET', headers: { accept: 'application/json' } })) as DevUser[];
}

export async function devSignIn(key: string): Promise<void> {
  if (process.env.TARO_ENV !== 'h5') throw new ApiError('forbidden', DEV_ONLY_MESSAGE);
  // Not in the contract (the local host's development route): the untyped path, checked here.
  const data = await send('account', 'devSignIn', { key });
  if (!isRecord(data) || typeof data.token !== 'string') throw new ApiError('internal', MALFORMED_MESSAGE);
  setSessionToken(data.token);
}
