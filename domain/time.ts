// Time rules (DESIGN.md "Time"): stored in UTC ISO strings, computed in Asia/Shanghai,
// with `now` always passed in. Nothing here reads the system clock.
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TZ = 'Asia/Shanghai';

export type Instant = Date | string;

/** The instant as a dayjs in Asia/Shanghai. */
export function cn(at: Instant): Dayjs {
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
  return iso(dayjs.tz(`${date} ${time}`, TZ));
}
