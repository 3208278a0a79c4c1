// The minutes milestones' messages (Art. 9). Pure builders: recipients are read before the write.
import type { Person } from '../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc } from '../../server/store/docs';
import { toEach, type Milestone, type NotificationDraft } from '../../server/notify/notify';

type People = ReadonlyArray<Pick<Person, '_id' | 'orgId'>>;
const review = (m: MeetingDoc) => `/pages/minutes/index?meetingId=${m._id}`;
const editor = (m: MeetingDoc) => `/packages/office/pages/minutes-editor/index?meetingId=${m._id}`;

function message(m: MeetingDoc, doc: MinutesDoc, milestone: Milestone, title: string, body: string, link: string) {
  return {
    milestone, subject: { type: 'minutes' as const, id: m._id }, occurrence: doc.version, title, body, link,
    facts: { subject: `${m.title}会议纪要`, status: '待审核', time: doc.versions[doc.versions.length - 1]?.savedAt },
  };
}

/** Submitted, or approved by the union side: the next reviewers are asked. */
export const reviewAsked = (reviewers: People, m: MeetingDoc, doc: MinutesDoc): NotificationDraft[] =>
  toEach(reviewers, message(m, doc, 'minutes_review', '会议纪要待您审核', `「${m.title}」的会议纪要（第 ${doc.versions.length} 稿）已提交，请审核。`, review(m)));

export const returned = (office: People, m: MeetingDoc, doc: MinutesDoc, reason: string): NotificationDraft[] =>
  toEach(office, { ...message(m, doc, 'minutes_returned', '会议纪要被退回修改', `「${m.title}」的会议纪要被退回：${reason}`, editor(m)), facts: { subject: `${m.title}会议纪要`, status: '退回修改', note: reason } });

export const approved = (office: People, m: MeetingDoc, doc: MinutesDoc): NotificationDraft[] =>
  toEach(office, message(m, doc, 'minutes_approved', '会议纪要双方已审核', `「${m.title}」的会议纪要已经双方审核，可以印发。`, editor(m)));

/** Art. 9: the issued minutes reach everyone invited to the meeting. */
export const issued = (invitees: readonly InvitationDoc[], m: MeetingDoc, doc: MinutesDoc): NotificationDraft[] =>
  invitees.map((i) => ({
    ...message(m, doc, 'minutes_issued', '会议纪要已印发', `${doc.docNumber ?? ''}「${m.title}」会议纪要已印发，请查阅。`, review(m)),
    facts: { subject: `${m.title}会议纪要`, note: doc.docNumber ?? '请在小程序中查阅' },
    recipientId: i.personId, orgId: i.orgId,
  }));
