// The seeded demo (issue #2): Bayannur and its seven counties/banners/districts, people in every
// role, a city meeting in topic collection a little over two months ahead, a special meeting whose
// notice is out two weeks ahead with invitations waiting for replies, last year's meeting with its
// issued minutes and checklist, and a special meeting held last week with minutes under review.
// Seeds only an empty database, so restarting keeps everything.
import { addDaysCN, addMonthsCN, cn, DEFAULT_RULES, fromCN, iso, personSide, sideOf, topicAudience, yearCN, type Org, type Person } from '../../domain';
import type { InvitationDoc, MeetingDoc, MinutesDoc, SettingsDoc, TaskDoc, TopicDoc } from '../store/docs';
import { seededNotice } from './notice';
import { heldMeeting, LAST_YEAR_TOPICS, lastYearChecklist } from './after-meeting';
import { meetingReminders, schedule, taskReminders } from '../notify/reminders';
import { ensureUnit } from '../areas/people';
import type { NewDoc, Store } from '../store/port';
import { CITY_PEOPLE, countyOffices, LINHE_PEOPLE, type DemoPerson } from './demo-people';

export const COUNTIES: Array<{ id: string; name: string; gov: [string, string]; union: [string, string] }> = [
  { id: 'linhe', name: '临河区', gov: ['韩磊', '副主任'], union: ['贾慧', '主任'] },
  { id: 'wuyuan', name: '五原县', gov: ['田锐', '副主任'], union: ['苗青', '主任'] },
  { id: 'dengkou', name: '磴口县', gov: ['段鹏', '副主任'], union: ['常红', '主任'] },
  { id: 'qianqi', name: '乌拉特前旗', gov: ['包额尔敦', '副主任'], union: ['云秀英', '主任'] },
  { id: 'zhongqi', name: '乌拉特中旗', gov: ['巴特尔', '副主任'], union: ['娜仁花', '主任'] },
  { id: 'houqi', name: '乌拉特后旗', gov: ['苏和', '副主任'], union: ['乌云', '主任'] },
  { id: 'hanghou', name: '杭锦后旗', gov: ['贺志勇', '副主任'], union: ['边丽', '主任'] },
];

function orgs(): NewDoc<Org>[] {
  const cityOrg: NewDoc<Org> = {
    _id: 'city', name: '巴彦淖尔市', level: 'city', govName: '巴彦淖尔市人民政府', unionName: '巴彦淖尔市总工会', rank: 0,
  };
  return [
    cityOrg,
    // COUNTIES is in official order; rank keeps that order wherever orgs are listed
    ...COUNTIES.map((c, i) => ({
      _id: c.id, name: c.name, level: 'county' as const, parentId: 'city', govName: `${c.name}人民政府`, unionName: `${c.name}总工会`, rank: i + 1,
    })),
  ];
}

export function demoPeople(): DemoPerson[] {
  const others = COUNTIES.filter((c) => c.id !== 'linhe').flatMap((c) => countyOffices(c.id, c.name, c.gov, c.union));
  return [...CITY_PEOPLE, ...LINHE_PEOPLE, ...others];
}

/** Art. 13: the seeded meetings run under the 2024 rules */
const RULES = { source: DEFAULT_RULES.source, effectiveFrom: DEFAULT_RULES.effectiveFrom };

