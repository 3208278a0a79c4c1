// Issue #3 "done when", checked over the local host's HTTP API with demo users on a fresh database.
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
const tokens: Record<string, string> = {};
const as = async (key: string) => (tokens[key] ??= await host.signIn(key));
const call = async (key: string | null, area: string, action: string, payload: unknown, idempotencyKey?: string) =>
  host.post(area, { action, payload, ...(idempotencyKey ? { idempotencyKey } : {}) }, key ? await as(key) : undefined);
const topicCount = () => host.store.count('topics', {});

const topic = (over: Record<string, unknown> = {}) => ({
  meetingId: 'm-city-current', side: 'union', category: 'worker_concerns',
  title: '关于快递外卖骑手职业伤害保障的建议',
  background: '我市新就业形态劳动者约一万二千人，多数未纳入工伤保险。',
  research: '市总工会走访三家平台站点，发放问卷四百份，六成骑手未参保。',
  request: '建议由市人社局牵头，推进职业伤害保障试点并设立工会驿站。',
  ...over,
});

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.stop());

it('a department topic goes to the government office, not yet to the union office; accept answers the proposer', async () => {
  const sub = await call('city-hrss', 'topic', 'submit', topic({ side: 'gov', category: 'briefing', title: '关于提高最低工资标准的通报' }));
  expect(sub.status).toBe(200);
  expect(sub.json.data).toMatchObject({ status: 'submitted', statusLabel: '待审核', routedTo: 'gov_office', sideLabel: '政府方' });
  const id = sub.json.data.id;

  const govQueue = await call('city-gov-office', 'topic', 'list', { scope: 'queue' });
  expect(govQueue.json.data.items.map((t: { id: string }) => t.id)).toContain(id);
  expect(govQueue.json.data.items.find((t: { id: string }) => t.id === id).allowedActions).toEqual(expect.arrayContaining(['accept', 'return', 'merge']));
  const unionQueue = await call('city-union-office', 'topic', 'list', { scope: 'queue' });
  expect(unionQueue.json.data.items.map((t: { id: string }) => t.id)).not.toContain(id);
  expect((await call('city-union-office', 'topic', 'get', { id })).status).toBe(404);

  const accepted = await call('city-gov-office', 'topic', 'accept', { id });
  expect(accepted.json.data.statusLabel).toBe('已采纳');
  const inbox = await call('city-hrss', 'notify', 'inbox', {});
  expect(inbox.json.data.items[0]).toMatchObject({ title: '您的议题已采纳', read: false });
  expect(inbox.json.data.unread).toBeGreaterThan(0);
  // accepted: the other side's office is asked for its opinion and may now read it (Art. 6 征求意见)
  const unionInbox = await call('city-union-office', 'notify', 'inbox', {});
  expect(unionInbox.json.data.items.map((n: { title: string }) => n.title)).toContain('议题征求意见');
  const opinion = await call('city-union-office', 'topic', 'addOpinion', { id, text: '同意列入，建议同步研究新就业形态劳动者入会。' });
  expect(opinion.json.data.opinions[0]).toMatchObject({ sideLabel: '工会方', byName: '陈晓丽' });
  expect((await call('city-gov-office', 'topic', 'addOpinion', { id, text: '本方不应提意见。' })).status).toBe(403);
});

it('a representative topic is returned with a reason, updated and resubmitted', async () => {
  const id = (await call('city-rep-ma', 'topic', 'submit', topic())).json.data.id;
  const returned = await call('city-union-office', 'topic', 'return', { id, reason: '请补充平台企业的参保数据' });
  expect(returned.json.data.statusLabel).toBe('已退回');

  const mine = await call('city-rep-ma', 'topic', 'get', { id });
  expect(mine.json.data).toMatchObject({ returnReason: '请补充平台企业的参保数据', allowedActions: expect.arrayContaining(['update', 'resubmit', 'withdraw']) });
  expect(mine.json.data.timeline.map((e: { label: string }) => e.label)).toEqual(['提交议题', '退回修改']);
  const inbox = await call('city-rep-ma', 'notify', 'inbox', {});
  expect(inbox.json.data.items[0].body).toContain('请补充平台企业的参保数据');

  const updated = await call('city-rep-ma', 'topic', 'update', { id, research: '补充：三家平台企业参保率分别为 32%、41%、28%，问卷四百份。' });
  expect(updated.json.data.research).toContain('32%');
  const again = await call('city-rep-ma', 'topic', 'resubmit', { id });
  expect(again.json.data).toMatchObject({ status: 'submitted' });
  expect(again.json.data.returnReason).toBeUndefined();
  const queue = await call('city-union-office', 'topic', 'list', { scope: 'queue' });
  expect(queue.json.data.items.map((t: { id: string }) => t.id)).toContain(id);
});

