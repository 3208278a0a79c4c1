// Issue #8 "done when", over the local host's HTTP API with demo users on a fresh database: a
// meeting requested, accepted, collecting, its list fixed, the notice issued, replies, check-in on
// the day, the agenda, the org boundaries and the attendance export.
import ExcelJS from 'exceljs';
import { fromCN } from '../domain';
import { startTestHost, type TestHost } from './support/host';
import { DEMO_NOW } from './support/world';

let host: TestHost;
const tokens: Record<string, string> = {};
const as = async (key: string) => (tokens[key] ??= await host.signIn(key));
const call = async (key: string, area: string, action: string, payload: unknown) => host.post(area, { action, payload }, await as(key));
const DAY = 86_400_000;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.stop());

let meetingId: string;
const plannedAt = fromCN('2026-12-24', '09:30'); // 30 days after DEMO_NOW

it('Art. 4: the union side requests, the government side accepts, either office opens collection (late for a regular meeting)', async () => {
  const req = { kind: 'regular', title: '巴彦淖尔市政府与市总工会专题联席会议', plannedAt, place: '市政府第一会议室', reason: '研究新就业形态劳动者权益保障' };
  expect((await call('city-hrss', 'meeting', 'request', req)).status).toBe(403);
  const past = await call('city-union-office', 'meeting', 'request', { ...req, plannedAt: new Date(DEMO_NOW.getTime() - DAY).toISOString() });
  expect(past.json.error.code).toBe('validation_error');
  const made = await call('city-union-office', 'meeting', 'request', req);
  expect(made.status).toBe(200);
  meetingId = made.json.data.id;
  expect((await call('city-gov-office', 'notify', 'inbox', {})).json.data.items.map((i: { milestone: string }) => i.milestone)).toContain('meeting_requested');

  expect((await call('city-union-office', 'meeting', 'accept', { meetingId })).status).toBe(403);
  const accepted = await call('city-gov-office', 'meeting', 'accept', { meetingId });
  expect(accepted.json.data).toMatchObject({ state: 'accepted', stateLabel: '已同意召开' });
  const opened = await call('city-union-office', 'meeting', 'openCollection', { meetingId });
  expect(opened.json.data).toMatchObject({ state: 'collecting', lateCollection: true });
});

it('Art. 7: only the government office issues the notice, and only once the topic list is fixed', async () => {
  expect((await call('city-union-office', 'meeting', 'issueNotice', { meetingId, docNumber: '巴政办字〔2026〕88号' })).status).toBe(403);
  const early = await call('city-gov-office', 'meeting', 'issueNotice', { meetingId, docNumber: '巴政办字〔2026〕88号' });
  expect(early.json.error.code).toBe('invalid_transition');
  expect((await call('city-gov-office', 'meeting', 'issueNotice', { meetingId, docNumber: '' })).json.error.code).toBe('validation_error');
  expect((await call('city-gov-office', 'meeting', 'issueNotice', { meetingId, docNumber: '号'.repeat(51) })).json.error.code).toBe('validation_error');

  // Art. 5, 7: each office invites its own side; nobody of another org
  expect((await call('city-union-office', 'meeting', 'invite', { meetingId, invitees: [{ personId: 'city-hrss', category: 'department' }] })).status).toBe(403);
  expect((await call('city-gov-office', 'meeting', 'invite', { meetingId, invitees: [{ personId: 'linhe-hrss', category: 'department' }] })).json.error.code).toBe('validation_error');
  expect((await call('city-gov-office', 'meeting', 'invite', {
    meetingId, invitees: [{ personId: 'city-hrss', category: 'department' }, { personId: 'city-gov-leader', category: 'leader' }],
  })).status).toBe(200);
  const union = await call('city-union-office', 'meeting', 'invite', {
    meetingId, invitees: [{ personId: 'city-rep-ma', category: 'worker_representative' }, { personId: 'city-model-yang', category: 'model_worker' }],
  });
  expect(union.json.data.counts).toMatchObject({ invited: 4, none: 4 });
  // each office may take back only its own side's invitations (Art. 7)
  const rows = union.json.data.rows as Array<{ personId: string; allowedActions: string[] }>;
  expect(Object.fromEntries(rows.map((r) => [r.personId, r.allowedActions]))).toEqual({
    'city-hrss': [], 'city-gov-leader': [], 'city-rep-ma': ['uninvite'], 'city-model-yang': ['uninvite'],
  });
  expect((await call('city-union-office', 'meeting', 'uninvite', { meetingId, personId: 'city-hrss' })).status).toBe(403);
  expect((await call('city-gov-office', 'meeting', 'setPresiding', { meetingId, personId: 'city-gov-leader' })).json.data.presiding).toMatchObject({ name: '王建国' });

  // a topic, screened, and the list confirmed by both sides (Art. 6)
  const topic = await call('city-rep-ma', 'topic', 'submit', {
    meetingId, side: 'union', category: 'worker_concerns', title: '关于外卖骑手职业伤害保障的建议',
    background: '我市新就业形态劳动者约一万二千人，多数未纳入工伤保险。', research: '走访三家平台站点，发放问卷四百份。', request: '建议推进职业伤害保障试点。',
  });
  await call('city-union-office', 'topic', 'accept', { id: topic.json.data.id });
  await call('city-gov-office', 'topic', 'noOpinion', { topicId: topic.json.data.id }); // Art. 6 征求意见 (issue #16)
  await call('city-gov-convenor', 'topic', 'confirmList', { meetingId });
  expect((await call('city-union-chair', 'topic', 'confirmList', { meetingId })).json.data.fixed).toBe(true);

  const notice = await call('city-gov-office', 'meeting', 'issueNotice', { meetingId, docNumber: '巴政办字〔2026〕88号' });
  expect(notice.json.data).toMatchObject({ state: 'notice_issued', docNumber: '巴政办字〔2026〕88号' });
  for (const invitee of ['city-hrss', 'city-gov-leader', 'city-rep-ma', 'city-model-yang']) {
    const inbox = await call(invitee, 'notify', 'inbox', {});
    expect(inbox.json.data.items.filter((i: { milestone: string }) => i.milestone === 'meeting_notice')).toHaveLength(1);
  }
});

