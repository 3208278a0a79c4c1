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
    const [saved, meetingSaved] = await ctx.write(
      async (tx) => [
        await move(tx, 'minutes', minutesWorkflow, minutes, 'issue', ctx.actor.roles, { docNumber, decisions, issuedAt: at, issuedBy: ctx.actor.id, attendance, notTakenUp: latestVersion(minutes).notTakenUp ?? [] }),
        await move<string, string, MeetingDoc>(tx, 'meetings', meetingWorkflow, meeting, 'issueMinutes', ctx.actor.roles, { minutesIssuedAt: at }),
      ] as const,
      ([doc]) => issued(invitees, meeting, doc),
    );
    return toMinutesView(ctx.store, { ...ctx.record, minutes: saved, meeting: meetingSaved }, ctx.actor);
  },
});
