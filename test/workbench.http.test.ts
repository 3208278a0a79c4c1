// Issue #19, the office's workbench, over the local host's HTTP API: the people picker's list
// (filters; `purpose` answers only those the caller may invite or assign), invitations in bulk,
// every meeting of the org by year, state and title, and the home's work queue whose counts equal
// what each link opens — with two meetings collecting at once.
import { fromCN } from '../domain';
import { INVITE_BATCH_MAX } from '../domain/workbench';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
const tokens: Record<string, string> = {};
const as = async (key: string) => (tokens[key] ??= await host.signIn(key));
const call = async (key: string, area: string, action: string, payload: unknown) => host.post(area, { action, payload }, await as(key));
const data = async (key: string, area: string, action: string, payload: unknown) => {
  const r = await call(key, area, action, payload);
  if (r.status !== 200) throw new Error(`${area}.${action} → ${r.status} ${JSON.stringify(r.json.error)}`);
  return r.json.data;
};

interface Card { id: string; name: string; unit: string; title: string; side: 'gov' | 'union'; unitId: string; category: string; active: boolean }

/** Every page of a list, following nextCursor. */
async function all<T>(key: string, action: string, payload: Record<string, unknown>): Promise<T[]> {
  const [area, verb] = action.split('.');
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await data(key, area, verb, { ...payload, ...(cursor ? { cursor } : {}) });
    items.push(...(page.items as T[]));
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.stop());

describe('people.list for the picker', () => {
  it('purpose invite answers only the active people of the sides the caller\'s office invites', async () => {
    const everyone = await all<Card>('city-gov-office', 'people.list', {});
    expect(new Set(everyone.map((p) => p.side))).toEqual(new Set(['gov', 'union']));
    const gov = await all<Card>('city-gov-office', 'people.list', { purpose: 'invite' });
    expect(gov.length).toBeGreaterThan(3);
    expect(gov.every((p) => p.side === 'gov' && p.active)).toBe(true);
    expect(gov.length).toBe(everyone.filter((p) => p.side === 'gov' && p.active).length);
    const union = await all<Card>('city-union-office', 'people.list', { purpose: 'invite' });
    expect(union.length).toBeGreaterThan(3);
    expect(union.every((p) => p.side === 'union')).toBe(true);
    // nobody else invites: the list is empty, not a list of everyone
    expect(await all<Card>('city-rep-ma', 'people.list', { purpose: 'invite' })).toEqual([]);
  });

  it('purpose assign follows task.assign: the government office its own side, the union office anyone', async () => {
    const gov = await all<Card>('city-gov-office', 'people.list', { purpose: 'assign' });
    expect(gov.length).toBeGreaterThan(0);
    expect(gov.every((p) => p.side === 'gov')).toBe(true);
    const union = await all<Card>('city-union-office', 'people.list', { purpose: 'assign' });
    expect(new Set(union.map((p) => p.side))).toEqual(new Set(['gov', 'union']));
  });

  it('filters by side, Art. 5 category, unit and words of the name, unit or post', async () => {
    const leaders = await all<Card>('city-gov-office', 'people.list', { category: 'leader', side: 'gov' });
    expect(leaders.map((p) => p.id).sort()).toEqual(expect.arrayContaining(['city-gov-leader', 'city-gov-convenor']));
    expect(leaders.every((p) => p.side === 'gov' && p.category === 'leader')).toBe(true);
    const hrss = (await all<Card>('city-gov-office', 'people.list', {})).find((p) => p.id === 'city-hrss')!;
    const sameUnit = await all<Card>('city-gov-office', 'people.list', { unitId: hrss.unitId });
    expect(sameUnit.length).toBeGreaterThan(0);
    expect(sameUnit.every((p) => p.unit === hrss.unit)).toBe(true);
    const byPost = await all<Card>('city-gov-office', 'people.list', { q: hrss.title.slice(0, 2) });
    expect(byPost.map((p) => p.id)).toContain('city-hrss');
  });
});

