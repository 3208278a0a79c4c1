// Contract of areas `compliance` and `settings` (issue #12, Art. 12, 13): the annual assessment of
// the city and its counties, and the rule parameters with their effective dates.
import * as z from 'zod/mini';
import { SETTING_BOUNDS, type SettingKey } from '../settings';
import { Id } from './common';
import { DateOnly } from './task';

const Year = z.number().check(z.int(), z.gte(2020), z.lte(2100));

export const OverviewInput = z.strictObject({ year: Year });
export const OrgComplianceInput = z.strictObject({ orgId: Id, year: Year });
export const ExportComplianceInput = z.strictObject({ year: Year });

const bounded = (k: SettingKey) => {
  const b = SETTING_BOUNDS[k];
  return z.number().check(z.int(), z.gte(b.min, `${b.label}不能少于 ${b.min} ${b.unit}`), z.lte(b.max, `${b.label}不能多于 ${b.max} ${b.unit}`));
};

export const GetSettingsInput = z.strictObject({ orgId: z.optional(Id) });
export const SetSettingsInput = z.strictObject({
  orgId: Id,
  params: z.strictObject({
      topicLeadMonths: z.optional(bounded('topicLeadMonths')),
      dueSoonDays: z.optional(bounded('dueSoonDays')),
      regularMeetingsPerYear: z.optional(bounded('regularMeetingsPerYear')),
      /** issue #20: overdue this many days → the weekly digest to the convenors and the unit head */
      escalateAfterDays: z.optional(bounded('escalateAfterDays')),
    }).check(z.refine((p) => Object.keys(p).length > 0, { message: '没有要修改的参数' })),
  /** from the start of this day (Shanghai); today or later */
  effectiveFrom: DateOnly,
});

export type ComplianceLight = 'red' | 'yellow' | 'green';

export interface ComplianceRowView {
  orgId: string;
  orgName: string;
  level: 'city' | 'county';
  /** Art. 4, 12: at least `regularRequired` regular meetings reached `held` in the year (Shanghai) */
  regularHeld: boolean;
  /** regular meetings held in the year */
  regularHeldCount: number;
  /** Art. 4, 13: the org's `regularMeetingsPerYear` in force */
  regularRequired: number;
  /** a regular meeting of the year planned but not yet held */
  regularPlanned: boolean;
  meetingsHeld: number;
  topicsSubmitted: number;
  topicsAccepted: number;
  /** Art. 9: minutes issued of the year's held meetings, and the days from meeting to issue (average) */
  minutesIssued: number;
  daysToMinutes: number | null;
  tasksTotal: number;
  tasksDone: number;
  tasksOverdue: number;
  tasksDueSoon: number;
  /**
   * done by their deadline ÷ done, 0–1; null when none is done. Issue #16: the deadline is the one
   * in force when the task fell due — an extension granted after it was already overdue does not
   * make it on time; a refused request changes nothing
   */
  onTimeRate: number | null;
  /** issue #16: tasks whose deadline the keeping office moved later than the one first given */
  tasksExtended: number;
  light: ComplianceLight;
  lightLabel: string;
  /** why the light is what it is, in words */
  reasons: string[];
}

export interface OverviewView {
  year: number;
  rules: string;
  rows: ComplianceRowView[];
}

export interface OrgComplianceView {
  year: number;
  row: ComplianceRowView;
  meetings: Array<{ id: string; title: string; kindLabel: string; plannedAt: string; stateLabel: string; heldAt: string | null; minutesIssuedAt: string | null }>;
  overdue: Array<{ id: string; title: string; unit: string; ownerName: string; deadline: string; meetingTitle: string; countdown: string }>;
}

export interface SettingsVersionView {
  effectiveFrom: string;
  topicLeadMonths: number;
  dueSoonDays: number;
  regularMeetingsPerYear: number;
  /** issue #20: the ladder's escalation (the version's, or the default when it carries none) */
  escalateAfterDays: number;
  source: string;
  setByName: string | null;
  setAt: string | null;
  inForce: boolean;
}

export interface SettingsView {
  orgId: string;
  orgName: string;
  inForce: SettingsVersionView;
  /** every version, newest effective date first */
  history: SettingsVersionView[];
  allowedActions: string[];
}
