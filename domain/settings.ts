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

/** Art. 13: the rules in force replace those of 2020, repealed on the day they took effect. */
export const REPEALED_RULES = { source: '巴政办字〔2020〕138号', repealedOn: DEFAULT_RULES.effectiveFrom } as const;

export interface VersionedParams extends RuleParams {
  effectiveFrom: string;
  source?: string;
}

/** The parameters in force with the version they come from (issue #12: a meeting records it). */
export interface ParamsInForce extends RuleParams {
  effectiveFrom: string;
  source: string;
}

/** Art. 13 (issue #12): what an office may set, and the bounds of each. */
export const PARAM_BOUNDS: Record<keyof RuleParams, { min: number; max: number; label: string; unit: string }> = {
  topicLeadMonths: { min: 1, max: 6, label: '议题征集提前', unit: '个月' },
  dueSoonDays: { min: 1, max: 30, label: '任务临期提醒', unit: '天' },
  regularMeetingsPerYear: { min: 1, max: 4, label: '每年例会', unit: '次' },
};

/** The version in force at `now` with its date and source (the defaults when none has come yet). */
export function inForceAt(versions: readonly VersionedParams[], now: Date): ParamsInForce {
  const at = now.toISOString();
  const v = versions.filter((x) => x.effectiveFrom <= at).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  const { topicLeadMonths, dueSoonDays, regularMeetingsPerYear } = v ?? DEFAULT_RULES;
  return { topicLeadMonths, dueSoonDays, regularMeetingsPerYear, effectiveFrom: v?.effectiveFrom ?? DEFAULT_RULES.effectiveFrom, source: v?.source ?? DEFAULT_RULES.source };
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

/**
 * Issue #20: the task escalation ladder and the duties after a meeting (Art. 11, 13), per org. A
 * parameter version may carry any of them; what it does not carry is the default. The yellow window
 * is `dueSoonDays` above, so the lights and the ladder come from the same rule.
 */
export interface LadderParams {
  /** hour (Shanghai) of the ladder's reminders: due today, overdue, the weekly digest */
  ladderHour: number;
  /** overdue this many days → also the unit head and the keeping side's convenors, in a weekly digest */
  escalateAfterDays: number;
  /** days after the meeting the union office is reminded to draft the minutes, while not submitted */
  minutesDraftDays: readonly number[];
  /** days after the minutes reach a stage its approvers are reminded */
  approverDays: number;
}

export const DEFAULT_LADDER: LadderParams = { ladderHour: 8, escalateAfterDays: 7, minutesDraftDays: [3, 7], approverDays: 2 };

export const LADDER_BOUNDS: Record<Exclude<keyof LadderParams, 'minutesDraftDays'>, { min: number; max: number; label: string; unit: string }> = {
  ladderHour: { min: 7, max: 21, label: '任务提醒时间', unit: '点' },
  escalateAfterDays: { min: 1, max: 60, label: '逾期升级提醒', unit: '天' },
  approverDays: { min: 1, max: 14, label: '纪要审核催办', unit: '天' },
};

/**
 * Issue #20: the ladder's parameters an office sets on 规则参数 with the others (the same form, the
 * same confirmation, from an effective date) — those the ladder reads when it fires, so a change
 * applies to every task from its date: how many days overdue a task joins the weekly digest to the
 * convenors and the unit head. The hour, the minutes-draft days and the approvers' days stay the
 * defaults for now: the task and minutes areas schedule their reminders with them.
 */
export const LADDER_SETTINGS = ['escalateAfterDays'] as const;
export type LadderSetting = (typeof LADDER_SETTINGS)[number];

/** Every parameter 规则参数 shows and sets, with its bounds: the rules' (Art. 4, 6, 11) and the ladder's. */
export type SettingKey = keyof RuleParams | LadderSetting;
export const SETTING_BOUNDS: Record<SettingKey, { min: number; max: number; label: string; unit: string }> = {
  ...PARAM_BOUNDS,
  escalateAfterDays: LADDER_BOUNDS.escalateAfterDays,
};

const inBounds = (v: unknown, b: { min: number; max: number }): v is number => typeof v === 'number' && Number.isInteger(v) && v >= b.min && v <= b.max;

/** The ladder of a parameter version (the defaults for what it does not carry, or carries out of bounds). */
export function ladderOf(v: Partial<Record<keyof LadderParams, unknown>> | null | undefined): LadderParams {
  const draft = v?.minutesDraftDays;
  return {
    ladderHour: inBounds(v?.ladderHour, LADDER_BOUNDS.ladderHour) ? v.ladderHour : DEFAULT_LADDER.ladderHour,
    escalateAfterDays: inBounds(v?.escalateAfterDays, LADDER_BOUNDS.escalateAfterDays) ? v.escalateAfterDays : DEFAULT_LADDER.escalateAfterDays,
    minutesDraftDays: Array.isArray(draft) && draft.length && draft.every((d) => inBounds(d, { min: 1, max: 60 })) ? (draft as number[]) : DEFAULT_LADDER.minutesDraftDays,
    approverDays: inBounds(v?.approverDays, LADDER_BOUNDS.approverDays) ? v.approverDays : DEFAULT_LADDER.approverDays,
  };
}
