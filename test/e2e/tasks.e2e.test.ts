/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers and axe results are checked by the tests */
// Issue #9, the checklist (Art. 11, Art. 3 (1)) in a real browser over the real local host:
// on a phone (390×844) 孙立新 (市人社局) sees his tasks with their lights, opens task-last-1, is
// told in words that a text file cannot be evidence, uploads a PNG (thumbnail, 已上传), loses the
// network on 提交 (the sheet keeps his text, the retry goes under the same idempotency key) and
// ticks it done → 待核验; 陈晓丽 (总工会办公室) at a desk (1280×800) opens the board of
// m-city-last — counts per light, the red task-last-2 first and 待说明 — filters it, exports the
// xlsx, gives a decided item a new task (a person of another org is refused at the field), sends
// task-last-1 back with a reason and verifies task-last-5 → 已办结; home shows each of them their
// part (and a convenor the minutes waiting for review). axe on every page; screenshots to
// test/artifacts/screens/tasks-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { SCREENS, current, settled, shootFullPage, useBrowserApp, useSessions } from '../support/browser';
import { axe, noOverflow } from '../support/page-checks';

const app = useBrowserApp();
const DESK = { width: 1280, height: 800 };
const MEETING = 'm-city-last';
const WALK = 240_000;
const T1 = '精简技能培训补贴申领材料，开通网上申领';
const T2 = '城区新建户外劳动者服务站点 20 个';
const T5 = '在职工服务中心设立补贴申领代办窗口';

const open = useSessions(app);

beforeAll(() => mkdirSync(SCREENS, { recursive: true }));


async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await shootFullPage(page, join(SCREENS, `tasks-${name}.png`));
}

/** Identifiers, raw states and programming words never reach the screen. */
async function finishedText(page: Page): Promise<string> {
  const text = await current(page).innerText();
  expect(text).not.toMatch(/\b(undefined|null|NaN|in_progress|awaiting_verification|done|red|yellow|green|task-last-\d|m-city-last|city-hrss)\b/);
  return text;
}




const api = async (person: string, action: string, payload: unknown, area = 'task') => {
  const res = await app.host.post(area, { action, payload }, await app.host.signIn(person));
  if (!res.json.ok) throw new Error(`${person} ${area}.${action}: ${JSON.stringify(res.json)}`);
  return res.json.data;
};

/** The task.* requests a page sends. */
function taskCalls(page: Page): Array<{ action: string; idempotencyKey?: string; payload: any }> {
  const seen: Array<{ action: string; idempotencyKey?: string; payload: any }> = [];
  page.on('request', (r: Request) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/task')) {
      try {
        seen.push(JSON.parse(r.postData() ?? '{}'));
      } catch {
        // not JSON: not ours
      }
    }
  });
  return seen;
}

