// The demo after the meeting (issue #9): last year's minutes, issued, with its checklist — one task
// in each light and state, so this year's agenda section 1 reports on them (Art. 3 (1)); and a
// special meeting held last week whose minutes wait for the union side's review (Art. 9), with a
// return already on its first version.
import { addDaysCN, cn, confirmEntries, deadlineEnds, DEFAULT_RULES, fromCN, iso, sideOf, topicAudience } from '../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc, TaskDoc, TopicDoc } from '../store/docs';
import type { NewDoc } from '../store/port';
import { CITY_PEOPLE } from './demo-people';
import { seededNotice } from './notice';

const person = (key: string) => CITY_PEOPLE.find((p) => p.key === key)!;
const date = (now: Date, days: number) => cn(now).add(days, 'day').format('YYYY-MM-DD');

/**
 * Issue #23: last year's listed topics, both proposed by the model worker 杨德胜, so the decided
 * items name the topics they answer and the proposer follows them (the chain, 落实情况).
 */
export const LAST_YEAR_TOPICS = [
  { id: 't-city-last-1', title: '关于便利职工申领技能培训补贴的建议', sideLabel: '工会方' },
  { id: 't-city-last-2', title: '关于为户外劳动者建设服务站点的建议', sideLabel: '工会方' },
] as const;

function lastYearTopics(lastYearMeeting: { _id: string; title: string; heldAt: string }): NewDoc<TopicDoc>[] {
  const at = iso(cn(lastYearMeeting.heldAt).add(-45, 'day'));
  const listedAt = iso(cn(lastYearMeeting.heldAt).add(-20, 'day'));
  return LAST_YEAR_TOPICS.map((t) => ({
    _id: t.id, orgId: 'city', meetingId: lastYearMeeting._id, meetingTitle: lastYearMeeting.title, side: 'union', leadSide: 'union',
    routedTo: 'union_office', audience: topicAudience('accepted', 'union_office'), otherSideOpinions: 1, category: 'worker_concerns', title: t.title,
    background: '全市户外劳动者和技能岗位职工反映，补贴申领材料多、休息场所少。', research: '市总工会走访二十家企业和三个城区，发放问卷五百份。',
    request: '建议精简补贴申领材料、推行网上申领，在城区建设户外劳动者服务站点。', status: 'accepted',
    createdBy: 'city-model-yang', proposerName: '杨德胜', proposerUnit: '巴彦淖尔市第一建筑公司', createdAt: at, updatedAt: listedAt, submitDay: at.slice(0, 10),
    history: [{ at, event: 'submit', by: 'city-model-yang', byName: '杨德胜' }, { at: listedAt, event: 'accept', by: 'city-union-office', byName: '陈晓丽' }],
    opinions: [{ at: listedAt, by: 'city-gov-office', byName: '赵敏', byUnit: '市人民政府办公室', side: 'gov', text: '同意列入议题。' }],
  }));
}

