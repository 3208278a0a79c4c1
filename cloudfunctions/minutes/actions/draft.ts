// minutes.save / minutes.submit — Art. 9: the union office drafts the minutes of a held meeting;
// every save is a new version (none is ever overwritten); the draft then goes to the union side.
import { AppError, MINUTES_MAX_VERSIONS, MINUTES_UNION_REVIEWERS, minutesWorkflow, MinutesIdInput, SaveMinutesInput } from '../../../domain';
import type { MinutesDoc } from '../../../server/store/docs';
import { peopleWithRoles } from '../../../server/notify/notify';
import { move } from '../../../server/kit/records';
import { minutesReminder, schedule } from '../../../server/notify/reminders';
import { defineAction } from '../../../server/kit/registry';
import { checkTopicLinks, minutesKind, requireEditable, submitGuard } from '../model';
import { reviewAsked } from '../notices';
import { toMinutesView } from '../views';

export const save = defineAction({
  name: 'minutes.save',
  input: SaveMinutesInput,
  record: minutesKind,
  guard: requireEditable,
  target: (i) => i.meetingId,
  // Official text written by the union office itself: not user content, so no content check.
  handler: async ({ text, decisions, notTakenUp }, ctx) => {
    const { meeting, minutes } = ctx.record;
    const n = (minutes?.versions.length ?? 0) + 1;
    if (n > MINUTES_MAX_VERSIONS) throw new AppError('conflict', `纪要已保存 ${MINUTES_MAX_VERSIONS} 个版本，不能再保存`);
    checkTopicLinks(meeting, decisions, notTakenUp ?? []); // issue #23
    const version = { n, text, decisions, ...(notTakenUp?.length ? { notTakenUp } : {}), savedAt: ctx.now.toISOString(), savedBy: ctx.actor.id, savedByName: ctx.actor.name };
    const saved = await ctx.write((tx) =>
      minutes
        ? tx.update<MinutesDoc>('minutes', minutes._id, minutes.version, { versions: [...minutes.versions, version] })
        : tx.insert<MinutesDoc>('minutes', {
            _id: meeting._id, orgId: meeting.orgId, meetingId: meeting._id, status: minutesWorkflow.initial,
            versions: [version], returns: [], approvals: [],
          }),
    );
    return toMinutesView(ctx.store, { ...ctx.record, minutes: saved }, ctx.actor);
  },
});

export const submit = defineAction({
  name: 'minutes.submit',
  input: MinutesIdInput,
  record: minutesKind,
  guard: submitGuard,
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => {
    const { meeting, minutes } = ctx.record;
    const reviewers = await peopleWithRoles(ctx.store, meeting.orgId, MINUTES_UNION_REVIEWERS);
    const saved = await ctx.write(
      async (tx) => {
        const doc = await move(tx, 'minutes', minutesWorkflow, minutes!, 'submit', ctx.actor.roles, { submittedBy: ctx.actor.id });
        await schedule(tx, minutesReminder(doc, ctx.now), ctx.now); // issue #10: still waiting three days later
        return doc;
      },
      (doc) => reviewAsked(reviewers, meeting, doc),
    );
    return toMinutesView(ctx.store, { ...ctx.record, minutes: saved }, ctx.actor);
  },
});
