// system.sweep — the timer's housekeeping, run as the system actor through the router (audited):
// messages whose delivery a crash interrupted are delivered from the outbox (DESIGN.md
// "Notifications"), idempotency answers past their keeping time are removed, and the embedded
// database's planner statistics are refreshed (what a Postgres server's autovacuum would do).
import { SweepInput } from '../../../domain';
import { defineAction } from '../../../server/registry';

export const sweep = defineAction({
  name: 'system.sweep',
  input: SweepInput,
  handler: async (_input, ctx) => {
    const redelivered = await ctx.redeliver();
    // idempotency is infrastructure: its keeping time runs on real time, like its reservations
    const expiredKeys = await ctx.store.removeWhere('idempotency', { expiresAt: { lt: new Date().toISOString() } });
    await ctx.store.maintain();
    return { redelivered, expiredKeys };
  },
});
