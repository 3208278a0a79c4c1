// Issue #21 "done when", second half: the documents of a meeting run through the local host's HTTP
// API (request → accept → topics → list → invite → notice → replies → check-in → adjourn → minutes
// saved, attendance confirmed, submitted, approved, issued), opened in a real client. The notice, the
// issued 纪要, the sign-in sheet and the notice and 纪要 inside the archive are converted by
// LibreOffice (one soffice run, the font replacement table) and measured with poppler against
// GB/T 9704-2012 with the same checks as the seeded demo (test/support/gbt9704-checks.ts): margins,
// the red mark and rule, 28 × 22, the 版记's last rule on the bottom margin, nothing past the right
// margin, serif body, a 38-character title in two balanced lines, and the 纪要 naming exactly who
// checked in, who asked for leave and who attended as non-voting. The 纪要's text is long enough to
// fill its last page, so the 版记 goes to a page of its own: it must still sit at that page's foot.
// Page images go to test/artifacts/documents/ (api-*.png).
import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromCN } from '../domain';
import { breakUnits, latinSegments, renderOfficialDocx, type Block } from '../server/documents/official';
import { breakTitle, widthInChars } from '../server/documents/title';
import { httpCaller, meetingWithNotice, type Ok } from './support/flows';
import {
  LINE_PITCH_MM, TEXT, bodyLines, labelledBlock, labelledLines, numbersSplit, unitsSplit, measureGrid, measureHead, measureRecord, namesIn, pageNumbers, pastRightMargin, pdfFontNames, maxRight,
} from './support/gbt9704-checks';
import { startTestHost, type TestHost } from './support/host';
import { convertToPdf, hasRealClient, readPages, savePageImages } from './support/office-pdf';
import { DEMO_NOW } from './support/world';

if (!hasRealClient()) throw new Error('LibreOffice (soffice) and poppler (pdftotext) are needed: bash .ci/run installs them');

const ARTIFACTS = join(__dirname, 'artifacts', 'documents');
const WORK = join(tmpdir(), `documents-api-${process.pid}`);

// The notice's title "关于召开…的通知" has 38 characters, the 纪要's (the meeting's) 31: two lines each.
// (With both full org names, "…巴彦淖尔市人民政府与巴彦淖尔市总工会…", no word boundary leaves two
// lines of at most 20 characters: such a title is broken into three, 13 / 12 / 12.)
const TITLE = '巴彦淖尔市人民政府与市总工会2026年职工技能培训专题联席会议';
const NOTICE_TITLE = `关于召开${TITLE}的通知`;
const plannedAt = fromCN('2026-12-23', '09:30');
const DOC_NUMBER = '巴政办字〔2026〕141号';
const MINUTES_NUMBER = '巴工联纪〔2026〕12号';

// The 纪要's narrative: headings and paragraphs as an office writes them, long enough that the date
// lands on one of the last lines of a page (checked below: the case this file is about).
const PARAGRAPH = '会议指出，职工技能培训补贴是稳就业、促增收的重要举措，各有关部门要进一步简化申领流程，加强政策宣传，确保补贴资金及时足额发放到职工手中。';
const NARRATIVE = [
  `${'2026年12月23日上午'}，巴彦淖尔市人民政府与巴彦淖尔市总工会在市政府第一会议室召开2026年第二次专题联席会议。会议由副市长王建国主持，市总工会主席李秀梅出席，市直有关部门负责同志和职工代表列席会议。`,
  '一、会议听取的情况',
  '会议听取了市总工会关于职工技能培训补贴申领情况的调研汇报。调研覆盖全市十家企业，六成职工不了解补贴政策，申领材料多、流程长、到账慢的问题较为突出。',
  PARAGRAPH,
  '二、会议研究的问题',
  PARAGRAPH,
  '会议认为，简化申领流程既是职工群众的期盼，也是优化营商环境的要求，要把好事办好、实事办实。',
  PARAGRAPH,
  PARAGRAPH,
  PARAGRAPH,
  '会议强调，各责任单位要明确时间表和路线图，定期向联席会议办公室报告进展，市总工会要加强跟踪督办，做到底数清、情况明、措施实。',
  '会议要求，各有关部门要加强协作配合，形成工作合力。',
];
const DECISIONS = [
  { title: '简化技能培训补贴申领流程', text: '由市人社局牵头，2027年3月底前将申领材料精简至三项以内，实现线上申领、限时办结。' },
  { title: '加强补贴政策宣传', text: '由市总工会负责，通过职工之家、工会小程序等渠道开展政策宣传，做到重点企业全覆盖。' },
  {
    title: '建立跟踪督办机制',
    text: '由市政府办公室和市总工会办公室共同负责，将上述事项纳入联席会议议定事项落实清单，明确责任单位、责任人和完成时限，每月调度一次进展情况，对逾期未办结的事项及时督办，并在下次联席会议上通报落实情况，确保议定事项件件有着落、事事有回音。',
  },
];

