/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers and axe results are checked by the tests */
// Issue #12 in a real browser over the real local host (Art. 12, 13). 临河区 first holds its regular
// meeting through the meetings flow. The city's government office at a desk (1280×800) opens the
// 年度考核 board: the eight orgs in official order, each with its light as a dot and a word; sorts by
// light; picks another year; exports the workbook; opens 临河区's year and its meeting's console
// (which shows the rules it runs under). On a phone the board is cards. 临河区's government office
// sets the due-soon window to 5 days from today on 规则参数 and sees it in force with the old value in
// the history; the city's office sees 临河区's parameters read-only. Each page is checked with axe
// and photographed to test/artifacts/screens/compliance-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fromCN } from '../../domain';
import { SCREENS, current, settled, shootFullPage, signedInContext, useBrowserApp, useSessions } from '../support/browser';
import { axe as axeCheck, noOverflow } from '../support/page-checks';

/** axe from the top of the page: a field scrolled to must not count as obscured by the top bar. */
const axe = (page: Page) => axeCheck(page, { fromTop: true });
import { DEMO_NOW } from '../support/world';

const app = useBrowserApp();
const WALK = 240_000;
const DESK_1280 = { width: 1280, height: 800 };
const BOARD = '/packages/office/pages/compliance/index';
const SETTINGS = '/packages/office/pages/settings/index';
const ORDER = ['巴彦淖尔市', '临河区', '五原县', '磴口县', '乌拉特前旗', '乌拉特中旗', '乌拉特后旗', '杭锦后旗'];
const LINHE_MEETING = '临河区人民政府与区总工会2026年度联席会议';
const RULES_LINE = '依据《联席会议工作规则》（巴政办字〔2024〕28号），参数自 2024年3月26日 起施行';

const open = useSessions(app);

const api = async (person: string, area: string, action: string, payload: unknown) => {
  const res = await app.host.post(area, { action, payload }, await app.host.signIn(person));
  if (!res.json.ok) throw new Error(`${person} ${area}.${action}: ${JSON.stringify(res.json)}`);
  return res.json.data;
};

// 临河区 holds its regular meeting of 2026 through the meetings flow (as the HTTP test does), so
// its row is green and the others stay red (November, no regular meeting held).
beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  const plannedAt = fromCN('2026-12-20', '09:30');
  const meetingId = (await api('linhe-union-office', 'meeting', 'request', { kind: 'regular', title: LINHE_MEETING, plannedAt, reason: '年度例会' })).id;
  await api('linhe-gov-office', 'meeting', 'accept', { meetingId });
  await api('linhe-union-office', 'meeting', 'openCollection', { meetingId });
  const topic = await api('linhe-rep', 'topic', 'submit', {
    meetingId, side: 'union', category: 'worker_concerns', title: '关于街道职工服务站建设的建议',
    background: '新华街道职工服务站面积小，设施陈旧。', research: '走访街道十二家企业，职工普遍反映需求。', request: '建议扩建职工服务站并配备设施。',
  });
  await api('linhe-union-office', 'topic', 'accept', { id: topic.id });
  await api('linhe-gov-office', 'topic', 'noOpinion', { topicId: topic.id }); // Art. 6 征求意见 (issue #16)
  await api('linhe-gov-office', 'topic', 'confirmList', { meetingId });
  await api('linhe-union-office', 'topic', 'confirmList', { meetingId });
  await api('linhe-gov-office', 'meeting', 'invite', { meetingId, invitees: [{ personId: 'linhe-gov-leader', category: 'leader' }, { personId: 'linhe-hrss', category: 'department' }] });
  await api('linhe-gov-office', 'meeting', 'setPresiding', { meetingId, personId: 'linhe-gov-leader' });
  await api('linhe-gov-office', 'meeting', 'issueNotice', { meetingId, docNumber: '临政办字〔2026〕15号' });
  app.host.clock.set(new Date(new Date(plannedAt).getTime() - 10 * 60_000));
  try {
    await api('linhe-union-office', 'meeting', 'start', { meetingId });
    await api('linhe-gov-leader', 'meeting', 'adjourn', { meetingId });
  } finally {
    app.host.clock.set(DEMO_NOW);
  }
}, WALK);


/** Issue #19: a rule change is confirmed first, naming what changes; confirms it. */
async function confirmChange(page: Page, says: string): Promise<void> {
  const modal = page.locator('.taro-modal__content').filter({ visible: true }).first();
  await modal.waitFor({ timeout: 10000 });
  expect(await modal.innerText()).toContain(says);
  await page.locator('.taro-model__confirm').filter({ visible: true }).click();
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await shootFullPage(page, join(SCREENS, `compliance-${name}.png`));
}

