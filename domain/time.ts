// Time rules (DESIGN.md "Time"): stored in UTC ISO strings, computed in Asia/Shanghai,
// with `now` always passed in. Nothing here reads the system clock.
//
// Issues #18, #25: a small calendar of our own instead of dayjs and its utc/timezone plugins (11.4 KB
// of every cloud function bundle): a CnTime is an instant and the Shanghai offset it is read in,
// with the few operations the rules use (add, startOf('day'), diff in days, set the hour, format),
// each as dayjs did them. domain/time.test.ts checks it against the tz database (dayjs.tz, Intl) on
// every day of 1992–2100 and before 1992 (the reference, dayjs.tz, is domain/time-zone.ts's
// `cnByZone`, which nothing but the test and bench/time.ts imports); docs/issue-18-bundles.md.

export const TZ = 'Asia/Shanghai';

export type Instant = Date | string;

/**
 * Issue #25: China has kept UTC+08:00 without daylight saving since 1991 (its last DST ended on
 * 1991-09-15), so from 1992 on the Shanghai wall clock is UTC shifted by a fixed 480 minutes, with
 * no Intl lookup. Earlier instants go through the tz database (Intl).
 */
const FIXED_FROM = Date.UTC(1991, 11, 31, 16); // 1992-01-01 00:00 in Shanghai
const OFFSET_MIN = 480;
const MIN = 60_000;
const DAY = 86_400_000;

