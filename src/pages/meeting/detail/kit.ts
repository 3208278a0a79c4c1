// What the meeting pages share (issue #8): their addresses, Shanghai calendar days without the
// timezone plugin (utils/date.ts explains why), the calendar entry (WeChat's phone calendar, an
// .ics file in a browser), the attendance file download and the page's read of its meeting
// (meeting.get). Type-only imports from the schemas.
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { FileLinkView, MeetingView } from '../../../../domain/schemas/meeting';
import { hasFlag } from '../../../../domain/workflow';
import { type MeetingFlag, type MeetingStatus, meetingWorkflow } from '../../../../domain/workflows/meeting';
import { type RecordPage, useRecordPage } from '../../../hooks/useRecordPage';
import { ApiError, call } from '../../../services/api';
import { openServerFile, safeFileName, saveBlob } from '../../../services/files';
import { PrivacyRefused, withPrivacy } from '../../../services/privacy';
import { openPage, queryValue } from '../../../utils/nav';

/** The meeting pages; home and the notifications link to these. */
export const MEETING_PAGES = {
  /** my invitations */
  mine: '/pages/meeting/mine/index',
  /** a meeting as an invitee sees it: `?id=` */
  detail: '/pages/meeting/detail/index',
  /** check-in: `?scene=` (the QR), or `?meetingId=` (& `code=`) */
  checkin: '/pages/meeting/checkin/index',
  /** the offices' console: `?id=` */
  console: '/packages/office/pages/meeting/index',
  /** the union side's request form */
  request: '/packages/office/pages/meeting-request/index',
  /** the notice preview and issue: `?id=` */
  notice: '/packages/office/pages/meeting-notice/index',
  /** issue #22: the door screen — rotating QR and the live board: `?id=` */
  door: '/packages/office/pages/door/index',
  /** issue #22: the big screen — the agenda under way and the board: `?id=` */
  screen: '/packages/office/pages/screen/index',
  /** issue #22: the rostrum and the hall, the chart and 桌签: `?id=` */
  seating: '/packages/office/pages/seating/index',
} as const;

/** Shanghai is UTC+8 without daylight saving since 1991. */
const SHANGHAI_MS = 8 * 3600 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of an instant in Shanghai, as YYYY-MM-DD. */
export function dayCN(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + SHANGHAI_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The time of day of an instant in Shanghai, as HH:mm. */
export function timeCN(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + SHANGHAI_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A Shanghai date (YYYY-MM-DD) and time (HH:mm) as the UTC ISO instant the contract takes. */
export function instantCN(date: string, time: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) return null;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +t[1], +t[2]) - SHANGHAI_MS).toISOString();
}

/** Whether today (this phone's clock, in Shanghai) is the meeting's day: the door is open. */
export function isMeetingDayCN(plannedAt: string, now: Date = new Date()): boolean {
  return dayCN(plannedAt) === dayCN(now);
}

/** Whether a meeting's state (as a view sends it) carries the workflow's `flag`, e.g. `upcoming`. */
export function meetingIs(state: string, flag: MeetingFlag): boolean {
  return hasFlag(meetingWorkflow, state as MeetingStatus, flag);
}

/** Art. 8's sections are numbered as an official document numbers them. */
export const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六'];

/** How long the meeting is planned to take: its agenda's minutes, else two hours. */
export function plannedMinutes(m: Pick<MeetingView, 'agenda'>): number {
  const sum = m.agenda.sections.reduce((n, s) => n + s.items.reduce((k, i) => k + (i.minutes || 0), 0), 0);
  return sum > 0 ? sum : 120;
}

/** Colour class of a reply (the answer is also always said in words). */
export function answerClass(answer: string | null | undefined): string {
  if (answer === 'attend') return 'mreply-tag mreply-tag--attend';
  if (answer === 'decline') return 'mreply-tag mreply-tag--decline';
  if (answer === 'substitute') return 'mreply-tag mreply-tag--substitute';
  return 'mreply-tag mreply-tag--none';
}

/** Colour class of a meeting state. */
export function stateClass(state: string): string {
  if (state === 'cancelled' || state === 'declined') return 'tag tag--withdrawn';
  if (state === 'in_session') return 'tag tag--accepted';
  if (state === 'notice_issued') return 'tag tag--merged';
  if (state === 'held' || state === 'minutes_issued' || state === 'closed') return 'tag tag--plain';
  return 'tag tag--submitted';
}

// ---- the calendar entry ----

