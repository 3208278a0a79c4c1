/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #16 item 3 "done when", over the local host's HTTP API on a fresh database with the seeded
// checklist of last year's city meeting (m-city-last, kept by the union office): the responsible
// person cannot move a deadline — an explanation's new deadline and task.requestDeadline are
// requests; the keeping office refuses one (nothing changes: deadline, light, reminders, the
// assessment's on-time figure) and approves another (deadline, light, reminders and history
// change); the office sets a deadline itself, told to the person; the assessment judges a task
// against the deadline in force when it fell due and says how many were extended.
import { fromCN } from '../domain';
import type { ReminderDoc } from '../server/notify/reminders';
import { findAll } from '../server/store/port';
import { httpCaller, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';
import { DEMO_NOW } from './support/world';

let host: TestHost;
let ok: Ok;
let code: ReturnType<typeof httpCaller>['code'];
let call: ReturnType<typeof httpCaller>['call'];

beforeAll(async () => {
  host = await startTestHost();
  ({ ok, code, call } = httpCaller(host));
});
afterAll(() => host.stop());

const at = (date: string, time = '10:00') => host.clock.set(new Date(fromCN(date, time)));
const get = (key: string, taskId: string) => ok(key, 'task', 'get', { taskId });
const inboxOf = async (key: string, milestone: string, subjectId: string) =>
  ((await ok(key, 'notify', 'inbox', {})).items as any[]).filter((i) => i.milestone === milestone && i.subjectId === subjectId);
const remindersOf = (taskId: string) => findAll<ReminderDoc>(host.store, 'reminders', { subjectId: taskId });
const cityRow2025 = async () => (await ok('city-gov-office', 'compliance', 'overview', { year: 2025 })).rows.find((r: any) => r.orgName === '巴彦淖尔市');
const refusal = async (key: string, action: string, payload: unknown) => (await call(key, 'task', action, payload)).json.error as { code: string; message: string };

// seeded (DEMO_NOW = 2026-11-24): task-last-2 of 周文博 (市住建局) is 40 days overdue, due 2026-10-15;
// task-last-1 of 孙立新 (市人社局) is due 2026-11-28 (yellow)
const RED = 'task-last-2';
const YELLOW = 'task-last-1';

it('the responsible person cannot move a deadline: an explanation\'s new deadline is a request, the light stays red', async () => {
  const before = await get('city-housing', RED);
  expect(before).toMatchObject({ light: 'red', deadline: '2026-10-15', deadlineRequests: [] });
  expect(before.allowedActions).toEqual(expect.arrayContaining(['explain', 'requestDeadline']));
  expect(before.allowedActions).not.toContain('setDeadline');
  expect(before.allowedActions).not.toContain('decideDeadline');

  const explained = await ok('city-housing', 'task', 'explain', {
    taskId: RED, explanation: '站点选址涉及规划调整，年内无法完工', opinion: '明年上半年完成剩余站点建设', newDeadline: '2027-06-30',
  });
  expect(explained).toMatchObject({
    light: 'red', deadline: '2026-10-15', countdown: '已逾期 40 天', deadlineRequested: '2027-06-30',
    deadlineRequests: [{ newDeadline: '2027-06-30', oldDeadline: '2026-10-15', state: 'pending', stateLabel: '待审批', byName: '周文博' }],
    deadlines: [{ deadline: '2026-10-15', how: 'original' }],
  });
  // a second request while one waits: refused in words, naming the one waiting; the date never moves
  const second = await refusal('city-housing', 'requestDeadline', { taskId: RED, newDeadline: '2030-12-31', reason: '再延长一些' });
  expect(second).toEqual({ code: 'invalid_transition', message: '已有待审批的延期申请（申请延至 2027-06-30），请等待总工会办公室审批后再申请' });
  expect((await refusal('city-housing', 'explain', { taskId: RED, explanation: '再次说明原因', opinion: '继续推进', newDeadline: '2030-12-31' })).message).toContain('已有待审批的延期申请');
  // the person may not set or decide it themselves
  expect(await code('city-housing', 'task', 'setDeadline', { taskId: RED, deadline: '2030-12-31', reason: '自行调整' })).toBe('forbidden');
  expect(await code('city-housing', 'task', 'decideDeadline', { taskId: RED, approve: true })).toBe('forbidden');
  const after = await get('city-housing', RED);
  expect(after).toMatchObject({ light: 'red', deadline: '2026-10-15' });
  expect(after.allowedActions).not.toContain('requestDeadline');
  // the overdue list still has it
  expect((await ok('city-union-office', 'task', 'list', { scope: 'overdue' })).items.map((t: any) => t.id)).toContain(RED);
});

it('the keeping office is told and sees the request on the task and the board; another office may not decide it', async () => {
  const told = await inboxOf('city-union-office', 'task_deadline_requested', RED);
  expect(told).toHaveLength(1);
  expect(told[0].body).toContain('2027-06-30');
  const board = await ok('city-union-office', 'task', 'list', { scope: 'meeting', meetingId: 'm-city-last' });
  expect(board.pendingRequests).toBe(1);
  expect(board.items.find((t: any) => t.id === RED).deadlineRequested).toBe('2027-06-30');
  const keeper = await get('city-union-office', RED);
  expect(keeper.allowedActions).toContain('decideDeadline');
  // a decision waits: the office decides before setting one itself
  expect(keeper.allowedActions).not.toContain('setDeadline');
  expect(await code('city-union-office', 'task', 'setDeadline', { taskId: RED, deadline: '2027-01-31', reason: '办公室调整' })).toBe('invalid_transition');
  // the government office did not assign it
  expect(await code('city-gov-office', 'task', 'decideDeadline', { taskId: RED, approve: true })).toBe('forbidden');
});

it('a refusal needs a reason and changes nothing about the deadline, its light or its reminders; the person is told why', async () => {
  const versionBefore = (await host.store.get<any>('tasks', RED)).deadlineVersion;
  const remindersBefore = (await remindersOf(RED)).length;
  expect(await code('city-union-office', 'task', 'decideDeadline', { taskId: RED, approve: false })).toBe('validation_error');
  const refused = await ok('city-union-office', 'task', 'decideDeadline', { taskId: RED, approve: false, reason: '站点建设是年度重点任务，请加快推进' });
  expect(refused).toMatchObject({
    light: 'red', deadline: '2026-10-15', deadlineRequested: null,
    deadlineRequests: [{ newDeadline: '2027-06-30', state: 'refused', stateLabel: '未同意', decidedByName: '陈晓丽', decision: '站点建设是年度重点任务，请加快推进' }],
    deadlines: [{ deadline: '2026-10-15', how: 'original' }],
  });
  expect((await host.store.get<any>('tasks', RED)).deadlineVersion).toBe(versionBefore);
  expect(await remindersOf(RED)).toHaveLength(remindersBefore);
  const told = await inboxOf('city-housing', 'task_deadline_decided', RED);
  expect(told).toHaveLength(1);
  expect(told[0].body).toContain('站点建设是年度重点任务，请加快推进');
  // decided: nothing waits any more
  expect(await code('city-union-office', 'task', 'decideDeadline', { taskId: RED, approve: true })).toBe('invalid_transition');
});

it('a request must be later than the deadline in force and not in the past', async () => {
  expect((await refusal('city-hrss', 'requestDeadline', { taskId: YELLOW, newDeadline: '2026-11-27', reason: '材料准备中' })).message).toBe('申请的新时限须晚于现行完成时限（2026-11-28）');
  expect((await refusal('city-hrss', 'requestDeadline', { taskId: YELLOW, newDeadline: '2026-11-28', reason: '材料准备中' })).message).toBe('申请的新时限须晚于现行完成时限（2026-11-28）');
  expect((await refusal('city-housing', 'requestDeadline', { taskId: RED, newDeadline: '2026-11-01', reason: '材料准备中' })).message).toBe('新的完成时限不能早于今天');
  expect(await code('city-hrss', 'task', 'requestDeadline', { taskId: YELLOW, newDeadline: '2026-12-15' })).toBe('validation_error');
});

it('an approved request moves the deadline, the light, the reminders and the history', async () => {
  const v1 = (await host.store.get<any>('tasks', RED)).deadlineVersion;
  await ok('city-housing', 'task', 'requestDeadline', { taskId: RED, newDeadline: '2027-06-30', reason: '站点选址涉及规划调整，需重新报批' });
  // the keeping office is told of this request too
  expect((await inboxOf('city-union-office', 'task_deadline_requested', RED)).map((n: any) => n.body)).toContainEqual(expect.stringContaining('站点选址涉及规划调整，需重新报批'));
  const approved = await ok('city-union-office', 'task', 'decideDeadline', { taskId: RED, approve: true, reason: '同意，请按新时限完成' });
  expect(approved).toMatchObject({
    light: 'green', deadline: '2027-06-30', deadlineRequested: null,
    deadlineRequests: [{ state: 'approved', decidedByName: '陈晓丽', decision: '同意，请按新时限完成' }, { state: 'refused' }],
    deadlines: [
      { deadline: '2026-10-15', how: 'original', howLabel: '交办时确定' },
      { deadline: '2027-06-30', how: 'approved', howLabel: '同意延期申请', byName: '陈晓丽', reason: '站点选址涉及规划调整，需重新报批' },
    ],
  });
  expect((await ok('city-union-office', 'task', 'list', { scope: 'overdue' })).items.map((t: any) => t.id)).not.toContain(RED);
  // reminders: the new deadline's are scheduled under the new version; the old version's never fire
  const v2 = (await host.store.get<any>('tasks', RED)).deadlineVersion;
  expect(v2).toBe(v1 + 1);
  const fresh = (await remindersOf(RED)).filter((r) => r.subjectVersion === v2).map((r) => [r.kind, r.dueAt]).sort();
  expect(fresh).toEqual([['task_due_soon', fromCN('2027-06-24', '08:00')], ['task_due_today', fromCN('2027-06-30', '08:00')], ['task_overdue', fromCN('2027-07-01', '08:00')]]); // issue #20: the ladder's last day
  expect((await inboxOf('city-housing', 'task_deadline_decided', RED)).map((n: any) => n.title).sort()).toEqual(['延期申请已同意', '延期申请未同意']);
});

let extendedInTime: string;

it('the keeping office sets a deadline itself, audited and told to the person; never in the past', async () => {
  extendedInTime = (await ok('city-union-office', 'task', 'assign', { decisionId: 'm-city-last_d1', title: '编印补贴申领明白卡', ownerId: 'city-hrss', deadline: '2026-11-30' })).id;
  expect(await code('city-hrss', 'task', 'setDeadline', { taskId: extendedInTime, deadline: '2026-12-05', reason: '自行调整' })).toBe('forbidden');
  expect(await code('city-gov-office', 'task', 'setDeadline', { taskId: extendedInTime, deadline: '2026-12-05', reason: '办公室调整' })).toBe('forbidden');
  expect((await refusal('city-union-office', 'setDeadline', { taskId: extendedInTime, deadline: '2026-11-23', reason: '办公室调整' })).message).toBe('完成时限不能早于今天');
  expect((await refusal('city-union-office', 'setDeadline', { taskId: extendedInTime, deadline: '2026-11-30', reason: '办公室调整' })).message).toBe('完成时限已是 2026-11-30，无需调整');
  const set = await ok('city-union-office', 'task', 'setDeadline', { taskId: extendedInTime, deadline: '2026-12-05', reason: '配合全市宣传月统一印发' });
  expect(set).toMatchObject({ deadline: '2026-12-05', deadlines: [{ how: 'original', deadline: '2026-11-30' }, { how: 'office', howLabel: '办公室调整', deadline: '2026-12-05', reason: '配合全市宣传月统一印发', byName: '陈晓丽' }] });
  expect((await inboxOf('city-hrss', 'task_deadline_set', extendedInTime))[0].body).toContain('配合全市宣传月统一印发');
  const audit = await findAll<any>(host.store, 'audit', { action: 'task.setDeadline' });
  expect(audit.filter((a) => a.target === extendedInTime).map((a) => [a.actorName, a.result])).toContainEqual(['陈晓丽', 'ok']);
});

it('the on-time figure counts against the deadline in force when the task fell due; a refused request changes nothing', async () => {
  const before = await cityRow2025();
  // seeded: one task done (task-last-3), on time; extended: task-last-4 (seeded), task-last-2 and the office-set one
  expect(before).toMatchObject({ tasksDone: 1, onTimeRate: 1, tasksExtended: 3 });

  // 孙立新 asks for more time on task-last-1 (due 11-28); refused; done on 12-10: late
  await ok('city-hrss', 'task', 'requestDeadline', { taskId: YELLOW, newDeadline: '2026-12-15', reason: '网上申领系统联调未完成' });
  await ok('city-union-office', 'task', 'decideDeadline', { taskId: YELLOW, approve: false, reason: '请按原时限完成' });
  // the extension of the office-set task asked and approved before its deadline (12-05)
  at('2026-12-03');
  await ok('city-hrss', 'task', 'requestDeadline', { taskId: extendedInTime, newDeadline: '2026-12-31', reason: '印刷厂排期推迟' });
  await ok('city-union-office', 'task', 'decideDeadline', { taskId: extendedInTime, approve: true });
  at('2026-12-10');
  for (const taskId of [YELLOW, extendedInTime]) {
    await ok('city-hrss', 'task', 'complete', { taskId, text: '已按要求落实完成' });
    await ok('city-union-office', 'task', 'verify', { taskId });
  }
  // task-last-2: extended after it was already overdue, done before the new deadline — still late
  await ok('city-housing', 'task', 'complete', { taskId: RED, text: '20 个站点全部建成' });
  await ok('city-union-office', 'task', 'verify', { taskId: RED });
  const row = await cityRow2025();
  // on time: task-last-3 and the one extended in time; late: task-last-1 (refused) and task-last-2 (extended late)
  expect(row).toMatchObject({ tasksDone: 4, onTimeRate: 0.5, tasksExtended: 3 });
  host.clock.set(DEMO_NOW);
});

it('a request whose date has passed before the decision cannot be approved: the office refuses it or sets one', async () => {
  const taskId = (await ok('city-union-office', 'task', 'assign', { decisionId: 'm-city-last_d2', title: '服务站点验收', ownerId: 'city-housing', deadline: '2026-11-25' })).id;
  await ok('city-housing', 'task', 'requestDeadline', { taskId, newDeadline: '2026-11-26', reason: '验收专家行程冲突' });
  at('2026-11-27');
  expect((await refusal('city-union-office', 'decideDeadline', { taskId, approve: true })).message).toBe('申请的新时限 2026-11-26 已过，不能同意；请不同意并说明理由，或直接调整期限');
  expect((await get('city-union-office', taskId)).deadline).toBe('2026-11-25');
  await ok('city-union-office', 'task', 'decideDeadline', { taskId, approve: false, reason: '所申请时限已过' });
  expect(await ok('city-union-office', 'task', 'setDeadline', { taskId, deadline: '2026-12-03', reason: '专家行程已确定' })).toMatchObject({ deadline: '2026-12-03', light: 'yellow' });
  host.clock.set(DEMO_NOW);
});
