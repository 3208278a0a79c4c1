import { addMonthsCN, calendarDaysBetween, formatDateCN, fromCN, startOfDayCN, yearCN } from './time';

describe('time rules in Asia/Shanghai', () => {
  it('puts 23:30 UTC on Dec 31 into the next Shanghai year', () => {
    expect(yearCN('2026-12-31T23:30:00Z')).toBe(2027);
    expect(yearCN('2026-12-31T15:59:59Z')).toBe(2026);
  });

  it('counts calendar days in Shanghai, not UTC', () => {
    // 07:00 and 17:00 Shanghai on Mar 1 are the same day; 23:00 Feb 28 Shanghai is the day before
    expect(calendarDaysBetween('2026-02-28T23:00:00Z', '2026-03-01T09:00:00Z')).toBe(0);
    expect(calendarDaysBetween('2026-02-28T15:00:00Z', '2026-03-01T09:00:00Z')).toBe(1);
    expect(calendarDaysBetween('2026-02-28T15:59:00Z', '2026-02-28T16:00:00Z')).toBe(1);
  });

  it('moves two months back for topic collection (Art. 6)', () => {
    const meeting = fromCN('2027-01-28', '09:30');
    expect(meeting).toBe('2027-01-28T01:30:00.000Z');
    expect(addMonthsCN(meeting, -2)).toBe('2026-11-28T01:30:00.000Z');
  });

  it('starts the day at Shanghai midnight and formats in Chinese', () => {
    expect(startOfDayCN('2026-11-24T20:00:00Z')).toBe('2026-11-24T16:00:00.000Z');
    expect(formatDateCN('2026-11-24T20:00:00Z')).toBe('2026年11月25日');
  });
});

import { checkInScene, parseCheckInScene } from './meeting-rules';

describe('the check-in QR scene (WeChat: ≤ 32 visible ASCII characters)', () => {
  it('carries a 32-hex meeting id and the code within 32 characters, and back', () => {
    const id = '0123456789abcdef0123456789abcdef';
    const scene = checkInScene(id, '042917');
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(scene).toMatch(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/);
    expect(parseCheckInScene(scene)).toEqual({ meetingId: id, code: '042917' });
    expect(parseCheckInScene(checkInScene('m-city-current', '000001'))).toEqual({ meetingId: 'm-city-current', code: '000001' });
    expect(parseCheckInScene('garbage')).toBeNull();
  });
});

import { addDaysCN, cn } from './time';
import { cnByZone } from './time-zone';

describe('the fixed-offset fast path (issue #25) agrees with the tz database', () => {
  // The tz database read directly through one reused Intl formatter (dayjs.tz makes one per call:
  // 160,000 of those take a minute), and dayjs.tz itself on every 29th day.
  const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const wall = (ms: number) => {
    const p = Object.fromEntries(zone.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  };

  it('on every day of 1992–2100 at the Shanghai day boundaries, and for wall-clock instants', () => {
    const day = 86_400_000;
    const wrong: string[] = [];
    let n = 0;
    for (let t = Date.UTC(1991, 11, 31, 16); t < Date.UTC(2101, 0, 1); t += day, n += 1) {
      for (const at of [t - 1, t, t + 1, t + 9.5 * 3_600_000]) {
        const fast = cn(new Date(at));
        if (fast.format('YYYY-MM-DD HH:mm:ss') !== wall(at)) wrong.push(new Date(at).toISOString());
        if (n % 29 === 0 && fast.startOf('day').valueOf() !== cnByZone(new Date(at)).startOf('day').valueOf()) wrong.push(`start of day ${new Date(at).toISOString()}`);
      }
    }
    expect(n).toBeGreaterThan(39_000);
    expect(wrong).toEqual([]);
    expect(fromCN('1992-01-01', '00:00')).toBe('1991-12-31T16:00:00.000Z');
    expect(fromCN('2100-12-31', '23:59')).toBe('2100-12-31T15:59:00.000Z');
  });

  it('keeps the tz database before 1992 (China observed daylight saving 1986–1991)', () => {
    // 1988-07-01 12:00 Shanghai was UTC+9 (DST): 03:00 UTC
    expect(fromCN('1988-07-01', '12:00')).toBe('1988-07-01T03:00:00.000Z');
    expect(cn('1988-07-01T03:00:00Z').format('HH:mm')).toBe('12:00');
  });

  it('adds calendar months and days in the fixed offset the same as the tz database', () => {
    expect(addMonthsCN('2027-01-31T01:30:00Z', 1)).toBe(cnByZone('2027-01-31T01:30:00Z').add(1, 'month').toDate().toISOString());
    expect(addDaysCN('2026-12-31T16:30:00Z', 1)).toBe('2027-01-01T16:30:00.000Z');
    expect(startOfDayCN('2026-12-31T16:30:00Z')).toBe('2026-12-31T16:00:00.000Z');
  });
});