let host: TestHost;
let ok: Ok;
let download: ReturnType<typeof httpCaller>['download'];
const pdf: Record<string, string> = {};
let issued: { attendance: { present: string[]; leave: string[]; observers: string[] } };
let invitees: Array<{ personId: string; name: string }>;
const nameOf = (id: string) => invitees.find((r) => r.personId === id)!.name;

/** The tail of a 纪要 whose date lands on line `n` of its last page and below (the 版记 placed after it). */
const sweepBody = (n: number): Block[] => Array.from({ length: n }, (_, i) => ({ kind: 'paragraph', text: `第${String(i + 1).padStart(2, '0')}段甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬` }));
const SWEEP = [20, 21, 22, 23, 24, 25, 26, 27];

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  host = await startTestHost();
  const caller = httpCaller(host);
  ({ ok, download } = caller);

  // the meeting: six invitees; one asks for leave, one says 参加 and never comes, one worker representative never comes
  const meetingId = await meetingWithNotice(ok, {
    title: TITLE, plannedAt, docNumber: DOC_NUMBER,
    gov: ['city-gov-leader', 'city-hrss', 'city-housing'], union: ['city-union-chair', 'city-rep-ma', 'city-rep-guo'],
  });
  invitees = (await ok('city-union-office', 'meeting', 'attendance', { meetingId })).rows;
  await ok('city-hrss', 'meeting', 'reply', { meetingId, answer: 'decline', reason: '参加自治区培训' });
  await ok('city-housing', 'meeting', 'reply', { meetingId, answer: 'attend' });
  await ok('city-rep-ma', 'meeting', 'reply', { meetingId, answer: 'attend' });

  // the day: check-ins by the door's code and at the door, then the meeting is held
  host.clock.set(new Date(new Date(plannedAt).getTime() - 30 * 60_000));
  const door = await ok('city-union-office', 'meeting', 'checkInCode', { meetingId });
  await ok('city-rep-ma', 'meeting', 'checkIn', { meetingId, code: door.code });
  await ok('city-gov-office', 'meeting', 'checkIn', { meetingId, personId: 'city-gov-leader' });
  await ok('city-union-office', 'meeting', 'checkIn', { meetingId, personId: 'city-union-chair' });
  await ok('city-union-office', 'meeting', 'start', { meetingId });
  host.clock.set(new Date(new Date(plannedAt).getTime() + 2 * 3600_000));
  await ok('city-gov-leader', 'meeting', 'adjourn', { meetingId });

  // the 纪要: drafted, the attendance confirmed as checked in, approved by both sides, issued the next day
  await ok('city-union-office', 'minutes', 'save', { meetingId, text: NARRATIVE.join('\n'), decisions: DECISIONS });
  await ok('city-union-office', 'minutes', 'setAttendance', { meetingId, entries: [] });
  await ok('city-union-office', 'minutes', 'submit', { meetingId });
  await ok('city-union-chair', 'minutes', 'approve', { meetingId });
  await ok('city-gov-leader', 'minutes', 'approve', { meetingId });
  host.clock.set(new Date(new Date(plannedAt).getTime() + 26 * 3600_000));
  issued = await ok('city-union-office', 'minutes', 'issue', { meetingId, docNumber: MINUTES_NUMBER });

  const files: string[] = [];
  const put = (name: string, bytes: Uint8Array) => {
    const path = join(WORK, name);
    writeFileSync(path, bytes);
    files.push(path);
  };
  const fetched = async (key: string, area: string, action: string) => {
    const res = await download((await ok(key, area, action, { meetingId })).url, key);
    if (res.status !== 200) throw new Error(`${area}.${action}: download ${res.status}`);
    return res.bytes;
  };
  put('api-notice.docx', await fetched('city-gov-office', 'meeting', 'noticeDocument'));
  put('api-minutes.docx', await fetched('city-union-office', 'minutes', 'document'));
  put('api-signin.xlsx', await fetched('city-union-office', 'meeting', 'signInSheet'));
  const zip = await JSZip.loadAsync(await fetched('city-gov-office', 'meeting', 'archive'));
  const entry = (prefix: string) => {
    const name = Object.keys(zip.files).find((n) => n.startsWith(prefix));
    if (!name) throw new Error(`archive: no ${prefix} (${Object.keys(zip.files).join(', ')})`);
    return zip.file(name)!.async('uint8array');
  };
  put('api-archive-01-notice.docx', await entry('01 '));
  put('api-archive-05-minutes.docx', await entry('05 '));
  host.clock.set(DEMO_NOW);

  // the same tail (attendance, date, 版记) after 20–27 one-line paragraphs: the date on every one of
  // the last lines of a page and past it
  for (const n of SWEEP) {
    put(`api-sweep-${n}.docx`, await renderOfficialDocx({
      kind: 'minutes', mark: '巴彦淖尔市政府与工会联席会议纪要', docNumber: MINUTES_NUMBER, title: '2026年第一次联席会议', body: sweepBody(n),
      attendance: { present: ['王建国（副市长）'], leave: ['孙立新（局长）'], observers: ['马春花（职工代表）'] }, date: '2026年11月25日',
      record: { copyTo: '巴彦淖尔市总工会', printer: '巴彦淖尔市人民政府办公室', printDate: '2026年11月25日' },
    }));
  }

  for (const p of await convertToPdf(files, join(WORK, 'pdf'))) pdf[p.split('/').pop()!.replace(/\.pdf$/, '')] = p;
  for (const name of ['api-notice', 'api-minutes', 'api-signin']) savePageImages(pdf[name], ARTIFACTS, name, 80);
}, 600_000);
afterAll(() => host?.stop());

