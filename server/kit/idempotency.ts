// Idempotency keys (issue #6, defect 5; issue #17, items 2 and 8): for every write that carries a
// key, the same key from the same person for the same action runs the action once and returns the
// first answer every time — a double tap or a retry after a lost answer changes things once.
//
// The router looks the key up right after identifying the caller and BEFORE authorisation and the
// state guards: a key already answered gets its stored answer, even though the action it took has
// since moved the record on (a retried `meeting.accept` is not an invalid transition). A key in
// flight makes a duplicate wait briefly for the first answer, then answer `request_in_progress`.
// The key is bound to the payload: reusing it for different content is refused.
//
// Crash safety: a row is `pending` until the action's first write commits. Every `ctx.write`
// transaction also marks the row `committed` (checking that this call still holds it) and keeps the
// write's result, in the same transaction as the action's writes and its outbox. So:
// - `pending` means nothing was written: a pending row a crash left behind may be taken over after
//   its expiry, and the call it belonged to, if still alive, can no longer commit (its claim is gone);
// - `committed` means the action has acted: it never runs again. The answer is stored (`done`) right
//   after the handler returns; if a crash came first, a retry re-derives the answer by running the
//   handler again with every write replaced by its stored result (nothing is written twice), and
//   stores that answer for the retries after it.
import { createHash, randomUUID } from 'node:crypto';
import { AppError, type Envelope } from '../../domain';
import type { Store, StoredDoc, TxStore } from '../store/port';

const leaseOverride = Number(process.env.IDEMPOTENCY_LEASE_MS ?? '') || 0;
/** a call still "pending" after this was cut off by a crash: the key may be used again */
export const PENDING_EXPIRY_MS = leaseOverride || 2 * 60 * 1000;
/** a key `committed` this long without an answer was cut off by a crash: a retry re-derives the answer */
export const RECOVER_AFTER_MS = leaseOverride || 10 * 1000;
/** how long a settled answer is replayed */
export const ANSWER_TTL_MS = 24 * 3600 * 1000;
/** how long a duplicate waits for the first call's answer before answering "in progress" */
export const WAIT_FOR_ANSWER_MS = 2500;

export interface IdempotencyRow extends StoredDoc {
  state: 'pending' | 'committed' | 'done' | 'failed';
  actorId: string;
  action: string;
  payloadHash: string;
  createdAt: string;
  /** the call holding the key; a call that takes an expired key over writes its own */
  claim?: string;
  /** when the action's first write committed */
  committedAt?: string;
  /** the results of the action's `ctx.write` transactions, in order (`v` absent for undefined) */
  writes?: Array<{ v?: unknown }>;
  /** the sweep removes rows past this instant */
  expiresAt: string;
  /** the answer as JSON text: a replay is the very same body, keys in the same order (jsonb reorders them) */
  answer?: string;
}

export function idempotencyId(actorId: string, action: string, key: string): string {
  return createHash('sha256').update(`${actorId}\u0000${action}\u0000${key}`).digest('hex').slice(0, 40);
}

/** A stable hash of the parsed payload (object keys sorted). */
export function payloadHash(input: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return createHash('sha256').update(JSON.stringify(canon(input)) ?? '').digest('hex').slice(0, 32);
}

/** The call that holds a key: what its writes mark and its answer settles. */
export interface Held {
  id: string;
  claim: string;
  version: number;
  /** a write of this call has committed: the action has acted, whatever its answer */
  committed: boolean;
}

