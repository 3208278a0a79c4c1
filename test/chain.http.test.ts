/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #23 "done when", over the local host's HTTP API with the dev clock: a representative's
// topic, taken up by the meeting and turned into a task — the minutes name it, the proposer sees the
// whole chain (decided item, task with unit, deadline and light, progress, the verified completion)
// and is told at decided, assigned and done; a topic the meeting did not take up shows the reason
// the minutes give; another representative of the same org reads nothing of a chain not theirs.
import { fromCN } from '../domain';
import { startTestHost, type TestHost } from './support/host';
import { httpCaller, type Ok } from './support/flows';
import { DEMO_NOW } from './support/world';
import { pngOf } from './support/images';

let host: TestHost;
let ok: Ok;
let code: ReturnType<typeof httpCaller>['code'];

beforeAll(async () => {
  host = await startTestHost();
  ({ ok, code } = httpCaller(host));
});
afterAll(() => host.stop());

const plannedAt = fromCN('2026-12-24', '09:30');
let meetingId: string;
let taken: string; // 马春花's topic, taken up
let skipped: string; // 郭振华's topic, not taken up
let taskId: string;

const TOPIC = {
  side: 'union', category: 'worker_concerns',
  background: '我市技能培训补贴申领流程繁琐，职工知晓率低。', research: '调研十家企业，六成职工不了解补贴政策。', request: '建议简化申领流程并由工会协助宣传。',
};

/** Two representatives' topics on the list of a special meeting, the meeting held (Art. 4–8). */
it('a meeting is held with two representatives\' topics on its list', async () => {
  meetingId = (await ok('city-union-office', 'meeting', 'request', {
    kind: 'special', title: '职工技能提升专题联席会议', plannedAt, place: '市政府第一会议室', reason: '研究职工技能培训补贴落实',
  })).id;
  await ok('city-gov-office', 'meeting', 'accept', { meetingId });
  await ok('city-union-office', 'meeting', 'openCollection', { meetingId });
  taken = (await ok('city-rep-ma', 'topic', 'submit', { meetingId, ...TOPIC, title: '关于简化技能培训补贴申领的建议' })).id;
  skipped = (await ok('city-rep-guo', 'topic', 'submit', { meetingId, ...TOPIC, title: '关于外卖骑手职业伤害保障的建议' })).id;
  // issue #23: a topic returned and one merged get a written reply (答复) the proposer keeps
  const returned = (await ok('city-model-yang', 'topic', 'submit', { meetingId, ...TOPIC, title: '关于建筑工人工资保证金的建议' })).id;
  await ok('city-union-office', 'topic', 'return', { id: returned, reason: '请补充本市在建项目欠薪的调研数据后再提交。' });
  const returnedChain = (await ok('city-model-yang', 'topic', 'get', { id: returned })).chain;
  expect(returnedChain.reply).toMatchObject({ kind: 'returned', kindLabel: '退回答复', text: '请补充本市在建项目欠薪的调研数据后再提交。', byName: '陈晓丽' });
  const merged = (await ok('city-rep-ma', 'topic', 'submit', { meetingId, ...TOPIC, title: '关于技能补贴网上申领的建议' })).id;
  await ok('city-union-office', 'topic', 'merge', { id: merged, intoId: taken, note: '内容相近' });
  expect((await ok('city-rep-ma', 'topic', 'get', { id: merged })).chain.reply).toMatchObject({
    kind: 'merged', text: '您的议题已并入「关于简化技能培训补贴申领的建议」一并研究办理：内容相近',
  });
  // resubmitted after the return: the reply no longer answers the topic as it stands
  await ok('city-model-yang', 'topic', 'resubmit', { id: returned });
  expect((await ok('city-model-yang', 'topic', 'get', { id: returned })).chain.reply).toBeUndefined();
  await ok('city-model-yang', 'topic', 'withdraw', { id: returned });
  for (const id of [taken, skipped]) {
    await ok('city-union-office', 'topic', 'accept', { id });
    await ok('city-gov-office', 'topic', 'noOpinion', { topicId: id });
  }
  await ok('city-gov-convenor', 'topic', 'confirmList', { meetingId });
  await ok('city-union-chair', 'topic', 'confirmList', { meetingId });
  await ok('city-gov-office', 'meeting', 'invite', { meetingId, invitees: [{ personId: 'city-gov-leader', category: 'leader' }, { personId: 'city-hrss', category: 'department' }] });
  await ok('city-union-office', 'meeting', 'invite', { meetingId, invitees: [{ personId: 'city-union-chair', category: 'leader' }, { personId: 'city-rep-ma', category: 'worker_representative' }] });
  await ok('city-gov-office', 'meeting', 'setPresiding', { meetingId, personId: 'city-gov-leader' });
  await ok('city-gov-office', 'meeting', 'issueNotice', { meetingId, docNumber: '巴政办字〔2026〕123号' });
  host.clock.set(new Date(new Date(plannedAt).getTime() - 10 * 60 * 1000));
  await ok('city-union-office', 'meeting', 'start', { meetingId });
  expect((await ok('city-gov-leader', 'meeting', 'adjourn', { meetingId })).state).toBe('held');
  // before the minutes, the chain knows the meeting and that the topic is on its list, nothing decided
  const before = await ok('city-rep-ma', 'topic', 'get', { id: taken });
  expect(before.chain).toMatchObject({ meeting: { id: meetingId, listed: true, heldAt: expect.any(String) }, decisions: [], tasks: [] });
  expect(before.chain.reply).toBeUndefined();
});

