/* eslint-disable @typescript-eslint/no-explicit-any -- axe's results and request bodies are checked by the tests */
// Checks every browser test makes of the page on top: axe-core finds no violation of the rules the
// app holds itself to, nothing overflows the phone's width, and the API calls a page sends.
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { PHONE, settled } from './browser';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_RULES = ['color-contrast', 'target-size', 'button-name', 'label', 'link-name', 'aria-allowed-role', 'aria-required-children', 'aria-required-parent'];

/**
 * axe-core on the page on top. `fromTop`: scroll every container back first (a control passing
 * under the sticky top bar after a scroll to a field counts as obscured).
 */
export async function axe(page: Page, opts: { fromTop?: boolean } = {}): Promise<void> {
  await settled(page);
  if (opts.fromTop) {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      for (const el of Array.from(document.querySelectorAll('*'))) if (el.scrollTop > 0) el.scrollTop = 0;
    });
  }
  // The host's CSP refuses inline scripts; evaluating the source through the protocol is not.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (rules) => {
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter((e) => getComputedStyle(e).display !== 'none');
    const top = shown[shown.length - 1] ?? document.body;
    const res = await (window as any).axe.run(top, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
    return res.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`).join(' | ')}`);
  }, AXE_RULES);
  expect(found).toEqual([]);
}

/** No horizontal overflow on the phone. */
export async function noOverflow(page: Page): Promise<void> {
  await settled(page);
  const width = await page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter((e) => getComputedStyle(e).display !== 'none');
    const top = shown[shown.length - 1];
    return Math.max(document.documentElement.scrollWidth, top ? top.scrollWidth : 0);
  });
  expect(width).toBeLessThanOrEqual(page.viewportSize()?.width ?? PHONE.width);
}

/** The calls a page sends to one area (`POST /api/<area>`), as sent. */
export function postedCalls(page: Page, area: string): Array<{ action: string; idempotencyKey?: string; payload: any }> {
  const seen: Array<{ action: string; idempotencyKey?: string; payload: any }> = [];
  page.on('request', (r: Request) => {
    if (r.method() === 'POST' && r.url().endsWith(`/api/${area}`)) {
      try {
        seen.push(JSON.parse(r.postData() ?? '{}'));
      } catch {
        // not JSON: not ours
      }
    }
  });
  return seen;
}
