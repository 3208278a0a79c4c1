// Issue #25 "the first screen": the screen the app opens on starts its one read from the route at
// launch (src/services/first-read.ts), while the page's own code is still on its way, and the page
// takes that answer instead of asking again. On a link with 150 ms of latency, the read must be
// sent before the last script of the screen has arrived, and sent once.
import type { Page } from 'playwright-core';
import { signedInContext, useBrowserApp } from '../support/browser';

const app = useBrowserApp();

interface Seen { apiSent: number[]; lastScript: number; apiCalls: Array<{ fn: string; action: string }> }

async function open(person: string, path: string, shows: string): Promise<Seen> {
  const context = await signedInContext(app.browser, app.host, person);
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  const seen: Seen = { apiSent: [], lastScript: 0, apiCalls: [] };
  const t0 = Date.now();
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/[a-zA-Z]+$/.test(r.url())) {
      seen.apiSent.push(Date.now() - t0);
      const body = JSON.parse(r.postData() ?? '{}') as { action: string };
      seen.apiCalls.push({ fn: r.url().replace(/.*\/api\//, ''), action: body.action });
    }
  });
  page.on('requestfinished', (r) => {
    if (r.url().endsWith('.js')) seen.lastScript = Math.max(seen.lastScript, Date.now() - t0);
  });
  await page.goto(`${app.host.url.replace(/\/$/, '')}${path}`);
  await page.waitForFunction((text) => document.body.innerText.includes(text), shows, { timeout: 60_000 });
  await context.close();
  return seen;
}

it.each([
  ['home', 'city-hrss', '/#/pages/index/index', '精简技能培训补贴申领材料', { fn: 'account', action: 'home' }],
  ['我的任务', 'city-hrss', '/#/pages/task/mine/index', '在职工服务中心设立补贴申领代办窗口', { fn: 'task', action: 'list' }],
  ['an invitation', 'city-rep-ma', '/#/pages/meeting/detail/index?id=m-city-special', '新就业形态劳动者权益保障专题会议', { fn: 'meeting', action: 'get' }],
] as const)('%s: its read leaves before the screen\'s scripts have all arrived, and only once', async (_name, person, path, shows, read) => {
  const seen = await open(person, path, shows);
  const reads = seen.apiCalls.filter((c) => c.fn === read.fn && c.action === read.action);
  expect(reads).toHaveLength(1);
  const sentAt = seen.apiSent[seen.apiCalls.findIndex((c) => c.fn === read.fn && c.action === read.action)];
  expect({ sentAt, beforeLastScript: sentAt < seen.lastScript }).toEqual({ sentAt, beforeLastScript: true });
});
