// The tz database's Shanghai through dayjs (utc + timezone plugins): the reference domain/time.ts's
// own calendar is tested against (domain/time.test.ts, bench/time.ts). No function code uses it, so
// no cloud function bundle carries dayjs (issues #18, #25; docs/issue-18-bundles.md).
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The instant as a dayjs in Asia/Shanghai, always through the tz database. */
export function cnByZone(at: Date | string): Dayjs {
  return dayjs(at).tz('Asia/Shanghai');
}
