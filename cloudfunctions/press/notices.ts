// The press release's messages (Art. 10). Pure builders: recipients are read before the write.
import type { Person } from '../../domain';
import type { MeetingDoc, PressDoc } from '../../server/store/docs';
import { toEach, type Milestone, type NotificationDraft } from '../../server/notify/notify';

type People = ReadonlyArray<Pick<Person, '_id' | 'orgId'>>;
const link = (m: MeetingDoc) => `/packages/office/pages/press/index?meetingId=${m._id}`;

function message(m: MeetingDoc, p: PressDoc, milestone: Milestone, title: string, body: string) {
  return { milestone, subject: { type: 'press' as const, id: m._id }, occurrence: p.version, title, body, link: link(m) };
}

export const askOther = (others: People, m: MeetingDoc, p: PressDoc, by: string): NotificationDraft[] =>
  toEach(others, message(m, p, 'press_review', '宣传稿件待审核', `${by} 修改了「${m.title}」的宣传稿件（第 ${p.revision} 稿），请审核。`));

export const returned = (others: People, m: MeetingDoc, p: PressDoc, reason: string): NotificationDraft[] =>
  toEach(others, message(m, p, 'press_returned', '宣传稿件被退回', `「${m.title}」的宣传稿件被退回：${reason}`));

export const approvedBoth = (offices: People, m: MeetingDoc, p: PressDoc): NotificationDraft[] =>
  toEach(offices, message(m, p, 'press_approved', '宣传稿件双方已审核', `「${m.title}」的宣传稿件已经双方审核，可以发布。`));
