/**
 * @jest-environment jsdom
 */
// The pages as WeChat runs them: the compiled dist/weapp output, rendered by miniprogram-simulate.
// wx.cloud.callFunction is answered by the real router over a seeded world (test/support/world.ts,
// at DEMO_NOW), whose records are made in beforeAll by calling the real actions — so every answer
// a page renders is what the server says today, never a hand-written fixture that can drift from it.
// Needs `npm run build:weapp` first.
import { openWorld, type World } from './support/world';
import { type CallFunctionParam, type RenderedPage, renderWeappPage, waitFor } from './support/weapp-sim';

let world: World;
const ids = { station: '', cold: '', rest: '', own: '' };
const MEETING = 'm-city-current';
const TEXT = {
  category: 'worker_concerns',
  background: '全市外卖骑手约八千人，多数未参加工伤保险。',
  research: '走访三家平台站点，问卷调查骑手六百余人。',
  request: '请人社部门扩大职业伤害保障试点范围。',
};

function ok<T>(res: Awaited<ReturnType<World['call']>>): T {
  if (!res.envelope.ok) throw new Error(`the set-up call was refused: ${JSON.stringify(res.envelope)}`);
  return res.envelope.data as T;
}
const submit = async (by: string, title: string) => ok<{ id: string }>(await world.call('topic', 'submit', { meetingId: MEETING, side: 'union', ...TEXT, title }, by)).id;

beforeAll(async () => {
  world = await openWorld();
  // 马春花's topic waits in the union office's queue; 郭振华's is returned with a reason;
  // 郑丽娟's is accepted and the government office gives its opinion; the office proposes one itself.
  ids.station = await submit('city-rep-ma', '关于外卖骑手职业伤害保障的议题');
  ids.cold = await submit('city-rep-guo', '关于快递员冬季防寒保暖的议题');
  ids.rest = await submit('city-union-rights', '关于职工疗休养制度落实情况的议题');
  ids.own = await submit('city-union-office', '关于新就业形态劳动者权益保障的议题');
  ok(await world.call('topic', 'return', { id: ids.cold, reason: '请补充调研数据来源' }, 'city-union-office'));
  ok(await world.call('topic', 'accept', { id: ids.rest }, 'city-union-office'));
  ok(await world.call('topic', 'addOpinion', { id: ids.rest, text: '建议先统计参保缺口。' }, 'city-gov-office'));
});
afterAll(() => world.close());

