// The meeting lifecycle (Art. 4, 6, 7, 8, 9).
import { OFFICES } from '../roles';
import { CONFIRMERS } from '../topic-rules';
import { defineWorkflow } from '../workflow';

export const MEETING_STATES = [
  'planning',
  'collecting',
  'list_fixed',
  'notice_issued',
  'held',
  'minutes_issued',
  'closed',
  'cancelled',
] as const;
export type MeetingStatus = (typeof MEETING_STATES)[number];

export type MeetingEvent =
  | 'openCollection'
  | 'fixList'
  | 'reopenList'
  | 'issueNotice'
  | 'markHeld'
  | 'issueMinutes'
  | 'close'
  | 'cancel';

export type MeetingFlag = 'accepts_topics' | 'accepts_replies' | 'editable_schedule';

export const meetingWorkflow = defineWorkflow<MeetingStatus, MeetingEvent, MeetingFlag>({
  name: 'meeting',
  initial: 'planning',
  states: {
    planning: { label: '筹备中', flags: ['editable_schedule'] },
    collecting: { label: '议题征集中', flags: ['accepts_topics', 'editable_schedule'] },
    list_fixed: { label: '议题已确定', flags: ['editable_schedule'] },
    notice_issued: { label: '已发通知', flags: ['accepts_replies'] },
    held: { label: '已召开' },
    minutes_issued: { label: '纪要已印发' },
    closed: { label: '已办结', terminal: true },
    cancelled: { label: '已取消', terminal: true },
  },
  edges: [
    // Art. 4 + 6: the union side requests (提请); collection opens 2 months before.
    { from: 'planning', event: 'openCollection', to: 'collecting', roles: ['union_office', 'union_chair'], label: '启动议题征集' },
    // Art. 6: fixed only when both sides have confirmed (the topic area fires this edge).
    { from: 'collecting', event: 'fixList', to: 'list_fixed', roles: CONFIRMERS, label: '确定议题清单' },
    { from: 'list_fixed', event: 'reopenList', to: 'collecting', roles: CONFIRMERS, label: '撤回议题确认' },
    // Art. 7: the notice is issued by the government office.
    { from: 'list_fixed', event: 'issueNotice', to: 'notice_issued', roles: ['gov_office'], label: '印发会议通知' },
    { from: 'notice_issued', event: 'markHeld', to: 'held', roles: ['union_office', 'gov_office'], label: '确认会议已召开' },
    // Art. 9: minutes are issued after both sides approve (the minutes area fires this edge).
    { from: 'held', event: 'issueMinutes', to: 'minutes_issued', roles: ['gov_office', 'union_office'], label: '印发会议纪要' },
    { from: 'minutes_issued', event: 'close', to: 'closed', roles: ['union_office'], label: '办结' },
    { from: ['planning', 'collecting', 'list_fixed', 'notice_issued'], event: 'cancel', to: 'cancelled', roles: OFFICES, label: '取消会议' },
  ],
});

export const MEETING_KIND_LABEL = { regular: '例会', special: '专题会议' } as const;
export type MeetingKind = keyof typeof MEETING_KIND_LABEL;
