/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #17 "accounts resist guessing" over the local host's HTTP API: attempts claimed before the
// comparison (30 at once → at most 5 compared), the same for unknown logins, wrong current passwords
// limited, common passwords and ones containing the login or name refused, length in characters
// (pre-hash) with earlier hashes still verified, an invite-code reset ending sessions and telling
// the person, invite guessing counted per code and person (not per address), devSignIn with NUL.
import * as bcrypt from 'bcryptjs';
import { performance } from 'node:perf_hooks';
import type { Person } from '../domain';
import { weakPassword } from '../server/security/passwords';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.stop());

const raw = async (area: string, action: string, payload: unknown, token?: string) => host.post(area, { action, payload }, token);
const office = async (key: string) => host.signIn(key);
let seq = 0;

/** A new union-side person with a desk password, through the office's invite code. */
async function personWithPassword(password: string, name = '测试人员'): Promise<{ id: string; login: string; token: string }> {
  seq += 1;
  const login = `guess.test${seq}`;
  const union = await office('city-union-office');
  const id = (await raw('people', 'create', { name, unit: '河套面粉厂', title: '职工代表', roles: ['representative'] }, union)).json.data.id;
  const code = (await raw('people', 'inviteCode', { personId: id }, union)).json.data.code;
  const res = await raw('account', 'redeemInvite', { code, login, password });
  if (res.status !== 200) throw new Error(JSON.stringify(res.json));
  return { id, login, token: res.json.data.token };
}

describe('sign-in attempts are claimed before the comparison', () => {
  it('30 simultaneous wrong passwords: at most 5 compared, the rest refused as locked; then even the right one waits', async () => {
    const { login } = await personWithPassword('Hetao#2026x');
    const answers = await Promise.all(Array.from({ length: 30 }, (_x, i) => raw('account', 'signIn', { login, password: `Wrong#${i}pass` })));
    const codes = answers.map((a) => a.json.error.code);
    const compared = codes.filter((c) => c === 'unauthenticated').length;
    expect(compared).toBeLessThanOrEqual(5);
    expect(compared).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(30 - compared);
    expect((await raw('account', 'signIn', { login, password: 'Hetao#2026x' })).json.error.code).toBe('rate_limited');
  });

  it('an unknown login answers exactly like a known one: 401 five times, then 429 with the same words, at the cost of a comparison', async () => {
    const { login } = await personWithPassword('Hetao#2026x');
    const time = async (l: string, i: number) => {
      const t = performance.now();
      const res = await raw('account', 'signIn', { login: l, password: `Wrong#${i}pass` });
      return { ms: performance.now() - t, status: res.status, message: res.json.error.message as string };
    };
    const known = [];
    const unknown = [];
    for (let i = 0; i < 6; i += 1) {
      known.push(await time(login, i));
      unknown.push(await time('nobody.at.all', i));
    }
    expect(known.map((k) => k.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknown.map((k) => k.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknown[0].message).toBe(known[0].message);
    expect(unknown[5].message.replace(/\d+:\d+/, '')).toBe(known[5].message.replace(/\d+:\d+/, ''));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const k = median(known.slice(0, 5).map((x) => x.ms));
    const u = median(unknown.slice(0, 5).map((x) => x.ms));
    console.log(`sign-in wrong password, median: known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`);
    expect(u).toBeGreaterThan(k * 0.4);
  });

  it('wrong current passwords in account.changePassword lock after five; the sixth is refused even when right', async () => {
    const { token } = await personWithPassword('Hetao#2026x');
    for (let i = 0; i < 5; i += 1) {
      expect((await raw('account', 'changePassword', { current: `Wrong#${i}pass`, next: 'Yinshan#2027q' }, token)).json.error).toMatchObject({ code: 'validation_error', message: '当前密码不正确' });
    }
    const locked = await raw('account', 'changePassword', { current: 'Hetao#2026x', next: 'Yinshan#2027q' }, token);
    expect(locked.json.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('已锁定') });
  });
});

describe('weak passwords are refused', () => {
  it.each([['password1'], ['12345678a'], ['woaini1314'], ['Password2027!'], ['qwerty123'], ['1qaz2wsx']])('%s', async (pw) => {
    const { token } = await personWithPassword('Hetao#2026x');
    const res = await raw('account', 'changePassword', { current: 'Hetao#2026x', next: pw }, token);
    expect(res.json.error).toMatchObject({ code: 'validation_error', details: [{ path: 'next' }] });
  });

  it('a password containing the login or the name', async () => {
    const { token, login } = await personWithPassword('Hetao#2026x', '王建华');
    expect((await raw('account', 'changePassword', { current: 'Hetao#2026x', next: `${login}1` }, token)).json.error.message).toBe('密码不能包含登录名');
    expect((await raw('account', 'changePassword', { current: 'Hetao#2026x', next: 'a1王建华2026' }, token)).json.error.message).toBe('密码不能包含姓名');
    expect(weakPassword('Yinshan#2027q', { login: 'zhangsan', name: '张三' })).toBeNull();
  });
});

describe('length counts in characters, earlier hashes still work', () => {
  it('two long CJK passwords equal in their first 24 characters are two passwords', async () => {
    const base = '巴彦淖尔市总工会联席会议工作平台登录口令第一二三四';
    const { login } = await personWithPassword(`${base}甲1a`);
    expect((await raw('account', 'signIn', { login, password: `${base}乙1a` })).status).toBe(401);
    expect((await raw('account', 'signIn', { login, password: `${base}甲1a` })).status).toBe(200);
  });

  it('a plain bcrypt hash from before is verified and upgraded at sign-in', async () => {
    const { id, login } = await personWithPassword('Hetao#2026x');
    const p = (await host.store.get<Person>('users', id))!;
    await host.store.update<Person>('users', id, p.version, { passwordHash: bcrypt.hashSync('Oldpass#2020', 10) });
    expect((await raw('account', 'signIn', { login, password: 'Oldpass#2020' })).status).toBe(200);
    expect((await host.store.get<Person>('users', id))!.passwordHash).toMatch(/^jm2\$/);
    expect((await raw('account', 'signIn', { login, password: 'Oldpass#2020' })).status).toBe(200);
  });
});

it('a reset through an invite code ends every session of that person and tells them in the inbox', async () => {
  const { id, login, token } = await personWithPassword('Hetao#2026x');
  expect((await raw('account', 'me', {}, token)).status).toBe(200);
  const code = (await raw('people', 'inviteCode', { personId: id }, await office('city-union-office'))).json.data.code;
  const again = await raw('account', 'redeemInvite', { code, password: 'Yinshan#2027q' });
  expect(again.status).toBe(200);
  expect((await raw('account', 'me', {}, token)).status).toBe(401);
  const inbox = (await raw('notify', 'inbox', {}, again.json.data.token)).json.data.items;
  expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ milestone: 'password_reset', title: expect.stringContaining('重新设置') })]));
  expect((await raw('account', 'signIn', { login, password: 'Yinshan#2027q' })).status).toBe(200);
  // a first password (none before) tells nobody and ends nothing
  const first = await personWithPassword('Hetao#2026x');
  expect((await raw('notify', 'inbox', {}, first.token)).json.data.items.map((i: any) => i.milestone)).not.toContain('password_reset');
});

