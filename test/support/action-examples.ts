// One example call per registered action, for the generated authorisation matrix.
// A new action without an entry here makes the matrix test fail: add its example with the action.
// `payload(w, org)` builds a fresh record in `org` for every call, so one caller's success cannot
// change what the next caller meets. `admits` lists the roles the row rules let through for the
// city record (default: every role of the matrix row) — written by hand, so the test checks the
// router against a second account of the rules, not against itself. An admitted role must get
// `ok: true`; a refusal counts as admitted only if the example names its code in `admittedCodes`
// (a role that passes authorisation and then meets a state rule of the record it was given).
import { deadlineEnds, doorWindow, ORG_LEADERSHIP, type Person, topicAudience, type ErrorCode, type MeetingStatus, type MinutesStatus, type Role, type TaskStatus, type TopicStatus } from '../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc, PressDoc, TaskDoc, TopicDoc } from '../../server/store/docs';
import type { LocalFiles } from '../../server/platform/local/files';
import { doorCode } from '../../cloudfunctions/meeting/door';
import { inviteId, newInviteCode, type InviteDoc } from '../../server/security/invites';
import type { NotificationDoc } from '../../server/notify/notify';
import type { Dispatched } from '../../server/kit/router';
import { demoPeople } from '../../server/seed';
import { pdfOf } from './images';
import type { World } from './world';

