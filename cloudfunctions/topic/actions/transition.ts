// The shape every state-changing topic action shares: the guard (the meeting collects topics and
// the workflow has the edge), then one edge through the record kit's `move`, with the history
// entry and the derived fields, committed together with the action's messages.
import { EDGE_ACTIONS, topicWorkflow, type ActionName, type TopicEvent } from '../../../domain';
import type { TopicDoc } from '../../../server/store/docs';
import { markHandled, type NotificationDraft } from '../../../server/notify/notify';
import { edgeGuard, move } from '../../../server/kit/records';
import type { ActionContext } from '../../../server/kit/registry';
import type { Patch, TxStore } from '../../../server/store/port';
import { derived, historyEntry, requireCollecting, type TopicRecord } from '../model';

/** The guard of an action that takes an edge (EDGE_ACTIONS): Art. 6 collection phase, then the edge. */
export function topicEdge(action: ActionName) {
  const event = EDGE_ACTIONS[action]?.event as TopicEvent | undefined;
  if (!event) throw new Error(`${action} takes no topic edge in EDGE_ACTIONS`);
  const edge = edgeGuard(topicWorkflow, (r: TopicRecord) => r.topic.status, event);
  return (r: TopicRecord, actor: Parameters<typeof edge>[1]) => {
    requireCollecting(r.meeting);
    edge(r, actor);
  };
}

export function moveTopic(
  ctx: ActionContext<TopicRecord>,
  event: TopicEvent,
  opts: {
    extra?: Patch<TopicDoc>;
    note?: string;
    /** other writes of the same commit (e.g. clearing the list confirmations) */
    alsoInTx?: (tx: TxStore) => Promise<void>;
    messages?: (t: TopicDoc) => readonly NotificationDraft[];
  } = {},
): Promise<TopicDoc> {
  const { topic } = ctx.record;
  return ctx.write(async (tx) => {
    const saved = await move(tx, 'topics', topicWorkflow, topic, event, ctx.actor.roles, (status) => ({
      ...opts.extra,
      ...derived({ status, routedTo: topic.routedTo }),
      updatedAt: ctx.now.toISOString(),
      history: [...topic.history, historyEntry(ctx.actor, ctx.now, event, opts.note)],
    }));
    await opts.alsoInTx?.(tx);
    return saved;
  }, opts.messages);
}

/** After a screening (accept, return, merge): the office's "待审核" messages about it are handled. */
export async function screened(ctx: ActionContext<TopicRecord>, topicId: string): Promise<void> {
  try {
    await markHandled(ctx.store, topicId, ['topic_submitted', 'topic_resubmitted'], ctx.now);
  } catch (e) {
    ctx.log('warn', 'marking messages handled failed', { topicId, error: String(e) });
  }
}