it('a representative may not accept, nor submit a government topic', async () => {
  const id = (await call('city-rep-ma', 'topic', 'submit', topic({ title: '关于职工疗休养的建议' }))).json.data.id;
  const accept = await call('city-rep-ma', 'topic', 'accept', { id });
  expect(accept.status).toBe(403);
  expect(accept.json.error.code).toBe('forbidden');
  const before = await topicCount();
  const gov = await call('city-rep-ma', 'topic', 'submit', topic({ side: 'gov' }));
  expect(gov.status).toBe(403);
  expect(gov.json.error.message).toBe('您不能提交政府方议题');
  expect(await topicCount()).toBe(before);
});

it('keeps counties apart: 临河区 cannot read a city topic; the city office reads a 临河区 topic but cannot accept it', async () => {
  const cityTopic = (await call('city-rep-ma', 'topic', 'submit', topic({ title: '关于产业工人技能提升的建议' }))).json.data.id;
  const peek = await call('linhe-union-office', 'topic', 'get', { id: cityTopic });
  expect([403, 404]).toContain(peek.status);
  expect(JSON.stringify(peek.json)).not.toContain('技能提升');

  const linheTopic = (await call('linhe-rep', 'topic', 'submit', topic({ meetingId: 'm-linhe-current', title: '关于社区工会驿站建设的建议' }))).json.data.id;
  const read = await call('city-union-office', 'topic', 'get', { id: linheTopic });
  expect(read.status).toBe(200);
  expect(read.json.data.allowedActions).toEqual([]);
  const accept = await call('city-union-office', 'topic', 'accept', { id: linheTopic });
  expect(accept.status).toBe(403);
  expect((await call('linhe-rep', 'topic', 'get', { id: linheTopic })).json.data.status).toBe('submitted');
  // a sibling county sees nothing
  expect((await call('wuyuan-union-office', 'topic', 'get', { id: linheTopic })).status).toBe(404);
});

it('fixes the list only when both sides confirm; then submission is closed', async () => {
  // screen what is waiting first: the list cannot be fixed while topics wait
  const status = await call('city-gov-convenor', 'topic', 'listStatus', { meetingId: 'm-city-current' });
  expect(status.json.data.counts.submitted).toBeGreaterThan(0);
  expect(status.json.data.allowedActions).toEqual([]); // no button that cannot succeed
  const pendingConfirm = await call('city-gov-convenor', 'topic', 'confirmList', { meetingId: 'm-city-current' });
  expect(pendingConfirm.json.error.code).toBe('invalid_transition');
  expect(pendingConfirm.json.error.message).toMatch(/尚未审核/);
  for (const office of ['city-gov-office', 'city-union-office']) {
    const queue = await call(office, 'topic', 'list', { scope: 'queue', meetingId: 'm-city-current' });
    for (const t of queue.json.data.items) expect((await call(office, 'topic', 'accept', { id: t.id })).status).toBe(200);
  }
  // Art. 6 (issue #16): not before the other side gave its opinion on every accepted topic, or 无意见
  const lacking = await call('city-gov-convenor', 'topic', 'confirmList', { meetingId: 'm-city-current' });
  expect(lacking.json.error).toMatchObject({ code: 'invalid_transition', message: expect.stringMatching(/^议题「.+」.*尚未征求(政府方|工会方)意见/) });
  for (const office of ['city-gov-office', 'city-union-office']) {
    const before = await call(office, 'topic', 'listStatus', { meetingId: 'm-city-current' });
    if (before.json.data.allowedActions.includes('noOpinionAll')) expect((await call(office, 'topic', 'noOpinionAll', { meetingId: 'm-city-current' })).status).toBe(200);
  }

  const gov = await call('city-gov-convenor', 'topic', 'confirmList', { meetingId: 'm-city-current' });
  expect(gov.json.data).toMatchObject({ fixed: false, confirmations: { gov: { byName: '张志强' }, union: null }, allowedActions: ['revokeConfirmation'] });
  const n = gov.json.data.counts.accepted;
  expect(gov.json.data.confirmations.gov.topicCount).toBe(n);
  const stillOpen = await call('city-rep-ma', 'topic', 'submit', topic({ title: '关于困难职工帮扶的建议' }));
  expect(stillOpen.status).toBe(200);
  // Art. 6: a topic accepted after the government confirmed changes the list it confirmed
  expect((await call('city-union-office', 'topic', 'accept', { id: stillOpen.json.data.id })).status).toBe(200);
  const cleared = await call('city-gov-convenor', 'topic', 'listStatus', { meetingId: 'm-city-current' });
  expect(cleared.json.data).toMatchObject({ fixed: false, confirmations: { gov: null }, counts: { accepted: n + 1, awaitingOpinion: 1 }, allowedActions: [] });
  expect(cleared.json.data.missing[0]).toContain('议题「关于困难职工帮扶的建议」尚未征求政府方意见');
  expect((await call('city-gov-office', 'topic', 'noOpinion', { topicId: stillOpen.json.data.id })).status).toBe(200);
  const ready = await call('city-gov-convenor', 'topic', 'listStatus', { meetingId: 'm-city-current' });
  expect(ready.json.data).toMatchObject({ missing: [], allowedActions: ['confirmList'] });
  const told = await call('city-gov-convenor', 'notify', 'inbox', {});
  expect(told.json.data.items.map((i: { milestone: string }) => i.milestone)).toContain('topic_list_changed');

  const union = await call('city-union-chair', 'topic', 'confirmList', { meetingId: 'm-city-current' });
  expect(union.json.data).toMatchObject({ fixed: false, meetingStatus: 'collecting', confirmations: { gov: null, union: { topicCount: n + 1 } } });
  const both = await call('city-gov-convenor', 'topic', 'confirmList', { meetingId: 'm-city-current' });
  expect(both.json.data).toMatchObject({ fixed: true, meetingStatus: 'list_fixed', meetingStatusLabel: '议题已确定' });
  expect(both.json.data.confirmations).toMatchObject({ gov: { topicCount: n + 1 }, union: { topicCount: n + 1 } });
  expect(both.json.data.accepted.length).toBe(n + 1);
  expect(both.json.data.accepted.map((t: { id: string }) => t.id)).toContain(stillOpen.json.data.id);

  const late = await call('city-rep-ma', 'topic', 'submit', topic({ title: '关于职工食堂的建议' }));
  expect(late.status).toBe(422);
  expect(late.json.error.code).toBe('invalid_transition');
  const notice = await call('city-rep-ma', 'notify', 'inbox', {});
  expect(notice.json.data.items.map((n: { title: string }) => n.title)).toContain('议题清单已确定');
  const home = await call('city-rep-ma', 'account', 'home', {});
  expect(home.json.data.collectingMeetings.map((m: { id: string }) => m.id)).not.toContain('m-city-current');
});

