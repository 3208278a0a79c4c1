/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #19 in a real browser over the real local host, at a desk (1366×768): the government office
// invites 12 people from the directory in one dialog (no id typed anywhere) and sets the presiding
// leader with the same picker; the meetings page lists every meeting by year and state and opens last
// year's dossier; the union office, after 宣布散会, reaches the minutes editor from home in one tap.
// Each page is checked with axe and photographed to test/artifacts/screens/workbench-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESK, PHONE, SCREENS, current, settled, shootFullPage, taroStorageValue, useBrowserApp, useSessions } from '../support/browser';
import { axe, noOverflow } from '../support/page-checks';

const app = useBrowserApp();
const open = useSessions(app);
const WALK = 240_000;

beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await shootFullPage(page, join(SCREENS, `workbench-${name}.png`));
}

const api = async (person: string, area: string, action: string, payload: unknown) => {
  const res = await app.host.post(area, { action, payload }, await app.host.signIn(person));
  if (!res.json.ok) throw new Error(`${person} ${area}.${action}: ${JSON.stringify(res.json)}`);
  return res.json.data;
};

/** Identifiers never reach the screen. */
async function noIds(page: Page): Promise<void> {
  expect(await current(page).innerText()).not.toMatch(/\b(city-[a-z-]+|m-city-[a-z]+|undefined|null)\b/);
}

it(
  'the government office invites 12 people from the directory in one dialog and picks the presiding leader',
  async () => {
    // six more department heads in the directory (seeded: three leaders, the office, three departments)
    const DEPTS = [['市教育局', '副局长'], ['市财政局', '副局长'], ['市卫健委', '副主任'], ['市应急管理局', '副局长'], ['市市场监管局', '副局长'], ['市交通运输局', '副局长']];
    const names = ['钱立国', '冯建军', '褚海燕', '卫东明', '蒋晓光', '沈玉兰'];
    for (const [i, [unit, title]] of DEPTS.entries()) await api('city-gov-office', 'people', 'create', { name: names[i], unit, title, roles: ['gov_department'] });

    const gov = await open('city-gov-office', '/packages/office/pages/meeting/index?id=m-city-current', DESK);
    const g = current(gov.page);
    await g.getByText('邀请参会人员', { exact: true }).waitFor({ timeout: 30000 });
    await g.getByText('邀请参会人员', { exact: true }).click();
    const dialog = gov.page.locator('.dialog').filter({ visible: true });
    await dialog.locator('[role="checkbox"]').first().waitFor({ timeout: 30000 });
    // the government office is offered only the government side
    expect(await dialog.locator('[role="checkbox"]', { hasText: '马春花' }).count()).toBe(0);
    // all of the government's leaders, then all of the departments: two filters, two 全选
    await dialog.getByText('领导', { exact: true }).click();
    await dialog.getByText('找到 3 人，已选 0 人').waitFor({ timeout: 30000 });
    await dialog.getByText('全选以上 3 人', { exact: true }).click();
    await dialog.getByText('有关部门', { exact: true }).click();
    await dialog.getByText(/找到 9 人/).waitFor({ timeout: 30000 });
    await dialog.getByText('全选以上 9 人', { exact: true }).click();
    await dialog.getByText('已选 12 人（点按移除）').waitFor();
    // a search by unit finds a person; a tap on a chip takes them out and back in
    await dialog.locator('input[placeholder="搜索姓名、单位或职务"]').fill('财政');
    await dialog.getByText('找到 1 人，已选 12 人').waitFor({ timeout: 30000 });
    expect(await dialog.locator('[role="checkbox"]').allInnerTexts()).toEqual([expect.stringContaining('冯建军')]);
    await noIds(gov.page);
    await axe(gov.page);
    await shot(gov.page, 'invite-desk');
    await dialog.getByText('邀请 12 人', { exact: true }).click();
    await g.locator('.mtable [role="row"]', { hasText: '沈玉兰' }).waitFor({ timeout: 30000 });
    const rows = (await api('city-gov-office', 'meeting', 'attendance', { meetingId: 'm-city-current' })).rows as any[];
    expect(rows.length).toBe(12);
    expect(rows.filter((r) => r.category === 'leader').length).toBe(3);
    expect(rows.filter((r) => r.category === 'department').length).toBe(9);

    // 设定主持人: the same picker, only the leaders who may preside
    await g.getByText('设定主持人', { exact: true }).click();
    const presiding = gov.page.locator('.dialog').filter({ visible: true });
    await presiding.locator('[role="radio"]').first().waitFor({ timeout: 30000 });
    expect((await presiding.locator('[role="radio"]').allInnerTexts()).map((t) => t.split('\n')[0]).sort()).toEqual(['何立军', '王建国'].sort());
    await presiding.locator('[role="radio"]', { hasText: '王建国' }).click();
    await axe(gov.page);
    await presiding.getByText('确定', { exact: true }).click();
    await g.getByText('王建国').first().waitFor({ timeout: 30000 });
    expect((await api('city-gov-office', 'meeting', 'get', { meetingId: 'm-city-current' })).presiding.name).toBe('王建国');
    expect(gov.errors).toEqual([]);
  },
  WALK,
);

