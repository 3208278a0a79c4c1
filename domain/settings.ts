// Rule parameters per org, versioned by the date they take effect (Art. 13). Defaults are the
// 2024 rules (巴政办字〔2024〕28号): collection 2 months before (Art. 6), once a year (Art. 4).

export interface RuleParams {
  /** Art. 6: topic collection starts this many months before the meeting */
  topicLeadMonths: number;
  /** Art. 11: a task is "due soon" (yellow) this many days before its deadline */
  dueSoonDays: number;
  /** Art. 4: regular meetings a year, in principle */
  regularMeetingsPerYear: number;
}

export const DEFAULT_RULES: RuleParams & { source: string; effectiveFrom: string } = {
  topicLeadMonths: 2,
  dueSoonDays: 7,
  regularMeetingsPerYear: 1,
  source: '巴政办字〔2024〕28号',
  effectiveFrom: '2024-03-25T16:00:00.000Z', // 2024-03-26 in Shanghai, the date the rules were issued
};

export interface VersionedParams extends RuleParams {
  effectiveFrom: string;
}

/** The parameters in force at `now`: the latest version whose effective date has come. */
export function paramsAt(versions: readonly VersionedParams[], now: Date): RuleParams {
  const at = now.toISOString();
  const inForce = versions
    .filter((v) => v.effectiveFrom <= at)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  const { topicLeadMonths, dueSoonDays, regularMeetingsPerYear } = inForce ?? DEFAULT_RULES;
  return { topicLeadMonths, dueSoonDays, regularMeetingsPerYear };
}
