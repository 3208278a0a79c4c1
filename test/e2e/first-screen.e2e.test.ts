// Issue #25 "the first screen": the screen the app opens on starts its one read when the app starts
// (src/services/first-read.ts), not after its page has mounted, and the page takes that answer
// instead of asking again; index.html preloads the page's chunks alongside the entry
// (config/preload-pages.ts). On a link with 150 ms of latency: the read leaves before the page is
// in the document, it is sent once, and the page's chunks are asked for before the entry arrives.
import { signedInContext, useBrowserApp } from '../support/browser';

const app = useBrowserApp();

interface Seen { reads: number; order: string[]; entryEnd: number; asked: Map<string, number>; preloads: string[] }

async function open(person: string, path: string, shows: string, fn: string, action: string): Promise<Seen> {
  const context = await signedInContext(app.browser, app.host, person);
  // the page's own order of events: each fetch as it is made, and when the router puts the page in
  await context.addInitScript(() => {
    const order: string[] = [];
    const w = window as unknown as { __order: string[] };
    w.__order = order;
    const real = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      order.push(`fetch ${String(input).replace(/^https?:\/\/[^/]+/, '')}`);
      return real(input, init);
    };
    new MutationObserver(() => {
      if (!order.includes('page') && document.querySelector('.taro_page')) order.push('page');
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  const t0 = Date.now();
  const seen: Seen = { reads: 0, order: [], entryEnd: Infinity, asked: new Map(), preloads: [] };
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/api/${fn}`) && (JSON.parse(r.postData() ?? '{}') as { action?: string }).action === action) seen.reads += 1;
    const file = new URL(r.url()).pathname;
    if (!seen.asked.has(file)) seen.asked.set(file, Date.now() - t0);
  });
  page.on('requestfinished', (r) => {
    if (/\/js\/app\.\w+\.js$/.test(r.url())) seen.entryEnd = Date.now() - t0;
  });
  await page.goto(`${app.host.url.replace(/\/$/, '')}${path}`);
  await page.waitForFunction((text) => document.body.innerText.includes(text), shows, { timeout: 60_000 });
  seen.order = await page.evaluate(() => (window as unknown as { __order: string[] }).__order);
  // what index.html asked the browser to preload for this page (config/preload-pages.ts)
  seen.preloads = await page.evaluate(() => Array.from(document.querySelectorAll('link[rel=preload]'), (l) => new URL((l as HTMLLinkElement).href).pathname));
  await context.close();
  return seen;
}

it.each([
  ['home', 'city-hrss', '/#/pages/index/index', '精简技能培训补贴申领材料', 'account', 'home'],
  ['我的任务', 'city-hrss', '/#/pages/task/mine/index', '在职工服务中心设立补贴申领代办窗口', 'task', 'list'],
  ['an invitation', 'city-rep-ma', '/#/pages/meeting/detail/index?id=m-city-special', '新就业形态劳动者权益保障专题会议', 'meeting', 'get'],
] as const)('%s: its read leaves before the page is mounted, once, and its chunks are preloaded', async (_name, person, path, shows, fn, action) => {
  const seen = await open(person, path, shows, fn, action);
  expect(seen.reads).toBe(1);
  const read = seen.order.indexOf(`fetch /api/${fn}`);
  expect({ order: seen.order, readBeforePage: read >= 0 && read < seen.order.indexOf('page') }).toEqual({ order: seen.order, readBeforePage: true });
  // the page's chunks travel alongside the entry, not after it
  const late = seen.preloads.filter((f) => !((seen.asked.get(f) ?? Infinity) < seen.entryEnd));
  expect({ preloads: seen.preloads.length > 0, late }).toEqual({ preloads: true, late: [] });
});