export interface ActionExample {
  payload: (w: World, orgId: string) => unknown | Promise<unknown>;
  admits?: readonly Role[];
  /** refusals an admitted role may meet after authorisation (a state rule); anything else must be ok */
  admittedCodes?: readonly ErrorCode[];
  /** for actions that name no record: proves a caller saw only what is theirs */
  isolation?: (res: Dispatched, caller: { key: string; orgId: string }) => void;
  /** collections a refusal is meant to write (issue #17: a wrong password's attempt is counted) */
  refusalWrites?: readonly string[];
  // ---- issue #18, the per-action triples (test/support/triples.ts); the matrix ignores these ----
  /** a payload naming a record in a state the action's rule refuses; absent: the action has no state rule */
  wrongState?: (w: World, orgId: string) => unknown | Promise<unknown>;
  /** the code that state rule answers (default invalid_transition) */
  wrongStateCode?: ErrorCode;
  /** the triple's admitted call, when the matrix's payload meets a refusal (a wrong password, nothing yet confirmed) */
  okPayload?: (w: World, orgId: string) => unknown | Promise<unknown>;
  /** who makes the admitted call when it is not a seeded person: an unbound WeChat account, nobody, the timer */
  tripleCaller?: 'openid' | 'nobody' | 'system';
  /** the effect a user would notice of the admitted call (default: a write committed something; a read answered) */
  effect?: (res: Dispatched, w: World, payload: unknown) => void | Promise<void>;
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

/** The generated ids of agenda section 1 for a new meeting of `org` (Art. 3 (1)): the previous checklist's tasks. */
async function previousItemIds(w: World, orgId: string): Promise<string[]> {
  const { items } = await w.store.find<TaskDoc>('tasks', { meetingId: 'm-city-last' }, { limit: 100 });
  return orgId === 'city' && items.length ? items.map((t) => t._id) : ['previous'];
}

/** Art. 9: a held meeting's minutes at `status` (issued: the meeting too), one version with one decided item. */
export async function makeMinutes(w: World, orgId: string, status: MinutesStatus, opts: { invite?: string[] } = {}): Promise<MinutesDoc> {
  const held = await makeMeeting(w, orgId, status === 'issued' ? 'minutes_issued' : 'held', opts);
  const at = w.now.toISOString();
  // issue #16: the union office confirmed who attended before submitting
  const m = await w.store.update<MeetingDoc>('meetings', held._id, held.version, {
    attendanceList: { entries: [], confirmedBy: `${orgId}-union-office`, confirmedByName: '示例', confirmedAt: at },
  });
  return w.store.insert<MinutesDoc>('minutes', {
    _id: m._id, orgId, meetingId: m._id, status,
    versions: [{ n: 1, text: '会议听取了议题汇报，进行了认真讨论。', decisions: [{ title: '简化技能培训补贴申领', text: '由市人社局牵头简化流程。' }], savedAt: at, savedBy: `${orgId}-union-clerk`, savedByName: '示例' }],
    returns: [], approvals: [],
    ...(status === 'issued' ? { docNumber: '巴工联纪〔2026〕1号', issuedAt: at, decisions: [{ id: `${m._id}_d1`, n: 1, title: '简化技能培训补贴申领', text: '由市人社局牵头简化流程。' }] } : {}),
  });
}

const DEPT: Record<string, string> = { city: 'city-hrss', linhe: 'linhe-hrss' };

/** Art. 11: a task of `org` owned by its department head, kept by the union office. */
export async function makeTask(w: World, orgId: string, status: TaskStatus = 'in_progress', opts: { evidence?: string } = {}): Promise<TaskDoc> {
  const minutes = await makeMinutes(w, orgId, 'issued');
  const deadline = '2026-12-31';
  return w.store.insert<TaskDoc>('tasks', {
    orgId, meetingId: minutes.meetingId, meetingTitle: '示例会议', decisionId: `${minutes.meetingId}_d1`, decisionTitle: '简化技能培训补贴申领', decisionText: '由市人社局牵头简化流程。',
    title: '修订补贴申领办法', ownerId: DEPT[orgId] ?? `${orgId}-gov-office`, ownerName: '示例', unit: '人社局', keeperRole: 'union_office',
    assignedBy: `${orgId}-union-office`, assignedAt: w.now.toISOString(), deadline, dueAt: deadlineEnds(deadline), deadlineVersion: 1,
    status, open: status !== 'done', progress: [],
    completion: status === 'in_progress' ? null : {
      text: '已完成', at: w.now.toISOString(),
      evidence: opts.evidence ? [{ fileId: opts.evidence, fileName: '验收.pdf', contentType: 'application/pdf', size: 9 }] : [],
    },
    sendBacks: [], explanations: [],
  });
}

let personSeq = 0;

/** Issue #11: a union-side person of `org` (a representative), kept by its union office. */
async function freshPerson(w: World, orgId: string): Promise<Person> {
  personSeq += 1;
  return w.store.insert<Person>('users', {
    orgId, name: `代表${personSeq}`, unit: '河套酒业集团', title: '职工代表', roles: ['representative'], active: true, sessionEpoch: 0, phone: '13912345678',
  });
}

/** A fresh invite code for the person. */
async function inviteFor(w: World, personId: string): Promise<string> {
  const code = newInviteCode();
  await w.store.insert<InviteDoc>('invites', {
    _id: inviteId(code), personId, orgId: 'city', createdBy: 'test', createdAt: w.now.toISOString(),
    expiresAt: new Date(w.now.getTime() + 86_400_000).toISOString(), usedAt: null, voidedAt: null,
  });
  return code;
}

/** Art. 10: a held meeting's press release, not yet approved. */
async function makePress(w: World, orgId: string): Promise<PressDoc> {
  const m = await makeMeeting(w, orgId, 'held');
  const at = w.now.toISOString();
  return w.store.insert<PressDoc>('press', {
    _id: m._id, orgId, meetingId: m._id, title: '市政府与市总工会召开联席会议', text: '十一月二十四日，市政府与市总工会召开联席会议，研究职工关心的问题。',
    revision: 1, status: 'draft', approvals: { gov: null, union: null }, returns: [], updatedAt: at, updatedBy: `${orgId}-union-office`, updatedByName: '示例',
  });
}

const minutesOf = async (w: World, org: string, status: MinutesStatus, opts: { invite?: string[] } = {}) => ({ meetingId: (await makeMinutes(w, org, status, opts)).meetingId });
const taskOf = async (w: World, org: string, status: TaskStatus = 'in_progress') => ({ taskId: (await makeTask(w, org, status))._id });
/** Issue #16: a task whose owner asked for a later deadline, waiting for the keeping office. */
async function taskWithRequest(w: World, org: string) {
  const t = await makeTask(w, org);
  await w.store.update<TaskDoc>('tasks', t._id, t.version, {
    deadlineRequests: [{ newDeadline: '2027-03-31', oldDeadline: t.deadline, reason: '涉及财政资金', by: t.ownerId, byName: '示例', at: w.now.toISOString(), state: 'pending' }],
  });
  return { taskId: t._id };
}
const DRAFT = { text: '会议听取了议题汇报，进行了认真讨论，议定如下事项。', decisions: [{ title: '简化技能培训补贴申领', text: '由市人社局牵头简化流程。' }] };

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
  // issue #16: an accepted union topic asks the government side; only its office records 无意见
  'topic.noOpinion': {
    payload: async (w, org) => ({ topicId: (await makeTopic(w, org, { status: 'accepted' }))._id }),
    admits: ['gov_office'],
  },
  // an accepted topic of each side: each office has one waiting for its side's word
  'topic.noOpinionAll': {
    payload: async (w, org) => {
      await makeTopic(w, org, { status: 'accepted' });
      await makeTopic(w, org, { status: 'accepted', side: 'gov' });
      return { meetingId: MEETING[org] };
    },
    admits: ['gov_office', 'union_office'],
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
  // issue #23: the replies (答复) of a meeting's topics, the offices' export
  'topic.exportReplies': { payload: (_w, org) => ({ meetingId: MEETING[org] }), admits: ['gov_office', 'union_office'] },

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
        // section 1 reports on the org's previous checklist (the seeded city has last year's five tasks)
        { key: 'previous', items: (await previousItemIds(w, org)).map((id) => ({ id, minutes: 2 })) },
        { key: 'origin', items: [{ id: 'origin', minutes: 5 }] },
        { key: 'discussion', items: [{ id: 't2', minutes: 20 }, { id: 't1', minutes: 15 }] },
        { key: 'deployment', items: [{ id: 'deployment', minutes: 10 }] },
      ],
    }),
    admits: ['union_office'],
  },
  // issue #19: a notice needs invitees and a presiding leader
  'meeting.issueNotice': {
    payload: async (w, org) => ({ ...(await meetingId(w, org, 'list_fixed', { invite: [REP[org]], presiding: `${org}-gov-leader` })), docNumber: '巴政办字〔2026〕88号' }),
    admits: ['gov_office'],
  },
  // the seeded representative is the one invited
  'meeting.reply': {
    payload: async (w, org) => ({ ...(await meetingId(w, org, 'notice_issued', { invite: [REP[org]] })), answer: 'attend' }),
    admits: ['representative'],
  },
  'meeting.checkInCode': { payload: (w, org) => meetingId(w, org, 'notice_issued', { today: true }), admits: ['gov_office', 'union_office'] },
  'meeting.doorToken': { payload: (w, org) => meetingId(w, org, 'notice_issued', { today: true }), admits: ['gov_office', 'union_office'] },
  'meeting.advanceAgenda': { payload: (w, org) => meetingId(w, org, 'in_session', { presiding: `${org}-gov-leader`, today: true }), admits: ['union_office', 'gov_leader'] },
  'meeting.seating': { payload: (w, org) => meetingId(w, org, 'notice_issued', { invite: [REP[org]] }), admits: ['gov_office', 'union_office'] },
  'meeting.setSeating': {
    payload: async (w, org) => {
      const m = await makeMeeting(w, org, 'notice_issued', { invite: [`${org}-gov-leader`] });
      const inv = (await w.store.get<InvitationDoc>('invitations', `${m._id}:${org}-gov-leader`))!;
      await w.store.update<InvitationDoc>('invitations', inv._id, inv.version, { category: 'leader', side: 'gov' });
      return { meetingId: m._id, rostrum: [`${org}-gov-leader`] };
    },
    admits: ['gov_office', 'union_office'],
  },
  'meeting.seatingDocument': { payload: (w, org) => meetingId(w, org, 'notice_issued', { invite: [REP[org]] }), admits: ['gov_office', 'union_office'] },
  'meeting.nameCards': { payload: (w, org) => meetingId(w, org, 'notice_issued', { invite: [REP[org]] }), admits: ['gov_office', 'union_office'] },
  // issue #22: the union office's own upload (another office's upload is not theirs to attach: validation_error)
  'meeting.attachMaterial': {
    payload: async (w, org) => {
      const fileId = (w.rt.files as LocalFiles).upload({ fileName: '汇报材料.pdf', bytes: new Uint8Array(pdfOf()), contentType: 'application/pdf', ownerId: `${org}-union-office` });
      return { ...(await meetingId(w, org, 'notice_issued')), sectionIndex: 2, fileId, title: '议题汇报材料', visibility: 'meeting' };
    },
    admits: ['gov_office', 'union_office'],
    admittedCodes: ['validation_error'],
  },
  'meeting.material': {
    payload: async (w, org) => {
      const fileId = (w.rt.files as LocalFiles).upload({ fileName: '汇报材料.pdf', bytes: new Uint8Array(pdfOf()), contentType: 'application/pdf', ownerId: `${org}-union-office` });
      const m = await makeMeeting(w, org, 'notice_issued', { invite: [REP[org]] });
      const material = { id: 'mat1', sectionIndex: 2, title: '议题汇报材料', fileId, fileName: '汇报材料.pdf', contentType: 'application/pdf', size: 100, visibility: 'public' as const, attachedBy: `${org}-union-office`, at: w.now.toISOString() };
      const notice = { version: 1, kind: 'notice' as const, docNumber: '巴政办字〔2026〕91号', issuedAt: w.now.toISOString(), issuedBy: `${org}-gov-office`, title: m.title, plannedAt: m.plannedAt, place: null, presiding: null, attendees: [], agenda: [] };
      await w.store.update<MeetingDoc>('meetings', m._id, m.version, { materials: [material], notices: [notice] });
      return { meetingId: m._id, materialId: 'mat1' };
    },
    admits: ['gov_office', 'union_office', 'representative'],
  },
  'meeting.board': { payload: (w, org) => meetingId(w, org, 'in_session', { today: true, invite: [REP[org]] }), admits: ['gov_office', 'union_office'] },
  'meeting.checkIn': {
    // issue #22: the door's code of this window, from the meeting's secret
    payload: async (w, org) => {
      const m = await makeMeeting(w, org, 'notice_issued', { invite: [REP[org]], today: true });
      const secret = 'ab'.repeat(32);
      await w.store.update<MeetingDoc>('meetings', m._id, m.version, { doorSecret: secret });
      return { meetingId: m._id, code: doorCode(secret, m._id, doorWindow(w.now)) };
    },
    admits: ['representative'],
  },
  // the union office runs the meeting; the government leader presides it
  // issue #16: the meeting opens and closes on its day (planned an hour from now)
  'meeting.start': { payload: (w, org) => meetingId(w, org, 'notice_issued', { presiding: `${org}-gov-leader`, today: true }), admits: ['union_office', 'gov_leader'] },
  'meeting.adjourn': { payload: (w, org) => meetingId(w, org, 'in_session', { presiding: `${org}-gov-leader`, today: true }), admits: ['union_office', 'gov_leader'] },
  'meeting.undoCheckIn': {
    payload: async (w, org) => {
      const m = await makeMeeting(w, org, 'in_session', { invite: [REP[org]], today: true });
      const inv = (await w.store.get<InvitationDoc>('invitations', `${m._id}:${REP[org]}`))!;
      await w.store.update<InvitationDoc>('invitations', inv._id, inv.version, { presentAt: w.now.toISOString() });
      return { meetingId: m._id, personId: REP[org], reason: '误点了他人签到' };
    },
    admits: ['gov_office', 'union_office'],
  },
  'meeting.cancel': { payload: async (w, org) => ({ ...(await meetingId(w, org, 'collecting')), reason: '与防汛工作冲突，另行安排' }), admits: ['gov_office', 'union_office'] },
  'meeting.attendance': { payload: (w, org) => meetingId(w, org, 'notice_issued', { invite: [REP[org]] }), admits: ['gov_office', 'union_office'] },
  'meeting.exportAttendance': { payload: (w, org) => meetingId(w, org, 'notice_issued', { invite: [REP[org]] }), admits: ['gov_office', 'union_office'] },
  'meeting.signInSheet': { payload: (w, org) => meetingId(w, org, 'notice_issued', { invite: [REP[org]] }), admits: ['gov_office', 'union_office'] },
  'meeting.archive': {
    payload: async (w, org) => {
      const m = await makeMeeting(w, org, 'notice_issued', { invite: [REP[org]] });
      const notice = {
        version: 1, kind: 'notice' as const, docNumber: '巴政办字〔2026〕91号', issuedAt: w.now.toISOString(), issuedBy: `${org}-gov-office`,
        title: m.title, plannedAt: m.plannedAt, place: null, presiding: null, attendees: [], agenda: [],
      };
      await w.store.update<MeetingDoc>('meetings', m._id, m.version, { docNumber: notice.docNumber, noticeIssuedAt: notice.issuedAt, notices: [notice] });
      return { meetingId: m._id };
    },
    admits: ['gov_office', 'union_office'],
  },
  'meeting.noticeDocument': {
    payload: async (w, org) => {
      const m = await makeMeeting(w, org, 'notice_issued', { invite: [REP[org]] });
      const notice = {
        version: 1, kind: 'notice' as const, docNumber: '巴政办字〔2026〕90号', issuedAt: w.now.toISOString(), issuedBy: `${org}-gov-office`,
        title: m.title, plannedAt: m.plannedAt, place: null, presiding: null, attendees: [], agenda: [],
      };
      await w.store.update<MeetingDoc>('meetings', m._id, m.version, { docNumber: notice.docNumber, noticeIssuedAt: notice.issuedAt, notices: [notice] });
      return { meetingId: m._id };
    },
  },
  'meeting.list': { payload: () => ({ scope: 'org' }), isolation: (res) => expect(res.envelope.ok).toBe(true) },
  'meeting.get': { payload: (w, org) => meetingId(w, org, 'collecting') },
  // issue #23: 落实情况 — the org's offices and leadership, and here the representative as the
  // proposer of a listed topic (not invited); a department head of the org is not admitted
  'meeting.results': {
    payload: async (w, org) => {
      const minutes = await makeMinutes(w, org, 'issued');
      const topic = await makeTopic(w, org, { status: 'accepted' });
      await w.store.update<TopicDoc>('topics', topic._id, topic.version, { meetingId: minutes.meetingId });
      return { meetingId: minutes.meetingId };
    },
    admits: [...ORG_LEADERSHIP, 'representative'],
  },
  // issue #23: the org's year view — the readers of compliance.org (not the proposers, not the invitees)
  'meeting.resultsYear': { payload: (_w, org) => ({ orgId: org, year: 2026 }), admits: ORG_LEADERSHIP },

  // Art. 9: the union office drafts; the union side, then the government side approves
  'minutes.save': { payload: async (w, org) => ({ ...(await meetingId(w, org, 'held')), ...DRAFT }), admits: ['union_office'] },
  'minutes.setAttendance': {
    payload: async (w, org) => ({ ...(await minutesOf(w, org, 'draft', { invite: [REP[org]] })), entries: [{ personId: REP[org], status: 'leave', reason: '会前电话请假' }] }),
    admits: ['union_office'],
  },
  'minutes.submit': { payload: (w, org) => minutesOf(w, org, 'draft'), admits: ['union_office'] },
  'minutes.approve': { payload: (w, org) => minutesOf(w, org, 'union_review'), admits: ['union_chair', 'union_convenor'] },
  'minutes.return': { payload: async (w, org) => ({ ...(await minutesOf(w, org, 'gov_review')), reason: '请补充议定事项的责任单位' }), admits: ['gov_leader', 'gov_convenor'] },
  'minutes.issue': { payload: async (w, org) => ({ ...(await minutesOf(w, org, 'approved')), docNumber: '巴工联纪〔2026〕3号' }), admits: ['union_office'] },
  'minutes.get': { payload: (w, org) => minutesOf(w, org, 'union_review'), admits: ORG_LEADERSHIP },
  'minutes.document': { payload: (w, org) => minutesOf(w, org, 'issued'), admits: ORG_LEADERSHIP },
  // Art. 11: the checklist — the offices assign; the owner (a department head) works; the keeper verifies
  'task.assign': {
    payload: async (w, org) => ({ decisionId: `${(await makeMinutes(w, org, 'issued')).meetingId}_d1`, title: '修订补贴申领办法', ownerId: DEPT[org] ?? `${org}-gov-office`, deadline: '2026-12-31' }),
    admits: ['gov_office', 'union_office'],
  },
  'task.report': { payload: async (w, org) => ({ ...(await taskOf(w, org)), text: '已起草修订稿，正在征求意见' }), admits: ['gov_department'] },
  'task.complete': { payload: async (w, org) => ({ ...(await taskOf(w, org)), text: '修订办法已印发实施' }), admits: ['gov_department'] },
  'task.verify': { payload: (w, org) => taskOf(w, org, 'awaiting_verification'), admits: ['union_office'] },
  'task.sendBack': { payload: async (w, org) => ({ ...(await taskOf(w, org, 'awaiting_verification')), reason: '请补充印发文件' }), admits: ['union_office'] },
  'task.explain': {
    payload: async (w, org) => ({ ...(await taskOf(w, org)), explanation: '涉及财政资金，需市政府常务会研究', opinion: '提请下次常务会研究', newDeadline: '2027-03-31' }),
    admits: ['union_office', 'gov_department'],
  },
  // issue #16: the responsible person asks; the keeping office decides or sets the deadline itself
  'task.requestDeadline': { payload: async (w, org) => ({ ...(await taskOf(w, org)), newDeadline: '2027-03-31', reason: '涉及财政资金，需市政府常务会研究' }), admits: ['gov_department'] },
  'task.decideDeadline': { payload: async (w, org) => ({ ...(await taskWithRequest(w, org)), approve: true }), admits: ['union_office'] },
  'task.setDeadline': { payload: async (w, org) => ({ ...(await taskOf(w, org)), deadline: '2027-03-31', reason: '配合全市统一部署调整' }), admits: ['union_office'] },
  'task.list': { payload: () => ({ scope: 'mine' }), isolation: (res) => expect(res.envelope.ok).toBe(true) },
  'task.get': { payload: (w, org) => taskOf(w, org), admits: [...ORG_LEADERSHIP, 'gov_department'] },
  'task.evidence': {
    payload: async (w, org) => {
      const owner = DEPT[org] ?? `${org}-gov-office`;
      const fileId = (w.rt.files as LocalFiles).upload({ fileName: '验收.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n'), contentType: 'application/pdf', ownerId: owner });
      return { taskId: (await makeTask(w, org, 'awaiting_verification', { evidence: fileId }))._id, fileId };
    },
    admits: [...ORG_LEADERSHIP, 'gov_department'],
  },
  'task.exportChecklist': { payload: async (w, org) => ({ meetingId: (await makeTask(w, org)).meetingId }), admits: ORG_LEADERSHIP },
  // Art. 10: both offices, jointly
  'press.draft': { payload: async (w, org) => ({ ...(await meetingId(w, org, 'held')), title: '市政府与市总工会召开联席会议', text: '十一月二十四日，市政府与市总工会召开联席会议，研究职工关心的问题。' }), admits: ['gov_office', 'union_office'] },
  'press.approve': { payload: async (w, org) => ({ meetingId: (await makePress(w, org)).meetingId }), admits: ['gov_office', 'union_office'] },
  'press.return': { payload: async (w, org) => ({ meetingId: (await makePress(w, org)).meetingId, reason: '标题请改为新闻式' }), admits: ['gov_office', 'union_office'] },
  'press.get': { payload: async (w, org) => ({ meetingId: (await makePress(w, org)).meetingId }), admits: ORG_LEADERSHIP },

  // issue #11: signing in, invites, binding, passwords
  'account.signIn': {
    // a login of its own per call: five wrong in a row would lock it (issue #17), and the attempt is counted
    payload: () => ({ login: `nobody-here-${(personSeq += 1)}`, password: 'wrong-password-1' }),
    admittedCodes: ['unauthenticated'],
    refusalWrites: ['counters'],
    isolation: (res) => expect(res.envelope).toMatchObject({ ok: false, error: { code: 'unauthenticated' } }),
  },
  'account.redeemInvite': {
    payload: async (w, org) => ({ code: await inviteFor(w, (await freshPerson(w, org))._id), login: `login${(personSeq += 1)}`, password: 'Hetao#2026x' }),
    // the session answered is the code's person's, whoever presented it
    isolation: (res) => expect(res.envelope).toMatchObject({ ok: true, data: { name: expect.stringMatching(/^代表/) } }),
  },
  // a person's session is no WeChat account: binding needs the platform's openid
  'account.bind': {
    payload: () => ({ code: 'ABCDEFGHJK' }),
    admittedCodes: ['unauthenticated'],
    isolation: (res) => expect(res.envelope).toMatchObject({ ok: false, error: { code: 'unauthenticated' } }),
  },
  // the first call sets a password; a later one by the same person must name the current one
  'account.changePassword': {
    payload: () => ({ next: 'newpass123' }),
    isolation: (res) => expect(res.envelope.ok || (!res.envelope.ok && res.envelope.error.message === '请填写当前密码')).toBe(true),
  },
  'account.signOut': { payload: () => ({}), isolation: (res) => expect(res.envelope.ok).toBe(true) },
  // issue #11: each org's office keeps its own side's people (a representative: the union office)
  'people.list': { payload: (_w, org) => ({ orgId: org }) },
  'people.get': { payload: async (w, org) => ({ personId: (await freshPerson(w, org))._id }) },
  'people.create': {
    payload: (_w, org) => ({ orgId: org, name: '新代表', unit: '河套酒业集团', title: '职工代表', roles: ['representative'], phone: '13812345678' }),
    admits: ['union_office'],
  },
  'people.update': { payload: async (w, org) => ({ personId: (await freshPerson(w, org))._id, title: '车间主任' }), admits: ['union_office'] },
  'people.setRoles': { payload: async (w, org) => ({ personId: (await freshPerson(w, org))._id, roles: ['union_department'] }), admits: ['union_office'] },
  'people.deactivate': { payload: async (w, org) => ({ personId: (await freshPerson(w, org))._id }), admits: ['union_office'] },
  'people.import': {
    payload: (_w, org) => ({ orgId: org, rows: [{ line: 2, name: '导入代表', unit: '河套酒业集团', title: '职工代表', roles: ['representative'] }] }),
    // the government office may import only government-side people: this union-side row is refused by line
    admits: ['gov_office', 'union_office'],
    admittedCodes: ['validation_error'],
  },
  'people.inviteCode': { payload: async (w, org) => ({ personId: (await freshPerson(w, org))._id }), admits: ['union_office'] },
  // issue #12: the assessment — the city's leadership sees all eight, a county its own row
  'compliance.overview': {
    payload: () => ({ year: 2026 }),
    isolation: (res, caller) => {
      expect(res.envelope.ok).toBe(true);
      const rows = (res.envelope as { data: { rows: Array<{ orgId: string }> } }).data.rows.map((r) => r.orgId);
      expect(rows).toEqual(caller.orgId === 'city' ? ['city', 'linhe', 'wuyuan', 'dengkou', 'qianqi', 'zhongqi', 'houqi', 'hanghou'] : [caller.orgId]);
    },
  },
  'compliance.org': { payload: (_w, org) => ({ orgId: org, year: 2026 }), admits: ORG_LEADERSHIP },
  'compliance.export': { payload: () => ({ year: 2026 }), isolation: (res) => expect(res.envelope.ok).toBe(true) },
  'settings.get': { payload: (_w, org) => ({ orgId: org }) },
  'settings.set': { payload: (_w, org) => ({ orgId: org, params: { dueSoonDays: 5 }, effectiveFrom: '2026-11-30' }), admits: ['gov_office', 'union_office'] },
  // issue #10: the consent ledger is the caller's own
  'notify.recordConsent': {
    payload: () => ({ results: { meeting_tomorrow: 'accept', reply_reminder: 'reject' } }),
    isolation: (res) => expect(res.envelope).toMatchObject({ ok: true, data: { items: expect.arrayContaining([expect.objectContaining({ templateKey: 'meeting_tomorrow' })]) } }),
  },
  'notify.subscriptions': { payload: () => ({}), isolation: (res) => expect(res.envelope.ok).toBe(true) },
  // issue #20: 催办 — the office that keeps the task chases its owner
  'notify.chase': {
    payload: async (w, org) => ({ subject: 'task', id: (await taskOf(w, org)).taskId }), admits: ['union_office'],
    // another org's office never learns the task exists
    isolation: (res, caller) => {
      if (caller.orgId !== 'city') expect(res.envelope.ok ? 'ok' : res.envelope.error.code).toBe('not_found');
    },
  },
  'reminders.tick': {
    payload: () => ({}),
    isolation: () => {
      throw new Error('no person may run reminders.tick');
    },
  },
  // the timer's housekeeping: the system actor only, no person of any role
  'system.sweep': {
    payload: () => ({}),
    isolation: () => {
      throw new Error('no person may run system.sweep');
    },
  },
};

