// topic.revokeConfirmation — a side takes back its confirmation before the notice is issued; a
// fixed list reopens (the meeting returns to topic collection).
import { AppError, confirmerSide, MeetingIdInput, meetingWorkflow, transition } from '../../../domain';
import type { MeetingDoc } from '../../../server/docs';
import { defineAction } from '../../../server/registry';
import { loadMeeting, meetingRow } from '../model';
import { listStatusView } from '../list-status';

export const revokeConfirmation = defineAction({
  name: 'topic.revokeConfirmation',
  input: MeetingIdInput,
  row: meetingRow,
  target: (i) => i.meetingId,
  handler: async ({ meetingId }, ctx) => {
    const meeting = await loadMeeting(ctx.store, meetingId);
    const side = confirmerSide(ctx.actor.roles);
    if (!side) throw new AppError('forbidden');
    if (!meeting.topicList?.[side]) throw new AppError('invalid_transition', '本方尚未确认议题清单');
    const status = meeting.status === 'list_fixed'
      ? transition(meetingWorkflow, meeting.status, 'reopenList', ctx.actor.roles)
      : meeting.status;
    if (status !== 'collecting') throw new AppError('invalid_transition', '会议通知已印发，不能撤回议题清单确认');
    const topicList = { gov: meeting.topicList.gov, union: meeting.topicList.union, [side]: null };
    const saved = await ctx.store.update<MeetingDoc>('meetings', meetingId, meeting.version, { topicList, status, agenda: undefined });
    return listStatusView(ctx.store, saved, ctx.actor);
  },
});
