// Issue #19 (7): in 长辈版 (elder layout) at phone width no text is drawn over other text. The home
// page of an office and of a department head, my tasks, a task's detail, a meeting as an invitee
// sees it and the office's meeting console are opened at 390×844 with the elder layout on; every
// visible line of text (each text node's line boxes) is compared with every other, and any two
// that overlap are named. Screenshots: test/artifacts/screens/elder-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PHONE, SCREENS, current, settled, shootFullPage, taroStorageValue, useBrowserApp, useSessions } from '../support/browser';

const app = useBrowserApp();
const open = useSessions(app);

beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

interface Overlap { a: string; b: string; ax: number; ay: number }

/** Pairs of visible text lines of the current page whose boxes overlap (more than 2 px each way). */
async function overlappingText(page: Page): Promise<Overlap[]> {
  return page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.offsetParent !== null || getComputedStyle(p).display !== 'none');
    const root = pages[pages.length - 1] ?? document.body;
    const boxes: Array<{ text: string; r: DOMRect; node: Text }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      const text = (t.textContent ?? '').trim();
      const el = t.parentElement;
      if (!text || !el) continue;
      // the current page and whatever floats above it (tab bar, dialogs, toasts)
      if (!root.contains(el) && el.closest('.taro_page')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      for (const r of Array.from(range.getClientRects())) {
        if (r.width < 1 || r.height < 1) continue;
        if (r.bottom <= 0 || r.right <= 0 || r.left >= innerWidth) continue;
        // clipped away by an ancestor that hides its overflow
        let clipped = false;
        for (let a: HTMLElement | null = el; a; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (s.display === 'none') { clipped = true; break; }
          if (s.overflow !== 'visible' || s.overflowX !== 'visible' || s.overflowY !== 'visible') {
            const c = a.getBoundingClientRect();
            if (r.right <= c.left || r.left >= c.right || r.bottom <= c.top || r.top >= c.bottom) { clipped = true; break; }
          }
        }
        if (!clipped) boxes.push({ text, r, node: t });
      }
    }
    const found: Array<{ a: string; b: string; ax: number; ay: number }> = [];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const p = boxes[i]; const q = boxes[j];
        if (p.node === q.node) continue;
        const ax = Math.min(p.r.right, q.r.right) - Math.max(p.r.left, q.r.left);
        const ay = Math.min(p.r.bottom, q.r.bottom) - Math.max(p.r.top, q.r.top);
        if (ax > 2 && ay > 2) found.push({ a: p.text.slice(0, 24), b: q.text.slice(0, 24), ax: Math.round(ax), ay: Math.round(ay) });
      }
    }
    return found;
  });
}

const api = async (person: string, area: string, action: string, payload: unknown) => {
  const res = await app.host.post(area, { action, payload }, await app.host.signIn(person));
  if (!res.json.ok) throw new Error(`${person} ${area}.${action}: ${JSON.stringify(res.json)}`);
  return res.json.data;
};

async function elderPage(person: string, path: string, name: string, ready: string): Promise<Overlap[]> {
  const s = await open(person, path, PHONE);
  await s.page.evaluate((v) => localStorage.setItem('elder_mode', v), taroStorageValue(true));
  await s.page.reload();
  await current(s.page).getByText(ready).first().waitFor({ timeout: 30000 });
  expect(await s.page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
  await settled(s.page);
  await shootFullPage(s.page, join(SCREENS, `elder-${name}.png`));
  const found = await overlappingText(s.page);
  expect(s.errors).toEqual([]);
  return found.map((o) => ({ ...o, a: `${name}: ${o.a}` }));
}

it(
  '长辈版 at 390×844: no two visible lines of text overlap on home, the task pages and the meeting pages',
  async () => {
    const hrssTasks = (await api('city-hrss', 'task', 'list', { scope: 'mine' })).items as Array<{ id: string }>;
    const overlaps = [
      ...(await elderPage('city-gov-office', '/pages/index/index', 'home-office', '今日待办')),
      ...(await elderPage('city-hrss', '/pages/index/index', 'home-dept', '我的任务')),
      ...(await elderPage('city-hrss', '/pages/task/mine/index', 'task-mine', '落实')),
      ...(await elderPage('city-hrss', `/pages/task/detail/index?id=${hrssTasks[0].id}`, 'task-detail', '完成时限')),
      ...(await elderPage('city-hrss', '/pages/meeting/detail/index?id=m-city-special', 'meeting-detail', '会议')),
      ...(await elderPage('city-gov-office', '/packages/office/pages/meeting/index?id=m-city-current', 'meeting-console', '邀请参会人员')),
    ];
    expect(overlaps).toEqual([]);
  },
  240_000,
);