const DOCS = [
  { name: 'api-notice', mark: '巴彦淖尔市人民政府办公室文件', number: DOC_NUMBER },
  { name: 'api-minutes', mark: '巴彦淖尔市政府与工会联席会议纪要', number: MINUTES_NUMBER },
] as const;

describe('the notice and the issued 纪要 of a meeting run through the API, printed by LibreOffice', () => {
  it('prints the red mark on one line 35 mm below the text block, the red rule 4 mm under the number, as wide as the text block', () => {
    for (const { name, mark, number } of DOCS) {
      const head = measureHead(pdf[name], mark, new RegExp(number.replace(/[〔〕]/g, '.')));
      expect({ name, mark: head.markText }).toEqual({ name, mark });
      expect({ name, markBelowTop: Math.abs(head.markBelowTop! - 35) < 1 }).toEqual({ name, markBelowTop: true });
      expect({ name, ruleUnderNumber: Math.abs(head.ruleUnderNumber! - 4) < 1 }).toEqual({ name, ruleUnderNumber: true });
      expect(Math.abs(head.ruleSpan![0] - TEXT.left)).toBeLessThan(1);
      expect(Math.abs(head.ruleSpan![1] - TEXT.right)).toBeLessThan(1);
      // 1.5 pt (0.53 mm) as written; a hairline or a bar would be seen at once
      expect(head.ruleThickness!).toBeGreaterThan(0.35);
      expect(head.ruleThickness!).toBeLessThan(0.8);
    }
  });

  it('sets 28 characters on every full body line and 22 lines on a full page, inside the margins', () => {
    for (const { name } of DOCS) {
      const grid = measureGrid(pdf[name]);
      expect(grid.full.length).toBeGreaterThan(name === 'api-notice' ? 1 : 10);
      for (const l of grid.full) {
        // a line of Chinese only is 28 grid characters; a line with digits ("2026年12月23日09:30") is
        // justified from margin to margin, its digits narrower than a grid character
        if (/^[\u2e80-\uffff]+$/.test(l.text)) expect({ name, line: l.text, chars: l.chars }).toEqual({ name, line: l.text, chars: 28 });
        else expect(widthInChars(l.text)).toBeLessThanOrEqual(28);
        expect(Math.abs(l.x0 - TEXT.left)).toBeLessThan(1);
      }
    }
    // the 纪要's second page is full: 22 lines at the grid's pitch
    const grid = measureGrid(pdf['api-minutes']);
    expect(grid.fullPageLines).toBe(22);
    expect(Math.abs(grid.pitch! - LINE_PITCH_MM)).toBeLessThan(0.1);
    // top and bottom margins: no body line above the text block or below it, on any page
    for (const { name } of DOCS) {
      for (const p of readPages(pdf[name])) {
        const body = bodyLines(p);
        expect(Math.min(...body.map((l) => l.y0))).toBeGreaterThan(TEXT.top - 1);
        expect(Math.max(...body.map((l) => l.y1))).toBeLessThan(TEXT.bottom + 0.5);
        for (const l of p.lines) expect({ name, line: l.text, left: l.x0 > TEXT.left - 0.5 }).toEqual({ name, line: l.text, left: true });
      }
    }
  });

  it('prints no line past the right margin by more than 0.5 mm', () => {
    for (const name of ['api-notice', 'api-minutes', 'api-archive-01-notice', 'api-archive-05-minutes']) {
      expect({ name, over: pastRightMargin(pdf[name]) }).toEqual({ name, over: [] });
    }
  });

  it('sets the body in a serif face (the replacement table: 仿宋 → Noto Serif CJK)', () => {
    for (const { name } of DOCS) {
      const fonts = pdfFontNames(pdf[name]);
      expect({ name, serif: fonts.some((f) => /Serif/.test(f)) }).toEqual({ name, serif: true });
      // sans only for the 黑体 headings and labels, never the only face
      expect(fonts.filter((f) => !/Serif|Sans/.test(f))).toEqual([]);
    }
  });

  it('breaks the 38-character notice title and the 31-character 纪要 title into two balanced lines at word boundaries', () => {
    expect([...NOTICE_TITLE]).toHaveLength(38);
    for (const [name, title] of [['api-notice', NOTICE_TITLE], ['api-minutes', TITLE]] as const) {
      const expected = breakTitle(title, 20);
      expect(expected).toHaveLength(2);
      const printed = readPages(pdf[name])[0].lines.map((l) => l.text);
      for (const line of expected) expect({ name, printed: printed.includes(line) }).toEqual({ name, printed: true });
      expect(expected.join('')).toBe(title);
      // balanced: the lines differ by at most four characters, none is a word cut in two
      const [a, b] = expected.map(widthInChars);
      expect(Math.abs(a - b)).toBeLessThanOrEqual(4);
      expect(Math.min(a, b)).toBeGreaterThan(8);
    }
    expect(breakTitle(NOTICE_TITLE, 20)).toEqual(['关于召开巴彦淖尔市人民政府与市总工会', '2026年职工技能培训专题联席会议的通知']);
  });

  it('numbers every page "— N —" 7 mm below the text block', () => {
    for (const { name } of DOCS) {
      for (const { page, line } of pageNumbers(pdf[name])) {
        expect({ name, page, numbered: !!line }).toEqual({ name, page, numbered: true });
        expect(Math.abs(line!.y0 - (TEXT.bottom + 7))).toBeLessThan(1);
      }
    }
  });

  it('ends the notice with its 版记 at the foot of the last page, under the signature, the last rule on the bottom margin', () => {
    const record = measureRecord(pdf['api-notice']);
    expect(record.page).toBe(readPages(pdf['api-notice']).length);
    expect(record.pages).toEqual([record.page]);
    expect(record.copy!.text).toBe('抄送：巴彦淖尔市总工会。');
    expect(record.rules).toHaveLength(3);
    expect(Math.abs(record.rules[2] - TEXT.bottom)).toBeLessThan(1);
    expect(record.overlapping).toEqual([]);
    // on the signature's page when it has room, below everything else there
    const pages = readPages(pdf['api-notice']);
    const datePage = pages.findIndex((p) => p.lines.some((l) => l.text === '巴彦淖尔市人民政府办公室')) + 1;
    if (record.page === datePage) expect(record.lastAbove!.y1).toBeLessThan(record.rules[0]);
    else expect(bodyLines(pages[datePage - 1]).length).toBeGreaterThanOrEqual(19);
  });
});

