// topic.revokeConfirmation — Art. 6: before the notice is issued, a side may take its confirmation
// back; a fixed list then reopens for collection.
import { confirmerSide, meetingWorkflow, MeetingIdInput, type OneSide } from '../../../domain';
import type { MeetingDoc } from '../../../server/store/docs';
import { offeredActions } from '../../../server/kit/access';
import { move } from '../../../server/kit/records';
import { defineAction } from '../../../server/kit/registry';
import { listKind, listStatusView, revokeGuard } from '../list-status';

export const revokeConfirmation = defineAction({
  name: 'topic.revokeConfirmation',
  input: MeetingIdInput,
  record: listKind,
  guard: revokeGuard,
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => {
    const { meeting, waiting, awaitingOpinion } = ctx.record;
    const side = confirmerSide(ctx.actor.roles) as OneSide; // the guard has checked it
    const topicList = { gov: meeting.topicList?.gov ?? null, union: meeting.topicList?.union ?? null, [side]: null };
    const saved = await ctx.write((tx) =>
      meeting.status === 'list_fixed'
        ? move(tx, 'meetings', meetingWorkflow, meeting, 'reopenList', ctx.actor.roles, { topicList, agenda: undefined, agendaTopics: undefined })
        : tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, { topicList }),
    );
    const offered = offeredActions(listKind, ctx.actor, { record: { meeting: saved, waiting, awaitingOpinion }, facts: { kind: 'org', orgId: saved.orgId } });
    return listStatusView(ctx.store, saved, ctx.actor, offered);
  },
});
