// Issue #19, the page kit's rules (src/kit/rules.ts): one rule for refreshing after a write, and
// which state a page shows. The hook and the shell only apply these.
import { MOVED_ON_CODES, movedOn, refreshAfter, shownState } from '../src/kit/rules';

describe('page kit: one rule for refreshing after a write', () => {
  it('shows an answer that is the page view as it came, without reading again', () => {
    expect(refreshAfter({ ok: true, applied: true })).toBe('none');
  });
  it('re-reads quietly after a write whose answer is not the view', () => {
    expect(refreshAfter({ ok: true, applied: false })).toBe('quiet');
  });
  it.each(['invalid_transition', 'conflict', 'not_found', 'forbidden'])('re-reads when a refusal says the record moved on (%s)', (code) => {
    expect(movedOn(code)).toBe(true);
    expect(refreshAfter({ ok: false, code })).toBe('quiet');
  });
  it.each(['validation_error', 'network', 'rate_limited', 'idempotency_key_reused', 'internal'])(
    'keeps the page and the form as they are on any other refusal (%s)',
    (code) => {
      expect(refreshAfter({ ok: false, code })).toBe('none');
    },
  );
  it('names exactly four moved-on codes', () => {
    expect([...MOVED_ON_CODES].sort()).toEqual(['conflict', 'forbidden', 'invalid_transition', 'not_found']);
  });
});

describe('page kit: the state a page shows', () => {
  it('shows loading and error by the load, whatever is empty', () => {
    expect(shownState('loading', true)).toBe('loading');
    expect(shownState('error', false)).toBe('error');
  });
  it('shows empty only once loaded with nothing', () => {
    expect(shownState('ready', true)).toBe('empty');
    expect(shownState('ready', false)).toBe('ready');
  });
});
