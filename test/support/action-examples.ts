// One example call per registered action, for the generated authorisation matrix.
// A new action without an entry here makes the matrix test fail: add its example with the action.
// `payload(w, org)` builds a fresh record in `org` for every call, so one caller's success cannot
// change what the next caller meets. `admits` lists the roles the row rules let through for the
// city record (default: every role of the matrix row) — written by hand, so the test checks the
// router against a second account of the rules, not against itself. An admitted role must get
// `ok: true`; a refusal counts as admitted only if the example names its code in `admittedCodes`
// (a role that passes authorisation and then meets a state rule of the record it was given).
import { topicAudience, type ErrorCode, type MeetingStatus, type Role, type TopicStatus } from '../../domain';
import type { InvitationDoc, MeetingDoc, TopicDoc } from '../../server/docs';
import type { NotificationDoc } from '../../server/notify';
import type { Dispatched } from '../../server/router';
import type { World } from './world';

export interface ActionExample {
  payload: (w: World, orgId: string) => unknown | Promise<unknown>;
  admits?: readonly Role[];
  /** refusals an admitted role may meet after authorisation (a state rule); anything else must be ok */
  admittedCodes?: readonly ErrorCode[];
  /** for actions that name no record: proves a caller saw only what is theirs */
  isolation?: (res: Dispatched, caller: { key: string; orgId: string }) => void;
}

export const MEETING: Record<string, string> = { city: 'm-city-current', linhe: 'm-linhe-current' };
const REP: Record<string, string> = { city: 'city-rep-ma', linhe: 'linhe-rep' };

let seq = 0;
export async function makeTopic(
  w: World,
  orgId: string,
  opts: { side?: 'gov' | 'union'; status?: TopicStatus; by?: string } = {},
): Promise<TopicDoc> {
  const side = opts.side ?? 'union';
  seq += 1;
  const at = new Date(w.now.getTime() + seq).toISOString();
  return w.store.insert<TopicDoc>('topics', {
    orgId, meetingId: MEETING[orgId], meetingTitle: '测试会议', side, leadSide: side,
    routedTo: side === 'gov' ? 'gov_office' : 'union_office', category: 'worker_concerns',
    title: `示例议题 ${seq}`, background: '背景情况说明十个字以上', research: '调研论证说明十个字以上', request: '建议与请求内容',
    status: opts.status ?? 'submitted', createdBy: opts.by ?? (side === 'gov' ? `${orgId}-hrss` : REP[orgId]),
    proposerName: '示例', proposerUnit: '示例单位', createdAt: at, updatedAt: at, submitDay: '2026-11-24',
    returnReason: opts.status === 'returned' ? '请补充调研数据' : undefined, history: [], opinions: [],
    audience: topicAudience(opts.status ?? 'submitted', side === 'gov' ? 'gov_office' : 'union_office'), otherSideOpinions: 0,
  });
}

const DAY = 86_400_000;
let meetingSeq = 0;

/** A meeting of `org` in `status`, with invitations for `invite` (people's ids) and a presiding leader. */
export async function makeMeeting(
  w: World,
  orgId: string,
  status: MeetingStatus,
  opts: { invite?: string[]; today?: boolean; presiding?: string } = {},
): Promise<MeetingDoc> {
  meetingSeq += 1;
  const plannedAt = new Date(w.now.getTime() + (opts.today ? 60 * 60 * 1000 : 30 * DAY)).toISOString();
  const m = await w.store.insert<MeetingDoc>('meetings', {
    orgId, kind: 'special', year: 2026, title: `示例会议 ${meetingSeq}`, plannedAt, reason: '示例', status,
    createdBy: `${orgId}-union-office`, createdAt: w.now.toISOString(), scheduleVersion: 1, checkInCode: '135790',
    ...(opts.presiding ? { presidingId: opts.presiding, presiding: { id: opts.presiding, name: '领导', title: '副职' } } : {}),
    ...(status === 'list_fixed' || status === 'notice_issued' || status === 'in_session'
      ? { agenda: ['t1', 't2'], agendaTopics: [{ id: 't1', title: '议题一', sideLabel: '工会方' }, { id: 't2', title: '议题二', sideLabel: '政府方' }], proposedCount: 3 }
      : {}),
  });
  for (const personId of opts.invite ?? []) {
    await w.store.insert<InvitationDoc>('invitations', {
      _id: `${m._id}:${personId}`, meetingId: m._id, orgId, meetingTitle: m.title, plannedAt, personId, name: '受邀人', unit: '单位', title: '职务',
      side: personId.endsWith('hrss') ? 'gov' : 'union', category: personId.endsWith('hrss') ? 'department' : 'worker_representative',
      invitedBy: `${orgId}-union-office`, invitedAt: w.now.toISOString(), answered: false, answer: null,
    });
  }
  return m;
}

