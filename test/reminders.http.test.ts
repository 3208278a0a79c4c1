/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #10 "done when", over the local host's HTTP API on a fresh database, with a meeting taken
// to notice_issued and the seeded checklist's tasks: the eve-of-meeting reminder lands once in each
// attending invitee's inbox however many ticks run, and goes to WeChat only for the one who
// consented (spending one credit); a rescheduled meeting never fires the old eve; an overdue task
// reminds its owner once per tick window; quiet hours hold the WeChat message, never the inbox;
// 43101 empties the ledger; every keyword value fits its type.
import { fromCN, keywordFits, TEMPLATES, type TemplateKey } from '../domain';
import { httpCaller, meetingWithNotice, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';
import { DEMO_NOW } from './support/world';

let host: TestHost;
let ok: Ok;
let code: ReturnType<typeof httpCaller>['code'];

interface OutboxEntry {
  personId: string;
  templateKey: TemplateKey;
  data: Record<string, { value: string }>;
  page: string;
  at: string;
}

const devPost = async (path: string, body: unknown = {}) => {
  const res = await fetch(`${host.url}api/dev/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as any;
};
const tick = async () => {
  const res = await devPost('tick');
  expect(res.ok).toBe(true);
  return res.data as { sent: number; queued: number; fired: number; voided: number };
};
const outbox = async (): Promise<OutboxEntry[]> => (await host.get('/api/dev/outbox')).json.data;
const sentTo = async (personId: string, key: TemplateKey) => (await outbox()).filter((e) => e.personId === personId && e.templateKey === key);
const inboxOf = async (key: string, milestone: string, subjectId?: string) =>
  ((await ok(key, 'notify', 'inbox', {})).items as any[]).filter((i) => i.milestone === milestone && (!subjectId || i.subjectId === subjectId));
const credits = async (key: string, templateKey: TemplateKey) =>
  ((await ok(key, 'notify', 'subscriptions', {})).items as any[]).find((i) => i.templateKey === templateKey);
const at = (date: string, time: string) => host.clock.set(new Date(fromCN(date, time)));

beforeAll(async () => {
  host = await startTestHost();
  ({ ok, code } = httpCaller(host));
});
afterAll(() => host.stop());

let meetingId: string;

it('records consent: each accept is one credit; a refusal is kept; only the catalogue\'s keys', async () => {
  await ok('city-rep-ma', 'notify', 'recordConsent', { results: { meeting_tomorrow: 'accept' } });
  const twice = await ok('city-rep-ma', 'notify', 'recordConsent', { results: { meeting_tomorrow: 'accept', meeting_notice: 'accept' } });
  expect(twice.items.find((i: any) => i.templateKey === 'meeting_tomorrow')).toMatchObject({ credits: 2, state: 'on', stateLabel: '可送达', kind: 'one_time' });
  const refused = await ok('city-model-yang', 'notify', 'recordConsent', { results: { meeting_tomorrow: 'reject' } });
  expect(refused.items.find((i: any) => i.templateKey === 'meeting_tomorrow')).toMatchObject({ credits: 0, state: 'refused', answer: 'reject' });
  expect(await code('city-rep-ma', 'notify', 'recordConsent', { results: { not_a_template: 'accept' } })).toBe('validation_error');
  expect(await code('city-rep-ma', 'notify', 'recordConsent', { results: { meeting_tomorrow: 'maybe' } })).toBe('validation_error');
  expect(await code('city-rep-ma', 'notify', 'recordConsent', { results: {} })).toBe('validation_error');
  expect((await credits('city-rep-ma', 'meeting_tomorrow')).credits).toBe(2);
});

it('an overdue task reminds its owner once per tick window, then weekly; quiet hours hold WeChat until 08:00, never the inbox', async () => {
  await ok('city-hrss', 'notify', 'recordConsent', { results: { task_overdue: 'accept', task_due_soon: 'accept' } });
  await ok('city-hrss', 'notify', 'recordConsent', { results: { task_overdue: 'accept' } });
  // task-last-1 (孙立新) is due 2026-11-28: overdue from the 29th, reminded at 08:00
  at('2026-11-29', '08:05');
  for (let i = 0; i < 3; i += 1) await tick();
  expect(await inboxOf('city-hrss', 'task_overdue', 'task-last-1')).toHaveLength(1);
  expect(await sentTo('city-hrss', 'task_overdue')).toHaveLength(1);
  at('2026-12-02', '10:00');
  await tick();
  expect(await inboxOf('city-hrss', 'task_overdue', 'task-last-1')).toHaveLength(1);
  at('2026-12-06', '08:05');
  await tick();
  await tick();
  expect(await inboxOf('city-hrss', 'task_overdue', 'task-last-1')).toHaveLength(2);

  // 周文博 explains task-last-2 at 23:00 asking for a deadline tomorrow, approved: it is due soon at once — the
  // inbox has it from the 23:00 tick, WeChat waits for 08:00
  await ok('city-housing', 'notify', 'recordConsent', { results: { task_due_soon: 'accept' } });
  at('2026-12-06', '23:00');
  await ok('city-housing', 'task', 'explain', { taskId: 'task-last-2', explanation: '站点选址调整', opinion: '明天完成验收', newDeadline: '2026-12-07' });
  // issue #16: the new deadline is a request; the keeping office approves it at once
  await ok('city-union-office', 'task', 'decideDeadline', { taskId: 'task-last-2', approve: true });
  const late = await tick();
  expect(await inboxOf('city-housing', 'task_due_soon', 'task-last-2')).toHaveLength(1);
  expect(await sentTo('city-housing', 'task_due_soon')).toHaveLength(0);
  expect(late.queued).toBeGreaterThanOrEqual(1);
  at('2026-12-07', '07:30');
  await tick();
  expect(await sentTo('city-housing', 'task_due_soon')).toHaveLength(0);
  at('2026-12-07', '08:00');
  await tick();
  expect(await sentTo('city-housing', 'task_due_soon')).toHaveLength(1);
  expect(await inboxOf('city-housing', 'task_due_soon', 'task-last-2')).toHaveLength(1);
});

it('43101 sets the credit to zero; the inbox still has the message', async () => {
  expect((await credits('city-hrss', 'task_overdue')).credits).toBe(0); // two accepts, two sends
  await ok('city-hrss', 'notify', 'recordConsent', { results: { task_overdue: 'accept' } });
  await ok('city-hrss', 'notify', 'recordConsent', { results: { task_overdue: 'accept' } });
  expect((await credits('city-hrss', 'task_overdue')).credits).toBe(2);
  expect((await devPost('outbox/fail', { personId: 'city-hrss', errCode: 43101 })).ok).toBe(true);
  const before = (await sentTo('city-hrss', 'task_overdue')).length;
  at('2026-12-13', '08:05');
  await tick();
  expect(await inboxOf('city-hrss', 'task_overdue', 'task-last-1')).toHaveLength(3);
  expect(await sentTo('city-hrss', 'task_overdue')).toHaveLength(before);
  expect(await credits('city-hrss', 'task_overdue')).toMatchObject({ credits: 0, state: 'needs_consent', stateLabel: '需再次订阅' });
  await devPost('outbox/fail', { personId: 'city-hrss', errCode: null });
});

it('a rescheduled meeting never fires its old eve; on the new eve two ticks remind each attendee once, WeChat only with consent', async () => {
  meetingId = await meetingWithNotice(ok, {
    title: '巴彦淖尔市政府与市总工会职工权益保障专题会议', plannedAt: fromCN('2026-12-24', '09:30'), docNumber: '巴政办字〔2026〕120号',
    gov: ['city-gov-leader'], union: ['city-rep-ma', 'city-model-yang', 'city-rep-guo'],
  });
  await ok('city-rep-ma', 'meeting', 'reply', { meetingId, answer: 'attend' });
  await ok('city-model-yang', 'meeting', 'reply', { meetingId, answer: 'attend' });
  await ok('city-gov-leader', 'meeting', 'reply', { meetingId, answer: 'attend' });
  // issue #16: after the notice, a change of time is a 变更通知 under its own 文号
  await ok('city-gov-office', 'meeting', 'reschedule', { meetingId, plannedAt: fromCN('2026-12-28', '09:30'), docNumber: '巴政办字〔2026〕150号' });
  // the day moved, so everyone is asked to reply again; three do
  expect((await ok('city-rep-ma', 'meeting', 'get', { meetingId })).invitation.answer).toBeNull();
  for (const who of ['city-rep-ma', 'city-model-yang', 'city-gov-leader']) await ok(who, 'meeting', 'reply', { meetingId, answer: 'attend' });

  // the old eve: nothing about this meeting
  at('2026-12-23', '18:01');
  await tick();
  expect(await inboxOf('city-rep-ma', 'meeting_tomorrow', meetingId)).toHaveLength(0);

  // the new reply reminder (09:00 three days before) reaches only who has not replied
  at('2026-12-25', '09:05');
  await tick();
  expect(await inboxOf('city-rep-guo', 'reply_reminder', meetingId)).toHaveLength(1);
  expect(await inboxOf('city-rep-ma', 'reply_reminder', meetingId)).toHaveLength(0);

  at('2026-12-27', '18:00');
  await tick();
  at('2026-12-27', '18:10');
  await tick();
  for (const attendee of ['city-rep-ma', 'city-model-yang', 'city-gov-leader']) {
    const msgs = await inboxOf(attendee, 'meeting_tomorrow', meetingId);
    expect({ attendee, n: msgs.length, title: msgs[0]?.title, templateKey: msgs[0]?.templateKey }).toEqual({ attendee, n: 1, title: '明天开会', templateKey: 'meeting_tomorrow' });
  }
  expect(await inboxOf('city-rep-guo', 'meeting_tomorrow', meetingId)).toHaveLength(0); // not attending
  expect(await sentTo('city-rep-ma', 'meeting_tomorrow')).toHaveLength(1);
  expect(await sentTo('city-model-yang', 'meeting_tomorrow')).toHaveLength(0);
  expect((await credits('city-rep-ma', 'meeting_tomorrow')).credits).toBe(1);
  const [sent] = await sentTo('city-rep-ma', 'meeting_tomorrow');
  expect(sent.data).toMatchObject({ thing1: { value: expect.stringMatching(/^巴彦淖尔市政府与市总工会职工权益保障专.*…$/) }, time2: { value: '2026年12月28日 09:30' } });
  expect(sent.page).toBe(`pages/meeting/detail/index?id=${meetingId}`);
});

it('a task sent back after its deadline is reminded as overdue again from the next morning', async () => {
  // task-last-5 (孙立新) was waiting for verification when its deadline passed: that reminder was void
  expect(await inboxOf('city-hrss', 'task_overdue', 'task-last-5')).toHaveLength(0);
  await ok('city-union-office', 'task', 'sendBack', { taskId: 'task-last-5', reason: '请补充窗口办件台账' });
  await tick();
  expect(await inboxOf('city-hrss', 'task_overdue', 'task-last-5')).toHaveLength(0);
  at('2026-12-28', '08:05');
  await tick();
  await tick();
  expect(await inboxOf('city-hrss', 'task_overdue', 'task-last-5')).toHaveLength(1);
});

it('every value sent respects its keyword type\'s limit', async () => {
  const all = await outbox();
  expect(all.length).toBeGreaterThanOrEqual(4);
  for (const e of all) {
    for (const field of TEMPLATES[e.templateKey].fields) {
      const value = e.data[field.name]?.value ?? '';
      expect({ template: e.templateKey, field: field.name, value, fits: keywordFits(field.type, value) }).toEqual({ template: e.templateKey, field: field.name, value, fits: true });
    }
  }
  host.clock.set(DEMO_NOW);
});
