/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents are checked by the tests */
// Issue #20, "checked at the moment it is sent" on the late path: a message whose delivery a crash
// cut off is delivered by the sweep minutes (or hours) later. By then its subject may no longer need
// it — here the invitee replied in between — and it must then be void on every channel, as a
// message the tick fires late is: no inbox row (so no open to-do for something already done), no
// WeChat message, no credit spent, no SMS. The one still needed (the other invitee has not replied)
// is delivered as usual. The crash falls between the channels' rows and the inbox row (issue #17's
// order), so the check must hold both where the sweep writes the inbox and where a channel sends
// from its own row without one.
import { fromCN } from '../domain';
import { dispatch } from '../server/kit/router';
import type { Runtime } from '../server/kit/runtime';
import type { OutboxDoc } from '../server/notify/outbox';
import { notificationKey } from '../server/notify/notify';
import { SmsChannel, type SmsDoc } from '../server/notify/sms';
import { localTemplateConfigs, SubscriptionChannel, type DeliveryDoc, type SubscriptionDoc } from '../server/notify/subscriptions';
import { DevOutbox } from '../server/platform/local/dev-outbox';
import { findAll } from '../server/store/port';
import { areaByName, openWorld, type World } from './support/world';

const MEETING = 'm-city-special'; // notice issued, 13 days ahead
const REPLIED = 'city-union-rights'; // 郑丽娟: invited, then replies before the sweep
const WAITING = 'city-union-convenor'; // 刘海燕: invited, has not replied

let world: World;
let rt: Runtime;
let sent: DevOutbox;

beforeAll(async () => {
  world = await openWorld();
  sent = new DevOutbox({ now: () => world.now });
  rt = { ...world.rt, channels: [new SubscriptionChannel(world.store, sent, localTemplateConfigs(), world.rt.log), new SmsChannel(world.store, sent.sms, 3, world.rt.log)] };
});
afterAll(() => world.close());

const as = (person: string, area: string, action: string, payload: unknown) => dispatch(areaByName(area), { action, payload }, { asUser: person }, rt);
const system = (area: string, action: string) => dispatch(areaByName(area), { action, payload: {} }, {}, rt, { kind: 'system', name: action });
const at = (time: string) => world.setNow(new Date(fromCN('2026-11-24', time)));
const notices = (person: string) => findAll<any>(world.store, 'notifications', { recipientId: person, subjectId: MEETING, milestone: 'meeting_notice' });
const rowsOf = async <T,>(collection: string, person: string) => (await findAll<any>(world.store, collection, { personId: person })).filter((r) => r.milestone === 'meeting_notice' || r.templateKey === 'meeting_notice') as T[];

it('a notice the sweep delivers after the invitee replied is void everywhere; the one still needed goes', async () => {
  at('10:00');
  for (const p of [REPLIED, WAITING]) {
    expect((await as(p, 'notify', 'recordConsent', { results: { meeting_notice: 'accept' } })).status).toBe(200);
    const u = (await world.store.get<any>('users', p))!;
    await world.store.update('users', p, u.version, { phone: p === REPLIED ? '13800000001' : '13800000002' });
  }

  // invited after the notice: each gets the notice at once — but the process dies before the inbox rows
  const store = world.store;
  const insert = store.insert.bind(store);
  store.insert = (async (c: string, doc: never) => {
    if (c === 'notifications') throw new Error('process killed');
    return insert(c, doc);
  }) as typeof store.insert;
  process.env.QUIET_ERRORS = '1';
  try {
    const res = await as('city-union-office', 'meeting', 'invite', { meetingId: MEETING, invitees: [{ personId: REPLIED, category: 'department' }, { personId: WAITING, category: 'leader' }] });
    expect(res.status).toBe(200);
  } finally {
    store.insert = insert;
    delete process.env.QUIET_ERRORS;
  }
  expect(await store.count('outbox', { state: 'pending' })).toBe(1);
  // the channels' rows were written before the inbox rows (issue #17): queued, with what they are about
  for (const p of [REPLIED, WAITING]) {
    expect((await rowsOf<DeliveryDoc>('deliveries', p)).map((d) => [d.state, d.about?.subjectId])).toEqual([['queued', MEETING]]);
    expect((await rowsOf<SmsDoc>('sms', p)).map((d) => d.state)).toEqual(['queued']);
    expect(await notices(p)).toHaveLength(0);
  }

  // 郑丽娟 sees the meeting in the app and replies before the sweep comes round
  at('10:20');
  expect((await as(REPLIED, 'meeting', 'reply', { meetingId: MEETING, answer: 'attend' })).status).toBe(200);

  // the sweep, minutes later: the outbox entry is delivered — only what is still needed
  at('10:30');
  expect((await system('system', 'sweep')).envelope).toMatchObject({ ok: true, data: { redelivered: 1 } });
  const [entry] = await findAll<OutboxDoc>(store, 'outbox', {});
  expect(entry.state).toBe('done');
  // the entry says which of its messages the send-time check voided: 郑丽娟's notice, not 刘海燕's
  const recipients = new Map(entry.drafts.map((d) => [notificationKey(d), d.recipientId]));
  expect((entry.voided ?? []).map((k) => recipients.get(k))).toEqual([REPLIED]);
  expect(await notices(REPLIED)).toEqual([]); // no open 会议通知 to-do for someone who already replied
  expect((await notices(WAITING)).map((n) => [n.needsAction, n.doneAt])).toEqual([[true, null]]);
  const todo = async (p: string) => ((await as(p, 'account', 'home', {})).envelope as any).data.counts.todo;
  expect(await todo(WAITING)).toBeGreaterThanOrEqual(1);

  // the tick flushes what the channels hold: 郑丽娟's rows, left by the crash without an inbox row, are void
  at('10:40');
  expect((await system('reminders', 'tick')).status).toBe(200);
  expect(sent.list().filter((e) => e.personId === WAITING).map((e) => `${e.channel}:${e.templateKey ?? ''}`)).toEqual(['wechat:meeting_notice']);
  expect(sent.list().filter((e) => e.personId === REPLIED)).toEqual([]);
  const [delivery] = await rowsOf<DeliveryDoc>('deliveries', REPLIED);
  expect({ state: delivery.state, attempts: delivery.attempts.map((a) => a.result) }).toEqual({ state: 'void', attempts: ['void'] });
  expect((await rowsOf<SmsDoc>('sms', REPLIED)).map((s) => s.state)).toEqual(['void']);
  // her one-time consent is still there for the next message
  expect((await store.get<SubscriptionDoc>('subscriptions', `${REPLIED}:meeting_notice`))!.credits).toBe(1);
  expect((await store.get<SubscriptionDoc>('subscriptions', `${WAITING}:meeting_notice`))!.credits).toBe(0);
});
