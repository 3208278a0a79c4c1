/* eslint-disable @typescript-eslint/no-explicit-any -- axe-core results and JSON answers, read by the checks below */
// Issue #7 "Done when", measured in a real browser over the real local host and the H5 build:
// for the main roles, every page they can reach at 390×844 (phone), 1366×768 (desk) and in 长辈版
// (elder mode, phone width) is checked by axe-core and by our own measurements:
//   - axe-core: no violation of color-contrast, target-size, button-name, label, link-name;
//   - every clickable element is at least 44×44 CSS px;
//   - every page but home has the controls aria-label="返回" and aria-label="首页";
//   - home and 我的 offer the 长辈版 switch; in 长辈版 ≥ 95% of the visible text is ≥ 18 px;
//   - at 1366 wide the body text is 14–16 px and the content column is wider than 900 px;
// plus the offline page-chunk case (a message, then a retry) and the 提出方 picker (no forbidden side).
// Every page is photographed to test/artifacts/screens/<role>-<page>-<layout>.png and the findings
// are written to test/artifacts/a11y-report.json; a summary of the axe figures is printed at the end.
//
// One browser and one host for the file; each role walks its pages in one context (both layouts and
// then 长辈版), two roles at a time. The walks run in beforeAll and never throw: each check below is
// its own test over what they found, so a failure names the role, page, layout and the numbers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { submittableSides, type Role, type Side } from '../../domain';
import { ARTIFACTS, DESK, PHONE, SCREENS, shootFullPage, signedInContext, useBrowserApp } from '../support/browser';

const app = useBrowserApp();

// The host's Content-Security-Policy refuses inline scripts, so page.addScriptTag({ path }) cannot
// inject axe; evaluating its source through the debugging protocol is not subject to the policy.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_RULES = ['color-contrast', 'target-size', 'button-name', 'label', 'link-name'] as const;
const MIN_TARGET = 44;
const ELDER_MIN_TEXT = 18;
const ELDER_SHARE = 0.95;
const MEETING = 'm-city-current';

/** The main roles, one person each. */
const ROLES = [
  { key: 'city-rep-ma', who: '职工代表 马春花' },
  { key: 'city-hrss', who: '部门负责人 孙立新（市人社局）' },
  { key: 'city-union-office', who: '总工会办公室 陈晓丽' },
  { key: 'city-gov-office', who: '政府办公室 赵敏' },
  { key: 'city-gov-convenor', who: '政府方召集人 张志强' },
  { key: 'city-gov-leader', who: '分管领导 王建国' },
] as const;
type RoleKey = (typeof ROLES)[number]['key'];

type Layout = 'phone' | 'desk' | 'elder';

interface PageSpec {
  name: string;
  /** the hash route, e.g. /pages/inbox/index?x=1 */
  path: string;
  home: boolean;
}

interface AxeNode {
  target: string;
  detail: string;
}
interface AxeFinding {
  id: string;
  impact: string | null;
  nodes: AxeNode[];
}
interface Target {
  el: string;
  why: string;
  w: number;
  h: number;
}
interface TextStats {
  /** characters of visible text by font size (px, one decimal), whole page */
  sizes: Record<string, number>;
  /** the same, within the first screen */
  sizesInView: Record<string, number>;
  total: number;
  /** the three longest texts at each size: `element "text"` */
  samples: Record<string, string[]>;
}
interface Measured {
  url: string;
  targets: number;
  small: Target[];
  back: number;
  homeCtl: number;
  elderCtl: number;
  text: TextStats;
  /** the content column (see measure) and how far the text spreads across the window */
  column: { width: number; el: string; textExtent: number; viewport: number };
}
interface Visit {
  role: RoleKey;
  page: string;
  layout: Layout;
  path: string;
  home: boolean;
  screenshot: string;
  settled: boolean;
  error?: string;
  pageErrors: string[];
  axe: AxeFinding[];
  axeIncomplete: Record<string, number>;
  m?: Measured;
}
interface RoleResult {
  pages: PageSpec[];
  visits: Visit[];
  elder: { found: boolean; toggled: boolean; storage: string[]; note?: string };
  error?: string;
  done: boolean;
}

const results = new Map<RoleKey, RoleResult>();

// ---- the demo data the pages show: topics in every state an office meets -------------------------

let seq = 0;
const idem = (what: string) => `a11y-${what}-${Date.now().toString(36)}-${(seq += 1)}`;

