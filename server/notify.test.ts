// Notifications are delivered once per (subject, milestone, recipient, due time / occurrence).
import { openWorld, type World } from '../test/support/world';
import { deliver, notificationKey, type NotificationDraft } from './notify';

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
