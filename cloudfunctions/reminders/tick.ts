// reminders.tick — issue #10: the timer's tick, run as the system actor through the router (a
// WeChat timer trigger every 10 minutes off the hour; locally the host's interval and
// POST /api/dev/tick). Due reminders come from an indexed `state, dueAt` query (never a scan of
// meetings or tasks), each claimed with a conditional update so two ticks never take the same one;
// its messages and its end are committed together (the outbox), then delivered. Last, the
// subscription messages held by quiet hours or a retry's backoff whose time has come are sent.
// Issue #17: first, messages a crash stranded in the outbox (a tick killed between its commit and
// the delivery) are delivered — each channel resumes from its own row — and, in the flush, sends a
// crash cut off mid-call are settled as unknown.
import { AppError, TickInput } from '../../domain';
import type { MeetingDoc, MinutesDoc } from '../../server/store/docs';
import { ladderFor, minutesDraftReminders, schedule, unassignedReminder, type ReminderDoc } from '../../server/notify/reminders';
import { defineAction } from '../../server/kit/registry';
import { smsChannelOf } from '../../server/notify/sms';
import { subscriptionChannelOf } from '../../server/notify/subscriptions';
import { resolveReminder } from './resolve';

/** a claim older than this was left by a tick that died: it is taken again (messages are keyed, so never doubled) */
const STALE_CLAIM_MS = 5 * 60_000;
/** reminders handled per tick at most; the rest wait for the next tick, oldest first */
const PER_TICK = 500;

/**
 * Ticks may run at once (two hosts, the dev clock's tick, a WeChat timer firing while the previous
 * run is still going). On PostgreSQL their transactions run at SERIALIZABLE, where simultaneous
 * writers can fail each other's commits after the store's own retries (`conflict`), even on rows
 * only one of them owns. A step whose work is keyed or left where the next tick finds it (reminders
 * to schedule, messages in the outbox) is skipped then: `undefined`. A claimed reminder's outcome is
 * tried a few more times after a pause, since this tick alone holds the claim.
 */
async function unlessContended<T>(step: () => Promise<T>, tries = 1): Promise<T | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict')) throw e;
      if (attempt >= tries) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250 * attempt));
    }
  }
}

/** attempts of a claimed reminder's outcome before it is left claimed (taken again once stale) */
const OUTCOME_TRIES = 6;

export const tick = defineAction({
  name: 'reminders.tick',
  input: TickInput,
  handler: async (_input, ctx) => {
    const now = ctx.now.toISOString();
    const stale = new Date(ctx.now.getTime() - STALE_CLAIM_MS).toISOString();
    await unlessContended(() => ctx.redeliver());
    // issue #20, after the meeting: each held meeting's minutes-draft reminders (scheduled once, keyed)
    const held = await ctx.store.find<MeetingDoc>('meetings', { status: 'held' }, { limit: 100 });
    for (const m of held.items) {
      const ladder = await ladderFor(ctx.store, m.orgId, ctx.now);
      const specs = minutesDraftReminders(m, m.heldAt ?? m.plannedAt, ctx.now, ladder.minutesDraftDays, ladder.ladderHour);
      if (specs.length) await unlessContended(() => ctx.write((tx) => schedule(tx, specs, ctx.now)));
    }
    // issue #20: minutes issued lately — the next morning, decided items still without a task
    const issued = await ctx.store.find<MeetingDoc>('meetings', { status: 'minutes_issued' }, { sort: [['plannedAt', 'desc']], limit: 50 });
    for (const m of issued.items) {
      const doc = await ctx.store.get<MinutesDoc>('minutes', m._id);
      const specs = doc?.issuedAt ? unassignedReminder(m, doc.issuedAt, ctx.now) : [];
      if (specs.length) await unlessContended(() => ctx.write((tx) => schedule(tx, specs, ctx.now)));
    }
    let fired = 0;
    let voided = 0;
    for (let handled = 0; handled < PER_TICK; ) {
      const page = await ctx.store.find<ReminderDoc>('reminders', { state: 'due', dueAt: { lte: now } }, { sort: [['dueAt', 'asc']], limit: 100 });
      const stuck = handled === 0 ? await ctx.store.find<ReminderDoc>('reminders', { state: 'claimed', claimedAt: { lt: stale } }, { sort: [['claimedAt', 'asc']], limit: 100 }) : { items: [] };
      const batch = [...stuck.items, ...page.items];
      if (!batch.length) break;
      for (const r of batch) {
        handled += 1;
        let claimed: ReminderDoc;
        try {
          claimed = await ctx.store.update<ReminderDoc>('reminders', r._id, r.version, { state: 'claimed', claimedAt: now });
        } catch {
          continue; // another tick took it
        }
        const resolution = await resolveReminder(ctx.store, claimed, ctx.now);
        const settled = await unlessContended(async () => {
          await ctx.write(
            async (tx) => {
              await tx.update<ReminderDoc>('reminders', claimed._id, claimed.version, { state: resolution ? 'done' : 'void', doneAt: now });
              if (resolution?.next) await schedule(tx, [resolution.next], ctx.now);
              if (resolution?.also) await schedule(tx, resolution.also, ctx.now);
            },
            () => resolution?.drafts ?? [],
          );
          return true;
        }, OUTCOME_TRIES);
        if (settled === undefined) continue; // left claimed: a later tick takes it again (messages are keyed)
        if (resolution) fired += 1;
        else voided += 1;
      }
      if (!page.items.length) break;
    }
    // left in the outbox on contention: the next tick's redeliver sends them
    const outcomes = await unlessContended(() => ctx.deliverNow());
    const channel = subscriptionChannelOf(ctx);
    const flushed = (channel && (await unlessContended(() => channel.flush(ctx.now)))) || { sent: 0, queued: 0 };
    // issue #20: SMS after WeChat had its turn (quiet hours over, WeChat could not reach the person)
    const sms = smsChannelOf(ctx);
    if (sms) await unlessContended(() => sms.flush(ctx.now));
    return { fired, voided, sent: (outcomes?.sent ?? 0) + flushed.sent, queued: flushed.queued };
  },
});
