// Issue #18/#25: the common-password list ships as the rules that compile it (about 5 KB in the
// bundle instead of 122 KB of text). The list they compile is pinned to the one shipped before,
// entry for entry, and every entry is still refused; strong passwords are still accepted.
import { createHash } from 'node:crypto';
import { commonPasswords, commonWords } from '../server/security/common-passwords';
import { weakPassword } from '../server/security/passwords';

const sha256 = (lines: readonly string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');

describe('the common passwords', () => {
  it('are exactly the 10,597 entries and 242 words shipped as text before (count and SHA-256 of the sorted list)', () => {
    const list = commonPasswords();
    expect(list).toHaveLength(10_597);
    expect([...list].sort()).toEqual(list);
    expect(sha256(list)).toBe('12d707b98c3af46f198b180ca7932faa8485234682e48119b02223d967b37df7');
    const words = commonWords();
    expect(words).toHaveLength(242);
    expect(sha256(words)).toBe('fc5c3715c88f736674820208816de368588b2155b7c43072580497674797a49e');
  });

  it('are every one refused, in any letter case', () => {
    const who = { login: 'officer', name: '王芳' };
    const admitted = commonPasswords().filter((p) => weakPassword(p, who) === null || weakPassword(p.toUpperCase(), who) === null);
    expect(admitted).toEqual([]);
  });

  it('refuse a common word with only digits or symbols around it', () => {
    for (const p of ['2024password!', '##woaini##99', '88zhongguo88']) expect(weakPassword(p, {})).not.toBeNull();
  });

  it('leave strong passwords alone', () => {
    const strong = ['Yinshan#2027q', 'tR7#kq9!vLm2', 'river-stone-42-lamp', '晴川历历汉阳树a1', 'Xq3z9w8v7u', 'blue7Heron&Maple', 'k8s-Cluster-Orbit-19', 'Ming9Dynasty#Vase'];
    for (const p of strong) expect(weakPassword(p, { login: 'zhangsan', name: '张三' })).toBeNull();
  });
});
