// Issue #25: the messages between the host's main thread and its heavy-work thread (host/heavy.ts,
// host/heavy-worker.ts). The worker runs the actions that build files (the archive, the exports,
// the assessment) and asks the main thread for every store call: the database stays on the main
// thread, one connection, its queries queued with everyone else's.
import { AppError, type Envelope, type ErrorCode } from '../domain';
import type { HostContext } from '../server/platform/local/runtime';

/** The Store methods the worker forwards as they are (a transaction has its own messages). */
export const STORE_METHODS = ['get', 'insert', 'update', 'find', 'count', 'removeWhere', 'ensureSchema', 'maintain', 'clearAll'] as const;
export type StoreMethod = (typeof STORE_METHODS)[number];
/** What a transaction's store offers (TxStore). */
export const TX_METHODS = ['get', 'insert', 'update'] as const;
export type TxMethod = (typeof TX_METHODS)[number];

/** An error as it crosses the thread boundary: an AppError comes back an AppError. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  details?: unknown;
}

export type ToMain =
  | { t: 'store'; id: number; tx?: number; method: StoreMethod; args: unknown[] }
  | { t: 'tx-begin'; tx: number }
  | { t: 'tx-end'; tx: number; ok: boolean }
  | { t: 'done'; run: number; envelope: Envelope<unknown> }
  | { t: 'failed'; run: number; error: WireError };

export type ToWorker =
  | { t: 'run'; run: number; area: string; body: unknown; context: HostContext; now: string; shifted: boolean; baseUrl: string }
  | { t: 'store-reply'; id: number; ok: true; value: unknown }
  | { t: 'store-reply'; id: number; ok: false; error: WireError }
  | { t: 'tx-ready'; tx: number }
  | { t: 'tx-done'; tx: number; ok: boolean; error?: WireError };

/** What the worker needs to build its runtime (workerData.heavyWorker). */
export interface HeavyWorkerData {
  secret: string;
  filesDir: string;
  wordList: string;
  quiet: boolean;
}

export function toWire(e: unknown): WireError {
  if (e instanceof AppError) return { name: 'AppError', message: e.message, code: e.code, details: e.details };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

export function fromWire(w: WireError): Error {
  if (w.name === 'AppError' && w.code) return new AppError(w.code as ErrorCode, w.message, w.details);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}