/** wx.cloud.callFunction answered by the real router as `person` (none: a WeChat user without an account). */
function cloudAs(person?: string) {
  return jest.fn((param: CallFunctionParam) =>
    world.raw(param.name, param.data, person).then((r) => ({ result: r.envelope as unknown, errMsg: 'cloud.callFunction:ok' })),
  );
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('weapp home page (compiled)', () => {
  let page: RenderedPage | null = null;
  const callFunction = cloudAs('city-union-office');

  afterAll(() => page?.detach());

  it('renders the person, the org and the empty states from one cloud call', async () => {
    page = renderWeappPage('pages/index/index', { callFunction });
    const rendered = page;

    const appeared = await waitFor(() => rendered.text().includes('陈晓丽'), 5000);
    if (!appeared) {
      throw new Error(`the home page never showed the person's name; it shows: "${rendered.text().slice(0, 300)}"`);
    }

    const text = rendered.text();
    expect(text).toContain('陈晓丽');
    expect(text).toContain('市总工会办公室 · 主任');
    expect(text).toContain('巴彦淖尔市');
    expect(text).toContain('巴彦淖尔市总工会');
    expect(text).toContain('总工会办公室');
    expect(text).toContain('关于新就业形态劳动者权益保障的议题');
    // the seeded meeting at DEMO_NOW (2026-11-24): two months and ten days on, in Shanghai time
    // titled with the year it is held in (issue #16: not the year it was planned in)
    expect(text).toContain('巴彦淖尔市人民政府与市总工会2027年度联席会议');
    expect(text).toContain('2027年2月3日 周三 09:30');
    expect(text).toContain('征集中');
    expect(text).toContain('已发通知'); // the next meeting: the seeded special meeting, its notice out
    // the office's own invitation to the special meeting (Art. 5), not yet answered
    expect(text).toContain('会议邀请全部 1 项 ›巴彦淖尔市人民政府与市总工会新就业形态劳动者权益保障专题会议未回复');
    // the office's console entry for each upcoming meeting, with its next step (issue #8)
    expect(text).toContain('会议工作台 · 已发通知');
    expect(text).toContain('下一步：参会人员回复；会议当天签到、开会');
    // Sections with nothing in them say so.
    expect(text).toContain('暂无待办任务');
    // Topic collection, the inbox and the office's queue, offered from allowedActions.
    expect(text).toContain('议题征集');
    expect(text).toContain('消息通知');
    expect(text).toContain('议题审核');
    // 马春花's topic and the office's own wait; the returned and the accepted one do not
    expect(text).toContain('2 个议题待审核');
    expect(text).not.toContain('议题清单确认');
    expect(rendered.buttons()).toEqual(['提交议题']);

    expect(callFunction).toHaveBeenCalledTimes(1);
    const [param] = callFunction.mock.calls[0];
    expect(param).toEqual({ name: 'account', data: { action: 'home', payload: {} } });
    expect(param.data?.idempotencyKey).toBeUndefined();
  });

  it('reloads on pull-down refresh and shows what changed meanwhile', async () => {
    const rendered = page;
    if (!rendered) throw new Error('the first test did not render the page');
    ok(await world.call('topic', 'submit', { meetingId: MEETING, side: 'union', ...TEXT, title: '关于快递网点规范收费的议题' }, 'city-rep-guo'));
    rendered.pullDownRefresh();
    expect(await waitFor(() => callFunction.mock.calls.length === 2, 5000)).toBe(true);
    expect(callFunction.mock.calls[1][0]).toEqual({ name: 'account', data: { action: 'home', payload: {} } });
    expect(await waitFor(() => rendered.text().includes('3 个议题待审核'), 5000)).toBe(true);
    expect(rendered.text()).toContain('陈晓丽');
  });
});

describe('weapp home page states (compiled)', () => {
  it('tells a WeChat user without a bound account to contact the office', async () => {
    // the router's own answer to a caller it cannot identify
    const unbound = renderWeappPage('pages/index/index', { callFunction: cloudAs(undefined) });
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
      expect(offline.buttons()).toEqual(['重试']);
    } finally {
      offline.detach();
    }
  });
});

