// The topic milestones' messages (RULES.md "Milestones that push a message"). Recipients are found
// before the write (indexed queries); the builders here are pure, because they run inside the
// transaction that writes the outbox and a transaction may run more than once.
import type { Person } from '../../domain';
import type { MeetingDoc, TopicDoc } from '../../server/store/docs';
import { toEach, type NotificationDraft } from '../../server/notify/notify';

type People = ReadonlyArray<Pick<Person, '_id' | 'orgId'>>;

const detail = (t: TopicDoc) => `/pages/topic/detail/index?id=${t._id}`;
const about = (t: TopicDoc) => ({ type: 'topic' as const, id: t._id });
const proposer = (t: TopicDoc) => [{ _id: t.createdBy, orgId: t.orgId }];
const confirmPage = (m: MeetingDoc) => `/packages/office/pages/confirm/index?meetingId=${m._id}`;

/** New topic waiting → the aggregating office. */
export function topicWaiting(office: People, t: TopicDoc, resubmitted = false): NotificationDraft[] {
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
  // issue #10: the 审核结果通知 keywords — the topic, the result in a phrase, the reason or where it went
  const status = { topic_accepted: '已采纳', topic_returned: '已退回', topic_merged: '已合并' }[milestone];
  const note = milestone === 'topic_returned' ? (t.returnReason ?? '') : milestone === 'topic_merged' ? `并入「${t.mergedInto?.title ?? ''}」` : '将提交议题清单确认';
  return toEach(proposer(t), { milestone, subject: about(t), occurrence: t.version, link: detail(t), ...text, facts: { subject: t.title, status, note } });
}

/** Art. 6 (征求意见): an accepted topic asks the other side's office for its opinion. */
export function opinionRequested(otherOffice: People, t: TopicDoc): NotificationDraft[] {
  return toEach(otherOffice, {
    milestone: 'opinion_requested', subject: about(t), occurrence: t.version, link: detail(t),
    title: '议题征求意见', body: `请对已采纳议题「${t.title}」提出意见。`,
  });
}

/** The list is fixed → both offices and every proposer of a listed topic. */
export function listFixed(offices: People, m: MeetingDoc, topics: readonly TopicDoc[]): NotificationDraft[] {
  const officeIds = new Set(offices.map((p) => p._id));
  const proposers = [...new Map(topics.filter((t) => !officeIds.has(t.createdBy)).map((t) => [t.createdBy, { _id: t.createdBy, orgId: t.orgId }])).values()];
  const message = {
    milestone: 'topic_list_fixed' as const, subject: { type: 'meeting' as const, id: m._id }, occurrence: m.version,
    title: '议题清单已确定', body: `「${m.title}」的议题清单已经双方确认，共 ${topics.length} 项议题。`,
    facts: { subject: m.title, status: '已确定', note: `共 ${topics.length} 项议题` },
  };
  return [...toEach(offices, { ...message, link: confirmPage(m) }), ...toEach(proposers, { ...message, link: '/pages/topic/mine/index' })];
}

/** Art. 6: the accepted topics changed after a side confirmed → that side confirms again. */
export function listChanged(confirmers: People, m: MeetingDoc, why: string): NotificationDraft[] {
  return toEach(confirmers, {
    milestone: 'topic_list_changed', subject: { type: 'meeting', id: m._id }, occurrence: m.version, link: confirmPage(m),
    title: '议题清单有变化，请重新确认', body: `「${m.title}」${why}，您此前的确认已失效，请核对后重新确认。`,
    facts: { subject: m.title, status: '请重新确认', note: why },
  });
}

/**
 * Issue #16 (Art. 6): every accepted topic has the other side's opinion or 无意见 and nothing waits
 * for screening → the convenors who confirm the list are told it is ready. `occurrence` is the
 * list's revision: a list that changes and becomes ready again is announced again, a replay is not.
 */
export function listReady(confirmers: People, m: MeetingDoc, accepted: number): NotificationDraft[] {
  return toEach(confirmers, {
    milestone: 'topic_list_ready', subject: { type: 'meeting', id: m._id }, occurrence: m.listRevision ?? 0, link: confirmPage(m),
    title: '议题清单待确认', body: `「${m.title}」的 ${accepted} 项已采纳议题均已征求意见，请核对后确认议题清单。`,
    facts: { subject: m.title, status: '待确认', note: `${accepted} 项议题均已征求意见` },
  });
}
