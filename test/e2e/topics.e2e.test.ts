// Issue #3 in a real browser over the real local host: a worker representative submits a topic,
// the union office accepts it, the government office gives its opinion (and records 无意见 on the
// rest: issue #16, Art. 6 order — until then the convenor is told why the list cannot be confirmed), both convenors confirm the
// topic list; the representative sees the answer in 我的议题 and the inbox. Every page is
// photographed at 390×844 into test/artifacts/.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS, PHONE, type Session, current, settled, useBrowserApp } from '../support/browser';

const app = useBrowserApp();

const WALK_TIMEOUT = 240_000;

const TOPIC = {
  category: '职工急难愁盼与新就业形态劳动者权益',
  title: '关于将外卖骑手纳入职业伤害保障试点的议题',
  background:
    '我市外卖、快递等新就业形态劳动者约八千人，其中外卖骑手约三千二百人，多数通过劳务外包与平台合作，未参加工伤保险。今年以来发生交通事故二十余起，受伤骑手医疗费用主要靠个人承担。',
  research:
    '市快递外卖行业工会联合会走访了三家平台在临河区的十二个站点，问卷调查骑手六百一十二人，座谈站长和骑手代表四十余人；查阅了人社部门职业伤害保障试点政策和外省市做法。',
  request:
    '一是请市人社局协调平台企业将我市骑手纳入职业伤害保障试点；二是请市总工会在站点建设“骑手驿站”；三是由双方建立季度会商机制，跟踪落实情况。',
};


/** A fresh browser profile (no session token) signed in as one demo person, on the home page. */
async function signIn(name: string): Promise<Session> {
  const context = await app.browser.newContext({ viewport: PHONE, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.host.url);
  await page.getByText(name, { exact: true }).first().waitFor({ timeout: 30000 });
  await page.getByText(name, { exact: true }).first().click();
  await page.locator('.profile__name', { hasText: name }).waitFor({ timeout: 30000 });
  return { context, page, errors };
}

/** A home-page entry by its exact title. */
function entry(page: Page, title: string): Locator {
  return current(page).locator('.entry').filter({ has: page.locator('.entry__title', { hasText: new RegExp(`^${title}$`) }) });
}

async function home(page: Page): Promise<void> {
  await page.goto(app.host.url);
  await current(page).locator('.profile__name').waitFor({ timeout: 30000 });
}

async function confirmModal(page: Page, text: string): Promise<void> {
  const confirm = page.locator('.taro-model__confirm').filter({ visible: true });
  await confirm.waitFor({ timeout: 10000 });
  expect(await confirm.innerText()).toBe(text);
  await confirm.click();
}

/** The native input or textarea with this placeholder (Taro wraps each in its own element). */
function box(scope: Locator, placeholder: string): Locator {
  return scope.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);
}

/** The height of the page on top, scrolled content included (Taro H5 scrolls inside .taro_page). */
function contentHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter((e) => getComputedStyle(e).display !== 'none');
    const top = shown[shown.length - 1];
    return top ? top.scrollHeight : document.documentElement.scrollHeight;
  });
}

/**
 * Photographs the screen as the phone shows it (390×844) into `file`, and a long page once more
 * in full length into `<file>-full.png`.
 */
async function shot(page: Page, file: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: join(ARTIFACTS, file) });
  const height = await contentHeight(page);
  if (height > PHONE.height + 8) {
    await page.setViewportSize({ width: PHONE.width, height });
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(ARTIFACTS, file.replace(/\.png$/, '-full.png')) });
    await page.setViewportSize(PHONE);
  }
}

