/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers over HTTP */
// Issue #16 item 5 (Art. 6 order): the topic list is fixed only after the opinion round (征求意见) —
// every accepted topic has the other side's opinion, or that side's office recorded 无意见 — and the
// convenors are told when the list is ready. Plus the low item: a topic submitted before collection
// opens is told collection has not started (and when it should), not that it is over.
// Over the local host's HTTP API with the demo people on a fresh database.
import { addMonthsCN, cn, formatDateCN } from '../domain';
import { httpCaller } from './support/flows';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
let api: ReturnType<typeof httpCaller>;
beforeAll(async () => {
  host = await startTestHost();
  api = httpCaller(host);
});
afterAll(() => host.stop());

const topic = (meetingId: string, title: string, over: Record<string, unknown> = {}) => ({
  meetingId, side: 'union', category: 'worker_concerns', title,
  background: '我市新就业形态劳动者约一万二千人，多数未纳入工伤保险。',
  research: '市总工会走访三家平台站点，发放问卷四百份，六成骑手未参保。',
  request: '建议由市人社局牵头，推进职业伤害保障试点并设立工会驿站。',
  ...over,
});

const milestones = async (key: string): Promise<string[]> => (await api.ok(key, 'notify', 'inbox', {})).items.map((i: any) => i.milestone);
const byId = (status: any, id: string) => status.accepted.find((t: any) => t.id === id);