function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function icsStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** RFC 5545 folds lines longer than 75 octets (UTF-8), continuing with a space. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    const n = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/** What the calendar entry says: the convening org, the notice, who presides, the agenda. */
export function calendarDescription(m: MeetingView): string {
  const lines = [`${m.orgName} ${m.kindLabel}`];
  if (m.docNumber) lines.push(`通知文号：${m.docNumber}`);
  if (m.presiding) lines.push(`主持：${m.presiding.name}（${m.presiding.title}）`);
  lines.push('会议议程：');
  m.agenda.sections.forEach((s, i) => lines.push(`${SECTION_NUMBERS[i] ?? i + 1}、${s.title}`));
  return lines.join('\n');
}

/** The meeting as an iCalendar file (times in UTC; one event, an alarm an hour before). */
export function icsOf(m: MeetingView, now: Date = new Date()): string {
  const start = new Date(m.plannedAt).getTime();
  const end = start + plannedMinutes(m) * 60_000;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//joint-meeting//lianxi huiyi//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${m.id}@joint-meeting`,
    // a rescheduled meeting updates the entry already in the calendar
    `SEQUENCE:${Math.max(0, m.scheduleVersion - 1)}`,
    `DTSTAMP:${icsStamp(now.getTime())}`,
    `DTSTART:${icsStamp(start)}`,
    `DTEND:${icsStamp(end)}`,
    `SUMMARY:${icsText(m.title)}`,
    ...(m.place ? [`LOCATION:${icsText(m.place)}`] : []),
    `DESCRIPTION:${icsText(calendarDescription(m))}`,
    'BEGIN:VALARM',
    'TRIGGER:-PT1H',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText(m.title)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}



/**
 * Puts the meeting into the phone's calendar: WeChat's addPhoneCalendar (it asks the person), or in a
 * browser an .ics file the phone's calendar opens. Resolves false when the person declined.
 */
export async function addToCalendar(m: MeetingView): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') {
    saveBlob(new Blob([icsOf(m)], { type: 'text/calendar;charset=utf-8' }), `${safeFileName(m.title)}.ics`);
    return true;
  }
  const start = Math.floor(new Date(m.plannedAt).getTime() / 1000);
  try {
    await withPrivacy('addPhoneCalendar', () => Taro.addPhoneCalendar({
      title: m.title,
      startTime: start,
      // typed as a string by Taro (WeChat's own documentation says so too)
      endTime: String(start + plannedMinutes(m) * 60),
      location: m.place ?? '',
      description: calendarDescription(m),
      alarm: true,
      alarmOffset: 3600,
    }));
    return true;
  } catch (e) {
    // issue #24: a declined privacy guide is said as such
    if (e instanceof PrivacyRefused) throw new ApiError('forbidden', e.message);
    const msg = String((e as { errMsg?: string })?.errMsg ?? '');
    if (/cancel|deny|denied/i.test(msg)) return false;
    throw new ApiError('internal', '未能添加到日历，请在微信设置中允许访问日历后重试');
  }
}

/** Opens an xlsx the server made (the attendance list, a checklist, the assessment). */
export function openExport(link: FileLinkView): Promise<void> {
  return openServerFile(link, {
    fileType: 'xlsx', gone: '文件已失效，请重新导出', failed: '下载失败，请稍后再试', cantOpen: '文件已下载，但无法打开，请安装可查看表格的应用',
  });
}

/**
 * Opens a page; when it is the page just below this one (the console opened the notice, say), goes
 * back to it instead, so the stack does not grow a loop.
 */
export function openOrBack(path: string, query: Record<string, string | undefined> = {}): void {
  try {
    const pages = Taro.getCurrentPages();
    const previous = pages.length > 1 ? pages[pages.length - 2] : undefined;
    const route = previous?.route ? `/${previous.route.replace(/^\//, '')}`.split('?')[0] : '';
    if (route === path) {
      void Taro.navigateBack({ delta: 1 });
      return;
    }
  } catch {
    // no page stack to read: open it
  }
  openPage(path, query);
}

/** The meeting named by the page's `?id=` (or `?meetingId=`), read with meeting.get; `missing` says why when there is no id. */
export function useMeetingRecord(missing: () => ApiError): { id: string; record: RecordPage<MeetingView> } {
  const { params } = useRouter();
  const id = queryValue(params, 'id') || queryValue(params, 'meetingId');
  const fetchMeeting = useCallback(() => call('meeting.get', { meetingId: id }), [id]);
  const record = useRecordPage(id ? fetchMeeting : null, missing);
  return { id, record };
}