it(
  'the picker on a phone: a bottom sheet, nothing overflows',
  async () => {
    const union = await open('city-union-office', '/packages/office/pages/meeting/index?id=m-city-current', PHONE);
    const u = current(union.page);
    await u.getByText('邀请参会人员', { exact: true }).waitFor({ timeout: 30000 });
    await u.getByText('邀请参会人员', { exact: true }).click();
    const dialog = union.page.locator('.dialog').filter({ visible: true });
    await dialog.locator('[role="checkbox"]', { hasText: '马春花' }).waitFor({ timeout: 30000 });
    await dialog.locator('[role="checkbox"]', { hasText: '马春花' }).click();
    await noOverflow(union.page);
    await axe(union.page);
    await shot(union.page, 'invite-phone');
    expect(union.errors).toEqual([]);
  },
  WALK,
);

it(
  'home leads with the work queue; 全部会议 finds last year\'s meeting and opens its dossier',
  async () => {
    const last = await api('city-gov-office', 'meeting', 'get', { meetingId: 'm-city-last' });
    const gov = await open('city-gov-office', '/pages/index/index', DESK);
    const h = current(gov.page);
    await h.locator('#home-work').waitFor({ timeout: 30000 });
    const home = await api('city-gov-office', 'account', 'home', {});
    expect(await h.locator('#home-work .entry').count()).toBe(home.work.length);
    await axe(gov.page);
    await shot(gov.page, 'home-desk');
    await h.getByText('全部会议', { exact: true }).click();
    await gov.page.waitForURL(/packages\/office\/pages\/meetings\/index/, { timeout: 30000 });
    const m = current(gov.page);
    await m.locator('.mlist__card').first().waitFor({ timeout: 30000 });
    await m.getByText('2025年', { exact: true }).click();
    await m.locator('.mlist__card', { hasText: last.title }).waitFor({ timeout: 30000 });
    expect(await m.locator('.mlist__card').count()).toBe(1);
    await m.locator('.mlist__head', { hasText: last.title }).click();
    await m.getByText('落实清单', { exact: true }).waitFor();
    expect(await m.locator('.mlist__link-label').allInnerTexts()).toEqual(['会议工作台', '会议通知', '会议议题', '会议纪要', '落实清单', '新闻通稿']);
    await noIds(gov.page);
    await axe(gov.page);
    await shot(gov.page, 'meetings-desk');
    // a search by words of the title
    await m.getByText('全部年份', { exact: true }).click();
    await m.locator('input[placeholder="按会议名称搜索"]').fill('不存在的会议名称');
    await m.getByText('没有符合条件的会议').waitFor({ timeout: 30000 });
    await m.locator('input[placeholder="按会议名称搜索"]').fill('');
    await m.getByText('2025年', { exact: true }).click();
    // the dossier opened before stays open while the filters change
    await m.getByText('会议纪要', { exact: true }).click();
    await gov.page.waitForURL(/pages\/minutes\/index/, { timeout: 30000 });
    expect(gov.errors).toEqual([]);

    const phone = await open('city-union-convenor', '/packages/office/pages/meetings/index', PHONE);
    await current(phone.page).locator('.mlist__card').first().waitFor({ timeout: 30000 });
    await noOverflow(phone.page);
    await axe(phone.page);
    await shot(phone.page, 'meetings-phone');
  },
  WALK,
);

