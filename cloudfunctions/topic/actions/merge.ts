// topic.merge — Art. 6 (精心筛选): the office folds a topic into a similar one of the same meeting
// that it also screens. Both documents change in one transaction; merging into an accepted topic
// changes the topic list, so confirmations given before are cleared and those sides told.
import { AppError, hasFlag, MergeTopicInput, topicWorkflow } from '../../../domain';
import type { TopicDoc } from '../../../server/store/docs';
import { move } from '../../../server/kit/records';
import { defineAction } from '../../../server/kit/registry';
import { announceIfReady, changeList, staleConfirmers } from '../list-status';
import { derived, historyEntry, topicKind } from '../model';
import { listChanged, topicAnswered } from '../notices';
import { toTopicView } from '../views';
import { screened, topicEdge } from './transition';

export const merge = defineAction({
  name: 'topic.merge',
  input: MergeTopicInput,
  record: topicKind,
  guard: topicEdge('topic.merge'),
  target: (i) => i.id,
  handler: async ({ id, intoId, note }, ctx) => {
    const { topic, meeting } = ctx.record;
    if (id === intoId) throw new AppError('validation_error', '不能把议题合并到它自己');
    const into = await ctx.store.get<TopicDoc>('topics', intoId);
    if (!into || into.meetingId !== topic.meetingId || into.routedTo !== topic.routedTo || !hasFlag(topicWorkflow, into.status, 'merge_target')) {
      throw new AppError('invalid_transition', '只能合并到同一会议、由本办公室审核的待审核或已采纳议题');
    }
    const listChanges = into.status === 'accepted';
    const stale = listChanges ? await staleConfirmers(ctx.store, meeting) : [];
    const at = ctx.now.toISOString();
    const saved = await ctx.write(
      async (tx) => {
        const merged = await move(tx, 'topics', topicWorkflow, topic, 'merge', ctx.actor.roles, (status) => ({
          ...derived({ status, routedTo: topic.routedTo }),
          updatedAt: at, mergedInto: { id: into._id, title: into.title, ...(note ? { note } : {}) },
          // issue #23: the written reply (答复) the proposer keeps
          reply: { kind: 'merged' as const, text: `您的议题已并入「${into.title}」一并研究办理${note ? `：${note}` : '。'}`, at, byName: ctx.actor.name },
          history: [...topic.history, historyEntry(ctx.actor, ctx.now, 'merge', `并入「${into.title}」${note ? `：${note}` : ''}`)],
        }));
        await tx.update<TopicDoc>('topics', intoId, into.version, {
          updatedAt: at, history: [...into.history, historyEntry(ctx.actor, ctx.now, 'absorb', `并入「${topic.title}」（${topic.proposerName}）`)],
        });
        if (listChanges) await changeList(tx, meeting);
        return merged;
      },
      (t) => [...topicAnswered(t, 'topic_merged'), ...listChanged(stale, meeting, `议题「${into.title}」合并了新的内容`)],
    );
    await screened(ctx, id);
    await announceIfReady(ctx, meeting._id); // issue #16: maybe the last topic waiting for screening
    return toTopicView(saved, ctx.actor, meeting);
  },
});
