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
