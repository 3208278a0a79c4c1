/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #12 "done when", over the local host's HTTP API on a fresh database: the assessment's eight
// rows in official order; 临河区 holding its regular meeting through the meetings flow; who sees
// which rows; the workbook; the rule parameters with effective dates (Art. 12, 13).
import ExcelJS from 'exceljs';
import { fromCN } from '../domain';
import { httpCaller, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';
import { DEMO_NOW } from './support/world';

let host: TestHost;
let ok: Ok;
let code: ReturnType<typeof httpCaller>['code'];
let as: ReturnType<typeof httpCaller>['as'];

beforeAll(async () => {
  host = await startTestHost();
  ({ ok, code, as } = httpCaller(host));
});
afterAll(() => host.stop());

const ORDER = ['巴彦淖尔市', '临河区', '五原县', '磴口县', '乌拉特前旗', '乌拉特中旗', '乌拉特后旗', '杭锦后旗'];
const rowOf = (view: any, name: string) => view.rows.find((r: any) => r.orgName === name);

it('the city\'s government office sees eight rows in official order', async () => {
  const view = await ok('city-gov-office', 'compliance', 'overview', { year: 2026 });
  expect(view.rows.map((r: any) => r.orgName)).toEqual(ORDER);
  expect(view.rules).toBe('巴政办字〔2024〕28号');
  // November: no regular meeting held in 2026 anywhere yet → red, with the reason in words
  expect(rowOf(view, '五原县')).toMatchObject({ regularHeld: false, light: 'red', reasons: expect.arrayContaining(['已到第四季度，尚未召开例会']) });
});

it('after 临河区 holds a regular meeting through the meetings flow, its row says so and 五原县\'s does not', async () => {
  const plannedAt = fromCN('2026-12-20', '09:30');
  const meetingId = (await ok('linhe-union-office', 'meeting', 'request', { kind: 'regular', title: '临河区人民政府与区总工会2026年度联席会议', plannedAt, reason: '年度例会' })).id;
  // Art. 13: the meeting records the rules it runs under
  expect((await ok('linhe-gov-office', 'meeting', 'get', { meetingId })).rules).toMatchObject({ source: '巴政办字〔2024〕28号' });
  await ok('linhe-gov-office', 'meeting', 'accept', { meetingId });
  await ok('linhe-union-office', 'meeting', 'openCollection', { meetingId });
  const topic = await ok('linhe-rep', 'topic', 'submit', {
    meetingId, side: 'union', category: 'worker_concerns', title: '关于街道职工服务站建设的建议',
    background: '新华街道职工服务站面积小，设施陈旧。', research: '走访街道十二家企业，职工普遍反映需求。', request: '建议扩建职工服务站并配备设施。',
  });
  await ok('linhe-union-office', 'topic', 'accept', { id: topic.id });
  await ok('linhe-gov-office', 'topic', 'noOpinion', { topicId: topic.id }); // Art. 6 征求意见 (issue #16)
  await ok('linhe-gov-office', 'topic', 'confirmList', { meetingId });
  await ok('linhe-union-office', 'topic', 'confirmList', { meetingId });
  await ok('linhe-gov-office', 'meeting', 'invite', { meetingId, invitees: [{ personId: 'linhe-gov-leader', category: 'leader' }, { personId: 'linhe-hrss', category: 'department' }] });
  await ok('linhe-gov-office', 'meeting', 'setPresiding', { meetingId, personId: 'linhe-gov-leader' });
  await ok('linhe-gov-office', 'meeting', 'issueNotice', { meetingId, docNumber: '临政办字〔2026〕15号' });
  host.clock.set(new Date(new Date(plannedAt).getTime() - 10 * 60_000));
  await ok('linhe-union-office', 'meeting', 'start', { meetingId });
  await ok('linhe-gov-leader', 'meeting', 'adjourn', { meetingId });
  const view = await ok('city-gov-office', 'compliance', 'overview', { year: 2026 });
  expect(rowOf(view, '临河区')).toMatchObject({ regularHeld: true, meetingsHeld: 1, topicsSubmitted: 1, topicsAccepted: 1, light: 'green' });
  expect(rowOf(view, '五原县').regularHeld).toBe(false);
  // the drill-down lists the meeting
  const linhe = await ok('city-gov-leader', 'compliance', 'org', { orgId: 'linhe', year: 2026 });
  expect(linhe.meetings.map((m: any) => m.id)).toContain(meetingId);
  host.clock.set(DEMO_NOW);
});

it('a county office sees only its own row; a city department head is refused', async () => {
  const own = await ok('linhe-gov-office', 'compliance', 'overview', { year: 2026 });
  expect(own.rows.map((r: any) => r.orgName)).toEqual(['临河区']);
  expect(await code('linhe-gov-office', 'compliance', 'org', { orgId: 'wuyuan', year: 2026 })).toBe('not_found');
  expect(await code('city-hrss', 'compliance', 'overview', { year: 2026 })).toBe('forbidden');
  // the city's overdue task shows in its row (the seeded checklist has one red task)
  expect(rowOf(await ok('city-union-office', 'compliance', 'overview', { year: 2025 }), '巴彦淖尔市')).toMatchObject({ regularHeld: true, tasksOverdue: 1, light: 'red' });
});

it('export downloads the assessment workbook: the rows and the overdue tasks, with the rules\' number', async () => {
  const link = await ok('city-gov-office', 'compliance', 'export', { year: 2025 });
  const res = await fetch(`${host.url}${link.url.replace(/^\//, '')}`, { headers: { authorization: `Bearer ${await as('city-gov-office')}` } });
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const [rows, late] = book.worksheets;
  expect(String(rows.getCell('A2').value)).toContain('巴政办字〔2024〕28号');
  expect(rows.getRow(4).getCell(1).value).toBe('巴彦淖尔市');
  expect(rows.rowCount).toBe(3 + 8);
  expect(late.getRow(4).getCell(3).value).toBe('城区新建户外劳动者服务站点 20 个');
});

it('Art. 13: 临河区\'s government office sets the due-soon window from today; the city may read, not set; never back-dated', async () => {
  const before = await ok('linhe-gov-office', 'settings', 'get', { orgId: 'linhe' });
  expect(before.inForce).toMatchObject({ dueSoonDays: 7, source: '巴政办字〔2024〕28号' });
  expect(await code('city-gov-office', 'settings', 'set', { orgId: 'linhe', params: { dueSoonDays: 5 }, effectiveFrom: '2026-11-24' })).toBe('forbidden');
  expect(await code('linhe-gov-office', 'settings', 'set', { orgId: 'linhe', params: { dueSoonDays: 5 }, effectiveFrom: '2026-11-23' })).toBe('validation_error');
  expect(await code('linhe-gov-office', 'settings', 'set', { orgId: 'linhe', params: { dueSoonDays: 90 }, effectiveFrom: '2026-11-24' })).toBe('validation_error');
  const after = await ok('linhe-gov-office', 'settings', 'set', { orgId: 'linhe', params: { dueSoonDays: 5 }, effectiveFrom: '2026-11-24' });
  expect(after.inForce).toMatchObject({ dueSoonDays: 5, topicLeadMonths: 2, setByName: '韩磊' });
  expect(after.history.map((h: any) => h.dueSoonDays)).toEqual([5, 7]);
  expect((await ok('city-gov-office', 'settings', 'get', { orgId: 'linhe' })).inForce.dueSoonDays).toBe(5);
  expect((await ok('linhe-union-office', 'notify', 'inbox', {})).items.map((i: any) => i.milestone)).toContain('settings_changed');
});

it('Art. 4, 13: the regular meetings a year come from the org\'s parameter in force — 临河区 asks for two, one held is not enough', async () => {
  const once = rowOf(await ok('city-gov-office', 'compliance', 'overview', { year: 2026 }), '临河区');
  expect(once).toMatchObject({ regularHeld: true, regularHeldCount: 1, regularRequired: 1 });
  await ok('linhe-gov-office', 'settings', 'set', { orgId: 'linhe', params: { regularMeetingsPerYear: 2 }, effectiveFrom: '2026-11-24' });
  const twice = rowOf(await ok('city-gov-office', 'compliance', 'overview', { year: 2026 }), '临河区');
  expect(twice).toMatchObject({ regularHeld: false, regularHeldCount: 1, regularRequired: 2, light: 'red', reasons: expect.arrayContaining(['已到第四季度，召开例会 1 次，少于规定的 2 次']) });
  // another org's parameter is its own
  expect(rowOf(await ok('city-gov-office', 'compliance', 'overview', { year: 2026 }), '五原县')).toMatchObject({ regularRequired: 1 });
});
