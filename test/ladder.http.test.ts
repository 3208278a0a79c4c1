/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #20 (4), the escalation ladder over HTTP with the dev clock: a task given on 11-24, due
// 11-30 — yellow at once → its owner; due today → its owner; overdue → its owner and the keeping
// office; 8 days overdue → also the unit head (the directory's 局长 of the owner's unit) and the
// keeping side's convenor, in one weekly digest listing every task overdue 7 days or more. Doubled
// ticks change nothing.
import { fromCN } from '../domain';
import { httpCaller, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
let ok: Ok;

const tick = async () => {
  const res = await fetch(`${host.url}api/dev/tick`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return ((await res.json()) as any).data;
};
const at = (date: string, time: string) => host.clock.set(new Date(fromCN(date, time)));
const all = async (key: string): Promise<any[]> => {
  const out: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(key, 'notify', 'inbox', cursor ? { cursor } : {});
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
};
const got = async (key: string, milestone: string, subjectId?: string) => (await all(key)).filter((i) => i.milestone === milestone && (!subjectId || i.subjectId === subjectId));

let taskId: string;
let headKey: string;

beforeAll(async () => {
  host = await startTestHost();
  ({ ok } = httpCaller(host));
});
afterAll(() => host.stop());

it('walks the ladder: due soon, due today, overdue (+ the office), 8 days overdue (+ unit head and convenor, one digest)', async () => {
  const head = await ok('city-gov-office', 'people', 'create', { orgId: 'city', name: '钱国栋', unit: '市人社局', title: '局长', unitHead: true, roles: ['gov_department'] });
  headKey = head.id ?? head.person?.id;
  expect(headKey).toBeTruthy();
  const task = await ok('city-union-office', 'task', 'assign', { decisionId: 'm-city-last_d1', title: '编制技能培训补贴申领指南', ownerId: 'city-hrss', deadline: '2026-11-30' });
  taskId = task.id ?? task.task?.id;
  expect(taskId).toBeTruthy();

  at('2026-11-24', '10:05');
  await tick();
  expect(await got('city-hrss', 'task_due_soon', taskId)).toHaveLength(1);

  at('2026-11-30', '08:05');
  await tick();
  await tick();
  expect(await got('city-hrss', 'task_due_today', taskId)).toHaveLength(1);
  expect(await got('city-union-office', 'task_overdue_office', taskId)).toHaveLength(0);

  at('2026-12-01', '08:05');
  await tick();
  await tick();
  expect(await got('city-hrss', 'task_overdue', taskId)).toHaveLength(1);
  expect(await got('city-union-office', 'task_overdue_office', taskId)).toHaveLength(1);
  // the seeded 周文博 task is long overdue: one digest a week already (weeks of 11-23 and 11-30)
  const before = (await got('city-union-convenor', 'task_escalation')).length;
  expect(before).toBe(2);

  at('2026-12-08', '08:05'); // 8 days overdue
  await tick();
  await tick();
  expect(await got('city-hrss', 'task_overdue', taskId)).toHaveLength(2);
  expect(await got('city-union-office', 'task_overdue_office', taskId)).toHaveLength(1); // past 7 days: the digest instead
  const digests = await got('city-union-convenor', 'task_escalation');
  expect(digests).toHaveLength(before + 1); // one a week, however many tasks crossed
  const [latest] = digests; // newest first
  expect(latest.body).toContain('编制技能培训补贴申领指南');
  expect(latest.body).toContain('城区新建户外劳动者服务站点 20 个'); // 周文博's, 市住建局
  expect(latest.title).toMatch(/^逾期任务周报：\d+ 项逾期超过 7 天$/);
  // a person added by the office has no demo sign-in: their inbox is read from the store
  const toHead = (await host.store.find<any>('notifications', { recipientId: headKey, milestone: 'task_escalation' }, { limit: 50 })).items;
  expect(toHead).toHaveLength(1);
  expect(toHead[0].body).toContain('编制技能培训补贴申领指南');
  expect(toHead[0].body).not.toContain('城区新建户外劳动者服务站点'); // not his unit's
  // the government side's convenor keeps none of these
  expect(await got('city-gov-convenor', 'task_escalation')).toHaveLength(0);
});