/** No horizontal overflow: neither the document nor the page on top is wider than the phone. */
async function expectNoOverflow(page: Page): Promise<void> {
  await settled(page);
  const found = await page.evaluate((limit) => {
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter((e) => getComputedStyle(e).display !== 'none');
    const top = shown[shown.length - 1];
    const width = Math.max(document.documentElement.scrollWidth, top ? top.scrollWidth : 0);
    if (width <= limit) return null;
    const wide: string[] = [];
    for (const el of Array.from((top ?? document.body).querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right > limit && r.width > 0) wide.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    return { width, wide: wide.slice(0, 15) };
  }, PHONE.width);
  if (found) throw new Error(`the page is ${found.width}px wide on a ${PHONE.width}px phone; too wide:\n${found.wide.join('\n')}`);
}

/** The exact text of each button in `scope`, in order (Taro renders a Button as <taro-button-core>). */
async function buttons(scope: Locator): Promise<string[]> {
  return (await scope.locator('taro-button-core').filter({ visible: true }).allInnerTexts()).map((t) => t.trim());
}

const sorted = (xs: readonly string[]) => [...xs].sort();

/** Identifiers and raw states must never reach the screen. */
async function expectFinishedText(page: Page): Promise<string> {
  const text = await current(page).innerText();
  expect(text).not.toMatch(/\b(submitted|accepted|returned|merged|withdrawn|undefined|null|NaN|union_office|gov_office|worker_concerns|m-city-current)\b/);
  return text;
}

it(
  'keeps everything typed when the content check refuses the topic, and says why in Chinese',
  async () => {
    const guo = await signIn('郭振华');
    await current(guo.page).locator('.collect').getByText('提交议题', { exact: true }).click();
    const form = current(guo.page);
    await form.locator('.submit-intro').waitFor({ timeout: 30000 });

    const typed = {
      title: '关于规范快递网点代开发票收费的议题',
      background: '部分快递网点以代开发票为名向快递员收取费用，快递员反映强烈，涉及全市约一千二百名快递从业人员。',
      research: '行业工会联合会走访了十个网点，收集快递员反映意见八十余条。',
      request: '请市场监管部门开展专项检查，规范网点收费行为。',
    };
    await form.getByText('工会改革建设需政府支持事项', { exact: true }).click();
    await box(form, '请输入议题标题').fill(typed.title);
    await box(form, '请写明背景情况').fill(typed.background);
    await box(form, '请写明调研论证情况').fill(typed.research);
    await box(form, '请写明建议与请求').fill(typed.request);
    // A representative proposes for the union side only (Art. 6): no other side is offered at all.
    expect(await form.getByText('政府方', { exact: true }).count()).toBe(0);
    expect(await form.getByText('双方联合', { exact: true }).count()).toBe(0);
    await form.locator('.submit-buttons').getByText('提交议题', { exact: true }).click();

    await form.locator('.notice--error', { hasText: '内容未通过安全检查，请修改后重试' }).waitFor({ timeout: 30000 });
    // Still on the form, with every field as typed and the choices still made.
    expect(await box(form, '请输入议题标题').inputValue()).toBe(typed.title);
    expect(await box(form, '请写明背景情况').inputValue()).toBe(typed.background);
    expect(await box(form, '请写明调研论证情况').inputValue()).toBe(typed.research);
    expect(await box(form, '请写明建议与请求').inputValue()).toBe(typed.request);
    expect(await form.locator('.choice--on').innerText()).toBe('工会改革建设需政府支持事项');
    expect(await form.locator('.segmented__item--on').innerText()).toBe('工会方');
    // The button is usable again, and nothing was stored.
    expect(await form.locator('.submit-buttons').innerText()).toContain('提交议题');
    const token = await app.host.signIn('city-rep-guo');
    const mine = await app.host.post('topic', { action: 'list', payload: { scope: 'mine' } }, token);
    expect(mine.json.data.items).toHaveLength(0);
    await expectNoOverflow(guo.page);
    await shot(guo.page, 'topic-submit-refused.png');

    // Fields left short are named next to the field, before anything is sent.
    await box(form, '请输入议题标题').fill('议题');
    await form.locator('.submit-buttons').getByText('提交议题', { exact: true }).click();
    await form.getByText('标题至少 4 个字', { exact: true }).waitFor();

    // Reworded, the same form goes through (a refusal never blocks the next try).
    await box(form, '请输入议题标题').fill('关于规范快递网点违规收费的议题');
    await box(form, '请写明背景情况').fill('部分快递网点以各种名目向快递员收取费用，快递员反映强烈，涉及全市约一千二百名快递从业人员。');
    await form.locator('.submit-buttons').getByText('提交议题', { exact: true }).click();
    const detail = current(guo.page);
    await detail.locator('.detail-head__title', { hasText: '关于规范快递网点违规收费的议题' }).waitFor({ timeout: 30000 });
    expect(await detail.innerText()).toContain('工会改革建设需政府支持事项');
    const stored = (await app.host.post('topic', { action: 'list', payload: { scope: 'mine' } }, token)).json.data.items;
    expect(stored).toHaveLength(1);
    // Withdrawn again, so the walk below starts with an empty queue.
    expect((await app.host.post('topic', { action: 'withdraw', payload: { id: stored[0].id } }, token)).json.ok).toBe(true);

    expect(guo.errors).toEqual([]);
    await guo.context.close();
  },
  WALK_TIMEOUT,
);

it(
  'returns a topic with a reason, lets the proposer edit and resubmit it, and merges it into another',
  async () => {
    // Two topics of 郭振华, straight through the API.
    const guoToken = await app.host.signIn('city-rep-guo');
    const base = {
      meetingId: 'm-city-current', side: 'union', category: 'worker_concerns',
      background: '全市快递从业人员约两千人，冬季户外作业时间长，休息场所不足，部分网点没有取暖和饮水设施。',
      research: '行业工会联合会走访了二十个网点，座谈快递员五十余人，收集意见建议六十多条。',
    };
    const submitted: string[] = [];
    for (const [title, request] of [
      ['关于为快递员设立冬季暖心驿站的议题', '请城管、住建部门支持在主要街道设置驿站点位，由工会负责日常运营。'],
      ['关于改善快递员冬季作业条件的议题', '请有关部门督促快递企业落实防寒保暖措施，合理安排作业时间。'],
    ]) {
      const r = await app.host.post('topic', { action: 'submit', payload: { ...base, title, request }, idempotencyKey: `e2e-${submitted.length}-guo-topic` }, guoToken);
      expect(r.json.ok).toBe(true);
      submitted.push(r.json.data.id);
    }
    const [stationId, conditionsId] = submitted;

    // 陈晓丽 returns the first from her queue, with a reason.
    const chen = await signIn('陈晓丽');
    await entry(chen.page, '议题审核').click();
    const queue = current(chen.page);
    const card = queue.locator('.topic-card', { hasText: '关于为快递员设立冬季暖心驿站的议题' });
    await card.waitFor({ timeout: 30000 });
    await card.getByText('退回', { exact: true }).click();
    const reason = '请补充驿站选址、建设费用和运营经费来源的测算。';
    await box(queue.locator('.dialog'), '请写明退回理由和修改建议（必填）').fill(reason);
    await queue.locator('.dialog').getByText('确认退回', { exact: true }).click();
    await card.waitFor({ state: 'detached', timeout: 30000 });

    // 郭振华 sees the reason in 我的议题, edits the topic and resubmits it.
    const guo = await signIn('郭振华');
    await current(guo.page).locator('.tile', { hasText: '我的议题' }).click();
    const returned = current(guo.page).locator('.topic-card', { hasText: '关于为快递员设立冬季暖心驿站的议题' });
    await returned.waitFor({ timeout: 30000 });
    expect(await returned.innerText()).toContain(reason);
    expect(await returned.innerText()).toContain('已退回');
    await shot(guo.page, 'topic-mine-returned.png');
    await returned.click();
    const detail = current(guo.page);
    await detail.locator('.answer', { hasText: reason }).waitFor({ timeout: 30000 });
    await detail.locator('.action-bar').getByText('修改', { exact: true }).click();
    const edit = current(guo.page);
    await edit.locator('.submit-intro', { hasText: '修改议题' }).waitFor({ timeout: 30000 });
    expect(await box(edit, '请输入议题标题').inputValue()).toBe('关于为快递员设立冬季暖心驿站的议题');
    expect(await edit.innerText()).toContain(reason);
    await box(edit, '请写明建议与请求').fill('请城管、住建部门在主要街道提供十处驿站点位，建设费用约四十万元，由市总工会承担；日常运营由行业工会负责。');
    await shot(guo.page, 'topic-edit.png');
    await edit.getByText('保存并重新提交', { exact: true }).click();
    const back = current(guo.page);
    await back.locator('.detail-head .tag--submitted').waitFor({ timeout: 30000 });
    expect(await back.innerText()).toContain('提供十处驿站点位');
    expect(await back.innerText()).toContain('重新提交');

    // 陈晓丽 merges it into the other topic from the topic page.
    await chen.page.goto(`${app.host.url}#/pages/topic/detail/index?id=${encodeURIComponent(stationId)}`);
    const office = current(chen.page);
    await office.locator('.action-bar').getByText('合并', { exact: true }).click();
    const merge = office.locator('.dialog');
    await merge.locator('.choice', { hasText: '关于改善快递员冬季作业条件的议题' }).click();
    await box(merge, '说明合并的理由，提出人可以看到').fill('两项议题都涉及快递员冬季权益，合并研究。');
    await shot(chen.page, 'topic-merge-dialog.png');
    await merge.getByText('确认合并', { exact: true }).click();
    await office.locator('.detail-head .tag--merged').waitFor({ timeout: 30000 });
    expect(await office.innerText()).toContain('已合并至「关于改善快递员冬季作业条件的议题」');
    expect(await office.locator('.action-bar').count()).toBe(0);

    // Leave the meeting with nothing waiting, for the walk that confirms the list.
    const chenToken = await app.host.signIn('city-union-office');
    expect((await app.host.post('topic', { action: 'accept', payload: { id: conditionsId } }, chenToken)).json.ok).toBe(true);

    for (const s of [chen, guo]) {
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  },
  WALK_TIMEOUT,
);

it(
  'walks a topic from a representative through the union office to a confirmed list',
  async () => {
    // 1. 马春花 submits a topic from the collecting meeting on her home page.
    const ma = await signIn('马春花');
    const collect = current(ma.page).locator('.collect');
    await collect.waitFor();
    expect(await collect.innerText()).toContain('年度联席会议');
    await expectFinishedText(ma.page);
    await expectNoOverflow(ma.page);
    await shot(ma.page, 'home-representative.png');
    await collect.getByText('提交议题', { exact: true }).click();

    const form = current(ma.page);
    await form.locator('.submit-intro').waitFor({ timeout: 30000 });
    await form.getByText(TOPIC.category, { exact: true }).click();
    await form.locator('.segmented').getByText('工会方', { exact: true }).click();
    await box(form, '请输入议题标题').fill(TOPIC.title);
    await box(form, '请写明背景情况').fill(TOPIC.background);
    await box(form, '请写明调研论证情况').fill(TOPIC.research);
    await box(form, '请写明建议与请求').fill(TOPIC.request);
    expect(await form.innerText()).toContain(`${TOPIC.title.length}/60`);
    await expectNoOverflow(ma.page);
    await expectFinishedText(ma.page);
    await shot(ma.page, 'topic-submit.png');

    // A double tap creates one topic.
    await form.locator('.submit-buttons').getByText('提交议题', { exact: true }).dblclick();

    const detail = current(ma.page);
    await detail.locator('.detail-head__title', { hasText: TOPIC.title }).waitFor({ timeout: 30000 });
    let text = await expectFinishedText(ma.page);
    for (const s of ['待审核', TOPIC.category, '工会方', '马春花', '总工会办公室', '背景情况', '调研论证', '建议与请求', '办理进程', '提交议题', '征求意见', '暂无意见']) {
      expect(text).toContain(s);
    }
    // the proposer may edit or withdraw a waiting topic, and nothing else
    expect(sorted(await buttons(detail))).toEqual(sorted(['修改', '撤回']));
    expect(text).not.toContain('采纳');
    await expectNoOverflow(ma.page);
    await shot(ma.page, 'topic-detail.png');

    const maToken = await app.host.signIn('city-rep-ma');
    const mine = await app.host.post('topic', { action: 'list', payload: { scope: 'mine' } }, maToken);
    expect(mine.json.data.items).toHaveLength(1);
    const topicId: string = mine.json.data.items[0].id;

    // 2. The union office (陈晓丽) opens her queue from home and accepts it.
    const chen = await signIn('陈晓丽');
    const screen = entry(chen.page, '议题审核');
    expect(await screen.innerText()).toContain('1 个议题待审核');
    await shot(chen.page, 'home-office.png');
    await screen.click();
    const queue = current(chen.page);
    const card = queue.locator('.topic-card', { hasText: TOPIC.title });
    await card.waitFor({ timeout: 30000 });
    text = await expectFinishedText(chen.page);
    for (const s of ['马春花 · 河套酒业集团', TOPIC.category]) expect(await card.innerText()).toContain(s);
    // the three tabs, and on the card exactly the three screening buttons — matched whole, so the
    // tab labels 已采纳/已退回 cannot stand in for the buttons 采纳/退回
    expect(await queue.getByRole('tab').allInnerTexts()).toEqual(['待审核', '已采纳', '已退回']);
    expect(await buttons(card)).toEqual(['退回', '合并', '采纳']);
    await expectNoOverflow(chen.page);
    await shot(chen.page, 'topic-queue.png');

    // The return dialog asks for a reason before anything is sent; cancelling keeps the topic.
    await card.getByText('退回', { exact: true }).click();
    const dialog = queue.locator('.dialog');
    await dialog.getByText('退回议题', { exact: true }).waitFor();
    await dialog.getByText('确认退回', { exact: true }).click();
    await dialog.getByText('请填写退回理由', { exact: true }).waitFor();
    await shot(chen.page, 'topic-return-dialog.png');
    await dialog.getByText('取消', { exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await card.getByText('采纳', { exact: true }).click();
    await confirmModal(chen.page, '采纳');
    await card.waitFor({ state: 'detached', timeout: 30000 });
    await queue.getByText('暂无待审核的议题').waitFor();
    await queue.locator('.otabs__tab', { hasText: '已采纳' }).click();
    await queue.locator('.topic-card', { hasText: TOPIC.title }).locator('.tag--accepted').waitFor({ timeout: 30000 });

    // 3. The government office (赵敏) is asked for its opinion (征求意见) and gives it.
    const zhao = await signIn('赵敏');
    await entry(zhao.page, '消息通知').click();
    const ask = current(zhao.page).locator('.message', { hasText: '议题征求意见' }).filter({ hasText: TOPIC.title });
    await ask.waitFor({ timeout: 30000 });
    await ask.click();
    const asked = current(zhao.page);
    await asked.locator('.detail-head__title', { hasText: TOPIC.title }).waitFor({ timeout: 30000 });
    await asked.locator('.opinions__action').getByText('发表意见', { exact: true }).click();
    const opinion = '建议人社部门先摸清全市骑手参保底数，分批纳入试点，并明确平台企业的缴费责任。';
    await box(asked.locator('.dialog'), '请输入对该议题的意见').fill(opinion);
    await asked.locator('.dialog').getByText('提交意见', { exact: true }).click();
    await asked.locator('.opinion', { hasText: opinion }).waitFor({ timeout: 30000 });
    text = await expectFinishedText(zhao.page);
    expect(text).toContain('政府方');
    expect(text).toContain('赵敏');
    await expectNoOverflow(zhao.page);
    await shot(zhao.page, 'topic-detail-opinion.png');

    // 4. 马春花 sees the answer: 已采纳 in 我的议题, and the message in her inbox.
    await home(ma.page);
    const badge = entry(ma.page, '消息通知').locator('.entry__badge');
    expect(Number(await badge.innerText())).toBeGreaterThanOrEqual(1);
    await current(ma.page).locator('.tile', { hasText: '我的议题' }).click();
    const mineCard = current(ma.page).locator('.topic-card', { hasText: TOPIC.title });
    await mineCard.waitFor({ timeout: 30000 });
    expect(await mineCard.innerText()).toContain('已采纳');
    await expectFinishedText(ma.page);
    await expectNoOverflow(ma.page);
    await shot(ma.page, 'topic-mine.png');

    await home(ma.page);
    await entry(ma.page, '消息通知').click();
    const message = current(ma.page).locator('.message', { hasText: '您的议题已采纳' });
    await message.waitFor({ timeout: 30000 });
    expect(await message.getAttribute('class')).toContain('message--unread');
    expect(await message.innerText()).toContain(TOPIC.title);
    await expectFinishedText(ma.page);
    await expectNoOverflow(ma.page);
    await shot(ma.page, 'inbox.png');
    await message.click();
    await current(ma.page).locator('.detail-head__title', { hasText: TOPIC.title }).waitFor({ timeout: 30000 });
    expect(await current(ma.page).innerText()).toContain('已采纳');
    const unread = await app.host.post('notify', { action: 'unreadCount', payload: {} }, maToken);
    expect(unread.json.data.unread).toBe(0);

    // 5. Art. 6 order (issue #16): 张志强 cannot confirm while accepted topics wait for the
    //    government side's opinion; the page says which, and shows no button that would fail.
    // two more accepted topics, so the government office has more than one to answer
    const guoToken = await app.host.signIn('city-rep-guo');
    const chenToken = await app.host.signIn('city-union-office');
    for (const title of ['关于设立快递员爱心驿站的建议', '关于快递员冬季取暖补贴的建议']) {
      const extra = await app.host.post('topic', {
        action: 'submit',
        payload: {
          meetingId: 'm-city-current', side: 'union', category: 'worker_concerns', title,
          background: '快递员冬季露天作业，缺少取暖、饮水和休息的地方。', research: '走访十个网点，座谈快递员三十余人。', request: '建议在商圈和社区设立爱心驿站。',
        },
      }, guoToken);
      expect((await app.host.post('topic', { action: 'accept', payload: { id: extra.json.data.id } }, chenToken)).json.ok).toBe(true);
    }
    const zhang = await signIn('张志强');
    await entry(zhang.page, '议题清单确认').click();
    const confirm = current(zhang.page);
    await confirm.locator('.list-item', { hasText: TOPIC.title }).waitFor({ timeout: 30000 });
    const missing = confirm.locator('.confirm__missing');
    await missing.waitFor({ timeout: 30000 });
    expect(await missing.innerText()).toMatch(/暂不能确认议题清单[\s\S]*议题「.+」.*尚未征求政府方意见/);
    expect(await confirm.getByText('确认议题清单', { exact: true }).count()).toBe(0);
    expect(await confirm.locator('.list-item', { hasText: TOPIC.title }).innerText()).toContain('意见：已提');
    expect(await confirm.getByText('意见：待提意见').count()).toBeGreaterThanOrEqual(2);
    expect(await confirm.getByText('无意见', { exact: true }).count()).toBe(0); // a convenor records no 无意见
    await expectNoOverflow(zhang.page);
    await shot(zhang.page, 'topic-confirm-missing.png');

    // 6. 赵敏 (the government office) records 无意见: one tap on one topic, then for all the rest.
    await zhao.page.goto(`${app.host.url}#/packages/office/pages/confirm/index?meetingId=m-city-current`);
    const office = current(zhao.page);
    const firstPending = office.locator('.confirm-row').filter({ has: zhao.page.getByText('无意见', { exact: true }) }).first();
    await firstPending.waitFor({ timeout: 30000 });
    expect(await office.locator('.confirm-row', { hasText: TOPIC.title }).getByText('无意见', { exact: true }).count()).toBe(0);
    const pendingTitle = await firstPending.locator('.list-item__title').innerText();
    await expectFinishedText(zhao.page);
    await expectNoOverflow(zhao.page);
    await shot(zhao.page, 'topic-confirm-office.png');
    await firstPending.getByText('无意见', { exact: true }).click();
    await office.locator('.confirm-row', { hasText: pendingTitle }).getByText('意见：无意见（由政府办公室登记）').waitFor({ timeout: 30000 });
    await office.getByText('本方对待提意见的议题全部登记“无意见”', { exact: true }).click();
    await confirmModal(zhao.page, '登记');
    await office.locator('.confirm__missing').waitFor({ state: 'detached', timeout: 30000 });
    expect(await office.getByText('意见：待提意见').count()).toBe(0);
    expect(await office.getByText('无意见', { exact: true }).count()).toBe(0);
    await expectFinishedText(zhao.page);
    await shot(zhao.page, 'topic-confirm-office-none.png');
    // the convenors are told the list is ready
    const ready = await app.host.post('notify', { action: 'inbox', payload: {} }, await app.host.signIn('city-gov-convenor'));
    expect(ready.json.data.items.map((i: { title: string }) => i.title)).toContain('议题清单待确认');

    // 7. Both convenors confirm the list (Art. 6): 张志强 for the government, 刘海燕 for the union.
    await zhang.page.reload();
    await confirm.getByText('确认议题清单', { exact: true }).waitFor({ timeout: 30000 });
    text = await expectFinishedText(zhang.page);
    for (const s of ['政府方', '工会方', '待确认', '待审核', '已采纳', '议题清单', '确认议题清单', '意见：已提', '意见：无意见（由政府办公室登记）']) expect(text).toContain(s);
    await expectNoOverflow(zhang.page);
    await shot(zhang.page, 'topic-confirm.png');
    await confirm.getByText('确认议题清单', { exact: true }).click();
    await confirmModal(zhang.page, '确认');
    await confirm.locator('.side--done', { hasText: '张志强' }).waitFor({ timeout: 30000 });
    await confirm.getByText('撤回确认', { exact: true }).waitFor();

    const liu = await signIn('刘海燕');
    await entry(liu.page, '议题清单确认').click();
    const liuConfirm = current(liu.page);
    await liuConfirm.locator('.list-item', { hasText: TOPIC.title }).waitFor({ timeout: 30000 });
    await settled(liu.page);
    await liuConfirm.getByText('确认议题清单', { exact: true }).click();
    await confirmModal(liu.page, '确认');
    await liuConfirm.getByText('议题清单已确定', { exact: true }).waitFor({ timeout: 30000 });
    expect(await liuConfirm.locator('.side--done').count()).toBe(2);
    await expectFinishedText(liu.page);
    await expectNoOverflow(liu.page);
    await shot(liu.page, 'topic-confirm-fixed.png');

    const status = await app.host.post('topic', { action: 'get', payload: { id: topicId } }, maToken);
    expect(status.json.data.status).toBe('accepted');

    // On a desktop browser the same page is a centred column.
    await ma.page.setViewportSize({ width: 1280, height: 800 });
    await ma.page.goto(`${app.host.url}#/pages/topic/detail/index?id=${encodeURIComponent(topicId)}`);
    await current(ma.page).locator('.detail-head__title', { hasText: TOPIC.title }).waitFor({ timeout: 30000 });
    await settled(ma.page);
    await ma.page.screenshot({ path: join(ARTIFACTS, 'topic-detail-desktop.png') });

    for (const s of [ma, chen, zhao, zhang, liu]) {
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  },
  WALK_TIMEOUT,
);
