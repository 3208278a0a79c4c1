/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers and axe results are checked by the tests */
// Issue #10 in a real browser over the real local host, at 390×844: consent to push reminders.
// In a browser there is no WeChat panel; the stand-in (components/ConsentPanel) answers for it, at
// the natural taps only where this device turned it on (消息提醒 → 办理时询问), always for 再订阅.
// 马春花 turns it on, replies 参加 to the seeded invitation: the panel lists 会议开始提醒 and 会议通知
// while the reply goes on behind it; 允许 records one send of each (notify.subscriptions says so),
// a later reply asks nothing; 消息提醒 says 可送达 / 需再次订阅 and 再订阅 adds a send (also in 长辈版).
// 郭振华 replies with the stand-in off (nothing interrupts), then on: 取消 still records the reply,
// the reminders say 已拒绝, and the next reply does not ask again. axe on the pages and with the
// panel open; screenshots to test/artifacts/screens/reminders-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_KEYS } from '../../domain/subscriptions';
import type { Locator, Page, Request } from 'playwright-core';
import { PHONE, SCREENS, type Session, current, settled, shootFullPage, signedInContext, taroStorageValue, useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const MEETING = 'm-city-special';
const INVITATION = `/pages/meeting/detail/index?id=${MEETING}`;
const REMINDERS = '/pages/settings/reminders/index';
const WALK = 240_000;

const sessions: Session[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()?.context.close();
});

beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

/** A browser signed in as one demo person, at `path`; `storage` is put in Taro storage first (e.g. 长辈版). */
async function open(person: string, path: string, storage: Record<string, unknown> = {}): Promise<Session> {
  const context = await signedInContext(app.browser, app.host, person, { viewport: PHONE, deviceScaleFactor: 2 });
  const entries = Object.entries(storage).map(([k, v]) => [k, taroStorageValue(v)] as const);
  if (entries.length) {
    await context.addInitScript((items) => {
      try {
        for (const [k, v] of items) if (location.protocol.startsWith('http') && !localStorage.getItem(k)) localStorage.setItem(k, v);
      } catch {
        // no storage on about:blank
      }
    }, entries);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const s = { context, page, errors };
  sessions.push(s);
  await page.goto(`${app.host.url}#${path}`);
  return s;
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await shootFullPage(page, join(SCREENS, `reminders-${name}.png`));
}

/** The window as it is (the panel is fixed to the window: a full-page picture would stretch it). */
async function shotWindow(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENS, `reminders-${name}.png`), animations: 'disabled' });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_RULES = [
  'color-contrast', 'target-size', 'button-name', 'label', 'link-name', 'aria-allowed-role', 'aria-required-children', 'aria-required-parent',
  'aria-dialog-name', 'aria-toggle-field-name', 'aria-valid-attr-value', 'nested-interactive',
];

/** axe-core on the page on top, or (panel open) on the panel over it. */
async function axe(page: Page, scope: 'page' | 'panel' = 'page'): Promise<void> {
  if (scope === 'page') await settled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(
    async ([rules, where]) => {
      const shown = Array.from(document.querySelectorAll('.taro_page')).filter((e) => getComputedStyle(e).display !== 'none');
      const top = where === 'panel' ? document.querySelector('.consent-host') : (shown[shown.length - 1] ?? document.body);
      if (!top) return ['no element to check'];
      const res = await (window as any).axe.run(top, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
      return res.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`).join(' | ')}`);
    },
    [AXE_RULES, scope] as const,
  );
  expect(found).toEqual([]);
}

/** The person's reminders as the server keeps them, by template key. */
async function reminders(person: string): Promise<Record<string, any>> {
  const res = await app.host.post('notify', { action: 'subscriptions', payload: {} }, await app.host.signIn(person));
  if (!res.json.ok) throw new Error(`notify.subscriptions: ${JSON.stringify(res.json)}`);
  return Object.fromEntries(res.json.data.items.map((i: any) => [i.templateKey, i]));
}

/** The notify.* requests a page sends. */
function notifyCalls(page: Page): Array<{ action: string; idempotencyKey?: string; payload: any }> {
  const seen: Array<{ action: string; idempotencyKey?: string; payload: any }> = [];
  page.on('request', (r: Request) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/notify')) {
      try {
        seen.push(JSON.parse(r.postData() ?? '{}'));
      } catch {
        // not JSON: not ours
      }
    }
  });
  return seen;
}