async function call(token: string, area: string, action: string, payload: unknown, write = true): Promise<any> {
  const res = await app.host.post(area, { action, payload, ...(write ? { idempotencyKey: idem(action) } : {}) }, token);
  if (!res.json.ok) throw new Error(`${area}.${action} refused: ${JSON.stringify(res.json.error)}`);
  return res.json.data;
}

const TOPIC_TEXT = {
  background: '我市部分企业职工反映技能培训补贴申领流程繁琐，材料多、周期长，职工知晓率低。',
  research: '调研了十家企业和三个街道，问卷调查职工三百余人，六成职工不了解补贴政策。',
  request: '建议简化申领流程，由工会协助宣传，并建立季度会商机制跟踪落实。',
};

async function seedTopics(): Promise<void> {
  const ma = await app.host.signIn('city-rep-ma');
  const hrss = await app.host.signIn('city-hrss');
  const unionOffice = await app.host.signIn('city-union-office');
  const govOffice = await app.host.signIn('city-gov-office');
  const submit = (token: string, side: Side, category: string, title: string) =>
    call(token, 'topic', 'submit', { meetingId: MEETING, side, category, title, ...TOPIC_TEXT });
  // union side: one accepted (waits for the government side's opinion, then gets it), one waiting
  const a = await submit(ma, 'union', 'worker_concerns', '关于职工技能培训补贴申领流程简化的建议');
  await submit(ma, 'union', 'union_support', '关于在产业园区建设职工服务驿站的建议');
  await call(unionOffice, 'topic', 'accept', { id: a.id });
  await call(govOffice, 'topic', 'addOpinion', { id: a.id, text: '同意列入议题，建议由市人社局牵头研究。' });
  // government side: one accepted (waits for the union side's opinion), one waiting
  const c = await submit(hrss, 'gov', 'policy', '关于推进新就业形态劳动者职业伤害保障的通报');
  await submit(hrss, 'gov', 'briefing', '关于今年稳就业政策措施落实情况的通报');
  await call(govOffice, 'topic', 'accept', { id: c.id });
}

/** The pages a person can reach: everyone's, and what home offers them (allowedActions). */
async function pagesOf(key: RoleKey): Promise<PageSpec[]> {
  const token = await app.host.signIn(key);
  const home = await call(token, 'account', 'home', {}, false);
  const can = (a: string) => (home.allowedActions as string[]).includes(a);
  const isOffice = (home.person.roles as Array<{ role: string }>).some((r) => r.role.endsWith('_office'));
  const meeting = (home.collectingMeetings as Array<{ id: string; title: string }>).find((m) => m.id === MEETING);
  const titleQ = meeting ? `&meetingTitle=${encodeURIComponent(meeting.title)}` : '';
  const pages: PageSpec[] = [
    { name: 'home', path: '/pages/index/index', home: true },
    { name: 'inbox', path: '/pages/inbox/index', home: false },
    { name: 'settings', path: '/pages/settings/index', home: false },
    { name: 'mine', path: '/pages/topic/mine/index', home: false },
  ];
  if (can('topic.submit')) pages.push({ name: 'submit', path: `/pages/topic/submit/index?meetingId=${MEETING}${titleQ}`, home: false });
  // a topic this person may read: their own, else one of the meeting's
  let topicId: string | undefined;
  for (const payload of [{ scope: 'mine' }, { scope: 'meeting', meetingId: MEETING }]) {
    const res = await app.host.post('topic', { action: 'list', payload }, token);
    topicId = res.json.ok ? res.json.data.items?.[0]?.id : undefined;
    if (topicId) break;
  }
  if (topicId) pages.push({ name: 'detail', path: `/pages/topic/detail/index?id=${encodeURIComponent(topicId)}`, home: false });
  if (isOffice || can('topic.accept')) pages.push({ name: 'queue', path: `/packages/office/pages/queue/index?meetingId=${MEETING}${titleQ}`, home: false });
  if (isOffice || can('topic.confirmList')) pages.push({ name: 'confirm', path: `/packages/office/pages/confirm/index?meetingId=${MEETING}${titleQ}`, home: false });
  if (isOffice || can('topic.merge')) pages.push({ name: 'topics', path: `/packages/office/pages/topics/index?meetingId=${MEETING}`, home: false });
  if (can('topic.addOpinion')) pages.push({ name: 'opinions', path: `/packages/office/pages/topics/index?meetingId=${MEETING}&tab=opinions`, home: false });
  return pages;
}

