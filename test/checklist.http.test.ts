/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #9 "done when", over the local host's HTTP API with demo users on a fresh database: a
// meeting taken through the meetings flow to held; its minutes drafted, reviewed by the union side
// then the government side (with a return), issued and downloaded as .docx (Art. 9); the checklist
// assigned, its lights moving with the clock, completed with evidence, sent back and verified
// (Art. 11); the next meeting's agenda reporting on it (Art. 3 (1), Art. 8 (1)); the press release
// approved by both offices (Art. 10).
import JSZip from 'jszip';
import { fromCN } from '../domain';
import { startTestHost, type TestHost } from './support/host';
import { httpCaller, meetingWithNotice, type Ok } from './support/flows';
import { pngOf } from './support/images';
import { DEMO_NOW } from './support/world';

let host: TestHost;
let as: ReturnType<typeof httpCaller>['as'];
let call: ReturnType<typeof httpCaller>['call'];
let ok: Ok;
let code: ReturnType<typeof httpCaller>['code'];
let download: ReturnType<typeof httpCaller>['download'];
const upload = async (key: string, name: string, bytes: Uint8Array) => {
  const res = await fetch(`${host.url}api/upload`, {
    method: 'POST', headers: { authorization: `Bearer ${await as(key)}`, 'x-file-name': encodeURIComponent(name) }, body: bytes,
  });
  return { status: res.status, json: (await res.json()) as any };
};
// a whole PNG: uploads are judged by their structure, not only the magic number (issue #17)
const PNG = new Uint8Array(pngOf());

beforeAll(async () => {
  host = await startTestHost();
  ({ as, call, ok, code, download } = httpCaller(host));
});
afterAll(() => host.stop());

const plannedAt = fromCN('2026-12-24', '09:30');
let meetingId: string;

/** The meetings flow (issue #8): requested, accepted, collecting, list fixed, notice issued, in session, held. */
it('takes a meeting through the meetings flow to held', async () => {
  meetingId = await meetingWithNotice(ok, {
    title: '巴彦淖尔市政府与市总工会职工权益专题会议', plannedAt, docNumber: '巴政办字〔2026〕101号',
    gov: ['city-gov-leader', 'city-hrss'], union: ['city-union-chair', 'city-rep-ma'],
  });
  await ok('city-hrss', 'meeting', 'reply', { meetingId, answer: 'decline', reason: '参加自治区培训' });
  host.clock.set(new Date(new Date(plannedAt).getTime() - 10 * 60 * 1000));
  await ok('city-union-office', 'meeting', 'start', { meetingId });
  expect((await ok('city-gov-leader', 'meeting', 'adjourn', { meetingId })).state).toBe('held');
});

const DRAFT = {
  text: '会议由副市长王建国主持。\n一、会议听取了市总工会关于技能培训补贴的汇报\n会议认为，须简化申领流程。',
  decisions: [
    { title: '简化技能培训补贴申领流程', text: '由市人社局牵头，一个月内将申领材料精简一半以上。' },
    { title: '开展补贴政策进企业宣传', text: '由市总工会组织，在全市规上企业开展宣传。' },
  ],
};

