// Issue #7, the server's part: home shows the opinion round (征求意见) to the other side, the
// proposal sides a person may use, and a message about a step that is done reads as handled.
import { SAMPLE_TOPIC, worldPerFile, type World } from './support/world';

const files = worldPerFile();
let world: World;
beforeEach(() => {
  world = files.current;
});

const TOPIC = SAMPLE_TOPIC;
const data = <T>(r: { envelope: unknown }) => (r.envelope as { data: T }).data;
type Home = { counts: { opinions: number | null; queue: number | null }; allowedActions: string[]; proposal: { sides: string[]; leadSides: string[] } };

it('offers a person only the sides they may propose for (Art. 6)', async () => {
  expect(data<Home>(await world.call('account', 'home', {}, 'city-rep-ma')).proposal).toEqual({ sides: ['union'], leadSides: ['union'] });
  expect(data<Home>(await world.call('account', 'home', {}, 'city-hrss')).proposal).toEqual({ sides: ['gov', 'joint'], leadSides: ['gov'] });
  expect(data<Home>(await world.call('account', 'me', {}, 'city-gov-leader')).proposal).toEqual({ sides: [], leadSides: [] });
});

it('counts the other side\'s accepted topics waiting for my side\'s opinion, and lists them', async () => {
  const id = data<{ id: string }>(await world.call('topic', 'submit', TOPIC, 'city-rep-ma')).id;
  await world.call('topic', 'accept', { id }, 'city-union-office');
  const gov = data<Home>(await world.call('account', 'home', {}, 'city-gov-convenor'));
  expect(gov.counts.opinions).toBe(1);
  expect(gov.allowedActions).toContain('topic.addOpinion');
  expect(data<Home>(await world.call('account', 'home', {}, 'city-union-convenor')).counts.opinions).toBe(0);
  expect(data<Home>(await world.call('account', 'home', {}, 'city-rep-ma')).counts.opinions).toBeNull();
  const list = data<{ items: Array<{ id: string }> }>(await world.call('topic', 'list', { scope: 'opinions', meetingId: 'm-city-current' }, 'city-gov-office'));
  expect(list.items.map((t) => t.id)).toEqual([id]);
  await world.call('topic', 'addOpinion', { id, text: '同意列入，建议补充资金测算。' }, 'city-gov-office');
  expect(data<Home>(await world.call('account', 'home', {}, 'city-gov-convenor')).counts.opinions).toBe(0);
  const refused = await world.call('topic', 'list', { scope: 'opinions', meetingId: 'm-city-current' }, 'city-rep-ma');
  expect(refused.status).toBe(403);
});

it('marks the office\'s 新议题待审核 message handled once the topic is screened', async () => {
  const id = data<{ id: string }>(await world.call('topic', 'submit', TOPIC, 'city-rep-ma')).id;
  type Inbox = { items: Array<{ milestone: string; handled: boolean; read: boolean }>; unread: number };
  const before = data<Inbox>(await world.call('notify', 'inbox', {}, 'city-union-office'));
  expect(before.items.find((i) => i.milestone === 'topic_submitted')).toMatchObject({ handled: false, read: false });
  await world.call('topic', 'accept', { id }, 'city-union-office');
  const after = data<Inbox>(await world.call('notify', 'inbox', {}, 'city-union-office'));
  expect(after.items.find((i) => i.milestone === 'topic_submitted')).toMatchObject({ handled: true, read: true });
  expect(after.unread).toBe(before.unread - 1);
});

// Issue #20: the inbox is a to-do list; home's 待办 is the number of open ones.
it('counts open to-dos on home; an opinion given by the office closes its request for everyone asked', async () => {
  type HomeTodo = { counts: { todo?: number } };
  type Inbox = { items: Array<{ milestone: string; needsAction: boolean; doneAt?: string; doneByName?: string }>; todo: number };
  const id = data<{ id: string }>(await world.call('topic', 'submit', TOPIC, 'city-rep-ma')).id;
  const office = data<HomeTodo>(await world.call('account', 'home', {}, 'city-union-office')).counts.todo ?? 0;
  await world.call('topic', 'accept', { id }, 'city-union-office');
  expect(data<HomeTodo>(await world.call('account', 'home', {}, 'city-union-office')).counts.todo).toBe(office - 1);
  const gov = data<Inbox>(await world.call('notify', 'inbox', {}, 'city-gov-office'));
  expect(gov.items.find((i) => i.milestone === 'opinion_requested')).toMatchObject({ needsAction: true });
  expect(data<HomeTodo>(await world.call('account', 'home', {}, 'city-gov-office')).counts.todo).toBe(gov.todo);
  await world.call('topic', 'addOpinion', { id, text: '同意列入。' }, 'city-gov-office');
  const after = data<Inbox>(await world.call('notify', 'inbox', {}, 'city-gov-office'));
  expect(after.items.find((i) => i.milestone === 'opinion_requested')).toMatchObject({ needsAction: true, doneByName: '赵敏' });
  expect(after.todo).toBe(gov.todo - 1);
});
