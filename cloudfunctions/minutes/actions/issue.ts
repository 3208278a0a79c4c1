// minutes.issue — Art. 9: once both sides have approved, the union office issues the minutes as
// the 联席会议纪要 under a document number; the meeting moves to minutes_issued in the same
// transaction; the decided items are frozen, each with the id tasks are assigned against (Art. 11);
// everyone invited is told.
import { IssueMinutesInput, meetingWorkflow, minutesWorkflow, transition, type Actor } from '../../../domain';
import type { MeetingDoc } from '../../../server/store/docs';
import { move } from '../../../server/kit/records';
import { defineAction } from '../../../server/kit/registry';
import { blocksOf } from '../../../server/areas/attendance';
import { minutesEdge, minutesKind, type MinutesRecord } from '../model';
import { issued } from '../notices';
import { latestVersion, toMinutesView } from '../views';
import { invitationsInOrder } from '../../../server/areas/meeting';
import { topicsByIds, topicsDecided, writeNotTakenUpReplies } from '../../../server/areas/chain';

export const decisionId = (meetingId: string, n: number) => `${meetingId}_d${n}`;

const minutesMayIssue = minutesEdge('issue');

export const issue = defineAction({
  name: 'minutes.issue',
  input: IssueMinutesInput,
  record: minutesKind,
  guard: (r: MinutesRecord, actor: Actor) => {
    minutesMayIssue(r, actor);
    transition(meetingWorkflow, r.meeting.status, 'issueMinutes', actor.roles);
  },
  target: (i) => i.meetingId,
  handler: async ({ docNumber }, ctx) => {
    const { meeting } = ctx.record;
    const minutes = ctx.record.minutes!;
    const { invitations: invitees, org } = await invitationsInOrder(ctx.store, meeting);
    // issue #16: the attendance printed in the 纪要 is frozen with it
    const attendance = blocksOf(meeting, null, invitees, org);
    const decisions = latestVersion(minutes).decisions.map((d, i) => ({ id: decisionId(meeting._id, i + 1), n: i + 1, ...d }));
    const at = ctx.now.toISOString();
    // issue #23: the topics the minutes answer — replies for those not taken up, messages to proposers
    const notTakenUp = latestVersion(minutes).notTakenUp ?? [];
    const topics = await topicsByIds(ctx.store, [...decisions.flatMap((d) => d.topicIds ?? []), ...notTakenUp.map((x) => x.topicId)]);
    const [saved, meetingSaved] = await ctx.write(
      async (tx) => {
        const doc = await move(tx, 'minutes', minutesWorkflow, minutes, 'issue', ctx.actor.roles, { docNumber, decisions, issuedAt: at, issuedBy: ctx.actor.id, attendance, notTakenUp });
        const moved = await move<string, string, MeetingDoc>(tx, 'meetings', meetingWorkflow, meeting, 'issueMinutes', ctx.actor.roles, { minutesIssuedAt: at });
        await writeNotTakenUpReplies(tx, topics, notTakenUp, at, ctx.actor.name);
        return [doc, moved] as const;
      },
      ([doc]) => [...issued(invitees, meeting, doc), ...topicsDecided(topics, doc)],
    );
    return toMinutesView(ctx.store, { ...ctx.record, minutes: saved, meeting: meetingSaved }, ctx.actor);
  },
});
