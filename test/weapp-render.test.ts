/**
 * @jest-environment jsdom
 */
// The pages as WeChat runs them: the compiled dist/weapp output, rendered by miniprogram-simulate,
// answered by a stubbed wx.cloud.callFunction. Needs `npm run build:weapp` first.
import type { HomeView } from '../domain/schemas/account';
import type { InboxView } from '../domain/schemas/notify';
import type { TopicListView, TopicView } from '../domain/schemas/topic';
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
  counts: { topics: 1, invitations: 0, tasks: 0, queue: 3, unread: 2 },
  collectingMeetings: [{ id: 'm1', title: '2027年度政府与工会联席会议', plannedAt: '2027-01-28T01:30:00.000Z' }],
  allowedActions: ['submitTopic', 'screenTopics'],
  topics: [{ id: 't1', title: '关于新就业形态劳动者权益保障的议题', status: 'submitted', statusLabel: '待审核' }],
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
    // Topic collection, the inbox and the office's queue, offered from allowedActions.
    expect(text).toContain('议题征集');
    expect(text).toContain('提交议题');
    expect(text).toContain('消息通知');
    expect(text).toContain('议题审核');
    expect(text).toContain('3 个议题待审核');
    expect(text).not.toContain('议题清单确认');

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

const ok = (data: unknown) => Promise.resolve({ result: { ok: true, data }, errMsg: 'cloud.callFunction:ok' });

function topic(over: Partial<TopicView> = {}): TopicView {
  return {
    id: 't1',
    meetingId: 'm1',
    meetingTitle: '2027年度政府与工会联席会议',
    orgId: 'city',
    side: 'union',
    sideLabel: '工会方',
    leadSide: 'union',
    routedTo: 'union_office',
    routedToLabel: '市总工会办公室',
    category: 'worker_concerns',
    categoryLabel: '职工急难愁盼与新就业形态劳动者权益',
    title: '关于外卖骑手职业伤害保障的议题',
    background: '全市外卖骑手约八千人，多数未参加工伤保险。',
    research: '走访三家平台站点，问卷调查骑手六百余人。',
    request: '请人社部门扩大职业伤害保障试点范围。',
    status: 'submitted',
    statusLabel: '待审核',
    proposer: { id: 'city-rep-ma', name: '马春花', unit: '河套酒业集团' },
    createdAt: '2026-11-24T02:00:00.000Z',
    updatedAt: '2026-11-24T02:00:00.000Z',
    timeline: [{ at: '2026-11-24T02:00:00.000Z', event: 'submit', label: '提交议题', byName: '马春花' }],
    opinions: [
      { at: '2026-11-25T02:00:00.000Z', byName: '赵敏', byUnit: '市人民政府办公室', side: 'gov', sideLabel: '政府方', text: '建议先统计参保缺口。' },
    ],
    allowedActions: ['accept', 'return', 'merge'],
    ...over,
  };
}

describe('weapp topic pages (compiled)', () => {
  it('shows a topic with its timeline, opinions and only the buttons the server allows', async () => {
    const callFunction = jest.fn((param: CallFunctionParam) => {
      void param;
      return ok(topic());
    });
    const page = renderWeappPage('pages/topic/detail/index', { callFunction, query: { id: 't1' } });
    try {
      expect(await waitFor(() => page.text().includes('关于外卖骑手职业伤害保障的议题'), 5000)).toBe(true);
      const text = page.text();
      for (const s of ['待审核', '职工急难愁盼与新就业形态劳动者权益', '市总工会办公室', '全市外卖骑手约八千人', '办理进程', '提交议题', '征求意见', '建议先统计参保缺口。', '采纳', '退回', '合并']) {
        expect(text).toContain(s);
      }
      expect(text).not.toContain('修改');
      expect(text).not.toContain('撤回');
      expect(text).not.toContain('发表意见');
      expect(callFunction.mock.calls[0][0]).toEqual({ name: 'topic', data: { action: 'get', payload: { id: 't1' } } });
    } finally {
      page.detach();
    }
  });

  it('shows the office the returned reason and the proposer the edit buttons', async () => {
    const returned = topic({ status: 'returned', statusLabel: '已退回', returnReason: '请补充调研数据来源', allowedActions: ['update', 'withdraw', 'resubmit'] });
    const page = renderWeappPage('pages/topic/detail/index', { callFunction: () => ok(returned), query: { id: 't1' } });
    try {
      expect(await waitFor(() => page.text().includes('请补充调研数据来源'), 5000)).toBe(true);
      const text = page.text();
      expect(text).toContain('退回理由');
      expect(text).toContain('修改');
      expect(text).toContain('重新提交');
      expect(text).not.toContain('采纳');
    } finally {
      page.detach();
    }
  });

  it('offers the Art. 3 categories and the three sides on the submit form, with the meeting from the query', async () => {
    const callFunction = jest.fn(() => ok(null));
    const page = renderWeappPage('pages/topic/submit/index', {
      callFunction,
      query: { meetingId: 'm1', meetingTitle: encodeURIComponent('2027年度政府与工会联席会议') },
    });
    try {
      expect(await waitFor(() => page.text().includes('议题类别'), 5000)).toBe(true);
      const text = page.text();
      for (const s of ['2027年度政府与工会联席会议', '通报政策措施与工会重要举措', '职工急难愁盼与新就业形态劳动者权益', '其他事项', '政府方', '工会方', '双方联合', '背景情况', '调研论证', '建议与请求', '0/2000', '提交议题']) {
        expect(text).toContain(s);
      }
      // Nothing is fetched for a new topic.
      expect(callFunction).not.toHaveBeenCalled();
    } finally {
      page.detach();
    }
  });

  it('renders the screening queue from the office sub-package', async () => {
    const list: TopicListView = { items: [topic()] };
    const callFunction = jest.fn((param: CallFunctionParam) => {
      void param;
      return ok(list);
    });
    const page = renderWeappPage('packages/office/pages/queue/index', { callFunction, query: { meetingId: 'm1' } });
    try {
      expect(await waitFor(() => page.text().includes('关于外卖骑手职业伤害保障的议题'), 5000)).toBe(true);
      const text = page.text();
      for (const s of ['待审核', '已采纳', '已退回', '马春花 · 河套酒业集团', '采纳', '退回', '合并']) expect(text).toContain(s);
      expect(callFunction.mock.calls[0][0]).toEqual({
        name: 'topic',
        data: { action: 'list', payload: { scope: 'queue', status: 'submitted', meetingId: 'm1' } },
      });
    } finally {
      page.detach();
    }
  });

  it('lists inbox messages and offers to mark the unread ones', async () => {
    const inbox: InboxView = {
      unread: 1,
      items: [
        { id: 'n1', milestone: 'topic_accepted', title: '议题已采纳', body: '您提交的议题已被采纳。', link: '/pages/topic/detail/index?id=t1', createdAt: '2026-11-24T03:00:00.000Z', read: false },
      ],
    };
    const page = renderWeappPage('pages/inbox/index', { callFunction: () => ok(inbox) });
    try {
      expect(await waitFor(() => page.text().includes('议题已采纳'), 5000)).toBe(true);
      expect(page.text()).toContain('1 条未读');
      expect(page.text()).toContain('全部标为已读');
    } finally {
      page.detach();
    }
  });
});