it('Art. 9: the union office drafts; the union side approves before the government side; a return is kept beside its version', async () => {
  expect((await call('city-gov-office', 'minutes', 'save', { meetingId, ...DRAFT })).status).toBe(403);
  const v1 = await ok('city-union-office', 'minutes', 'save', { meetingId, ...DRAFT });
  // submitting waits for the confirmed attendance (issue #16)
  expect(v1).toMatchObject({ status: 'draft', current: { n: 1 }, allowedActions: expect.arrayContaining(['save', 'setAttendance']) });
  expect(v1.allowedActions).not.toContain('submit');
  // bad input changes nothing: no decisions, an empty text
  expect(await code('city-union-office', 'minutes', 'save', { meetingId, text: DRAFT.text, decisions: [] })).toBe('validation_error');
  expect((await ok('city-union-office', 'minutes', 'get', { meetingId })).versions).toHaveLength(1);
  // an attendee reads the minutes only once issued
  expect(await code('city-rep-ma', 'minutes', 'get', { meetingId })).toBe('not_found');

  // issue #16: the union office confirms who attended (from check-in) before submitting
  await ok('city-union-office', 'minutes', 'setAttendance', { meetingId, entries: [{ personId: 'city-gov-leader', status: 'absent' }] });
  await ok('city-union-office', 'minutes', 'submit', { meetingId });
  // the government side may not approve before the union side
  expect(await code('city-gov-leader', 'minutes', 'approve', { meetingId })).toBe('forbidden');
  expect((await ok('city-gov-leader', 'minutes', 'get', { meetingId })).status).toBe('union_review');
  const union = await ok('city-union-chair', 'minutes', 'approve', { meetingId });
  expect(union).toMatchObject({ status: 'gov_review', statusLabel: '政府方审核中' });
  expect((await ok('city-gov-leader', 'notify', 'inbox', {})).items.map((i: any) => i.milestone)).toContain('minutes_review');
  // the union side has had its turn; the government side returns with a reason
  expect(await code('city-union-chair', 'minutes', 'return', { meetingId, reason: '再改改' })).toBe('forbidden');
  const back = await ok('city-gov-leader', 'minutes', 'return', { meetingId, reason: '请写明宣传工作的完成时限' });
  expect(back).toMatchObject({ status: 'draft', returns: [{ version: 1, stageLabel: '政府方审核', reason: '请写明宣传工作的完成时限', byName: '王建国' }] });

  await ok('city-union-office', 'minutes', 'save', { meetingId, ...DRAFT, decisions: [DRAFT.decisions[0], { ...DRAFT.decisions[1], text: '由市总工会组织，年底前在全市规上企业开展宣传。' }] });
  await ok('city-union-office', 'minutes', 'submit', { meetingId });
  expect(await code('city-union-office', 'minutes', 'issue', { meetingId, docNumber: '巴工联纪〔2026〕5号' })).toBe('invalid_transition');
  await ok('city-union-convenor', 'minutes', 'approve', { meetingId });
  const both = await ok('city-gov-convenor', 'minutes', 'approve', { meetingId });
  expect(both).toMatchObject({ status: 'approved', allowedActions: ['document'] });
  expect((await ok('city-union-office', 'minutes', 'get', { meetingId })).allowedActions).toContain('issue');

  const issued = await ok('city-union-office', 'minutes', 'issue', { meetingId, docNumber: '巴工联纪〔2026〕5号' });
  expect(issued).toMatchObject({ status: 'issued', docNumber: '巴工联纪〔2026〕5号' });
  expect(issued.versions.length).toBeGreaterThanOrEqual(2);
  expect(issued.returns).toHaveLength(1);
  expect(issued.decisions.map((d: any) => d.id)).toEqual([`${meetingId}_d1`, `${meetingId}_d2`]);
  expect((await ok('city-gov-office', 'meeting', 'get', { meetingId })).state).toBe('minutes_issued');
  // attendees are told; the minutes' 请假 block comes from the replies
  expect((await ok('city-rep-ma', 'notify', 'inbox', {})).items.map((i: any) => i.milestone)).toContain('minutes_issued');
  expect(issued.attendance.leave).toEqual(['孙立新（市人社局副局长）']);
  // an attendee reads the issued minutes; a person not invited does not
  expect((await ok('city-rep-ma', 'minutes', 'get', { meetingId })).status).toBe('issued');
  expect(await code('city-rep-guo', 'minutes', 'get', { meetingId })).toBe('not_found');
});