it(
  'after 宣布散会 the union office reaches the minutes editor from home in one tap',
  async () => {
    const special = await api('city-union-office', 'meeting', 'get', { meetingId: 'm-city-special' });
    app.host.clock.set(new Date(special.plannedAt));
    try {
      await api('city-union-office', 'meeting', 'start', { meetingId: 'm-city-special' });
      await api('city-union-office', 'meeting', 'adjourn', { meetingId: 'm-city-special' });
      const union = await open('city-union-office', '/pages/index/index', DESK);
      const h = current(union.page);
      const item = h.locator('#home-minutes .item', { hasText: special.title });
      await item.waitFor({ timeout: 30000 });
      expect(await item.innerText()).toContain('已散会，待起草纪要');
      await axe(union.page);
      await shot(union.page, 'home-union-desk');
      await item.click();
      await union.page.waitForURL(/packages\/office\/pages\/minutes-editor\/index/, { timeout: 30000 });
      expect(union.errors).toEqual([]);
      // the console says where its own minutes step is done, not 这一步不由您办理
      const consoleSession = await open('city-union-office', '/packages/office/pages/meeting/index?id=m-city-special', DESK);
      await current(consoleSession.page).getByText('请在下方「会后工作」中起草、提交会议纪要。').waitFor({ timeout: 30000 });
      expect(await current(consoleSession.page).innerText()).not.toContain('这一步不由您办理');
    } finally {
      app.host.clock.set(new Date('2026-11-24T02:00:00.000Z'));
    }
  },
  WALK,
);

it(
  'a half-written topic survives a reload: 恢复草稿 puts it back, and leaving warns first',
  async () => {
    const rep = await open('city-rep-ma', '/pages/topic/submit/index?meetingId=m-city-current', DESK);
    const f = current(rep.page);
    const title = f.locator('textarea[placeholder="请输入议题标题"]');
    await title.waitFor({ timeout: 30000 });
    await title.fill('关于职工书屋建设的建议');
    await f.locator('textarea[placeholder="请写明背景情况"]').fill('部分企业职工书屋图书陈旧，使用率低。');
    await rep.page.waitForTimeout(900); // kept a moment after the last change
    const dialogs: string[] = [];
    rep.page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await rep.page.reload();
    expect(dialogs).toContain('beforeunload');
    const again = current(rep.page);
    await again.getByText('有一份未提交的草稿').waitFor({ timeout: 30000 });
    // offered, not applied unasked
    expect(await again.locator('textarea[placeholder="请输入议题标题"]').inputValue()).toBe('');
    await axe(rep.page);
    await shot(rep.page, 'draft-bar');
    await again.getByText('恢复草稿', { exact: true }).click();
    expect(await again.locator('textarea[placeholder="请输入议题标题"]').inputValue()).toBe('关于职工书屋建设的建议');
    expect(await again.locator('textarea[placeholder="请写明背景情况"]').inputValue()).toBe('部分企业职工书屋图书陈旧，使用率低。');
    await expect(again.getByText('有一份未提交的草稿').count()).resolves.toBe(0);
    // another person on the same device does not see it
    const other = await open('city-rep-guo', '/pages/topic/submit/index?meetingId=m-city-current', DESK);
    await current(other.page).locator('textarea[placeholder="请输入议题标题"]').waitFor({ timeout: 30000 });
    expect(await current(other.page).getByText('有一份未提交的草稿').count()).toBe(0);
    expect(rep.errors).toEqual([]);
  },
  WALK,
);