// ---- the browser side --------------------------------------------------------------------------

/** API requests still in flight on a page. */
function trackApi(page: Page): Set<Request> {
  const open = new Set<Request>();
  page.on('request', (r) => {
    if (r.url().includes('/api/')) open.add(r);
  });
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  return open;
}

/** Waits until no API call is open, nothing is busy (skeletons) and the text has not changed for 300 ms. */
async function settle(page: Page, open: Set<Request>, timeout = 15000): Promise<boolean> {
  const end = Date.now() + timeout;
  let last = '';
  let since = Date.now();
  while (Date.now() < end) {
    const now = await page.evaluate(() => {
      const busy = Array.from(document.querySelectorAll('[aria-busy="true"], .skeleton')).some((e) => e.checkVisibility());
      const text = document.body.innerText;
      return busy ? '' : text;
    });
    if (open.size === 0 && now !== '' && now === last) {
      if (Date.now() - since >= 300) return true;
    } else {
      last = now;
      since = Date.now();
    }
    await page.waitForTimeout(80);
  }
  return false;
}

/** Runs in the page: clickables and their sizes, the nav controls, text sizes, the content column. */
function measure(minTarget: number): Measured {
  const vis = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const W = document.documentElement.clientWidth;
  const H = window.innerHeight;
  const round = (n: number) => Math.round(n * 10) / 10;
  const describe = (el: Element) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 3);
    if (cls.length) s += `.${cls.join('.')}`;
    const field = el as HTMLInputElement;
    const name = (el.getAttribute('aria-label') || (el as HTMLElement).innerText || field.value || field.placeholder || '').trim().replace(/\s+/g, ' ').slice(0, 24);
    return name ? `${s} "${name}"` : s;
  };
  // Taro's H5 elements keep their listeners in `__events` (click, tap…); react-dom ones in props
  const hasHandler = (el: Element) => {
    const own = el as unknown as Record<string, unknown>;
    const events = own.__events as Record<string, unknown> | undefined;
    if (events && ['click', 'tap', 'longpress'].some((t) => (Array.isArray(events[t]) ? (events[t] as unknown[]).length > 0 : Boolean(events[t])))) return true;
    const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
    const props = key ? (own[key] as Record<string, unknown>) : null;
    return Boolean(props && ['onClick', 'onTap', 'onLongPress'].some((h) => typeof props[h] === 'function'));
  };
  const CLICK_TAGS = new Set([
    'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY',
    'TARO-BUTTON-CORE', 'TARO-SWITCH-CORE', 'TARO-CHECKBOX-CORE', 'TARO-RADIO-CORE', 'TARO-PICKER-CORE', 'TARO-NAVIGATOR-CORE',
  ]);
  const CLICK_ROLES = new Set(['button', 'link', 'radio', 'checkbox', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'treeitem']);
  const WRAPPERS = 'label, taro-label-core, taro-checkbox-core, taro-radio-core, taro-switch-core';
  const clickable = (el: Element): string | null => {
    const tag = el.tagName;
    if (tag === 'INPUT') {
      const type = (el as HTMLInputElement).type;
      if (type === 'hidden') return null;
      // a native box inside its label or Taro wrapper: the wrapper is what one taps
      if ((type === 'checkbox' || type === 'radio') && el.parentElement?.closest(WRAPPERS)) return null;
    }
    if (tag === 'A' && el.hasAttribute('href')) return 'link';
    if (CLICK_TAGS.has(tag)) return tag.toLowerCase();
    if ((tag === 'LABEL' || tag === 'TARO-LABEL-CORE') && el.querySelector('input, taro-checkbox-core, taro-radio-core, taro-switch-core')) return 'label';
    const role = el.getAttribute('role');
    if (role && CLICK_ROLES.has(role)) return `role=${role}`;
    if (hasHandler(el)) return 'onClick';
    if (getComputedStyle(el).cursor === 'pointer' && (!el.parentElement || getComputedStyle(el.parentElement).cursor !== 'pointer')) return 'cursor:pointer';
    return null;
  };

  let targets = 0;
  const small: Target[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const why = clickable(el);
    if (!why || !vis(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue; // visually hidden (sr-only) controls are not targets
    targets += 1;
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5) small.push({ el: describe(el), why, w: round(r.width), h: round(r.height) });
  }

  const labelled = (label: string) => Array.from(document.querySelectorAll(`[aria-label="${label}"]`)).filter((e) => vis(e) && e.getBoundingClientRect().width > 1).length;
  const elderCtl = Array.from(document.querySelectorAll('[aria-label*="长辈版"], [role="switch"], [role="checkbox"], taro-switch-core, input[type="checkbox"]')).filter((e) => {
    if (!vis(e)) return false;
    if ((e.getAttribute('aria-label') ?? '').includes('长辈版')) return true;
    const by = e.getAttribute('aria-labelledby');
    if (by && by.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.includes('长辈版'))) return true;
    // a switch in a row that says 长辈版
    let row: Element | null = e.parentElement;
    for (let i = 0; i < 3 && row; i += 1, row = row.parentElement) if ((row as HTMLElement).innerText?.includes('长辈版') && (row as HTMLElement).innerText.length < 80) return true;
    return false;
  }).length;

  // visible text by font size, by characters
  const sizes: Record<string, number> = {};
  const sizesInView: Record<string, number> = {};
  const longest: Record<string, Array<[number, string]>> = {};
  let total = 0;
  let minLeft = Infinity;
  let maxRight = -Infinity;
  const hidden = (el: Element | null) => {
    for (let i = 0; i < 2 && el; i += 1, el = el.parentElement) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return true;
      const cs = getComputedStyle(el);
      if (cs.clip !== 'auto' && cs.position === 'absolute') return true;
    }
    return false;
  };
  /** visible characters inside each element, navigation (side bar, top bar) left out */
  const held = new Map<Element, number>();
  let content = 0;
  const NAV = 'nav, [role="navigation"], header, [role="banner"]';
  const count = (el: Element, chars: number, size: number, rect: DOMRect, sample: string) => {
    if (!el.closest(NAV)) {
      content += chars;
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) held.set(a, (held.get(a) ?? 0) + chars);
    }
    const key = String(round(size));
    sizes[key] = (sizes[key] ?? 0) + chars;
    if (rect.bottom > 0 && rect.top < H) sizesInView[key] = (sizesInView[key] ?? 0) + chars;
    total += chars;
    // the three longest texts at each size
    const seen = longest[key] ?? (longest[key] = []);
    seen.push([chars, `${describe(el).split(' "')[0]} "${sample.slice(0, 16)}"`]);
    seen.sort((a, b) => b[0] - a[0]).splice(3);
  };
  const range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = (n.nodeValue ?? '').replace(/\s+/g, '');
    const p = n.parentElement;
    if (!t || !p || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(p.tagName) || !vis(p) || hidden(p)) continue;
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    count(p, t.length, parseFloat(getComputedStyle(p).fontSize), r, t);
    minLeft = Math.min(minLeft, r.left);
    maxRight = Math.max(maxRight, r.right);
  }
  for (const el of Array.from(document.querySelectorAll('input, textarea')) as HTMLInputElement[]) {
    if (el.type === 'hidden' || el.type === 'checkbox' || el.type === 'radio' || !vis(el) || hidden(el)) continue;
    const shown = (el.value || el.placeholder || '').replace(/\s+/g, '');
    if (!shown) continue;
    const style = el.value ? getComputedStyle(el) : getComputedStyle(el, '::placeholder');
    count(el, shown.length, parseFloat(style.fontSize), el.getBoundingClientRect(), shown);
  }

  // the content column: within the page's main region (role=main) if it has one, the widest block
  // narrower than the window that holds at least half of the text outside navigation (a max-width
  // container, the main panel beside a side navigation); when there is none the content spans the
  // window
  const mains = Array.from(document.querySelectorAll('main, [role="main"]')).filter(vis);
  const main = mains.length === 1 ? mains[0] : null;
  let column = W;
  let columnEl = '(the window)';
  for (const [el, chars] of held) {
    if (main && !main.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (chars * 2 < content || r.width >= W - 1) continue;
    if (column === W || r.width > column) {
      column = r.width;
      columnEl = describe(el).split(' "')[0];
    }
  }

  return {
    url: location.href,
    targets,
    small,
    back: labelled('返回'),
    homeCtl: labelled('首页'),
    elderCtl,
    text: { sizes, sizesInView, total, samples: Object.fromEntries(Object.entries(longest).map(([px, list]) => [px, list.map((x) => x[1])])) },
    column: { width: round(column), el: columnEl, textExtent: round(Math.max(0, maxRight - minLeft)), viewport: W },
  };
}

