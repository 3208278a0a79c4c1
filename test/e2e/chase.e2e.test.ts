/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #20, 催办 in a real browser over the real local host. At a desk (1280×800) 陈晓丽 (总工会办公室,
// who keeps task-last-2) opens 周文博's overdue task: 催办周文博 is there because the server offers
// 'notify.chase'; one tap says 已催办周文博 and 周文博 has the message; a second tap the same day says
// the server's 今天已催办过（陈晓丽 10:00）… and sends nothing. 周文博 himself sees no such button. The
// meeting console offers 催办 on the rows of invitees who have not replied (郭振华), not on one who
// has (孙立新); the minutes under review offer 催办审核 to the office. axe on each page; screenshots
// (with the toast) to test/artifacts/screens/chase-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENS, current, settled, shootFullPage, useBrowserApp, useSessions } from '../support/browser';
import { axe, noOverflow, postedCalls } from '../support/page-checks';

const app = useBrowserApp();
const open = useSessions(app);
const DESK = { width: 1280, height: 800 };
const WALK = 240_000;

beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

/** The toast on screen (Taro's H5 toast, shown for 1.5 s) once it says `text`; a picture of the window with it. */
async function toastSays(page: Page, text: string | RegExp, name: string): Promise<string> {
  const pattern = typeof text === 'string' ? text : text.source;
  const shown = await page.waitForFunction(
    (p) => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).find((t) => t.style.display !== 'none' && new RegExp(p).test(t.textContent ?? ''))?.textContent ?? null,
    typeof text === 'string' ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern,
    { timeout: 15000, polling: 50 },
  );
  const said = String(await shown.jsonValue()).trim();
  await page.screenshot({ path: join(SCREENS, `chase-${name}.png`), animations: 'disabled' });
  return said;
}

const chasesOf = async (person: string, subjectId: string) => {
  const res = await app.host.post('notify', { action: 'inbox', payload: {} }, await app.host.signIn(person));
  return (res.json.data.items as any[]).filter((i) => i.milestone === 'chase' && i.subjectId === subjectId);
};

it(
  'the keeping office chases a task from its page at a desk: once a day, the second refused in words',
  async () => {
    const { page, errors } = await open('city-union-office', '/pages/task/detail/index?id=task-last-2', DESK);
    const c = current(page);
    const sent = postedCalls(page, 'notify');
    const button = c.getByRole('button', { name: '催办周文博' });
    await button.waitFor({ timeout: 30000 });
    expect(await c.innerText()).toContain('提醒责任人尽快落实（同一任务每天一次）');
    await axe(page);
    await settled(page);
    await shootFullPage(page, join(SCREENS, 'chase-task-desk.png'));

    await button.click();
    expect(await toastSays(page, '已催办周文博', 'task-done-desk')).toBe('已催办周文博');
    expect(await chasesOf('city-housing', 'task-last-2')).toHaveLength(1);
    await settled(page); // the toast has gone

    await c.getByRole('button', { name: '催办周文博' }).click();
    expect(await toastSays(page, /今天已催办过/, 'task-again-desk')).toBe('今天已催办过（陈晓丽 10:00），每天最多催办一次，请明天再试');
    expect(await chasesOf('city-housing', 'task-last-2')).toHaveLength(1);
    expect(sent.map((s) => [s.action, s.payload.subject, s.payload.id])).toEqual([['chase', 'task', 'task-last-2'], ['chase', 'task', 'task-last-2']]);
    await settled(page);
    await axe(page);
    expect(errors).toEqual([]);

    // 周文博 on his own task: no 催办
    const owner = await open('city-housing', '/pages/task/detail/index?id=task-last-2', DESK);
    const o = current(owner.page);
    await o.getByText('城区新建户外劳动者服务站点 20 个').first().waitFor({ timeout: 30000 });
    await settled(owner.page);
    expect(await o.getByRole('button', { name: /催办/ }).count()).toBe(0);
    expect(owner.errors).toEqual([]);
  },
  WALK,
);

it(
  'the console offers 催办 only on invitees who have not replied; the minutes under review offer 催办审核',
  async () => {
    const { page, errors } = await open('city-union-office', '/packages/office/pages/meeting/index?id=m-city-special', DESK);
    const c = current(page);
    const guo = c.getByRole('button', { name: '催办郭振华回复' });
    await guo.waitFor({ timeout: 30000 });
    expect(await c.getByRole('button', { name: '催办孙立新回复' }).count()).toBe(0); // 孙立新 has replied
    await axe(page);
    await guo.click();
    expect(await toastSays(page, '已催办郭振华', 'reply-done-desk')).toBe('已催办郭振华');
    expect(await chasesOf('city-rep-guo', 'm-city-special')).toHaveLength(1);
    await settled(page);
    await shootFullPage(page, join(SCREENS, 'chase-console-desk.png'));
    expect(errors).toEqual([]);

    // the same rows on a phone: the button fits the card
    const phone = await open('city-gov-office', '/packages/office/pages/meeting/index?id=m-city-special');
    await current(phone.page).getByRole('button', { name: '催办郭振华回复' }).waitFor({ timeout: 30000 });
    await noOverflow(phone.page);
    await shootFullPage(phone.page, join(SCREENS, 'chase-console-phone.png'));

    const minutes = await open('city-gov-office', '/pages/minutes/index?meetingId=m-city-held', DESK);
    const m = current(minutes.page);
    const review = m.getByRole('button', { name: '催办本阶段审核人' });
    await review.waitFor({ timeout: 30000 });
    await axe(minutes.page);
    await review.click();
    const said = await toastSays(minutes.page, /^已催办/, 'minutes-done-desk');
    expect(said.split(/已催办|、/).filter(Boolean).sort()).toEqual(['刘海燕', '李秀梅'].sort());
    await settled(minutes.page);
    await shootFullPage(minutes.page, join(SCREENS, 'chase-minutes-desk.png'));
    expect(minutes.errors).toEqual([]);
  },
  WALK,
);