/** Waits until `read` answers `want` (a page that re-renders after a tap or a quiet reload). */
async function until<T>(read: () => Promise<T>, want: T, timeout = 30000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(want)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${JSON.stringify(want)}, still ${JSON.stringify(last)}`);
}

/** A real PNG (a QR code, so the thumbnail shows something). */
async function png(): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const QRCode = require('qrcode') as typeof import('qrcode');
  return QRCode.toBuffer('代办窗口 2026', { type: 'png', width: 160, margin: 1 });
}

it(
  '孙立新 sees his tasks by light, uploads a photo as evidence and ticks task-last-1 done on his phone',
  async () => {
    const { page, errors } = await open('city-hrss', '/pages/task/mine/index');
    const c = current(page);
    await c.locator('.tk-card', { hasText: T1 }).waitFor({ timeout: 30000 });
    const text = await finishedText(page);
    for (const s of ['2 项任务未办结', '逾期 0', '临期 1', '正常 1', '已办结 0', '还剩 4 天', '还剩 20 天', '待核验', '推进职工技能培训补贴申领便利化']) expect(text).toContain(s);
    // due soon first, then the one on track
    expect((await c.locator('.tk-card .tk-card__title').allInnerTexts()).map((t) => t.trim())).toEqual([T1, T5]);
    expect(await c.locator('.tk-card', { hasText: T1 }).locator('.tk-light').innerText()).toBe('临期');
    await noOverflow(page);
    await axe(page);
    await shot(page, 'mine');

    // The task: light and countdown, the decided item, the history, the owner's buttons.
    await c.locator('.tk-card', { hasText: T1 }).click();
    const d = current(page);
    await d.locator('.tdetail__title', { hasText: T1 }).waitFor({ timeout: 30000 });
    const detail = await finishedText(page);
    for (const s of ['临期', '落实中', '还剩 4 天', '完成时限：2026年11月28日', '市人社局', '孙立新', '总工会办公室', '议定事项：推进职工技能培训补贴申领便利化', '报告进展', '申领材料已由 9 项精简为 4 项']) {
      expect(detail).toContain(s);
    }
    for (const b of ['标记完成', '报告进展', '说明未完成原因']) expect(await d.locator('taro-button-core', { hasText: b }).count()).toBe(1);
    expect(await d.locator('taro-button-core', { hasText: '核验办结' }).count()).toBe(0);
    await noOverflow(page);
    await axe(page);
    await shot(page, 'detail');

    // 标记完成: the sheet; nothing typed is named at the field.
    const calls = taskCalls(page);
    await d.locator('[aria-label="标记完成"]').click();
    const sheet = page.locator('.dialog').filter({ visible: true });
    await sheet.getByText('提交完成情况', { exact: true }).waitFor();
    await sheet.getByText('提交完成情况', { exact: true }).click();
    await sheet.getByText('请填写完成情况', { exact: true }).waitFor();
    await sheet.locator('textarea').fill('申领材料由 9 项精简为 4 项，网上申领系统已于本月上线运行。');

    // A text file is refused in words; the PNG is uploaded with a thumbnail.
    const [wrong] = await Promise.all([page.waitForEvent('filechooser'), sheet.getByText('＋ 添加证明材料').click()]);
    await wrong.setFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await sheet.getByText('「说明.txt」不是 JPG、PNG 图片或 PDF 文件，不能作为证明材料', { exact: true }).waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), sheet.getByText('＋ 添加证明材料').click()]);
    await chooser.setFiles({ name: '代办窗口照片.png', mimeType: 'image/png', buffer: await png() });
    const row = sheet.locator('.tdetail__upload', { hasText: '代办窗口照片.png' });
    await row.getByText(/已上传/).waitFor({ timeout: 30000 });
    expect(await row.locator('img').count()).toBe(1);
    await axe(page);
    await shot(page, 'complete-sheet');

    // The network drops on 提交: the sheet stays with the text and says why; the retry succeeds.
    await page.route('**/api/task', (r) => r.abort());
    await sheet.getByText('提交完成情况', { exact: true }).click();
    await sheet.locator('.dialog__error', { hasText: '网络异常' }).waitFor({ timeout: 30000 });
    expect(await sheet.locator('textarea').inputValue()).toContain('网上申领系统已于本月上线运行');
    expect(await row.count()).toBe(1);
    await page.unroute('**/api/task');
    await sheet.getByText('提交完成情况', { exact: true }).dblclick();
    await d.locator('.notice', { hasText: '已标记完成，等待核验' }).waitFor({ timeout: 30000 });
    const completes = calls.filter((x) => x.action === 'complete');
    expect(completes.length).toBe(2); // the cut one and one retry (the double tap sent once)
    expect(new Set(completes.map((x) => x.idempotencyKey)).size).toBe(1);
    // the picked name travels beside the id (a WeChat cloud path keeps only ASCII)
    expect(completes[1].payload.evidence).toEqual([{ fileId: expect.stringMatching(/^local:[0-9a-f]{32}$/), fileName: '代办窗口照片.png' }]);
    const after = await finishedText(page);
    for (const s of ['待核验', '完成情况', '网上申领系统已于本月上线运行', '代办窗口照片.png', '标记完成']) expect(after).toContain(s);
    expect(await d.locator('[aria-label="标记完成"]').count()).toBe(0);
    const saved = await api('city-hrss', 'get', { taskId: 'task-last-1' });
    expect(saved).toMatchObject({ status: 'awaiting_verification', completion: { evidence: [{ fileName: '代办窗口照片.png', contentType: 'image/png' }] } });
    await axe(page);
    await shot(page, 'detail-awaiting');
    expect(errors).toEqual([]);
  },
  WALK,
);

it(
  '陈晓丽 at her desk sees the board red first, filters and exports it, assigns a task, sends task-last-1 back and verifies task-last-5',
  async () => {
    const { page, errors } = await open('city-union-office', `/packages/office/pages/checklist/index?meetingId=${MEETING}`, DESK);
    const b = current(page);
    const rows = b.locator('.cl-table [role="row"]');
    await rows.nth(1).waitFor({ timeout: 30000 });
    const text = await finishedText(page);
    const title = (await b.locator('.clboard__title').innerText()).trim();
    expect(title).toMatch(/^巴彦淖尔市人民政府与市总工会\d{4}年度联席会议$/);
    expect(text).toContain('共 5 项');
    const tile = (label: string) => b.locator('.clboard__tile', { hasText: label });
    expect((await tile('逾期').innerText()).replace(/\s+/g, ' ')).toBe('1 逾期');
    expect((await tile('临期').innerText()).replace(/\s+/g, ' ')).toBe('1 临期');
    expect((await tile('正常').innerText()).replace(/\s+/g, ' ')).toBe('2 正常');
    expect((await tile('已办结').innerText()).replace(/\s+/g, ' ')).toBe('1 已办结');
    // overdue first, with its light in words and 待说明 (Art. 3 (1))
    expect(await rows.count()).toBe(6);
    const first = await rows.nth(1).innerText();
    for (const s of [T2, '逾期', '市住建局', '周文博', '已逾期 40 天', '待说明']) expect(first).toContain(s);
    expect(await rows.nth(5).innerText()).toContain('已办结');
    await axe(page);
    await shot(page, 'board-desk');

    // Filters: by light, then by unit.
    await tile('临期').click();
    await until(() => rows.count(), 2);
    expect(await rows.nth(1).innerText()).toContain(T1);
    await tile('全部').click();
    await b.locator('.clboard__unit', { hasText: '市人社局' }).click();
    await until(() => rows.count(), 3);
    await b.locator('.clboard__unit', { hasText: '全部单位' }).click();
    await until(() => rows.count(), 6);

    // 导出清单: the xlsx, fetched with the session.
    const [download] = await Promise.all([page.waitForEvent('download'), b.getByText('导出清单', { exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${title}-落实清单.xlsx`);
    expect(readFileSync((await download.path()) as string).subarray(0, 2).toString()).toBe('PK');

    // 分解任务: the offices' form; what is missing is named at its field.
    await settled(page);
    await b.locator('[aria-label="分解任务：建设户外劳动者服务站点"]').click();
    const form = page.locator('.dialog').filter({ visible: true });
    await form.getByText('交办任务', { exact: true }).waitFor();
    await form.locator('[role="radio"]').first().waitFor({ timeout: 30000 });
    expect(await form.locator('input').first().inputValue()).toBe('建设户外劳动者服务站点');
    await form.getByText('交办任务', { exact: true }).click();
    await form.getByText('请选择责任人', { exact: true }).waitFor();
    await form.getByText('请选择完成时限', { exact: true }).waitFor();
    await axe(page);
    await shot(page, 'assign-form');
    // issue #19: the person is picked from the directory (searched by unit), never typed as an id
    await form.locator('input[placeholder="搜索姓名、单位或职务"]').fill('住建');
    await form.getByText('找到 1 人').waitFor({ timeout: 30000 });
    await form.locator('[role="radio"]', { hasText: '周文博' }).click();
    await form.locator('.tk-picker').click();
    await page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
    await form.locator('.tk-picker', { hasText: '2026年11月24日' }).waitFor();
    expect(await form.innerText()).not.toMatch(/city-[a-z]+/);
    await axe(page);
    await shot(page, 'assign-picked');
    await form.getByText('交办任务', { exact: true }).click();
    await form.waitFor({ state: 'detached', timeout: 30000 });
    await b.locator('.clboard__decision', { hasText: '建设户外劳动者服务站点' }).getByText('已分解 3 项任务', { exact: true }).waitFor({ timeout: 30000 });
    await until(() => rows.count(), 7);
    expect(await rows.filter({ hasText: '周文博' }).filter({ hasText: '今天到期' }).count()).toBe(1);

    // task-last-1 (孙立新 marked it done): sent back with a reason.
    await rows.filter({ hasText: T1 }).locator('[role="link"]').click();
    const d = current(page);
    await d.locator('.tdetail__title', { hasText: T1 }).waitFor({ timeout: 30000 });
    await d.locator('taro-button-core', { hasText: '核验办结' }).waitFor();
    expect(await d.innerText()).toContain('代办窗口照片.png');
    await axe(page);
    await shot(page, 'verify-desk');
    await d.locator('taro-button-core', { hasText: /^退回$/ }).click();
    const back = page.locator('.dialog').filter({ visible: true });
    await back.locator('textarea').fill('请补充网上申领系统上线的正式文件。');
    await back.getByText('确认退回', { exact: true }).click();
    await d.locator('.tdetail__sendback', { hasText: '请补充网上申领系统上线的正式文件。' }).waitFor({ timeout: 30000 });
    expect(await d.locator('.tdetail__tags').innerText()).toContain('落实中');

    // Back on the board, task-last-5: 核验办结 → 已办结.
    await d.getByLabel('返回').click();
    await rows.filter({ hasText: T5 }).waitFor();
    await rows.filter({ hasText: T5 }).locator('[role="link"]').click();
    const v = current(page);
    await v.locator('.tdetail__title', { hasText: T5 }).waitFor({ timeout: 30000 });
    await v.locator('taro-button-core', { hasText: '核验办结' }).click();
    const confirm = page.locator('.taro-model__confirm').filter({ visible: true });
    await confirm.waitFor({ timeout: 10000 });
    await confirm.click();
    await v.locator('.notice', { hasText: '已核验办结' }).waitFor({ timeout: 30000 });
    expect(await v.locator('.tdetail__tags').innerText()).toContain('已办结');
    expect(await v.locator('taro-button-core', { hasText: '核验办结' }).count()).toBe(0);
    await axe(page);
    await shot(page, 'verified-desk');
    expect((await api('city-union-office', 'get', { taskId: 'task-last-5' })).status).toBe('done');

    // The board catches up when shown again.
    await v.getByLabel('返回').click();
    await until(async () => (await tile('已办结').innerText()).replace(/\s+/g, ' '), '2 已办结');
    expect(await rows.filter({ hasText: T5 }).innerText()).toContain('已办结');
    await shot(page, 'board-desk-after');
    expect(errors).toEqual([]);
  },
  WALK,
);