/** One reminder's row on the 消息提醒 page. */
const row = (page: Page, title: string): Locator => current(page).locator('.reminder', { has: page.locator('.reminder__title', { hasText: new RegExp(`^${title}$`) }) });
const panel = (page: Page): Locator => page.locator('.consent__panel[role="dialog"]');

/** The 办理时询问 switch of 消息提醒, turned to `on`. */
async function standIn(page: Page, on: boolean): Promise<void> {
  const sw = current(page).getByRole('switch', { name: '办理时询问' });
  await sw.waitFor({ timeout: 30000 });
  if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click();
  expect(await sw.getAttribute('aria-checked')).toBe(String(on));
}

/** Polls until `ok` holds (the answer is recorded after the panel closes). */
async function until(ok: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out waiting for the server to record the answer');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Taro's dialog that 长辈版 turns a toast into: closed with 知道了. */
async function dismissElderToast(page: Page): Promise<void> {
  const ok = page.locator('.taro-model__confirm', { hasText: '知道了' }).filter({ visible: true });
  await ok.waitFor({ timeout: 10000 });
  await ok.click();
}

it(
  '马春花 turns the stand-in on, replies 参加 and allows both reminders; 消息提醒 says 可送达 / 需再次订阅 and 再订阅 adds a send',
  async () => {
    // 我的 → 消息提醒: nothing consented yet; the stand-in is off in a browser until turned on.
    const { page, errors } = await open('city-rep-ma', '/pages/settings/index');
    const me = current(page);
    const link = me.getByRole('link', { name: /消息提醒设置/ });
    await link.waitFor({ timeout: 30000 });
    await axe(page);
    await shot(page, 'me');
    await link.click();
    const r = current(page);
    await row(page, '会议开始提醒').waitFor({ timeout: 30000 });
    expect(await r.locator('.reminder').count()).toBe(TEMPLATE_KEYS.length); // issue #20: 13 kinds
    expect(await row(page, '会议开始提醒').innerText()).toMatch(/需再次订阅[\s\S]*会议前一天 18:00 提醒您明天开会[\s\S]*还可提醒 0 次/);
    const text = await r.innerText();
    expect(text).toContain('微信规定：一次性提醒每同意一次，只能发送一条。');
    expect(text).not.toMatch(/\b(undefined|null|NaN|needs_consent|one_time|meeting_tomorrow|local-)\b/);
    expect(await r.getByRole('switch', { name: '办理时询问' }).getAttribute('aria-checked')).toBe('false');
    await axe(page);
    await shot(page, 'settings-before');
    await standIn(page, true);
    expect(await page.evaluate(() => localStorage.getItem('consent_stand_in'))).toBe(JSON.stringify({ data: true }));

    // The invitation: 参加 opens the panel with the two reminders of a reply, and the reply goes on behind it.
    const calls = notifyCalls(page);
    await page.goto(`${app.host.url}#${INVITATION}`);
    const d = current(page);
    await d.locator('.mreply').waitFor({ timeout: 30000 });
    await settled(page);
    await d.locator('taro-button-core', { hasText: /^参加$/ }).click();
    const p = panel(page);
    await p.waitFor({ timeout: 10000 });
    expect(await p.getAttribute('aria-modal')).toBe('true');
    expect(await p.getAttribute('aria-label')).toBe('联席会议 申请向您发送以下提醒');
    const items = p.getByRole('switch');
    expect(await items.allInnerTexts()).toEqual([expect.stringContaining('会议开始提醒'), expect.stringContaining('会议通知')]);
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('aria-checked')))).toEqual(['true', 'true']);
    // the focus is in the dialog, the app behind it inert
    await page.waitForFunction(() => document.activeElement?.closest('.consent__panel') != null, undefined, { timeout: 5000 });
    expect(await page.evaluate(() => document.getElementById('app')?.hasAttribute('inert'))).toBe(true);
    // the reply is not held up by the question
    await d.locator('.mreply .mreply-tag', { hasText: '已确认参加' }).waitFor({ timeout: 30000 });
    for (const b of await p.locator('taro-button-core').all()) expect((await b.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await axe(page, 'panel');
    await shotWindow(page, 'panel');
    await p.getByRole('button', { name: '允许' }).click();
    await p.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.getElementById('app')?.hasAttribute('inert'))).toBe(false);

    // Recorded: one send of each, under an idempotency key.
    await until(async () => (await reminders('city-rep-ma')).meeting_tomorrow.credits === 1);
    const recorded = calls.filter((c) => c.action === 'recordConsent');
    expect(recorded).toHaveLength(1);
    expect(recorded[0].payload).toEqual({ results: { meeting_tomorrow: 'accept', meeting_notice: 'accept' } });
    expect(recorded[0].idempotencyKey).toMatch(/^[A-Za-z0-9_:.-]{8,128}$/);
    const after = await reminders('city-rep-ma');
    expect(after.meeting_tomorrow).toMatchObject({ state: 'on', credits: 1, answer: 'accept', stateLabel: '可送达' });
    expect(after.meeting_notice).toMatchObject({ state: 'on', credits: 1 });
    expect(after.reply_reminder).toMatchObject({ state: 'needs_consent', credits: 0 });
    await shot(page, 'invitation-replied');

    // No nagging: with both on, changing the reply asks nothing.
    await d.getByText('改为请假', { exact: true }).click();
    const leave = page.locator('.dialog').filter({ visible: true });
    await leave.locator('textarea').fill('当天在外地参加职工技能大赛');
    await leave.getByText('提交请假', { exact: true }).click();
    await d.locator('.mreply .mreply-tag', { hasText: '请假' }).waitFor({ timeout: 30000 });
    await page.waitForTimeout(300);
    expect(await panel(page).count()).toBe(0);
    expect(calls.filter((c) => c.action === 'recordConsent')).toHaveLength(1);

    // 消息提醒: 可送达 with one send left for the eve reminder; another still needs consent.
    await page.goto(`${app.host.url}#${REMINDERS}`);
    await row(page, '会议开始提醒').waitFor({ timeout: 30000 });
    expect(await row(page, '会议开始提醒').innerText()).toMatch(/可送达[\s\S]*还可提醒 1 次/);
    expect(await row(page, '会议通知').innerText()).toMatch(/可送达[\s\S]*还可提醒 1 次/);
    expect(await row(page, '参会确认提醒').innerText()).toMatch(/需再次订阅[\s\S]*还可提醒 0 次/);
    await axe(page);
    await shot(page, 'settings-after');

    // 再订阅 on it: the panel names that one reminder; 允许 adds a send.
    await row(page, '会议开始提醒').getByRole('button', { name: '再订阅「会议开始提醒」' }).click();
    await panel(page).waitFor({ timeout: 10000 });
    expect(await panel(page).locator('.consent__item-title').allInnerTexts()).toEqual(['会议开始提醒']);
    expect(await panel(page).getByRole('switch').count()).toBe(0);
    await axe(page, 'panel');
    await panel(page).getByRole('button', { name: '允许' }).click();
    await row(page, '会议开始提醒').getByText('还可提醒 2 次').waitFor({ timeout: 30000 });
    expect((await reminders('city-rep-ma')).meeting_tomorrow).toMatchObject({ state: 'on', credits: 2 });
    await shot(page, 'settings-resubscribed');
    expect(errors).toEqual([]);
  },
  WALK,
);

