// Who sees what: the meeting-scope topic list per person, and marking messages read only ever
// touching the caller's own. The expectations are written out by hand from the rules (Art. 6, 12),
// not derived from the code under test, so a filter dropped from a query turns a test red.
import { DEMO_NOW, openWorld, type World } from './support/world';
import type { NotificationDoc } from '../server/notify/notify';
import { demoPeople } from '../server/seed';

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());

const codeOf = (res: Awaited<ReturnType<World['call']>>) => (res.envelope.ok ? 'ok' : res.envelope.error.code);
function dataOf<T>(res: Awaited<ReturnType<World['call']>>): T {
  if (!res.envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(res.envelope)}`);
  return res.envelope.data as T;
}

describe('topic.list, scope meeting: each person sees exactly what the rules let them see', () => {
  // name → topic id, filled by real actions in beforeAll
  const T: Record<string, string> = {};

  const text = {
    category: 'worker_concerns',
    background: '我市新就业形态劳动者约一万二千人，职业伤害保障覆盖不足。',
    research: '走访三家平台站点，问卷四百份，六成骑手未参保。',
    request: '建议有关部门牵头推进职业伤害保障试点。',
  };
  async function submit(name: string, by: string, meetingId: string, side: 'gov' | 'union' | 'joint', leadSide?: 'gov' | 'union') {
    const res = await world.call('topic', 'submit', { meetingId, side, ...(leadSide ? { leadSide } : {}), ...text, title: `可见性议题 ${name}` }, by);
    T[name] = dataOf<{ id: string }>(res).id;
  }
  async function act(verb: string, name: string, by: string, extra: Record<string, unknown> = {}) {
    const res = await world.call('topic', verb, { id: T[name], ...extra }, by);
    expect({ verb, name, code: codeOf(res) }).toEqual({ verb, name, code: 'ok' });
  }

  beforeAll(async () => {
    await world.reset();
    const city = 'm-city-current';
    await submit('hrss-submitted', 'city-hrss', city, 'gov');
    await submit('hrss-joint-accepted', 'city-hrss', city, 'joint', 'gov');
    await submit('rights-submitted', 'city-union-rights', city, 'union');
    await submit('ma-accepted', 'city-rep-ma', city, 'union');
    await submit('ma-returned', 'city-rep-ma', city, 'union');
    await submit('guo-withdrawn', 'city-rep-guo', city, 'union');
    await submit('guo-submitted', 'city-rep-guo', city, 'union');
    await submit('govoffice-submitted', 'city-gov-office', city, 'gov');
    await submit('housing-returned', 'city-housing', city, 'gov');
    await act('accept', 'hrss-joint-accepted', 'city-gov-office');
    await act('accept', 'ma-accepted', 'city-union-office');
    await act('return', 'ma-returned', 'city-union-office', { reason: '请补充调研数据' });
    await act('withdraw', 'guo-withdrawn', 'city-rep-guo');
    await act('return', 'housing-returned', 'city-gov-office', { reason: '请补充调研数据' });

    const linhe = 'm-linhe-current';
    await submit('linhe-rep-submitted', 'linhe-rep', linhe, 'union');
    await submit('linhe-rep-accepted', 'linhe-rep', linhe, 'union');
    await submit('linhe-hrss-submitted', 'linhe-hrss', linhe, 'gov');
    await act('accept', 'linhe-rep-accepted', 'linhe-union-office');
  });

  /** Every item of the list, following the cursor to the end. */
  async function seen(person: string, meetingId: string, status?: string): Promise<string[] | string> {
    const names = Object.fromEntries(Object.entries(T).map(([k, v]) => [v, k]));
    const out: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      const res = await world.call('topic', 'list', { scope: 'meeting', meetingId, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }, person);
      if (!res.envelope.ok) return res.envelope.error.code;
      const data = res.envelope.data as { items: Array<{ id: string }>; nextCursor?: string };
      out.push(...data.items.map((i) => names[i.id] ?? `unknown ${i.id}`));
      cursor = data.nextCursor;
      if (!cursor) break;
    }
    return out.sort();
  }

  const accepted = ['hrss-joint-accepted', 'ma-accepted'];
  const cityMeeting: Array<[string, string[]]> = [
    // convenors, leaders and the mayor: the accepted topics only
    ['city-gov-leader', accepted],
    ['city-union-chair', accepted],
    ['city-gov-convenor', accepted],
    ['city-union-convenor', accepted],
    ['city-mayor', accepted],
    // an office: what is routed to it, in any state, and every accepted topic
    ['city-gov-office', ['govoffice-submitted', 'hrss-joint-accepted', 'hrss-submitted', 'housing-returned', 'ma-accepted']],
    ['city-union-office', ['guo-submitted', 'guo-withdrawn', 'hrss-joint-accepted', 'ma-accepted', 'ma-returned', 'rights-submitted']],
    // departments and representatives: their own, in any state, and nobody else's (not even accepted ones)
    ['city-hrss', ['hrss-joint-accepted', 'hrss-submitted']],
    ['city-housing', ['housing-returned']],
    ['city-ndrc', []],
    ['city-union-rights', ['rights-submitted']],
    ['city-rep-ma', ['ma-accepted', 'ma-returned']],
    ['city-rep-guo', ['guo-submitted', 'guo-withdrawn']],
    ['city-model-yang', []],
  ];

  it('covers every person of the city', () => {
    const city = demoPeople().filter((p) => p.orgId === 'city').map((p) => p.key).sort();
    expect(cityMeeting.map(([p]) => p).sort()).toEqual(city);
  });

  it.each(cityMeeting)('city meeting as %s', async (person, expected) => {
    expect({ person, seen: await seen(person, 'm-city-current') }).toEqual({ person, seen: [...expected].sort() });
  });

  it.each<[string, string, string[]]>([
    ['city-rep-ma', 'accepted', ['ma-accepted']],
    ['city-rep-guo', 'accepted', []],
    ['city-hrss', 'submitted', ['hrss-submitted']],
    ['city-ndrc', 'submitted', []],
    ['city-gov-office', 'submitted', ['govoffice-submitted', 'hrss-submitted']],
    ['city-union-office', 'accepted', ['hrss-joint-accepted', 'ma-accepted']],
    ['city-gov-office', 'returned', ['housing-returned']],
    ['city-gov-convenor', 'submitted', []],
    ['city-mayor', 'returned', []],
  ])('city meeting as %s, status %s', async (person, status, expected) => {
    expect({ person, status, seen: await seen(person, 'm-city-current', status) }).toEqual({ person, status, seen: [...expected].sort() });
  });

  it.each<[string, string[] | string]>([
    ['linhe-gov-office', ['linhe-hrss-submitted', 'linhe-rep-accepted']], // gov_office + gov_convenor
    ['linhe-union-office', ['linhe-rep-accepted', 'linhe-rep-submitted']], // union_office + union_convenor
    ['linhe-gov-leader', ['linhe-rep-accepted']],
    ['linhe-union-chair', ['linhe-rep-accepted']],
    ['linhe-hrss', ['linhe-hrss-submitted']],
    ['linhe-rep', ['linhe-rep-accepted', 'linhe-rep-submitted']],
    // Art. 12: the city's offices read all of a county meeting; nobody else outside the county sees it
    ['city-gov-office', ['linhe-hrss-submitted', 'linhe-rep-accepted', 'linhe-rep-submitted']],
    ['city-union-office', ['linhe-hrss-submitted', 'linhe-rep-accepted', 'linhe-rep-submitted']],
    ['city-gov-leader', 'not_found'],
    ['city-rep-ma', 'not_found'],
    ['wuyuan-gov-office', 'not_found'],
  ])('临河区 meeting as %s', async (person, expected) => {
    expect({ person, seen: await seen(person, 'm-linhe-current') }).toEqual({ person, seen: Array.isArray(expected) ? [...expected].sort() : expected });
  });

  it('a county person sees nothing of the city meeting', async () => {
    expect(await seen('linhe-rep', 'm-city-current')).toBe('not_found');
    expect(await seen('linhe-gov-office', 'm-city-current')).toBe('not_found');
  });
});

describe('notify.markRead changes only the caller’s own messages', () => {
  const ids: Record<string, string> = {};
  const note = (recipientId: string, orgId: string, title: string) =>
    world.store.insert<NotificationDoc>('notifications', {
      recipientId, orgId, milestone: 'topic_accepted', subjectType: 'topic', subjectId: 'x',
      title, body: '', link: '/pages/index/index', createdAt: DEMO_NOW.toISOString(), readAt: null,
    });

  beforeAll(async () => {
    await world.reset();
    ids.ma1 = (await note('city-rep-ma', 'city', '马春花的消息一'))._id;
    ids.ma2 = (await note('city-rep-ma', 'city', '马春花的消息二'))._id;
    ids.guo = (await note('city-rep-guo', 'city', '郭振华的消息'))._id;
    ids.linhe = (await note('linhe-rep', 'linhe', '任小军的消息'))._id;
  });

  const doc = (id: string) => world.store.get<NotificationDoc>('notifications', id);
  const unread = async (person: string) => dataOf<{ unread: number }>(await world.call('notify', 'unreadCount', {}, person)).unread;

  it('one person marking another person’s message read leaves it exactly as it was', async () => {
    const [ma1, ma2, linhe] = [await doc(ids.ma1), await doc(ids.ma2), await doc(ids.linhe)];
    const res = await world.call('notify', 'markRead', { ids: [ids.ma1, ids.guo, ids.linhe] }, 'city-rep-guo');
    expect(dataOf<{ unread: number }>(res)).toEqual({ unread: 0 });
    // someone else's message, same org and another org: untouched, down to the version
    expect(await doc(ids.ma1)).toEqual(ma1);
    expect(await doc(ids.ma2)).toEqual(ma2);
    expect(await doc(ids.linhe)).toEqual(linhe);
    expect(await unread('city-rep-ma')).toBe(2);
    expect(await unread('linhe-rep')).toBe(1);
    const inbox = dataOf<{ items: Array<{ id: string; read: boolean }> }>(await world.call('notify', 'inbox', {}, 'city-rep-ma'));
    expect(inbox.items.filter((i) => i.read)).toEqual([]);
    // the caller's own one is read
    expect((await doc(ids.guo))?.readAt).toBe(DEMO_NOW.toISOString());
  });

  it('an office marking a representative’s message read leaves it unread too', async () => {
    const before = await doc(ids.ma2);
    const res = await world.call('notify', 'markRead', { ids: [ids.ma2] }, 'city-union-office');
    expect(codeOf(res)).toBe('ok');
    expect(await doc(ids.ma2)).toEqual(before);
  });

  it('the recipient marks their own: only the one named, and a second mark keeps the first time', async () => {
    const ma2 = await doc(ids.ma2);
    expect(dataOf<{ unread: number }>(await world.call('notify', 'markRead', { ids: [ids.ma1] }, 'city-rep-ma'))).toEqual({ unread: 1 });
    expect((await doc(ids.ma1))?.readAt).toBe(DEMO_NOW.toISOString());
    expect(await doc(ids.ma2)).toEqual(ma2);
    const read = await doc(ids.ma1);
    world.setNow(new Date(DEMO_NOW.getTime() + 3600_000));
    try {
      await world.call('notify', 'markRead', { ids: [ids.ma1] }, 'city-rep-ma');
    } finally {
      world.setNow(DEMO_NOW);
    }
    expect(await doc(ids.ma1)).toEqual(read);
  });
});
