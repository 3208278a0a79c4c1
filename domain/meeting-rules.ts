// Art. 4, 5, 7, 8 as data and small pure rules: who an office may invite, who may preside, when the
// door is open, whether collection started late, and the next step of a meeting in words.
import { hasAnyRole, ROLE_INFO, type Role } from './roles';
import { addDaysCN, addMonthsCN, calendarDaysBetween, formatDateCN, formatDateTimeCN, startOfDayCN, type Instant } from './time';
import type { MeetingKind, MeetingStatus } from './workflows/meeting';
import type { OneSide } from './topic-rules';

/** Art. 7: each office coordinates its own side's attendees (the union office also the guests). */
export const OFFICE_SIDE: Partial<Record<Role, OneSide>> = { gov_office: 'gov', union_office: 'union' };

/** The side a person belongs to, by their roles (representatives are on the union side). */
export function sideOf(roles: readonly Role[]): OneSide {
  return roles.some((r) => ROLE_INFO[r].side === 'gov') ? 'gov' : 'union';
}

/** The sides whose people this caller may invite. */
export function invitableSides(roles: readonly Role[]): OneSide[] {
  return [...new Set(roles.map((r) => OFFICE_SIDE[r]).filter((s): s is OneSide => !!s))];
}

/** Art. 8 + 4: the attending government leader presides; the mayor for a special major matter. */
export const MAY_PRESIDE: readonly Role[] = ['gov_leader', 'mayor'];
export const mayPreside = (roles: readonly Role[]) => hasAnyRole(roles, MAY_PRESIDE);

/** Check-in is open on the meeting's day (Asia/Shanghai) only. */
export function isMeetingDay(plannedAt: Instant, now: Instant): boolean {
  return calendarDaysBetween(plannedAt, now) === 0;
}

/** Issue #16: the meeting may be opened at most this long before its planned time. */
export const START_EARLY_MS = 2 * 3600_000;

/**
 * Issue #16: the meeting happens on its day. It is opened on the planned day in Shanghai, at most
 * two hours before the planned time, and closed on that day; otherwise the office reschedules
 * first (a 变更通知 once the notice is out). Answers why not, in words, or null.
 */
export function meetingDayProblem(event: 'start' | 'adjourn', plannedAt: Instant, now: Instant): string | null {
  const day = formatDateCN(plannedAt);
  // a meeting opened on its day and not closed by midnight may still be closed (heldAt: heldOn)
  if (event === 'adjourn') return calendarDaysBetween(plannedAt, now) < 0 ? `会议定于${day}召开，不能提前宣布散会` : null;
  if (!isMeetingDay(plannedAt, now)) return `会议定于${day}召开，只能在当天宣布开会；如需改期，请先由政府办公室调整会议时间`;
  if (event === 'start' && new Date(now).getTime() < new Date(plannedAt).getTime() - START_EARLY_MS) {
    return `会议定于${formatDateTimeCN(plannedAt)}召开，最早可在开会前两小时宣布开会`;
  }
  return null;
}

/** Issue #16: `heldAt` is the planned day — the adjourning time, or that day's end when closed later. */
export function heldOn(plannedAt: Instant, now: Instant): string {
  if (isMeetingDay(plannedAt, now)) return new Date(now).toISOString();
  return new Date(new Date(addDaysCN(startOfDayCN(plannedAt), 1)).getTime() - 1000).toISOString();
}

/** Art. 6: a regular meeting's collection should open `leadMonths` before it; later is flagged. */
export function collectionIsLate(kind: MeetingKind, plannedAt: Instant, now: Instant, leadMonths: number): boolean {
  return kind === 'regular' && new Date(now).toISOString() > addMonthsCN(plannedAt, -leadMonths);
}

/**
 * Issue #22: the door's code rotates. A code belongs to one 30-second window of one meeting (an
 * HMAC of the meeting's secret, its id and the window); it is accepted in its window and the next
 * (clock skew), so a photo forwarded to a group chat is useless a minute later. A scan kept on a
 * phone without network is judged at the scan time it reports, up to 12 hours later.
 */
export const DOOR_WINDOW_MS = 30_000;
export const OFFLINE_SCAN_MS = 12 * 3600_000;
/** How far back an old code is still recognised, to say 已过期 rather than 不正确. */
export const DOOR_EXPIRED_WINDOWS = 480;
export const doorWindow = (at: Instant): number => Math.floor(new Date(at).getTime() / DOOR_WINDOW_MS);

/**
 * Issue #22: materials that stay in the room. 公开 materials are read by invitees from the notice on;
 * 会内 materials open only in the in-app viewer, watermarked with the reader's name and time, and stop
 * opening this many days after the meeting.
 */
export const MATERIAL_VISIBILITY = { public: '公开', meeting: '会内' } as const;
export type MaterialVisibility = keyof typeof MATERIAL_VISIBILITY;
export const MATERIAL_DAYS_AFTER = 3;

/** Wrong check-in codes a person may try per meeting before being stopped. */
export const CHECK_IN_ATTEMPTS = 5;

/** The next step of a meeting and who takes it, for the offices' console. */
export const NEXT_STEP: Partial<Record<MeetingStatus, string>> = {
  requested: '政府方审核提请（政府办公室、召集人或总召集人）',
  accepted: '办公室启动议题征集',
  collecting: '审核议题、征求意见，双方确认议题清单',
  list_fixed: '政府办公室印发会议通知',
  notice_issued: '参会人员回复；会议当天签到、开会',
  in_session: '会议进行中：结束时宣布散会',
  held: '总工会办公室起草会议纪要',
};

export const REPLY_LABEL = { attend: '已确认参加', decline: '请假', substitute: '委托代会' } as const;
export const NO_REPLY_LABEL = '未回复';

/**
 * The check-in QR's scene: WeChat allows 32 visible ASCII characters ([0-9A-Za-z] and a few marks),
 * so a 32-hex meeting id travels as 22 base64url characters, then ':' and the 6-digit code.
 * No Buffer here (domain/ runs in the mini-program too).
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function hexToB64url(hex: string): string {
  let bits = '';
  for (const h of hex) bits += parseInt(h, 16).toString(2).padStart(4, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 6) out += B64[parseInt(bits.slice(i, i + 6).padEnd(6, '0'), 2)];
  return out;
}

function b64urlToHex(s: string, hexLength: number): string {
  let bits = '';
  for (const c of s) bits += B64.indexOf(c).toString(2).padStart(6, '0');
  let out = '';
  for (let i = 0; i < hexLength * 4; i += 4) out += parseInt(bits.slice(i, i + 4), 2).toString(16);
  return out;
}

export function checkInScene(meetingId: string, code: string): string {
  const id = /^[0-9a-f]{32}$/.test(meetingId) ? `~${hexToB64url(meetingId)}` : meetingId;
  return `${id}:${code}`;
}

export function parseCheckInScene(scene: string): { meetingId: string; code: string } | null {
  const m = /^(~[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{1,24}):([0-9]{6})$/.exec(scene);
  if (!m) return null;
  const meetingId = m[1].startsWith('~') ? b64urlToHex(m[1].slice(1), 32) : m[1];
  return { meetingId, code: m[2] };
}