describe('nothing a clerk would retouch: no number and no attendee cut at the end of a line', () => {
  // LibreOffice breaks East Asian text between any two characters; digits took the East Asian
  // language from the text around them and were cut like it ("定于202 / 6年12月23日")
  it('breaks no run of digits (year, date, time, 文号) across lines', () => {
    for (const name of ['api-notice', 'api-minutes', 'api-archive-01-notice', 'api-archive-05-minutes', ...SWEEP.map((n) => `api-sweep-${n}`)]) {
      expect({ name, split: numbersSplit(pdf[name]) }).toEqual({ name, split: [] });
    }
  });

  it('breaks the 出席 / 请假 / 列席 lists only after a 、, never inside "name（title）"', () => {
    for (const name of ['api-minutes', 'api-archive-05-minutes']) {
      for (const label of ['出席', '请假', '列席'] as const) expect({ name, label, split: unitsSplit(pdf[name], label) }).toEqual({ name, label, split: [] });
    }
    // the case of issue #21: two names with their titles do not fit one line, so the list takes two
    expect(labelledLines(pdf['api-minutes'], '出席').length).toBeGreaterThan(1);
    // the rule itself: units with their 、 packed into lines of 23 characters (28 less 2 indent and the label)
    expect(breakUnits(['王建国（巴彦淖尔市人民政府副市长）', '李秀梅（巴彦淖尔市总工会主席）'], 23)).toEqual(['王建国（巴彦淖尔市人民政府副市长）、', '李秀梅（巴彦淖尔市总工会主席）']);
    expect(breakUnits(['甲（一）', '乙（二）', '丙（三）'], 23)).toEqual(['甲（一）、乙（二）、丙（三）']);
    expect(breakUnits(['无'], 23)).toEqual(['无']);
    // digit runs are their own runs (marked en-US), the text unchanged
    expect(latinSegments('定于2026年12月23日09:30召开')).toEqual([
      { text: '定于', latin: false }, { text: '2026', latin: true }, { text: '年', latin: false }, { text: '12', latin: true }, { text: '月', latin: false },
      { text: '23', latin: true }, { text: '日', latin: false }, { text: '09:30', latin: true }, { text: '召开', latin: false },
    ]);
  });
});

