// topic.confirmList — Art. 6: each side confirms the topic list (government: convenor or leader;
// union: convenor or chair). When both have, the list is fixed: the meeting leaves topic collection
// and the accepted topics become the agenda's second section (Art. 8).
import { AppError, confirmerSide, MeetingIdInput, transition, meetingWorkflow } from '../../../domain';
import type { MeetingDoc, TopicDoc } from '../../../server/docs';
import { defineAction, type ActionContext } from '../../../server/registry';
import { loadMeeting, meetingRow, requireCollecting } from '../model';
import { acceptedTopics, listStatusView } from '../list-status';
import { listFixed } from '../notices';

const RETRIES = 3;

async function confirmOnce(ctx: ActionContext, meetingId: string): Promise<{ meeting: MeetingDoc; fixedNow: TopicDoc[] | null }> {
  const { store, actor, now } = ctx;
  const meeting = await loadMeeting(store, meetingId);
  const side = confirmerSide(actor.roles);
  if (!side) throw new AppError('forbidden');
  if (meeting.topicList?.[side]) return { meeting, fixedNow: null }; // confirming twice changes nothing
  requireCollecting(meeting);
  const pending = await store.count('topics', { meetingId, status: 'submitted' });
  if (pending > 0) throw new AppError('invalid_transition', `还有 ${pending} 个议题尚未审核，审核完毕后才能确认议题清单`);
  const topicList = { gov: meeting.topicList?.gov ?? null, union: meeting.topicList?.union ?? null };
  topicList[side] = { by: actor.id, byName: actor.name, at: now.toISOString() };
  if (!topicList.gov || !topicList.union) {
    return { meeting: await store.update<MeetingDoc>('meetings', meetingId, meeting.version, { topicList }), fixedNow: null };
  }
  const status = transition(meetingWorkflow, meeting.status, 'fixList', actor.roles);
  const accepted = await acceptedTopics(store, meetingId);
  const saved = await store.update<MeetingDoc>('meetings', meetingId, meeting.version, { topicList, status, agenda: accepted.map((t) => t._id) });
  return { meeting: saved, fixedNow: accepted };
}

export const confirmList = defineAction({
  name: 'topic.confirmList',
  input: MeetingIdInput,
  row: meetingRow,
  target: (i) => i.meetingId,
  handler: async ({ meetingId }, ctx) => {
    // Both sides may confirm at the same moment: the slower write sees a conflict and tries again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { meeting, fixedNow } = await confirmOnce(ctx, meetingId);
        if (fixedNow) ctx.notify(await listFixed(ctx.store, meeting, fixedNow));
        return listStatusView(ctx.store, meeting, ctx.actor);
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'conflict') || attempt >= RETRIES) throw e;
      }
    }
  },
});