it('Art. 8: the agenda has the four sections in order; section 3 lists the fixed topics', async () => {
  const got = await call('city-rep-ma', 'meeting', 'get', { meetingId });
  const sections = got.json.data.agenda.sections;
  expect(sections.map((s: { key: string }) => s.key)).toEqual(['previous', 'origin', 'discussion', 'deployment']);
  expect(sections[2].items.map((i: { title: string }) => i.title)).toEqual(['议题1：关于外卖骑手职业伤害保障的建议']);
  expect(got.json.data.invitation).toMatchObject({ answer: null, answerLabel: '未回复' });
  expect(got.json.data.allowedActions).toContain('reply');
});

it('Art. 5: an invitee names a substitute; someone not invited cannot reply', async () => {
  const sub = await call('city-model-yang', 'meeting', 'reply', { meetingId, answer: 'substitute', substitute: { name: '李建军', post: '车间主任' } });
  expect(sub.json.data.invitation).toMatchObject({ answer: 'substitute', answerLabel: '委托代会' });
  expect((await call('city-union-office', 'notify', 'inbox', {})).json.data.items.map((i: { milestone: string }) => i.milestone)).toContain('meeting_reply');
  expect([403, 404]).toContain((await call('city-rep-guo', 'meeting', 'reply', { meetingId, answer: 'attend' })).status);
  expect((await call('city-rep-ma', 'meeting', 'reply', { meetingId, answer: 'decline' })).json.error.code).toBe('validation_error'); // no reason
  expect((await call('city-rep-ma', 'meeting', 'reply', { meetingId, answer: 'attend' })).json.data.invitation.answer).toBe('attend');
});

it('checks in only on the meeting day, with the right code, once', async () => {
  const code = (await call('city-union-office', 'meeting', 'checkInCode', { meetingId })).json.data;
  expect(code.code).toMatch(/^[0-9]{6}$/);
  expect(code.qr).toMatch(/^data:image\/png;base64,/);
  const dayBefore = await call('city-rep-ma', 'meeting', 'checkIn', { meetingId, code: code.code });
  expect(dayBefore.json.error).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('会议当天') });

  host.clock.set(new Date(new Date(plannedAt).getTime() - 30 * 60 * 1000)); // 09:00 on the day
  try {
    // issue #22: the door's code changes every 30 seconds: the one of this moment
    Object.assign(code, (await call('city-union-office', 'meeting', 'checkInCode', { meetingId })).json.data);
    const wrong = await call('city-rep-ma', 'meeting', 'checkIn', { meetingId, code: code.code === '000000' ? '000001' : '000000' });
    expect(wrong.json.error.code).toBe('validation_error');
    const first = await call('city-rep-ma', 'meeting', 'checkIn', { meetingId, code: code.code });
    expect(first.json.data).toMatchObject({ present: true, already: false });
    const again = await call('city-rep-ma', 'meeting', 'checkIn', { meetingId, code: code.code });
    expect(again.json.data).toMatchObject({ present: true, already: true, message: expect.stringContaining('已签到') });
    // an office marks someone present; a guesser is stopped after five wrong codes
    expect((await call('city-gov-office', 'meeting', 'checkIn', { meetingId, personId: 'city-hrss' })).json.data.present).toBe(true);
    for (let i = 0; i < 5; i += 1) await call('city-gov-leader', 'meeting', 'checkIn', { meetingId, code: String(100000 + i) });
    expect((await call('city-gov-leader', 'meeting', 'checkIn', { meetingId, code: code.code })).json.error.code).toBe('rate_limited');
    const att = await call('city-gov-office', 'meeting', 'attendance', { meetingId });
    expect(att.json.data.counts).toMatchObject({ invited: 4, present: 2, attend: 1, substitute: 1 });
  } finally {
    host.clock.set(DEMO_NOW);
  }
});

