/**
 * @jest-environment jsdom
 */
// Issue #8's pages as WeChat runs them: the compiled dist/weapp output rendered by
// miniprogram-simulate, with wx.cloud.callFunction answered by the real router over a seeded world
// (the demo's special meeting, its notice out, invitations waiting) — the answers are what the
// server says, never a hand-written fixture. Needs `npm run build:weapp` first.
import { TextEncoder } from 'node:util';
import { checkInScene } from '../domain';
import { DEMO_NOW, openWorld, type World } from './support/world';
import { type CallFunctionParam, type RenderedPage, renderWeappPage, waitFor } from './support/weapp-sim';

const MEETING = 'm-city-special';
const TITLE = '巴彦淖尔市人民政府与市总工会新就业形态劳动者权益保障专题会议';
let world: World;

// jsdom has no TextEncoder; the local QR maker (qrcode) behind meeting.checkInCode needs it.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder;

beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());

/** wx.cloud.callFunction answered by the real router as `person`. */
function cloudAs(person: string) {
  return jest.fn((param: CallFunctionParam) =>
    world.raw(param.name, param.data, person).then((r) => ({ result: r.envelope as unknown, errMsg: 'cloud.callFunction:ok' })),
  );
}

async function rendered(page: RenderedPage, text: string): Promise<string> {
  if (!(await waitFor(() => page.text().includes(text), 5000))) {
    throw new Error(`the page never showed "${text}"; it shows: "${page.text().slice(0, 400)}"`);
  }
  return page.text();
}

describe('weapp invitation page (compiled)', () => {
  it('shows an invitee the meeting, who presides, the 文号, the four-section agenda and the reply buttons, from one call', async () => {
    const callFunction = cloudAs('city-rep-ma');
    const page = renderWeappPage('pages/meeting/detail/index', { callFunction, query: { id: MEETING } });
    try {
      const text = await rendered(page, TITLE);
      for (const s of [
        '已发通知', '专题会议', '2026年12月7日 周一 15:00', '市政府第一会议室', '王建国（副市长）', '巴政办字〔2026〕96号',
        '巴彦淖尔市人民政府、巴彦淖尔市总工会', '我的回复', '未回复', '参会身份：职工代表', '会议议程',
        '一、通报上次会议议定事项落实情况', '二、通报本次会议议题的形成过程和主要内容', '三、讨论研究并议定本次会议事项', '四、部署议定事项的贯彻落实工作',
        '议题1：关于推进外卖骑手职业伤害保障试点的建议', '议题2：关于新就业形态劳动者社会保险政策的通报',
      ]) {
        expect(text).toContain(s);
      }
      expect(text).not.toMatch(/undefined|null|NaN|notice_issued/);
      expect(page.buttons()).toEqual(['添加到手机日历', '参加', '请假', '委托代会']);
      expect(callFunction).toHaveBeenCalledTimes(1);
      expect(callFunction.mock.calls[0][0]).toEqual({ name: 'meeting', data: { action: 'get', payload: { meetingId: MEETING } } });
    } finally {
      page.detach();
    }
  });

  it('shows an invitee who replied their answer and the ways to change it', async () => {
    const page = renderWeappPage('pages/meeting/detail/index', { callFunction: cloudAs('city-hrss'), query: { id: MEETING } });
    try {
      const text = await rendered(page, '已确认参加');
      expect(text).toContain('参会身份：有关部门');
      expect(text).toContain('会议开始前可以修改回复');
      expect(page.buttons()).toEqual(['添加到手机日历', '改为请假', '改为委托代会']);
    } finally {
      page.detach();
    }
  });

  it('shows a leave with its reason after the invitee asked for it', async () => {
    const res = await world.call('meeting', 'reply', { meetingId: MEETING, answer: 'decline', reason: '当天在外地出差' }, 'city-model-yang', 'render-reply-0001');
    expect(res.envelope.ok).toBe(true);
    const page = renderWeappPage('pages/meeting/detail/index', { callFunction: cloudAs('city-model-yang'), query: { id: MEETING } });
    try {
      const text = await rendered(page, '请假理由：当天在外地出差');
      expect(text).toContain('参会身份：劳模先进代表');
      expect(page.buttons()).toEqual(['添加到手机日历', '改为参加', '改为委托代会', '修改请假理由']);
    } finally {
      page.detach();
    }
  });

  it('offers an office its console from the meeting page', async () => {
    const page = renderWeappPage('pages/meeting/detail/index', { callFunction: cloudAs('city-union-office'), query: { id: MEETING } });
    try {
      await rendered(page, '参会身份：办公室');
      expect(page.buttons()).toEqual(['添加到手机日历', '参加', '请假', '委托代会', '打开会议工作台']);
    } finally {
      page.detach();
    }
  });

  it('says what failed when the cloud is unreachable, with 重试', async () => {
    const page = renderWeappPage('pages/meeting/detail/index', {
      callFunction: () => Promise.reject(new Error('cloud.callFunction:fail network error')),
      query: { id: MEETING },
    });
    try {
      await rendered(page, '网络异常');
      expect(page.buttons()).toContain('重试');
    } finally {
      page.detach();
    }
  });
});

