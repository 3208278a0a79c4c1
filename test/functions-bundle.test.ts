/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports -- loads built bundles */
// The deployable bundles (dist/cloudfunctions/<area>/index.js), loaded as WeChat would load them,
// with wx-server-sdk replaced by the in-process CloudBase stand-in: the production runtime, the
// CloudBase adapter and identity by OPENID, end to end.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../server/seed';
import { CloudBaseStore } from '../server/store/cloudbase';
import { FakeCloudDatabase } from './support/fake-cloudbase';
import { DEMO_NOW } from './support/world';

const mockState: { db: FakeCloudDatabase | null; openid: string | undefined; uploads: string[] } = { db: null, openid: undefined, uploads: [] };
jest.mock('wx-server-sdk', () => ({
  // the file calls a download makes (server/platform/wechat/outputs.ts)
  uploadFile: async (o: { cloudPath: string }) => (mockState.uploads.push(o.cloudPath), { fileID: `cloud://env/${o.cloudPath}` }),
  getTempFileURL: async (o: { fileList: Array<{ fileID: string }> }) => ({ fileList: o.fileList.map((f) => ({ tempFileURL: `https://tmp.example/${f.fileID.slice(12)}`, status: 0 })) }),
  DYNAMIC_CURRENT_ENV: 'dynamic',
  init: jest.fn(),
  database: () => mockState.db,
  getWXContext: () => ({ OPENID: mockState.openid, APPID: 'wx-test' }),
  openapi: { security: { msgSecCheck: jest.fn(async () => ({ errCode: 0, result: { suggest: 'pass', label: 100 } })) } },
}));

const dist = join(__dirname, '..', 'dist', 'cloudfunctions');
import { FUNCTIONS } from '../cloudfunctions';

const areas = Object.keys(FUNCTIONS);
type Main = (event: unknown, context?: unknown) => Promise<{ ok: boolean; data?: any; error?: { code: string } }>;

beforeAll(async () => {
  if (!existsSync(dist)) throw new Error('dist/cloudfunctions 不存在：请先运行 npm run build:functions（npm test 会自动构建）');
  mockState.db = new FakeCloudDatabase();
  const store = new CloudBaseStore(mockState.db);
  await store.ensureSchema();
  await seedDemo(store, DEMO_NOW);
  const ma = await store.get('users', 'city-rep-ma');
  await store.update('users', 'city-rep-ma', ma!.version, { openid: 'o-wx-ma' });
  const office = await store.get('users', 'city-union-office');
  await store.update('users', 'city-union-office', office!.version, { openid: 'o-wx-office' });
});

describe.each(areas.map((a) => [a]))('bundle %s', (area) => {
  it('is a single file whose only dependency is wx-server-sdk, with its config', () => {
    const pkg = JSON.parse(readFileSync(join(dist, area, 'package.json'), 'utf8'));
    // the SDK, plus exceljs where an action exports a workbook, docx and jszip where it writes a
    // document or the meeting's archive (installed by WeChat, loaded on demand)
    expect(Object.keys(pkg.dependencies)[0]).toBe('wx-server-sdk');
    expect(Object.keys(pkg.dependencies).every((d) => ['wx-server-sdk', 'exceljs', 'docx', 'bcryptjs', 'jszip'].includes(d))).toBe(true);
    expect(existsSync(join(dist, area, 'config.json'))).toBe(true);
    const code = readFileSync(join(dist, area, 'index.js'), 'utf8');
    expect(code).not.toMatch(/require\("(zod|dayjs|@electric-sql\/pglite)"\)/);
  });

  it('loads with wx-server-sdk mocked and exports main', () => {
    const mod = require(join(dist, area, 'index.js')) as { main?: Main };
    expect(typeof mod.main).toBe('function');
  });
});

describe('account bundle on the CloudBase stand-in', () => {
  const main = () => (require(join(dist, 'account', 'index.js')) as { main: Main }).main;

  it('identifies the caller by OPENID from the WeChat context and answers their home', async () => {
    mockState.openid = 'o-wx-ma';
    const res = await main()({ action: 'home', payload: {} }, {});
    expect(res.ok).toBe(true);
    expect(res.data.person.name).toBe('马春花');
    expect(res.data.org.name).toBe('巴彦淖尔市');
  });

  it('ignores any identity a payload or context claims', async () => {
    mockState.openid = 'o-unbound';
    const res = await main()({ action: 'me', payload: {} }, { sessionToken: 'x', OPENID: 'o-wx-ma', asUser: 'city-rep-ma' });
    expect(res.error?.code).toBe('unauthenticated');
    mockState.openid = 'o-wx-ma';
    const sneaky = await main()({ action: 'me', payload: { openid: 'o-other' } });
    expect(sneaky.error?.code).toBe('validation_error');
  });

  it('answers without an OPENID as unauthenticated', async () => {
    mockState.openid = undefined;
    expect((await main()({ action: 'me' })).error?.code).toBe('unauthenticated');
  });
});