it(
  'home shows the owner his task with its light and countdown, and the office the 落实清单 with the overdue count',
  async () => {
    const owner = await open('city-hrss', '/pages/index/index');
    const h = current(owner.page);
    const card = h.locator('#home-tasks');
    await card.locator('.home-task', { hasText: T1 }).waitFor({ timeout: 30000 });
    const task = await card.locator('.home-task', { hasText: T1 }).innerText();
    expect(task).toContain('临期');
    expect(task).toContain('还剩 4 天');
    expect(await card.innerText()).toContain('全部 1 项');
    await noOverflow(owner.page);
    await axe(owner.page);
    await shot(owner.page, 'home-owner');
    await card.locator('.home-task', { hasText: T1 }).click();
    await current(owner.page).locator('.tdetail__title', { hasText: T1 }).waitFor({ timeout: 30000 });
    // 长辈版: the same task, larger, nothing cut off, the send-back reason said in words
    await owner.page.evaluate(() => localStorage.setItem('elder_mode', JSON.stringify({ data: true })));
    await owner.page.reload();
    const elder = current(owner.page);
    await elder.locator('.tdetail__sendback', { hasText: '请补充网上申领系统上线的正式文件。' }).waitFor({ timeout: 30000 });
    expect(await owner.page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    await noOverflow(owner.page);
    await axe(owner.page);
    await shot(owner.page, 'detail-elder');

    // the minutes waiting for the union side's review (Art. 9), for its convenor
    const convenor = await open('city-union-convenor', '/pages/index/index');
    const minutes = current(convenor.page).locator('#home-minutes');
    await minutes.waitFor({ timeout: 30000 });
    expect(await minutes.innerText()).toContain('巴彦淖尔市人民政府与市总工会职工技能提升专题会议');
    expect(convenor.errors).toEqual([]);

    const office = await open('city-union-office', '/pages/index/index');
    const o = current(office.page);
    const entry = o.locator('.entry', { hasText: '1 项任务已逾期' });
    await entry.waitFor({ timeout: 30000 });
    expect(await entry.innerText()).toContain('1 项任务已逾期，请督办');
    await axe(office.page);
    await shot(office.page, 'home-office');
    // without a meeting the board shows the org's overdue tasks
    await entry.click();
    const board = current(office.page);
    await board.locator('.tk-card', { hasText: T2 }).waitFor({ timeout: 30000 });
    expect(await board.locator('.tk-card').count()).toBe(1);
    expect(await board.innerText()).toContain('本级逾期任务');
    await noOverflow(office.page);
    await axe(office.page);
    await shot(office.page, 'board-overdue-phone');
    expect(owner.errors).toEqual([]);
    expect(office.errors).toEqual([]);
  },
  WALK,
);

it(
  'issue #16: 周文博 asks for a later deadline on his phone; 陈晓丽 sees 延期申请 on the board, refuses it (still 逾期), then approves the next one (deadline, light, history)',
  async () => {
    const owner = await open('city-housing', '/pages/task/detail/index?id=task-last-2');
    const d = current(owner.page);
    await d.locator('.tdetail__title', { hasText: T2 }).waitFor({ timeout: 30000 });
    // the person responsible asks; the deadline is not theirs to set
    const ask = d.locator('taro-button-core', { hasText: '申请延期' });
    expect(await ask.count()).toBe(1);
    expect(await d.locator('taro-button-core', { hasText: '调整期限' }).count()).toBe(0);
    expect(await d.locator('.tdeadline').innerText()).toContain('交办时确定');
    await ask.click();
    const sheet = owner.page.locator('.dialog').filter({ visible: true });
    await sheet.getByText('提交申请', { exact: true }).click();
    await sheet.getByText('请选择申请的完成时限', { exact: true }).waitFor();
    await sheet.getByText('请填写延期理由', { exact: true }).waitFor();
    await sheet.locator('.tk-picker').click();
    await owner.page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
    await sheet.locator('.tk-picker', { hasText: '2026年11月24日' }).waitFor();
    await sheet.locator('textarea').fill('站点选址涉及规划调整，需重新报批。');
    await axe(owner.page);
    await shot(owner.page, 'deadline-request-sheet');
    await sheet.getByText('提交申请', { exact: true }).click();
    await sheet.waitFor({ state: 'detached', timeout: 30000 });
    const pending = d.locator('.tdeadline__pending');
    await pending.waitFor({ timeout: 30000 });
    expect(await pending.innerText()).toContain('申请将完成时限由 2026年10月15日 延至 2026年11月24日');
    // until approved the old deadline and its light stand
    expect(await d.locator('.tdetail__tags').innerText()).toContain('逾期');
    expect(await d.locator('.tdetail__deadline').innerText()).toBe('完成时限：2026年10月15日');
    expect(await ask.count()).toBe(0);
    expect(await pending.locator('taro-button-core').count()).toBe(0);
    await finishedText(owner.page);
    await noOverflow(owner.page);
    await axe(owner.page);
    await shot(owner.page, 'deadline-requested');

    // 陈晓丽 at her desk: the board says a request waits and filters to it
    const office = await open('city-union-office', `/packages/office/pages/checklist/index?meetingId=${MEETING}`, DESK);
    const b = current(office.page);
    const rows = b.locator('.cl-table [role="row"]');
    await rows.nth(1).waitFor({ timeout: 30000 });
    const filter = b.locator('.clboard__request-filter');
    expect(await filter.innerText()).toContain('延期申请待审批 1 项');
    await filter.click();
    await until(() => rows.count(), 2);
    expect(await rows.nth(1).innerText()).toContain('延期申请 · 延至 2026年11月24日');
    await axe(office.page);
    await shot(office.page, 'deadline-board');
    await rows.nth(1).locator('[role="link"]').click();
    const o = current(office.page);
    await o.locator('.tdetail__title', { hasText: T2 }).waitFor({ timeout: 30000 });
    const decide = o.locator('.tdeadline__pending');
    await decide.locator('taro-button-core', { hasText: '同意延期' }).waitFor();
    // a decision waits: 调整期限 comes after it
    expect(await o.locator('taro-button-core', { hasText: '调整期限' }).count()).toBe(0);
    await decide.locator('taro-button-core', { hasText: '不同意' }).click();
    const refuse = office.page.locator('.dialog').filter({ visible: true });
    await refuse.getByText('确认不同意', { exact: true }).click();
    await refuse.getByText('请填写审批意见', { exact: true }).waitFor();
    await refuse.locator('textarea').fill('站点建设是年度重点任务，请加快推进。');
    await refuse.getByText('确认不同意', { exact: true }).click();
    await refuse.waitFor({ state: 'detached', timeout: 30000 });
    await o.locator('.tdeadline__request--refused', { hasText: '站点建设是年度重点任务，请加快推进。' }).waitFor({ timeout: 30000 });
    expect(await o.locator('.tdetail__tags').innerText()).toContain('逾期');
    expect(await o.locator('.tdetail__deadline').innerText()).toBe('完成时限：2026年10月15日');
    expect((await api('city-housing', 'get', { taskId: 'task-last-2' })).deadline).toBe('2026-10-15');
    await axe(office.page);
    await shot(office.page, 'deadline-refused');

    // 周文博 asks again; 陈晓丽 approves: the deadline, the light and the history change
    await api('city-housing', 'requestDeadline', { taskId: 'task-last-2', newDeadline: '2027-06-30', reason: '规划调整已报批，明年上半年完成。' });
    await office.page.reload();
    const o2 = current(office.page);
    const approve = o2.locator('.tdeadline__pending').locator('taro-button-core', { hasText: '同意延期' });
    await approve.waitFor({ timeout: 30000 });
    await approve.click();
    const confirm = office.page.locator('.taro-model__confirm').filter({ visible: true });
    await confirm.waitFor({ timeout: 10000 });
    await confirm.click();
    await o2.locator('.tdeadline__entry--now', { hasText: '2027年6月30日（现行）' }).waitFor({ timeout: 30000 });
    expect(await o2.locator('.tdeadline__entry--now').innerText()).toContain('同意延期申请');
    expect(await o2.locator('.tdetail__tags').innerText()).toContain('正常');
    expect(await o2.locator('.tdetail__deadline').innerText()).toBe('完成时限：2027年6月30日');
    expect(await o2.locator('.tdeadline__pending').count()).toBe(0);
    expect(await o2.locator('taro-button-core', { hasText: '调整期限' }).count()).toBe(1);
    await finishedText(office.page);
    await axe(office.page);
    await shot(office.page, 'deadline-approved');
    expect(owner.errors).toEqual([]);
    expect(office.errors).toEqual([]);
  },
  WALK,
);
