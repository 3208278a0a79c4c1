// Dates arrive as UTC ISO strings and are shown in Asia/Shanghai (DESIGN.md "Time").
// Shanghai has been UTC+8 without daylight saving since 1991, so a fixed offset is exact for every
// date the app shows; it also avoids dayjs' timezone plugin, whose Intl.DateTimeFormat lookups are
// not available in every mini-program JavaScript engine.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function inShanghai(iso: string): dayjs.Dayjs | null {
  const d = dayjs(iso);
  return d.isValid() ? d.utcOffset(SHANGHAI_OFFSET_MINUTES) : null;
}

/** e.g. 2026年3月18日 */
export function formatDateCN(iso: string): string {
  const d = inShanghai(iso);
  return d ? d.format('YYYY年M月D日') : '';
}

/** e.g. 2026年3月18日 周三 09:30 */
export function formatDateTimeCN(iso: string): string {
  const d = inShanghai(iso);
  return d ? `${d.format('YYYY年M月D日')} 周${WEEKDAYS[d.day()]} ${d.format('HH:mm')}` : '';
}

/** e.g. 2026年3月18日 09:30 (lists, where the weekday is noise) */
export function formatDateTimeShortCN(iso: string): string {
  const d = inShanghai(iso);
  return d ? d.format('YYYY年M月D日 HH:mm') : '';
}
