// The topic list of a meeting as the confirmation page shows it (Art. 6: fixed when both sides confirm).
import {
  confirmerSide,
  hasFlag,
  meetingWorkflow,
  SIDE_LABEL,
  TOPIC_CATEGORY_LABEL,
  type Actor,
  type TopicListStatusView,
} from '../../domain';
import type { MeetingDoc, TopicDoc } from '../../server/docs';
import type { Store } from '../../server/store/port';

export async function acceptedTopics(store: Store, meetingId: string): Promise<TopicDoc[]> {
  const page = await store.find<TopicDoc>('topics', { meetingId, status: 'accepted' }, { sort: [['createdAt', 'asc']], limit: 100 });
  return page.items;
}

/** Offered exactly when pressing can succeed: not while topics still wait for screening. */
export function listAllowedActions(m: MeetingDoc, actor: Actor, waiting: number): string[] {
  const side = actor.orgId === m.orgId ? confirmerSide(actor.roles) : null;
  if (!side) return [];
  const mine = m.topicList?.[side];
  if (!mine && hasFlag(meetingWorkflow, m.status, 'accepts_topics')) return waiting === 0 ? ['confirmList'] : [];
  if (mine && (m.status === 'collecting' || m.status === 'list_fixed')) return ['revokeConfirmation'];
  return [];
}

export async function listStatusView(store: Store, m: MeetingDoc, actor: Actor): Promise<TopicListStatusView> {
  const [submitted, returned, accepted] = await Promise.all([
    store.count('topics', { meetingId: m._id, status: 'submitted' }),
    store.count('topics', { meetingId: m._id, status: 'returned' }),
    acceptedTopics(store, m._id),
  ]);
  const conf = (s: 'gov' | 'union') => {
    const c = m.topicList?.[s];
    return c ? { byName: c.byName, at: c.at } : null;
  };
  return {
    meetingId: m._id,
    meetingTitle: m.title,
    meetingStatus: m.status,
    meetingStatusLabel: meetingWorkflow.states[m.status].label,
    plannedAt: m.plannedAt,
    fixed: m.status !== 'collecting' && m.status !== 'planning' && !!m.topicList?.gov && !!m.topicList?.union,
    confirmations: { gov: conf('gov'), union: conf('union') },
    counts: { submitted, accepted: accepted.length, returned },
    accepted: accepted.map((t) => ({
      id: t._id, title: t.title, categoryLabel: TOPIC_CATEGORY_LABEL[t.category], proposerName: t.proposerName,
      sideLabel: t.side === 'joint' ? `${SIDE_LABEL.joint}（${SIDE_LABEL[t.leadSide]}牵头）` : SIDE_LABEL[t.side],
    })),
    allowedActions: listAllowedActions(m, actor, submitted),
  };
}
