// Debian's Chromium driven by playwright-core (no browser download). The flags keep it off the
// network, which this machine does not have.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