describe('the issued 纪要 prints who actually attended', () => {
  it('lists exactly who checked in under 出席, who declined under 请假, the worker representative who came under 列席', () => {
    const printed = (label: '出席' | '请假' | '列席') => namesIn(labelledBlock(pdf['api-minutes'], label), label);
    expect(printed('出席')).toEqual(issued.attendance.present);
    expect(printed('请假')).toEqual(issued.attendance.leave);
    expect(printed('列席')).toEqual(issued.attendance.observers);
    // and those lists are the facts of the day
    const starts = (list: string[], id: string) => list.some((s) => s.startsWith(nameOf(id)));
    expect(issued.attendance.present).toHaveLength(2);
    expect(starts(issued.attendance.present, 'city-gov-leader') && starts(issued.attendance.present, 'city-union-chair')).toBe(true);
    expect(issued.attendance.leave).toHaveLength(1);
    expect(starts(issued.attendance.leave, 'city-hrss')).toBe(true);
    expect(issued.attendance.observers).toHaveLength(1);
    expect(starts(issued.attendance.observers, 'city-rep-ma')).toBe(true);
    // replied 参加 and never came, or never answered: printed nowhere
    const all = readPages(pdf['api-minutes']).flatMap((p) => p.lines.map((l) => l.text)).join('');
    for (const silent of ['city-housing', 'city-rep-guo']) expect({ silent, printed: all.includes(nameOf(silent)) }).toEqual({ silent, printed: false });
  });

  it('the 纪要 and the notice in the archive print line for line as the ones downloaded', () => {
    const text = (name: string) => readPages(pdf[name]).map((p) => p.lines.map((l) => l.text));
    expect(text('api-archive-05-minutes')).toEqual(text('api-minutes'));
    expect(text('api-archive-01-notice')).toEqual(text('api-notice'));
  });
});

