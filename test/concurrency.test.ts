// Races a person can cause with a double tap or two people at once: every one ends with one
// consistent record, never two, never a lost write.
import { makeMeeting, makeTopic, MEETING } from './support/action-examples';
import { openWorld, type World } from './support/world';

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());
beforeEach(() => world.reset());

const submitPayload = {
  meetingId: MEETING.city, side: 'union', category: 'worker_concerns', title: '关于职工子女托育服务的建议',
  background: '双职工家庭托育需求大，公办托位不足三成。', research: '对五家企业八百名职工开展调研，七成有托育需求。', request: '建议在产业园区建设工会爱心托育点。',
};

it('a double tap with one idempotency key stores one topic', async () => {
  const key = 'form-1732400000-abc';
  const results = await Promise.all([1, 2, 3].map(() => world.call('topic', 'submit', submitPayload, 'city-rep-ma', key)));
  expect(await world.store.count('topics', { createdBy: 'city-rep-ma' })).toBe(1);
  const oks = results.filter((r) => r.envelope.ok);
  // issue #17: the taps after the first wait for its answer: three equal answers
  expect(oks).toHaveLength(3);
  for (const r of results) expect(JSON.stringify(r.envelope)).toBe(JSON.stringify(results[0].envelope));
  // afterwards the key replays the stored answer
  const replay = await world.call('topic', 'submit', submitPayload, 'city-rep-ma', key);
  expect(replay.envelope).toEqual(oks[0].envelope);
});

it('both sides confirming at the same moment fix the list exactly once', async () => {
  const t = await makeTopic(world, 'city', { status: 'accepted' });
  await world.call('topic', 'noOpinion', { topicId: t._id }, 'city-gov-office'); // Art. 6 征求意见 (issue #16)
  const [gov, union] = await Promise.all([
    world.call('topic', 'confirmList', { meetingId: MEETING.city }, 'city-gov-convenor'),
    world.call('topic', 'confirmList', { meetingId: MEETING.city }, 'city-union-chair'),
  ]);
  expect(gov.envelope.ok && union.envelope.ok).toBe(true);
  const meeting = await world.store.get<{ _id: string; version: number; status: string; topicList: Record<string, unknown>; agenda: string[] }>('meetings', MEETING.city);
  expect(meeting?.status).toBe('list_fixed');
  expect(Object.values(meeting!.topicList).every(Boolean)).toBe(true);
  expect(meeting?.agenda).toHaveLength(1);
  expect(await world.store.count('notifications', { milestone: 'topic_list_fixed', recipientId: 'city-gov-office' })).toBe(1);
});

it('two screenings of one topic at once: one wins, the other is told, history has one entry', async () => {
  const t = await makeTopic(world, 'city', { side: 'gov' });
  const [a, b] = await Promise.all([
    world.call('topic', 'accept', { id: t._id }, 'city-gov-office'),
    world.call('topic', 'return', { id: t._id, reason: '请补充数据' }, 'city-gov-office'),
  ]);
  const codes = [a, b].map((r) => (r.envelope.ok ? 'ok' : r.envelope.error.code)).sort();
  expect(codes[1]).toBe('ok');
  expect(['conflict', 'invalid_transition']).toContain(codes[0]);
  const stored = await world.store.get<{ _id: string; version: number; history: unknown[] }>('topics', t._id);
  expect(stored?.history).toHaveLength(1);
});

it('issue #17: a reply whose meeting starts between its check and its commit is refused, changing nothing', async () => {
  const m = await makeMeeting(world, 'city', 'notice_issued', { invite: ['city-rep-ma'], today: true, presiding: 'city-gov-leader' });
  const store = world.store;
  const original = store.transaction.bind(store);
  let started: Awaited<ReturnType<World['call']>> | null = null;
  // the reply has been authorised (the meeting accepts replies); the start commits before the reply's transaction
  store.transaction = (async (fn: never) => {
    if (!started) {
      store.transaction = original;
      started = await world.call('meeting', 'start', { meetingId: m._id }, 'city-union-office');
    }
    return original(fn);
  }) as typeof store.transaction;
  let reply;
  try {
    reply = await world.call('meeting', 'reply', { meetingId: m._id, answer: 'attend' }, 'city-rep-ma');
  } finally {
    store.transaction = original;
  }
  expect(started!.envelope.ok).toBe(true);
  expect(reply.envelope).toMatchObject({ ok: false, error: { code: 'conflict' } });
  const inv = (await store.find<{ _id: string; version: number; meetingId: string; answered?: boolean }>('invitations', { meetingId: m._id }, { limit: 5 })).items;
  expect(inv.every((i) => !i.answered)).toBe(true);
});

it('issue #17: reply and start tapped at once — a reply either lands before the start or not at all', async () => {
  for (let i = 0; i < 5; i += 1) {
    const m = await makeMeeting(world, 'city', 'notice_issued', { invite: ['city-rep-ma'], today: true, presiding: 'city-gov-leader' });
    const [reply, start] = await Promise.all([
      world.call('meeting', 'reply', { meetingId: m._id, answer: 'attend' }, 'city-rep-ma'),
      world.call('meeting', 'start', { meetingId: m._id }, 'city-union-office'),
    ]);
    expect(start.envelope.ok).toBe(true);
    const inv = (await world.store.find<{ _id: string; version: number; repliedAt?: string }>('invitations', { meetingId: m._id }, { limit: 5 })).items[0];
    const startedAt = (await world.store.get<{ _id: string; version: number; startedAt?: string; status: string }>('meetings', m._id))!;
    expect(startedAt.status).toBe('in_session');
    if (reply.envelope.ok) expect(inv.repliedAt).toBeDefined();
    else expect(inv.repliedAt).toBeUndefined();
  }
});
