// Helpers of the topic pages only: side options, the form limits, status colours.
// Type-only imports from the contract, so zod never reaches the bundle.
import type { TOPIC_LIMITS as CONTRACT_LIMITS, TopicCardView } from '../../domain/schemas/topic';
import { type TextLimit, lengthError } from './form';

export type TopicSide = TopicCardView['side'];
export type OneSide = TopicCardView['leadSide'];

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
export type LimitedField = keyof typeof CONTRACT_LIMITS;

/**
 * The contract's field limits (domain/schemas/topic.ts `TOPIC_LIMITS`). A copy only because that
 * module builds zod schemas at load, so importing the value would put zod into the bundle; the
 * type annotation makes every number and label the contract's own, so the copy cannot drift.
 * Replace with an import once the table lives in a zod-free domain module.
 */
export const TOPIC_LIMITS: typeof CONTRACT_LIMITS = {
  title: { min: 4, max: 60, label: '标题' },
  background: { min: 10, max: 2000, label: '背景情况' },
  research: { min: 10, max: 2000, label: '调研论证' },
  request: { min: 5, max: 2000, label: '建议与请求' },
  reason: { min: 2, max: 500, label: '退回理由' },
  opinion: { min: 2, max: 1000, label: '意见' },
  note: { min: 0, max: 500, label: '合并说明' },
};

/** A Chinese message when a topic field breaks its limits, else null. */
export function topicLengthError(field: LimitedField, value: string): string | null {
  const limit: TextLimit = TOPIC_LIMITS[field];
  return lengthError(limit, value);
}

/** Colour class of a status tag (app.css `.tag--<status>`); unknown states stay neutral. */
export function statusTagClass(status: string): string {
  const known = ['submitted', 'returned', 'accepted', 'merged', 'withdrawn'];
  return known.includes(status) ? `tag tag--${status}` : 'tag tag--plain';
}
