/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #19 in a real browser over the real local host: with two meetings collecting topics, home's
// work counts equal what each item's `open` call returns (over HTTP, following nextCursor), and the
// confirmation page reaches both meetings through its switcher (desk and phone, axe, screenshots in
// test/artifacts/screens/workbench-collecting-*.png).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESK, PHONE, SCREENS, current, settled, shootFullPage, useBrowserApp, useSessions } from '../support/browser';
import { axe, noOverflow } from '../support/page-checks';
import { DEMO_NOW } from '../support/world';

const app = useBrowserApp();
const open = useSessions(app);
const WALK = 240_000;

beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await shootFullPage(page, join(SCREENS, `workbench-collecting-${name}.png`));
}

const api = async (person: string, area: string, action: string, payload: unknown) => {
  const res = await app.host.post(area, { action, payload }, await app.host.signIn(person));
  if (!res.json.ok) throw new Error(`${person} ${area}.${action}: ${JSON.stringify(res.json)}`);
  return res.json.data;
};

/** Every item the `open` call of a work item returns, page after page. */
async function opened(person: string, item: any): Promise<number> {
  const [area, action] = String(item.open.action).split('.');
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await api(person, area, action, { ...item.open.payload, ...(cursor ? { cursor } : {}) });
    n += (page.items ?? []).length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

const TITLE = '巴彦淖尔市人民政府与市总工会职工技能提升专题会议';

it(
  'two meetings collecting: home counts equal what each link opens, and the confirmation page switches between them',
  async () => {
    const plannedAt = new Date(DEMO_NOW.getTime() + 40 * 86_400_000).toISOString();
    const { id } = await api('city-union-office', 'meeting', 'request', { kind: 'special', title: TITLE, plannedAt, place: '市总工会三楼会议室', reason: '研究职工技能提升行动的推进措施和经费保障' });
    await api('city-gov-office', 'meeting', 'accept', { meetingId: id });
    await api('city-union-office', 'meeting', 'openCollection', { meetingId: id });
    await api('city-rep-ma', 'topic', 'submit', {
      meetingId: id, side: 'union', category: 'worker_concerns', title: '关于开展一线职工技能提升培训的建议',
      background: '部分企业一线职工技能培训机会少，技能等级偏低。', research: '走访十五家企业，座谈职工一百二十人。', request: '建议由人社部门牵头开展技能提升培训。',
    });

    // over HTTP: each item of each office's and leader's queue opens exactly its count
    for (const person of ['city-union-office', 'city-gov-office', 'city-union-convenor', 'city-gov-convenor']) {
      const home = await api(person, 'account', 'home', {});
      for (const item of home.work) expect({ person, kind: item.kind, meetingId: item.meetingId, n: await opened(person, item) }).toEqual({ person, kind: item.kind, meetingId: item.meetingId, n: item.count });
    }
    const union = await api('city-union-office', 'account', 'home', {});
    const screens = union.work.filter((w: any) => w.kind === 'screen');
    // one item per meeting collecting: never the wrong list
    expect(screens.map((w: any) => w.meetingId)).toContain(id);

    // the confirmation page of the demo's meeting names both and opens the other
    const office = await open('city-union-office', '/packages/office/pages/confirm/index?meetingId=m-city-current', DESK);
    const c = current(office.page);
    await c.getByText('2 个会议正在征集议题', { exact: true }).waitFor({ timeout: 30000 });
    await axe(office.page);
    await shot(office.page, 'confirm-desk');
    await c.locator('.confirm-switch__item', { hasText: TITLE }).click();
    await office.page.waitForURL(new RegExp(`meetingId=${id}`), { timeout: 30000 });
    await current(office.page).locator('.confirm__meeting', { hasText: TITLE }).waitFor({ timeout: 30000 });
    expect(await current(office.page).locator('.confirm-switch__item--on').innerText()).toContain(TITLE);
    await office.page.setViewportSize(PHONE);
    await settled(office.page);
    await noOverflow(office.page);
    await axe(office.page);
    await shot(office.page, 'confirm-phone');
    expect(office.errors).toEqual([]);
  },
  WALK,
);
