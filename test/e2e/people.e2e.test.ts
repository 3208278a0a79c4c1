// Issue #11 in a real browser over the real local host: the city union office (desk, 1280×800)
// adds a representative with a phone number — the form's errors at the field, the server's
// `details` path too — and generates an invite code (the code, the QR, the expiry); a department
// head sees the number masked. On a phone (390×844) a fresh browser opens the binding page from the
// QR's link, sets a login and a first password and lands on home as the new person; 账号与安全
// signs out (every session ends), and the login page signs in again with the password (a wrong one
// first). The office imports a 4-row xlsx with one bad row: the bad line is named and nothing is
// imported; the fixed file imports all four. exceljs is fetched only by the import page (its own
// chunk). axe on every page; pictures in test/artifacts/screens/people-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { PHONE, SCREENS, SESSION_TOKEN_KEY, type Session, current, settled, shootFullPage, signedInContext, useBrowserApp } from '../support/browser';
import { axe, noOverflow } from '../support/page-checks';

const app = useBrowserApp();
const DESK = { width: 1280, height: 800 };
const WALK = 240_000;

const NEW = { name: '李春燕', unit: '河套酒业集团', title: '灌装车间主任', phone: '13904781234', login: 'li.chunyan', password: 'Chunyan2026' };

const sessions: Session[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()?.context.close();
});

beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

function track(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** A browser signed in as one demo person, at `path` (a hash route). */
async function open(person: string, path: string, viewport = PHONE): Promise<Session> {
  const context = await signedInContext(app.browser, app.host, person, { viewport, deviceScaleFactor: 2, acceptDownloads: true });
  const page = await context.newPage();
  const s = { context, page, errors: track(page) };
  sessions.push(s);
  await page.goto(`${app.host.url}#${path}`);
  return s;
}

/** A browser with nobody signed in (the invitee's own phone). */
async function fresh(path: string, viewport = PHONE): Promise<Session> {
  const context = await app.browser.newContext({ viewport, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const s = { context, page, errors: track(page) };
  sessions.push(s);
  await page.goto(`${app.host.url}#${path}`);
  return s;
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await shootFullPage(page, join(SCREENS, `people-${name}.png`));
}

/** The native input with this placeholder (Taro wraps each in its own element). */
function box(page: Page, placeholder: string) {
  return current(page).locator(`input[placeholder="${placeholder}"]`);
}

function button(page: Page, name: string | RegExp) {
  return current(page).getByRole('button', { name, exact: typeof name === 'string' });
}

/** Identifiers and programming words never reach the screen. */
async function finishedText(page: Page): Promise<string> {
  const text = await current(page).innerText();
  expect(text).not.toMatch(/\b(undefined|null|NaN|representative|union_office|gov_office|city-union-office)\b/);
  return text;
}




let seq = 0;
const api = async (person: string, area: string, action: string, payload: unknown, write = false) => {
  const res = await app.host.post(area, { action, payload, ...(write ? { idempotencyKey: `people-e2e-${(seq += 1)}-${Date.now()}` } : {}) }, await app.host.signIn(person));
  return res.json;
};

/** The exceljs chunk requested by a page (it must be fetched by the import page only). */
function excelRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (/\/js\/[^/]*exceljs[^/]*\.js$/.test(r.url())) seen.push(r.url());
  });
  return seen;
}

let invite = '';

