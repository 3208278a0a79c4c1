// Issue #19, the page kit's rules, kept pure so they are tested without a page (test/kit.test.ts).

/**
 * Refusals that say the record moved on under the page (another person acted, it was withdrawn, the
 * caller's rights changed): the page re-reads it quietly. Any other refusal (bad input, the network,
 * too many tries) keeps what is on screen and in the form, so nothing typed is lost.
 */
export const MOVED_ON_CODES: ReadonlySet<string> = new Set(['invalid_transition', 'conflict', 'not_found', 'forbidden']);

export function movedOn(code: string): boolean {
  return MOVED_ON_CODES.has(code);
}

/**
 * The one rule for refreshing after a write: an answer that is the page's own view is shown as it
 * came (`apply`), so nothing is read twice; a write whose answer is not the view re-reads the page
 * quietly; a refusal re-reads only when the record moved on.
 */
export function refreshAfter(outcome: { ok: true; applied: boolean } | { ok: false; code: string }): 'none' | 'quiet' {
  if (outcome.ok) return outcome.applied ? 'none' : 'quiet';
  return movedOn(outcome.code) ? 'quiet' : 'none';
}

/** The load a page is in, as useRecordPage / usePagedListPage keep it. */
export type LoadKind = 'loading' | 'error' | 'empty' | 'ready';

/** Which state a page shows: its load, or empty when loaded with nothing to show. */
export function shownState(kind: string, empty: boolean): LoadKind {
  if (kind === 'loading' || kind === 'error') return kind;
  return empty ? 'empty' : 'ready';
}