async function runAxe(page: Page): Promise<{ violations: AxeFinding[]; incomplete: Record<string, number> }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe: any }).axe;
    const res = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
    const detail = (n: any): string => {
      const d = n.any?.[0]?.data ?? n.all?.[0]?.data ?? n.none?.[0]?.data;
      if (d && typeof d === 'object' && 'contrastRatio' in d) return `${d.contrastRatio}:1 ${d.fgColor} on ${d.bgColor}, ${d.fontSize} ${d.fontWeight}`;
      return String(n.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim().slice(0, 140);
    };
    return {
      violations: res.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact ?? null,
        nodes: v.nodes.map((n: any) => ({ target: n.target.join(' '), detail: detail(n) })),
      })),
      incomplete: Object.fromEntries(res.incomplete.map((v: any) => [v.id, v.nodes.length])),
    };
  }, [...AXE_RULES]);
}

async function visit(page: Page, open: Set<Request>, role: RoleKey, spec: PageSpec, layout: Layout): Promise<Visit> {
  const screenshot = join(SCREENS, `${role}-${spec.name}-${layout}.png`);
  const v: Visit = { role, page: spec.name, layout, path: spec.path, home: spec.home, screenshot, settled: false, pageErrors: [], axe: [], axeIncomplete: {} };
  const onError = (e: Error) => v.pageErrors.push(String(e).slice(0, 200));
  page.on('pageerror', onError);
  try {
    await page.goto('about:blank');
    open.clear();
    await page.goto(`${app.host.url}#${spec.path}`);
    v.settled = await settle(page, open);
    const route = spec.path.split('?')[0];
    if (!page.url().includes(route)) v.error = `landed on ${page.url().replace(app.host.url, '/')} instead of ${route}`;
    v.m = await page.evaluate(measure, MIN_TARGET);
    const axe = await runAxe(page);
    v.axe = axe.violations;
    v.axeIncomplete = axe.incomplete;
    await shootFullPage(page, screenshot);
  } catch (e) {
    v.error = String(e).split('\n')[0].slice(0, 300);
  } finally {
    page.off('pageerror', onError);
  }
  return v;
}