// ---- Issue #18: the per-action triples' state rules and effects (test/support/triples.ts) ----
// Each wrong state is the matrix's own payload with its record moved to a state the action's rule
// (a workflow edge, a meeting flag, a guard) refuses, so the refusal is the state and nothing else.

type Payload = Record<string, unknown>;
const base = async (name: string, w: World, org: string): Promise<Payload> => (await EXAMPLES[name].payload(w, org)) as Payload;

/** Moves the stored record `id` of `collection` on by `patch` (its version kept right). */
async function restate(w: World, collection: string, id: string, patch: Record<string, unknown>): Promise<void> {
  const doc = await w.store.get<{ _id: string; version: number }>(collection, id);
  if (!doc) throw new Error(`no ${collection} ${id}`);
  await w.store.update(collection, id, doc.version, patch as never);
}

/** The matrix payload of `name`, its record (named by `key`) moved to `status`. */
const wrong = (name: string, collection: string, key: string, patch: string | Record<string, unknown>) => async (w: World, org: string) => {
  const p = await base(name, w, org);
  await restate(w, collection, String(p[key]), typeof patch === 'string' ? { status: patch } : patch);
  return p;
};
const wrongMeeting = (name: string, status: MeetingStatus) => wrong(name, 'meetings', 'meetingId', status);
const wrongTopic = (name: string, status: TopicStatus, key = 'id') => wrong(name, 'topics', key, status);
const wrongTask = (name: string, status: TaskStatus) => wrong(name, 'tasks', 'taskId', { status, open: status !== 'done' });
const wrongMinutes = (name: string, status: MinutesStatus) => wrong(name, 'minutes', 'meetingId', status);

