// Idempotency keys (DESIGN.md "The contract"): the same key from the same person for the same
// action runs the action once and returns the first answer every time — a double tap creates one
// record. A reservation is written before the handler runs, so two concurrent calls cannot both act.
import { createHash } from 'node:crypto';
import { AppError, type Envelope } from '../domain';
import type { Store, StoredDoc } from './store/port';

interface IdempotencyRow extends StoredDoc {
  state: 'pending' | 'done' | 'failed';
  actorId: string;
  action: string;
  createdAt: string;
  envelope?: Envelope<unknown>;
}

export function idempotencyId(actorId: string, action: string, key: string): string {
  return createHash('sha256').update(`${actorId}\u0000${action}\u0000${key}`).digest('hex').slice(0, 40);
}

export type Reservation =
  | { kind: 'fresh'; id: string; version: number }
  | { kind: 'replay'; envelope: Envelope<unknown> };

/** Reserve the key, or return the stored answer of an earlier call with it. */
export async function reserve(store: Store, actorId: string, action: string, key: string, now: Date): Promise<Reservation> {
  const id = idempotencyId(actorId, action, key);
  try {
    const row = await store.insert<IdempotencyRow>('idempotency', {
      _id: id, state: 'pending', actorId, action, createdAt: now.toISOString(),
    });
    return { kind: 'fresh', id, version: row.version };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
  }
  const existing = await store.get<IdempotencyRow>('idempotency', id);
  if (existing?.state === 'done' && existing.envelope) return { kind: 'replay', envelope: existing.envelope };
  if (existing?.state === 'failed') {
    // The first try failed and changed nothing: this one may try again.
    const row = await store.update<IdempotencyRow>('idempotency', id, existing.version, { state: 'pending' });
    return { kind: 'fresh', id, version: row.version };
  }
  throw new AppError('conflict', '相同的请求正在处理中，请稍候');
}

export async function settle(store: Store, id: string, version: number, envelope: Envelope<unknown>): Promise<void> {
  await store.update<IdempotencyRow>('idempotency', id, version, envelope.ok ? { state: 'done', envelope } : { state: 'failed' });
}