const meetingId = async (w: World, org: string, status: MeetingStatus, opts: Parameters<typeof makeMeeting>[3] = {}) => ({
  meetingId: (await makeMeeting(w, org, status, opts))._id,
});

const data = (res: Dispatched) => (res.envelope.ok ? (res.envelope.data as Record<string, unknown>) : {});
const sameOrg = (res: Dispatched, caller: { orgId: string }) => expect((data(res).org as { id?: string } | undefined)?.id).toBe(caller.orgId);
const topicId = async (w: World, org: string, opts: Parameters<typeof makeTopic>[2]) => ({ id: (await makeTopic(w, org, opts))._id });
const CONFIRMERS: Role[] = ['gov_convenor', 'gov_leader', 'union_convenor', 'union_chair'];
const LEADERSHIP: Role[] = ['gov_office', 'union_office', 'gov_convenor', 'union_convenor', 'gov_leader', 'union_chair', 'mayor'];

export const EXAMPLES: Record<string, ActionExample> = {
  'account.me': { payload: () => ({}), isolation: sameOrg },
  'account.home': { payload: () => ({}), isolation: sameOrg },

  'topic.submit': {
    payload: (_w, org) => ({
      meetingId: MEETING[org], side: 'union', category: 'worker_concerns', title: '关于外卖骑手职业伤害保障的建议',
      background: '我市新就业形态劳动者约一万二千人，职业伤害保障覆盖不足。', research: '走访三家平台站点，问卷四百份，六成骑手未参保。',
      request: '建议人社部门牵头推进职业伤害保障试点。',
    }),
    // a union topic: the government side's proposers are refused by the side rule (Art. 6)
    admits: ['union_department', 'representative', 'union_office'],
  },
  'topic.update': { payload: async (w, org) => ({ ...(await topicId(w, org, {})), title: '修改后的议题标题' }), admits: ['representative'] },
  'topic.withdraw': { payload: (w, org) => topicId(w, org, {}), admits: ['representative'] },
  'topic.resubmit': { payload: (w, org) => topicId(w, org, { status: 'returned' }), admits: ['representative'] },
  'topic.accept': { payload: (w, org) => topicId(w, org, { side: 'gov' }), admits: ['gov_office'] },
  'topic.return': { payload: async (w, org) => ({ ...(await topicId(w, org, { side: 'gov' })), reason: '请补充调研数据' }), admits: ['gov_office'] },
  'topic.merge': {
    payload: async (w, org) => ({ ...(await topicId(w, org, { side: 'gov' })), intoId: (await makeTopic(w, org, { side: 'gov' }))._id }),
    admits: ['gov_office'],
  },
  'topic.addOpinion': {
    payload: async (w, org) => ({ ...(await topicId(w, org, { status: 'accepted' })), text: '同意列入议题，建议补充资金测算。' }),
    admits: ['gov_office', 'gov_convenor', 'gov_leader'],
  },
  // the second confirmer of a side meets the rule that the side has already confirmed
  'topic.confirmList': { payload: (_w, org) => ({ meetingId: MEETING[org] }), admits: CONFIRMERS, admittedCodes: ['invalid_transition'] },
  // nobody has confirmed the seeded list yet, so a confirmer passes authorisation and meets the rule
  // that only a side which has confirmed can take its confirmation back
  'topic.revokeConfirmation': { payload: (_w, org) => ({ meetingId: MEETING[org] }), admits: CONFIRMERS, admittedCodes: ['invalid_transition'] },
  'topic.list': { payload: (_w, org) => ({ scope: 'meeting', meetingId: MEETING[org] }) },
  // a submitted union topic: its proposer and the union office see it; nobody else yet
  'topic.get': { payload: (w, org) => topicId(w, org, {}), admits: ['representative', 'union_office'] },
  'topic.listStatus': { payload: (_w, org) => ({ meetingId: MEETING[org] }), admits: LEADERSHIP },

  'notify.inbox': {
    payload: async (w) => {
      await w.store.insert<NotificationDoc>('notifications', {
        recipientId: 'city-rep-ma', orgId: 'city', milestone: 'topic_accepted', subjectType: 'topic', subjectId: 'x',
        title: '只给马春花的消息', body: '', link: '/pages/index/index', createdAt: w.now.toISOString(), readAt: null,
      });
      return {};
    },
    isolation: (res, caller) => {
      const titles = ((data(res).items as Array<{ title: string }>) ?? []).map((i) => i.title);
      if (caller.key !== 'city-rep-ma') expect(titles).not.toContain('只给马春花的消息');
    },
  },
  'notify.unreadCount': { payload: () => ({}), isolation: (res) => expect(typeof data(res).unread).toBe('number') },
  'notify.markRead': { payload: () => ({ ids: ['n-not-mine'] }), isolation: (res) => expect(res.envelope.ok).toBe(true) },

  // ---- meetings (Art. 4, 5, 7, 8): each call gets a fresh meeting in the state the action needs ----
  'meeting.request': {
    payload: (w) => ({ kind: 'special', title: '关于新就业形态劳动者权益保障的专题会议', plannedAt: new Date(w.now.getTime() + 40 * DAY).toISOString(), reason: '外卖骑手职业伤害保障亟待协调' }),
    admits: ['union_office', 'union_chair'],
    isolation: (res) => expect(res.envelope.ok).toBe(true),
  },
  'meeting.accept': { payload: (w, org) => meetingId(w, org, 'requested'), admits: ['gov_office', 'gov_convenor', 'gov_leader'] },
  'meeting.decline': { payload: async (w, org) => ({ ...(await meetingId(w, org, 'requested')), reason: '年内已安排例会' }), admits: ['gov_office', 'gov_convenor', 'gov_leader'] },
  'meeting.openCollection': { payload: (w, org) => meetingId(w, org, 'accepted'), admits: ['gov_office', 'union_office'] },
  'meeting.reschedule': { payload: async (w, org) => ({ ...(await meetingId(w, org, 'collecting')), place: '政府第二会议室' }), admits: ['gov_office'] },
  // the government office invites the government side (a department head); the union office may not
  'meeting.invite': {
    payload: async (w, org) => ({ ...(await meetingId(w, org, 'collecting')), invitees: [{ personId: `${org}-hrss`, category: 'department' }] }),
    admits: ['gov_office'],
  },
  'meeting.uninvite': {
    payload: async (w, org) => {
      const m = await makeMeeting(w, org, 'collecting', { invite: [`${org}-hrss`] });
      return { meetingId: m._id, personId: `${org}-hrss` };
    },
    admits: ['gov_office'],
  },
  'meeting.setPresiding': { payload: async (w, org) => ({ ...(await meetingId(w, org, 'list_fixed')), personId: `${org}-gov-leader` }), admits: ['gov_office'] },
  'meeting.updateAgenda': {
    payload: async (w, org) => ({
      ...(await meetingId(w, org, 'list_fixed')),
      sections: [
        { key: 'previous', items: [{ id: 'previous', minutes: 5 }] },
        { key: 'origin', items: [{ id: 'origin', minutes: 5 }] },
        { key: 'discussion', items: [{ id: 't2', minutes: 20 }, { id: 't1', minutes: 15 }] },
        { key: 'deployment', items: [{ id: 'deployment', minutes: 10 }] },
      ],
    }),
    admits: ['union_office'],
  },
  'meeting.issueNotice': { payload: async (w, org) => ({ ...(await meetingId(w, org, 'list_fixed')), docNumber: '巴政办字〔2026〕88号' }), admits: ['gov_office'] },
  // the seeded representative is the one invited
  'meeting.reply': {
    payload: async (w, org) => ({ ...(await meetingId(w, org, 'notice_issued', { invite: [REP[org]] })), answer: 'attend' }),
    admits: ['representative'],
  },
  'meeting.checkInCode': { payload: (w, org) => meetingId(w, org, 'notice_issued', { today: true }), admits: ['gov_office', 'union_office'] },
  'meeting.checkIn': {
    payload: async (w, org) => ({ ...(await meetingId(w, org, 'notice_issued', { invite: [REP[org]], today: true })), code: '135790' }),
    admits: ['representative'],
  },
  // the union office runs the meeting; the government leader presides it
  'meeting.start': { payload: (w, org) => meetingId(w, org, 'notice_issued', { presiding: `${org}-gov-leader` }), admits: ['union_office', 'gov_leader'] },
  'meeting.adjourn': { payload: (w, org) => meetingId(w, org, 'in_session', { presiding: `${org}-gov-leader` }), admits: ['union_office', 'gov_leader'] },
  'meeting.cancel': { payload: async (w, org) => ({ ...(await meetingId(w, org, 'collecting')), reason: '与防汛工作冲突，另行安排' }), admits: ['gov_office', 'union_office'] },
  'meeting.attendance': { payload: (w, org) => meetingId(w, org, 'notice_issued', { invite: [REP[org]] }), admits: ['gov_office', 'union_office'] },
  'meeting.exportAttendance': { payload: (w, org) => meetingId(w, org, 'notice_issued', { invite: [REP[org]] }), admits: ['gov_office', 'union_office'] },
  'meeting.list': { payload: () => ({ scope: 'org' }), isolation: (res) => expect(res.envelope.ok).toBe(true) },
  'meeting.get': { payload: (w, org) => meetingId(w, org, 'collecting') },

  // the timer's housekeeping: the system actor only, no person of any role
  'system.sweep': {
    payload: () => ({}),
    isolation: () => {
      throw new Error('no person may run system.sweep');
    },
  },
};
