import { DEFAULT_RULES, paramsAt } from './settings';

describe('rule parameters versioned per org (Art. 13)', () => {
  const v = (effectiveFrom: string, topicLeadMonths: number) => ({ effectiveFrom, topicLeadMonths, dueSoonDays: 7, regularMeetingsPerYear: 1 });

  it('falls back to the 2024 rules: collection two months ahead', () => {
    expect(paramsAt([], new Date('2026-11-24T00:00:00Z')).topicLeadMonths).toBe(DEFAULT_RULES.topicLeadMonths);
    expect(DEFAULT_RULES.topicLeadMonths).toBe(2);
  });

  it('applies the latest version already in force, never a future one', () => {
    const versions = [v('2024-03-25T16:00:00.000Z', 2), v('2026-01-01T00:00:00.000Z', 3), v('2027-01-01T00:00:00.000Z', 1)];
    expect(paramsAt(versions, new Date('2025-06-01T00:00:00Z')).topicLeadMonths).toBe(2);
    expect(paramsAt(versions, new Date('2026-11-24T00:00:00Z')).topicLeadMonths).toBe(3);
    expect(paramsAt(versions, new Date('2027-02-01T00:00:00Z')).topicLeadMonths).toBe(1);
  });
});
