/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #16 "done when", over the local host's HTTP API with demo users on a fresh database: what
// the app certifies is what happened. Attendance comes from check-in, is confirmed by the union
// office and frozen in the issued 纪要 and its .docx and in the attendance export; an issued
// notice never changes (a 变更通知 under its own 文号 does); the meeting opens on its day only.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fromCN } from '../domain';
import { startTestHost, type TestHost } from './support/host';
import { httpCaller, meetingWithNotice, type Ok } from './support/flows';
import { DEMO_NOW } from './support/world';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from './support/browser';
import { convertToPdf, readPages } from './support/office-pdf';

let host: TestHost;
let call: ReturnType<typeof httpCaller>['call'];
let ok: Ok;
let code: ReturnType<typeof httpCaller>['code'];
let fetchFile: ReturnType<typeof httpCaller>['download'];
const download = async (url: string, key: string) => (await fetchFile(url, key)).bytes;
/** The text of a .docx's body, paragraph by paragraph. */
const docxText = async (bytes: Uint8Array) => {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml.split('</w:p>').map((p) => p.replace(/<[^>]+>/g, '')).filter(Boolean);
};

beforeAll(async () => {
  host = await startTestHost();
  ({ call, ok, code, download: fetchFile } = httpCaller(host));
});
afterAll(() => host.stop());

const plannedAt = fromCN('2026-12-24', '09:30');
let meetingId: string;