export function lastYearChecklist(now: Date, lastYearMeeting: { _id: string; title: string; heldAt: string }): { minutes: NewDoc<MinutesDoc>; tasks: NewDoc<TaskDoc>[]; topics: NewDoc<TopicDoc>[] } {
  const meetingId = lastYearMeeting._id;
  const issuedAt = iso(cn(lastYearMeeting.heldAt).add(12, 'day'));
  const decisions = [
    { title: '推进职工技能培训补贴申领便利化', text: '由市人社局牵头，精简申领材料，推行网上申领，市总工会协助宣传。', topicIds: [LAST_YEAR_TOPICS[0].id] },
    { title: '建设户外劳动者服务站点', text: '由市住建局会同市总工会在城区新建户外劳动者服务站点，工会服务同步进驻。', topicIds: [LAST_YEAR_TOPICS[1].id] },
    { title: '将服务站点建设纳入年度民生实事', text: '由市发改委将户外劳动者服务站点建设纳入年度民生实事项目统筹推进。', topicIds: [LAST_YEAR_TOPICS[1].id] },
  ];
  const minutes: NewDoc<MinutesDoc> = {
    _id: meetingId, orgId: 'city', meetingId, status: 'issued',
    versions: [{ n: 1, text: '会议听取了上次会议议定事项落实情况的通报，讨论研究了本次会议议题，议定如下。', decisions, savedAt: issuedAt, savedBy: 'city-union-office', savedByName: '陈晓丽' }],
    returns: [], approvals: [
      { version: 1, stage: 'union_review', by: 'city-union-chair', byName: '李秀梅', at: issuedAt },
      { version: 1, stage: 'gov_review', by: 'city-gov-leader', byName: '王建国', at: issuedAt },
    ],
    decisions: decisions.map((d, i) => ({ id: `${meetingId}_d${i + 1}`, n: i + 1, ...d })),
    docNumber: `巴工联纪〔${cn(issuedAt).year()}〕1号`, issuedAt, issuedBy: 'city-union-office',
  };
  const task = (n: number, d: number, ownerKey: string, title: string, deadline: string, rest: Partial<TaskDoc> = {}): NewDoc<TaskDoc> => {
    const owner = person(ownerKey);
    const status = rest.status ?? 'in_progress';
    return {
      _id: `task-last-${n}`, orgId: 'city', meetingId, meetingTitle: lastYearMeeting.title,
      decisionId: `${meetingId}_d${d}`, decisionTitle: decisions[d - 1].title, decisionText: decisions[d - 1].text,
      title, ownerId: owner.key, ownerName: owner.name, unit: owner.unit, keeperRole: 'union_office',
      assignedBy: 'city-union-office', assignedAt: issuedAt, deadline, dueAt: deadlineEnds(deadline), deadlineVersion: 1,
      status, open: status !== 'done', progress: [], completion: null, sendBacks: [], explanations: [], ...rest,
    };
  };
  const at = (days: number) => iso(addDaysCN(now, days));
  const tasks = [
    // due within the week: yellow
    task(1, 1, 'city-hrss', '精简技能培训补贴申领材料，开通网上申领', date(now, 4), {
      progress: [{ text: '申领材料已由 9 项精简为 4 项，网上申领系统正在联调。', at: at(-6), by: 'city-hrss', byName: '孙立新' }],
    }),
    // overdue and not explained: red, 待说明
    task(2, 2, 'city-housing', '城区新建户外劳动者服务站点 20 个', date(now, -40)),
    // done and verified
    task(3, 2, 'city-union-rights', '工会服务进驻已建成的服务站点', date(now, -60), {
      status: 'done', open: false,
      completion: { text: '已在 12 个站点设立工会服务角，配备饮水、充电、应急药箱。', at: at(-65), evidence: [] },
      verifiedAt: at(-62), verifiedBy: 'city-union-office', verifiedByName: '陈晓丽',
    }),
    // past its first deadline, explained with a new one (Art. 3 (1))
    task(4, 3, 'city-ndrc', '将服务站点建设列入年度民生实事项目', date(now, 50), {
      keeperRole: 'gov_office', assignedBy: 'city-gov-office',
      explanations: [{ explanation: '年度民生实事项目已于年初确定，年中无法增补。', opinion: '列入明年民生实事项目，一季度报市政府常务会研究。', newDeadline: date(now, 50), oldDeadline: date(now, -90), by: 'city-ndrc', byName: '吴晓东', at: at(-80) }],
      deadlineVersion: 2,
    }),
    // marked done, waiting for the office to verify
    task(5, 1, 'city-hrss', '在职工服务中心设立补贴申领代办窗口', date(now, 20), {
      status: 'awaiting_verification',
      completion: { text: '市职工服务中心代办窗口已于本月开放，累计代办 36 件。', at: at(-2), evidence: [] },
    }),
  ];
  return { minutes, tasks, topics: lastYearTopics(lastYearMeeting) };
}

