// The checklist's messages (Art. 11). Pure builders: recipients are read before the write.
import type { Person } from '../../domain';
import type { TaskDoc } from '../../server/store/docs';
import { toEach, type Milestone, type NotificationDraft } from '../../server/notify/notify';

type People = ReadonlyArray<Pick<Person, '_id' | 'orgId'>>;
const link = (t: TaskDoc) => `/pages/task/detail/index?id=${t._id}`;

/** issue #20: the phrase of the 审批提醒 / 审批结果通知 templates */
const STATUS: Partial<Record<Milestone, string>> = {
  task_completed: '待核验', task_sent_back: '退回', task_verified: '已办结', task_deadline_requested: '延期待审批',
};

function message(t: TaskDoc, milestone: Milestone, title: string, body: string, person = '') {
  return {
    milestone, subject: { type: 'task' as const, id: t._id }, occurrence: t.version, title, body, link: link(t),
    facts: { subject: t.title, deadline: t.deadline, person, ...(STATUS[milestone] ? { status: STATUS[milestone] } : {}) },
  };
}

const toOwner = (t: TaskDoc, milestone: Milestone, title: string, body: string, person = ''): NotificationDraft[] => [
  { ...message(t, milestone, title, body, person), recipientId: t.ownerId, orgId: t.orgId },
];

/** `by`: the assigning office's unit, the 交办单位 of the subscription message */
export const assigned = (t: TaskDoc, by: string) =>
  toOwner(t, 'task_assigned', '您有新的落实任务', `「${t.title}」（${t.meetingTitle}议定事项），请于 ${t.deadline} 前完成。`, by);

export const completed = (keepers: People, t: TaskDoc): NotificationDraft[] =>
  toEach(keepers, message(t, 'task_completed', '落实任务待核验', `${t.unit} ${t.ownerName} 已完成「${t.title}」，请核验。`));

export const sentBack = (t: TaskDoc, reason: string) =>
  toOwner(t, 'task_sent_back', '落实任务被退回', `「${t.title}」未通过核验：${reason}`);

export const verified = (t: TaskDoc) => toOwner(t, 'task_verified', '落实任务已办结', `「${t.title}」已核验办结。`);

/** Issue #16: the keeping office is asked for a new deadline. */
export const deadlineRequested = (keepers: People, t: TaskDoc, newDeadline: string, reason: string): NotificationDraft[] =>
  toEach(keepers, message(t, 'task_deadline_requested', '延期申请待审批', `${t.unit} ${t.ownerName} 申请将「${t.title}」的完成时限由 ${t.deadline} 延至 ${newDeadline}：${reason}`, t.ownerName));

/** Issue #16: the responsible person hears the keeper's decision (the task as it is after it). */
export const deadlineDecided = (t: TaskDoc, approved: boolean, newDeadline: string, reason: string | undefined) =>
  approved
    ? toOwner(t, 'task_deadline_decided', '延期申请已同意', `「${t.title}」的完成时限已调整为 ${newDeadline}。${reason ? `意见：${reason}` : ''}`)
    : toOwner(t, 'task_deadline_decided', '延期申请未同意', `「${t.title}」延至 ${newDeadline} 的申请未获同意，完成时限仍为 ${t.deadline}。理由：${reason ?? ''}`);

/** Issue #16: the keeping office set a new deadline itself. */
export const deadlineSet = (t: TaskDoc, oldDeadline: string, reason: string) =>
  toOwner(t, 'task_deadline_set', '完成时限已调整', `「${t.title}」的完成时限由 ${oldDeadline} 调整为 ${t.deadline}：${reason}`);