describe('attendance is a fact of the meeting (13 invitees, 2 checked in, 1 on leave, 1 substitute, the rest silent)', () => {
  it('invites thirteen and refuses to open the meeting three days early, naming the planned day', async () => {
    meetingId = await meetingWithNotice(ok, {
      title: '巴彦淖尔市政府与市总工会出席情况专题会议', plannedAt, docNumber: '巴政办字〔2026〕111号',
      gov: ['city-gov-leader', 'city-hrss'], union: ['city-union-chair', 'city-rep-ma'],
    });
    await ok('city-gov-office', 'meeting', 'invite', {
      meetingId,
      invitees: [
        { personId: 'city-mayor', category: 'leader' }, { personId: 'city-gov-convenor', category: 'leader' },
        { personId: 'city-gov-office', category: 'office' }, { personId: 'city-housing', category: 'department' }, { personId: 'city-ndrc', category: 'department' },
      ],
    });
    const all = await ok('city-union-office', 'meeting', 'invite', {
      meetingId,
      invitees: [
        { personId: 'city-union-convenor', category: 'leader' }, { personId: 'city-union-office', category: 'office' },
        { personId: 'city-union-rights', category: 'department' }, { personId: 'city-model-yang', category: 'model_worker' },
      ],
    });
    expect(all.counts.invited).toBe(13);
    // protocol order: the mayor, the 总召集人 (副市长, then 主席), then the 召集人 (副秘书长, 常务副主席)
    expect(all.rows.slice(0, 5).map((r: any) => r.name)).toEqual(['何立军', '王建国', '李秀梅', '张志强', '刘海燕']);

    await ok('city-hrss', 'meeting', 'reply', { meetingId, answer: 'decline', reason: '参加自治区培训' });
    await ok('city-union-chair', 'meeting', 'reply', { meetingId, answer: 'substitute', substitute: { name: '高文静', post: '副主席' } });
    // replied 参加 and never came: absent, never 出席
    await ok('city-gov-convenor', 'meeting', 'reply', { meetingId, answer: 'attend' });

    host.clock.set(new Date(new Date(plannedAt).getTime() - 3 * 86_400_000));
    const early = await call('city-union-office', 'meeting', 'start', { meetingId });
    expect(early.json.error).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('会议定于2026年12月24日召开，只能在当天宣布开会') });
    expect((await ok('city-union-office', 'meeting', 'get', { meetingId })).allowedActions).not.toContain('start');
    // more than two hours before the planned time on the day itself: still too early
    host.clock.set(new Date(new Date(plannedAt).getTime() - 3 * 3600_000));
    expect(await code('city-union-office', 'meeting', 'start', { meetingId })).toBe('invalid_transition');
  });

  it('on the day: check-ins by code and at the door; a mistaken one is undone by the office with a reason', async () => {
    host.clock.set(new Date(new Date(plannedAt).getTime() - 30 * 60_000));
    const door = await ok('city-union-office', 'meeting', 'checkInCode', { meetingId });
    await ok('city-rep-ma', 'meeting', 'checkIn', { meetingId, code: door.code });
    await ok('city-gov-office', 'meeting', 'checkIn', { meetingId, personId: 'city-gov-leader' });
    await ok('city-union-office', 'meeting', 'checkIn', { meetingId, personId: 'city-union-chair' }); // the substitute at the door
    await ok('city-gov-office', 'meeting', 'checkIn', { meetingId, personId: 'city-mayor' }); // a slip of the finger
    // only an office undoes a check-in, with a reason
    expect(await code('city-gov-leader', 'meeting', 'undoCheckIn', { meetingId, personId: 'city-mayor', reason: '误点' })).toBe('forbidden');
    expect(await code('city-gov-office', 'meeting', 'undoCheckIn', { meetingId, personId: 'city-mayor', reason: '' })).toBe('validation_error');
    const undone = await ok('city-gov-office', 'meeting', 'undoCheckIn', { meetingId, personId: 'city-mayor', reason: '误点了市长的签到' });
    expect(undone.counts.present).toBe(3);
    expect(await code('city-gov-office', 'meeting', 'undoCheckIn', { meetingId, personId: 'city-mayor', reason: '再撤一次' })).toBe('invalid_transition');

    const started = await ok('city-union-office', 'meeting', 'start', { meetingId });
    expect(started.state).toBe('in_session');
    const held = await ok('city-gov-leader', 'meeting', 'adjourn', { meetingId });
    expect(held.state).toBe('held');
    // once adjourned, check-ins stand: corrections are made on the attendance list of the minutes
    expect(await code('city-gov-office', 'meeting', 'undoCheckIn', { meetingId, personId: 'city-rep-ma', reason: '散会后再撤' })).toBe('invalid_transition');
  });

  const DRAFT = { text: '会议由副市长王建国主持，研究了出席情况的记录问题。', decisions: [{ title: '如实记录出席情况', text: '由市总工会办公室按签到确认出席情况。' }] };

  it('the minutes cannot go for review before the union office confirms who attended; a correction needs a reason', async () => {
    await ok('city-union-office', 'minutes', 'save', { meetingId, ...DRAFT });
    const before = await call('city-union-office', 'minutes', 'submit', { meetingId });
    expect(before.json.error).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('确认出席情况') });

    const draft = await ok('city-union-office', 'minutes', 'get', { meetingId });
    expect(draft.allowedActions).not.toContain('submit');
    expect(draft.attendanceList).toMatchObject({ confirmed: false, counts: { present: 3, leave: 1, absent: 9 } });
    // nobody silent is printed as present
    expect(draft.attendance).toEqual({
      present: ['王建国（巴彦淖尔市人民政府副市长）', '高文静（副主席，代李秀梅）'],
      leave: ['孙立新（市人社局副局长）'],
      observers: ['马春花（河套酒业集团职工代表）'],
    });

    // marking the mayor present without a reason is refused and changes nothing
    const bad = await call('city-union-office', 'minutes', 'setAttendance', { meetingId, entries: [{ personId: 'city-mayor', status: 'present' }] });
    expect(bad.json.error.code).toBe('validation_error');
    expect(bad.json.error.message).toContain('须说明理由');
    expect((await ok('city-union-office', 'minutes', 'get', { meetingId })).attendanceList.confirmed).toBe(false);
    expect(await code('city-gov-office', 'minutes', 'setAttendance', { meetingId, entries: [{ personId: 'city-mayor', status: 'absent' }] })).toBe('forbidden');

    const confirmed = await ok('city-union-office', 'minutes', 'setAttendance', {
      meetingId, entries: [{ personId: 'city-gov-leader', status: 'present' }, { personId: 'city-mayor', status: 'absent' }],
    });
    expect(confirmed.attendanceList).toMatchObject({ confirmed: true, confirmedByName: '陈晓丽', counts: { present: 3, leave: 1, absent: 9 } });
    expect(confirmed.allowedActions).toContain('submit');
    await ok('city-union-office', 'minutes', 'submit', { meetingId });
  });

  it('the approvers see the same list; the issued 纪要, its .docx and the attendance workbook say exactly it', async () => {
    expect((await ok('city-union-chair', 'minutes', 'get', { meetingId })).attendance.present).toContain('高文静（副主席，代李秀梅）');
    await ok('city-union-chair', 'minutes', 'approve', { meetingId });
    await ok('city-gov-leader', 'minutes', 'approve', { meetingId });
    const issued = await ok('city-union-office', 'minutes', 'issue', { meetingId, docNumber: '巴工联纪〔2026〕9号' });
    expect(issued.attendance).toEqual({
      present: ['王建国（巴彦淖尔市人民政府副市长）', '高文静（副主席，代李秀梅）'],
      leave: ['孙立新（市人社局副局长）'],
      observers: ['马春花（河套酒业集团职工代表）'],
    });
    expect(issued.attendanceList.frozen).toBe(true);

    const docx = await download((await ok('city-union-office', 'minutes', 'document', { meetingId })).url, 'city-union-office');
    const text = await docxText(docx);
    // opened in a real office suite, the printed page says the same
    const dir = join(ARTIFACTS, 'documents');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'record-truth-minutes.docx'), docx);
    const printed = (await convertToPdf([join(dir, 'record-truth-minutes.docx')], dir)).flatMap((pdf) => readPages(pdf)).flatMap((p) => p.lines.map((l) => l.text.replace(/\s/g, ''))).join('');
    for (const name of ['王建国', '高文静（副主席，代李秀梅）', '孙立新', '马春花']) expect(printed).toContain(name);
    for (const silent of ['何立军', '张志强', '刘海燕']) expect(printed).not.toContain(silent);
    const line = (label: string) => text.find((p) => p.startsWith(label)) ?? '';
    expect(line('出席')).toContain('王建国');
    expect(line('出席')).toContain('高文静（副主席，代李秀梅）');
    expect(line('请假')).toContain('孙立新');
    expect(line('列席')).toContain('马春花');
    for (const silent of ['何立军', '张志强', '刘海燕', '赵敏', '周文博', '吴晓东', '郑丽娟', '杨德胜']) expect(text.join('\n')).not.toContain(silent);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await download((await ok('city-union-office', 'meeting', 'exportAttendance', { meetingId })).url, 'city-union-office')) as any);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(4).values as unknown[]).map(String);
    const col = header.indexOf('出席情况');
    const statuses: string[] = [];
    sheet.eachRow((row, n) => { if (n > 4) statuses.push(String(row.getCell(col).value)); });
    expect(statuses).toHaveLength(13);
    expect(statuses.filter((s) => s.startsWith('出席'))).toHaveLength(3);
    expect(statuses).toContain('出席（高文静代）');
    expect(statuses.filter((s) => s === '请假')).toHaveLength(1);
    expect(statuses.filter((s) => s === '缺席')).toHaveLength(9);
    host.clock.set(DEMO_NOW);
  });
});