const DRAFT = {
  text: '会议由副市长王建国主持。会议听取了职工代表关于技能培训补贴的建议，进行了讨论。',
  decisions: [
    { title: '简化技能培训补贴申领流程', text: '由市人社局牵头，一个月内将申领材料精简一半以上。' },
    { title: '开展补贴政策进企业宣传', text: '由市总工会组织，在全市规上企业开展宣传。' },
  ],
};

it('Art. 9 + issue #23: a decided item names topics of this meeting\'s list only; a topic not taken up carries the reason', async () => {
  const save = (payload: Record<string, unknown>) => code('city-union-office', 'minutes', 'save', { meetingId, ...DRAFT, ...payload });
  // another meeting's topic, a topic id that does not exist, a repeated one, an unknown key: refused, nothing saved
  expect(await save({ decisions: [{ ...DRAFT.decisions[0], topicIds: ['t-city-special-1'] }] })).toBe('validation_error');
  expect(await save({ decisions: [{ ...DRAFT.decisions[0], topicIds: ['no-such-topic'] }] })).toBe('validation_error');
  expect(await save({ decisions: [{ ...DRAFT.decisions[0], topicIds: [taken, taken] }] })).toBe('validation_error');
  expect(await save({ decisions: [{ ...DRAFT.decisions[0], topicIds: [taken], status: 'x' }] })).toBe('validation_error');
  // a topic both decided and not taken up; a reason too short
  expect(await save({ decisions: [{ ...DRAFT.decisions[0], topicIds: [taken] }], notTakenUp: [{ topicId: taken, reason: '另行研究' }] })).toBe('validation_error');
  expect(await save({ notTakenUp: [{ topicId: skipped, reason: '' }] })).toBe('validation_error');
  expect((await ok('city-union-office', 'minutes', 'get', { meetingId })).exists).toBe(false);

  // the editor is offered the meeting's listed topics
  const draft = await ok('city-union-office', 'minutes', 'get', { meetingId });
  expect(draft.listedTopics.map((t: any) => t.id).sort()).toEqual([taken, skipped].sort());

  const saved = await ok('city-union-office', 'minutes', 'save', {
    meetingId, text: DRAFT.text,
    decisions: [{ ...DRAFT.decisions[0], topicIds: [taken] }, DRAFT.decisions[1]],
    notTakenUp: [{ topicId: skipped, reason: '涉及自治区统一政策，会议决定由市总工会先行调研，提交下次会议研究。' }],
  });
  expect(saved.current.decisions[0].topicIds).toEqual([taken]);
  expect(saved.current.notTakenUp).toEqual([{ topicId: skipped, reason: '涉及自治区统一政策，会议决定由市总工会先行调研，提交下次会议研究。' }]);

  await ok('city-union-office', 'minutes', 'setAttendance', { meetingId, entries: [] });
  await ok('city-union-office', 'minutes', 'submit', { meetingId });
  // drafted, not issued: the proposer sees nothing decided yet
  expect((await ok('city-rep-ma', 'topic', 'get', { id: taken })).chain.decisions).toEqual([]);
  await ok('city-union-chair', 'minutes', 'approve', { meetingId });
  await ok('city-gov-leader', 'minutes', 'approve', { meetingId });
  const issued = await ok('city-union-office', 'minutes', 'issue', { meetingId, docNumber: '巴工联纪〔2026〕9号' });
  expect(issued.decisions[0]).toMatchObject({ id: `${meetingId}_d1`, topicIds: [taken] });
  // Art. 9 + issue #23: the topic not taken up shows the reason the minutes give, as a written reply
  const notTaken = await ok('city-rep-guo', 'topic', 'get', { id: skipped });
  expect(notTaken.chain).toMatchObject({
    decisions: [], tasks: [],
    reply: { kind: 'not_taken_up', kindLabel: '本次会议未议定', text: '涉及自治区统一政策，会议决定由市总工会先行调研，提交下次会议研究。', byName: '陈晓丽' },
  });
});