it('refuses extra keys, replays an idempotency key, limits ten a day, and rejects listed words — storing nothing', async () => {
  const before = await topicCount();
  const extra = await call('linhe-rep', 'topic', 'submit', { ...topic({ meetingId: 'm-linhe-current' }), status: 'accepted' });
  expect(extra.status).toBe(400);
  expect(extra.json.error.code).toBe('validation_error');
  expect(await topicCount()).toBe(before);

  const key = 'double-tap-0001';
  const first = await call('linhe-rep', 'topic', 'submit', topic({ meetingId: 'm-linhe-current', title: '关于环卫工人休息点的建议' }), key);
  const second = await call('linhe-rep', 'topic', 'submit', topic({ meetingId: 'm-linhe-current', title: '关于环卫工人休息点的建议' }), key);
  expect(second.json.data.id).toBe(first.json.data.id);
  expect(await topicCount()).toBe(before + 1);

  const words = await call('linhe-rep', 'topic', 'submit', topic({ meetingId: 'm-linhe-current', title: '有人推销代开发票的情况' }), 'retry-after-refusal');
  expect(words.json.error).toEqual({ code: 'content_rejected', message: '内容未通过安全检查，请修改后重试' });
  expect(await topicCount()).toBe(before + 1);
  // the refused key may be used again once the text is fixed
  const fixed = await call('linhe-rep', 'topic', 'submit', topic({ meetingId: 'm-linhe-current', title: '关于环卫工人饮水点的建议' }), 'retry-after-refusal');
  expect(fixed.status).toBe(200);
  expect(await topicCount()).toBe(before + 2);

  // 任小军 has submitted 1 today (plus the one in the county test); fill up to ten, the 11th is refused
  const today = (await host.store.count('topics', { createdBy: 'linhe-rep' }));
  for (let i = today; i < 10; i += 1) {
    const ok = await call('linhe-rep', 'topic', 'submit', topic({ meetingId: 'm-linhe-current', title: `关于职工关心问题的建议 ${i}` }));
    expect(ok.status).toBe(200);
  }
  const eleventh = await call('linhe-rep', 'topic', 'submit', topic({ meetingId: 'm-linhe-current', title: '第十一个议题的标题' }));
  expect(eleventh.status).toBe(429);
  expect(eleventh.json.error.code).toBe('rate_limited');
});