describe('an issued notice is frozen; a change of time or place is a 变更通知 under its own number', () => {
  let noticed: string;
  const at = fromCN('2026-12-28', '09:30');

  it('a reschedule after issue needs a new 文号; the original .docx keeps its text; everyone is told and asked to reply again', async () => {
    noticed = await meetingWithNotice(ok, {
      title: '巴彦淖尔市政府与市总工会通知变更专题会议', plannedAt: at, docNumber: '巴政办字〔2026〕120号',
      gov: ['city-gov-leader', 'city-hrss'], union: ['city-union-chair', 'city-rep-ma'],
    });
    await ok('city-rep-ma', 'meeting', 'reply', { meetingId: noticed, answer: 'attend' });
    const original = await docxText(await download((await ok('city-hrss', 'meeting', 'noticeDocument', { meetingId: noticed })).url, 'city-hrss'));
    expect(original.join('\n')).toContain('2026年12月28日 09:30');

    const moved = fromCN('2026-12-30', '15:00');
    expect((await call('city-gov-office', 'meeting', 'reschedule', { meetingId: noticed, plannedAt: moved })).json.error).toMatchObject({ code: 'validation_error', details: [{ path: 'docNumber' }] });
    expect(await code('city-gov-office', 'meeting', 'reschedule', { meetingId: noticed, plannedAt: moved, docNumber: '巴政办字〔2026〕120号' })).toBe('validation_error');
    const changed = await ok('city-gov-office', 'meeting', 'reschedule', { meetingId: noticed, plannedAt: moved, place: '市政府第三会议室', docNumber: '巴政办字〔2026〕121号' });
    expect(changed.notices.map((n: any) => [n.version, n.kind, n.docNumber, n.inForce])).toEqual([
      [1, 'notice', '巴政办字〔2026〕120号', false], [2, 'change', '巴政办字〔2026〕121号', true],
    ]);

    // the original, downloaded again, says what it said when issued
    const again = await docxText(await download((await ok('city-hrss', 'meeting', 'noticeDocument', { meetingId: noticed, version: 1 })).url, 'city-hrss'));
    expect(again).toEqual(original);
    const change = (await docxText(await download((await ok('city-hrss', 'meeting', 'noticeDocument', { meetingId: noticed })).url, 'city-hrss'))).join('\n');
    for (const s of ['巴政办字〔2026〕121号', '有关事项变更的通知', '巴政办字〔2026〕120号', '2026年12月30日 15:00', '市政府第三会议室', '重新回复']) expect(change).toContain(s);

    for (const invitee of ['city-gov-leader', 'city-hrss', 'city-union-chair', 'city-rep-ma']) {
      const inbox = await ok(invitee, 'notify', 'inbox', {});
      expect(inbox.items.some((i: any) => i.title.includes('变更通知'))).toBe(true);
    }
    // the day moved: the earlier reply is asked for again
    expect((await ok('city-rep-ma', 'meeting', 'get', { meetingId: noticed })).invitation).toMatchObject({ answer: null });
  });

  it('a change of place on the same day keeps the replies', async () => {
    await ok('city-rep-ma', 'meeting', 'reply', { meetingId: noticed, answer: 'attend' });
    await ok('city-gov-office', 'meeting', 'reschedule', { meetingId: noticed, place: '市政府第一会议室', docNumber: '巴政办字〔2026〕122号' });
    expect((await ok('city-rep-ma', 'meeting', 'get', { meetingId: noticed })).invitation).toMatchObject({ answer: 'attend' });
    expect(await code('city-hrss', 'meeting', 'noticeDocument', { meetingId: noticed, version: 9 })).toBe('not_found');
  });
});