/** The effect: the record named by `key` in `collection` now has `status`. */
const nowIs = (collection: string, key: string, field: string, value: unknown) => async (_res: Dispatched, w: World, payload: unknown) => {
  const doc = await w.store.get<{ _id: string; version: number } & Record<string, unknown>>(collection, String((payload as Payload)[key]));
  expect({ [field]: doc?.[field] }).toEqual({ [field]: value });
};
/** The effect: the record named by `key` in `collection` passes `check` (a list grown, a field set). */
const recordThat = (collection: string, key: string, check: (doc: Record<string, unknown>) => unknown, expected: unknown) => async (_res: Dispatched, w: World, payload: unknown) => {
  const doc = await w.store.get<{ _id: string; version: number } & Record<string, unknown>>(collection, String((payload as Payload)[key]));
  expect({ [collection]: doc ? check(doc) : 'missing' }).toEqual({ [collection]: expected });
};
const lengthOf = (field: string) => (d: Record<string, unknown>) => (d[field] as unknown[] | undefined)?.length ?? 0;
/** The effect: the invitation of `personId` at the payload's meeting passes `check`. */
const invitationThat = (check: (inv: InvitationDoc | null) => unknown, expected: unknown, personId?: string) => async (_res: Dispatched, w: World, payload: unknown) => {
  const p = payload as Payload;
  const inv = await w.store.get<InvitationDoc>('invitations', `${String(p.meetingId)}:${personId ?? String(p.personId ?? REP.city)}`);
  expect({ invitation: check(inv) }).toEqual({ invitation: expected });
};