describe('weapp my invitations (compiled)', () => {
  it('lists the meetings I am invited to, unanswered first, with my answer in words', async () => {
    const callFunction = cloudAs('city-rep-ma');
    const page = renderWeappPage('pages/meeting/mine/index', { callFunction });
    try {
      const text = await rendered(page, TITLE);
      expect(text).toContain('我的回复：未回复');
      expect(text).toContain('1 个会议等待您回复');
      expect(text).toContain('市政府第一会议室');
      expect(callFunction.mock.calls[0][0]).toEqual({ name: 'meeting', data: { action: 'list', payload: { scope: 'mine' } } });
    } finally {
      page.detach();
    }
  });
});

describe('weapp check-in page (compiled)', () => {
  it('keeps a check-in that got no answer and completes it under the same key, once', async () => {
    const meeting = await world.call('meeting', 'get', { meetingId: MEETING }, 'city-rep-ma');
    const plannedAt = (meeting.envelope as { data: { plannedAt: string } }).data.plannedAt;
    world.setNow(new Date(new Date(plannedAt).getTime() - 30 * 60_000));
    // the door's code of that moment (issue #22: it changes every 30 seconds)
    const door = await world.call('meeting', 'checkInCode', { meetingId: MEETING }, 'city-union-office', 'render-code-0001');
    if (!door.envelope.ok) throw new Error(JSON.stringify(door.envelope));
    const { code, link } = door.envelope.data as { code: string; link: string };
    const scene = checkInScene(MEETING, code);
    expect(link).toBe(`pages/meeting/checkin/index?scene=${encodeURIComponent(scene)}`);
    // the first two calls get no answer (the venue's network), then it is back
    let failures = 2;
    const keys: unknown[] = [];
    const callFunction = jest.fn((param: CallFunctionParam) => {
      keys.push(param.data?.idempotencyKey);
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new Error('cloud.callFunction:fail network error'));
      }
      return world.raw(param.name, param.data, 'city-rep-ma').then((r) => ({ result: r.envelope as unknown, errMsg: 'cloud.callFunction:ok' }));
    });
    // WeChat hands the scene over still percent-encoded
    const page = renderWeappPage('pages/meeting/checkin/index', { callFunction, query: { scene: encodeURIComponent(scene) } });
    try {
      await rendered(page, '已离线保存，联网后自动签到');
      expect(page.buttons()).toEqual(['立即重试']);
      expect(await waitFor(() => page.text().includes('签到成功'), 20000)).toBe(true);
      expect(page.text()).toContain('马春花 签到成功');
      expect(callFunction).toHaveBeenCalledTimes(3);
      expect(new Set(keys).size).toBe(1);
      expect(String(keys[0])).toMatch(/^checkin-[A-Za-z0-9_:.-]+$/);
      expect(callFunction.mock.calls[0][0]).toMatchObject({ name: 'meeting', data: { action: 'checkIn', payload: { meetingId: MEETING, code } } });
      const att = await world.call('meeting', 'attendance', { meetingId: MEETING }, 'city-union-office');
      const rows = (att.envelope as { data: { rows: Array<{ personId: string; present: boolean }> } }).data.rows;
      expect(rows.filter((r) => r.present).map((r) => r.personId)).toEqual(['city-rep-ma']);
    } finally {
      page.detach();
      world.setNow(DEMO_NOW);
    }
  }, 30000);
});