describe('system bundle: the timer trigger runs as the system actor', () => {
  const main = () => (require(join(dist, 'system', 'index.js')) as { main: Main }).main;
  const timer = { Type: 'Timer', TriggerName: 'sweep', Time: '2026-11-25T10:03:00Z' };

  it('runs the sweep for a timer event with no caller', async () => {
    mockState.openid = undefined;
    const res = await main()(timer, {});
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({ redelivered: 0 });
  });

  it('never takes a client call for the timer: with an OPENID the event is an ordinary (bad) call', async () => {
    mockState.openid = 'o-wx-ma';
    expect((await main()(timer, {})).error?.code).toBe('validation_error');
    expect((await main()({ action: 'sweep', payload: {} }, {})).error?.code).toBe('forbidden');
  });

  it('carries its timer trigger in config.json, every 10 minutes off the hour', () => {
    const config = JSON.parse(readFileSync(join(dist, 'system', 'config.json'), 'utf8'));
    expect(config.triggers).toEqual([{ name: 'sweep', type: 'timer', config: '0 3/10 * * * * *' }]);
  });
});

describe('reminders bundle (issue #10): the timer tick and the right to send subscription messages', () => {
  it('carries one timer trigger every 10 minutes off the hour, and subscribeMessage.send', () => {
    const config = JSON.parse(readFileSync(join(dist, 'reminders', 'config.json'), 'utf8'));
    expect(config.triggers).toEqual([{ name: 'tick', type: 'timer', config: '0 6/10 * * * * *' }]);
    expect(config.permissions.openapi).toContain('subscribeMessage.send');
  });

  it('every function that delivers a templated milestone may send subscription messages', () => {
    for (const area of ['topic', 'meeting', 'minutes', 'task', 'reminders', 'system']) {
      const config = JSON.parse(readFileSync(join(dist, area, 'config.json'), 'utf8'));
      expect({ area, send: config.permissions.openapi.includes('subscribeMessage.send') }).toEqual({ area, send: true });
    }
  });

  it('runs the tick for a timer event with no caller, and refuses a client calling it', async () => {
    const main = (require(join(dist, 'reminders', 'index.js')) as { main: Main }).main;
    mockState.openid = undefined;
    const res = await main({ Type: 'Timer', TriggerName: 'tick', Time: '2026-11-24T02:06:00Z' }, {});
    expect(res).toMatchObject({ ok: true, data: { fired: expect.any(Number), sent: expect.any(Number) } });
    mockState.openid = 'o-wx-ma';
    expect((await main({ action: 'tick', payload: {} }, {})).error?.code).toBe('forbidden');
  });
});

// Issues #18, #25: the meeting area is two functions (domain/functions.ts). Each bundle is loaded
// alone here, as WeChat loads it: the meeting function offers the file buttons by their rules
// without their code, and meetingFiles serves them.
describe('meeting and meetingFiles bundles: the files served apart, offered on the meeting', () => {
  const load = (fn: string) => (require(join(dist, fn, 'index.js')) as { main: Main }).main;
  const FILES = ['exportAttendance', 'noticeDocument', 'signInSheet', 'archive'];

  it('the meeting function offers the file buttons on a meeting whose notice is issued', async () => {
    mockState.openid = 'o-wx-office';
    const res = await load('meeting')({ action: 'get', payload: { meetingId: 'm-city-last' } }, {});
    expect(res.ok).toBe(true);
    expect(res.data.allowedActions).toEqual(expect.arrayContaining(FILES));
  });

  it('the meeting function does not serve them; meetingFiles does, as the same meeting action', async () => {
    mockState.openid = 'o-wx-office';
    const there = await load('meeting')({ action: 'noticeDocument', payload: { meetingId: 'm-city-last' } }, {});
    expect(there.error?.code).toBe('validation_error');
    mockState.uploads = [];
    const res = await load('meetingFiles')({ action: 'noticeDocument', payload: { meetingId: 'm-city-last' } }, {});
    expect(res).toMatchObject({ ok: true, data: { url: expect.stringMatching(/^https:\/\/tmp\.example\/exports\/city-union-office\/.+\.docx$/) } });
    expect(mockState.uploads).toHaveLength(1);
  });

  it('an invited representative is offered the notice only, and meetingFiles agrees', async () => {
    mockState.openid = 'o-wx-ma';
    const get = await load('meeting')({ action: 'get', payload: { meetingId: 'm-city-last' } }, {});
    expect(get.data.allowedActions.filter((a: string) => FILES.includes(a))).toEqual(['noticeDocument']);
    const files = load('meetingFiles');
    expect((await files({ action: 'noticeDocument', payload: { meetingId: 'm-city-last' } }, {})).ok).toBe(true);
    expect((await files({ action: 'archive', payload: { meetingId: 'm-city-last' } }, {})).error?.code).toBe('forbidden');
  });
});
