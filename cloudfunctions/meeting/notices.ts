// The meeting milestones' messages (RULES.md "Milestones that push a message"). Pure builders:
// recipients are read before the write, and a transaction may run them more than once.
import { formatDateTimeCN, type Person } from '../../domain';
import type { InvitationDoc, MeetingDoc } from '../../server/store/docs';
import { toEach, type Milestone, type NotificationDraft } from '../../server/notify/notify';

type People = ReadonlyArray<Pick<Person, '_id' | 'orgId'>>;
const link = (m: MeetingDoc) => `/pages/meeting/detail/index?id=${m._id}`;
const console_ = (m: MeetingDoc) => `/packages/office/pages/meeting/index?id=${m._id}`;
const when = (m: MeetingDoc) => `${formatDateTimeCN(m.plannedAt)}${m.place ? `，${m.place}` : ''}`;

function message(m: MeetingDoc, milestone: Milestone, title: string, body: string, to: 'console' | 'detail' = 'detail') {
  return {
    milestone, subject: { type: 'meeting' as const, id: m._id }, occurrence: m.version, title, body, link: to === 'console' ? console_(m) : link(m),
    facts: { subject: m.title, time: m.plannedAt, place: m.place ?? '' },
  };
}

export const requested = (office: People, m: MeetingDoc): NotificationDraft[] =>
  toEach(office, message(m, 'meeting_requested', '工会方提请召开联席会议', `「${m.title}」拟于 ${when(m)} 召开，请审核。`, 'console'));

export const answered = (office: People, m: MeetingDoc, yes: boolean): NotificationDraft[] =>
  toEach(office, message(m, yes ? 'meeting_accepted' : 'meeting_declined', yes ? '政府方同意召开联席会议' : '政府方未同意召开联席会议',
    yes ? `「${m.title}」已同意召开，可启动议题征集。` : `「${m.title}」未同意召开：${m.declineReason ?? ''}`, 'console'));

export const collectionOpened = (people: People, m: MeetingDoc): NotificationDraft[] =>
  toEach(people, { ...message(m, 'collection_opened', '联席会议开始征集议题', `「${m.title}」开始征集议题，欢迎提出。`), link: '/pages/topic/submit/index' });

/** Art. 7: the notice reaches every invitee as an invitation asking for a reply. */
export const noticeIssued = (invitees: readonly InvitationDoc[], m: MeetingDoc): NotificationDraft[] =>
  invitees.map((i) => ({
    ...message(m, 'meeting_notice', '会议通知：请确认是否参会', `${m.docNumber ?? ''}「${m.title}」定于 ${when(m)} 召开，请回复是否参会。`),
    recipientId: i.personId, orgId: i.orgId,
  }));

export const rescheduled = (invitees: readonly InvitationDoc[], m: MeetingDoc): NotificationDraft[] =>
  invitees.map((i) => ({ ...message(m, 'meeting_rescheduled', '会议时间地点调整', `「${m.title}」调整为 ${when(m)}。`), recipientId: i.personId, orgId: i.orgId }));

/** Issue #16: a 变更通知 reaches every invitee; when the day moved they are asked to reply again. */
export const changeNoticeIssued = (invitees: readonly InvitationDoc[], m: MeetingDoc, dayMoved: boolean): NotificationDraft[] => {
  const n = m.notices?.[m.notices.length - 1];
  return invitees.map((i) => ({
    ...message(m, dayMoved ? 'meeting_notice' : 'meeting_rescheduled', dayMoved ? '会议变更通知：请重新确认是否参会' : '会议变更通知',
      `${n?.docNumber ?? ''}「${m.title}」调整为 ${when(m)}${dayMoved ? '，请重新回复是否参会' : ''}。`),
    recipientId: i.personId, orgId: i.orgId,
  }));
};

/** A leave or a substitute → the office that invited the person. */
export const replyNeedsAttention = (office: People, m: MeetingDoc, inv: InvitationDoc): NotificationDraft[] =>
  toEach(office, {
    ...message(m, 'meeting_reply', inv.answer === 'substitute' ? '参会人员委托代会' : '参会人员请假',
      inv.answer === 'substitute'
        ? `${inv.name}（${inv.unit}）委托 ${inv.substitute?.name ?? ''}（${inv.substitute?.post ?? ''}）代为参加「${m.title}」。`
        : `${inv.name}（${inv.unit}）请假不能参加「${m.title}」：${inv.reason ?? ''}`, 'console'),
    occurrence: inv.version,
  });
