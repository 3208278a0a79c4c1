/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #20, 催办 from the pages' point of view: the button is the server's offer. `notify.chase` is
// in allowedActions exactly where the call passes — the task's keeping office on a task being worked
// on (task.get), the org's offices on an invitee who has not replied to a meeting not yet begun
// (meeting.attendance's rows), the org's offices on minutes waiting at a review stage (minutes.get)
// — and each offer is taken: the chase goes, a second the same day is refused with the clear
// message. Everyone else (the task's owner, the other office of a task, a representative, a
// department) is neither offered it nor let through.
import { fromCN } from '../domain';
import { httpCaller, meetingWithNotice, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
let ok: Ok;
let call: ReturnType<typeof httpCaller>['call'];

const CHASE = 'notify.chase';
const at = (date: string, time: string) => host.clock.set(new Date(fromCN(date, time)));
const codeOf = (res: { json: any }) => (res.json.ok ? 'ok' : res.json.error.code);

beforeAll(async () => {
  host = await startTestHost();
  ({ ok, call } = httpCaller(host));
});
afterAll(() => host.stop());

it('a task: offered to the office that keeps it while it is worked on, and taken; nobody else', async () => {
  at('2026-11-24', '10:00');
  // task-last-2 of 周文博 (市住建局), kept by the union office, in progress and overdue
  const keeper = await ok('city-union-office', 'task', 'get', { taskId: 'task-last-2' });
  expect(keeper.allowedActions).toContain(CHASE);
  const first = await call('city-union-office', 'notify', 'chase', { subject: 'task', id: 'task-last-2' });
  expect(first.status).toBe(200);
  expect(first.json.data.chased).toEqual(['周文博']);
  const again = await call('city-union-office', 'notify', 'chase', { subject: 'task', id: 'task-last-2' });
  expect(again.status).toBe(429);
  expect(again.json.error).toMatchObject({ code: 'rate_limited', message: '今天已催办过（陈晓丽 10:00），每天最多催办一次，请明天再试' });

  // not offered, and refused: the owner, the other side's office, a representative, a convenor
  for (const [key, code] of [['city-housing', 'forbidden'], ['city-gov-office', 'forbidden'], ['city-rep-ma', 'forbidden'], ['city-union-convenor', 'forbidden']] as const) {
    const seen = await call(key, 'task', 'get', { taskId: 'task-last-2' });
    if (seen.status === 200) expect({ key, offered: seen.json.data.allowedActions.includes(CHASE) }).toEqual({ key, offered: false });
    expect({ key, code: codeOf(await call(key, 'notify', 'chase', { subject: 'task', id: 'task-last-2' })) }).toEqual({ key, code });
  }
  // the government office keeps task-last-4: offered there, not on the union office's
  expect((await ok('city-gov-office', 'task', 'get', { taskId: 'task-last-4' })).allowedActions).toContain(CHASE);
  // a task done (task-last-3) or waiting for verification (task-last-5) is not chased
  for (const taskId of ['task-last-3', 'task-last-5']) {
    expect((await ok('city-union-office', 'task', 'get', { taskId })).allowedActions).not.toContain(CHASE);
    expect(codeOf(await call('city-union-office', 'notify', 'chase', { subject: 'task', id: taskId }))).toBe('invalid_transition');
  }
  // another org's office learns nothing
  expect(codeOf(await call('linhe-union-office', 'notify', 'chase', { subject: 'task', id: 'task-last-2' }))).toBe('not_found');
});

it('a reply: offered on the rows of invitees who have not replied, before the meeting; taken once a day', async () => {
  at('2026-11-25', '10:00');
  const meetingId = await meetingWithNotice(ok, {
    title: '催办按钮测试专题会议', plannedAt: fromCN('2026-12-22', '09:30'), docNumber: '巴政办字〔2026〕311号',
    gov: ['city-gov-leader', 'city-hrss'], union: ['city-union-chair', 'city-rep-ma', 'city-rep-guo'],
  });
  await ok('city-rep-ma', 'meeting', 'reply', { meetingId, answer: 'attend' });
  const rows = async (key: string) => Object.fromEntries(((await ok(key, 'meeting', 'attendance', { meetingId })).rows as any[]).map((r) => [r.personId, r.allowedActions.includes(CHASE)]));
  // both offices see the replies and may chase anyone who has not answered, of either side
  for (const office of ['city-union-office', 'city-gov-office']) {
    expect(await rows(office)).toEqual({ 'city-gov-leader': true, 'city-hrss': true, 'city-union-chair': true, 'city-rep-ma': false, 'city-rep-guo': true });
  }
  expect((await ok('city-union-office', 'notify', 'chase', { subject: 'reply', id: meetingId, personId: 'city-rep-guo' })).chased).toEqual(['郭振华']);
  const again = await call('city-gov-office', 'notify', 'chase', { subject: 'reply', id: meetingId, personId: 'city-rep-guo' });
  expect(again.json.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^今天已催办过（陈晓丽 10:00）/) });
  // one who replied is not chased; a representative, a department may not chase at all
  expect(codeOf(await call('city-union-office', 'notify', 'chase', { subject: 'reply', id: meetingId, personId: 'city-rep-ma' }))).toBe('invalid_transition');
  for (const key of ['city-rep-ma', 'city-hrss', 'city-union-chair']) {
    expect({ key, code: codeOf(await call(key, 'notify', 'chase', { subject: 'reply', id: meetingId, personId: 'city-rep-guo' })) }).toEqual({ key, code: 'forbidden' });
  }
  // once the meeting has begun, no row offers it and the call is refused
  at('2026-12-22', '09:40');
  expect(Object.values(await rows('city-union-office')).some(Boolean)).toBe(false);
  expect(codeOf(await call('city-union-office', 'notify', 'chase', { subject: 'reply', id: meetingId, personId: 'city-hrss' }))).toBe('invalid_transition');
});

