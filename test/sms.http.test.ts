/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #20 (7), the strong channel over HTTP with SMS_PROVIDER=dev (the recording stand-in) and a
// daily cap of 2: a person with no subscription gets the overdue notice and 催办 by SMS; the third
// strong message of the day is held back by the cap (the inbox still has it), the next day goes; a
// person WeChat reaches gets no SMS; quiet hours hold the SMS until 08:00; the number is masked in
// the outbox and stored nowhere with the message.
import { fromCN } from '../domain';
import { httpCaller, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
let ok: Ok;
const saved = { provider: process.env.SMS_PROVIDER, cap: process.env.SMS_DAILY_CAP };

const tick = async () => {
  const res = await fetch(`${host.url}api/dev/tick`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return ((await res.json()) as any).data;
};
const at = (date: string, time: string) => host.clock.set(new Date(fromCN(date, time)));
const sms = async (personId: string): Promise<any[]> => ((await host.get('/api/dev/outbox')).json.data as any[]).filter((e) => e.channel === 'sms' && e.personId === personId);

beforeAll(async () => {
  process.env.SMS_PROVIDER = 'dev';
  process.env.SMS_DAILY_CAP = '2';
  host = await startTestHost();
  ({ ok } = httpCaller(host));
});
afterAll(async () => {
  await host.stop();
  for (const [k, v] of [['SMS_PROVIDER', saved.provider], ['SMS_DAILY_CAP', saved.cap]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

it('a person with no subscription gets the overdue notice and 催办 by SMS, within the daily cap', async () => {
  await ok('city-gov-office', 'people', 'update', { personId: 'city-hrss', phone: '13812345678' });
  const extra = await ok('city-union-office', 'task', 'assign', { decisionId: 'm-city-last_d1', title: '开展补贴政策进企业宣讲', ownerId: 'city-hrss', deadline: '2026-12-31' });
  const extraId = extra.id ?? extra.task?.id;
  // task-last-1 (孙立新) is due 11-28: overdue at 08:00 on the 29th
  at('2026-11-29', '08:05');
  await tick();
  await tick();
  let mine = await sms('city-hrss');
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ to: '138****5678' });
  expect(mine[0].text).toMatch(/^落实任务已逾期：.*详见联席会议小程序$/);
  expect([...mine[0].text].length).toBeLessThanOrEqual(70);
  await ok('city-union-office', 'notify', 'chase', { subject: 'task', id: 'task-last-1' });
  expect(await sms('city-hrss')).toHaveLength(2);
  // the third strong message today: over the cap — the inbox has it, no SMS
  await ok('city-union-office', 'notify', 'chase', { subject: 'task', id: extraId });
  expect(await sms('city-hrss')).toHaveLength(2);
  const inbox = (await ok('city-hrss', 'notify', 'inbox', {})).items as any[];
  expect(inbox.filter((i) => i.milestone === 'chase')).toHaveLength(2);
  const capped = (await host.store.find<any>('sms', { personId: 'city-hrss', state: 'skipped' }, { limit: 10 })).items;
  expect(capped.map((r) => r.reason)).toEqual(['daily_cap']);
  // the next day is a new day
  at('2026-11-30', '10:00');
  await ok('city-union-office', 'notify', 'chase', { subject: 'task', id: extraId });
  mine = await sms('city-hrss');
  expect(mine).toHaveLength(3);
  // the number is never stored with the message
  const rows = (await host.store.find<any>('sms', { personId: 'city-hrss' }, { limit: 10 })).items;
  expect(JSON.stringify(rows)).not.toContain('13812345678');
});

it('WeChat first: a person it reaches gets no SMS; quiet hours hold the SMS until 08:00', async () => {
  await ok('city-gov-office', 'people', 'update', { personId: 'city-housing', phone: '13900001111' });
  await ok('city-housing', 'notify', 'recordConsent', { results: { chase: 'accept' } });
  at('2026-12-01', '10:00');
  await ok('city-union-office', 'notify', 'chase', { subject: 'task', id: 'task-last-2' });
  expect(await sms('city-housing')).toHaveLength(0); // WeChat took it (one credit)
  at('2026-12-01', '23:00');
  // no credit left: the next day's chase at 23:00… waits for 08:00
  at('2026-12-02', '23:00');
  await ok('city-union-office', 'notify', 'chase', { subject: 'task', id: 'task-last-2' });
  expect(await sms('city-housing')).toHaveLength(0);
  at('2026-12-03', '08:05');
  await tick();
  await tick();
  const mine = await sms('city-housing');
  expect(mine).toHaveLength(1);
  expect(mine[0].at >= fromCN('2026-12-03', '08:00')).toBe(true);
});
