// system.sweep — the timer's housekeeping, run as the system actor through the router (audited):
// - messages whose delivery a crash interrupted are delivered from the outbox (DESIGN.md
//   "Notifications");
// - idempotency answers past their keeping time, delivered outbox entries after a week and rate
//   limit counters after their day are removed (the audit log is the record and is kept);
// - the embedded database's planner statistics are refreshed (a Postgres server's autovacuum).
import { SweepInput } from '../../../domain';
import { defineAction } from '../../../server/kit/registry';

export const sweep = defineAction({
  name: 'system.sweep',
  input: SweepInput,
  handler: async (_input, ctx) => {
    const redelivered = await ctx.redeliver();
    // idempotency is infrastructure: its keeping time runs on real time, like its reservations
    const expiredKeys = await ctx.store.removeWhere('idempotency', { expiresAt: { lt: new Date().toISOString() } });
    // delivered outbox entries are kept a week for inquiries; rate-limit counters past their day go
    const weekAgo = new Date(ctx.now.getTime() - 7 * 86400_000).toISOString();
    await ctx.store.removeWhere('outbox', { state: 'done', createdAt: { lt: weekAgo } });
    await ctx.store.removeWhere('counters', { expiresAt: { lt: ctx.now.toISOString() } });
    await ctx.store.maintain();
    return { redelivered, expiredKeys };
  },
});
