// Issue #19, the office's workbench: choosing people from the directory (the picker's filters and
// purposes), the meetings page's filters and the home's work queue. Zod-free: the app reads these.
import type { Role } from './roles';
import type { InviteeCategory } from './workflows/meeting';

/** `meeting.invite` takes this many invitees at once (a whole side's leaders and departments). */
export const INVITE_BATCH_MAX = 200;

/** What a list of people is for: whom the caller may invite to a meeting (Art. 5) or give a task (Art. 11). */
export const PICK_PURPOSES = ['invite', 'assign'] as const;
export type PickPurpose = (typeof PICK_PURPOSES)[number];

/**
 * Art. 5's categories by the roles that fill them: the leaders (convenors and general convenors),
 * the offices, the departments, and the guests the union side brings (representatives).
 */
export const CATEGORY_ROLES: Record<InviteeCategory, readonly Role[]> = {
  leader: ['mayor', 'gov_leader', 'union_chair', 'gov_convenor', 'union_convenor'],
  office: ['gov_office', 'union_office'],
  department: ['gov_department', 'union_department'],
  grassroots_cadre: ['representative'],
  worker_representative: ['representative'],
  model_worker: ['representative'],
  union_worker: ['representative'],
};

/** The category a person is invited under unless the office chooses another: the first their roles fill. */
export function suggestedCategory(roles: readonly Role[]): InviteeCategory {
  const order: InviteeCategory[] = ['leader', 'office', 'department', 'worker_representative'];
  return order.find((c) => roles.some((r) => CATEGORY_ROLES[c].includes(r))) ?? 'department';
}

export const fillsCategory = (roles: readonly Role[], category: InviteeCategory): boolean => roles.some((r) => CATEGORY_ROLES[category].includes(r));

/** The meetings page's search (issue #19): by title, at most this long. */
export const MEETING_QUERY_MAX = 30;

/**
 * The home's work queue (issue #19): what waits for the caller, each a count and the list call that
 * opens exactly those items. `screen` and `opinions` come one per meeting collecting topics.
 */
export const WORK_KINDS = [
  'screen', 'opinions', 'accept', 'openCollection', 'issueNotice', 'replies', 'issueMinutes', 'approveMinutes', 'approvePress', 'verify', 'deadlines', 'overdue',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** The meeting steps the queue counts: the workflow's edge out of one state, for whoever its roles name. */
export const WORK_MEETING_EVENTS = ['accept', 'openCollection', 'issueNotice', 'issueMinutes'] as const;
export type WorkMeetingEvent = (typeof WORK_MEETING_EVENTS)[number];

/** How each meeting step reads in the queue (`N 个会议` + the words). */
export const WORK_MEETING_LABEL: Record<WorkMeetingEvent, string> = {
  accept: '个会议提请待答复是否召开',
  openCollection: '个会议待启动议题征集',
  issueNotice: '个会议议题已确定，待印发通知',
  issueMinutes: '个会议已召开，纪要待起草或印发',
};

/**
 * What `meeting.list { awaiting }` narrows the org's meetings to (issue #19's work queue): meetings
 * whose notice is out with invitees of the caller's side still silent, whose minutes wait at the
 * caller's review stage, whose press release waits for the caller's office's approval.
 */
export const MEETING_AWAITING = ['replies', 'minutes', 'press'] as const;
export type MeetingAwaiting = (typeof MEETING_AWAITING)[number];
