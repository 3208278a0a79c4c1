// Guessing limits that hold under concurrency (issue #17): an attempt is claimed — counted, and
// the lock set at the limit — in its own transaction BEFORE the secret is compared, so however
// many guesses arrive at once, at most `limit` are compared before the lock. A right answer
// clears the counter. Used for desk passwords (per login, known or not: an unknown login locks
// exactly like a known one) and for the current password of account.changePassword (per person).
import { createHash } from 'node:crypto';
import { AppError } from '../../domain';
import { retryOnConflict } from '../kit/records';
import type { Store, StoredDoc } from '../store/port';

export interface AttemptCounter extends StoredDoc {
  /** attempts claimed in a row (a right answer clears them) */
  n: number;
  lockedUntil?: string;
  /** when the sweep may remove the counter */
  expiresAt: string;
}

export const attemptId = (kind: string, key: string) => `${kind}:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;

const COUNTER_DAYS_MS = 24 * 3600_000;
const BUSY = '尝试过于频繁，请稍后再试';

/**
 * Claims one attempt of `id` or refuses (rate_limited, `locked(until)` as the message) while it is
 * locked; the claim that reaches `limit` sets the lock of `lockMs`, and is itself still compared.
 */
export async function claimAttempt(store: Store, id: string, now: Date, limit: number, lockMs: number, locked: (until: string) => string): Promise<void> {
  try {
    await retryOnConflict(
      () =>
        store.transaction(async (tx) => {
          const c = await tx.get<AttemptCounter>('counters', id);
          const at = now.toISOString();
          if (c?.lockedUntil && c.lockedUntil > at) throw new AppError('rate_limited', locked(c.lockedUntil));
          // a lock that has run out starts a new series
          const n = (c && !c.lockedUntil ? c.n : 0) + 1;
          const lockedUntil = n >= limit ? new Date(now.getTime() + lockMs).toISOString() : undefined;
          const expiresAt = lockedUntil ?? new Date(now.getTime() + COUNTER_DAYS_MS).toISOString();
          if (c) await tx.update<AttemptCounter>('counters', id, c.version, { n, lockedUntil, expiresAt });
          else await tx.insert<AttemptCounter>('counters', { _id: id, n, ...(lockedUntil ? { lockedUntil } : {}), expiresAt });
        }),
      20,
    );
  } catch (e) {
    // contention that outlasts the retries is refused, never compared (fail closed)
    if (e instanceof AppError && e.code === 'conflict') throw new AppError('rate_limited', BUSY);
    throw e;
  }
}

/** A right answer: the series ends (its own commit; a failure only leaves the count standing). */
export async function clearAttempts(store: Store, id: string): Promise<void> {
  await retryOnConflict(() =>
    store.transaction(async (tx) => {
      const c = await tx.get<AttemptCounter>('counters', id);
      if (c && (c.n !== 0 || c.lockedUntil)) await tx.update<AttemptCounter>('counters', id, c.version, { n: 0, lockedUntil: undefined });
    }),
  ).catch(() => undefined);
}
