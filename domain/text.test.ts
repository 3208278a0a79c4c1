import { findUnstorable, hasUnstorableChar, matchForm, normalizeText } from './text';

describe('normalizeText', () => {
  it('removes zero-width characters that split a word', () => {
    expect(normalizeText('赌\u200b博')).toBe('赌博');
    expect(normalizeText('\u200b\u200b\u200b\u200b\u200b')).toBe('');
    expect(normalizeText('a\u2060b\ufeffc\u00adD')).toBe('abcD');
  });
  it('keeps full-width Chinese punctuation in stored text and drops control characters but not line breaks', () => {
    expect(normalizeText('一、关于（职工）的建议：请支持，谢谢！')).toBe('一、关于（职工）的建议：请支持，谢谢！');
    expect(normalizeText('第一行\n第二行\t尾\u0007')).toBe('第一行\n第二行\t尾');
  });
  it('folds compatibility forms, case and white space for word matching only', () => {
    expect(matchForm('ＱＱ 群\u200b')).toBe('qq群');
    expect(matchForm('⾦ 融')).toBe('金融');
  });
});

describe('unstorable characters', () => {
  it('finds NUL and lone surrogates, not paired ones', () => {
    expect(hasUnstorableChar('a\u0000b')).toBe(true);
    expect(hasUnstorableChar('x\ud800')).toBe(true);
    expect(hasUnstorableChar('\udc00y')).toBe(true);
    expect(hasUnstorableChar('😀 表情')).toBe(false);
  });
  it('names the path of the first bad string', () => {
    expect(findUnstorable({ a: 'ok', b: [{ c: 'bad\u0000' }] })).toEqual(['b', '0', 'c']);
    expect(findUnstorable({ a: 'ok' })).toBeNull();
  });
});
