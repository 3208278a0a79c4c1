/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #20 (5), 催办 over HTTP: the keeping office chases a task's owner, an invitee who has not
// replied and the minutes' approvers with one tap; each reaches the person's inbox and WeChat (催办通知,
// with consent); a second chase of the same subject and person the same day is refused with a clear
// message, the next day it goes again; only the keeping office may chase a task.
import { fromCN } from '../domain';
import { httpCaller, meetingWithNotice, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
let ok: Ok;
let call: ReturnType<typeof httpCaller>['call'];

const outbox = async (): Promise<any[]> => (await host.get('/api/dev/outbox')).json.data;
const at = (date: string, time: string) => host.clock.set(new Date(fromCN(date, time)));
const chases = async (key: string, subjectId: string) =>
  ((await ok(key, 'notify', 'inbox', {})).items as any[]).filter((i) => i.milestone === 'chase' && i.subjectId === subjectId);

beforeAll(async () => {
  host = await startTestHost();
  ({ ok, call } = httpCaller(host));
});
afterAll(() => host.stop());

it('chases a task once a day: inbox and WeChat; the second the same day is refused, the next day goes', async () => {
  await ok('city-housing', 'notify', 'recordConsent', { results: { chase: 'accept' } });
  at('2026-11-24', '10:00');
  const first = await ok('city-union-office', 'notify', 'chase', { subject: 'task', id: 'task-last-2' });
  expect(first.chased).toEqual(['周文博']);
  expect(await chases('city-housing', 'task-last-2')).toHaveLength(1);
  expect((await outbox()).filter((e) => e.personId === 'city-housing' && e.templateKey === 'chase')).toHaveLength(1);
  at('2026-11-24', '16:00');
  const again = await call('city-union-office', 'notify', 'chase', { subject: 'task', id: 'task-last-2' });
  expect(again.status).toBe(429);
  expect(again.json.error.message).toMatch(/今天已催办过.*陈晓丽 10:00.*请明天再试/);
  expect(await chases('city-housing', 'task-last-2')).toHaveLength(1);
  at('2026-11-25', '09:00');
  const second = await ok('city-union-office', 'notify', 'chase', { subject: 'task', id: 'task-last-2' });
  expect(await chases('city-housing', 'task-last-2')).toHaveLength(2);
  // recorded: the subject's 催办 timeline, newest first
  expect(second.history).toEqual([
    { personName: '周文博', byName: '陈晓丽', at: fromCN('2026-11-25', '09:00') },
    { personName: '周文博', byName: '陈晓丽', at: fromCN('2026-11-24', '10:00') },
  ].map((h) => ({ ...h, at: expect.stringMatching(new RegExp(`^${h.at.slice(0, 16)}`)) })));
  // the task's keeper is the union office; the government office may not chase it; a done task is not chased
  expect((await call('city-gov-office', 'notify', 'chase', { subject: 'task', id: 'task-last-2' })).json.error.code).toBe('forbidden');
  expect((await call('city-union-office', 'notify', 'chase', { subject: 'task', id: 'task-last-3' })).json.error.code).toBe('invalid_transition');
  expect((await call('city-hrss', 'notify', 'chase', { subject: 'task', id: 'task-last-2' })).json.error.code).toBe('forbidden');
});

it('chases an invitee who has not replied, not one who has; and the approvers the minutes wait for', async () => {
  at('2026-11-25', '10:00');
  const meetingId = await meetingWithNotice(ok, {
    title: '催办测试专题会议', plannedAt: fromCN('2026-12-22', '09:30'), docNumber: '巴政办字〔2026〕301号',
    gov: ['city-gov-leader'], union: ['city-union-chair', 'city-rep-ma', 'city-rep-guo'],
  });
  await ok('city-rep-ma', 'meeting', 'reply', { meetingId, answer: 'attend' });
  expect((await call('city-union-office', 'notify', 'chase', { subject: 'reply', id: meetingId, personId: 'city-rep-ma' })).json.error.message).toMatch(/已回复/);
  await ok('city-union-office', 'notify', 'chase', { subject: 'reply', id: meetingId, personId: 'city-rep-guo' });
  const [msg] = await chases('city-rep-guo', meetingId);
  expect(msg).toMatchObject({ title: '催办：请回复是否参会', needsAction: false });
  expect((await call('city-gov-office', 'notify', 'chase', { subject: 'reply', id: meetingId, personId: 'city-rep-guo' })).status).toBe(429);
  // minutes not in review: nothing to chase
  expect((await call('city-union-office', 'notify', 'chase', { subject: 'minutes', id: meetingId })).json.error.code).toBe('invalid_transition');
});