it(
  '长辈版: the panel is drawn larger, its buttons a full row each, and 再订阅 still counts',
  async () => {
    const { page, errors } = await open('city-rep-ma', REMINDERS, { elder_mode: true });
    await row(page, '任务分配通知').waitFor({ timeout: 30000 });
    await axe(page);
    await shot(page, 'settings-elder');
    await row(page, '任务分配通知').getByRole('button', { name: '再订阅「任务分配通知」' }).click();
    const p = panel(page);
    await p.waitFor({ timeout: 10000 });
    expect(await page.locator('.consent').getAttribute('class')).toContain('consent--elder');
    const heights = await p.locator('taro-button-core').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(60);
    expect(await p.locator('.consent__title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(30);
    await axe(page, 'panel');
    await shotWindow(page, 'panel-elder');
    await p.getByRole('button', { name: '允许' }).click();
    await dismissElderToast(page);
    await row(page, '任务分配通知').getByText('还可提醒 1 次').waitFor({ timeout: 30000 });
    expect((await reminders('city-rep-ma')).task_assigned).toMatchObject({ state: 'on', credits: 1 });
    expect(errors).toEqual([]);
  },
  WALK,
);

it(
  '郭振华: the stand-in off asks nothing; on, 取消 still records the reply, the reminders say 已拒绝 and are not asked again',
  async () => {
    const { page, errors } = await open('city-rep-guo', INVITATION);
    const calls = notifyCalls(page);
    const d = current(page);
    await d.locator('.mreply').waitFor({ timeout: 30000 });
    await settled(page);
    // Off (the default in a browser): the reply alone, nothing read or asked.
    await d.locator('taro-button-core', { hasText: /^参加$/ }).click();
    await d.locator('.mreply .mreply-tag', { hasText: '已确认参加' }).waitFor({ timeout: 30000 });
    await page.waitForTimeout(300);
    expect(await panel(page).count()).toBe(0);
    expect(calls).toEqual([]);

    // On: 改为委托代会 → the dialog's 提交 opens the panel over it; 取消 answers reject for both.
    await page.goto(`${app.host.url}#${REMINDERS}`);
    await standIn(page, true);
    await page.goto(`${app.host.url}#${INVITATION}`);
    await current(page).locator('.mreply').waitFor({ timeout: 30000 });
    await settled(page);
    const c = current(page);
    await c.getByText('改为委托代会', { exact: true }).click();
    const sub = page.locator('.dialog').filter({ visible: true });
    await sub.locator('input[placeholder="请输入代会人员姓名"]').fill('李建军');
    await sub.locator('input[placeholder="请输入代会人员职务"]').fill('车间主任');
    await sub.getByText('提交', { exact: true }).click();
    const p = panel(page);
    await p.waitFor({ timeout: 10000 });
    await shotWindow(page, 'panel-substitute');
    await p.getByRole('button', { name: '取消' }).click();
    await p.waitFor({ state: 'detached' });
    await c.locator('.mreply', { hasText: '代会人员：李建军（车间主任）' }).waitFor({ timeout: 30000 });
    await until(async () => (await reminders('city-rep-guo')).meeting_tomorrow.state === 'refused');
    const refused = await reminders('city-rep-guo');
    expect(refused.meeting_tomorrow).toMatchObject({ answer: 'reject', credits: 0, stateLabel: '已拒绝' });
    expect(refused.meeting_notice).toMatchObject({ answer: 'reject', state: 'refused' });

    // Turned down: the next reply does not ask again (再订阅 on 消息提醒 would).
    const before = calls.filter((x) => x.action === 'recordConsent').length;
    await c.getByText('改为参加', { exact: true }).click();
    await c.locator('.mreply .mreply-tag', { hasText: '已确认参加' }).waitFor({ timeout: 30000 });
    await page.waitForTimeout(300);
    expect(await panel(page).count()).toBe(0);
    expect(calls.filter((x) => x.action === 'recordConsent')).toHaveLength(before);

    await page.goto(`${app.host.url}#${REMINDERS}`);
    await row(page, '会议开始提醒').waitFor({ timeout: 30000 });
    expect(await row(page, '会议开始提醒').innerText()).toContain('已拒绝');
    await axe(page);
    await shot(page, 'settings-refused');
    expect(errors).toEqual([]);
  },
  WALK,
);

it(
  '长辈版, 审核通过: the confirmation waits until the reminders panel asked in the same tap is answered, never drawn over it',
  async () => {
    const { page, errors } = await open('city-union-chair', '/pages/minutes/index?meetingId=m-city-held', { elder_mode: true, consent_stand_in: true });
    const c = current(page);
    const approve = c.locator('taro-button-core', { hasText: /^审核通过$/ });
    await approve.waitFor({ timeout: 30000 });
    await settled(page);
    await approve.click();
    const p = panel(page);
    await p.waitFor({ timeout: 10000 });
    // the panel alone: no confirmation under or over it while it waits for an answer
    const confirm = page.locator('.taro-model__confirm').filter({ visible: true });
    await page.waitForTimeout(600);
    expect(await confirm.count()).toBe(0);
    await shotWindow(page, 'panel-before-confirmation-elder');
    await p.getByRole('button', { name: '允许' }).click();
    await p.waitFor({ state: 'detached' });
    // then the confirmation, alone
    await confirm.waitFor({ timeout: 10000 });
    expect(await p.count()).toBe(0);
    expect(await page.locator('.taro-modal__content, .taro-model__content').filter({ visible: true }).first().innerText()).toContain('审核通过');
    await shotWindow(page, 'confirmation-after-panel-elder');
    await confirm.click();
    await c.getByText('政府方审核中', { exact: true }).waitFor({ timeout: 30000 });
    expect(errors).toEqual([]);
  },
  WALK,
);
