// The meeting lifecycle (Art. 4, 6, 7, 8, 9): the union side requests (提请), the government side
// accepts or declines; collection of topics; the list fixed by both sides; the notice issued by the
// government office; the meeting in session and held; then its minutes (issue #9).
import { OFFICES } from '../roles';
import { CONFIRMERS } from '../topic-rules';
import { defineWorkflow } from '../workflow';

export const MEETING_STATES = [
  'requested',
  'accepted',
  'declined',
  'collecting',
  'list_fixed',
  'notice_issued',
  'in_session',
  'held',
  'minutes_issued',
  'closed',
  'cancelled',
] as const;
export type MeetingStatus = (typeof MEETING_STATES)[number];

export type MeetingEvent =
  | 'accept'
  | 'decline'
  | 'openCollection'
  | 'fixList'
  | 'reopenList'
  | 'issueNotice'
  | 'start'
  | 'adjourn'
  | 'issueMinutes'
  | 'close'
  | 'cancel';

/**
 * accepts_topics: topics may be proposed and screened (Art. 6); accepts_replies: invitees answer
 * the notice; editable_schedule: time and place may still change; upcoming: not yet held;
 * door_open: the notice is out and the meeting not over, so check-in (on its day) can happen;
 * was_held: the meeting has taken place (its minutes, press release and assessment count it);
 * before_collection: topic collection has not opened and the meeting went no further (a declined
 * meeting stopped there); list_final: the topic list is fixed (a notice exists or can be previewed);
 * notice_out: the notice has been issued; minutes_out: the minutes have been issued;
 * called_off: the meeting will not take place (declined or cancelled).
 */
export type MeetingFlag =
  | 'accepts_topics'
  | 'accepts_replies'
  | 'editable_schedule'
  | 'upcoming'
  | 'invitations_open'
  | 'door_open'
  | 'was_held'
  | 'before_collection'
  | 'list_final'
  | 'notice_out'
  | 'minutes_out'
  | 'called_off';

/** Art. 4: the union side requests the meeting. */
export const MEETING_REQUESTERS = ['union_office', 'union_chair'] as const;
/** Art. 4: the government side accepts it. */
export const MEETING_ACCEPTERS = ['gov_office', 'gov_convenor', 'gov_leader'] as const;

export const meetingWorkflow = defineWorkflow<MeetingStatus, MeetingEvent, MeetingFlag>({
  name: 'meeting',
  initial: 'requested',
  states: {
    requested: { label: '已提请', flags: ['editable_schedule', 'upcoming', 'before_collection'] },
    accepted: { label: '已同意召开', flags: ['editable_schedule', 'upcoming', 'invitations_open', 'before_collection'] },
    declined: { label: '未同意召开', terminal: true, flags: ['before_collection', 'called_off'] },
    collecting: { label: '议题征集中', flags: ['accepts_topics', 'editable_schedule', 'upcoming', 'invitations_open'] },
    list_fixed: { label: '议题已确定', flags: ['editable_schedule', 'upcoming', 'invitations_open', 'list_final'] },
    notice_issued: { label: '已发通知', flags: ['accepts_replies', 'editable_schedule', 'upcoming', 'invitations_open', 'door_open', 'list_final', 'notice_out'] },
    in_session: { label: '会议进行中', flags: ['door_open', 'list_final', 'notice_out'] },
    held: { label: '已召开', flags: ['was_held', 'list_final', 'notice_out'] },
    minutes_issued: { label: '纪要已印发', flags: ['was_held', 'list_final', 'notice_out', 'minutes_out'] },
    closed: { label: '已办结', terminal: true, flags: ['was_held', 'list_final', 'notice_out', 'minutes_out'] },
    cancelled: { label: '已取消', terminal: true, flags: ['called_off'] },
  },
  edges: [
    // Art. 4: the government side accepts or declines the union side's request.
    { from: 'requested', event: 'accept', to: 'accepted', roles: MEETING_ACCEPTERS, label: '同意召开' },
    { from: 'requested', event: 'decline', to: 'declined', roles: MEETING_ACCEPTERS, label: '不同意召开' },
    // Art. 6: topic collection (generally two months before the meeting).
    { from: 'accepted', event: 'openCollection', to: 'collecting', roles: OFFICES, label: '启动议题征集' },
    // Art. 6: fixed only when both sides have confirmed (the topic area fires this edge).
    { from: 'collecting', event: 'fixList', to: 'list_fixed', roles: CONFIRMERS, label: '确定议题清单' },
    { from: 'list_fixed', event: 'reopenList', to: 'collecting', roles: CONFIRMERS, label: '撤回议题确认' },
    // Art. 7: the notice is issued by the government office.
    { from: 'list_fixed', event: 'issueNotice', to: 'notice_issued', roles: ['gov_office'], label: '印发会议通知' },
    // Art. 7 + 8: the union office runs the meeting; the presiding leader may open and close it too
    // (the `presides` row rule admits them; the role list here is the offices').
    { from: 'notice_issued', event: 'start', to: 'in_session', roles: ['union_office', 'gov_leader', 'mayor'], label: '宣布开会' },
    { from: 'in_session', event: 'adjourn', to: 'held', roles: ['union_office', 'gov_leader', 'mayor'], label: '宣布散会' },
    // Art. 9: minutes are issued after both sides approve (the minutes area fires this edge).
    { from: 'held', event: 'issueMinutes', to: 'minutes_issued', roles: ['union_office'], label: '印发会议纪要' },
    { from: 'minutes_issued', event: 'close', to: 'closed', roles: ['union_office'], label: '办结' },
    {
      from: ['requested', 'accepted', 'collecting', 'list_fixed', 'notice_issued'],
      event: 'cancel', to: 'cancelled', roles: OFFICES, label: '取消会议',
    },
  ],
});

export const MEETING_KIND_LABEL = { regular: '例会', special: '专题会议' } as const;
export type MeetingKind = keyof typeof MEETING_KIND_LABEL;

/** Art. 5: who attends, by category. */
export const INVITEE_CATEGORIES = [
  'leader',
  'office',
  'department',
  'grassroots_cadre',
  'worker_representative',
  'model_worker',
  'union_worker',
] as const;
export type InviteeCategory = (typeof INVITEE_CATEGORIES)[number];

export const INVITEE_CATEGORY_LABEL: Record<InviteeCategory, string> = {
  leader: '领导',
  office: '办公室',
  department: '有关部门',
  grassroots_cadre: '基层干部',
  worker_representative: '职工代表',
  model_worker: '劳模先进代表',
  union_worker: '基层工会工作者',
};

/** Art. 8: the four standard sections of the agenda, in order. */
export const AGENDA_SECTIONS = [
  { key: 'previous', title: '通报上次会议议定事项落实情况' },
  { key: 'origin', title: '通报本次会议议题的形成过程和主要内容' },
  { key: 'discussion', title: '讨论研究并议定本次会议事项' },
  { key: 'deployment', title: '部署议定事项的贯彻落实工作' },
] as const;
export type AgendaSectionKey = (typeof AGENDA_SECTIONS)[number]['key'];
