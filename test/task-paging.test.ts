/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #25 "paged or counted, never whole sets": task.list mine / overdue hand out TASK_PAGE cards
// and a nextCursor, the pages together give every task once in the lights' order (also when a task
// is added between two pages), and the counts cover the whole list; compliance.overview counts
// what compliance.org reads — the same figures, by hand too — in a constant number of round trips.
import { deadlineEnds, doneOnTime, taskLight, wasExtended, yearCN } from '../domain';
import { TASK_PAGE, taskFigures } from '../server/areas/task';
import type { TaskDoc } from '../server/store/docs';
import { findAll } from '../server/store/port';
import { paramsFor } from '../server/kit/params';
import { toTaskList } from '../cloudfunctions/task/views';
import { openWorld, type World } from './support/world';

let w: World;
beforeAll(async () => {
  w = await openWorld();
});
afterAll(() => w.close());

const DAY = 24 * 3600_000;
const dateIn = (days: number) => new Date(w.now.getTime() + days * DAY + 8 * 3600_000).toISOString().slice(0, 10);

/** A task as the actions store it; `figures: false` leaves out what the task writes keep since issue #25. */
function taskDoc(id: string, o: { ownerId: string; orgId?: string; meetingId?: string; days: number; status?: TaskDoc['status']; figures?: boolean; extendedBy?: number; lateBy?: number }): Omit<TaskDoc, 'version'> {
  const deadline = dateIn(o.days);
  const status = o.status ?? 'in_progress';
  const original = o.extendedBy ? dateIn(o.days - o.extendedBy) : deadline;
  const assignedAt = new Date(w.now.getTime() - 200 * DAY).toISOString();
  const doc: Omit<TaskDoc, 'version'> = {
    _id: id, orgId: o.orgId ?? 'city', meetingId: o.meetingId ?? 'm-city-last', meetingTitle: '联席会议', decisionId: `${o.meetingId ?? 'm-city-last'}_d1`,
    decisionTitle: '议定事项', decisionText: '议定事项内容', title: `分页任务 ${id}`, ownerId: o.ownerId, ownerName: '责任人', unit: '责任单位',
    keeperRole: 'union_office', assignedBy: 'city-union-office', assignedAt, deadline, dueAt: deadlineEnds(deadline), deadlineVersion: o.extendedBy ? 2 : 1,
    deadlines: [
      { deadline: original, setAt: assignedAt, by: 'city-union-office', byName: '市总工会办公室', how: 'original' },
      ...(o.extendedBy ? [{ deadline, setAt: new Date(w.now.getTime() - 100 * DAY).toISOString(), by: 'city-union-office', byName: '市总工会办公室', how: 'office' as const, reason: '调整' }] : []),
    ],
    deadlineRequests: [], status, open: status !== 'done', progress: [], sendBacks: [], explanations: [],
    completion: status === 'in_progress' ? null : { text: '已完成', at: new Date(new Date(deadlineEnds(deadline)).getTime() + (o.lateBy ?? -1) * DAY).toISOString(), evidence: [] },
    ...(status === 'done' ? { verifiedAt: w.now.toISOString(), verifiedBy: 'city-union-office', verifiedByName: '办公室' } : {}),
  };
  return o.figures === false ? doc : { ...doc, ...taskFigures(doc as TaskDoc) };
}

async function insert(docs: Array<Omit<TaskDoc, 'version'>>): Promise<void> {
  for (let i = 0; i < docs.length; i += 100) {
    await w.store.transaction(async (tx) => {
      for (const d of docs.slice(i, i + 100)) await tx.insert<TaskDoc>('tasks', d);
    });
  }
}

async function ok(user: string, area: string, action: string, payload: unknown): Promise<any> {
  const r = await w.call(area, action, payload, user);
  if (!r.envelope.ok) throw new Error(`${area}.${action}: ${JSON.stringify(r.envelope.error)}`);
  return r.envelope.data;
}

/** Every page, following nextCursor; `between` runs after the first page. */
async function pages(user: string, payload: Record<string, unknown>, between?: () => Promise<void>): Promise<{ first: any; ids: string[]; pages: number }> {
  const first = await ok(user, 'task', 'list', payload);
  const ids: string[] = first.items.map((i: any) => i.id);
  if (between) await between();
  let cursor: string | undefined = first.nextCursor;
  let n = 1;
  while (cursor) {
    const page = await ok(user, 'task', 'list', { ...payload, cursor });
    expect(page.items.length).toBeLessThanOrEqual(TASK_PAGE);
    ids.push(...page.items.map((i: any) => i.id));
    cursor = page.nextCursor;
    n += 1;
    if (n > 50) throw new Error('no end of pages');
  }
  return { first, ids, pages: n };
}