it(
  'the city union office adds a representative with a phone and hands out an invite code; a department head sees the number masked',
  async () => {
    const { page, errors } = await open('city-union-office', '/packages/office/pages/people/index', DESK);
    const excel = excelRequests(page);
    const list = current(page);
    await list.locator('.ppl-table').waitFor({ timeout: 30000 });
    const text = await finishedText(page);
    for (const s of ['人员名录', '陈晓丽', '马春花', '职工代表', '工会方', '政府方', '姓名', '手机号', '状态']) expect(text).toContain(s);
    expect(await button(page, '新增人员').count()).toBe(1);
    expect(await button(page, '批量导入').count()).toBe(1);
    await noOverflow(page);
    await axe(page);
    await shot(page, 'list-desk');

    // Search: the list narrows to the name.
    await box(page, '搜索姓名、单位或职务').fill('马春花');
    await button(page, '搜索').click();
    await list.locator('.ppl__found', { hasText: '「马春花」：1 人' }).waitFor({ timeout: 30000 });
    expect(await list.locator('.ppl-table [role="row"]').count()).toBe(2);
    await button(page, '清除').click();
    await list.locator('.ppl__found').waitFor({ state: 'detached' });

    // 新增人员: the errors at each field first, then the server's `details` (a login in use).
    await button(page, '新增人员').click();
    await page.waitForURL(/pages\/person\/index/);
    const form = current(page);
    await form.locator('.person__form').waitFor({ timeout: 30000 });
    await button(page, '保存').click();
    for (const s of ['请填写姓名', '请填写单位', '请填写职务', '请至少选择一个角色']) await form.getByText(s, { exact: true }).waitFor();
    await box(page, '11 位手机号码').fill('1390478');
    await box(page, '如：张伟').fill(NEW.name);
    await box(page, '如：市人力资源和社会保障局').fill(NEW.unit);
    await box(page, '如：副局长').fill(NEW.title);
    await button(page, '保存').click();
    await form.getByText('请填写 11 位手机号码', { exact: true }).waitFor();
    await axe(page);
    await shot(page, 'person-errors-desk');
    // roles: only the union office's own side, its leadership roles included (issue #17)
    const roleChoices = (await form.locator('[role="checkbox"]').allInnerTexts()).map((t) => t.split('\n')[0].trim());
    expect(roleChoices).toEqual(expect.arrayContaining(['职工代表', '总工会办公室', '工会职能部门', '总召集人（工会）', '召集人（工会）']));
    for (const other of ['政府部门', '总召集人（政府）', '政府主要领导']) expect(roleChoices).not.toContain(other);
    await form.locator('[role="checkbox"]', { hasText: '职工代表' }).click();
    expect(await form.locator('[role="checkbox"]', { hasText: '职工代表' }).getAttribute('aria-checked')).toBe('true');
    await box(page, '11 位手机号码').fill(NEW.phone);
    await box(page, '如 zhang.wei').fill('city-union-office');
    await button(page, '保存').click();
    await form.getByText('登录名已被使用', { exact: true }).waitFor({ timeout: 30000 });
    await box(page, '如 zhang.wei').fill('');
    await button(page, '保存').click();

    // The new person's page: 生成邀请码 → the code, the QR, the expiry and how it is used.
    await page.waitForURL(/pages\/person\/index\?id=/, { timeout: 30000 });
    const person = current(page);
    await button(page, '生成邀请码').waitFor({ timeout: 30000 });
    const personText = await finishedText(page);
    for (const s of [NEW.name, `${NEW.unit} · ${NEW.title}`, '工会方', '未绑定微信', '登录名：未设置', '登录密码：未设置']) expect(personText).toContain(s);
    expect(await box(page, '11 位手机号码').inputValue()).toBe(NEW.phone);
    expect(await button(page, '停用').count()).toBe(1);
    await axe(page);
    await button(page, '生成邀请码').click();
    const code = person.locator('.person__code-value');
    await code.waitFor({ timeout: 30000 });
    invite = (await code.innerText()).replace(/\s+/g, '');
    expect(invite).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    expect(await code.innerText()).toBe(`${invite.slice(0, 5)} ${invite.slice(5)}`);
    const qr = person.locator('.person__qr img');
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);
    const inviteText = await person.locator('.person__invite').innerText();
    expect(inviteText).toContain('有效期至 2026年12月1日');
    expect(inviteText).toContain('在小程序中扫码或输入邀请码绑定微信；电脑端打开绑定页面设置首次密码');
    expect(await button(page, '重新生成邀请码').count()).toBe(1);
    await noOverflow(page);
    await axe(page);
    await shot(page, 'invite-desk');
    expect(excel).toEqual([]);
    expect(errors).toEqual([]);

    // The number in full for the union office; masked for a government department head.
    const found = await api('city-hrss', 'people', 'list', { q: NEW.name });
    expect(found.data.items).toEqual([expect.objectContaining({ name: NEW.name, phone: '139****1234', bound: false })]);
    const hrss = await open('city-hrss', '/packages/office/pages/people/index');
    await box(hrss.page, '搜索姓名、单位或职务').fill(NEW.name);
    await button(hrss.page, '搜索').click();
    const card = current(hrss.page).locator('.ppl-card', { hasText: NEW.name });
    await card.waitFor({ timeout: 30000 });
    expect(await card.innerText()).toContain('手机：139****1234');
    expect(await current(hrss.page).innerText()).not.toContain(NEW.phone);
    // a department head adds nobody
    expect(await button(hrss.page, '新增人员').count()).toBe(0);
    await noOverflow(hrss.page);
    await axe(hrss.page);
    await shot(hrss.page, 'list-phone-hrss');
    expect(hrss.errors).toEqual([]);
  },
  WALK,
);