it('issue #23: the proposer reads the decided item, then the task carrying it with unit, deadline and light', async () => {
  const decided = await ok('city-rep-ma', 'topic', 'get', { id: taken });
  expect(decided.chain.decisions).toEqual([{ id: `${meetingId}_d1`, n: 1, title: '简化技能培训补贴申领流程', text: '由市人社局牵头，一个月内将申领材料精简一半以上。' }]);
  expect(decided.chain.meeting).toMatchObject({ docNumber: '巴工联纪〔2026〕9号', minutesIssuedAt: expect.any(String) });
  expect(decided.chain.tasks).toEqual([]);

  taskId = (await ok('city-union-office', 'task', 'assign', { decisionId: `${meetingId}_d1`, title: '精简技能培训补贴申领材料', ownerId: 'city-hrss', deadline: '2027-01-20' })).id;
  // a task on the other decided item is not part of this topic's chain
  await ok('city-union-office', 'task', 'assign', { decisionId: `${meetingId}_d2`, title: '补贴政策进企业宣传', ownerId: 'city-union-rights', deadline: '2027-02-20' });
  const assigned = await ok('city-rep-ma', 'topic', 'get', { id: taken });
  expect(assigned.chain.tasks).toEqual([expect.objectContaining({
    id: taskId, title: '精简技能培训补贴申领材料', unit: '市人社局', deadline: '2027-01-20', light: 'green', lightLabel: '正常', status: 'in_progress',
  })]);
  // issue #23 read rules: another representative of the same org (a proposer at the same meeting)
  // cannot read this chain, nor the task itself; their own chain holds nothing of this one
  expect(await code('city-rep-guo', 'topic', 'get', { id: taken })).toBe('not_found');
  expect(await code('city-rep-ma', 'task', 'get', { taskId })).toBe('not_found');
  expect(await code('linhe-union-office', 'topic', 'get', { id: taken })).toBe('not_found');
  expect((await ok('city-rep-guo', 'topic', 'get', { id: skipped })).chain).toMatchObject({ decisions: [], tasks: [] });
  // the light follows the clock by the checklist's rule: yellow in the last days, red after the deadline
  host.clock.set(new Date(fromCN('2027-01-18', '10:00')));
  expect((await ok('city-rep-ma', 'topic', 'get', { id: taken })).chain.tasks[0].light).toBe('yellow');
  expect((await ok('city-hrss', 'task', 'get', { taskId })).light).toBe('yellow');
  host.clock.set(new Date(fromCN('2027-01-10', '10:00')));
});

it('issue #23: 落实情况 — each decided item in the minutes\' order with done / total and lights, for invitees and the proposers of its topics', async () => {
  const results = await ok('city-rep-guo', 'meeting', 'results', { meetingId }); // a proposer, not invited
  expect(results.items.map((i: any) => [i.decisionId, i.title, i.done, i.total])).toEqual([
    [`${meetingId}_d1`, '简化技能培训补贴申领流程', 0, 1],
    [`${meetingId}_d2`, '开展补贴政策进企业宣传', 0, 1],
  ]);
  expect(results.items[0].tasks[0]).toMatchObject({ id: taskId, unit: '市人社局', deadline: '2027-01-20', light: 'green', status: 'in_progress' });
  // the same figures for every reader; only what each may do next (the year view) differs
  expect(figures(await ok('city-hrss', 'meeting', 'results', { meetingId }))).toEqual(figures(results)); // invited
  expect(figures(await ok('city-gov-office', 'meeting', 'results', { meetingId }))).toEqual(figures(results));
  expect(results.allowedActions).toEqual([]);
  expect((await ok('city-gov-office', 'meeting', 'results', { meetingId })).allowedActions).toEqual(['meeting.resultsYear']);
  // neither invited nor the proposer of a listed topic (杨德胜's was withdrawn); another org
  expect(await code('city-model-yang', 'meeting', 'results', { meetingId })).toBe('not_found');
  expect(await code('city-housing', 'meeting', 'results', { meetingId })).toBe('not_found');
  expect(await code('linhe-union-office', 'meeting', 'results', { meetingId })).toBe('not_found');
  expect(await code('city-rep-guo', 'meeting', 'results', { meetingId, extra: 1 })).toBe('validation_error');
});

/** A results view's figures: without what the caller is offered (it differs by reader) and the org and
 *  year the year view is asked with (the agenda's copy has no use for them). */