function meetings(now: Date): NewDoc<MeetingDoc>[] {
  const today = cn(now);
  // A little over two months ahead, at 09:30 Shanghai time; the union office opened collection a
  // few days ago (Art. 6: "generally" two months before — it may start earlier).
  const plannedAt = fromCN(today.add(2, 'month').add(10, 'day').format('YYYY-MM-DD'), '09:30');
  const lastYear = today.year() - 1;
  const heldAt = fromCN(`${lastYear}-04-18`, '09:30');
  // issue #16: a regular meeting counts for (and is titled with) the year it is held in
  const linheAt = fromCN(today.add(2, 'month').add(20, 'day').format('YYYY-MM-DD'), '15:00');
  return [
    {
      _id: 'm-city-current', orgId: 'city', kind: 'regular', year: yearCN(plannedAt),
      title: `巴彦淖尔市人民政府与市总工会${yearCN(plannedAt)}年度联席会议`,
      plannedAt, collectionOpensAt: addDaysCN(now, -3),
      status: 'collecting', createdBy: 'city-union-office', createdAt: iso(addDaysCN(now, -10)), rules: RULES,
    },
    {
      _id: 'm-linhe-current', orgId: 'linhe', kind: 'regular', year: yearCN(linheAt),
      title: `临河区人民政府与区总工会${yearCN(linheAt)}年度联席会议`,
      plannedAt: linheAt,
      collectionOpensAt: addDaysCN(now, -1),
      status: 'collecting', createdBy: 'linhe-union-office', createdAt: iso(addDaysCN(now, -2)), rules: RULES,
    },
    {
      _id: 'm-city-last', orgId: 'city', kind: 'regular', year: lastYear,
      title: `巴彦淖尔市人民政府与市总工会${lastYear}年度联席会议`,
      plannedAt: heldAt, collectionOpensAt: addMonthsCN(heldAt, -2), heldAt,
      // Art. 9: issued twelve days after the meeting (the seeded minutes' issuedAt)
      minutesIssuedAt: iso(cn(heldAt).add(12, 'day')),
      status: 'minutes_issued', createdBy: 'city-union-office', createdAt: addMonthsCN(heldAt, -3), rules: RULES,
      // issue #23: the list its decided items answer
      agenda: LAST_YEAR_TOPICS.map((t) => t.id), agendaTopics: LAST_YEAR_TOPICS.map((t) => ({ ...t })), proposedCount: LAST_YEAR_TOPICS.length,
      // Art. 7 (issue #16): the notice as it was issued two weeks before the meeting
      place: '市政府第一会议室',
      docNumber: `巴政办字〔${lastYear}〕21号`, noticeIssuedAt: iso(cn(heldAt).add(-14, 'day')),
      notices: [seededNotice({
        title: `巴彦淖尔市人民政府与市总工会${lastYear}年度联席会议`, plannedAt: heldAt, place: '市政府第一会议室', docNumber: `巴政办字〔${lastYear}〕21号`,
        issuedAt: iso(cn(heldAt).add(-14, 'day')), presiding: { name: '王建国', title: '副市长' }, invitations: [], topics: [],
      })],
    },
  ];
}

/**
 * A special meeting whose notice is out (Art. 4: a special meeting when both sides agree), about two
 * weeks ahead: two fixed topics, the presiding vice-mayor, and invitations waiting for replies, so
 * the demo shows an attendee's invitation and the offices' console.
 */
