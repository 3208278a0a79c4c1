// Small helpers shared by the topic pages: field limits, status colours, error details, keys.
// Type-only imports from the contract, so zod never reaches the bundle.
import type { TopicView } from '../../domain/schemas/topic';

export type TopicSide = TopicView['side'];
export type OneSide = TopicView['leadSide'];

export const SIDE_OPTIONS: ReadonlyArray<{ value: TopicSide; label: string }> = [
  { value: 'gov', label: '政府方' },
  { value: 'union', label: '工会方' },
  { value: 'joint', label: '双方联合' },
];

export const LEAD_OPTIONS: ReadonlyArray<{ value: OneSide; label: string }> = [
  { value: 'gov', label: '政府方' },
  { value: 'union', label: '工会方' },
];

export type TextField = 'title' | 'background' | 'research' | 'request';

/** The same limits as the contract (domain/schemas/topic.ts), counted after trimming. */
export const FIELD_LIMITS: Record<TextField | 'reason' | 'opinion' | 'note', { min: number; max: number; label: string }> = {
  title: { min: 4, max: 60, label: '标题' },
  background: { min: 10, max: 2000, label: '背景情况' },
  research: { min: 10, max: 2000, label: '调研论证' },
  request: { min: 5, max: 2000, label: '建议与请求' },
  reason: { min: 2, max: 500, label: '退回理由' },
  opinion: { min: 2, max: 1000, label: '意见' },
  note: { min: 0, max: 500, label: '合并说明' },
};

/** A Chinese message when the text breaks its limits, else null. */
export function lengthError(field: keyof typeof FIELD_LIMITS, value: string): string | null {
  const { min, max, label } = FIELD_LIMITS[field];
  const n = value.trim().length;
  if (min > 0 && n === 0) return `请填写${label}`;
  if (n < min) return `${label}至少 ${min} 个字`;
  if (n > max) return `${label}不能超过 ${max} 个字`;
  return null;
}

/** Colour class of a status tag (app.css `.tag--<status>`); unknown states stay neutral. */
export function statusTagClass(status: string): string {
  const known = ['submitted', 'returned', 'accepted', 'merged', 'withdrawn'];
  return known.includes(status) ? `tag tag--${status}` : 'tag tag--plain';
}

/** `validation_error` details ([{ path, message }]) as field → first message. */
export function fieldErrorsOf(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const key = Array.isArray(path) ? String(path[0] ?? '') : typeof path === 'string' ? path.split('.')[0] : '';
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/** A fresh idempotency key (the contract allows [A-Za-z0-9_:.-], 8–128 characters). */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A page query value; mini-program queries arrive still percent-encoded, H5 ones decoded. */
export function queryValue(params: Record<string, string | undefined>, key: string): string {
  const raw = params[key];
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** `path?k=v&…` with every value encoded; empty values are left out. */
export function pageUrl(path: string, query: Record<string, string | undefined> = {}): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

export const ROUTES = {
  home: '/pages/index/index',
  submit: '/pages/topic/submit/index',
  mine: '/pages/topic/mine/index',
  detail: '/pages/topic/detail/index',
  inbox: '/pages/inbox/index',
  queue: '/packages/office/pages/queue/index',
  confirm: '/packages/office/pages/confirm/index',
} as const;
