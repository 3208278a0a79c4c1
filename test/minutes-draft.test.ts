// Issue #19: the minutes editor's draft rules (src/packages/office/pages/minutes-editor/model.ts):
// what counts as the same content for the one draft helper, and when the timer saves a version.
import { type Draft, draftOf, sameDraft, shouldAutosave, validate } from '../src/packages/office/pages/minutes-editor/model';

const version = { n: 2, text: '会议由王建国主持。', decisions: [{ title: '督促落实高温津贴', text: '由市人社局牵头开展专项检查。', topicIds: [] }], notTakenUp: [] } as never;

describe('minutes draft: the same content', () => {
  it('is the same whatever the local keys and the version it started from', () => {
    const a = draftOf(version);
    const b = { ...draftOf(version), base: 7 };
    expect(a.decisions[0].key).not.toBe(b.decisions[0].key);
    expect(sameDraft(a, b)).toBe(true);
  });
  it('differs once the text, an item or its order changes', () => {
    const a = draftOf(version);
    expect(sameDraft(a, { ...a, text: `${a.text}会议认为……` })).toBe(false);
    expect(sameDraft(a, { ...a, decisions: [...a.decisions, { key: 99, title: '新事项', text: '' }] })).toBe(false);
  });
});

describe('minutes draft: the timer saves a version only when changed', () => {
  const ok: Parameters<typeof shouldAutosave>[0] = { editable: true, dirty: true, busy: false, offerPending: false, errors: {} };
  it('saves a changed, valid draft of an editable record', () => {
    expect(shouldAutosave(ok)).toBe(true);
  });
  it.each([
    ['unchanged', { dirty: false }],
    ['not editable (in review, issued)', { editable: false }],
    ['a write running', { busy: true }],
    ['a kept draft waiting for 恢复 / 放弃', { offerPending: true }],
    ['invalid (an empty item)', { errors: { 'd1.title': '第 1 项：请填写议定事项标题' } }],
  ])('does not save when %s', (_why, change) => {
    expect(shouldAutosave({ ...ok, ...change })).toBe(false);
  });
  it('reads an empty new draft as invalid', () => {
    const empty: Draft = draftOf(null);
    expect(Object.values(validate(empty)).some(Boolean)).toBe(true);
  });
});
