// meeting.reply — Art. 5: an invitee confirms, asks for leave with a reason, or names a
// substitute; they may change the reply until the meeting starts. A leave or a substitute is told
// to the office that coordinates the invitee's side. Issue #17: the reply's transaction reads the
// meeting again and commits only if it is the version the guard judged (transactions are
// serialised by the store), so no reply lands after a concurrent meeting.start.
import { AGGREGATING_OFFICE, AppError, ReplyInput } from '../../../domain';
import type { InvitationDoc, MeetingDoc } from '../../../server/store/docs';
import { peopleWithRoles } from '../../../server/notify/notify';
import { defineAction } from '../../../server/kit/registry';
import { meetingKind, requireFlag } from '../../../server/areas/meeting';
import { replyNeedsAttention } from '../notices';
import { toMeetingView } from '../views';

export const reply = defineAction({
  name: 'meeting.reply',
  input: ReplyInput,
  record: meetingKind,
  guard: ({ meeting }) => requireFlag(meeting, 'accepts_replies', '不能再回复'),
  target: (i) => i.meetingId,
  handler: async ({ answer, reason, substitute }, ctx) => {
    const { meeting } = ctx.record;
    const mine = ctx.record.mine as InvitationDoc; // the row rule invitedMe admitted the caller
    const office = answer === 'attend' ? [] : await peopleWithRoles(ctx.store, meeting.orgId, [AGGREGATING_OFFICE[mine.side]]);
    const saved = await ctx.write(
      async (tx) => {
        const current = await tx.get<MeetingDoc>('meetings', meeting._id);
        if (!current || current.version !== meeting.version) throw new AppError('conflict', '会议状态已变化，请刷新后重新回复');
        requireFlag(current, 'accepts_replies', '不能再回复');
        return tx.update<InvitationDoc>('invitations', mine._id, mine.version, {
          answered: true, answer, reason: answer === 'decline' ? reason : undefined,
          substitute: answer === 'substitute' ? substitute : undefined, repliedAt: ctx.now.toISOString(),
        });
      },
      (inv) => (inv.answer === 'attend' ? [] : replyNeedsAttention(office, meeting, inv)),
    );
    return toMeetingView(ctx, { meeting, mine: saved }, ctx.actor);
  },
});