describe('meeting.invite in bulk', () => {
  it('invites every person the picker offers in one call, up to 200', async () => {
    const people = await all<Card>('city-gov-office', 'people.list', { purpose: 'invite' });
    const invitees = people.map((p) => ({ personId: p.id, category: p.category }));
    const res = await call('city-gov-office', 'meeting', 'invite', { meetingId: 'm-city-current', invitees });
    expect(res.status).toBe(200);
    const rows = (await data('city-gov-office', 'meeting', 'attendance', { meetingId: 'm-city-current' })).rows as Array<{ personId: string }>;
    expect(rows.map((r) => r.personId)).toEqual(expect.arrayContaining(people.map((p) => p.id)));
    const many = Array.from({ length: INVITE_BATCH_MAX + 1 }, (_, i) => ({ personId: `p${i}`, category: 'department' }));
    const over = await call('city-gov-office', 'meeting', 'invite', { meetingId: 'm-city-current', invitees: many });
    expect(over.json.error.code).toBe('validation_error');
    // 200 is taken (and refused on the names, not on the size)
    const at = await call('city-gov-office', 'meeting', 'invite', { meetingId: 'm-city-current', invitees: many.slice(0, INVITE_BATCH_MAX) });
    expect(at.json.error.message).toContain('只能邀请本级的人员');
  });
});

describe('meeting.list: every meeting of the org', () => {
  it('lists held, issued and cancelled meetings, by year, by state and by words of the title', async () => {
    const every = await all<{ id: string; state: string; plannedAt: string; title: string }>('city-gov-office', 'meeting.list', {});
    expect(every.map((m) => m.id)).toEqual(expect.arrayContaining(['m-city-current', 'm-city-last', 'm-city-held']));
    const lastYear = await all<{ id: string }>('city-gov-office', 'meeting.list', { year: 2025 });
    expect(lastYear.map((m) => m.id)).toContain('m-city-last');
    expect(lastYear.map((m) => m.id)).not.toContain('m-city-current');
    const held = await all<{ state: string }>('city-gov-office', 'meeting.list', { status: 'held' });
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((m) => m.state === 'held')).toBe(true);
    const word = every.find((m) => m.id === 'm-city-last')!.title.slice(-6);
    const found = await all<{ id: string }>('city-gov-office', 'meeting.list', { q: word });
    expect(found.map((m) => m.id)).toContain('m-city-last');
    expect(found.length).toBeLessThan(every.length);
  });
});

