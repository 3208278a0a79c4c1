// The minutes editor's draft (Art. 9): what the union office is writing, kept apart from the page so
// the rules for it — when it differs from a saved version, when it is valid, when a version is
// autosaved — are plain functions (test/minutes-draft.test.ts).
import { MINUTES_LIMITS, MINUTES_MAX_DECISIONS } from '../../../../../domain/limits';
import type { MinutesVersionView } from '../../../../../domain/schemas/minutes';
import { lengthError } from '../../../../utils/form';

export interface DraftDecision {
  /** a local key, stable while the items are moved */
  key: number;
  title: string;
  text: string;
  /** issue #23: the listed topics it answers */
  topicIds?: string[];
}

export interface Draft {
  /** the version the draft started from (0: none yet) */
  base: number;
  text: string;
  decisions: DraftDecision[];
  /** issue #23: listed topics not taken up, with the reason */
  notTakenUp?: Array<{ topicId: string; reason: string }>;
}


export type Errors = Record<string, string>;


let keySeq = 0;
export const nextKey = () => (keySeq += 1);

export function draftOf(current: MinutesVersionView | null): Draft {
  if (!current) return { base: 0, text: '', decisions: [{ key: nextKey(), title: '', text: '' }] };
  return { base: current.n, text: current.text, decisions: current.decisions.map((d) => ({ key: nextKey(), title: d.title, text: d.text, topicIds: d.topicIds ?? [] })), notTakenUp: current.notTakenUp ?? [] };
}

/** Whether the draft differs from the version it started from. */
export function changed(d: Draft, current: MinutesVersionView | null): boolean {
  if (!current) return d.text.trim() !== '' || d.decisions.some((x) => x.title.trim() !== '' || x.text.trim() !== '');
  if (d.text !== current.text || d.decisions.length !== current.decisions.length) return true;
  if (JSON.stringify(d.notTakenUp ?? []) !== JSON.stringify(current.notTakenUp ?? [])) return true; // issue #23
  return d.decisions.some((x, i) => x.title !== current.decisions[i].title || x.text !== current.decisions[i].text || (x.topicIds ?? []).join() !== (current.decisions[i].topicIds ?? []).join());
}

/** Art. 9: the text and every decided item within the contract's limits. */
export function validate(d: Draft): Errors {
  const e: Errors = {};
  const text = lengthError(MINUTES_LIMITS.text, d.text);
  if (text) e.text = text;
  if (d.decisions.length === 0) e.decisions = '请至少列出一项议定事项';
  if (d.decisions.length > MINUTES_MAX_DECISIONS) e.decisions = `议定事项不能超过 ${MINUTES_MAX_DECISIONS} 项`;
  d.decisions.forEach((x, i) => {
    const t = lengthError(MINUTES_LIMITS.decisionTitle, x.title);
    if (t) e[`d${x.key}.title`] = `第 ${i + 1} 项：${t}`;
    const b = lengthError(MINUTES_LIMITS.decisionText, x.text);
    if (b) e[`d${x.key}.text`] = `第 ${i + 1} 项：${b}`;
  });
  return e;
}

/** The same content (the local keys and the version it started from aside): no draft to keep. */
export function sameDraft(a: Draft, b: Draft): boolean {
  const shape = (d: Draft) =>
    JSON.stringify([d.text, d.decisions.map((x) => [x.title, x.text, x.topicIds ?? []]), d.notTakenUp ?? []]);
  return shape(a) === shape(b);
}

/** How often a changed draft is saved as a version on its own (minutes.save), at most. */
export const AUTOSAVE_MS = 120_000;

/**
 * Whether the timer saves a version now: only a changed, valid draft of an editable record, while
 * no write runs and no kept draft waits for 恢复 / 放弃 (an autosave must not overwrite it).
 */
export function shouldAutosave(s: { editable: boolean; dirty: boolean; busy: boolean; offerPending: boolean; errors: Errors }): boolean {
  return s.editable && s.dirty && !s.busy && !s.offerPending && !Object.values(s.errors).some(Boolean);
}
