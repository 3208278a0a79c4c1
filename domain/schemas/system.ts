// Contract of area `system`: work with no person behind it, run by a timer as the system actor.
import * as z from 'zod/mini';

export const SweepInput = z.strictObject({});

export interface SweepResult {
  /** outbox entries delivered that a crash had left pending */
  redelivered: number;
  /** idempotency answers past their keeping time, removed */
  expiredKeys: number;
}

export const TickInput = z.strictObject({});

export interface TickResult {
  /** reminders that came due and fired (their messages landed in the inbox) */
  fired: number;
  /** reminders whose subject moved on (rescheduled, deadline moved, done): never sent */
  voided: number;
  /** subscription messages sent by this tick */
  sent: number;
  /** subscription messages waiting (quiet hours, a retry's backoff) */
  queued: number;
}
