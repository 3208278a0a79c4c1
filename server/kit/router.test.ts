// The router: parse (strict) → identify → authorise → handle → audit, on the real embedded store.
import { openWorld, type World } from '../../test/support/world';

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());
beforeEach(() => world.reset());

const auditCount = () => world.store.count('audit', {});

describe('router', () => {
  it('answers a signed-in person with their own name and org, never another', async () => {
    const res = await world.call('account', 'me', {}, 'city-rep-ma');
    expect(res.status).toBe(200);
    expect(res.envelope).toMatchObject({ ok: true, data: { person: { name: '马春花' }, org: { name: '巴彦淖尔市' } } });
  });

  it('refuses a call without identity as unauthenticated (401) and records nothing', async () => {
    const before = await auditCount();
    const res = await world.call('account', 'me', {});
    expect(res.status).toBe(401);
    expect(res.envelope).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: '请先登录' } });
    expect(await auditCount()).toBe(before);
  });

  it('rejects unknown payload keys before identifying anyone', async () => {
    const res = await world.call('account', 'me', { orgId: 'linhe' }, 'city-rep-ma');
    expect(res.status).toBe(400);
    expect(res.envelope).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(res.roundTrips).toBe(0);
  });

  it('rejects a malformed body and an unknown action with a clear message', async () => {
    const bad = await world.raw('account', { action: 'me', payload: {}, extra: 1 }, 'city-rep-ma');
    expect(bad.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', message: '请求格式不正确' } });
    const unknown = await world.call('account', 'dropTables', {}, 'city-rep-ma');
    expect(unknown.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', message: '未知的操作：account.dropTables' } });
    const notObject = await world.raw('account', 'me', 'city-rep-ma');
    expect(notObject.status).toBe(400);
  });

  it('treats a person who is not in the users collection as unauthenticated', async () => {
    const res = await world.call('account', 'me', {}, 'someone-else');
    expect(res.envelope).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('never answers with a stack trace or database text when a handler breaks', async () => {
    const store = world.store;
    const original = store.find.bind(store);
    // identify reads the person; the first query inside account.home fails like a lost connection
    store.find = (async () => {
      throw new Error('relation "meetings" does not exist at character 15');
    }) as typeof store.find;
    process.env.QUIET_ERRORS = '1';
    try {
      const res = await world.call('account', 'home', {}, 'city-rep-ma');
      expect(res.status).toBe(500);
      expect(res.envelope).toEqual({ ok: false, error: { code: 'internal', message: '系统繁忙，请稍后再试' } });
      expect(JSON.stringify(res.envelope)).not.toMatch(/relation|character|at /);
    } finally {
      store.find = original;
      delete process.env.QUIET_ERRORS;
    }
  });

  it('home costs the same number of round trips whatever is stored', async () => {
    await world.call('account', 'home', {}, 'city-gov-office'); // warms the process's org cache
    const first = await world.call('account', 'home', {}, 'city-gov-office');
    for (let i = 0; i < 300; i += 1) {
      await world.store.insert('meetings', {
        orgId: i % 2 ? 'city' : 'linhe', kind: 'special', year: 2026, title: `专题会议 ${i}`,
        plannedAt: new Date(Date.UTC(2027, 0, 1 + (i % 200))).toISOString(), collectionOpensAt: '2026-11-01T00:00:00.000Z',
        status: 'accepted', createdBy: 'city-union-office', createdAt: '2026-11-01T00:00:00.000Z',
      });
    }
    const second = await world.call('account', 'home', {}, 'city-gov-office');
    expect(second.envelope.ok).toBe(true);
    expect(second.roundTrips).toBe(first.roundTrips);
  });
});
