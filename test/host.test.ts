// The local host over real HTTP: the contract's status codes, development identity and clock.
import { startTestHost, type TestHost } from './support/host';
import { DEMO_NOW } from './support/world';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.stop());

describe('POST /api/<area>', () => {
  it('answers 401 unauthenticated without a token', async () => {
    const res = await host.post('account', { action: 'me', payload: {} });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ ok: false, error: { code: 'unauthenticated', message: '请先登录' } });
  });

  it('answers 400 validation_error for a payload with an unknown key', async () => {
    const token = await host.signIn('city-rep-ma');
    const res = await host.post('account', { action: 'me', payload: { roles: ['gov_office'] } }, token);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_error');
  });

  it('identifies the caller only by the signed token, never by the payload', async () => {
    const token = await host.signIn('linhe-rep');
    const res = await host.post('account', { action: 'me', payload: {} }, token);
    expect(res.status).toBe(200);
    expect(res.json.data.person.name).toBe('任小军');
    expect(res.json.data.org).toMatchObject({ id: 'linhe', name: '临河区', parentName: '巴彦淖尔市' });
    const forged = `${token.split('.')[0]}.AAAA`;
    expect((await host.post('account', { action: 'me', payload: {} }, forged)).status).toBe(401);
  });

  it('answers unknown areas and bad JSON with clear codes', async () => {
    expect((await host.post('nosuch', { action: 'me' })).json.error.code).toBe('not_found');
    const res = await fetch(`${host.url}api/account`, { method: 'POST', body: '{not json' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('请求不是有效的 JSON');
  });
});

describe('development identity and clock', () => {
  it('lists demo people of all eight orgs', async () => {
    const res = await host.get('/api/dev/users');
    expect(res.status).toBe(200);
    const orgs = new Set(res.json.data.map((u: { orgName: string }) => u.orgName));
    expect([...orgs].sort()).toEqual(['临河区', '乌拉特中旗', '乌拉特前旗', '乌拉特后旗', '五原县', '巴彦淖尔市', '杭锦后旗', '磴口县'].sort());
    expect(res.json.data[0]).toMatchObject({ key: expect.any(String), id: expect.any(String), orgId: 'city' });
    // the counties in official order (issue #7)
    const order = [...new Set(res.json.data.map((u: { orgName: string }) => u.orgName))];
    expect(order).toEqual(['巴彦淖尔市', '临河区', '五原县', '磴口县', '乌拉特前旗', '乌拉特中旗', '乌拉特后旗', '杭锦后旗']);
    expect(Array.isArray(res.json.data[0].roles)).toBe(true);
  });

  it('refuses to sign in an unknown demo person', async () => {
    const res = await host.post('account', { action: 'devSignIn', payload: { key: 'nobody' } });
    expect(res.status).toBe(404);
  });

  it('moves the clock every rule reads, and back', async () => {
    const token = await host.signIn('city-gov-office');
    const before = await host.post('account', { action: 'home', payload: {} }, token);
    expect(before.json.data.nextMeeting.title).toContain('专题会议'); // the seeded special meeting, two weeks ahead
    // after the planned date, the meeting is no longer "next"
    const moved = await host.post('dev/clock', { now: '2030-01-01T00:00:00+08:00' });
    expect(moved.json.data.shifted).toBe(true);
    const later = await host.post('account', { action: 'home', payload: {} }, token);
    expect(later.json.data.nextMeeting).toBeNull();
    // back to real time: the health check reads the real clock again
    const back = await host.post('dev/clock', { now: null });
    expect(back.json.data.shifted).toBe(false);
    expect(Math.abs(Date.parse((await host.get('/api/health')).json.data.now) - Date.now())).toBeLessThan(5000);
    expect((await host.post('dev/clock', { now: 'tomorrow' })).status).toBe(400);
    await host.post('dev/clock', { now: DEMO_NOW.toISOString() });
    expect((await host.post('account', { action: 'home', payload: {} }, token)).json.data.nextMeeting.title).toContain('专题会议');
  });
});
