/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #20 "Done when": a scripted year over HTTP with the dev clock — request → collection →
// topics → opinions → list → notice → replies → meeting day → minutes → tasks → overdue → next
// meeting. Every tick is run twice and some late: per person, exactly the messages the milestone
// table says (the closing table below), none after its moment, none to someone who had acted, no
// credit spent on a voided message; each to-do closed by the action it asked for, for everyone it
// asked, and home's 待办 falls; 8 days overdue reaches owner, office, unit head and convenor (digest).
import { fromCN } from '../domain';
import { httpCaller, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';
import { findAll } from '../server/store/port';

let host: TestHost;
let ok: Ok;
let call: ReturnType<typeof httpCaller>['call'];

const at = (date: string, time: string) => host.clock.set(new Date(fromCN(date, time)));
const tick = async () => {
  const res = await fetch(`${host.url}api/dev/tick`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return ((await res.json()) as any).data;
};
/** every tick twice: the second must change nothing */
const ticks = async () => {
  await tick();
  const before = await host.store.count('notifications', {});
  const sent = (await host.get('/api/dev/outbox')).json.data.length;
  await tick();
  expect(await host.store.count('notifications', {})).toBe(before);
  expect((await host.get('/api/dev/outbox')).json.data.length).toBe(sent);
};
const todo = async (key: string) => (await ok(key, 'account', 'home', {})).counts.todo as number;
const mine = async (key: string, milestone: string, subjectId: string) =>
  (await findAll<any>(host.store, 'notifications', { recipientId: key, milestone, subjectId }));

const START = fromCN('2026-12-01', '00:00');
const subjects = new Set<string>();
let meetingId: string;
let headId: string;

beforeAll(async () => {
  host = await startTestHost();
  ({ ok, call } = httpCaller(host));
});
afterAll(() => host.stop());

it('walks a meeting year: every message at its moment, to those who still need it, closed by the action', async () => {
  // consent some will give at natural taps
  await ok('city-rep-ma', 'notify', 'recordConsent', { results: { meeting_notice: 'accept', meeting_tomorrow: 'accept', topic_result: 'accept' } });
  await ok('city-rep-guo', 'notify', 'recordConsent', { results: { meeting_notice: 'accept' } });
  await ok('city-union-chair', 'notify', 'recordConsent', { results: { minutes_review: 'accept' } });
  const head = await ok('city-gov-office', 'people', 'create', { orgId: 'city', name: '冯建军', unit: '市住建局', title: '局长', unitHead: true, roles: ['gov_department'] });
  headId = head.id ?? head.person?.id;

  // request → collection (Art. 4, 6)
  at('2026-12-01', '10:00');
  meetingId = (await ok('city-union-office', 'meeting', 'request', {
    kind: 'regular', title: '2027年度政府与工会联席会议', plannedAt: fromCN('2027-03-18', '09:30'), place: '市政府第一会议室', reason: '年度例会',
  })).id;
  subjects.add(meetingId);
  expect(await todo('city-gov-office')).toBeGreaterThanOrEqual(1); // meeting_requested asks the government office
  const govTodo = await todo('city-gov-office');
  await ok('city-gov-office', 'meeting', 'accept', { meetingId });
  expect(await todo('city-gov-office')).toBe(govTodo - 1);
  await ok('city-union-office', 'meeting', 'openCollection', { meetingId });

  // topics, screening, the opinion round, the list (Art. 6)
  at('2026-12-02', '10:00');
  const uTopic = (await ok('city-rep-ma', 'topic', 'submit', {
    meetingId, side: 'union', category: 'worker_concerns', title: '关于简化技能培训补贴申领的建议',
    background: '我市技能培训补贴申领流程繁琐，职工知晓率低。', research: '调研十家企业，六成职工不了解补贴政策。', request: '建议简化申领流程并由工会协助宣传。',
  })).id;
  const gTopic = (await ok('city-hrss', 'topic', 'submit', {
    meetingId, side: 'gov', category: 'briefing', title: '关于2027年职业技能提升行动的通报',
    background: '全市技能人才缺口较大。', research: '调研重点企业二十家。', request: '请工会协助组织职工参训。',
  })).id;
  subjects.add(uTopic).add(gTopic);
  at('2026-12-03', '10:00');
  await ok('city-union-office', 'topic', 'accept', { id: uTopic });
  await ok('city-gov-office', 'topic', 'accept', { id: gTopic });
  const [screen] = await mine('city-union-office', 'topic_submitted', uTopic);
  expect(screen).toMatchObject({ needsAction: true, doneByName: '陈晓丽' });
  at('2026-12-04', '10:00');
  await ok('city-gov-office', 'topic', 'noOpinion', { topicId: uTopic });
  await ok('city-union-office', 'topic', 'addOpinion', { id: gTopic, text: '建议将新就业形态劳动者纳入培训对象。' });
  expect((await mine('city-gov-office', 'opinion_requested', uTopic))[0]).toMatchObject({ doneByName: '赵敏' });
  at('2026-12-05', '10:00');
  await ok('city-gov-convenor', 'topic', 'confirmList', { meetingId });
  await ok('city-union-chair', 'topic', 'confirmList', { meetingId });
  for (const k of ['city-gov-convenor', 'city-union-chair']) {
    for (const n of await mine(k, 'topic_list_ready', meetingId)) expect(n.doneAt).toBeTruthy();
  }
  await ticks();

  // the notice at 23:00: WeChat waits for 08:00; 马春花 replies at 23:30 — her WeChat notice is void, no credit spent
  at('2027-03-01', '23:00');
  await ok('city-gov-office', 'meeting', 'invite', { meetingId, invitees: [
    { personId: 'city-gov-leader', category: 'leader' }, { personId: 'city-hrss', category: 'department' }, { personId: 'city-housing', category: 'department' },
  ] });
  await ok('city-union-office', 'meeting', 'invite', { meetingId, invitees: [
    { personId: 'city-union-chair', category: 'leader' }, { personId: 'city-rep-ma', category: 'worker_representative' }, { personId: 'city-rep-guo', category: 'worker_representative' },
  ] });
  await ok('city-gov-office', 'meeting', 'setPresiding', { meetingId, personId: 'city-gov-leader' });
  await ok('city-gov-office', 'meeting', 'issueNotice', { meetingId, docNumber: '巴政办字〔2027〕18号' });
  at('2027-03-01', '23:30');
  const maTodo = await todo('city-rep-ma');
  await ok('city-rep-ma', 'meeting', 'reply', { meetingId, answer: 'attend' });
  expect(await todo('city-rep-ma')).toBe(maTodo - 1);
  at('2027-03-02', '08:05');
  await ticks();
  const notices = (await host.get('/api/dev/outbox')).json.data.filter((e: any) => e.templateKey === 'meeting_notice');
  expect(notices.map((e: any) => e.personId)).toEqual(['city-rep-guo']);
  const maSubs = await ok('city-rep-ma', 'notify', 'subscriptions', {});
  expect(maSubs.items.find((i: any) => i.templateKey === 'meeting_notice').credits).toBe(1);
  expect((await host.store.get<any>('deliveries', (await mine('city-rep-ma', 'meeting_notice', meetingId))[0].id ?? (await mine('city-rep-ma', 'meeting_notice', meetingId))[0]._id))?.state).toBe('void');

  at('2027-03-02', '10:00');
  for (const k of ['city-gov-leader', 'city-hrss', 'city-union-chair']) await ok(k, 'meeting', 'reply', { meetingId, answer: 'attend' });
  await ok('city-housing', 'meeting', 'reply', { meetingId, answer: 'decline', reason: '参加自治区住建工作会议' });

  // 09:00 three days before: only 郭振华 has not replied; 催办 once a day
  at('2027-03-15', '09:05');
  await ticks();
  expect(await mine('city-rep-guo', 'reply_reminder', meetingId)).toHaveLength(1);
  expect(await mine('city-rep-ma', 'reply_reminder', meetingId)).toHaveLength(0);
  at('2027-03-15', '10:00');
  await ok('city-union-office', 'notify', 'chase', { subject: 'reply', id: meetingId, personId: 'city-rep-guo' });
  const twice = await call('city-union-office', 'notify', 'chase', { subject: 'reply', id: meetingId, personId: 'city-rep-guo' });
  expect(twice.json.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('今天已催办过') });
  at('2027-03-16', '10:00');
  await ok('city-rep-guo', 'meeting', 'reply', { meetingId, answer: 'attend' });
  for (const m of ['meeting_notice', 'reply_reminder']) expect((await mine('city-rep-guo', m, meetingId))[0].doneByName).toBe('郭振华');

  // the eve, to those attending; the meeting day; a late tick after it says nothing
  at('2027-03-17', '18:05');
  await ticks();
  at('2027-03-18', '09:20');
  await ok('city-union-office', 'meeting', 'start', { meetingId });
  at('2027-03-18', '11:00');
  await ok('city-gov-leader', 'meeting', 'adjourn', { meetingId });
  at('2027-03-18', '12:00');
  await ticks();

  // after the meeting: draft reminders (3 and 7 days), review, approvers after 2 days, issue
  at('2027-03-21', '09:05');
  await ticks();
  expect(await mine('city-union-office', 'minutes_draft_due', meetingId)).toHaveLength(1);
  at('2027-03-23', '10:00');
  await ok('city-union-office', 'minutes', 'save', { meetingId, text: '会议由副市长王建国主持。\n一、会议听取了技能培训补贴的汇报。', decisions: [
    { title: '简化技能培训补贴申领流程', text: '由市人社局牵头，一个月内将申领材料精简一半以上。' },
    { title: '城区新建户外劳动者服务站点', text: '由市住建局负责，4月10日前新建服务站点10个。' },
  ] });
  await ok('city-union-office', 'minutes', 'setAttendance', { meetingId, entries: [] });
  await ok('city-union-office', 'minutes', 'submit', { meetingId });
  expect((await mine('city-union-office', 'minutes_draft_due', meetingId))[0].doneAt).toBeTruthy();
  at('2027-03-25', '10:05');
  await ticks(); // the 7-day draft reminder is void (submitted); approvers two days on
  expect(await mine('city-union-office', 'minutes_draft_due', meetingId)).toHaveLength(1);
  expect(await mine('city-union-convenor', 'minutes_stalled', meetingId)).toHaveLength(1);
  at('2027-03-25', '11:00');
  await ok('city-union-chair', 'minutes', 'approve', { meetingId });
  for (const k of ['city-union-chair', 'city-union-convenor']) {
    for (const n of [...await mine(k, 'minutes_review', meetingId), ...await mine(k, 'minutes_stalled', meetingId)]) expect(n.doneByName).toBe('李秀梅');
  }
  at('2027-03-26', '10:00');
  await ok('city-gov-convenor', 'minutes', 'approve', { meetingId });
  at('2027-03-27', '10:00');
  await ok('city-union-office', 'minutes', 'issue', { meetingId, docNumber: '巴工联纪〔2027〕3号' });
  await ticks();

  // the checklist (Art. 11) and the ladder
  at('2027-03-28', '09:05'); // the morning after the issue: decided items without a task → the offices (a to-do)
  await ticks();
  expect(await mine('city-union-office', 'tasks_unassigned', meetingId)).toHaveLength(1);
  at('2027-03-28', '10:00');
  const t1 = (await ok('city-union-office', 'task', 'assign', { decisionId: `${meetingId}_d1`, title: '精简技能培训补贴申领材料', ownerId: 'city-hrss', deadline: '2027-04-20' })).id;
  const t2 = (await ok('city-gov-office', 'task', 'assign', { decisionId: `${meetingId}_d2`, title: '城区新建户外劳动者服务站点10个', ownerId: 'city-housing', deadline: '2027-04-10' })).id;
  subjects.add(t1).add(t2).add('city:gov');
  for (const k of ['city-union-office', 'city-gov-office']) expect((await mine(k, 'tasks_unassigned', meetingId))[0].doneAt).toBeTruthy();
  for (const [d, time] of [['2027-04-04', '08:05'], ['2027-04-10', '08:05'], ['2027-04-11', '08:05']] as const) {
    at(d, time);
    await ticks();
  }
  at('2027-04-12', '10:00');
  await ok('city-gov-office', 'notify', 'chase', { subject: 'task', id: t2 });
  at('2027-04-13', '08:05');
  await ticks();
  at('2027-04-14', '08:05');
  await ticks();
  at('2027-04-18', '09:00'); // 8 days overdue, the tick an hour late
  await ticks();
  at('2027-04-19', '10:00');
  await ok('city-hrss', 'task', 'complete', { taskId: t1, text: '申领材料已由9项精简为4项。', evidence: [] }).catch(async () => {
    await ok('city-hrss', 'task', 'report', { taskId: t1, text: '申领材料已由9项精简为4项。' });
  });
  at('2027-04-20', '08:05');
  await ticks();

  // the next meeting
  at('2027-04-20', '10:00');
  const next = (await ok('city-union-office', 'meeting', 'request', {
    kind: 'special', title: '新就业形态劳动者权益保障专题会议', plannedAt: fromCN('2027-07-15', '09:30'), place: '市政府第一会议室', reason: '研究新就业形态劳动者权益保障',
  })).id;
  subjects.add(next);
  await ok('city-gov-office', 'meeting', 'accept', { meetingId: next });
  await ok('city-union-office', 'meeting', 'openCollection', { meetingId: next });
  await ticks();

  // the ladder for 周文博's task, 8 days overdue
  expect(await mine('city-housing', 'task_overdue', t2)).toHaveLength(2);
  expect(await mine('city-gov-office', 'task_overdue_office', t2)).toHaveLength(1);
  const digest = (await mine('city-gov-convenor', 'task_escalation', 'city:gov')).filter((n) => n.body.includes('城区新建户外劳动者服务站点10个'));
  expect(digest).toHaveLength(1);
  // the unit head: the day the task crossed 7 days (04-17, the tick an hour late on 04-18) — his unit's
  // first that week, while the convenor's digest of that week had gone out before — and the next week's
  const toHead = (await mine(headId, 'task_escalation', 'city:gov')).filter((n) => n.body.includes('城区新建户外劳动者服务站点10个'));
  expect(toHead.map((n) => n.createdAt.slice(0, 16)).sort()).toEqual([fromCN('2027-04-18', '09:00'), fromCN('2027-04-20', '08:05')].map((t) => t.slice(0, 16)));

  // none after its moment: nothing about the meeting's eve or replies was created on or after the meeting day
  const late = (await findAll<any>(host.store, 'notifications', { subjectId: meetingId, milestone: { in: ['reply_reminder', 'meeting_tomorrow', 'meeting_notice'] } }))
    .filter((n) => n.createdAt >= fromCN('2027-03-18', '00:00'));
  expect(late).toHaveLength(0);
  // no credit spent on a voided message: every void delivery left the ledger as it was
  const voids = (await findAll<any>(host.store, 'deliveries', { state: 'void' }));
  expect(voids.length).toBeGreaterThanOrEqual(1);
  for (const v of voids) expect(v.attempts.map((a: any) => a.result)).toEqual(['void']);

  // per person, the messages of this year's subjects
  const all = (await findAll<any>(host.store, 'notifications', { createdAt: { gte: START } })).filter((n) => subjects.has(n.subjectId));
  const users = new Map(((await findAll<any>(host.store, 'users', { orgId: 'city' }))).map((u: any) => [u._id, u.name]));
  const table: Record<string, Record<string, number>> = {};
  for (const n of all) {
    const who = `${users.get(n.recipientId) ?? n.recipientId}`;
    table[who] ??= {};
    table[who][n.milestone] = (table[who][n.milestone] ?? 0) + 1;
  }
  const totals = Object.fromEntries(Object.entries(table).map(([k, v]) => [k, Object.values(v).reduce((a, b) => a + b, 0)]));
  expect(totals).toEqual(EXPECTED_TOTALS);
  expect(table).toEqual(EXPECTED);
  // what is left open: the to-dos nobody was asked to close yet
  const openLeft = all.filter((n) => n.needsAction && !n.doneAt).map((n) => `${users.get(n.recipientId)}:${n.milestone}`).sort();
  // 周文博's task is still overdue and 孙立新's waits for verification: exactly those stay open
  expect(openLeft).toEqual(['周文博:task_assigned', '周文博:task_due_soon', '周文博:task_due_today', '周文博:task_overdue', '周文博:task_overdue', '陈晓丽:task_completed']);
  const unionTodo = await todo('city-union-office');
  await ok('city-union-office', 'task', 'verify', { taskId: t1 });
  expect(await todo('city-union-office')).toBe(unionTodo - 1);
});

/**
 * The closing note's figures: per person, the messages about this year's meeting, its topics, its
 * tasks, the government side's weekly digest and the next meeting (83 in all). Read against
 * docs/reminders.md: 马春花 replied before the reply reminder (none); 周文博 declined (no eve), his task
 * went due soon → today → overdue twice (the second 8 days over: the digest, not the office again);
 * 孙立新's due-today was void (done the day before); 张志强's digest once a week a tick ran (7), 冯建军
 * (市住建局 局长, marked 单位负责人 in the directory) twice for his unit's task — the day it crossed 7 days
 * overdue and the next week's digest; the 7-day minutes-draft reminder void (submitted on day 5).
 */
const EXPECTED: Record<string, Record<string, number>> = {
  '王建国': { meeting_notice: 1, meeting_tomorrow: 1, minutes_issued: 1, minutes_review: 1, topic_list_ready: 1 },
  '李秀梅': { meeting_notice: 1, meeting_tomorrow: 1, minutes_issued: 1, minutes_review: 1, minutes_stalled: 1, topic_list_ready: 1 },
  '张志强': { minutes_review: 1, task_escalation: 7, topic_list_ready: 1 },
  '刘海燕': { minutes_review: 1, minutes_stalled: 1, topic_list_ready: 1 },
  '赵敏': { meeting_reply: 1, meeting_requested: 2, opinion_requested: 1, task_overdue_office: 1, tasks_unassigned: 1, topic_list_fixed: 1, topic_submitted: 1 },
  '陈晓丽': { meeting_accepted: 2, minutes_approved: 1, minutes_draft_due: 1, opinion_requested: 1, task_completed: 1, tasks_unassigned: 1, topic_list_fixed: 1, topic_submitted: 1 },
  '孙立新': { collection_opened: 2, meeting_notice: 1, meeting_tomorrow: 1, minutes_issued: 1, task_assigned: 1, task_due_soon: 1, topic_accepted: 1, topic_list_fixed: 1 },
  '周文博': { chase: 1, collection_opened: 2, meeting_notice: 1, minutes_issued: 1, task_assigned: 1, task_due_soon: 1, task_due_today: 1, task_overdue: 2 },
  '吴晓东': { collection_opened: 2 },
  '郑丽娟': { collection_opened: 2 },
  '马春花': { collection_opened: 2, meeting_notice: 1, meeting_tomorrow: 1, minutes_issued: 1, topic_accepted: 1, topic_list_fixed: 1 },
  '郭振华': { chase: 1, collection_opened: 2, meeting_notice: 1, meeting_tomorrow: 1, minutes_issued: 1, reply_reminder: 1 },
  '杨德胜': { collection_opened: 2 },
  '冯建军': { collection_opened: 2, task_escalation: 2 },
};
const EXPECTED_TOTALS = Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, Object.values(v).reduce((a, b) => a + b, 0)]));
