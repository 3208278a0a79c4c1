/**
 * @jest-environment jsdom
 */
// The home page as WeChat runs it: the compiled dist/weapp output, rendered by miniprogram-simulate,
// answered by a stubbed wx.cloud.callFunction. Needs `npm run build:weapp` first.
import type { HomeView } from '../domain/schemas/account';
import { type CallFunctionParam, type RenderedPage, renderWeappPage, waitFor } from './support/weapp-sim';

const home: HomeView = {
  person: {
    id: 'u_city_union_office',
    name: '王晓梅',
    unit: '巴彦淖尔市总工会办公室',
    title: '主任',
    roles: [{ role: 'union_office', label: '总工会办公室' }],
  },
  org: {
    id: 'city',
    name: '巴彦淖尔市',
    level: 'city',
    govName: '巴彦淖尔市人民政府',
    unionName: '巴彦淖尔市总工会',
  },
  counts: { topics: 1, invitations: 0, tasks: 0 },
  topics: [{ id: 't1', title: '关于新就业形态劳动者权益保障的议题', status: 'submitted', statusLabel: '已提交' }],
  invitations: [],
  tasks: [],
  nextMeeting: {
    id: 'm1',
    title: '2027年度政府与工会联席会议',
    plannedAt: '2027-01-28T01:30:00.000Z',
    status: 'collecting_topics',
    statusLabel: '征集议题',
  },
};

describe('weapp home page (compiled)', () => {
  let page: RenderedPage | null = null;
  const callFunction = jest.fn((param: CallFunctionParam) => {
    void param;
    return Promise.resolve({ result: { ok: true, data: home }, errMsg: 'cloud.callFunction:ok' });
  });

  afterAll(() => page?.detach());

  it('renders the person, the org and the empty states from one cloud call', async () => {
    page = renderWeappPage('pages/index/index', { callFunction });
    const rendered = page;

    const appeared = await waitFor(() => rendered.text().includes(home.person.name), 5000);
    if (!appeared) {
      throw new Error(`the home page never showed the person's name; it shows: "${rendered.text().slice(0, 300)}"`);
    }

    const text = rendered.text();
    expect(text).toContain('王晓梅');
    expect(text).toContain('巴彦淖尔市');
    expect(text).toContain('巴彦淖尔市总工会');
    expect(text).toContain('总工会办公室');
    expect(text).toContain('关于新就业形态劳动者权益保障的议题');
    expect(text).toContain('2027年1月28日 周四 09:30');
    // Sections with nothing in them say so.
    expect(text).toContain('暂无会议邀请');
    expect(text).toContain('暂无待办任务');

    expect(callFunction).toHaveBeenCalledTimes(1);
    const [param] = callFunction.mock.calls[0];
    expect(param).toEqual({ name: 'account', data: { action: 'home', payload: {} } });
    expect(param.data?.idempotencyKey).toBeUndefined();
  });

  it('reloads on pull-down refresh', async () => {
    const rendered = page;
    if (!rendered) throw new Error('the first test did not render the page');
    rendered.pullDownRefresh();
    expect(await waitFor(() => callFunction.mock.calls.length === 2, 5000)).toBe(true);
    expect(callFunction.mock.calls[1][0]).toEqual({ name: 'account', data: { action: 'home', payload: {} } });
    expect(rendered.text()).toContain('王晓梅');
  });
});

describe('weapp home page states (compiled)', () => {
  it('tells a WeChat user without a bound account to contact the office', async () => {
    const unbound = renderWeappPage('pages/index/index', {
      callFunction: () =>
        Promise.resolve({ result: { ok: false, error: { code: 'unauthenticated', message: '请先登录' } } }),
    });
    try {
      expect(await waitFor(() => unbound.text().includes('请联系办公室'), 5000)).toBe(true);
      expect(unbound.text()).toContain('您的微信尚未绑定联席会议账号，请联系办公室');
    } finally {
      unbound.detach();
    }
  });

  it('shows the network message with a retry button when the cloud is unreachable', async () => {
    const offline = renderWeappPage('pages/index/index', {
      callFunction: () => Promise.reject(new Error('cloud.callFunction:fail network error')),
    });
    try {
      expect(await waitFor(() => offline.text().includes('网络异常'), 5000)).toBe(true);
      expect(offline.text()).toContain('网络异常，请检查网络后重试');
      expect(offline.text()).toContain('重试');
    } finally {
      offline.detach();
    }
  });
});