/** dayjs's reading of a string without a zone (a local wall clock, or UTC for `utc`), else Date's. */
const PARSE = /^(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?$/;
function parse(at: Instant, utc = false): number {
  if (at instanceof Date) return at.getTime();
  const d = /Z$/i.test(at) ? null : at.match(PARSE);
  if (!d) return new Date(at).getTime();
  const parts = [+d[1], +d[2] - 1 || 0, +(d[3] || 1), +(d[4] || 0), +(d[5] || 0), +(d[6] || 0), +(d[7] || '0').substring(0, 3)] as const;
  return utc ? Date.UTC(...parts) : new Date(...parts).getTime();
}

let zone: Intl.DateTimeFormat | undefined;
/** Shanghai's offset (minutes east of UTC) at `ms` by the tz database: before 1992 only. */
function zoneOffset(ms: number): number {
  zone ??= new Intl.DateTimeFormat('en-US', { timeZone: TZ, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const p = Object.fromEntries(zone.formatToParts(new Date(ms)).map((x) => [x.type, +x.value]));
  const second = ms - (((ms % 1000) + 1000) % 1000);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - second) / MIN);
}

const offsetAt = (ms: number): number => (ms >= FIXED_FROM || Number.isNaN(ms) ? OFFSET_MIN : zoneOffset(ms));
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** |n| rounded towards zero (dayjs's diff) */
const towardZero = (n: number): number => (n < 0 ? Math.ceil(n) || 0 : Math.floor(n));

type Unit = 'day' | 'week' | 'month' | 'year' | 'hour' | 'minute' | 'second';

/** An instant read on the Shanghai wall clock, at the offset in force at that instant (fixed for the value). */
export class CnTime {
  constructor(
    private readonly ms: number,
    private readonly offset: number,
  ) {}

  /** the wall clock as a Date whose UTC fields are Shanghai's */
  private get wall(): Date {
    return new Date(this.ms + this.offset * MIN);
  }

  private withWall(wall: number): CnTime {
    return new CnTime(wall - this.offset * MIN, this.offset);
  }

  isValid(): boolean {
    return !Number.isNaN(this.ms);
  }

  valueOf(): number {
    return this.ms;
  }

  toDate(): Date {
    return new Date(this.ms);
  }

  /** UTC ISO (throws on an invalid instant, as Date does) */
  toISOString(): string {
    return new Date(this.ms).toISOString();
  }

  year(): number {
    return this.wall.getUTCFullYear();
  }

  /** 0–11, as Date and dayjs count */
  month(): number {
    return this.wall.getUTCMonth();
  }

  /** the day of the month */
  date(): number {
    return this.wall.getUTCDate();
  }

  /** the day of the week, 0 = Sunday */
  day(): number {
    return this.wall.getUTCDay();
  }

  hour(): number;
  hour(set: number): CnTime;
  hour(set?: number): number | CnTime {
    return this.field(set, (w) => w.getUTCHours(), (w, v) => w.setUTCHours(v));
  }

  minute(): number;
  minute(set: number): CnTime;
  minute(set?: number): number | CnTime {
    return this.field(set, (w) => w.getUTCMinutes(), (w, v) => w.setUTCMinutes(v));
  }

  second(): number;
  second(set: number): CnTime;
  second(set?: number): number | CnTime {
    return this.field(set, (w) => w.getUTCSeconds(), (w, v) => w.setUTCSeconds(v));
  }

  millisecond(): number;
  millisecond(set: number): CnTime;
  millisecond(set?: number): number | CnTime {
    return this.field(set, (w) => w.getUTCMilliseconds(), (w, v) => w.setUTCMilliseconds(v));
  }

  private field(set: number | undefined, get: (w: Date) => number, put: (w: Date, v: number) => number): number | CnTime {
    const w = this.wall;
    if (set === undefined) return get(w);
    return this.withWall(put(w, set));
  }

  /** Calendar units on the wall clock (a month or year ends on the last day of a shorter month), the others in elapsed time — as dayjs. */
  add(n: number, unit: Unit): CnTime {
    if (unit === 'hour' || unit === 'minute' || unit === 'second') return new CnTime(this.ms + n * (unit === 'hour' ? 60 * MIN : unit === 'minute' ? MIN : 1000), this.offset);
    const w = this.wall;
    if (unit === 'day' || unit === 'week') return this.withWall(w.setUTCDate(w.getUTCDate() + Math.round(n * (unit === 'week' ? 7 : 1))));
    const day = w.getUTCDate();
    w.setUTCDate(1);
    if (unit === 'month') w.setUTCMonth(w.getUTCMonth() + Math.round(n));
    else w.setUTCFullYear(w.getUTCFullYear() + Math.round(n));
    const last = new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth() + 1, 0)).getUTCDate();
    return this.withWall(w.setUTCDate(Math.min(day, last)));
  }

  subtract(n: number, unit: Unit): CnTime {
    return this.add(-n, unit);
  }

  startOf(_unit: 'day'): CnTime {
    const w = this.wall;
    return this.withWall(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()));
  }

  /** Whole days from `other` to this, on the wall clocks of both (towards zero) — as dayjs. */
  diff(other: CnTime, _unit: 'day'): number {
    return towardZero((this.ms - other.ms + (this.offset - other.offset) * MIN) / DAY);
  }

  /** dayjs's tokens YYYY MM M DD D HH H mm m ss s SSS, and [escaped] text */
  format(template: string): string {
    if (!this.isValid()) return 'Invalid Date';
    const w = this.wall;
    const v: Record<string, string> = {
      YYYY: pad(w.getUTCFullYear(), 4), MM: pad(w.getUTCMonth() + 1), M: String(w.getUTCMonth() + 1), DD: pad(w.getUTCDate()), D: String(w.getUTCDate()),
      HH: pad(w.getUTCHours()), H: String(w.getUTCHours()), mm: pad(w.getUTCMinutes()), m: String(w.getUTCMinutes()), ss: pad(w.getUTCSeconds()), s: String(w.getUTCSeconds()),
      SSS: pad(w.getUTCMilliseconds(), 3),
    };
    return template.replace(/\[([^\]]+)]|YYYY|MM?|DD?|HH?|mm?|ss?|SSS/g, (token, text?: string) => text ?? v[token]);
  }
}

/** The instant on the Shanghai wall clock. */
export function cn(at: Instant): CnTime {
  const ms = parse(at);
  return new CnTime(ms, offsetAt(ms));
}

/** ISO string in UTC, the storage format (throws on an invalid instant, as Date does). */
export function iso(at: Instant | CnTime): string {
  return new Date(at instanceof CnTime ? at.valueOf() : parse(at)).toISOString();
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
  const wall = parse(`${date}T${time}`, true);
  // the fixed offset from 1992 on (see cn()); before, the tz database's offset for that wall time,
  // found as dayjs.tz does (a guess at today's offset, corrected once or twice)
  if (wall - OFFSET_MIN * MIN >= FIXED_FROM) return iso(new Date(wall - OFFSET_MIN * MIN));
  let guess = wall - OFFSET_MIN * MIN;
  const o2 = zoneOffset(guess);
  if (o2 === OFFSET_MIN) return iso(new Date(guess));
  guess -= (o2 - OFFSET_MIN) * MIN;
  const o3 = zoneOffset(guess);
  return iso(new Date(o2 === o3 ? guess : wall - Math.min(o2, o3) * MIN));
}
