// Rate limits that hold under concurrency (issue #6, defect 6): a counter document per person and
// period, read and bumped inside the same transaction as the write it limits. Postgres serialises
// the transaction; CloudBase detects the concurrent update and the caller retries, so however many
// calls arrive at once, no more than `limit` writes commit. (Counting the records and inserting
// after, as before, let 23–26 of 30 simultaneous submits through with 1–4 ms of store latency.)
import { AppError } from '../../domain';
import type { StoredDoc, TxStore } from '../store/port';

export interface CounterDoc extends StoredDoc {
  n: number;
  /** after this instant the period is over and the sweep removes the counter */
  expiresAt: string;
}

/**
 * Takes one unit of the counter `id` (a period that ends at `expiresAt`) or throws rate_limited
 * with `message` when none is left.
 */
export async function takeQuota(tx: TxStore, id: string, limit: number, message: string, expiresAt: string): Promise<void> {
  const counter = await tx.get<CounterDoc>('counters', id);
  if (!counter) {
    await tx.insert<CounterDoc>('counters', { _id: id, n: 1, expiresAt });
    return;
  }
  if (counter.n >= limit) throw new AppError('rate_limited', message);
  await tx.update<CounterDoc>('counters', id, counter.version, { n: counter.n + 1 });
}