it('Art. 12: a county office cannot touch a city meeting; the city offices read a county\'s', async () => {
  expect((await call('linhe-gov-office', 'meeting', 'get', { meetingId })).status).toBe(404);
  expect((await call('linhe-gov-office', 'meeting', 'reschedule', { meetingId, place: '别处' })).status).toBe(404);
  const county = await call('linhe-union-office', 'meeting', 'request', {
    kind: 'special', title: '临河区政府与区总工会专题会议', plannedAt: fromCN('2027-01-20', '15:00'), reason: '研究环卫工人权益保障',
  });
  const countyId = county.json.data.id;
  expect((await call('city-gov-office', 'meeting', 'get', { meetingId: countyId })).status).toBe(200);
  expect((await call('city-gov-office', 'meeting', 'accept', { meetingId: countyId })).status).toBe(403);
  expect((await call('city-gov-office', 'meeting', 'list', { scope: 'org', orgId: 'linhe' })).json.data.items.map((m: { id: string }) => m.id)).toContain(countyId);
  expect((await call('wuyuan-gov-office', 'meeting', 'list', { scope: 'org', orgId: 'linhe' })).status).toBe(404);
});

it('exports the attendance as a valid xlsx with one row per invitee, for the caller only', async () => {
  const res = await call('city-gov-office', 'meeting', 'exportAttendance', { meetingId });
  expect(res.json.data.fileName).toMatch(/参会名单\.xlsx$/);
  const url = `${host.url}${res.json.data.url.replace(/^\//, '')}`;
  expect((await fetch(url)).status).toBe(401); // no session (issue #17: the file routes identify as actions do)
  expect((await fetch(url, { headers: { authorization: `Bearer ${await as('city-union-office')}` } })).status).toBe(404); // not the caller
  const file = await fetch(url, { headers: { authorization: `Bearer ${await as('city-gov-office')}` } });
  expect(file.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 4) rows.push(String(row.getCell(2).value)); // title, times, how attendance stands, header
  });
  expect(rows.sort()).toEqual(['孙立新', '杨德胜', '王建国', '马春花'].sort());
});

it('runs the meeting: the union office starts it, the presiding leader adjourns it; replies then close', async () => {
  host.clock.set(new Date(new Date(plannedAt).getTime() - 10 * 60 * 1000)); // issue #16: on its day
  expect((await call('city-gov-office', 'meeting', 'start', { meetingId })).status).toBe(403);
  expect((await call('city-union-office', 'meeting', 'start', { meetingId })).json.data.state).toBe('in_session');
  expect((await call('city-rep-ma', 'meeting', 'reply', { meetingId, answer: 'attend' })).json.error.code).toBe('invalid_transition');
  expect((await call('city-gov-leader', 'meeting', 'adjourn', { meetingId })).json.data).toMatchObject({ state: 'held', stateLabel: '已召开' });
  // once it is over the door is closed, even on its day
  host.clock.set(new Date(new Date(plannedAt).getTime() + 60 * 60 * 1000));
  try {
    const late = await call('city-model-yang', 'meeting', 'checkIn', { meetingId, personId: 'city-model-yang' });
    expect([403, 422]).toContain(late.status);
    const office = await call('city-gov-office', 'meeting', 'checkIn', { meetingId, personId: 'city-model-yang' });
    expect(office.json.error.code).toBe('invalid_transition');
  } finally {
    host.clock.set(DEMO_NOW);
  }
});