describe('Art. 6: the list is fixed only after the other side gave its opinion or recorded 无意见', () => {
  const M = 'm-city-current';
  let union: string;
  let gov: string;
  let joint: string;

  it('refuses to fix a list whose topics lack the other side\'s opinion, naming the topic, and offers no button', async () => {
    union = (await api.ok('city-rep-ma', 'topic', 'submit', topic(M, '关于外卖骑手职业伤害保障的建议'))).id;
    gov = (await api.ok('city-hrss', 'topic', 'submit', topic(M, '关于提高最低工资标准的通报', { side: 'gov', category: 'briefing' }))).id;
    joint = (await api.ok('city-hrss', 'topic', 'submit', topic(M, '关于共建户外劳动者服务站点的建议', { side: 'joint', leadSide: 'gov' }))).id;
    await api.ok('city-union-office', 'topic', 'accept', { id: union });
    await api.ok('city-gov-office', 'topic', 'accept', { id: gov });
    await api.ok('city-gov-office', 'topic', 'accept', { id: joint });

    const status = await api.ok('city-gov-convenor', 'topic', 'listStatus', { meetingId: M });
    expect(status.counts).toMatchObject({ submitted: 0, accepted: 3, awaitingOpinion: 3 });
    expect(status.allowedActions).not.toContain('confirmList');
    expect(status.missing).toEqual([expect.stringContaining('议题「关于外卖骑手职业伤害保障的建议」等 3 个议题尚未征求政府方意见')]);
    expect(status.accepted.map((t: any) => t.opinionStateLabel)).toEqual(['待提意见', '待提意见', '待提意见']);

    const refused = await api.call('city-gov-convenor', 'topic', 'confirmList', { meetingId: M });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('议题「关于外卖骑手职业伤害保障的建议」等 3 个议题尚未征求政府方意见') });
    expect((await api.call('city-union-chair', 'topic', 'confirmList', { meetingId: M })).status).toBe(422);
    expect((await host.store.get<any>('meetings', M)).topicList?.gov ?? null).toBeNull();
  });

  it('offers 无意见 on a topic only to the office of the side whose opinion it needs', async () => {
    const govOffice = await api.ok('city-gov-office', 'topic', 'listStatus', { meetingId: M });
    expect(byId(govOffice, union).allowedActions).toContain('noOpinion');
    expect(byId(govOffice, gov).allowedActions).not.toContain('noOpinion');
    expect(byId(govOffice, joint).allowedActions).not.toContain('noOpinion');
    expect(govOffice.allowedActions).toContain('noOpinionAll');
    const unionOffice = await api.ok('city-union-office', 'topic', 'listStatus', { meetingId: M });
    expect(byId(unionOffice, gov).allowedActions).toContain('noOpinion');
    expect(byId(unionOffice, joint).allowedActions).toContain('noOpinion');
    expect(byId(unionOffice, union).allowedActions).not.toContain('noOpinion');
    const convenor = await api.ok('city-gov-convenor', 'topic', 'listStatus', { meetingId: M });
    expect(byId(convenor, union).allowedActions).not.toContain('noOpinion');
    expect(convenor.allowedActions).not.toContain('noOpinionAll');
  });

  it('tells the convenors the list is ready when the last opinion or 无意见 arrives, and then fixes it as before', async () => {
    await api.ok('city-union-office', 'topic', 'addOpinion', { id: gov, text: '同意列入，建议同步通报企业工资集体协商情况。' });
    const none = await api.ok('city-gov-office', 'topic', 'noOpinion', { topicId: union });
    expect(none).toMatchObject({ opinionState: 'none', opinionStateLabel: '无意见（由政府办公室登记）', opinionSideLabel: '政府方' });
    expect(none.allowedActions).not.toContain('noOpinion');

    // one topic still waits: refused naming it, and nobody is told the list is ready
    const still = await api.call('city-gov-convenor', 'topic', 'confirmList', { meetingId: M });
    expect(still.json.error.message).toContain('议题「关于共建户外劳动者服务站点的建议」尚未征求工会方意见');
    expect(await milestones('city-gov-convenor')).not.toContain('topic_list_ready');

    await api.ok('city-union-office', 'topic', 'noOpinion', { topicId: joint });
    for (const convenor of ['city-gov-convenor', 'city-union-chair', 'city-union-convenor', 'city-gov-leader']) {
      const inbox = await api.ok(convenor, 'notify', 'inbox', {});
      const ready = inbox.items.find((i: any) => i.milestone === 'topic_list_ready');
      expect(ready).toMatchObject({ title: '议题清单待确认' });
      expect(ready.body).toContain('3 项已采纳议题均已征求意见');
    }
    expect(await milestones('city-rep-ma')).not.toContain('topic_list_ready');

    const status = await api.ok('city-gov-convenor', 'topic', 'listStatus', { meetingId: M });
    expect(status).toMatchObject({ missing: [], allowedActions: ['confirmList'], counts: { awaitingOpinion: 0 } });
    expect(Object.fromEntries(status.accepted.map((t: any) => [t.id, t.opinionStateLabel]))).toEqual({
      [union]: '无意见（由政府办公室登记）', [gov]: '已提', [joint]: '无意见（由总工会办公室登记）',
    });
    // the office's 无意见 is audited like every write
    expect(await host.store.count('audit', { action: 'topic.noOpinion', target: union })).toBe(1);

    await api.ok('city-gov-convenor', 'topic', 'confirmList', { meetingId: M, listHash: status.listHash });
    const fixed = await api.ok('city-union-chair', 'topic', 'confirmList', { meetingId: M });
    expect(fixed).toMatchObject({ fixed: true, meetingStatus: 'list_fixed', confirmations: { gov: { topicCount: 3 }, union: { topicCount: 3 } } });
  });

  it('a topic submitted after the list is fixed is told collection is over', async () => {
    const late = await api.call('city-rep-ma', 'topic', 'submit', topic(M, '关于职工食堂的建议'));
    expect(late.json.error).toEqual({ code: 'invalid_transition', message: '会议「议题已确定」，议题征集已结束' });
  });
});

