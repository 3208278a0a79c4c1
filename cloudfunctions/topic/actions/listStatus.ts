// topic.listStatus — the confirmation page: each side's confirmation, counts and the accepted topics.
import { MeetingIdInput } from '../../../domain';
import { defineAction } from '../../../server/registry';
import { loadMeeting, meetingRow } from '../model';
import { listStatusView } from '../list-status';

export const listStatus = defineAction({
  name: 'topic.listStatus',
  input: MeetingIdInput,
  row: meetingRow,
  handler: async ({ meetingId }, ctx) => listStatusView(ctx.store, await loadMeeting(ctx.store, meetingId), ctx.actor),
});