/** Identifiers, raw states and programming words never reach the screen. */
async function finishedText(page: Page): Promise<string> {
  const text = await current(page).innerText();
  expect(text).not.toMatch(/\b(undefined|null|NaN|red|yellow|green|linhe|wuyuan|regular|dueSoonDays|effectiveFrom)\b/);
  return text;
}



/**
 * axe-core on the page on top: no violations of the rules the app holds itself to. Checked with
 * the page scrolled to its top: axe's target-size counts a control passing under the sticky top
 * bar (after a page brought a field in error into view) as obscured.
 */

/** The org names of the desk table, top to bottom. */
async function tableOrder(page: Page): Promise<string[]> {
  return (await current(page).locator('.cpl-table .dtable__link').allInnerTexts()).map((t) => t.trim());
}

/** One org's row of the desk table. */
const tableRow = (page: Page, name: string) => current(page).locator('.cpl-table [role="row"]').filter({ has: page.locator('.dtable__link', { hasText: new RegExp(`^${name}$`) }) });

it(
  'the city\'s government office at a desk: eight orgs in official order with lights and words, sorted by light, another year, the workbook, 临河区\'s year',
  async () => {
    const { page, errors } = await open('city-gov-office', BOARD, DESK_1280);
    const c = current(page);
    await c.locator('.cpl-table').waitFor({ timeout: 30000 });
    const text = await finishedText(page);
    expect(text).toContain('2026年度全市联席会议制度落实情况');
    expect(text).toContain('巴政办字〔2024〕28号'); // the rules' document number in the header
    expect(await tableOrder(page)).toEqual(ORDER);
    // every row has its light as a dot and a word, and the reasons in words
    for (const name of ORDER) {
      const row = tableRow(page, name);
      expect(await row.locator('.tk-light__dot').count()).toBe(1);
      expect(await row.locator('.tk-light__label').innerText()).toMatch(/^(需督促|需关注|正常)$/);
    }
    expect(await tableRow(page, '临河区').locator('.tk-light__label').innerText()).toBe('正常');
    expect(await tableRow(page, '临河区').innerText()).toContain('已召开');
    expect(await tableRow(page, '五原县').locator('.tk-light__label').innerText()).toBe('需督促');
    expect(await tableRow(page, '五原县').innerText()).toContain('已到第四季度，尚未召开例会');
    expect(await c.locator('.cpl__summary').innerText()).toContain('需督促 7');
    await axe(page);
    await shot(page, 'board-desk');

    // Sorted by light: the seven reds (official order among them), then 临河区 (green).
    await c.getByRole('tab', { name: '按督办状态' }).click();
    expect(await tableOrder(page)).toEqual([...ORDER.filter((n) => n !== '临河区'), '临河区']);
    expect(await c.getByRole('tab', { name: '按督办状态' }).getAttribute('aria-selected')).toBe('true');
    await shot(page, 'board-desk-by-light');
    await c.getByRole('tab', { name: '按机构顺序' }).click();
    expect(await tableOrder(page)).toEqual(ORDER);

    // The year before: the city's row is red for its overdue task.
    await c.getByRole('button', { name: /上一年/ }).click();
    await c.getByText('2025年度全市联席会议制度落实情况').waitFor({ timeout: 30000 });
    await tableRow(page, '巴彦淖尔市').filter({ hasText: '逾期任务 1 项' }).waitFor({ timeout: 30000 });
    expect(await tableRow(page, '巴彦淖尔市').locator('.tk-light__label').innerText()).toBe('需督促');
    await c.getByRole('button', { name: /下一年/ }).click();
    await c.getByText('2026年度全市联席会议制度落实情况').waitFor({ timeout: 30000 });
    await tableRow(page, '巴彦淖尔市').filter({ hasText: '已到第四季度，尚未召开例会' }).waitFor({ timeout: 30000 });
    // this year is the last one offered
    expect(await c.getByRole('button', { name: /下一年/ }).getAttribute('class')).toContain('btn--off');

    // 导出考核表: the workbook, fetched with the session.
    const [download] = await Promise.all([page.waitForEvent('download'), c.getByText('导出考核表', { exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // 临河区's year: its figures, its meeting held, no overdue task, a link to its parameters.
    await settled(page);
    await tableRow(page, '临河区').locator('.dtable__link').click();
    const org = current(page);
    await org.locator('.cplorg__title', { hasText: '临河区' }).waitFor({ timeout: 30000 });
    await org.locator('.cplorg-meetings').waitFor({ timeout: 30000 });
    const orgText = await finishedText(page);
    for (const s of ['临河区 · 2026年度联席会议制度落实情况', '正常', '年度例会', '已召开', LINHE_MEETING, '已召开', '2026年12月20日', '暂无逾期任务', '临河区规则参数']) expect(orgText).toContain(s);
    await axe(page);
    await shot(page, 'org-desk');

    // Its meeting opens the console, which says which rules the meeting runs under (Art. 13).
    await org.locator('.cplorg-meetings .dtable__link', { hasText: LINHE_MEETING }).click();
    await current(page).getByText(RULES_LINE, { exact: true }).waitFor({ timeout: 30000 });
    await shot(page, 'meeting-rules-desk');

    expect(errors).toEqual([]);
  },
  WALK,
);

it(
  'the city\'s year before: its overdue task listed, opening the task',
  async () => {
    const { page, errors } = await open('city-gov-office', '/packages/office/pages/compliance-org/index?orgId=city&year=2025', DESK_1280);
    const c = current(page);
    await c.locator('.cplorg-overdue').waitFor({ timeout: 30000 });
    const text = await finishedText(page);
    for (const s of ['巴彦淖尔市 · 2025年度联席会议制度落实情况', '需督促', '逾期任务 1 项', '逾期任务（1）', '城区新建户外劳动者服务站点 20 个']) expect(text).toContain(s);
    await axe(page);
    await shot(page, 'org-overdue-desk');
    await c.locator('.cplorg-overdue .dtable__link', { hasText: '城区新建户外劳动者服务站点 20 个' }).click();
    // the task's page (main package) opens on top
    await page.locator('.taro_page .tdetail').getByText('城区新建户外劳动者服务站点 20 个').first().waitFor({ timeout: 30000 });
    await settled(page);
    expect(await current(page).locator('.cplorg').count()).toBe(0);
    expect(errors).toEqual([]);
  },
  WALK,
);

it(
  'on a phone the board is cards; a card opens the org\'s year',
  async () => {
    const { page, errors } = await open('city-gov-office', BOARD);
    const c = current(page);
    await c.locator('.cpl-card').first().waitFor({ timeout: 30000 });
    expect(await c.locator('.cpl-table').count()).toBe(0);
    expect((await c.locator('.cpl-card__name').allInnerTexts()).map((t) => t.trim())).toEqual(ORDER);
    const linhe = c.locator('.cpl-card', { hasText: '临河区' });
    expect(await linhe.locator('.tk-light__label').innerText()).toBe('正常');
    expect(await c.locator('.cpl-card', { hasText: '五原县' }).locator('.tk-light__label').innerText()).toBe('需督促');
    await finishedText(page);
    await noOverflow(page);
    await axe(page);
    await shot(page, 'board-phone');

    await linhe.click();
    const org = current(page);
    await org.locator('.cplorg-item', { hasText: LINHE_MEETING }).waitFor({ timeout: 30000 });
    await finishedText(page);
    await noOverflow(page);
    await axe(page);
    await shot(page, 'org-phone');
    expect(errors).toEqual([]);
  },
  WALK,
);

it(
  'Art. 13: 临河区\'s government office sets 任务临期提醒 to 5 days from today and sees it in force, the old value in the history',
  async () => {
    // its own board: its row only
    const own = await open('linhe-gov-office', BOARD, DESK_1280);
    await current(own.page).locator('.cpl-table').waitFor({ timeout: 30000 });
    expect(await tableOrder(own.page)).toEqual(['临河区']);

    const { page, errors } = await open('linhe-gov-office', SETTINGS, DESK_1280);
    const c = current(page);
    await c.getByText('修订参数', { exact: true }).waitFor({ timeout: 30000 });
    const text = await finishedText(page);
    for (const s of ['临河区联席会议规则参数', '任务临期提醒', '7 天', '巴政办字〔2024〕28号', '自 2024年3月26日 起施行', '历史不会改写']) expect(text).toContain(s);
    // 生效日期 defaults to today (DEMO_NOW, Shanghai)
    expect(await c.getByRole('button', { name: /^生效日期：/ }).getAttribute('aria-label')).toBe('生效日期：2026年11月24日');
    await axe(page);
    await shot(page, 'settings-desk');

    // Out of bounds: refused at the field, in words.
    const days = c.locator('input[aria-label="任务临期提醒（天）"]');
    await days.fill('90');
    await c.getByText('保存', { exact: true }).click();
    await c.locator('.tk-field__error', { hasText: '任务临期提醒不能多于 30 天' }).waitFor();
    await axe(page);
    await shot(page, 'settings-field-error-desk');

    // A refusal from the server is shown at its field: a browser whose clock is a day behind offers
    // yesterday as 生效日期, and the server (today: DEMO_NOW) refuses a back-dated change.
    const behind = await signedInContext(app.browser, app.host, 'linhe-gov-office', { viewport: DESK_1280, deviceScaleFactor: 2 });
    await behind.clock.setSystemTime(DEMO_NOW.getTime() - 24 * 3600_000);
    const late = await behind.newPage();
    open.keep({ context: behind, page: late, errors: [] });
    await late.goto(`${app.host.url}#${SETTINGS}`);
    const l = current(late);
    await l.locator('input[aria-label="任务临期提醒（天）"]').fill('6');
    await l.getByText('保存', { exact: true }).click();
    await confirmChange(late, '任务临期提醒 7 天 → 6 天');
    await l.locator('#orgset-effectiveFrom .tk-field__error', { hasText: '生效日期不能早于今天' }).waitFor({ timeout: 30000 });
    expect((await api('linhe-gov-office', 'settings', 'get', { orgId: 'linhe' })).history).toHaveLength(1);
    await axe(late);
    await shot(late, 'settings-server-error-desk');

    // 5 days from today: in force at once, 7 days in the history.
    await days.fill('5');
    await c.getByText('保存', { exact: true }).click();
    await confirmChange(page, '任务临期提醒 7 天 → 5 天');
    await c.locator('.orgset-table [role="row"]').nth(2).waitFor({ timeout: 30000 });
    expect(await c.locator('.orgset-fact', { hasText: '任务临期提醒' }).locator('.orgset-fact__value').innerText()).toBe('5 天');
    const rows = c.locator('.orgset-table [role="row"]');
    expect(await rows.count()).toBe(3); // head + two versions
    expect(await rows.nth(1).innerText()).toMatch(/2026年11月24日[\s\S]*5 天[\s\S]*韩磊[\s\S]*现行/);
    expect(await rows.nth(2).innerText()).toMatch(/2024年3月26日[\s\S]*7 天[\s\S]*已停止施行/);
    const api5 = await api('linhe-gov-office', 'settings', 'get', { orgId: 'linhe' });
    expect(api5.inForce.dueSoonDays).toBe(5);
    expect(api5.history.map((h: any) => h.dueSoonDays)).toEqual([5, 7]);
    await finishedText(page);
    await axe(page);
    await shot(page, 'settings-saved-desk');

    // The same page on a phone: the history as a list.
    const phone = await open('linhe-gov-office', SETTINGS);
    const p = current(phone.page);
    await p.locator('.orgset-version').nth(1).waitFor({ timeout: 30000 });
    expect(await p.locator('.orgset-version').first().innerText()).toContain('任务临期提醒 5 天');
    expect(await p.locator('.orgset-version').nth(1).innerText()).toContain('任务临期提醒 7 天');
    await noOverflow(phone.page);
    await axe(phone.page);
    await shot(phone.page, 'settings-phone');

    expect(errors).toEqual([]);
    expect(own.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  },
  WALK,
);

it(
  'the city\'s government office sees 临河区\'s parameters read-only',
  async () => {
    const { page, errors } = await open('city-gov-office', `${SETTINGS}?orgId=linhe`, DESK_1280);
    const c = current(page);
    await c.getByText('只读', { exact: true }).waitFor({ timeout: 30000 });
    const text = await finishedText(page);
    expect(text).toContain('临河区联席会议规则参数');
    expect(text).toContain('规则参数由临河区政府办公室或总工会办公室修订');
    expect(await c.locator('.orgset-fact', { hasText: '任务临期提醒' }).locator('.orgset-fact__value').innerText()).toBe('5 天');
    expect(await c.locator('input').count()).toBe(0);
    expect(await c.getByText('保存', { exact: true }).count()).toBe(0);
    expect(await c.locator('.orgset-table [role="row"]').count()).toBe(3);
    await axe(page);
    await shot(page, 'settings-readonly-desk');
    expect(errors).toEqual([]);
  },
  WALK,
);