export type Reservation =
  | ({ kind: 'fresh' } & Held)
  /** the action acted but a crash took its answer: re-derive it from the stored write results */
  | ({ kind: 'recover'; writes: Array<{ v?: unknown }> } & Held)
  | { kind: 'replay'; envelope: Envelope<unknown> }
  /** another call with this key is in flight */
  | { kind: 'busy' };

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** Reserve the key, or say what an earlier call with it left: its answer, or that it is in flight. */
export async function reserve(store: Store, actorId: string, action: string, key: string, hash: string, now: Date): Promise<Reservation> {
  const id = idempotencyId(actorId, action, key);
  const claim = randomUUID();
  const fresh = { state: 'pending' as const, payloadHash: hash, createdAt: now.toISOString(), expiresAt: later(now, PENDING_EXPIRY_MS), claim };
  try {
    const row = await store.insert<IdempotencyRow>('idempotency', { _id: id, actorId, action, ...fresh });
    return { kind: 'fresh', id, claim, version: row.version, committed: false };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
  }
  const existing = await store.get<IdempotencyRow>('idempotency', id);
  if (!existing) return { kind: 'busy' }; // removed between the two reads: the caller tries again
  const at = now.toISOString();
  const expired = existing.expiresAt <= at;
  if (existing.state === 'committed') {
    // the action has acted: never again, whatever the time
    if (existing.payloadHash !== hash) throw new AppError('idempotency_key_reused');
    if (existing.answer) return { kind: 'replay', envelope: JSON.parse(existing.answer) as Envelope<unknown> };
    if (!existing.committedAt || later(new Date(existing.committedAt), RECOVER_AFTER_MS) > at) return { kind: 'busy' };
    const row = await takeOver(store, existing, { claim });
    return row ? { kind: 'recover', id, claim, version: row.version, committed: true, writes: existing.writes ?? [] } : { kind: 'busy' };
  }
  if (!expired && existing.payloadHash !== hash) throw new AppError('idempotency_key_reused');
  if (!expired && existing.state === 'done' && existing.answer) return { kind: 'replay', envelope: JSON.parse(existing.answer) as Envelope<unknown> };
  if (!expired && existing.state === 'pending') return { kind: 'busy' };
  // The first try failed and changed nothing, or the row is past its time: this call acts.
  const row = await takeOver(store, existing, { ...fresh, answer: undefined, writes: undefined, committedAt: undefined });
  return row ? { kind: 'fresh', id, claim, version: row.version, committed: false } : { kind: 'busy' };
}

async function takeOver(store: Store, existing: IdempotencyRow, patch: Partial<IdempotencyRow>): Promise<IdempotencyRow | null> {
  try {
    return await store.update<IdempotencyRow>('idempotency', existing._id, existing.version, patch);
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict') return null; // another retry took it first
    throw e;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `reserve`, but a duplicate of a call in flight waits (bounded) for that call's answer, so eight
 * simultaneous taps get eight equal answers; past the wait it is `request_in_progress` (409).
 */
export async function reserveOrWait(store: Store, actorId: string, action: string, key: string, hash: string, now: () => Date, waitMs = WAIT_FOR_ANSWER_MS): Promise<Exclude<Reservation, { kind: 'busy' }>> {
  const start = Date.now();
  for (let pause = 20; ; pause = Math.min(pause * 2, 200)) {
    const r = await reserve(store, actorId, action, key, hash, now());
    if (r.kind !== 'busy') return r;
    if (Date.now() - start + pause > waitMs) throw new AppError('request_in_progress');
    await sleep(pause);
  }
}

/**
 * Inside an action's write transaction: marks the key `committed` with this write's result and
 * answers the row's new version. Refuses
 * (conflict) when this call no longer holds the key — it was taken over after an expiry — so the
 * action never acts twice.
 */
export async function commitInTx(tx: TxStore, held: Held, result: unknown, now: Date): Promise<number> {
  const row = await tx.get<IdempotencyRow>('idempotency', held.id);
  if (!row || row.claim !== held.claim || (row.state !== 'pending' && row.state !== 'committed')) {
    throw new AppError('conflict', '该请求已由另一次提交处理，请刷新后查看');
  }
  const updated = await tx.update<IdempotencyRow>('idempotency', held.id, row.version, {
    state: 'committed',
    committedAt: row.committedAt ?? now.toISOString(),
    writes: [...(row.writes ?? []), result === undefined ? {} : { v: result }],
    expiresAt: later(now, ANSWER_TTL_MS),
  });
  // the caller records it in `held` only once the transaction has committed (a rolled-back run must not)
  return updated.version;
}

/**
 * Stores the answer. A success — or any answer once a write has committed — is replayed from now
 * on; a refusal before any write leaves the key free for a retry.
 */
export async function settle(store: Store, held: Held, envelope: Envelope<unknown>, now: Date): Promise<void> {
  const patch: Partial<IdempotencyRow> = envelope.ok || held.committed
    ? { state: 'done', answer: JSON.stringify(envelope), expiresAt: later(now, ANSWER_TTL_MS) }
    : { state: 'failed', expiresAt: now.toISOString() };
  await store.update<IdempotencyRow>('idempotency', held.id, held.version, patch);
}
