// Issue #23 in Chromium at phone width (375) and in 长辈版: the model worker 杨德胜 opens his topic
// of last year's meeting and sees what became of it — the decided items, each task with its unit,
// deadline and light, the verified completion — then 落实情况 of that meeting (sub-package
// packages/results) with done / total per decided item. Screenshots in test/artifacts/screens/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENS, current, settled, shootFullPage, useBrowserApp, useSessions } from '../support/browser';
import { noOverflow } from '../support/page-checks';

const app = useBrowserApp();
const open = useSessions(app);
const PHONE_375 = { width: 375, height: 812 };
beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await shootFullPage(page, join(SCREENS, `chain-${name}.png`));
}

async function elder(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.setItem('elder_mode', JSON.stringify({ data: true })));
  await page.reload();
}

it('the proposer sees the chain of his topic and the results of its meeting, at 375 px and in 长辈版', async () => {
  const { page, errors } = await open('city-model-yang', '/pages/topic/detail/index?id=t-city-last-2', PHONE_375);
  const chain = current(page).locator('.chain');
  await chain.locator('.timeline__label', { hasText: '议定事项2：建设户外劳动者服务站点' }).waitFor({ timeout: 30000 });
  const text = await chain.innerText();
  for (const words of ['提交议题', '列入议题清单', '会议研究', '议定事项3：将服务站点建设纳入年度民生实事', '城区新建户外劳动者服务站点 20 个', '责任单位 市住建局', '逾期', '已办结', '经核验办结', '已在 12 个站点设立工会服务角']) {
    expect(text).toContain(words);
  }
  expect(text).not.toMatch(/\b(undefined|null|red|green|done|in_progress|t-city-last)\b/);
  await noOverflow(page);
  await shot(page, 'topic-375');

  await chain.locator('.chain__results').click();
  const results = current(page).locator('.results__item').first();
  await results.waitFor({ timeout: 30000 });
  const board = await current(page).innerText();
  expect(board).toContain('1. 推进职工技能培训补贴申领便利化');
  expect(board).toContain('2. 建设户外劳动者服务站点');
  expect(board).toContain('1/2');
  expect(board).toContain('0/2');
  expect(board).toMatch(/已办结 1，逾期 1/);
  await noOverflow(page);
  await shot(page, 'results-375');

  await elder(page);
  await current(page).locator('.results__item').first().waitFor({ timeout: 30000 });
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
  await noOverflow(page);
  await shot(page, 'results-elder');
  expect(errors).toEqual([]);
});

it('长辈版: the topic page with the chain, nothing cut off', async () => {
  const { page, errors } = await open('city-model-yang', '/pages/topic/detail/index?id=t-city-last-2', PHONE_375);
  await elder(page);
  await current(page).locator('.chain .timeline__label', { hasText: '议定事项2' }).waitFor({ timeout: 30000 });
  await shot(page, 'topic-elder');
  await noOverflow(page);
  expect(errors).toEqual([]);
});