it(
  'a date is picked at a desk with the mouse, with the keyboard, or typed',
  async () => {
    const office = await open('city-union-office', '/packages/office/pages/meeting-request/index', DESK);
    const f = current(office.page);
    const input = f.locator('input[aria-label="会议日期（年-月-日）"]');
    await input.waitFor({ timeout: 30000 });
    // the mouse: the calendar, next month, a day
    await f.getByRole('button', { name: '打开日历选择会议日期' }).click();
    await f.getByRole('button', { name: '下个月' }).click();
    await f.getByRole('button', { name: '2026年12月15日' }).click();
    expect(await input.inputValue()).toBe('2026-12-15');
    // a day before today cannot be picked
    await f.getByRole('button', { name: '打开日历选择会议日期' }).click();
    await f.getByRole('button', { name: '上个月' }).click();
    expect(await f.getByRole('button', { name: '2026年11月1日' }).isDisabled()).toBe(true);
    await axe(office.page);
    await shot(office.page, 'date-desk');
    await office.page.keyboard.press('Escape');
    // the keyboard: open, the focused day moves by arrows (a week down, a day right), Enter picks
    await f.getByRole('button', { name: '打开日历选择会议日期' }).focus();
    await office.page.keyboard.press('Enter');
    await office.page.waitForFunction(() => document.activeElement?.getAttribute('data-day') === '2026-12-15');
    await office.page.keyboard.press('ArrowDown');
    await office.page.keyboard.press('ArrowRight');
    await office.page.keyboard.press('Enter');
    expect(await input.inputValue()).toBe('2026-12-23');
    // typed
    await input.fill('2027-01-20');
    await input.press('Enter');
    await input.fill('2027-02-30');
    await input.press('Tab');
    await f.getByText('请按 2027-01-20 的格式填写日期').waitFor();
    await input.fill('2027-01-20');
    await input.press('Tab');
    const time = f.locator('input[type="time"]');
    await time.fill('09:30');
    // the form takes what was picked: 提请 goes out with that day and hour
    const sent: any[] = [];
    office.page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/meeting')) sent.push(JSON.parse(r.postData() ?? '{}'));
    });
    await f.getByText('专题会议', { exact: true }).click();
    await f.locator('input[placeholder^="如：市政府与市总工会"]').fill('巴彦淖尔市政府与市总工会职工书屋专题会议');
    await f.locator('textarea').last().fill('研究职工书屋建设');
    await f.locator('taro-button-core', { hasText: '提请召开' }).click();
    await office.page.waitForFunction(() => location.hash.includes('meeting/index') || document.body.innerText.includes('已提请'), undefined, { timeout: 30000 }).catch(() => undefined);
    const req = sent.find((b) => b.action === 'request');
    expect(req?.payload.plannedAt).toBe('2027-01-20T01:30:00.000Z');
    expect(office.errors).toEqual([]);
  },
  WALK,
);

it(
  '与上次会议相同 brings back the previous meeting\'s invitees this office may invite, under their categories',
  async () => {
    const before = (await api('city-union-office', 'meeting', 'attendance', { meetingId: 'm-city-special' })).rows as any[];
    const ours = before.filter((r) => r.side === 'union');
    expect(ours.length).toBeGreaterThan(0);
    const union = await open('city-union-office', '/packages/office/pages/meeting/index?id=m-city-current', DESK);
    const u = current(union.page);
    await u.getByText('邀请参会人员', { exact: true }).waitFor({ timeout: 30000 });
    await u.getByText('邀请参会人员', { exact: true }).click();
    const dialog = union.page.locator('.dialog').filter({ visible: true });
    await dialog.getByText('与上次会议相同', { exact: true }).click();
    await dialog.getByText(`加入 ${ours.length} 人（本办公室可邀请的）`, { exact: false }).waitFor({ timeout: 30000 });
    await dialog.getByText(`已选 ${ours.length} 人（点按移除）`).waitFor();
    await axe(union.page);
    await dialog.getByText(`邀请 ${ours.length} 人`, { exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30000 });
    const rows = (await api('city-union-office', 'meeting', 'attendance', { meetingId: 'm-city-current' })).rows as any[];
    for (const r of ours) expect(rows.find((x) => x.personId === r.personId)?.category).toBe(r.category);
    expect(union.errors).toEqual([]);
  },
  WALK,
);

it(
  '长辈版: the meetings page and the picker stay readable and pass axe',
  async () => {
    const s = await open('city-gov-office', '/packages/office/pages/meetings/index', PHONE);
    await s.page.evaluate((v) => localStorage.setItem('elder_mode', v), taroStorageValue(true));
    await s.page.reload();
    const m = current(s.page);
    await m.locator('.mlist__card').first().waitFor({ timeout: 30000 });
    await m.locator('.mlist__head').first().click();
    await m.getByText('会议工作台', { exact: true }).waitFor();
    await noOverflow(s.page);
    await axe(s.page);
    await shot(s.page, 'meetings-elder');
    await m.getByText('会议工作台', { exact: true }).click();
    await s.page.waitForURL(/packages\/office\/pages\/meeting\/index/, { timeout: 30000 });
    const c = current(s.page);
    await c.getByText('邀请参会人员', { exact: true }).waitFor({ timeout: 30000 });
    await c.getByText('邀请参会人员', { exact: true }).click();
    const dialog = s.page.locator('.dialog').filter({ visible: true });
    await dialog.locator('[role="checkbox"]').first().waitFor({ timeout: 30000 });
    await noOverflow(s.page);
    await axe(s.page);
    await shot(s.page, 'invite-elder');
    expect(s.errors).toEqual([]);
  },
  WALK,
);
