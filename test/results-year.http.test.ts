// Issue #23, per org, a year view (meeting.resultsYear) over the local host's HTTP API on the
// seeded demo at DEMO_NOW (2026-11-24): the city's 2025 — last year's meeting m-city-last, its
// three decided items and five tasks (server/seed/after-meeting.ts) — in exact figures; the
// offer on the results page; who is refused.
import { httpCaller, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
let ok: Ok;
let code: ReturnType<typeof httpCaller>['code'];

beforeAll(async () => {
  host = await startTestHost();
  ({ ok, code } = httpCaller(host));
});
afterAll(() => host.stop());

const LAST_YEAR = 2025;

it('the city\'s 2025 in exact figures: 3 decided items, 5 tasks', async () => {
  const view = await ok('city-union-office', 'meeting', 'resultsYear', { year: LAST_YEAR });
  expect(view).toEqual({
    orgId: 'city', orgName: '巴彦淖尔市', year: LAST_YEAR, meetingsWithMinutes: 1,
    // d1: two tasks open (one due within the week, one awaiting verification); d2: one done, one
    // 40 days overdue → overdue; d3: one task with a new deadline 50 days away → open
    decisions: { total: 3, doneOnTime: 0, doneLate: 0, open: 2, overdue: 1, unassigned: 0 },
    // task 3 done 5 days before its deadline; task 2 overdue; tasks 1, 4, 5 open
    tasks: { total: 5, doneOnTime: 1, doneLate: 0, open: 3, overdue: 1 },
  });
  // another year of the same org: nothing
  expect((await ok('city-gov-convenor', 'meeting', 'resultsYear', { orgId: 'city', year: 2024 })).decisions).toMatchObject({ total: 0 });
});

it('verified by the keeping office on time, the completion moves to done on time', async () => {
  await ok('city-union-office', 'task', 'verify', { taskId: 'task-last-5' });
  const view = await ok('city-gov-leader', 'meeting', 'resultsYear', { orgId: 'city', year: LAST_YEAR });
  expect(view.tasks).toEqual({ total: 5, doneOnTime: 2, doneLate: 0, open: 2, overdue: 1 });
  // d1 still has task 1 open
  expect(view.decisions).toEqual({ total: 3, doneOnTime: 0, doneLate: 0, open: 2, overdue: 1, unassigned: 0 });
});

it('the results page offers the year view to the org\'s offices and leadership, not to the proposer', async () => {
  const office = await ok('city-gov-office', 'meeting', 'results', { meetingId: 'm-city-last' });
  expect(office).toMatchObject({ orgId: 'city', year: LAST_YEAR, allowedActions: ['meeting.resultsYear'] });
  const proposer = await ok('city-model-yang', 'meeting', 'results', { meetingId: 'm-city-last' });
  expect(proposer.allowedActions).toEqual([]);
  expect(await code('city-model-yang', 'meeting', 'resultsYear', { orgId: 'city', year: LAST_YEAR })).toBe('forbidden');
});

it('another org\'s office is refused; the city reads a county\'s year read-only', async () => {
  expect(await code('linhe-union-office', 'meeting', 'resultsYear', { orgId: 'city', year: LAST_YEAR })).toBe('not_found');
  expect(await code('linhe-gov-office', 'meeting', 'resultsYear', { orgId: 'wuyuan', year: LAST_YEAR })).toBe('not_found');
  const own = await ok('linhe-union-office', 'meeting', 'resultsYear', { year: LAST_YEAR });
  expect(own).toMatchObject({ orgId: 'linhe', orgName: '临河区', meetingsWithMinutes: 0, decisions: { total: 0 }, tasks: { total: 0 } });
  expect(await ok('city-gov-office', 'meeting', 'resultsYear', { orgId: 'linhe', year: LAST_YEAR })).toMatchObject({ orgId: 'linhe', orgName: '临河区' });
  // strict input
  expect(await code('city-gov-office', 'meeting', 'resultsYear', { year: LAST_YEAR, meetingId: 'm-city-last' })).toBe('validation_error');
});
