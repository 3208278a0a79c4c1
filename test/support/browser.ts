// Debian's Chromium driven by playwright-core (no browser download). The flags keep it off the
// network, which this machine does not have.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { startTestHost, type TestHost } from './host';
import { DEMO_NOW } from './world';

export const ARTIFACTS = join(__dirname, '..', 'artifacts');

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`找不到 Chromium（${executablePath}）。请运行：sudo apt-get install -y chromium fonts-wqy-microhei`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

export const PHONE = { width: 390, height: 844 };
/** The office desk (issue #7): a 1366×768 laptop screen, where the H5 app uses its desk layout. */
export const DESK = { width: 1366, height: 768 };

/** Where page screenshots go: `<role>-<page>-<layout>.png` (test/artifacts is git-ignored). */
export const SCREENS = join(ARTIFACTS, 'screens');

/** The storage key services/api.ts keeps the H5 session token under (Taro.setStorageSync). */
export const SESSION_TOKEN_KEY = 'session_token';

/** How Taro's H5 `setStorageSync(key, value)` stores a value in localStorage: JSON `{"data": value}`. */
export function taroStorageValue(value: unknown): string {
  return JSON.stringify({ data: value });
}

/**
 * A browser context already signed in as a demo person, without clicking through the sign-in
 * page: the token from the host's `devSignIn` is stored where the app reads it (Taro storage key
 * `session_token`) before any page script runs, whenever the document has no token. A test of
 * signing out should not use it: the next document loaded would be signed in again.
 */
export async function signedInContext(
  browser: Browser,
  host: { signIn(key: string): Promise<string> },
  key: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const token = await host.signIn(key);
  const context = await browser.newContext({ viewport: PHONE, ...options });
  await context.addInitScript(
    ([storageKey, stored]) => {
      try {
        if (location.protocol.startsWith('http') && !localStorage.getItem(storageKey)) localStorage.setItem(storageKey, stored);
      } catch {
        // about:blank and opaque origins have no storage
      }
    },
    [SESSION_TOKEN_KEY, taroStorageValue(token)] as const,
  );
  return context;
}

/**
 * Every page the browser opens starts its clock at DEMO_NOW (the day the host is seeded at and its
 * dev clock reads), and time then flows on from there: nothing on screen can depend on today's date.
 * `newPage` makes its context through `newContext`, so both are covered.
 */
export function pinnedToDemoDay(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.clock.install({ time: DEMO_NOW });
    return context;
  };
  return browser;
}

/**
 * The real local host over a seeded database plus Debian's Chromium, for one e2e test file:
 * `const app = useBrowserApp();` then `app.host` / `app.browser` inside tests.
 */
export function useBrowserApp(): { readonly host: TestHost; readonly browser: Browser } {
  const app = {} as { host: TestHost; browser: Browser };
  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', '..', 'dist', 'h5', 'index.html'))) {
      throw new Error('dist/h5 不存在：请先运行 npm run build:h5（npm test 会自动构建）');
    }
    app.host = await startTestHost();
    app.browser = pinnedToDemoDay(await launchChromium());
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.host?.stop();
  });
  return app;
}

/** One signed-in browser profile of an e2e walk, with the page errors it has seen. */
export interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * Signed-in sessions for one test file, closed after each test: `open(person, path, viewport)`
 * signs the demo person in, opens the hash route and collects the page's errors; `open.keep(s)`
 * closes a session the test made itself.
 */
export function useSessions(app: { readonly host: TestHost; readonly browser: Browser }) {
  const sessions: Session[] = [];
  afterEach(async () => {
    while (sessions.length) await sessions.pop()?.context.close();
  });
  const open = async (person: string, path: string, viewport = PHONE): Promise<Session> => {
    const context = await signedInContext(app.browser, app.host, person, { viewport, deviceScaleFactor: 2, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const s = { context, page, errors };
    sessions.push(s);
    await page.goto(`${app.host.url}#${path}`);
    return s;
  };
  /** a session a test made itself (another clock, no sign-in), closed with the others */
  const keep = (s: Session): void => void sessions.push(s);
  return Object.assign(open, { keep });
}

/** The page on top of Taro's H5 page stack (the pages below stay in the DOM, hidden). */
export function current(page: Page): Locator {
  return page.locator('.taro_page').filter({ visible: true }).last();
}

/** Waits until toasts are gone and Taro's page slide-in has finished (the page at the left edge). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => Array.from(document.querySelectorAll('.taro__toast')).every((t) => getComputedStyle(t).display === 'none'),
    undefined,
    { timeout: 10000 },
  );
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro_page'))
      .filter((e) => getComputedStyle(e).display !== 'none')
      .every((e) => Math.abs(e.getBoundingClientRect().left) < 0.01),
  );
}

/**
 * A picture of the whole page at `path`. Taro's H5 pages scroll inside their own container, so a
 * full-page screenshot would stop at the window: the window is made as tall as the content for the picture.
 */
export async function shootFullPage(page: Page, path: string): Promise<void> {
  const size = page.viewportSize();
  const tall = await page.evaluate(() => {
    let h = document.documentElement.scrollHeight;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const y = getComputedStyle(el).overflowY;
      if ((y === 'auto' || y === 'scroll') && el.scrollHeight > el.clientHeight + 1) h = Math.max(h, el.getBoundingClientRect().top + el.scrollHeight);
    }
    return Math.ceil(h);
  });
  if (size && tall > size.height) {
    await page.setViewportSize({ width: size.width, height: Math.min(tall, 6000) });
    await page.waitForTimeout(150);
  }
  try {
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  } finally {
    if (size && tall > size.height) await page.setViewportSize(size);
  }
}
