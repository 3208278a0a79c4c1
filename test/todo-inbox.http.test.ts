/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #20 (1) and (2), over HTTP: every message is checked at the moment it is sent — a notice
// held overnight by quiet hours is voided when the person has replied meanwhile (no WeChat send, no
// credit spent), "明天开会" never goes out once the meeting day has come — and the inbox is a to-do
// list: the action a message asked for closes it for everyone it asked, with who acted and when,
// and home's 待办 count falls.
import { fromCN } from '../domain';
import { httpCaller, meetingWithNotice, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
let ok: Ok;

const devPost = async (path: string, body: unknown = {}) => {
  const res = await fetch(`${host.url}api/dev/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as any;
};
const tick = async () => (await devPost('tick')).data as { fired: number; voided: number; sent: number };
const outbox = async (): Promise<any[]> => (await host.get('/api/dev/outbox')).json.data;
const at = (date: string, time: string) => host.clock.set(new Date(fromCN(date, time)));
const inbox = async (key: string) => ok(key, 'notify', 'inbox', {});
const items = async (key: string, milestone: string, subjectId?: string) =>
  ((await inbox(key)).items as any[]).filter((i) => i.milestone === milestone && (!subjectId || i.subjectId === subjectId));
const todo = async (key: string) => (await ok(key, 'account', 'home', {})).counts.todo as number;

beforeAll(async () => {
  host = await startTestHost();
  ({ ok } = httpCaller(host));
});
afterAll(() => host.stop());

let meetingId: string;

it('a notice held by quiet hours is void at 08:00 when the person replied overnight: no send, no credit spent', async () => {
  await ok('city-rep-ma', 'notify', 'recordConsent', { results: { meeting_notice: 'accept' } });
  await ok('city-rep-guo', 'notify', 'recordConsent', { results: { meeting_notice: 'accept' } });
  at('2026-11-30', '23:00');
  meetingId = await meetingWithNotice(ok, {
    title: '职工技能培训专题会议', plannedAt: fromCN('2026-12-20', '09:30'), docNumber: '巴政办字〔2026〕201号',
    gov: ['city-gov-leader', 'city-hrss'], union: ['city-union-chair', 'city-rep-ma', 'city-rep-guo'],
  });
  expect((await outbox()).filter((e) => e.templateKey === 'meeting_notice')).toHaveLength(0); // held until 08:00
  const [notice] = await items('city-rep-ma', 'meeting_notice', meetingId);
  expect(notice).toMatchObject({ needsAction: true });
  expect(notice.doneAt).toBeUndefined();
  const before = await todo('city-rep-ma');
  at('2026-11-30', '23:30');
  await ok('city-rep-ma', 'meeting', 'reply', { meetingId, answer: 'attend' });
  expect(await todo('city-rep-ma')).toBe(before - 1);
  const [closed] = await items('city-rep-ma', 'meeting_notice', meetingId);
  expect(closed).toMatchObject({ needsAction: true, doneByName: '马春花', handled: true });
  expect(closed.doneAt).toBeTruthy();
  // 郭振华 has not replied: his notice is still open
  expect((await items('city-rep-guo', 'meeting_notice', meetingId))[0].doneAt).toBeUndefined();

  at('2026-12-01', '08:05');
  await tick();
  await tick();
  const sent = (await outbox()).filter((e) => e.templateKey === 'meeting_notice');
  expect(sent.map((e) => e.personId)).toEqual(['city-rep-guo']);
  const subs = await ok('city-rep-ma', 'notify', 'subscriptions', {});
  expect(subs.items.find((i: any) => i.templateKey === 'meeting_notice').credits).toBe(1); // not spent
  // 只看待办: exactly the open ones, as many as home's 待办
  const open = await ok('city-rep-guo', 'notify', 'inbox', { todoOnly: true });
  expect(open.items.length).toBe(open.todo);
  expect(open.items.every((i: any) => i.needsAction && !i.doneAt)).toBe(true);
  expect(open.items.map((i: any) => i.milestone)).toContain('meeting_notice');
  expect(await todo('city-rep-guo')).toBe(open.todo);
});

it('"明天开会" and 请回复 never go out after the fact: a tick that comes late on the meeting day fires nothing', async () => {
  // nobody ticked on 12-17 (reply reminder) or 12-19 18:00 (the eve): the first tick is on the day
  at('2026-12-20', '08:00');
  const r = await tick();
  expect(r.voided).toBeGreaterThanOrEqual(2); // the reply reminder and the eve, void
  expect(await items('city-rep-ma', 'meeting_tomorrow', meetingId)).toHaveLength(0);
  expect(await items('city-rep-guo', 'reply_reminder', meetingId)).toHaveLength(0);
});
