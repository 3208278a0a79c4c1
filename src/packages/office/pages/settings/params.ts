// 规则参数 (issue #12): the parameters, their bounds and hints, the form's draft and its checks, and
// a refusal's messages by field — pure, shared by the page and its parts.
import type { SettingsVersionView } from '../../../../../domain/schemas/compliance';
import { SETTING_BOUNDS, type SettingKey } from '../../../../../domain/settings';
import type { ApiError } from '../../../../services/api';
import { formatDateTimeShortCN } from '../../../../utils/date';

export type Param = SettingKey;
/** Every value a version carries, by parameter. */
export type Values = Record<Param, number>;
export const PARAMS: readonly Param[] = ['topicLeadMonths', 'dueSoonDays', 'escalateAfterDays', 'regularMeetingsPerYear'];
export const PARAM_BOUNDS = SETTING_BOUNDS;

/** What each parameter carries out, by article. */
export const PARAM_HINT: Record<Param, string> = {
  topicLeadMonths: '第六条：会议召开前多少个月开始征集议题',
  dueSoonDays: '第十一条：任务到期前多少天起提示“临期”，并提醒责任人',
  escalateAfterDays: '第十一条：任务逾期多少天起，每周汇总告知召集人和责任单位负责人',
  regularMeetingsPerYear: '第四条：原则上每年召开例会的次数',
};

export type Draft = Record<Param, string>;
export type Errors = Partial<Record<Param | 'effectiveFrom' | 'form', string>>;

export const draftOf = (v: Values): Draft => ({
  topicLeadMonths: String(v.topicLeadMonths),
  dueSoonDays: String(v.dueSoonDays),
  escalateAfterDays: String(v.escalateAfterDays),
  regularMeetingsPerYear: String(v.regularMeetingsPerYear),
});

/** The start of a Shanghai calendar day (`YYYY-MM-DD`) as the server stores it (UTC ISO). */
export function dayStartIso(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** A value with its unit, e.g. 7 天. */
export const withUnit = (k: Param, n: number) => `${n} ${PARAM_BOUNDS[k].unit}`;

/** One bounded whole number, or the message saying why not (the server's words). */
export function checkParam(k: Param, raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const b = PARAM_BOUNDS[k];
  const t = raw.trim();
  if (!/^\d+$/.test(t)) return { ok: false, message: `请填写${b.label}（整数）` };
  const n = Number(t);
  if (n < b.min) return { ok: false, message: `${b.label}不能少于 ${b.min} ${b.unit}` };
  if (n > b.max) return { ok: false, message: `${b.label}不能多于 ${b.max} ${b.unit}` };
  return { ok: true, value: n };
}

/** A refusal's messages by field: params.dueSoonDays → dueSoonDays; what names no field → form. */
export function refusalErrors(error: ApiError): Errors {
  const out: Errors = {};
  if (Array.isArray(error.details)) {
    for (const d of error.details as unknown[]) {
      if (typeof d !== 'object' || d === null) continue;
      const { path, message } = d as { path?: unknown; message?: unknown };
      if (typeof message !== 'string') continue;
      const parts = typeof path === 'string' ? path.split('.') : Array.isArray(path) ? path.map(String) : [];
      const key = parts[0] === 'params' && parts[1] && (PARAMS as readonly string[]).includes(parts[1]) ? (parts[1] as Param) : parts[0] === 'effectiveFrom' ? 'effectiveFrom' : 'form';
      if (!(key in out)) out[key] = message;
    }
  }
  if (Object.keys(out).length === 0) out.form = error.message;
  return out;
}

export const fieldId = (k: keyof Errors) => `orgset-${k}`;

/** The fields in the page's order, for bringing the first in error into view (account/fields' revealFirst). */
export const FIELD_ORDER: ReadonlyArray<keyof Errors> = [...PARAMS, 'effectiveFrom', 'form'];

/** A version's standing: in force, waiting for its date, or replaced by a later one. */
export function standing(v: SettingsVersionView, now: string): { text: string; cls: string } {
  if (v.inForce) return { text: '现行', cls: 'tag tag--accepted' };
  if (v.effectiveFrom > now) return { text: '待施行', cls: 'tag tag--submitted' };
  return { text: '已停止施行', cls: 'tag tag--plain' };
}

export const setByText = (v: SettingsVersionView) => (v.setByName ? `${v.setByName}${v.setAt ? ` · ${formatDateTimeShortCN(v.setAt)}` : ''}` : '随规则印发');
