// Contract of area `system`: work with no person behind it, run by a timer as the system actor.
import * as z from 'zod';

export const SweepInput = z.strictObject({});

export interface SweepResult {
  /** outbox entries delivered that a crash had left pending */
  redelivered: number;
  /** idempotency answers past their keeping time, removed */
  expiredKeys: number;
}
