/**
 * @jest-environment jsdom
 */
// Issue #9's pages as WeChat runs them: the compiled dist/weapp output rendered by
// miniprogram-simulate, with wx.cloud.callFunction answered by the real router over a seeded world
// (the held meeting whose minutes wait at the union side's review, version 2, a return on version 1).
// Needs `npm run build:weapp` first.
import { openWorld, type World } from './support/world';
import { type CallFunctionParam, type RenderedPage, renderWeappPage, waitFor } from './support/weapp-sim';

const HELD = 'm-city-held';
let world: World;

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

describe('weapp minutes pages (compiled)', () => {
  it('shows the union chair version 2, the return on version 1 and 退回修改 / 审核通过, from one call', async () => {
    const callFunction = cloudAs('city-union-chair');
    const page = renderWeappPage('pages/minutes/index', { callFunction, query: { meetingId: HELD } });
    try {
      const text = await rendered(page, '请您审核第2稿');
      for (const s of ['工会方审核中', '纪要正文（第2稿）', '设立职工技能竞赛专项经费', '工会方审核：审核中', '第1稿', '被退回', '请补充技能竞赛经费的议定事项']) {
        expect(text).toContain(s);
      }
      expect(text).not.toMatch(/undefined|null|NaN|union_review/);
      expect(page.buttons()).toEqual(['退回修改', '审核通过']);
      expect(callFunction).toHaveBeenCalledTimes(1);
      expect(callFunction.mock.calls[0][0]).toEqual({ name: 'minutes', data: { action: 'get', payload: { meetingId: HELD } } });
    } finally {
      page.detach();
    }
  });

  it('shows the union office the minutes in review, read-only, with the .docx preview', async () => {
    const page = renderWeappPage('packages/office/pages/minutes-editor/index', { callFunction: cloudAs('city-union-office'), query: { meetingId: HELD } });
    try {
      const text = await rendered(page, '审核期间不能修改');
      expect(text).toContain('请补充技能竞赛经费的议定事项');
      expect(page.buttons()).toEqual(['下载 .docx 预览']);
    } finally {
      page.detach();
    }
  });

  it('shows an office the empty press release form with both approvals waiting', async () => {
    const page = renderWeappPage('packages/office/pages/press/index', { callFunction: cloudAs('city-gov-office'), query: { meetingId: HELD } });
    try {
      const text = await rendered(page, '起草稿件');
      for (const s of ['双方审核', '政府办公室', '总工会办公室', '稿件尚未起草']) expect(text).toContain(s);
      expect(page.buttons()).toEqual(['保存稿件']);
    } finally {
      page.detach();
    }
  });
});