/** Turns 长辈版 on with its switch on the 我的 page; answers what changed in the device's storage. */
async function turnOnElder(page: Page, open: Set<Request>, result: RoleResult): Promise<void> {
  await page.goto('about:blank');
  open.clear();
  await page.goto(`${app.host.url}#/pages/settings/index`);
  await settle(page, open);
  const before = await page.evaluate(() => ({ ...localStorage }));
  const candidates = [
    page.getByRole('switch', { name: /长辈版/ }),
    page.getByRole('checkbox', { name: /长辈版/ }),
    page.locator('[aria-label*="长辈版"]'),
    page.getByLabel(/长辈版/),
  ];
  let found = false;
  for (const c of candidates) {
    const l = c.filter({ visible: true }).first();
    if ((await l.count()) === 0) continue;
    found = true;
    if ((await l.getAttribute('aria-checked')) !== 'true') await l.click();
    break;
  }
  result.elder.found = found;
  if (!found) {
    result.elder.note = '我的 page (#/pages/settings/index) has no visible switch named 长辈版';
    return;
  }
  try {
    await page.waitForFunction((b) => Object.keys(localStorage).some((k) => localStorage.getItem(k) !== b[k]), before, { timeout: 5000 });
  } catch {
    result.elder.note = 'tapping the 长辈版 switch changed nothing in localStorage (not remembered per device?)';
  }
  const after = await page.evaluate(() => ({ ...localStorage }));
  result.elder.storage = Object.keys(after).filter((k) => after[k] !== before[k]).map((k) => `${k}=${after[k]}`);
  result.elder.toggled = result.elder.storage.length > 0;
  await settle(page, open);
}

async function walk(key: RoleKey): Promise<void> {
  const result: RoleResult = { pages: [], visits: [], elder: { found: false, toggled: false, storage: [] }, done: false };
  results.set(key, result);
  const context = await signedInContext(app.browser, app.host, key, { viewport: PHONE });
  try {
    result.pages = await pagesOf(key);
    const page = await context.newPage();
    const open = trackApi(page);
    for (const [layout, size] of [['phone', PHONE], ['desk', DESK]] as const) {
      await page.setViewportSize(size);
      for (const spec of result.pages) result.visits.push(await visit(page, open, key, spec, layout));
    }
    await page.setViewportSize(PHONE);
    await turnOnElder(page, open, result);
    if (result.elder.found) for (const spec of result.pages) result.visits.push(await visit(page, open, key, spec, 'elder'));
    result.done = true;
  } catch (e) {
    result.error = String(e).split('\n')[0];
  } finally {
    await context.close();
  }
}

