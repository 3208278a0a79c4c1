/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #20, the ladder's parameters (Art. 11, 13) and the unit head (the directory's flag). A task
// of the city's government side (kept by 赵敏's office, 孙立新 of 市人社局 responsible) falls due on
// Friday 11-27. The day after, its owner and the keeping office are told. How many days overdue it
// joins the weekly digest to the keeping side's convenor (张志强) and the head of 市人社局 is the
// org's `escalateAfterDays`, set on 规则参数 like every parameter: the default 7 → Friday 12-04;
// set to 3 from today → Monday 11-30. The head is whom the directory marks (单位负责人), never a
// title: 钱国栋 (局长, marked) is told, 刘建设 (局长 by title only) is not — until the office marks him.
import { fromCN } from '../domain';
import { httpCaller, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';
import { findAll } from '../server/store/port';

const tickOf = (host: TestHost) => async () => {
  const res = await fetch(`${host.url}api/dev/tick`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return ((await res.json()) as any).data;
};

interface Walk {
  host: TestHost;
  ok: Ok;
  tick: () => Promise<unknown>;
  at: (date: string, time: string) => void;
  taskId: string;
  marked: string;
  unmarked: string;
  /** who has been told about the task so far, by milestone (the digest by those that name it) */
  told: () => Promise<Record<string, string[]>>;
}

/** A fresh host: two 局长 of 市人社局 (one marked head), the task assigned on 11-24, due 11-27. */
async function walk(): Promise<Walk> {
  const host = await startTestHost();
  const { ok } = httpCaller(host);
  const at = (date: string, time: string) => host.clock.set(new Date(fromCN(date, time)));
  at('2026-11-24', '10:00');
  const marked = (await ok('city-gov-office', 'people', 'create', { orgId: 'city', name: '钱国栋', unit: '市人社局', title: '局长', unitHead: true, roles: ['gov_department'] })).id;
  const unmarked = (await ok('city-gov-office', 'people', 'create', { orgId: 'city', name: '刘建设', unit: '市人社局', title: '局长', roles: ['gov_department'] })).id;
  const taskId = (await ok('city-gov-office', 'task', 'assign', { decisionId: 'm-city-last_d1', title: '开展新就业形态劳动者技能培训', ownerId: 'city-hrss', deadline: '2026-11-27' })).id;
  const names = new Map<string, string>([[marked, '钱国栋'], [unmarked, '刘建设'], ['city-hrss', '孙立新'], ['city-gov-office', '赵敏'], ['city-gov-convenor', '张志强']]);
  const told = async () => {
    const mine = (await findAll<any>(host.store, 'notifications', { subjectId: taskId }))
      .filter((n) => n.milestone === 'task_overdue' || n.milestone === 'task_overdue_office');
    const digests = (await findAll<any>(host.store, 'notifications', { subjectId: 'city:gov', milestone: 'task_escalation' })).filter((n) => n.body.includes('开展新就业形态劳动者技能培训'));
    const out: Record<string, string[]> = {};
    for (const n of [...mine, ...digests]) (out[n.milestone] ??= []).push(names.get(n.recipientId) ?? n.recipientId);
    for (const k of Object.keys(out)) out[k].sort();
    return out;
  };
  return { host, ok, tick: tickOf(host), at, taskId, marked, unmarked, told };
}

let w: Walk;
afterEach(() => w?.host.stop());

it('by default the digest comes 7 days overdue, to the convenor and the marked head only', async () => {
  w = await walk();
  const settings = await w.ok('city-gov-office', 'settings', 'get', { orgId: 'city' });
  expect(settings.inForce.escalateAfterDays).toBe(7);
  w.at('2026-11-28', '08:05');
  await w.tick();
  expect(await w.told()).toEqual({ task_overdue: ['孙立新'], task_overdue_office: ['赵敏'] });
  w.at('2026-11-30', '08:05');
  await w.tick();
  expect(await w.told()).toEqual({ task_overdue: ['孙立新'], task_overdue_office: ['赵敏'] }); // 3 days: not yet
  w.at('2026-12-04', '08:05');
  await w.tick();
  await w.tick();
  expect(await w.told()).toEqual({ task_overdue: ['孙立新'], task_overdue_office: ['赵敏'], task_escalation: ['张志强', '钱国栋'] });
});

it('set to 3 days on 规则参数, the convenor and the head are told on the third day; marking a head makes him one', async () => {
  w = await walk();
  // the same form as every parameter: refused out of bounds, in words; set from today
  const refused = await httpCaller(w.host).call('city-gov-office', 'settings', 'set', { orgId: 'city', params: { escalateAfterDays: 0 }, effectiveFrom: '2026-11-24' });
  expect(refused.json.error.details).toEqual([expect.objectContaining({ path: 'params.escalateAfterDays', message: '逾期升级提醒不能少于 1 天' })]);
  const set = await w.ok('city-gov-office', 'settings', 'set', { orgId: 'city', params: { escalateAfterDays: 3 }, effectiveFrom: '2026-11-24' });
  expect(set.inForce).toMatchObject({ escalateAfterDays: 3, dueSoonDays: 7, setByName: '赵敏' });
  expect(set.history.map((h: any) => h.escalateAfterDays)).toEqual([3, 7]);
  // the other office is told of the change, as for every parameter
  expect((await w.ok('city-union-office', 'notify', 'inbox', {})).items.some((i: any) => i.milestone === 'settings_changed')).toBe(true);

  w.at('2026-11-28', '08:05');
  await w.tick();
  expect(await w.told()).toEqual({ task_overdue: ['孙立新'], task_overdue_office: ['赵敏'] });
  w.at('2026-11-30', '08:05'); // 3 days overdue
  await w.tick();
  await w.tick();
  expect(await w.told()).toEqual({ task_overdue: ['孙立新'], task_overdue_office: ['赵敏'], task_escalation: ['张志强', '钱国栋'] });

  // the office marks 刘建设 as a head of 市人社局 too: next week's digest reaches him as well
  const person = await w.ok('city-gov-office', 'people', 'update', { personId: w.unmarked, unitHead: true });
  expect(person.unitHead).toBe(true);
  w.at('2026-12-07', '08:05');
  await w.tick();
  expect((await w.told()).task_escalation).toEqual(['刘建设', '张志强', '张志强', '钱国栋', '钱国栋']);
});
