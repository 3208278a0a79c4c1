// Idempotency keys (issue #6, defect 5): for every write that carries a key, the same key from the
// same person for the same action runs the action once and returns the first answer every time —
// a double tap changes things once. A reservation is written before the handler runs, so two
// concurrent calls cannot both act. The key is bound to the payload: reusing it for different
// content is refused, never answered with the first result. A reservation a crash left pending
// expires after two minutes; answers are kept for a day, then the sweep removes them.
import { createHash } from 'node:crypto';
import { AppError, type Envelope } from '../domain';
import type { Store, StoredDoc } from './store/port';

/** a call still "pending" after this was cut off by a crash: the key may be used again */
export const PENDING_EXPIRY_MS = 2 * 60 * 1000;
/** how long a settled answer is replayed */
export const ANSWER_TTL_MS = 24 * 3600 * 1000;

export interface IdempotencyRow extends StoredDoc {
  state: 'pending' | 'done' | 'failed';
  actorId: string;
  action: string;
  payloadHash: string;
  createdAt: string;
  /** the sweep removes rows past this instant */
  expiresAt: string;
  envelope?: Envelope<unknown>;
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

export type Reservation =
  | { kind: 'fresh'; id: string; version: number }
  | { kind: 'replay'; envelope: Envelope<unknown> };

const pendingUntil = (now: Date) => new Date(now.getTime() + PENDING_EXPIRY_MS).toISOString();

/** Reserve the key, or return the stored answer of an earlier call with it. */
export async function reserve(store: Store, actorId: string, action: string, key: string, hash: string, now: Date): Promise<Reservation> {
  const id = idempotencyId(actorId, action, key);
  const fresh = { state: 'pending' as const, payloadHash: hash, createdAt: now.toISOString(), expiresAt: pendingUntil(now) };
  try {
    const row = await store.insert<IdempotencyRow>('idempotency', { _id: id, actorId, action, ...fresh });
    return { kind: 'fresh', id, version: row.version };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
  }
  const existing = await store.get<IdempotencyRow>('idempotency', id);
  if (!existing) throw new AppError('conflict', '相同的请求正在处理中，请稍候');
  const expired = existing.expiresAt <= now.toISOString();
  if (!expired && existing.payloadHash !== hash) throw new AppError('idempotency_key_reused');
  if (!expired && existing.state === 'done' && existing.envelope) return { kind: 'replay', envelope: existing.envelope };
  if (!expired && existing.state === 'pending') throw new AppError('conflict', '相同的请求正在处理中，请稍候');
  // The first try failed and changed nothing, or the row is past its time: this call acts.
  const row = await store.update<IdempotencyRow>('idempotency', id, existing.version, { ...fresh, envelope: undefined });
  return { kind: 'fresh', id, version: row.version };
}

export async function settle(store: Store, r: { id: string; version: number }, envelope: Envelope<unknown>, now: Date): Promise<void> {
  const patch = envelope.ok
    ? { state: 'done' as const, envelope, expiresAt: new Date(now.getTime() + ANSWER_TTL_MS).toISOString() }
    : { state: 'failed' as const, expiresAt: now.toISOString() };
  await store.update<IdempotencyRow>('idempotency', r.id, r.version, patch);
}