function noticedMeeting(now: Date): { meeting: NewDoc<MeetingDoc>; topics: NewDoc<TopicDoc>[]; invitations: NewDoc<InvitationDoc>[] } {
  const today = cn(now);
  const plannedAt = fromCN(today.add(13, 'day').format('YYYY-MM-DD'), '15:00');
  const id = 'm-city-special';
  const title = '巴彦淖尔市人民政府与市总工会新就业形态劳动者权益保障专题会议';
  const at = iso(addDaysCN(now, -20));
  const topic = (n: number, side: 'gov' | 'union', createdBy: string, name: string, unit: string, t: string): NewDoc<TopicDoc> => ({
    _id: `t-special-${n}`, orgId: 'city', meetingId: id, meetingTitle: title, side, leadSide: side,
    routedTo: side === 'gov' ? 'gov_office' : 'union_office', audience: topicAudience('accepted', side === 'gov' ? 'gov_office' : 'union_office'),
    otherSideOpinions: 1, category: side === 'gov' ? 'briefing' : 'worker_concerns', title: t,
    background: '我市新就业形态劳动者约一万二千人，职业伤害保障覆盖不足，休息场所缺乏。',
    research: '市总工会与人社局联合走访三家平台站点，发放问卷四百份，六成骑手未参加职业伤害保障。',
    request: '建议推进职业伤害保障试点，建设一批户外劳动者服务站点。',
    status: 'accepted', createdBy, proposerName: name, proposerUnit: unit, createdAt: at, updatedAt: at, submitDay: at.slice(0, 10),
    history: [{ at, event: 'submit', by: createdBy, byName: name }], opinions: [],
  });
  // Art. 6 征求意见 (issue #16): a fixed list went through the opinion round — the government side
  // gave its opinion on the union's topic, the union office recorded 无意见 on the government's
  const opinionAt = iso(addDaysCN(now, -8));
  const topics = [
    {
      ...topic(1, 'union', 'city-union-rights', '郑丽娟', '市总工会权益保障部', '关于推进外卖骑手职业伤害保障试点的建议'),
      opinions: [{ at: opinionAt, by: 'city-gov-office', byName: '赵敏', byUnit: '市人民政府办公室', side: 'gov' as const, text: '同意列入议题，建议由市人社局会同市总工会提出试点方案。' }],
    },
    {
      ...topic(2, 'gov', 'city-hrss', '孙立新', '市人社局', '关于新就业形态劳动者社会保险政策的通报'),
      otherSideOpinions: 0, noOpinion: { side: 'union' as const, at: opinionAt, by: 'city-union-office', byName: '陈晓丽' },
    },
  ];
  const invited: Array<[string, InvitationDoc['category']]> = [
    ['city-gov-leader', 'leader'], ['city-union-chair', 'leader'], ['city-gov-office', 'office'], ['city-union-office', 'office'],
    ['city-hrss', 'department'], ['city-rep-ma', 'worker_representative'], ['city-rep-guo', 'worker_representative'], ['city-model-yang', 'model_worker'],
  ];
  const people = new Map(demoPeople().map((p) => [p.key, p]));
  const invitations = invited.map(([personId, category]): NewDoc<InvitationDoc> => {
    const p = people.get(personId)!;
    const replied = personId === 'city-hrss';
    return {
      _id: `${id}:${personId}`, meetingId: id, orgId: 'city', meetingTitle: title, plannedAt, personId, name: p.name, unit: p.unit, title: p.title,
      side: sideOf(p.roles), category, roles: p.roles, invitedBy: sideOf(p.roles) === 'gov' ? 'city-gov-office' : 'city-union-office', invitedAt: at,
      answered: replied, answer: replied ? 'attend' : null, ...(replied ? { repliedAt: iso(addDaysCN(now, -1)) } : {}),
    };
  });
  const meeting: NewDoc<MeetingDoc> = {
    _id: id, orgId: 'city', kind: 'special', year: today.year(), title, plannedAt, place: '市政府第一会议室',
    reason: '研究新就业形态劳动者职业伤害保障和服务站点建设', status: 'notice_issued', createdBy: 'city-union-office', createdAt: iso(addDaysCN(now, -30)), rules: RULES,
    collectionOpensAt: iso(addDaysCN(now, -28)), lateCollection: false, scheduleVersion: 1,
    presidingId: 'city-gov-leader', presiding: { id: 'city-gov-leader', name: '王建国', title: '副市长' },
    docNumber: `巴政办字〔${today.year()}〕96号`, noticeIssuedAt: iso(addDaysCN(now, -2)),
    agenda: topics.map((t) => t._id!), proposedCount: 3,
    // issue #16: the notice as issued (its .docx is rendered from this, never from the live meeting)
    notices: [seededNotice({ title, plannedAt, place: '市政府第一会议室', docNumber: `巴政办字〔${today.year()}〕96号`, issuedAt: iso(addDaysCN(now, -2)),
      presiding: { name: '王建国', title: '副市长' }, invitations, topics: topics.map((t) => t.title) })],
    agendaTopics: topics.map((t) => ({ id: t._id!, title: t.title, sideLabel: t.side === 'gov' ? '政府方' : '工会方' })),
    topicList: {
      gov: { by: 'city-gov-convenor', byName: '张志强', at: iso(addDaysCN(now, -5)), topicIds: topics.map((t) => t._id!) },
      union: { by: 'city-union-chair', byName: '李秀梅', at: iso(addDaysCN(now, -4)), topicIds: topics.map((t) => t._id!) },
    },
  };
  return { meeting, topics, invitations };
}

