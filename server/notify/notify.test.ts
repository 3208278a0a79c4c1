// Notifications are delivered once per (subject, milestone, recipient, due time / occurrence).
import { openWorld, type World } from '../../test/support/world';
import { deliver, notificationKey, type NotificationDraft } from './notify';
import { localTemplateConfigs, recordConsent, SubscriptionChannel, type DeliveryDoc, type SendRequest } from './subscriptions';
import type { OutboxDoc } from './outbox';

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());
beforeEach(() => world.reset());

const draft = (over: Partial<NotificationDraft> = {}): NotificationDraft => ({
  recipientId: 'city-rep-ma', orgId: 'city', milestone: 'topic_returned', subject: { type: 'topic', id: 't1' },
  title: '您的议题被退回', body: '理由：请补充数据', link: '/pages/topic/detail/index?id=t1', occurrence: 2, ...over,
});

it('a retried delivery of the same milestone lands once', async () => {
  expect(await deliver(world.store, [draft(), draft()], world.now)).toMatchObject({ sent: 1, failed: 0 });
  expect(await deliver(world.store, [draft()], world.now)).toMatchObject({ sent: 0, failed: 0 });
  expect(await world.store.count('notifications', { recipientId: 'city-rep-ma' })).toBe(1);
});

it('a topic returned a second time is a new message; a rescheduled reminder gets a new key', async () => {
  await deliver(world.store, [draft(), draft({ occurrence: 4 })], world.now);
  expect(await world.store.count('notifications', { recipientId: 'city-rep-ma' })).toBe(2);
  expect(notificationKey(draft({ dueAt: '2027-01-27T01:30:00.000Z' }))).not.toBe(notificationKey(draft({ dueAt: '2027-02-03T01:30:00.000Z' })));
});

it('every delivered message also goes to the other channels, once', async () => {
  const sent: string[] = [];
  const channel = { name: 'test', deliver: async (n: { title: string }) => void sent.push(n.title) };
  await deliver(world.store, [draft()], world.now, [channel]);
  await deliver(world.store, [draft()], world.now, [channel]);
  expect(sent).toEqual(['您的议题被退回']);
});

it('a channel failing for one recipient stops delivery to no one else', async () => {
  const sent: string[] = [];
  const channel = {
    name: 'flaky',
    deliver: async (n: { recipientId: string }) => {
      if (n.recipientId === 'city-rep-ma') throw Object.assign(new Error('43101'), { errCode: 43101 });
      sent.push(n.recipientId);
    },
  };
  const result = await deliver(world.store, [draft(), draft({ recipientId: 'city-hrss', orgId: 'city' })], world.now, [channel]);
  expect(result).toMatchObject({ sent: 2, failed: 0 });
  expect(sent).toEqual(['city-hrss']);
  // the inbox has both, whatever the channel did
  expect(await world.store.count('notifications', { subjectId: 't1' })).toBe(2);
});

it('an inbox write failing for one recipient leaves the others delivered and reports it', async () => {
  const store = world.store;
  const original = store.insert.bind(store);
  store.insert = (async (c: string, doc: { recipientId?: string }) => {
    if (c === 'notifications' && doc.recipientId === 'city-rep-ma') throw new Error('connection reset');
    return original(c, doc as never);
  }) as typeof store.insert;
  try {
    const result = await deliver(store, [draft(), draft({ recipientId: 'city-hrss', orgId: 'city' })], world.now);
    expect(result).toMatchObject({ sent: 1, failed: 1 });
  } finally {
    store.insert = original;
  }
  expect(await world.store.count('notifications', { recipientId: 'city-hrss' })).toBe(1);
});