describe('account.home work queue', () => {
  type Work = { kind: string; label: string; count: number; meetingId?: string; open: { action: string; payload: Record<string, unknown> } };

  it('with two meetings collecting, each count equals what its link opens', async () => {
    const req = { kind: 'special', title: '巴彦淖尔市政府与市总工会第二次专题联席会议', plannedAt: fromCN('2027-01-20', '09:30'), reason: '研究职工医疗互助' };
    const second = (await data('city-union-office', 'meeting', 'request', req)).id as string;
    await data('city-gov-office', 'meeting', 'accept', { meetingId: second });
    await data('city-union-office', 'meeting', 'openCollection', { meetingId: second });
    const topic = (meetingId: string, title: string) => ({
      meetingId, side: 'union', category: 'worker_concerns', title,
      background: '我市职工反映的情况较为集中。', research: '走访企业并召开座谈会。', request: '建议由相关部门研究解决。',
    });
    await data('city-rep-ma', 'topic', 'submit', topic(second, '关于职工医疗互助报销的建议'));
    await data('city-rep-guo', 'topic', 'submit', topic(second, '关于职工医疗互助覆盖范围的建议'));
    await data('city-rep-ma', 'topic', 'submit', topic('m-city-current', '关于职工疗休养的建议'));

    for (const who of ['city-union-office', 'city-gov-office', 'city-gov-convenor', 'city-union-chair', 'city-gov-leader']) {
      const work = (await data(who, 'account', 'home', {})).work as Work[];
      for (const item of work) {
        const opened = await all<unknown>(who, item.open.action, item.open.payload);
        expect({ who, kind: item.kind, meetingId: item.meetingId, count: opened.length }).toEqual({ who, kind: item.kind, meetingId: item.meetingId, count: item.count });
      }
      if (who === 'city-union-office') {
        const screen = work.filter((w) => w.kind === 'screen');
        expect(screen.map((w) => [w.meetingId, w.count]).sort()).toEqual([[second, 2], ['m-city-current', 1]].sort());
        expect(screen.find((w) => w.meetingId === second)!.label).toContain('第二次专题联席会议');
      }
    }
  });

  it('after 宣布散会 the union office is asked to draft the minutes, and the held meeting is in its queue', async () => {
    const minutes = (await data('city-union-office', 'account', 'home', {})).minutes as Array<{ id: string; status: string; statusLabel: string }>;
    const before = minutes.length;
    // the special meeting (notice issued) is opened and closed by the union office on its day
    const special = await data('city-union-office', 'meeting', 'get', { meetingId: 'm-city-special' });
    host.clock.set(new Date(special.plannedAt));
    await data('city-union-office', 'meeting', 'start', { meetingId: 'm-city-special' });
    await data('city-union-office', 'meeting', 'adjourn', { meetingId: 'm-city-special' });
    const home = await data('city-union-office', 'account', 'home', {});
    expect(home.minutes.length).toBe(before + 1);
    expect(home.minutes[0]).toMatchObject({ id: 'm-city-special', status: 'draft', statusLabel: '已散会，待起草纪要' });
    const queue = (home.work as Work[]).find((w) => w.kind === 'issueMinutes')!;
    expect(queue.open).toEqual({ action: 'meeting.list', payload: { status: 'held' } });
    expect((await all<{ id: string }>('city-union-office', 'meeting.list', { status: 'held' })).map((m) => m.id)).toContain('m-city-special');
    // nobody else drafts: the government office's home does not ask
    expect((await data('city-gov-office', 'account', 'home', {})).minutes.map((m: { id: string }) => m.id)).not.toContain('m-city-special');
  });
});

describe('meeting.issueNotice needs invitees and a presiding leader (Art. 5, 7, 8)', () => {
  it('is refused in words until both are there', async () => {
    const req = { kind: 'special', title: '巴彦淖尔市政府与市总工会职工书屋专题会议', plannedAt: fromCN('2027-01-28', '09:30'), reason: '研究职工书屋建设' };
    const meetingId = (await data('city-union-office', 'meeting', 'request', req)).id as string;
    await data('city-gov-office', 'meeting', 'accept', { meetingId });
    await data('city-union-office', 'meeting', 'openCollection', { meetingId });
    const topic = await data('city-rep-ma', 'topic', 'submit', {
      meetingId, side: 'union', category: 'worker_concerns', title: '关于职工书屋图书更新的建议',
      background: '部分企业职工书屋图书陈旧。', research: '走访十家企业职工书屋。', request: '建议安排专项经费更新图书。',
    });
    await data('city-union-office', 'topic', 'accept', { id: topic.id });
    await data('city-gov-office', 'topic', 'noOpinion', { topicId: topic.id });
    await data('city-gov-convenor', 'topic', 'confirmList', { meetingId });
    await data('city-union-chair', 'topic', 'confirmList', { meetingId });
    const issue = () => call('city-gov-office', 'meeting', 'issueNotice', { meetingId, docNumber: '巴政办字〔2027〕3号' });
    const none = await issue();
    expect(none.json.error).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('尚未邀请参会人员') });
    await data('city-gov-office', 'meeting', 'invite', { meetingId, invitees: [{ personId: 'city-gov-leader', category: 'leader' }] });
    const noChair = await issue();
    expect(noChair.json.error).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('尚未设定会议主持人') });
    await data('city-gov-office', 'meeting', 'setPresiding', { meetingId, personId: 'city-gov-leader' });
    expect((await issue()).json.data).toMatchObject({ state: 'notice_issued' });
  });
});