const figures = ({ allowedActions: _offered, orgId: _org, year: _year, ...rest }: { allowedActions?: unknown; orgId?: unknown; year?: unknown }) => rest;

it('Art. 3 (1) + issue #23: last year\'s seeded meeting — each decided item with done / total and lights; the next agenda\'s section 1 shows the same figures', async () => {
  host.clock.set(DEMO_NOW); // the day the demo was seeded for
  const last = await ok('city-model-yang', 'meeting', 'results', { meetingId: 'm-city-last' }); // the proposer of its topics
  expect(last.items.map((i: any) => `${i.n}. ${i.title} ${i.done}/${i.total} ${i.tasks.map((t: any) => t.light).join(',')}`)).toEqual([
    '1. 推进职工技能培训补贴申领便利化 0/2 yellow,green',
    '2. 建设户外劳动者服务站点 1/2 done,red',
    '3. 将服务站点建设纳入年度民生实事 0/1 green',
  ]);
  // the proposer's chain of last year's topic: two decided items, three tasks, one done
  const chain = (await ok('city-model-yang', 'topic', 'get', { id: 't-city-last-2' })).chain;
  expect(chain.decisions.map((d: any) => d.n)).toEqual([2, 3]);
  expect(chain.tasks.map((t: any) => t.light)).toEqual(['done', 'red', 'green']);
  // the agenda of the meeting after it (the current one, or this special meeting) reports the same figures
  for (const id of ['m-city-current', meetingId]) {
    const section = (await ok('city-union-office', 'meeting', 'get', { meetingId: id })).agenda.sections[0];
    const same = await ok('city-union-office', 'meeting', 'results', { meetingId: section.results.meetingId });
    expect(figures(section.results)).toEqual(figures(same));
  }
});

it('issue #23 done when: the proposer sees progress, the verified completion and the light done, and was told at decided, assigned and done — never for a progress note', async () => {
  const milestones = async (key: string) => ((await ok(key, 'notify', 'inbox', {})).items as any[]).filter((i) => i.milestone.startsWith('topic_') && i.link.includes(taken)).map((i) => i.milestone);
  expect((await milestones('city-rep-ma')).sort()).toEqual(['topic_accepted', 'topic_decided', 'topic_task_assigned']);
  // the proposer of the topic not taken up is told why
  const guo = ((await ok('city-rep-guo', 'notify', 'inbox', {})).items as any[]).find((i) => i.milestone === 'topic_decided');
  expect(guo).toMatchObject({ title: '您的议题本次会议未议定', body: expect.stringContaining('提交下次会议研究') });

  host.clock.set(new Date(fromCN('2027-01-12', '10:00')));
  await ok('city-hrss', 'task', 'report', { taskId, text: '申领材料已由 9 项精简为 4 项，网上申领系统正在联调。' });
  await ok('city-hrss', 'task', 'report', { taskId, text: '网上申领系统已上线试运行。' });
  expect(await milestones('city-rep-ma')).toHaveLength(3); // no message for progress notes
  const res = await fetch(`${host.url}api/upload`, {
    method: 'POST', headers: { authorization: `Bearer ${await host.signIn('city-hrss')}`, 'x-file-name': encodeURIComponent('上线通知.png') }, body: new Uint8Array(pngOf()),
  });
  const fileId = ((await res.json()) as any).data.fileId;
  await ok('city-hrss', 'task', 'complete', { taskId, text: '申领材料精简为 4 项，网上申领已全面开通。', evidence: [{ fileId, fileName: '上线通知.png' }] });
  expect(await milestones('city-rep-ma')).toHaveLength(3); // completion awaits verification
  await ok('city-union-office', 'task', 'verify', { taskId });
  expect((await milestones('city-rep-ma')).sort()).toEqual(['topic_accepted', 'topic_decided', 'topic_task_assigned', 'topic_task_done']);

  const chain = (await ok('city-rep-ma', 'topic', 'get', { id: taken })).chain;
  expect(chain.tasks[0]).toMatchObject({
    light: 'done', status: 'done', verifiedAt: expect.any(String),
    progress: [{ text: '申领材料已由 9 项精简为 4 项，网上申领系统正在联调。' }, { text: '网上申领系统已上线试运行。' }],
    completion: { text: '申领材料精简为 4 项，网上申领已全面开通。', evidence: [{ typeLabel: '图片' }] },
  });
  expect(JSON.stringify(chain)).not.toContain(fileId);
  const results = await ok('city-rep-ma', 'meeting', 'results', { meetingId });
  expect(results.items[0]).toMatchObject({ done: 1, total: 1 });
});
