// How a topic is shown: Chinese labels, the status timeline, opinions and allowedActions.
import {
  ROLE_INFO,
  SIDE_LABEL,
  TOPIC_CATEGORY_LABEL,
  topicWorkflow,
  type Actor,
  type MeetingStatus,
  type TopicView,
} from '../../domain';
import type { TopicDoc, TopicHistoryEntry } from '../../server/docs';
import { topicAllowedActions } from './access';

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

export function toTopicView(t: TopicDoc, actor: Actor, meetingStatus: MeetingStatus): TopicView {
  return {
    id: t._id,
    meetingId: t.meetingId,
    meetingTitle: t.meetingTitle,
    orgId: t.orgId,
    side: t.side,
    sideLabel: t.side === 'joint' ? `${SIDE_LABEL.joint}（${SIDE_LABEL[t.leadSide]}牵头）` : SIDE_LABEL[t.side],
    leadSide: t.leadSide,
    routedTo: t.routedTo,
    routedToLabel: ROLE_INFO[t.routedTo].label,
    category: t.category,
    categoryLabel: TOPIC_CATEGORY_LABEL[t.category],
    title: t.title,
    background: t.background,
    research: t.research,
    request: t.request,
    status: t.status,
    statusLabel: topicWorkflow.states[t.status].label,
    proposer: { id: t.createdBy, name: t.proposerName, unit: t.proposerUnit },
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    ...(t.returnReason && t.status === 'returned' ? { returnReason: t.returnReason } : {}),
    ...(t.mergedInto ? { mergedInto: t.mergedInto } : {}),
    timeline: t.history.map((h) => ({ at: h.at, event: h.event, label: EVENT_LABEL[h.event], byName: h.byName, ...(h.note ? { note: h.note } : {}) })),
    opinions: t.opinions.map((o) => ({ at: o.at, byName: o.byName, byUnit: o.byUnit, side: o.side, sideLabel: SIDE_LABEL[o.side], text: o.text })),
    allowedActions: topicAllowedActions(t, actor, meetingStatus),
  };
}