it(
  'on a phone the invitee opens the binding page from the QR, sets a login and password, signs out from 账号与安全 and signs in again with the password',
  async () => {
    expect(invite).not.toBe('');
    const { page, errors } = await fresh(`/pages/bind/index?scene=${invite}`);
    const bind = current(page);
    await bind.getByText('设置登录密码').waitFor({ timeout: 30000 });
    expect(await box(page, '10 位字母和数字').inputValue()).toBe(invite);
    expect(await bind.innerText()).toContain('已从二维码读取邀请码');
    await noOverflow(page);
    await axe(page);
    await shot(page, 'bind-phone');

    // The rules at the field before anything is sent.
    await box(page, '如 zhang.wei').fill(NEW.login);
    await box(page, '至少 8 位，含字母和数字').fill('short');
    await box(page, '再次输入新密码').fill('different');
    await button(page, '设置密码并登录').click();
    await bind.getByText('密码至少 8 位', { exact: true }).waitFor();
    await bind.getByText('两次输入的密码不一致', { exact: true }).waitFor();
    await axe(page);
    await shot(page, 'bind-errors-phone');
    await box(page, '至少 8 位，含字母和数字').fill(NEW.password);
    await box(page, '再次输入新密码').fill(NEW.password);
    await button(page, '设置密码并登录').click();

    // Home, as the new person.
    await page.waitForURL(/pages\/index\/index/, { timeout: 30000 });
    await page.waitForFunction((name) => document.body.innerText.includes(name) && document.body.innerText.includes('我的议题'), NEW.name, { timeout: 30000 });
    expect(await current(page).innerText()).toContain('职工代表');
    await shot(page, 'home-phone');
    // the code was single use
    const again = await app.host.post('account', { action: 'redeemInvite', payload: { code: invite, password: 'Another2026' }, idempotencyKey: `people-e2e-again-${Date.now()}` });
    expect(again.json).toMatchObject({ ok: false, error: { code: 'validation_error' } });

    // 账号与安全: who I am, 修改密码 (I have one now), 退出登录.
    await page.goto(`${app.host.url}#/pages/account/index`);
    const account = current(page);
    await account.locator('.account__who').waitFor({ timeout: 30000 });
    const text = await finishedText(page);
    for (const s of [NEW.name, `${NEW.unit} · ${NEW.title}`, '巴彦淖尔市', NEW.login, NEW.phone, '未绑定', '已设置', '修改密码', '当前密码', '退出登录']) expect(text).toContain(s);
    await noOverflow(page);
    await axe(page);
    await shot(page, 'account-phone');
    const token = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').data as string, SESSION_TOKEN_KEY);
    expect(token).toMatch(/./);
    await button(page, '退出登录').click();
    const confirm = page.locator('.taro-model__confirm').filter({ visible: true });
    await confirm.waitFor({ timeout: 10000 });
    await confirm.click();
    await page.waitForURL(/pages\/login\/index/, { timeout: 30000 });
    // the session is over on the server, not only in this browser
    expect(await page.evaluate((k) => localStorage.getItem(k), SESSION_TOKEN_KEY)).toBeNull();
    const me = await app.host.post('account', { action: 'me', payload: {} }, token);
    expect(me.json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    // The login page: a wrong password is refused, the right one signs in.
    const login = current(page);
    await login.getByText('联席会议 · 登录').waitFor({ timeout: 30000 });
    // the demo sign-in stays below the form on a development host
    await login.getByText('马春花').first().waitFor({ timeout: 30000 });
    await box(page, '请输入登录名').fill(NEW.login);
    await box(page, '请输入密码').fill('Wrong12345');
    await button(page, '登录').click();
    await login.getByText('登录名或密码不正确', { exact: true }).waitFor({ timeout: 30000 });
    await noOverflow(page);
    await axe(page);
    await shot(page, 'login-phone');
    await box(page, '请输入密码').fill(NEW.password);
    await button(page, '登录').click();
    await page.waitForURL(/pages\/index\/index/, { timeout: 30000 });
    await page.waitForFunction((name) => document.body.innerText.includes(name) && document.body.innerText.includes('我的议题'), NEW.name, { timeout: 30000 });
    expect(errors).toEqual([]);
  },
  WALK,
);

/** A directory sheet as the template has it: the header row, then one person a row. */
async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(['姓名', '单位', '职务', '角色', '手机号', '登录名']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ROWS = [
  ['王海涛', '巴彦淖尔市第二中学', '教师', '职工代表', '13804781111', ''],
  ['刘雅琴', '河套酒业集团', '质检员', '职工代表', '', ''],
  ['赵一鸣', '临河区快递物流协会', '快递员', '职工代表', '12345', ''],
  ['孙晓梅', '市总工会宣传部', '宣传干事', '工会职能部门', '', 'sun.xiaomei'],
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

it(
  'the office imports a 4-row xlsx: one bad row is named and nothing is imported; the fixed file imports all four',
  async () => {
    const { page, errors } = await open('city-union-office', '/packages/office/pages/people-import/index', DESK);
    const excel = excelRequests(page);
    const c = current(page);
    await c.getByText('批量导入人员').waitFor({ timeout: 30000 });
    const intro = await c.innerText();
    expect(intro).toContain('姓名、单位、职务、角色、手机号（选填）、登录名（选填）');
    expect(intro).toContain('职工代表');
    await axe(page);
    // exceljs is not fetched until a file is read
    expect(excel).toEqual([]);

    await page.setInputFiles('.pimport__file', { name: '人员导入.xlsx', mimeType: XLSX, buffer: await workbook(ROWS) });
    await button(page, '导入 4 人').waitFor({ timeout: 30000 });
    expect(excel.length).toBe(1);
    const preview = await c.locator('.pimport-table').innerText();
    for (const r of ROWS) expect(preview).toContain(r[0]);
    expect(preview).toContain('工会职能部门');
    await button(page, '导入 4 人').click();
    const bad = c.locator('.pimport__bad');
    await bad.waitFor({ timeout: 30000 });
    const badText = await bad.innerText();
    expect(badText).toContain('有 1 行不符合要求，未导入任何人员');
    expect(badText).toContain('第 4 行（赵一鸣）：请填写 11 位手机号码');
    expect(badText).not.toMatch(/第 [235] 行/);
    await noOverflow(page);
    await axe(page);
    await shot(page, 'import-refused-desk');
    // nothing was imported, not even the good rows
    for (const name of ['王海涛', '刘雅琴', '赵一鸣', '孙晓梅']) {
      expect((await api('city-union-office', 'people', 'list', { q: name })).data.items).toEqual([]);
    }

    // The same file with the phone fixed: all four.
    const fixed = ROWS.map((r) => (r[0] === '赵一鸣' ? [...r.slice(0, 4), '13704785678', ''] : r));
    await page.setInputFiles('.pimport__file', { name: '人员导入（修改后）.xlsx', mimeType: XLSX, buffer: await workbook(fixed) });
    await c.locator('.pimport__bad').waitFor({ state: 'detached', timeout: 30000 });
    await button(page, '导入 4 人').click();
    await c.getByText('已导入 4 人').first().waitFor({ timeout: 30000 });
    await axe(page);
    await shot(page, 'import-done-desk');
    for (const name of ['王海涛', '刘雅琴', '赵一鸣', '孙晓梅']) {
      expect((await api('city-union-office', 'people', 'list', { q: name })).data.items).toHaveLength(1);
    }
    // the template downloads as an xlsx the page can read back
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '下载模板').click()]);
    expect(download.suggestedFilename()).toBe('人员导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path()) as string);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '单位', '职务', '角色', '手机号', '登录名', '单位负责人']);
    expect(errors).toEqual([]);
  },
  WALK,
);