describe('weapp office meeting pages (compiled, office sub-package)', () => {
  it('renders the console: state, next step, replies at a glance, the list as cards, the office’s buttons', async () => {
    const callFunction = cloudAs('city-gov-office');
    const page = renderWeappPage('packages/office/pages/meeting/index', { callFunction, query: { id: MEETING } });
    try {
      const text = await rendered(page, '孙立新');
      for (const s of [TITLE, '已发通知', '下一步', '参会人员回复；会议当天签到、开会', '回复情况', '应邀 8 人', '已确认', '未回复', '参会名单', '马春花', '职工代表']) {
        expect(text).toContain(s);
      }
      // 取消邀请 only on the government side's rows (its own side): 王建国, the office itself, 孙立新
      // 撤销签到 on the one row checked in (issue #16: an office undoes a mistaken check-in)
      // 催办 on the six who have not replied, of either side (issue #20; 孙立新 and 杨德胜 have)
      expect(page.buttons()).toEqual([
        '调整时间地点', '取消会议', '显示签到二维码', '打开签到大屏', '附会议材料', '导出参会名单', '导出签到表', '邀请参会人员', '设定主持人',
        '催办', '取消邀请', '催办', '催办', '取消邀请', '催办', '取消邀请', '催办', '撤销签到', '催办',
      ]);
      // no agenda editor: the agenda is the union office's to arrange
      expect(text).not.toContain('调整议程');
      // two reads, sent together: the meeting (with allowedActions) and its attendance list
      expect(callFunction.mock.calls.map(([p]) => p.data?.action).sort()).toEqual(['attendance', 'get']);
    } finally {
      page.detach();
    }
  });

  it('offers the union office the agenda with its minutes and 调整议程, and 取消邀请 on its own side only', async () => {
    const page = renderWeappPage('packages/office/pages/meeting/index', { callFunction: cloudAs('city-union-office'), query: { id: MEETING } });
    try {
      const text = await rendered(page, '会议议程');
      for (const s of ['一、通报上次会议议定事项落实情况', '三、讨论研究并议定本次会议事项', '议题1：关于推进外卖骑手职业伤害保障试点的建议', '未定时长', '合计 0 分钟']) {
        expect(text).toContain(s);
      }
      // five union-side invitees: 李秀梅, the office itself, 马春花, 郭振华, 杨…; 催办 on the six who have not replied (issue #20)
      expect(page.buttons()).toEqual([
        '取消会议', '显示签到二维码', '打开签到大屏', '附会议材料', '调整议程', '导出参会名单', '导出签到表', '邀请参会人员',
        '催办', '催办', '取消邀请', '催办', '催办', '取消邀请', '催办', '取消邀请', '撤销签到', '催办', '取消邀请', '取消邀请',
      ]);
    } finally {
      page.detach();
    }
  });

  it('renders the notice preview with its 文号 for the office', async () => {
    const page = renderWeappPage('packages/office/pages/meeting-notice/index', { callFunction: cloudAs('city-gov-office'), query: { id: MEETING } });
    try {
      const text = await rendered(page, '会议通知已印发');
      for (const s of ['巴彦淖尔市人民政府办公室', '巴政办字〔2026〕96号', `关于召开${TITLE}的通知`, '王建国（副市长）', '四、会议议程']) expect(text).toContain(s);
      expect(page.buttons()).toEqual(['下载 .docx', '会议工作台']); // issue #16: the notice as issued, in the 通知记录
    } finally {
      page.detach();
    }
  });

  it('renders the request form with nothing fetched', async () => {
    const callFunction = cloudAs('city-union-office');
    const page = renderWeappPage('packages/office/pages/meeting-request/index', { callFunction });
    try {
      const text = await rendered(page, '提请召开联席会议');
      for (const s of ['会议类型', '例会', '专题会议', '会议名称', '计划召开时间', '会议地点', '提请理由', '0/60', '0/500']) expect(text).toContain(s);
      expect(page.buttons()).toEqual(['提请召开']);
      expect(callFunction).not.toHaveBeenCalled();
    } finally {
      page.detach();
    }
  });
});
