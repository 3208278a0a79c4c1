// minutes.approve / minutes.return — Art. 9: the union side approves first, then the government
// side; the reviewer of the current stage may return the draft with a reason, kept beside the
// version it was given on.
import { MINUTES_DRAFTERS, MINUTES_GOV_REVIEWERS, minutesWorkflow, MinutesIdInput, ReturnMinutesInput } from '../../../domain';
import { peopleWithRoles } from '../../../server/notify/notify';
import { move } from '../../../server/kit/records';
import { minutesReminder, schedule } from '../../../server/notify/reminders';
import { defineAction } from '../../../server/kit/registry';
import { approvalGuard, minutesEdge, minutesKind } from '../model';
import { approved, returned, reviewAsked } from '../notices';
import { latestVersion, toMinutesView } from '../views';

export const approve = defineAction({
  name: 'minutes.approve',
  input: MinutesIdInput,
  record: minutesKind,
  guard: approvalGuard,
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const minutes = ctx.record.minutes!;
    const stage = minutes.status;
    // union approval → the government side is asked; government approval → the drafting office may issue
    const next = await peopleWithRoles(ctx.store, meeting.orgId, stage === 'union_review' ? MINUTES_GOV_REVIEWERS : MINUTES_DRAFTERS);
    const approval = { version: latestVersion(minutes).n, stage, by: ctx.actor.id, byName: ctx.actor.name, at: ctx.now.toISOString() };
    const saved = await ctx.write(
      async (tx) => {
        const doc = await move(tx, 'minutes', minutesWorkflow, minutes, 'approve', ctx.actor.roles, { approvals: [...minutes.approvals, approval] });
        await schedule(tx, minutesReminder(doc, ctx.now), ctx.now); // issue #10: the next stage, three days later
        return doc;
      },
      (doc) => (doc.status === 'approved' ? approved(next, meeting, doc) : reviewAsked(next, meeting, doc)),
    );
    return toMinutesView(ctx.store, { ...ctx.record, minutes: saved }, ctx.actor);
  },
});

export const returnMinutes = defineAction({
  name: 'minutes.return',
  input: ReturnMinutesInput,
  record: minutesKind,
  guard: minutesEdge('return'),
  target: (i) => i.meetingId,
  handler: async ({ reason }, ctx) => {
    const { meeting } = ctx.record;
    const minutes = ctx.record.minutes!;
    const office = await peopleWithRoles(ctx.store, meeting.orgId, MINUTES_DRAFTERS);
    const entry = { version: latestVersion(minutes).n, stage: minutes.status, reason, by: ctx.actor.id, byName: ctx.actor.name, at: ctx.now.toISOString() };
    // A return restarts both reviews: the next text is approved by both sides again.
    const saved = await ctx.write(
      (tx) => move(tx, 'minutes', minutesWorkflow, minutes, 'return', ctx.actor.roles, { returns: [...minutes.returns, entry] }),
      (doc) => returned(office, meeting, doc, reason),
    );
    return toMinutesView(ctx.store, { ...ctx.record, minutes: saved }, ctx.actor);
  },
});