it('Art. 9: the minutes download as a .docx in the 纪要 layout with the doc number and the decisions', async () => {
  const link = await ok('city-rep-ma', 'minutes', 'document', { meetingId });
  expect(link.fileName).toMatch(/会议纪要\.docx$/);
  const file = await download(link.url, 'city-rep-ma');
  expect(file.status).toBe(200);
  // the text as printed: numbers are runs of their own (a45bc1a), so the tags are taken out first
  const xml = (await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(xml).toContain('巴工联纪〔2026〕5号');
  expect(xml).toContain('简化技能培训补贴申领流程');
  expect(xml).toContain('巴彦淖尔市政府与工会联席会议纪要');
  expect(xml).toContain('请假');
  // the link is the downloader's own
  expect((await download(link.url, 'city-hrss')).status).toBe(404);
});

let taskId: string;
let redTaskId: string;

it('Art. 11: the offices assign tasks to a person of their own org, with a deadline not in the past', async () => {
  const decisionId = `${meetingId}_d1`;
  const task = { decisionId, title: '精简技能培训补贴申领材料', ownerId: 'city-hrss', deadline: '2027-01-20' };
  // a county's person, a past deadline, a union-side person by the government office, a department head
  expect(await code('city-union-office', 'task', 'assign', { ...task, ownerId: 'linhe-hrss' })).toBe('validation_error');
  expect(await code('city-union-office', 'task', 'assign', { ...task, deadline: '2026-12-23' })).toBe('validation_error');
  expect(await code('city-union-office', 'task', 'assign', { ...task, deadline: '2026-02-30' })).toBe('validation_error');
  expect(await code('city-gov-office', 'task', 'assign', { ...task, ownerId: 'city-union-rights' })).toBe('forbidden');
  expect(await code('city-hrss', 'task', 'assign', task)).toBe('forbidden');
  // a 临河区 office on a city decision learns nothing
  expect(await code('linhe-union-office', 'task', 'assign', task)).toBe('not_found');
  taskId = (await ok('city-union-office', 'task', 'assign', task)).id;
  redTaskId = (await ok('city-gov-office', 'task', 'assign', { decisionId: `${meetingId}_d2`, title: '全市规上企业补贴政策宣传', ownerId: 'city-housing', deadline: '2027-01-10' })).id;
  expect((await ok('city-hrss', 'notify', 'inbox', {})).items.map((i: any) => i.milestone)).toContain('task_assigned');
  const mine = await ok('city-hrss', 'task', 'list', { scope: 'mine' });
  expect(mine.items.map((t: any) => t.id)).toContain(taskId);
  expect(mine.items.find((t: any) => t.id === taskId)).toMatchObject({ unit: '市人社局', ownerName: '孙立新', light: 'green', deadline: '2027-01-20' });
});

it('Art. 11: the light turns yellow within the due-soon window and red past the deadline', async () => {
  const light = async () => (await ok('city-hrss', 'task', 'get', { taskId })).light;
  host.clock.set(new Date(fromCN('2027-01-10', '10:00')));
  expect(await light()).toBe('green');
  host.clock.set(new Date(fromCN('2027-01-15', '10:00')));
  expect(await light()).toBe('yellow');
  host.clock.set(new Date(fromCN('2027-01-20', '23:59')));
  expect(await light()).toBe('yellow');
  host.clock.set(new Date(fromCN('2027-01-21', '00:01')));
  expect(await light()).toBe('red');
  const overdue = await ok('city-union-office', 'task', 'list', { scope: 'overdue' });
  expect(overdue.items.map((t: any) => t.id)).toEqual(expect.arrayContaining([taskId, redTaskId]));
  expect(overdue.items.every((t: any) => t.light === 'red')).toBe(true);
  // the city's offices read a county's overdue tasks; a county office never reads the city's
  expect(await code('city-gov-office', 'task', 'list', { scope: 'overdue', orgId: 'linhe' })).toBe('ok');
  expect(await code('linhe-gov-office', 'task', 'list', { scope: 'overdue', orgId: 'city' })).toBe('forbidden');
  expect(await code('city-hrss', 'task', 'list', { scope: 'overdue' })).toBe('forbidden');
  host.clock.set(new Date(fromCN('2027-01-05', '10:00')));
});

it('Art. 11: only the owner completes, with their own photo or PDF of at most 10 MB; the keeper sends back, then verifies', async () => {
  // evidence: judged by its bytes and its size, kept for its uploader only
  expect((await upload('city-hrss', '说明.txt', new TextEncoder().encode('not a picture'))).json.error.code).toBe('validation_error');
  const big = new Uint8Array(10 * 1024 * 1024 + 1);
  big.set(PNG);
  expect((await upload('city-hrss', '大图.png', big)).status).toBe(413);
  const theirs = (await upload('city-housing', '别人的.png', PNG)).json.data.fileId;
  const photo = await upload('city-hrss', '申领材料清单.png', PNG);
  expect(photo.json.data).toMatchObject({ contentType: 'image/png', fileName: '申领材料清单.png' });
  const fileId = photo.json.data.fileId;

  // another department head does not even see it; the keeping office sees it but may not tick it
  expect(await code('city-housing', 'task', 'complete', { taskId, text: '已完成' })).toBe('not_found');
  expect(await code('city-union-office', 'task', 'complete', { taskId, text: '已完成' })).toBe('forbidden');
  expect(await code('city-hrss', 'task', 'complete', { taskId, text: '材料已精简', evidence: [{ fileId: theirs }] })).toBe('validation_error');
  expect((await ok('city-hrss', 'task', 'get', { taskId })).status).toBe('in_progress');

  await ok('city-hrss', 'task', 'report', { taskId, text: '已梳理现行申领材料 9 项' });
  const done = await ok('city-hrss', 'task', 'complete', { taskId, text: '申领材料由 9 项精简为 4 项', evidence: [{ fileId }] });
  expect(done).toMatchObject({ status: 'awaiting_verification', statusLabel: '待核验', completion: { evidence: [{ fileName: '申领材料清单.png', contentType: 'image/png' }] } });
  // the keeper opens the evidence
  const link = await ok('city-union-office', 'task', 'evidence', { taskId, fileId });
  const file = await download(link.url, 'city-union-office');
  expect([file.status, file.type, file.bytes.length]).toEqual([200, 'image/png', PNG.length]);
  // the government office did not assign this one: it may not verify it
  expect(await code('city-gov-office', 'task', 'verify', { taskId })).toBe('forbidden');
  const back = await ok('city-union-office', 'task', 'sendBack', { taskId, reason: '请附印发的新办事指南' });
  expect(back).toMatchObject({ status: 'in_progress', sendBacks: [{ reason: '请附印发的新办事指南' }] });
  await ok('city-hrss', 'task', 'complete', { taskId, text: '新办事指南已印发', evidence: [{ fileId }] });
  expect(await ok('city-union-office', 'task', 'verify', { taskId })).toMatchObject({ status: 'done', light: 'done', statusLabel: '已办结' });
  expect(await code('city-hrss', 'task', 'report', { taskId, text: '补充说明' })).toBe('invalid_transition');
});

it('Art. 3 (1), Art. 8 (1): the next meeting\'s agenda reports every task, an unfinished one with its explanation', async () => {
  await ok('city-housing', 'task', 'explain', {
    taskId: redTaskId, explanation: '部分企业年底停工，宣传推迟', opinion: '春节后集中开展宣传月活动', newDeadline: '2027-03-31',
  });
  const next = (await ok('city-union-office', 'meeting', 'request', {
    kind: 'regular', title: '巴彦淖尔市政府与市总工会2027年度联席会议', plannedAt: fromCN('2027-04-20', '09:30'), reason: '年度例会',
  })).id;
  const view = await ok('city-union-office', 'meeting', 'get', { meetingId: next });
  const section = view.agenda.sections.find((s: any) => s.key === 'previous');
  // the previous meeting's checklist first, then last year's tasks still unfinished (issue #16: carried until done)
  expect(section.items.slice(0, 2).map((i: any) => i.id).sort()).toEqual([taskId, redTaskId].sort());
  expect(section.items.slice(2).map((i: any) => i.id).sort()).toEqual(['task-last-1', 'task-last-2', 'task-last-4', 'task-last-5']);
  expect(section.items[2].note).toContain('年度联席会议议定，尚未完成');
  expect(section.items.find((i: any) => i.id === taskId).task).toMatchObject({ done: true, lightLabel: '已办结', explanation: null });
  expect(section.items.find((i: any) => i.id === redTaskId).task).toMatchObject({
    // the date asked for is a request until the keeper approves it (issue #16): the deadline in force is shown
    done: false, explanation: { explanation: '部分企业年底停工，宣传推迟', opinion: '春节后集中开展宣传月活动', newDeadline: '2027-01-10' },
  });
});

it('Art. 10: the press release is approved only when both offices approve the current text; an edit clears approvals', async () => {
  const draft = { meetingId, title: '市政府与市总工会召开职工权益专题会议', text: '十二月二十四日，市政府与市总工会召开专题联席会议，研究简化技能培训补贴申领等事项。' };
  expect(await code('city-hrss', 'press', 'draft', draft)).toBe('forbidden');
  await ok('city-union-office', 'press', 'draft', draft);
  const one = await ok('city-gov-office', 'press', 'approve', { meetingId });
  expect(one).toMatchObject({ status: 'draft', approvals: { gov: { byName: '赵敏' }, union: null } });
  expect(await code('city-gov-office', 'press', 'approve', { meetingId })).toBe('invalid_transition');
  // an edit clears the approval given
  const edited = await ok('city-union-office', 'press', 'draft', { ...draft, text: `${draft.text}会议由副市长王建国主持。` });
  expect(edited).toMatchObject({ revision: 2, approvals: { gov: null, union: null }, status: 'draft' });
  await ok('city-union-office', 'press', 'approve', { meetingId });
  const both = await ok('city-gov-office', 'press', 'approve', { meetingId });
  expect(both).toMatchObject({ status: 'approved', statusLabel: '双方已审核', approvals: { gov: { byName: '赵敏' }, union: { byName: '陈晓丽' } } });
  // a county office reads nothing of it; the city's leader reads it
  expect(await code('linhe-gov-office', 'press', 'get', { meetingId })).toBe('not_found');
  expect(await code('city-gov-leader', 'press', 'get', { meetingId })).toBe('ok');
  host.clock.set(DEMO_NOW);
});

it('Art. 7: the issued notice downloads as a .docx in the 文件 layout with its doc number and agenda', async () => {
  const link = await ok('city-hrss', 'meeting', 'noticeDocument', { meetingId });
  const file = await download(link.url, 'city-hrss');
  // the title is broken into lines by the program (issue #21): compare the text without the tags
  const xml = (await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  for (const text of ['巴彦淖尔市人民政府办公室文件', '巴政办字〔2026〕101号', '关于召开巴彦淖尔市政府与市总工会职工权益专题会议的通知', '通报上次会议议定事项落实情况', '议题1：关于简化技能培训补贴申领的建议']) {
    expect({ text, found: xml.includes(text) }).toEqual({ text, found: true });
  }
  // a meeting whose notice is not out has no notice to download
  expect(await code('city-union-office', 'meeting', 'noticeDocument', { meetingId: 'm-city-current' })).toBe('invalid_transition');
});
