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
  expect(await deliver(world.store, [draft(), draft()], world.now)).toBe(1);
  expect(await deliver(world.store, [draft()], world.now)).toBe(0);
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
