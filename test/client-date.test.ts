// Issue #25: the app's date formats (src/utils/date.ts) without dayjs, held to what the dayjs version
// answered (dayjs + utc at a fixed +08:00, the zone-less strings read as the phone's own wall clock in
// China) for every kind of string the app shows.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { formatDateCN, formatDateTimeCN, formatDateTimeShortCN } from '../src/utils/date';

dayjs.extend(utc);
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** The dayjs version, on a phone whose clock is China's (zone-less strings are local = Shanghai). */
function reference(iso: string): [string, string, string] {
  const zoneless = !/(Z|[+-]\d{2}:?\d{2})$/.test(iso);
  const d = zoneless ? dayjs.utc(iso).utcOffset(480, true) : dayjs(iso).utcOffset(480);
  if (!d.isValid()) return ['', '', ''];
  return [d.format('YYYY年M月D日'), `${d.format('YYYY年M月D日')} 周${WEEKDAYS[d.day()]} ${d.format('HH:mm')}`, d.format('YYYY年M月D日 HH:mm')];
}
const ours = (iso: string): [string, string, string] => [formatDateCN(iso), formatDateTimeCN(iso), formatDateTimeShortCN(iso)];

it('answers as dayjs did for 20,000 instants of 1992–2100 sent as ISO strings (and at each day boundary)', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const from = Date.UTC(1992, 0, 1);
  const to = Date.UTC(2100, 11, 31);
  const isos: string[] = [];
  for (let i = 0; i < 20000; i += 1) isos.push(new Date(from + Math.floor(rand() * (to - from))).toISOString());
  // Shanghai's midnight is 16:00 UTC the day before
  for (const day of ['2026-03-17', '2026-12-31', '2028-02-28', '2028-02-29']) {
    for (const t of ['15:59:59.999', '16:00:00.000', '16:00:00.001']) isos.push(`${day}T${t}Z`);
  }
  const differ = isos.filter((iso) => ours(iso).join('|') !== reference(iso).join('|'));
  expect(differ).toEqual([]);
});

it('reads a zone-less string as Shanghai wall-clock time, and an offset as given', () => {
  expect(ours('2026-03-18')).toEqual(['2026年3月18日', '2026年3月18日 周三 00:00', '2026年3月18日 00:00']);
  expect(ours('2026-03-18T09:30')).toEqual(['2026年3月18日', '2026年3月18日 周三 09:30', '2026年3月18日 09:30']);
  expect(ours('2026-03-18 09:30:15')).toEqual(reference('2026-03-18 09:30:15'));
  expect(ours('2026-03-18T01:30:00.000Z')).toEqual(['2026年3月18日', '2026年3月18日 周三 09:30', '2026年3月18日 09:30']);
  expect(ours('2026-03-18T09:30:00+08:00')).toEqual(['2026年3月18日', '2026年3月18日 周三 09:30', '2026年3月18日 09:30']);
});

it('shows nothing for what is not a date', () => {
  for (const bad of ['', 'x', '2026-13-01', '2026-02-30', 'not a date']) expect({ bad, out: ours(bad) }).toEqual({ bad, out: ['', '', ''] });
});
