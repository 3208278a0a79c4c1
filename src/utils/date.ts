// Dates arrive as UTC ISO strings and are shown in Asia/Shanghai (DESIGN.md "Time").
// Shanghai has been UTC+8 without daylight saving since 1991, so a fixed offset is exact for every
// date the app shows. Issue #25: read here without dayjs (8–11 KB of the weapp main package for
// three formats); test/client-date.test.ts holds these to dayjs's answers.

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** A string without a zone: a wall-clock time in Shanghai already, as dayjs read it on a phone in China. */
const WALL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$/;

interface Wall {
  year: number;
  month: number;
  date: number;
  weekday: number;
  hour: number;
  minute: number;
}

function inShanghai(iso: string): Wall | null {
  const m = WALL.exec(iso);
  // a zone-less string: its fields, checked to be a real day and time
  const t = m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) : Date.parse(iso) + SHANGHAI_OFFSET_MS;
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  if (m && (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3] || d.getUTCHours() !== +(m[4] ?? 0) || d.getUTCMinutes() !== +(m[5] ?? 0))) return null;
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate(), weekday: d.getUTCDay(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

const two = (n: number) => String(n).padStart(2, '0');
const dayOf = (w: Wall) => `${w.year}年${w.month}月${w.date}日`;
const timeOf = (w: Wall) => `${two(w.hour)}:${two(w.minute)}`;

/** e.g. 2026年3月18日 */
export function formatDateCN(iso: string): string {
  const w = inShanghai(iso);
  return w ? dayOf(w) : '';
}

/** e.g. 2026年3月18日 周三 09:30 */
export function formatDateTimeCN(iso: string): string {
  const w = inShanghai(iso);
  return w ? `${dayOf(w)} 周${WEEKDAYS[w.weekday]} ${timeOf(w)}` : '';
}

/** e.g. 2026年3月18日 09:30 (lists, where the weekday is noise) */
export function formatDateTimeShortCN(iso: string): string {
  const w = inShanghai(iso);
  return w ? `${dayOf(w)} ${timeOf(w)}` : '';
}