describe('the 版记 when the body fills the last page', () => {
  it('the 纪要 text fills the page of its date: the 版记 goes to the next page and sits at its foot, overlapping nothing', () => {
    const pages = readPages(pdf['api-minutes']);
    const record = measureRecord(pdf['api-minutes']);
    expect(record.pages).toEqual([pages.length]);
    const datePage = pages.findIndex((p) => p.lines.some((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.text))) + 1;
    const date = pages[datePage - 1].lines.find((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.text))!;
    // the case this test is for: the date on one of the last three lines of its page (if the text or
    // the layout changes, lengthen or shorten NARRATIVE until it is again)
    expect({ datePage, dateBottom: date.y1.toFixed(1), nearFoot: date.y1 > TEXT.bottom - 3 * LINE_PITCH_MM - 1 }).toMatchObject({ nearFoot: true });
    expect(record.page).toBeGreaterThanOrEqual(datePage);
    expect(record.rules).toHaveLength(3);
    expect(Math.abs(record.rules[2] - TEXT.bottom)).toBeLessThan(1);
    expect(record.overlapping).toEqual([]);
    if (record.lastAbove) expect(record.lastAbove.y1).toBeLessThan(record.rules[0]);
    expect(record.printed!.y1).toBeLessThan(record.rules[2]);
  });

  it('whatever line the date lands on, the 版记 is printed once, on the last page, at its foot, below everything else', () => {
    const seen: string[] = [];
    for (const n of SWEEP) {
      const name = `api-sweep-${n}`;
      const pages = readPages(pdf[name]);
      const record = measureRecord(pdf[name]);
      const datePage = pages.findIndex((p) => p.lines.some((l) => l.text === '2026年11月25日')) + 1;
      const date = pages[datePage - 1].lines.find((l) => l.text === '2026年11月25日')!;
      seen.push(`${n}: date p${datePage} ${date.y1.toFixed(1)} → 版记 p${record.page}/${pages.length} rules ${record.rules.map((r) => r.toFixed(1)).join(' ')}`);
      expect({ name, pages: record.pages }).toEqual({ name, pages: [pages.length] });
      expect({ name, rules: record.rules.length, atFoot: Math.abs(record.rules[record.rules.length - 1] - TEXT.bottom) < 1 }).toEqual({ name, rules: 3, atFoot: true });
      expect({ name, overlapping: record.overlapping }).toEqual({ name, overlapping: [] });
      if (record.page === datePage) expect({ name, clear: date.y1 < record.rules[0] }).toEqual({ name, clear: true });
      // three free lines under the date hold the 版记 (two lines and its rules): it stays on the date's page
      if (date.y1 < TEXT.bottom - 2 * LINE_PITCH_MM - 2) expect({ name, samePage: record.page === datePage }).toEqual({ name, samePage: true });
      // the date never stands alone: the attendance block is on its page
      expect({ name, withAttendance: pages[datePage - 1].lines.some((l) => l.text.startsWith('列席：')) }).toEqual({ name, withAttendance: true });
    }
    console.log(`版记 placement by tail position:\n${seen.join('\n')}`);
  });
});

describe('the sign-in sheet of the meeting, printed by LibreOffice', () => {
  it('prints every invitee in protocol order with the title, time and place, one page wide, nothing cut on the right', () => {
    const pages = readPages(pdf['api-signin']);
    expect(pages).toHaveLength(1);
    const [p] = pages;
    const all = p.lines.map((l) => l.text).join('\n');
    expect(all).toContain(`${TITLE} 签到表`.replace(/\s/g, ''));
    expect(all).toMatch(/2026年12月23日/);
    expect(all).toContain('市政府第一会议室');
    for (const h of ['序号', '姓名', '单位', '职务', '签到（本人签字）']) expect(all).toContain(h);
    // names in the order the attendance list gives them (protocol order), each once
    const at = invitees.map((r) => p.lines.findIndex((l) => l.text.includes(r.name)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(maxRight(pdf['api-signin'])).toBeLessThan(p.width - 5);
  });
});