/**
 * Production (issue #11): the city and its seven counties with the rules in force, and nobody —
 * the first office account comes from the setup command (README). Returns whether it seeded.
 */
export async function seedOrgs(store: Store): Promise<boolean> {
  if ((await store.count('orgs', {})) > 0) return false;
  for (const org of orgs()) await store.insert<Org>('orgs', org);
  for (const org of orgs()) {
    await store.insert<SettingsDoc>('settings', {
      orgId: org._id!, effectiveFrom: DEFAULT_RULES.effectiveFrom, topicLeadMonths: DEFAULT_RULES.topicLeadMonths,
      dueSoonDays: DEFAULT_RULES.dueSoonDays, regularMeetingsPerYear: DEFAULT_RULES.regularMeetingsPerYear, source: DEFAULT_RULES.source,
    });
  }
  return true;
}

/** Seeds the demo if the database holds no org yet. Returns whether it seeded. */
export async function seedDemo(store: Store, now: Date): Promise<boolean> {
  if (!(await seedOrgs(store))) return false;
  // a demo person signs in at a desk with their demo key as login (a password they set themselves)
  // each person's unit as a record, as people.create makes it (the directory's unit filter and search read them)
  for (const p of demoPeople()) {
    const unit = await store.transaction((tx) => ensureUnit(tx, p.orgId, p.unit, personSide(p.roles), now));
    await store.insert<Person>('users', {
      _id: p.key, devKey: p.key, login: p.key, name: p.name, orgId: p.orgId, unit: p.unit, unitId: unit, title: p.title, roles: p.roles, active: true, sessionEpoch: 0,
    });
  }
  for (const m of meetings(now)) await store.insert<MeetingDoc>('meetings', m);
  const special = noticedMeeting(now);
  await store.insert<MeetingDoc>('meetings', special.meeting);
  for (const t of special.topics) await store.insert<TopicDoc>('topics', t);
  for (const i of special.invitations) await store.insert<InvitationDoc>('invitations', i);
  // Art. 3 (1), 9, 11: last year's checklist and a held meeting's minutes under review
  const last = meetings(now).find((m) => m._id === 'm-city-last')!;
  const checklist = lastYearChecklist(now, { _id: last._id!, title: last.title, heldAt: last.heldAt! });
  await store.insert<MinutesDoc>('minutes', checklist.minutes);
  for (const t of checklist.tasks) await store.insert<TaskDoc>('tasks', t);
  for (const t of checklist.topics) await store.insert<TopicDoc>('topics', t); // issue #23
  const held = heldMeeting(now);
  await store.insert<MeetingDoc>('meetings', held.meeting);
  for (const i of held.invitations) await store.insert<InvitationDoc>('invitations', i);
  await store.insert<MinutesDoc>('minutes', held.minutes);
  // issue #10: the reminders the actions would have scheduled for the seeded notice and tasks
  await store.transaction(async (tx) => {
    await schedule(tx, meetingReminders({ ...special.meeting, version: 1 } as MeetingDoc, now), now);
    for (const t of checklist.tasks) if (t.status === 'in_progress') await schedule(tx, taskReminders({ ...t, version: 1 } as TaskDoc, DEFAULT_RULES.dueSoonDays, now), now);
  });
  return true;
}