/** Runs `work` over `items`, `n` at a time. */
async function pool<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: n }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  await seedTopics();
  await pool(ROLES.map((r) => r.key), 2, walk);
}, 300_000);

// ---- the checks ---------------------------------------------------------------------------------

const at = (v: Visit) => `${v.layout} ${v.page}`;

function walked(key: RoleKey): RoleResult {
  const r = results.get(key);
  if (!r) throw new Error(`${key}: the walk did not run`);
  if (r.error) throw new Error(`${key}: the walk failed: ${r.error}`);
  return r;
}

/** Pages that could not be measured are failures of every check. */
function unmeasured(r: RoleResult): string[] {
  return r.visits.filter((v) => v.error || !v.m).map((v) => `${at(v)}: ${v.error ?? 'not measured'}`);
}

const sizeShare = (sizes: Record<string, number>, ok: (px: number) => boolean) => {
  let all = 0;
  let good = 0;
  for (const [px, chars] of Object.entries(sizes)) {
    all += chars;
    if (ok(Number(px))) good += chars;
  }
  return all ? good / all : 1;
};
/**
 * The body text size: the median over characters (half the visible characters are at most this
 * size). Unlike the most frequent size it is not decided by one long line on a nearly empty page.
 */
const bodySize = (sizes: Record<string, number>) => {
  const bySize = Object.entries(sizes).map(([px, chars]) => [Number(px), chars] as const).sort((a, b) => a[0] - b[0]);
  const half = bySize.reduce((n, [, chars]) => n + chars, 0) / 2;
  let seen = 0;
  for (const [px, chars] of bySize) if ((seen += chars) >= half) return px;
  return NaN;
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Examples of the text at the sizes `pick` selects, largest share first: `12.3px: el "text", …`. */
const examples = (t: TextStats, pick: (px: number) => boolean) =>
  Object.entries(t.sizes)
    .filter(([px]) => pick(Number(px)))
    .sort((a, b) => b[1] - a[1])
    .map(([px, chars]) => `${px}px ×${chars}: ${(t.samples[px] ?? []).join(', ')}`)
    .join(' | ');

describe.each(ROLES)('$key ($who)', ({ key }) => {
  it('walks every page it can reach at 390×844, 1366×768 and in 长辈版, and photographs each', () => {
    const r = walked(key);
    expect({ done: r.done, unsettled: r.visits.filter((v) => !v.settled).map(at), failed: unmeasured(r) }).toEqual({ done: true, unsettled: [], failed: [] });
  });

  it(`axe-core: no ${AXE_RULES.join(' / ')} violation on any page`, () => {
    const r = walked(key);
    const problems = r.visits.flatMap((v) =>
      v.axe.map((f) => `${at(v)}: ${f.id} ×${f.nodes.length} — ${f.nodes.slice(0, 6).map((n) => `${n.target} (${n.detail})`).join('; ')}${f.nodes.length > 6 ? '; …' : ''}`),
    );
    expect(problems).toEqual([]);
  });

  it(`every clickable element is at least ${MIN_TARGET}×${MIN_TARGET} CSS px`, () => {
    const r = walked(key);
    const problems = r.visits.flatMap((v) => (v.m?.small.length ? [`${at(v)}: ${v.m.small.length} of ${v.m.targets} — ${v.m.small.map((s) => `${s.el} ${s.w}×${s.h} [${s.why}]`).join('; ')}`] : []));
    expect([...unmeasured(r), ...problems]).toEqual([]);
  });

  it('every page but home has the 返回 and 首页 controls; home and 我的 have the 长辈版 switch', () => {
    const r = walked(key);
    const problems = r.visits.flatMap((v) => {
      if (!v.m) return [];
      const missing: string[] = [];
      if (!v.home && v.m.back === 0) missing.push('返回');
      if (!v.home && v.m.homeCtl === 0) missing.push('首页');
      if (v.layout === 'phone' && (v.page === 'home' || v.page === 'settings') && v.m.elderCtl === 0) missing.push('长辈版 switch');
      return missing.length ? [`${at(v)}: no ${missing.join(', ')}`] : [];
    });
    expect([...unmeasured(r), ...problems]).toEqual([]);
  });

  it(`in 长辈版 at least ${ELDER_SHARE * 100}% of the visible text is at least ${ELDER_MIN_TEXT} px`, () => {
    const r = walked(key);
    const problems: string[] = [];
    if (!r.elder.found || !r.elder.toggled) problems.push(`长辈版 not turned on: ${r.elder.note ?? 'switch found but nothing remembered'}`);
    for (const v of r.visits.filter((x) => x.layout === 'elder' && x.m)) {
      const share = sizeShare(v.m!.text.sizes, (px) => px >= ELDER_MIN_TEXT - 0.05);
      if (share < ELDER_SHARE) {
        problems.push(`${v.page}: ${pct(share)} of ${v.m!.text.total} chars ≥ ${ELDER_MIN_TEXT}px (first screen ${pct(sizeShare(v.m!.text.sizesInView, (px) => px >= ELDER_MIN_TEXT - 0.05))}); below: ${examples(v.m!.text, (px) => px < ELDER_MIN_TEXT - 0.05)}`);
      }
    }
    expect([...unmeasured(r).filter((p) => p.startsWith('elder')), ...problems]).toEqual([]);
  });

  it('at 1366 wide the body text is 14–16 px and the content column is wider than 900 px', () => {
    const r = walked(key);
    const problems = r.visits.flatMap((v) => {
      if (v.layout !== 'desk' || !v.m) return [];
      const body = bodySize(v.m.text.sizes);
      const out: string[] = [];
      if (!(body >= 14 && body <= 16)) {
        out.push(`body text ${body}px (${pct(sizeShare(v.m.text.sizes, (px) => px >= 14 && px <= 16))} of chars at 14–16px; outside: ${examples(v.m.text, (px) => px < 14 || px > 16)})`);
      }
      if (!(v.m.column.width > 900)) out.push(`content column ${v.m.column.width}px (${v.m.column.el}; text spans ${v.m.column.textExtent}px)`);
      return out.length ? [`${v.page}: ${out.join('; ')}`] : [];
    });
    expect([...unmeasured(r).filter((p) => p.startsWith('desk')), ...problems]).toEqual([]);
  });
});

// ---- a weak network: a page chunk that cannot load ------------------------------------------------

describe('offline page chunk (city-union-office)', () => {
  let page: Page | undefined;
  let closeAll: (() => Promise<void>) | undefined;
  afterAll(async () => closeAll?.());

  it('tapping 议题审核 with JS chunks blocked shows a 网络异常 message', async () => {
    const context = await signedInContext(app.browser, app.host, 'city-union-office', { viewport: PHONE });
    closeAll = () => context.close();
    page = await context.newPage();
    const open = trackApi(page);
    await page.goto(`${app.host.url}#/pages/index/index`);
    const entry = page.getByText('议题审核', { exact: true }).filter({ visible: true }).first();
    await entry.waitFor({ timeout: 30000 });
    await settle(page, open);
    await page.route('**/*.js', (r) => r.abort('internetdisconnected'));
    await entry.click();
    const message = page.getByText(/网络异常/).filter({ visible: true }).first();
    try {
      await message.waitFor({ timeout: 10000 });
    } finally {
      await shootFullPage(page, join(SCREENS, 'city-union-office-offline-phone.png'));
    }
    expect(await message.isVisible()).toBe(true);
  }, 60_000);

  it('with the network back, 重试 opens 议题审核', async () => {
    if (!page) throw new Error('the offline case did not run');
    await page.unroute('**/*.js');
    const retry = page.getByRole('button', { name: /重试/ }).or(page.getByText('重试', { exact: true })).filter({ visible: true }).first();
    await retry.click({ timeout: 5000 });
    await page.waitForURL(/packages\/office\/pages\/queue/, { timeout: 10000 });
    await page.getByText(/网络异常/).filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 10000 });
    await shootFullPage(page, join(SCREENS, 'city-union-office-offline-retried-phone.png'));
  }, 60_000);
});