/** The effect: the answer carries `field` equal to `value`. */
const answers = (field: string, value: unknown) => (res: Dispatched) => expect({ [field]: data(res)[field] }).toEqual({ [field]: value });

const cityKeyWith = (role: Role): string => {
  const p = demoPeople().find((x) => x.orgId === 'city' && x.roles.length === 1 && x.roles[0] === role);
  if (!p) throw new Error(`no city person with only ${role}`);
  return p.key;
};

const TRIPLES: Record<string, Partial<ActionExample>> = {
  // topics (Art. 6): the meeting collects topics; each edge from its states (domain/workflows/topic.ts)
  'topic.submit': {
    wrongState: async (w, org) => ({ ...(await base('topic.submit', w, org)), meetingId: (await makeMeeting(w, org, 'held'))._id }),
    effect: async (res, w) => expect((await w.store.get<TopicDoc>('topics', String(data(res).id)))?.status).toBe('submitted'),
  },
  'topic.update': { wrongState: wrongTopic('topic.update', 'accepted'), effect: nowIs('topics', 'id', 'title', '修改后的议题标题') },
  'topic.withdraw': { wrongState: wrongTopic('topic.withdraw', 'withdrawn'), effect: nowIs('topics', 'id', 'status', 'withdrawn') },
  'topic.resubmit': { wrongState: wrongTopic('topic.resubmit', 'submitted'), effect: nowIs('topics', 'id', 'status', 'submitted') },
  'topic.accept': { wrongState: wrongTopic('topic.accept', 'accepted'), effect: nowIs('topics', 'id', 'status', 'accepted') },
  'topic.return': { wrongState: wrongTopic('topic.return', 'merged'), effect: nowIs('topics', 'id', 'status', 'returned') },
  'topic.merge': { wrongState: wrongTopic('topic.merge', 'merged'), effect: nowIs('topics', 'id', 'status', 'merged') },
  'topic.addOpinion': { wrongState: wrongTopic('topic.addOpinion', 'submitted'), effect: recordThat('topics', 'id', lengthOf('opinions'), 1) },
  // the government side has already recorded 无意见 on it
  'topic.noOpinion': {
    wrongState: wrong('topic.noOpinion', 'topics', 'topicId', { noOpinion: { side: 'gov', at: '2026-11-20T00:00:00.000Z', by: 'city-gov-office', byName: '示例' } }),
    effect: async (_res, w, payload) => expect((await w.store.get<TopicDoc>('topics', String((payload as Payload).topicId)))?.noOpinion?.side).toBe('gov'),
  },
  // a meeting none of whose topics waits for the caller's side
  'topic.noOpinionAll': { wrongState: async (w, org) => ({ meetingId: (await makeMeeting(w, org, 'collecting'))._id }) },
  'topic.confirmList': {
    okPayload: async (w, org) => ({ meetingId: (await makeMeeting(w, org, 'collecting'))._id }),
    wrongState: async (w, org) => ({ meetingId: (await makeMeeting(w, org, 'held'))._id }),
  },
  // the admitted call takes back a confirmation the same confirmer gave; the matrix's (nobody confirmed) is the wrong state
  'topic.revokeConfirmation': {
    okPayload: async (w, org) => {
      const m = await makeMeeting(w, org, 'collecting');
      const confirmer = CONFIRMERS[0];
      const res = await w.call('topic', 'confirmList', { meetingId: m._id }, cityKeyWith(confirmer), `triple-confirm-${m._id}`);
      if (!res.envelope.ok) throw new Error(`confirmList: ${JSON.stringify(res.envelope.error)}`);
      return { meetingId: m._id };
    },
    wrongState: async (w, org) => ({ meetingId: (await makeMeeting(w, org, 'collecting'))._id }),
  },

  // meetings (Art. 4, 5, 7, 8): edges of domain/workflows/meeting.ts and the flags of each state
  'meeting.accept': { wrongState: wrongMeeting('meeting.accept', 'collecting'), effect: nowIs('meetings', 'meetingId', 'status', 'accepted') },
  'meeting.decline': { wrongState: wrongMeeting('meeting.decline', 'collecting'), effect: nowIs('meetings', 'meetingId', 'status', 'declined') },
  'meeting.openCollection': { wrongState: wrongMeeting('meeting.openCollection', 'collecting'), effect: nowIs('meetings', 'meetingId', 'status', 'collecting') },
  'meeting.reschedule': { wrongState: wrongMeeting('meeting.reschedule', 'held'), effect: nowIs('meetings', 'meetingId', 'place', '政府第二会议室') },
  'meeting.invite': { wrongState: wrongMeeting('meeting.invite', 'held'), effect: invitationThat((i) => i?.personId, 'city-hrss', 'city-hrss') },
  'meeting.uninvite': { wrongState: wrongMeeting('meeting.uninvite', 'held'), effect: invitationThat((i) => i, null, 'city-hrss') },
  'meeting.setPresiding': { wrongState: wrongMeeting('meeting.setPresiding', 'held'), effect: nowIs('meetings', 'meetingId', 'presidingId', 'city-gov-leader') },
  'meeting.updateAgenda': { wrongState: wrongMeeting('meeting.updateAgenda', 'held') },
  'meeting.issueNotice': { wrongState: wrongMeeting('meeting.issueNotice', 'held'), effect: nowIs('meetings', 'meetingId', 'status', 'notice_issued') },
  'meeting.reply': { wrongState: wrongMeeting('meeting.reply', 'held'), effect: invitationThat((i) => i?.answer, 'attend') },
  'meeting.checkInCode': { wrongState: wrongMeeting('meeting.checkInCode', 'held') },
  'meeting.doorToken': { wrongState: wrongMeeting('meeting.doorToken', 'held') },
  'meeting.advanceAgenda': { wrongState: wrongMeeting('meeting.advanceAgenda', 'held') },
  'meeting.setSeating': { wrongState: wrongMeeting('meeting.setSeating', 'held'), effect: nowIs('meetings', 'meetingId', 'seatingOrder', ['city-gov-leader']) },
  // the triple's caller is the government office: its own upload
  'meeting.attachMaterial': {
    okPayload: async (w, org) => {
      const fileId = (w.rt.files as LocalFiles).upload({ fileName: '汇报材料.pdf', bytes: new Uint8Array(pdfOf()), contentType: 'application/pdf', ownerId: `${org}-gov-office` });
      return { ...(await meetingId(w, org, 'notice_issued')), sectionIndex: 2, fileId, title: '议题汇报材料', visibility: 'meeting' };
    },
    wrongState: wrongMeeting('meeting.attachMaterial', 'held'),
    effect: async (_res, w, payload) => expect((await w.store.get<MeetingDoc>('meetings', String((payload as Payload).meetingId)))?.materials?.length).toBe(1),
  },
  // a read that logs who opened the material (Art. 7: materials reach the invitees)
  'meeting.material': { effect: async (_res, w) => expect(await w.store.count('material_openings', {})).toBeGreaterThan(0) },
  'meeting.checkIn': { wrongState: wrongMeeting('meeting.checkIn', 'held'), effect: invitationThat((i) => typeof i?.presentAt, 'string') },
  'meeting.start': { wrongState: wrongMeeting('meeting.start', 'collecting'), effect: nowIs('meetings', 'meetingId', 'status', 'in_session') },
  'meeting.adjourn': { wrongState: wrongMeeting('meeting.adjourn', 'notice_issued'), effect: nowIs('meetings', 'meetingId', 'status', 'held') },
  'meeting.undoCheckIn': { wrongState: wrongMeeting('meeting.undoCheckIn', 'held'), effect: invitationThat((i) => i?.presentAt ?? null, null) },
  'meeting.cancel': { wrongState: wrongMeeting('meeting.cancel', 'held'), effect: nowIs('meetings', 'meetingId', 'status', 'cancelled') },
  // a meeting whose notice has not been issued has no notice to print
  'meeting.noticeDocument': { wrongState: (w, org) => meetingId(w, org, 'list_fixed') },

  // minutes (Art. 9): draft → union_review → gov_review → approved → issued
  'minutes.save': { effect: recordThat('minutes', 'meetingId', lengthOf('versions'), 1), wrongState: async (w, org) => ({ ...(await minutesOf(w, org, 'union_review')), ...DRAFT }) },
  'minutes.setAttendance': { wrongState: wrongMinutes('minutes.setAttendance', 'union_review'), effect: recordThat('meetings', 'meetingId', (d) => (d.attendanceList as { entries: unknown[] }).entries.length, 1) },
  'minutes.submit': { wrongState: wrongMinutes('minutes.submit', 'union_review'), effect: nowIs('minutes', 'meetingId', 'status', 'union_review') },
  'minutes.approve': { wrongState: wrongMinutes('minutes.approve', 'draft'), effect: nowIs('minutes', 'meetingId', 'status', 'gov_review') },
  'minutes.return': { wrongState: wrongMinutes('minutes.return', 'draft'), effect: nowIs('minutes', 'meetingId', 'status', 'draft') },
  'minutes.issue': { wrongState: wrongMinutes('minutes.issue', 'draft'), effect: nowIs('minutes', 'meetingId', 'status', 'issued') },
  // nothing to print before the first draft: the guard answers not_found
  'minutes.document': { wrongState: (w, org) => meetingId(w, org, 'held'), wrongStateCode: 'not_found' },

  // tasks (Art. 11): in_progress → awaiting_verification → done, and the deadline requests
  'task.assign': {
    effect: async (_res, w, payload) => expect(await w.store.count('tasks', { decisionId: String((payload as Payload).decisionId) })).toBe(1),
    wrongState: async (w, org) => ({ ...(await base('task.assign', w, org)), decisionId: `${(await makeMinutes(w, org, 'approved')).meetingId}_d1` }) },
  'task.report': { wrongState: wrongTask('task.report', 'done'), effect: recordThat('tasks', 'taskId', lengthOf('progress'), 1) },
  'task.complete': { wrongState: wrongTask('task.complete', 'done'), effect: nowIs('tasks', 'taskId', 'status', 'awaiting_verification') },
  'task.verify': { wrongState: wrongTask('task.verify', 'in_progress'), effect: nowIs('tasks', 'taskId', 'status', 'done') },
  'task.sendBack': { wrongState: wrongTask('task.sendBack', 'in_progress'), effect: nowIs('tasks', 'taskId', 'status', 'in_progress') },
  'task.explain': { wrongState: wrongTask('task.explain', 'done') },
  'task.requestDeadline': { effect: recordThat('tasks', 'taskId', lengthOf('deadlineRequests'), 1), wrongState: async (w, org) => ({ ...(await base('task.requestDeadline', w, org)), ...(await taskWithRequest(w, org)) }) },
  'task.decideDeadline': { wrongState: async (w, org) => ({ ...(await taskOf(w, org)), approve: true }), effect: nowIs('tasks', 'taskId', 'deadline', '2027-03-31') },
  'task.setDeadline': { wrongState: async (w, org) => ({ ...(await base('task.setDeadline', w, org)), ...(await taskWithRequest(w, org)) }), effect: nowIs('tasks', 'taskId', 'deadline', '2027-03-31') },

  // press (Art. 10): drafted after the meeting is held; approved by both offices, then final
  'press.draft': { effect: recordThat('press', 'meetingId', (d) => d.status, 'draft'), wrongState: async (w, org) => ({ ...(await base('press.draft', w, org)), ...(await meetingId(w, org, 'collecting')) }) },
  'press.approve': { wrongState: wrong('press.approve', 'press', 'meetingId', 'approved'), effect: recordThat('press', 'meetingId', (d) => (d.approvals as PressDoc['approvals']).gov?.by, 'city-gov-office') },
  'press.return': { wrongState: wrong('press.return', 'press', 'meetingId', 'approved'), effect: recordThat('press', 'meetingId', lengthOf('returns'), 1) },

  // people (issue #11): a deactivated person can be neither deactivated again nor given a code
  'people.deactivate': { wrongState: wrong('people.deactivate', 'users', 'personId', { active: false }), effect: nowIs('users', 'personId', 'active', false) },
  'people.inviteCode': { wrongState: wrong('people.inviteCode', 'users', 'personId', { active: false }) },
  // the government office imports a government-side person (the matrix's union-side row is refused it by line)
  'people.import': {
    okPayload: (_w, org) => ({ orgId: org, rows: [{ line: 2, name: '导入处长', unit: '市人社局', title: '处长', roles: ['gov_department'] }] }),
    effect: async (_res, w) => expect(await w.store.count('users', { name: '导入处长' })).toBe(1),
  },
  'people.create': { effect: async (res, w) => expect((await w.store.get<Person & { _id: string; version: number }>('users', String(data(res).id)))?.name).toBe('新代表') },
  'people.update': { effect: nowIs('users', 'personId', 'title', '车间主任') },
  'people.setRoles': { effect: nowIs('users', 'personId', 'roles', ['union_department']) },

  // the caller's own message, marked read
  'notify.markRead': {
    okPayload: async (w) => {
      const n = await w.store.insert<NotificationDoc>('notifications', {
        recipientId: 'city-gov-leader', orgId: 'city', milestone: 'topic_accepted', subjectType: 'topic', subjectId: 'x',
        title: '给领导的消息', body: '', link: '/pages/index/index', createdAt: w.now.toISOString(), readAt: null,
      });
      return { ids: [n._id] };
    },
    effect: async (_res, w, payload) => expect((await w.store.get<NotificationDoc>('notifications', ((payload as { ids: string[] }).ids)[0]))?.readAt).toBeTruthy(),
  },
  // 催办 (issue #20): a task already done is not chased
  'notify.chase': { wrongState: async (w, org) => ({ subject: 'task', id: (await taskOf(w, org, 'done')).taskId }) },

  // accounts (issue #11): a real sign-in, and a binding through an invite code
  'account.signIn': {
    okPayload: async (w, org) => {
      const login = `login${(personSeq += 1)}`;
      const password = 'Hetao#2026x';
      const res = await w.call('account', 'redeemInvite', { code: await inviteFor(w, (await freshPerson(w, org))._id), login, password }, undefined, `triple-redeem-${login}`);
      if (!res.envelope.ok) throw new Error(`redeemInvite: ${JSON.stringify(res.envelope.error)}`);
      return { login, password };
    },
    effect: answers('name', expect.stringMatching(/^代表/)),
  },
  'account.bind': {
    okPayload: async (w, org) => ({ code: await inviteFor(w, (await freshPerson(w, org))._id) }),
    tripleCaller: 'openid',
  },

  // the timer's actions run as the system actor
  'reminders.tick': { tripleCaller: 'system' },
  // a limit counter past its day is removed
  'system.sweep': {
    tripleCaller: 'system',
    okPayload: async (w) => {
      await w.store.insert('counters', { _id: 'triple-expired-counter', n: 1, expiresAt: new Date(w.now.getTime() - DAY).toISOString() } as never);
      return {};
    },
    effect: async (_res, w) => expect(await w.store.get('counters', 'triple-expired-counter')).toBeNull(),
  },
};
for (const [name, extra] of Object.entries(TRIPLES)) {
  if (!EXAMPLES[name]) throw new Error(`triples for ${name}, which has no example`);
  Object.assign(EXAMPLES[name], extra);
}
