// Helpers of the topic pages only: side options, the form limits, status colours.
// Type-only imports from the schemas, so zod never reaches the bundle; the limits come from the
// zod-free domain/limits.ts.
import { TOPIC_LIMITS } from '../../domain/limits';
import type { TopicCardView } from '../../domain/schemas/topic';
import { TOPIC_STATES } from '../../domain/workflows/topic';
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
export type LimitedField = keyof typeof TOPIC_LIMITS;

/** The contract's field limits (domain/limits.ts, free of zod, so the app imports the values). */
export { TOPIC_LIMITS };

/** A Chinese message when a topic field breaks its limits, else null. */
export function topicLengthError(field: LimitedField, value: string): string | null {
  const limit: TextLimit = TOPIC_LIMITS[field];
  return lengthError(limit, value);
}

/** Colour class of a status tag (app.css `.tag--<status>`); unknown states stay neutral. */
export function statusTagClass(status: string): string {
  return (TOPIC_STATES as readonly string[]).includes(status) ? `tag tag--${status}` : 'tag tag--plain';
}