// ---- the 提出方 picker ----------------------------------------------------------------------------

const SIDE_LABEL: Record<Side, string> = { gov: '政府方', union: '工会方', joint: '双方联合' };

describe('the 提出方 picker offers only the sides the person may propose for', () => {
  it.each([
    ['city-rep-ma', ['representative']],
    ['city-hrss', ['gov_department']],
  ] as Array<[RoleKey, Role[]]>)('%s', async (key, roles) => {
    const allowed = submittableSides(roles).map((s) => SIDE_LABEL[s]);
    const context = await signedInContext(app.browser, app.host, key, { viewport: PHONE });
    try {
      const page = await context.newPage();
      const open = trackApi(page);
      await page.goto(`${app.host.url}#/pages/topic/submit/index?meetingId=${MEETING}`);
      await page.getByText('提出方').filter({ visible: true }).first().waitFor({ timeout: 30000 });
      await settle(page, open);
      // Every visible element whose whole text is a side's name, and whether one can tap it.
      const shown = await page.evaluate((labels) => {
        const hasHandler = (el: Element) => {
          const events = (el as unknown as { __events?: Record<string, unknown> }).__events;
          return Boolean(events && ['click', 'tap'].some((t) => (Array.isArray(events[t]) ? (events[t] as unknown[]).length > 0 : Boolean(events[t]))));
        };
        const tappable = (el: Element) =>
          /^(BUTTON|INPUT|SELECT|LABEL|A|TARO-BUTTON-CORE|TARO-RADIO-CORE|TARO-CHECKBOX-CORE|TARO-PICKER-CORE|TARO-LABEL-CORE)$/.test(el.tagName) ||
          /^(radio|button|option|checkbox|tab|menuitemradio|switch)$/.test(el.getAttribute('role') ?? '') ||
          hasHandler(el) ||
          getComputedStyle(el).cursor === 'pointer';
        const out: Record<string, boolean> = {};
        for (const el of Array.from(document.body.querySelectorAll('*')) as HTMLElement[]) {
          const text = el.innerText?.trim();
          if (!labels.includes(text) || !el.checkVisibility()) continue;
          let offered = false;
          for (let a: Element | null = el, i = 0; a && i < 4; a = a.parentElement, i += 1) if (tappable(a)) offered = true;
          out[text] = (out[text] ?? false) || offered;
        }
        return out;
      }, Object.values(SIDE_LABEL));
      await shootFullPage(page, join(SCREENS, `${key}-submit-sides-phone.png`));
      const offered = Object.keys(shown).filter((l) => shown[l]);
      expect({ forbiddenOffered: offered.filter((l) => !allowed.includes(l)), allowedMissing: allowed.filter((l) => !(l in shown)) }).toEqual({ forbiddenOffered: [], allowedMissing: [] });
    } finally {
      await context.close();
    }
  }, 60_000);
});