/** A special meeting held a week ago; its minutes are at the union side's review, second version. */
export function heldMeeting(now: Date): { meeting: NewDoc<MeetingDoc>; invitations: NewDoc<InvitationDoc>[]; minutes: NewDoc<MinutesDoc> } {
  const id = 'm-city-held';
  const title = '巴彦淖尔市人民政府与市总工会职工技能提升专题会议';
  const heldAt = fromCN(date(now, -7), '11:30');
  const plannedAt = fromCN(date(now, -7), '09:00');
  const at = (days: number) => iso(addDaysCN(now, days));
  const invited: Array<[string, InvitationDoc['category'], InvitationDoc['answer']]> = [
    ['city-gov-leader', 'leader', 'attend'], ['city-union-chair', 'leader', 'attend'], ['city-gov-convenor', 'leader', 'decline'],
    ['city-union-convenor', 'leader', 'attend'], ['city-gov-office', 'office', 'attend'], ['city-union-office', 'office', 'attend'],
    ['city-hrss', 'department', 'attend'], ['city-union-rights', 'department', 'attend'], ['city-rep-ma', 'worker_representative', 'attend'],
  ];
  const invitations = invited.map(([key, category, answer]): NewDoc<InvitationDoc> => {
    const p = person(key);
    return {
      _id: `${id}:${key}`, meetingId: id, orgId: 'city', meetingTitle: title, plannedAt, personId: key, name: p.name, unit: p.unit, title: p.title,
      side: sideOf(p.roles), category, roles: p.roles, invitedBy: sideOf(p.roles) === 'gov' ? 'city-gov-office' : 'city-union-office', invitedAt: at(-30),
      answered: true, answer, repliedAt: at(-20),
      ...(answer === 'decline' ? { reason: '同日参加自治区会议' } : { presentAt: fromCN(date(now, -7), '08:50') }),
    };
  });
  const meeting: NewDoc<MeetingDoc> = {
    _id: id, orgId: 'city', kind: 'special', year: cn(now).year(), title, plannedAt, place: '市总工会三楼会议室',
    reason: '研究职工技能提升行动和技能培训补贴政策落实', status: 'held',
    rules: { source: DEFAULT_RULES.source, effectiveFrom: DEFAULT_RULES.effectiveFrom }, createdBy: 'city-union-office', createdAt: at(-45),
    collectionOpensAt: at(-44), lateCollection: false, scheduleVersion: 1,
    presidingId: 'city-gov-leader', presiding: { id: 'city-gov-leader', name: '王建国', title: '副市长' },
    docNumber: `巴政办字〔${cn(now).year()}〕88号`, noticeIssuedAt: at(-30), startedAt: plannedAt, heldAt,
    notices: [seededNotice({ title, plannedAt, place: '市总工会三楼会议室', docNumber: `巴政办字〔${cn(now).year()}〕88号`, issuedAt: at(-30),
      presiding: { name: '王建国', title: '副市长' }, invitations, topics: [] })],
    // issue #16: the union office confirmed the attendance from check-in before submitting the minutes
    attendanceList: {
      entries: confirmEntries(invitations, [], { id: 'city-union-office', name: '陈晓丽' }, at(-5), null).entries,
      confirmedBy: 'city-union-office', confirmedByName: '陈晓丽', confirmedAt: at(-5),
    },
  };
  const decisions1 = [
    { title: '开展职工技能提升行动', text: '由市人社局牵头，2027 年组织职业技能培训 1 万人次。' },
  ];
  const decisions2 = [
    ...decisions1,
    { title: '设立职工技能竞赛专项经费', text: '市总工会每年安排专项经费，举办全市职工职业技能大赛。' },
  ];
  const minutes: NewDoc<MinutesDoc> = {
    _id: id, orgId: 'city', meetingId: id, status: 'union_review',
    versions: [
      { n: 1, text: '会议由副市长王建国主持。会议听取了市人社局关于职工技能提升工作的汇报，研究了有关问题。', decisions: decisions1, savedAt: at(-5), savedBy: 'city-union-office', savedByName: '陈晓丽' },
      { n: 2, text: '会议由副市长王建国主持。会议听取了市人社局关于职工技能提升工作的汇报，研究了职工技能竞赛经费保障问题。会议认为，技能提升是职工最关心的事项之一，须政府与工会协同推进。', decisions: decisions2, savedAt: at(-2), savedBy: 'city-union-office', savedByName: '陈晓丽' },
    ],
    returns: [{ version: 1, stage: 'union_review', reason: '请补充技能竞赛经费的议定事项', by: 'city-union-convenor', byName: '刘海燕', at: at(-4) }],
    approvals: [], submittedBy: 'city-union-office',
  };
  return { meeting, invitations, minutes };
}
