// topic.confirmList — Art. 6: each side confirms the topic list (government: convenor or leader;
// union: convenor or chair). A confirmation records exactly the accepted topics it covers. When the
// second side confirms the same topics as the first, the list is fixed: the meeting leaves topic
// collection and the topics become the agenda's second section (Art. 8). When the first side's
// confirmation covers a different set (a topic was accepted in between), it is cleared and that
// side is told to confirm again — never is a list fixed that one side has not seen.
import { AppError, confirmerSide, ConfirmListInput, meetingWorkflow, LIST_CONFIRMERS, OFFICES, otherSide, type OneSide } from '../../../domain';
import type { ListConfirmation, MeetingDoc } from '../../../server/store/docs';
import { offeredActions } from '../../../server/kit/access';
import { peopleWithRoles } from '../../../server/notify/notify';
import { move, retryOnConflict } from '../../../server/kit/records';
import { defineAction, type ActionContext } from '../../../server/kit/registry';
import { acceptedTopics, confirmGuard, NOTHING_AWAITED, listHash, listKind, listStatusView, sameTopics, type ListRecord } from '../list-status';
import { listChanged, listFixed } from '../notices';
import { sideLabel } from '../views';

async function confirmOnce(ctx: ActionContext<ListRecord>, meeting: MeetingDoc, seen?: string): Promise<MeetingDoc> {
  const { store, actor, now } = ctx;
  const side = confirmerSide(actor.roles) as OneSide; // the guard has checked it
  const other = otherSide(side);
  if (seen && seen !== listHash(meeting)) throw new AppError('conflict', '议题清单刚有变化，请刷新核对后再确认');
  const topics = await acceptedTopics(store, meeting._id);
  const ids = topics.map((t) => t._id);
  const theirs = meeting.topicList?.[other] ?? null;
  const topicList: Record<OneSide, ListConfirmation | null> = { gov: null, union: null };
  topicList[side] = { by: actor.id, byName: actor.name, at: now.toISOString(), topicIds: ids };
  if (theirs && sameTopics(theirs.topicIds, ids)) {
    topicList[other] = theirs;
    const [offices, proposedCount] = await Promise.all([
      peopleWithRoles(store, meeting.orgId, OFFICES),
      store.count('topics', { meetingId: meeting._id, status: { ne: 'withdrawn' } }),
    ]);
    const agendaTopics = topics.map((t) => ({ id: t._id, title: t.title, sideLabel: sideLabel(t) }));
    return ctx.write(
      (tx) => move(tx, 'meetings', meetingWorkflow, meeting, 'fixList', actor.roles, { topicList, agenda: ids, agendaTopics, proposedCount }),
      (m) => listFixed(offices, m, topics),
    );
  }
  const stale = theirs ? await peopleWithRoles(store, meeting.orgId, LIST_CONFIRMERS[other]) : [];
  return ctx.write(
    (tx) => tx.update<MeetingDoc>('meetings', meeting._id, meeting.version, { topicList }),
    (m) => listChanged(stale, m, '的已采纳议题在贵方确认后有变化'),
  );
}

export const confirmList = defineAction({
  name: 'topic.confirmList',
  input: ConfirmListInput,
  record: listKind,
  guard: confirmGuard,
  target: (i) => i.meetingId,
  handler: async ({ meetingId, listHash: seen }, ctx) => {
    // Both sides may confirm at the same moment: the slower write meets a conflict and looks again.
    let attempt = 0;
    const saved = await retryOnConflict(async () => {
      attempt += 1;
      let record = ctx.record;
      if (attempt > 1) {
        const loaded = await listKind.load({ meetingId }, ctx.store, ctx.actor);
        if (!loaded) throw new AppError('not_found');
        record = loaded.record;
        confirmGuard(record, ctx.actor);
      }
      return confirmOnce(ctx, record.meeting, seen);
    }, 3);
    const after: ListRecord = { meeting: saved, waiting: 0, awaitingOpinion: NOTHING_AWAITED };
    return listStatusView(ctx.store, saved, ctx.actor, offeredActions(listKind, ctx.actor, { record: after, facts: { kind: 'org', orgId: saved.orgId } }));
  },
});