// ---- the figures ----------------------------------------------------------------------------------

afterAll(() => {
  const visits = [...results.values()].flatMap((r) => r.visits);
  if (!visits.length) return;
  const perRule = Object.fromEntries(AXE_RULES.map((id) => {
    const hits = visits.flatMap((v) => v.axe.filter((f) => f.id === id));
    return [id, { nodes: hits.reduce((n, f) => n + f.nodes.length, 0), pages: hits.length }];
  }));
  const perLayout = Object.fromEntries((['phone', 'desk', 'elder'] as const).map((l) => [l, Object.fromEntries(AXE_RULES.map((id) => [
    id, visits.filter((v) => v.layout === l).flatMap((v) => v.axe.filter((f) => f.id === id)).reduce((n, f) => n + f.nodes.length, 0),
  ]))]));
  const small = visits.reduce((n, v) => n + (v.m?.small.length ?? 0), 0);
  const noNav = visits.filter((v) => v.m && !v.home && (v.m.back === 0 || v.m.homeCtl === 0)).length;
  const summary = `axe violations (nodes / page views) over ${visits.length} page views: ${AXE_RULES.map((id) => `${id} ${perRule[id].nodes}/${perRule[id].pages}`).join(', ')}` +
    ` — total ${Object.values(perRule).reduce((n, x) => n + x.nodes, 0)}; targets < ${MIN_TARGET}px: ${small}; pages without 返回/首页: ${noNav}`;
  writeFileSync(join(ARTIFACTS, 'a11y-report.json'), JSON.stringify({ summary, perRule, perLayout, roles: Object.fromEntries(results) }, null, 1));
  process.stdout.write(`\n${summary}\nby layout: ${JSON.stringify(perLayout)}\nreport: ${join(ARTIFACTS, 'a11y-report.json')}, screenshots: ${SCREENS}\n`);
});