describe('weapp topic pages (compiled)', () => {
  it('shows the office a waiting topic with its timeline and only the buttons the server allows', async () => {
    const callFunction = cloudAs('city-union-office');
    const page = renderWeappPage('pages/topic/detail/index', { callFunction, query: { id: ids.station } });
    try {
      expect(await waitFor(() => page.text().includes('关于外卖骑手职业伤害保障的议题'), 5000)).toBe(true);
      const text = page.text();
      for (const s of ['待审核', '职工急难愁盼与新就业形态劳动者权益', '工会方', '马春花', '总工会办公室', '全市外卖骑手约八千人', '办理进程', '提交议题', '征求意见', '暂无意见']) {
        expect(text).toContain(s);
      }
      expect(sorted(page.buttons())).toEqual(sorted(['采纳', '退回', '合并']));
      expect(callFunction.mock.calls[0][0]).toEqual({ name: 'topic', data: { action: 'get', payload: { id: ids.station } } });
    } finally {
      page.detach();
    }
  });

  it('shows an accepted topic with the other side’s opinion, and offers that side another opinion', async () => {
    const page = renderWeappPage('pages/topic/detail/index', { callFunction: cloudAs('city-gov-office'), query: { id: ids.rest } });
    try {
      expect(await waitFor(() => page.text().includes('建议先统计参保缺口。'), 5000)).toBe(true);
      const text = page.text();
      for (const s of ['已采纳', '关于职工疗休养制度落实情况的议题', '政府方', '赵敏', '市人民政府办公室', '1 条']) expect(text).toContain(s);
      expect(page.buttons()).toEqual(['发表意见']);
    } finally {
      page.detach();
    }
  });

  it('shows the proposer the returned reason and the edit buttons', async () => {
    const page = renderWeappPage('pages/topic/detail/index', { callFunction: cloudAs('city-rep-guo'), query: { id: ids.cold } });
    try {
      expect(await waitFor(() => page.text().includes('请补充调研数据来源'), 5000)).toBe(true);
      const text = page.text();
      expect(text).toContain('已退回');
      expect(text).toContain('退回理由');
      expect(sorted(page.buttons())).toEqual(sorted(['修改', '撤回', '重新提交']));
    } finally {
      page.detach();
    }
  });

  it('shows the office the returned reason and no buttons', async () => {
    const page = renderWeappPage('pages/topic/detail/index', { callFunction: cloudAs('city-union-office'), query: { id: ids.cold } });
    try {
      expect(await waitFor(() => page.text().includes('请补充调研数据来源'), 5000)).toBe(true);
      expect(page.text()).toContain('退回理由');
      expect(page.buttons()).toEqual([]);
    } finally {
      page.detach();
    }
  });

  it('offers the Art. 3 categories and only the sides the person may propose for, with the meeting from the query', async () => {
    const meeting = ok<{ collectingMeetings: Array<{ id: string; title: string }> }>(await world.call('account', 'home', {}, 'city-hrss')).collectingMeetings[0];
    expect(meeting.id).toBe(MEETING);
    const callFunction = cloudAs('city-hrss');
    const page = renderWeappPage('pages/topic/submit/index', {
      callFunction,
      query: { meetingId: meeting.id, meetingTitle: encodeURIComponent(meeting.title) },
    });
    try {
      expect(await waitFor(() => page.text().includes('议题类别') && page.text().includes('双方联合'), 5000)).toBe(true);
      const text = page.text();
      // a department head proposes for the government side or jointly (Art. 6), never for the union side
      for (const s of [meeting.title, '通报政策措施与工会重要举措', '职工急难愁盼与新就业形态劳动者权益', '其他事项', '政府方', '双方联合', '背景情况', '调研论证', '建议与请求']) {
        expect(text).toContain(s);
      }
      // exactly the two sides offered, in order, right under the field's label
      expect(text).toContain('提出方 *政府方双方联合政府方议题由');
      expect(page.buttons()).toContain('提交议题');
      // The sides come from the person's own answer (account.me); nothing else is fetched for a new topic.
      expect(callFunction.mock.calls.map((c) => (c[0].data as { action: string }).action)).toEqual(['me']);
    } finally {
      page.detach();
    }
  });

  it('renders the screening queue from the office sub-package, with exactly the screening buttons on each card', async () => {
    const callFunction = cloudAs('city-union-office');
    const page = renderWeappPage('packages/office/pages/queue/index', { callFunction, query: { meetingId: MEETING } });
    try {
      expect(await waitFor(() => page.text().includes('关于外卖骑手职业伤害保障的议题'), 5000)).toBe(true);
      const text = page.text();
      for (const s of ['待审核', '已采纳', '已退回', '马春花 · 河套酒业集团', '关于新就业形态劳动者权益保障的议题', '关于快递网点规范收费的议题']) expect(text).toContain(s);
      expect(text).not.toContain('关于快递员冬季防寒保暖的议题');
      expect(text).not.toContain('关于职工疗休养制度落实情况的议题');
      // three waiting topics, each with 退回 · 合并 · 采纳 as buttons (the tabs 已采纳/已退回 are not buttons)
      expect(page.buttons()).toEqual(['退回', '合并', '采纳', '退回', '合并', '采纳', '退回', '合并', '采纳']);
      expect(callFunction.mock.calls[0][0]).toEqual({
        name: 'topic',
        data: { action: 'list', payload: { scope: 'queue', status: 'submitted', meetingId: MEETING } },
      });
    } finally {
      page.detach();
    }
  });

  it('lists inbox messages and offers to mark the unread ones', async () => {
    const page = renderWeappPage('pages/inbox/index', { callFunction: cloudAs('city-rep-guo') });
    try {
      expect(await waitFor(() => page.text().includes('您的议题被退回'), 5000)).toBe(true);
      expect(page.text()).toContain('请补充调研数据来源');
      expect(page.text()).toContain('1 条未读');
      expect(page.buttons()).toContain('全部标为已读');
    } finally {
      page.detach();
    }
  });
});