describe('task.list a page at a time', () => {
  const OWNER = 'city-ndrc';
  beforeAll(async () => {
    // 60 of every light: overdue, due soon, on track and done, in a shuffled order of ids
    await insert(Array.from({ length: 60 }, (_, i) => taskDoc(`page-mine-${(i * 37) % 60}`, {
      ownerId: OWNER, days: [-30, -3, 2, 40, 90][i % 5] + (i % 7), status: i % 6 === 5 ? 'done' : i % 6 === 4 ? 'awaiting_verification' : 'in_progress',
    })));
  });

  it('mine: the first page has TASK_PAGE cards and a cursor; the pages give every task once, in the order and with the counts of the whole list', async () => {
    const all = await findAll<TaskDoc>(w.store, 'tasks', { ownerId: OWNER });
    expect(all.length).toBeGreaterThanOrEqual(60);
    const whole = toTaskList(all, w.now, await paramsFor(w.store, w.now)('city'));
    const { first, ids, pages: n } = await pages(OWNER, { scope: 'mine' });
    expect(first.items).toHaveLength(TASK_PAGE);
    expect(first.nextCursor).toEqual(expect.any(String));
    // today's answer shape, plus nextCursor
    expect(Object.keys(first).sort()).toEqual(['allowedActions', 'counts', 'items', 'nextCursor', 'pendingRequests']);
    expect(first.counts).toEqual(whole.counts);
    expect(n).toBe(Math.ceil(all.length / TASK_PAGE));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(whole.items.map((i) => i.id));
  });

  it('a task added between two pages: no card twice, every task of the first read once', async () => {
    const before = (await findAll<TaskDoc>(w.store, 'tasks', { ownerId: OWNER })).map((t) => t._id);
    const { ids } = await pages(OWNER, { scope: 'mine' }, () => insert([taskDoc('page-mine-late-comer', { ownerId: OWNER, days: -40 }), taskDoc('page-mine-late-comer-2', { ownerId: OWNER, days: 60 })]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids).toContain(id);
  });

  it('mine: when the open tasks end exactly at a page, the done ones come on the next', async () => {
    const who = 'city-rep-guo';
    const open = await w.store.count('tasks', { ownerId: who, open: true });
    await insert([
      ...Array.from({ length: TASK_PAGE - open }, (_, i) => taskDoc(`page-edge-open-${i}`, { ownerId: who, days: i - 5 })),
      ...Array.from({ length: 3 }, (_, i) => taskDoc(`page-edge-done-${i}`, { ownerId: who, days: -i, status: 'done' })),
    ]);
    const all = await findAll<TaskDoc>(w.store, 'tasks', { ownerId: who });
    const first = await ok(who, 'task', 'list', { scope: 'mine' });
    expect(first.items.every((t: any) => t.status !== 'done')).toBe(true);
    expect(first.items).toHaveLength(TASK_PAGE);
    const { ids, pages: n } = await pages(who, { scope: 'mine' });
    expect(n).toBe(2);
    expect(ids).toEqual(toTaskList(all, w.now, await paramsFor(w.store, w.now)('city')).items.map((i) => i.id));
  });

  it('overdue: an org\'s overdue tasks a page at a time, every one once', async () => {
    await insert([
      ...Array.from({ length: 45 }, (_, i) => taskDoc(`page-overdue-${i}`, { ownerId: 'linhe-hrss', orgId: 'linhe', meetingId: 'm-linhe-current', days: -1 - (i % 9) })),
      // due soon, on track and done: none of them is listed or counted
      taskDoc('page-overdue-soon', { ownerId: 'linhe-hrss', orgId: 'linhe', meetingId: 'm-linhe-current', days: 1 }),
      taskDoc('page-overdue-later', { ownerId: 'linhe-hrss', orgId: 'linhe', meetingId: 'm-linhe-current', days: 90 }),
      taskDoc('page-overdue-done', { ownerId: 'linhe-hrss', orgId: 'linhe', meetingId: 'm-linhe-current', days: -5, status: 'done' }),
    ]);
    const overdue = await w.store.count('tasks', { orgId: 'linhe', open: true, dueAt: { lte: w.now.toISOString() } });
    expect(overdue).toBeGreaterThanOrEqual(45);
    const { first, ids } = await pages('linhe-union-office', { scope: 'overdue' });
    expect(first.items).toHaveLength(TASK_PAGE);
    expect(first.counts).toEqual({ red: overdue, yellow: 0, green: 0, done: 0 });
    expect(new Set(ids).size).toBe(overdue);
    expect(ids).toHaveLength(overdue);
  });
});

describe('compliance.overview counted, never read', () => {
  const year = () => yearCN(w.now) - 1; // m-city-last's year: the seeded checklist and the tasks below
  const rowOf = async (orgId: string) => (await ok('city-gov-office', 'compliance', 'overview', { year: year() })).rows.find((r: any) => r.orgId === orgId);
  const trips = async () => (await w.call('compliance', 'overview', { year: year() }, 'city-gov-office')).roundTrips;

  it('the figures the task writes keep (extended, done on time) are counted as compliance.org reads them', async () => {
    const assign = (title: string) => ok('city-union-office', 'task', 'assign', { decisionId: 'm-city-last_d1', title, ownerId: 'city-hrss', deadline: dateIn(30) });
    const moved = (await assign('延期的任务')).id;
    await ok('city-union-office', 'task', 'setDeadline', { taskId: moved, deadline: dateIn(60), reason: '办公室调整' });
    const done = (await assign('按期办结的任务')).id;
    await ok('city-hrss', 'task', 'complete', { taskId: done, text: '已完成' });
    await ok('city-union-office', 'task', 'verify', { taskId: done });
    const read = (await ok('city-gov-office', 'compliance', 'org', { orgId: 'city', year: year() })).row;
    expect(read.tasksExtended).toBeGreaterThanOrEqual(1);
    expect(read.onTimeRate).not.toBeNull();
    expect(await rowOf('city')).toEqual(read);
  });

  it('at a scaled year: the same rows as compliance.org, figures equal to a count by hand, and as many round trips as the year grows', async () => {
    const kinds = (i: number) => ({
      ownerId: 'city-housing', days: [-50, -2, 1, 3, 30, 120][i % 6] + (i % 4),
      status: (['in_progress', 'awaiting_verification', 'done', 'done'] as const)[i % 4], extendedBy: i % 5 === 0 ? 10 : undefined, lateBy: i % 3 === 0 ? 2 : -1,
    });
    // 300 tasks kept with their figures and 40 written before them (read and judged by the overview)
    await insert([
      ...Array.from({ length: 300 }, (_, i) => taskDoc(`scaled-${i}`, kinds(i))),
      ...Array.from({ length: 40 }, (_, i) => taskDoc(`scaled-legacy-${i}`, { ...kinds(i + 1), figures: false })),
    ]);
    const overview = await ok('city-gov-office', 'compliance', 'overview', { year: year() });
    for (const r of overview.rows) expect(r).toEqual((await ok('city-gov-office', 'compliance', 'org', { orgId: r.orgId, year: year() })).row);
    // by hand: the city's tasks of the year's meetings (m-city-last is its only meeting that year)
    const tasks = await findAll<TaskDoc>(w.store, 'tasks', { meetingId: 'm-city-last' });
    const { dueSoonDays } = await paramsFor(w.store, w.now)('city');
    const done = tasks.filter((t) => t.status === 'done');
    const city = overview.rows.find((r: any) => r.orgId === 'city');
    expect(city).toMatchObject({
      tasksTotal: tasks.length, tasksDone: done.length,
      tasksOverdue: tasks.filter((t) => taskLight(t, w.now, dueSoonDays) === 'red').length,
      tasksDueSoon: tasks.filter((t) => taskLight(t, w.now, dueSoonDays) === 'yellow').length,
      tasksExtended: tasks.filter((t) => wasExtended(t)).length,
      onTimeRate: done.filter((t) => doneOnTime(t)).length / done.length,
    });
    expect(city.tasksTotal).toBeGreaterThan(340);
    expect(city.tasksOverdue).toBeGreaterThan(50);
    expect(city.onTimeRate).toBeGreaterThan(0);
    expect(city.onTimeRate).toBeLessThan(1);
    // 200 more: the same number of round trips (a read of every task would take two more pages)
    const small = await trips();
    await insert(Array.from({ length: 200 }, (_, i) => taskDoc(`scaled-more-${i}`, kinds(i))));
    expect(await trips()).toBe(small);
    const grown = await ok('city-gov-office', 'compliance', 'overview', { year: year() });
    expect(grown.rows.find((r: any) => r.orgId === 'city').tasksTotal).toBe(tasks.length + 200);
  });
});
