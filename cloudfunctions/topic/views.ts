// How a topic is shown: Chinese labels, the status timeline, opinions and allowedActions (derived
// by the record kit from the registry, the row rules and each action's guard).
import {
  opinionSideOf,
  opinionState,
  opinionStateLabel,
  ROLE_INFO,
  SIDE_LABEL,
  TOPIC_CATEGORY_LABEL,
  topicWorkflow,
  type Actor,
  type TopicCardView,
  type TopicView,
} from '../../domain';
import { offeredActions } from '../../server/kit/access';
import type { MeetingDoc, TopicDoc, TopicHistoryEntry } from '../../server/store/docs';
import { topicFacts, topicKind } from './model';

const EVENT_LABEL: Record<TopicHistoryEntry['event'], string> = {
  submit: '提交议题',
  update: '修改议题',
  accept: '采纳',
  return: '退回修改',
  merge: '合并至其他议题',
  withdraw: '撤回',
  resubmit: '重新提交',
  absorb: '合并了其他议题',
  listed: '列入议题清单',
};

export function sideLabel(t: Pick<TopicDoc, 'side' | 'leadSide'>): string {
  return t.side === 'joint' ? `${SIDE_LABEL.joint}（${SIDE_LABEL[t.leadSide]}牵头）` : SIDE_LABEL[t.side];
}

/** A list card: what the card shows and the buttons it offers, nothing more. */
export function toTopicCard(t: TopicDoc, actor: Actor, meeting: MeetingDoc): TopicCardView {
  return {
    id: t._id,
    meetingId: t.meetingId,
    meetingTitle: t.meetingTitle,
    side: t.side,
    sideLabel: sideLabel(t),
    leadSide: t.leadSide,
    category: t.category,
    categoryLabel: TOPIC_CATEGORY_LABEL[t.category],
    title: t.title,
    status: t.status,
    statusLabel: topicWorkflow.states[t.status].label,
    proposer: { id: t.createdBy, name: t.proposerName, unit: t.proposerUnit },
    createdAt: t.createdAt,
    ...(t.returnReason && t.status === 'returned' ? { returnReason: t.returnReason } : {}),
    ...(t.mergedInto ? { mergedInto: t.mergedInto } : {}),
    allowedActions: offeredActions(topicKind, actor, { record: { topic: t, meeting }, facts: topicFacts(t) }),
  };
}

export function toTopicView(t: TopicDoc, actor: Actor, meeting: MeetingDoc): TopicView {
  const state = opinionState(t);
  return {
    ...toTopicCard(t, actor, meeting),
    orgId: t.orgId,
    routedTo: t.routedTo,
    routedToLabel: ROLE_INFO[t.routedTo].label,
    background: t.background,
    research: t.research,
    request: t.request,
    updatedAt: t.updatedAt,
    timeline: t.history.map((h) => ({ at: h.at, event: h.event, label: EVENT_LABEL[h.event], byName: h.byName, ...(h.note ? { note: h.note } : {}) })),
    opinions: t.opinions.map((o) => ({ at: o.at, byName: o.byName, byUnit: o.byUnit, side: o.side, sideLabel: SIDE_LABEL[o.side], text: o.text })),
    opinionState: state,
    opinionStateLabel: opinionStateLabel(state, t.noOpinion?.side),
    opinionSideLabel: SIDE_LABEL[opinionSideOf(t.leadSide)],
  };
}
