import { join } from 'node:path';
import { loadWordList, wordListChecker } from './index';
import { wechatContentChecker, type MsgSecCheckApi } from './wechat';

describe('word-list checker (local)', () => {
  const checker = wordListChecker(loadWordList(join(__dirname, 'wordlist.txt')));

  it('passes ordinary text and rejects a listed word, even with spaces inside', async () => {
    expect(await checker.allows(['关于快递员职业伤害保障的建议', '建议建立工会驿站'])).toBe(true);
    expect(await checker.allows(['正常标题', '有人在群里推广 代 开 发 票'])).toBe(false);
  });

  it('sees through zero-width characters and full-width letters (issue #6, defect 11)', async () => {
    expect(await checker.allows(['网络赌\u200b博的危害'])).toBe(false);
    expect(await checker.allows(['网络\u2060赌\ufeff博'])).toBe(false);
    const latin = wordListChecker(['QQ群代办']);
    expect(await latin.allows(['加入ＱＱ群代办'])).toBe(false);
    expect(await latin.allows(['加入微信群'])).toBe(true);
  });
});

describe('msgSecCheck checker (WeChat), fail closed', () => {
  const api = (impl: MsgSecCheckApi['msgSecCheck']): MsgSecCheckApi => ({ msgSecCheck: impl });

  it('allows only a clear pass, checked with the caller openid and version 2', async () => {
    const calls: unknown[] = [];
    const ok = wechatContentChecker(api(async (req) => (calls.push(req), { errCode: 0, result: { suggest: 'pass' } })));
    expect(await ok.allows(['议题标题'], 'o-1')).toBe(true);
    expect(calls).toEqual([{ content: '议题标题', version: 2, scene: 2, openid: 'o-1' }]);
  });

  it.each([
    ['risky', async () => ({ errCode: 0, result: { suggest: 'risky' } })],
    ['review', async () => ({ errCode: 0, result: { suggest: 'review' } })],
    ['an error code', async () => ({ errCode: 61010 })],
    ['a thrown error', async () => Promise.reject(new Error('timeout'))],
  ])('refuses on %s', async (_label, impl) => {
    expect(await wechatContentChecker(api(impl as MsgSecCheckApi['msgSecCheck'])).allows(['x'], 'o-1')).toBe(false);
  });

  it('refuses when there is no openid to check with', async () => {
    expect(await wechatContentChecker(api(async () => ({ errCode: 0, result: { suggest: 'pass' } }))).allows(['x'])).toBe(false);
  });
});
