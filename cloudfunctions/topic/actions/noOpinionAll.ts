// topic.noOpinionAll — issue #16, Art. 6 (征求意见): "无意见" for all — an office records 无意见 on
// every accepted topic of the meeting still waiting for its side's opinion, in one tap. Each topic
// gets the same record topic.noOpinion would write; the call is audited once (the router).
import { AppError, NoOpinionAllInput, officeSide, otherSide, SIDE_LABEL, type Actor } from '../../../domain';
import type { TopicDoc } from '../../../server/store/docs';
import { offeredActions } from '../../../server/kit/access';
import { retryOnConflict } from '../../../server/kit/records';
import { defineAction } from '../../../server/kit/registry';
import { findAll } from '../../../server/store/port';
import { announceIfReady, listKind, listStatusView, type ListRecord } from '../list-status';
import { awaitingOpinionFilter } from '../../../server/areas/topic';
import { requireCollecting } from '../model';
import { noOpinionPatch } from './noOpinion';

/** Topics written per transaction (CloudBase keeps transactions small). */
const CHUNK = 50;

function someAwaitMySide({ meeting, awaitingOpinion }: ListRecord, actor: Actor): void {
  requireCollecting(meeting);
  const side = officeSide(actor.roles);
  if (!side) throw new AppError('forbidden');
  if (awaitingOpinion.asked[side] === 0) throw new AppError('invalid_transition', `没有待${SIDE_LABEL[side]}提意见的议题`);
}

export const noOpinionAll = defineAction({
  name: 'topic.noOpinionAll',
  input: NoOpinionAllInput,
  record: listKind,
  guard: someAwaitMySide,
  target: (i) => i.meetingId,
  handler: async ({ meetingId }, ctx) => {
    const side = officeSide(ctx.actor.roles)!; // the guard has checked it
    const at = ctx.now.toISOString();
    // a topic changed meanwhile (an opinion given) makes its chunk conflict: look again
    await retryOnConflict(async () => {
      const topics = await findAll<TopicDoc>(ctx.store, 'topics', { ...awaitingOpinionFilter(meetingId), leadSide: otherSide(side) }, [['createdAt', 'asc']]);
      for (let i = 0; i < topics.length; i += CHUNK) {
        const chunk = topics.slice(i, i + CHUNK);
        await ctx.write(async (tx) => {
          for (const t of chunk) await tx.update<TopicDoc>('topics', t._id, t.version, noOpinionPatch(t, ctx.actor, at));
        });
      }
    }, 3);
    await announceIfReady(ctx, meetingId);
    const loaded = await listKind.load({ meetingId }, ctx.store, ctx.actor);
    if (!loaded) throw new AppError('not_found');
    const offered = offeredActions(listKind, ctx.actor, loaded);
    return listStatusView(ctx.store, loaded.record.meeting, ctx.actor, offered);
  },
});
