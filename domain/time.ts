// Time rules (DESIGN.md "Time"): stored in UTC ISO strings, computed in Asia/Shanghai,
// with `now` always passed in. Nothing here reads the system clock.
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TZ = 'Asia/Shanghai';

export type Instant = Date | string;

/**
 * Issue #25: China has kept UTC+08:00 without daylight saving since 1991 (its last DST ended on
 * 1991-09-15), so from 1992 on the Shanghai wall clock is UTC shifted by a fixed 480 minutes — a
 * fixed-offset dayjs, with no Intl lookup. Earlier instants (and anything unparsable) go through the
 * tz database. test: domain/time.test.ts compares both over every day of 1992–2100.
 */
const FIXED_FROM = Date.UTC(1991, 11, 31, 16); // 1992-01-01 00:00 in Shanghai
const OFFSET_MIN = 480;

/** The instant as a dayjs in Asia/Shanghai. */
export function cn(at: Instant): Dayjs {
  const d = dayjs(at);
  const ms = d.valueOf();
  return ms >= FIXED_FROM ? d.utcOffset(OFFSET_MIN) : d.tz(TZ);
}

/** The same, always through the tz database (the reference the fast path is tested against). */
export function cnByZone(at: Instant): Dayjs {
  return dayjs(at).tz(TZ);
}

/** ISO string in UTC, the storage format. */
export function iso(at: Instant | Dayjs): string {
  return (dayjs.isDayjs(at) ? at : dayjs(at)).toDate().toISOString();
}

export function yearCN(at: Instant): number {
  return cn(at).year();
}

/** Start of the calendar day in Shanghai of `at`, as a UTC ISO string. */
export function startOfDayCN(at: Instant): string {
  return iso(cn(at).startOf('day'));
}

/** `months` calendar months before/after `at`, counted in Shanghai. */
export function addMonthsCN(at: Instant, months: number): string {
  return iso(cn(at).add(months, 'month'));
}

export function addDaysCN(at: Instant, days: number): string {
  return iso(cn(at).add(days, 'day'));
}

/** Whole Shanghai calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: Instant, to: Instant): number {
  return cn(to).startOf('day').diff(cn(from).startOf('day'), 'day');
}

/** e.g. 2026年11月25日 */
export function formatDateCN(at: Instant): string {
  return cn(at).format('YYYY年M月D日');
}

/** e.g. 2026年11月25日 09:30 */
export function formatDateTimeCN(at: Instant): string {
  return cn(at).format('YYYY年M月D日 HH:mm');
}

/** Build an instant from a Shanghai wall-clock time, e.g. ('2027-01-28', '09:30'). */
export function fromCN(date: string, time = '00:00'): string {
  const wall = dayjs.utc(`${date}T${time}`);
  // the fixed offset from 1992 on (see cn()); before, the tz database's rules for that day
  if (wall.isValid() && wall.valueOf() - OFFSET_MIN * 60_000 >= FIXED_FROM) return iso(wall.subtract(OFFSET_MIN, 'minute'));
  return iso(dayjs.tz(`${date} ${time}`, TZ));
}