describe('topic.noOpinion: the other side\'s office only, once, on an accepted topic of a collecting meeting', () => {
  const M = 'm-linhe-current';
  let id: string;

  it('refuses the proposing side\'s office, the other side\'s leader, the proposer, a department and the city\'s office', async () => {
    id = (await api.ok('linhe-rep', 'topic', 'submit', topic(M, '关于社区工会驿站建设的建议'))).id;
    const early = await api.call('linhe-gov-office', 'topic', 'noOpinion', { topicId: id });
    expect(early.json.error).toMatchObject({ code: 'not_found' }); // not accepted: the government side cannot see it yet
    await api.ok('linhe-union-office', 'topic', 'accept', { id });

    for (const key of ['linhe-union-office', 'linhe-gov-leader', 'linhe-rep', 'linhe-hrss', 'city-gov-office']) {
      const res = await api.call(key, 'topic', 'noOpinion', { topicId: id });
      expect([key, res.status, res.json.error?.code]).toEqual([key, 403, 'forbidden']);
    }
    expect((await api.call('linhe-gov-office', 'topic', 'noOpinion', { id })).status).toBe(400); // the payload is { topicId }
    expect((await host.store.get<any>('topics', id)).noOpinion).toBeUndefined();
  });

  it('records 无意见 once; a second tap is refused with the reason; the topic leaves the office\'s opinions to give', async () => {
    const toGive = async () => (await api.ok('linhe-gov-office', 'topic', 'list', { scope: 'opinions', meetingId: M })).items.map((t: any) => t.id);
    expect(await toGive()).toContain(id);
    const done = await api.ok('linhe-gov-office', 'topic', 'noOpinion', { topicId: id });
    expect(await toGive()).not.toContain(id);
    expect(done.opinionStateLabel).toBe('无意见（由政府办公室登记）');
    const again = await api.call('linhe-gov-office', 'topic', 'noOpinion', { topicId: id });
    expect(again.json.error).toEqual({ code: 'invalid_transition', message: '本方已对该议题登记无意见' });
  });

  it('noOpinionAll records 无意见 on every topic waiting for the caller\'s side, and only those', async () => {
    const a = (await api.ok('linhe-rep', 'topic', 'submit', topic(M, '关于环卫工人休息点的建议'))).id;
    const b = (await api.ok('linhe-rep', 'topic', 'submit', topic(M, '关于环卫工人饮水点的建议'))).id;
    const g = (await api.ok('linhe-hrss', 'topic', 'submit', topic(M, '关于就业补贴政策的通报', { side: 'gov', category: 'briefing' }))).id;
    for (const t of [a, b]) await api.ok('linhe-union-office', 'topic', 'accept', { id: t });
    await api.ok('linhe-gov-office', 'topic', 'accept', { id: g });

    const status = await api.ok('linhe-gov-office', 'topic', 'noOpinionAll', { meetingId: M });
    expect(byId(status, a).opinionStateLabel).toBe('无意见（由政府办公室登记）');
    expect(byId(status, b).opinionStateLabel).toBe('无意见（由政府办公室登记）');
    expect(byId(status, g).opinionStateLabel).toBe('待提意见');
    expect(status.allowedActions).not.toContain('noOpinionAll');
    const nothingLeft = await api.call('linhe-gov-office', 'topic', 'noOpinionAll', { meetingId: M });
    expect(nothingLeft.json.error).toEqual({ code: 'invalid_transition', message: '没有待政府方提意见的议题' });
    expect((await api.call('linhe-hrss', 'topic', 'noOpinionAll', { meetingId: M })).status).toBe(403);
  });
});

describe('a topic submitted before collection opens', () => {
  it('is told collection has not started and when it should, not that it is over', async () => {
    const plannedAt = cn(host.clock.now()).add(5, 'month').hour(15).minute(0).second(0).millisecond(0).toISOString();
    const meetingId = (await api.ok('city-union-office', 'meeting', 'request', {
      kind: 'special', title: '关于职工技能提升的专题会议', plannedAt, place: '市政府第一会议室', reason: '研究职工技能提升',
    })).id;
    const expected = `议题征集尚未开始，预计于${formatDateCN(addMonthsCN(plannedAt, -2))}开始`;
    const requested = await api.call('city-rep-ma', 'topic', 'submit', topic(meetingId, '关于技能培训补贴的建议'));
    expect(requested.json.error).toEqual({ code: 'invalid_transition', message: expected });
    await api.ok('city-gov-office', 'meeting', 'accept', { meetingId });
    const accepted = await api.call('city-rep-ma', 'topic', 'submit', topic(meetingId, '关于技能培训补贴的建议'));
    expect(accepted.json.error).toEqual({ code: 'invalid_transition', message: expected });
  });
});
