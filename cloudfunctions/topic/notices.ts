// The topic milestones' messages (RULES.md "Milestones that push a message").
import { AGGREGATING_OFFICE, otherSide } from '../../domain';
import type { MeetingDoc, TopicDoc } from '../../server/docs';
import { peopleWithRoles, toEach, type NotificationDraft } from '../../server/notify';
import type { Store } from '../../server/store/port';

const detail = (t: TopicDoc) => `/pages/topic/detail/index?id=${t._id}`;
const about = (t: TopicDoc) => ({ type: 'topic' as const, id: t._id });
const proposer = (t: TopicDoc) => [{ _id: t.createdBy, orgId: t.orgId }];

/** New topic waiting → the aggregating office. */
export async function topicWaiting(store: Store, t: TopicDoc, resubmitted = false): Promise<NotificationDraft[]> {
  const office = await peopleWithRoles(store, t.orgId, [t.routedTo]);
  return toEach(office, {
    milestone: resubmitted ? 'topic_resubmitted' : 'topic_submitted',
    subject: about(t),
    occurrence: t.version,
    title: resubmitted ? '议题已重新提交，待审核' : '新议题待审核',
    body: `${t.proposerName}（${t.proposerUnit}）${resubmitted ? '修改后重新提交了' : '提交了'}议题「${t.title}」`,
    link: `/packages/office/pages/queue/index?meetingId=${t.meetingId}`,
  });
}

export function topicAnswered(t: TopicDoc, milestone: 'topic_accepted' | 'topic_returned' | 'topic_merged'): NotificationDraft[] {
  const text = {
    topic_accepted: { title: '您的议题已采纳', body: `议题「${t.title}」已被采纳，将提交议题清单确认。` },
    topic_returned: { title: '您的议题被退回', body: `议题「${t.title}」被退回修改，理由：${t.returnReason ?? ''}` },
    topic_merged: { title: '您的议题已合并', body: `议题「${t.title}」已合并至「${t.mergedInto?.title ?? ''}」${t.mergedInto?.note ? `：${t.mergedInto.note}` : ''}` },
  }[milestone];
  return toEach(proposer(t), { milestone, subject: about(t), occurrence: t.version, link: detail(t), ...text });
}

/** Art. 6 (征求意见): an accepted topic asks the other side's office for its opinion. */
export async function opinionRequested(store: Store, t: TopicDoc): Promise<NotificationDraft[]> {
  const office = await peopleWithRoles(store, t.orgId, [AGGREGATING_OFFICE[otherSide(t.leadSide)]]);
  return toEach(office, {
    milestone: 'opinion_requested', subject: about(t), occurrence: t.version, link: detail(t),
    title: '议题征求意见', body: `请对已采纳议题「${t.title}」提出意见。`,
  });
}

/** The list is fixed → every proposer of the meeting and both offices. */
export async function listFixed(store: Store, m: MeetingDoc, topics: readonly TopicDoc[]): Promise<NotificationDraft[]> {
  const offices = await peopleWithRoles(store, m.orgId, ['gov_office', 'union_office']);
  const officeIds = new Set(offices.map((p) => p._id));
  const proposers = topics.filter((t) => !officeIds.has(t.createdBy)).map((t) => ({ _id: t.createdBy, orgId: t.orgId }));
  const message = {
    milestone: 'topic_list_fixed' as const, subject: { type: 'meeting' as const, id: m._id }, occurrence: m.version,
    title: '议题清单已确定', body: `「${m.title}」的议题清单已经双方确认，共 ${m.agenda?.length ?? 0} 项议题。`,
  };
  return [
    ...toEach(offices, { ...message, link: `/packages/office/pages/confirm/index?meetingId=${m._id}` }),
    ...toEach(proposers, { ...message, link: '/pages/topic/mine/index' }),
  ];
}
