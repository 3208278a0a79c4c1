// A person opens the H5 app in a real browser, signs in as a demo user and sees their home.
import { join } from 'node:path';
import { ARTIFACTS, PHONE, useBrowserApp } from '../support/browser';
import type { Page } from 'playwright-core';

/** Waits until the home page (not the sign-in list, which shows names too) has rendered these texts. */
async function homeShows(page: Page, ...texts: string[]): Promise<void> {
  await page.waitForURL(/pages\/index\/index/, { timeout: 30000 });
  await page.waitForFunction((want) => want.every((t) => document.body.innerText.includes(t)), ['我的议题', ...texts], { timeout: 30000 });
}

const app = useBrowserApp();


it('signs in as a worker representative on a phone and shows her name and org in Chinese', async () => {
  const page = await app.browser.newPage({ viewport: PHONE, deviceScaleFactor: 2 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto(app.host.url);
  // Without a session the app sends the person to the demo sign-in page.
  await page.getByText('马春花').first().waitFor({ timeout: 30000 });
  await page.screenshot({ path: join(ARTIFACTS, 'h5-login.png'), fullPage: true });
  await page.getByText('马春花').first().click();

  await homeShows(page, '马春花', '河套酒业集团');
  const text = await page.locator('body').innerText();
  expect(text).toContain('马春花');
  expect(text).toContain('巴彦淖尔市');
  expect(text).toContain('职工代表');
  expect(text).toContain('年度联席会议');
  await page.screenshot({ path: join(ARTIFACTS, 'h5-home.png'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it('keeps the session across a reload and shows a county person their own county', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(app.host.url);
  await page.getByText('任小军').first().waitFor({ timeout: 30000 });
  await page.getByText('任小军').first().click();
  await homeShows(page, '任小军', '临河区新华街道总工会');
  await page.reload();
  await homeShows(page, '任小军', '临河区新华街道总工会');
  expect(await page.locator('body').innerText()).toContain('临河区');
  await page.screenshot({ path: join(ARTIFACTS, 'h5-home-desktop.png') });
  await page.close();
});