describe('invite-code guessing is counted per code and per person, not per address', () => {
  it('one desk guessing many codes does not lock the next desk behind the same address', async () => {
    for (let i = 0; i < 8; i += 1) {
      const res = await raw('account', 'redeemInvite', { code: `ZZZZZZZZ${'23456789'[i]}${'23456789'[i]}`, login: `nat.guess${i}`, password: 'Hetao#2026x' });
      expect(res.json.error.code).toBe('validation_error');
    }
    const union = await office('city-union-office');
    const id = (await raw('people', 'create', { name: '同网点职工', unit: '河套面粉厂', title: '职工代表', roles: ['representative'] }, union)).json.data.id;
    const code = (await raw('people', 'inviteCode', { personId: id }, union)).json.data.code;
    expect((await raw('account', 'redeemInvite', { code, login: 'same.nat', password: 'Hetao#2026x' })).status).toBe(200);
  });

  it('one code tried five times is refused for the hour', async () => {
    for (let i = 0; i < 5; i += 1) expect((await raw('account', 'redeemInvite', { code: 'YYYYYYYYYY', login: 'same.code', password: 'Hetao#2026x' })).json.error.code).toBe('validation_error');
    expect((await raw('account', 'redeemInvite', { code: 'YYYYYYYYYY', login: 'same.code', password: 'Hetao#2026x' })).json.error.code).toBe('rate_limited');
  });
});

it('devSignIn with a NUL in its key is a 400, not a 500', async () => {
  const res = await host.post('account', { action: 'devSignIn', payload: { key: 'city-gov\u0000office' } });
  expect(res.status).toBe(400);
  expect(res.json.error.code).toBe('validation_error');
});