// Issue #17, item 9: each channel of a message has its own durable state, written with the message
// and resumed after a crash; a WeChat send is claimed before it is made and settled after.
describe('crash safety of the subscription channel', () => {
  const sends: string[] = [];
  const sender = { requiresOpenid: false, send: async (req: SendRequest) => void sends.push(`${req.personId}:${req.templateKey}`) };
  let channel: SubscriptionChannel;
  beforeEach(async () => {
    sends.length = 0;
    channel = new SubscriptionChannel(world.store, sender, localTemplateConfigs(), () => undefined);
    await recordConsent(world.store, 'city-rep-ma', { topic_result: 'accept' }, world.now);
  });
  const deliveryOf = (d: NotificationDraft) => world.store.get<DeliveryDoc>('deliveries', notificationKey(d));

  it('a crash between the inbox row and the WeChat send loses nothing: the next delivery resumes it, once', async () => {
    // the process dies right after the inbox row: the channel never runs
    const dying = { name: channel.name, prepare: channel.prepare.bind(channel), deliver: async () => { throw new Error('process killed'); } };
    await deliver(world.store, [draft()], world.now, [dying]);
    expect(await world.store.count('notifications', { recipientId: 'city-rep-ma' })).toBe(1);
    expect((await deliveryOf(draft()))?.state).toBe('queued');
    expect(sends).toEqual([]);
    // the sweep delivers the outbox entry again: the inbox row is there, the channel resumes
    await deliver(world.store, [draft()], world.now, [channel]);
    await deliver(world.store, [draft()], world.now, [channel]);
    expect(sends).toEqual(['city-rep-ma:topic_result']);
    expect((await deliveryOf(draft()))?.state).toBe('sent');
  });

  it('a crash between the delivery row and the inbox row leaves both channels to finish, each once', async () => {
    const store = world.store;
    const original = store.insert.bind(store);
    store.insert = (async (c: string, doc: never) => {
      if (c === 'notifications') throw new Error('process killed');
      return original(c, doc);
    }) as typeof store.insert;
    try {
      expect(await deliver(store, [draft()], world.now, [channel])).toMatchObject({ failed: 1 });
    } finally {
      store.insert = original;
    }
    expect((await deliveryOf(draft()))?.state).toBe('queued'); // recorded before the inbox row
    await deliver(store, [draft()], world.now, [channel]);
    expect(await store.count('notifications', { recipientId: 'city-rep-ma' })).toBe(1);
    expect(sends).toEqual(['city-rep-ma:topic_result']);
  });

  it('a send is claimed before WeChat is called: a crash after the call is settled as unknown, never sent again, and shown on 消息提醒', async () => {
    const store = world.store;
    const original = store.update.bind(store);
    // the process dies after WeChat answered, before the delivery is settled
    store.update = (async (c: string, id: string, v: number, patch: { state?: string }) => {
      if (c === 'deliveries' && patch.state === 'sent') throw new Error('process killed');
      return original(c, id, v, patch as never);
    }) as typeof store.update;
    try {
      await deliver(store, [draft()], world.now, [channel]).catch(() => undefined);
    } finally {
      store.update = original;
    }
    expect(sends).toHaveLength(1);
    const claimed = await deliveryOf(draft());
    expect(claimed?.state).toBe('sending');
    // a retry of the outbox and an early tick do not send it again
    await deliver(store, [draft()], world.now, [channel]);
    await channel.flush(world.now);
    expect(sends).toHaveLength(1);
    // past the claim's timeout the tick settles it as unknown
    const later = new Date(world.now.getTime() + 3 * 60_000);
    expect(await channel.flush(later)).toMatchObject({ unknown: 1 });
    expect((await deliveryOf(draft()))?.state).toBe('unknown');
    expect(sends).toHaveLength(1);
    const view = await world.call('notify', 'subscriptions', {}, 'city-rep-ma');
    expect(view.envelope).toMatchObject({ ok: true, data: { uncertain: [{ templateKey: 'topic_result', title: expect.any(String) }] } });
  });
});

it('issue #17: the reminders tick delivers messages a crash stranded in the outbox (issue #20: those still needed)', async () => {
  const { dispatch } = await import('../kit/router');
  const { areaByName } = await import('../../test/support/world');
  const old = new Date(world.now.getTime() - 5 * 60_000).toISOString();
  // 周文博's seeded task is still open and overdue; task-x is gone — its message is no longer needed
  const open = draft({ milestone: 'task_overdue', subject: { type: 'task', id: 'task-last-2' }, recipientId: 'city-housing', occurrence: 1 });
  const gone = draft({ milestone: 'task_overdue', subject: { type: 'task', id: 'task-x' } });
  const entry = await world.store.insert<OutboxDoc>('outbox', { action: 'reminders.tick', drafts: [open, gone], createdAt: old, state: 'pending' });
  const res = await dispatch(areaByName('reminders'), { action: 'tick', payload: {} }, {}, world.rt, { kind: 'system', name: 'tick' });
  expect(res.envelope.ok).toBe(true);
  expect((await world.store.get<OutboxDoc>('outbox', entry._id))?.state).toBe('done');
  expect(await world.store.get('notifications', notificationKey(open))).toBeTruthy();
  expect(await world.store.count('notifications', { subjectId: 'task-x' })).toBe(0);
});
