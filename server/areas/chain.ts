// Issue #23: the pieces of a topic's chain that areas other than `topic` touch — the minutes answer
// topics (a reply for those not taken up, a message to the proposers of those decided), the
// checklist moves them (a message when a task on a topic is assigned, and when it is verified).
// Recipients and topics are read before the write; the builders are pure (they run inside the
// transaction that writes the outbox, which may run more than once).
import type { MinutesDoc, TaskDoc, TopicDoc, TopicReply } from '../store/docs';
import type { Store, TxStore } from '../store/port';
import type { NotificationDraft } from '../notify/notify';

const detail = (t: TopicDoc) => `/pages/topic/detail/index?id=${t._id}`;

/** The topics a set of ids names (missing ones skipped), read in one round of gets. */
export async function topicsByIds(store: Store, ids: readonly string[]): Promise<TopicDoc[]> {
  const docs = await Promise.all([...new Set(ids)].map((id) => store.get<TopicDoc>('topics', id)));
  return docs.filter((t): t is TopicDoc => !!t);
}

/** The topics a decided item answers (minutes.decisions[].topicIds). */
export async function topicsOfDecision(store: Store, meetingId: string, decisionId: string): Promise<TopicDoc[]> {
  const minutes = await store.get<MinutesDoc>('minutes', meetingId);
  const ids = minutes?.decisions?.find((d) => d.id === decisionId)?.topicIds ?? [];
  return topicsByIds(store, ids);
}

/** Art. 9 + issue #23: the minutes' reason becomes the written reply on each topic not taken up. */
export async function writeNotTakenUpReplies(
  tx: TxStore,
  topics: readonly TopicDoc[],
  notTakenUp: ReadonlyArray<{ topicId: string; reason: string }>,
  at: string,
  byName: string,
): Promise<void> {
  for (const x of notTakenUp) {
    const t = topics.find((y) => y._id === x.topicId);
    if (!t) continue;
    const reply: TopicReply = { kind: 'not_taken_up', text: x.reason, at, byName };
    await tx.update<TopicDoc>('topics', t._id, t.version, { reply, updatedAt: at });
  }
}

type Proposer = Pick<TopicDoc, '_id' | 'title' | 'createdBy' | 'orgId'>;

/** One message per proposer and topic. */
function toProposers(topics: readonly Proposer[], d: (t: Proposer) => Omit<NotificationDraft, 'recipientId' | 'orgId' | 'link' | 'subject'>): NotificationDraft[] {
  return topics.map((t) => ({ ...d(t), subject: { type: 'topic' as const, id: t._id }, link: detail(t as TopicDoc), recipientId: t.createdBy, orgId: t.orgId }));
}

/** Issued minutes: each proposer hears what was decided on their topic, or why it was not taken up. */
export function topicsDecided(topics: readonly TopicDoc[], minutes: MinutesDoc): NotificationDraft[] {
  const decided = topics.flatMap((t) => {
    const items = (minutes.decisions ?? []).filter((d) => d.topicIds?.includes(t._id));
    return items.length ? [{ t, items }] : [];
  });
  const skipped = (minutes.notTakenUp ?? []).flatMap((x) => topics.filter((t) => t._id === x.topicId).map((t) => ({ t, reason: x.reason })));
  return [
    ...decided.flatMap(({ t, items }) => toProposers([t], () => ({
      milestone: 'topic_decided', occurrence: minutes.version,
      title: '您的议题已形成议定事项', body: `议题「${t.title}」经会议研究，议定：${items.map((d) => `${d.n}. ${d.title}`).join('；')}。`,
      facts: { subject: t.title, status: '已议定', note: items[0].title },
    }))),
    ...skipped.flatMap(({ t, reason }) => toProposers([t], () => ({
      milestone: 'topic_decided', occurrence: minutes.version,
      title: '您的议题本次会议未议定', body: `议题「${t.title}」本次会议未形成议定事项：${reason}`,
      facts: { subject: t.title, status: '未议定', note: reason },
    }))),
  ];
}

/** A task carrying a decided item on the proposer's topic was assigned. */
export function topicTaskAssigned(topics: readonly TopicDoc[], task: TaskDoc): NotificationDraft[] {
  return toProposers(topics, (t) => ({
    milestone: 'topic_task_assigned', occurrence: task.version,
    title: '您的议题已交办落实', body: `议题「${t.title}」的议定事项已交办${task.unit}：「${task.title}」，完成时限 ${task.deadline}。`,
    facts: { subject: t.title, status: '已交办', note: `${task.unit}：${task.title}` },
  }));
}

/** A task on the proposer's topic was done and verified by the keeping office. */
export function topicTaskDone(topics: readonly TopicDoc[], task: TaskDoc): NotificationDraft[] {
  return toProposers(topics, (t) => ({
    milestone: 'topic_task_done', occurrence: task.version,
    title: '您的议题落实任务已办结', body: `议题「${t.title}」的落实任务「${task.title}」（${task.unit}）已完成并经核验办结。`,
    facts: { subject: t.title, status: '已办结', note: task.title },
  }));
}