it('minutes: offered to the offices while they wait at a review stage; reaches that stage’s approvers', async () => {
  at('2026-11-26', '10:00');
  // m-city-held: minutes at the union side's review (李秀梅 chair, 刘海燕 convenor)
  for (const office of ['city-union-office', 'city-gov-office']) {
    expect((await ok(office, 'minutes', 'get', { meetingId: 'm-city-held' })).allowedActions).toContain(CHASE);
  }
  for (const key of ['city-union-chair', 'city-gov-leader', 'city-rep-ma']) {
    const seen = await call(key, 'minutes', 'get', { meetingId: 'm-city-held' });
    if (seen.status === 200) expect({ key, offered: seen.json.data.allowedActions.includes(CHASE) }).toEqual({ key, offered: false });
    expect({ key, code: codeOf(await call(key, 'notify', 'chase', { subject: 'minutes', id: 'm-city-held' })) }).toEqual({ key, code: 'forbidden' });
  }
  const chased = await ok('city-gov-office', 'notify', 'chase', { subject: 'minutes', id: 'm-city-held' });
  expect([...chased.chased].sort()).toEqual(['刘海燕', '李秀梅'].sort());
  const inbox = ((await ok('city-union-chair', 'notify', 'inbox', {})).items as any[]).filter((i) => i.milestone === 'chase' && i.subjectId === 'm-city-held');
  expect(inbox).toHaveLength(1);
  expect(inbox[0]).toMatchObject({ title: '催办：会议纪要待您审核', link: '/pages/minutes/index?meetingId=m-city-held' });
  const again = await call('city-union-office', 'notify', 'chase', { subject: 'minutes', id: 'm-city-held' });
  expect(again.json.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^今天已催办过（赵敏 10:00）/) });
  // minutes not in review (the last meeting's are issued): not offered, refused
  expect((await ok('city-union-office', 'minutes', 'get', { meetingId: 'm-city-last' })).allowedActions).not.toContain(CHASE);
  expect(codeOf(await call('city-union-office', 'notify', 'chase', { subject: 'minutes', id: 'm-city-last' }))).toBe('invalid_transition');
});
