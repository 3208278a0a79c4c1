/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #11 "done when", over the local host's HTTP API on a fresh database: each office keeps its
// own side's people; an invite code binds a WeChat account (through the `x-dev-openid` stand-in
// for getWXContext) once; deactivation ends openid calls and session tokens at once; desk
// passwords with a lock after five wrong ones; sign-out ends the token; phone numbers masked;
// an all-or-nothing import; production seeds no demo people.
import { functionFor } from './support/route';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWN_SIDE_ONLY, SIDE_CHANGE_REFUSED } from '../domain/people-rules';
import { httpCaller, type Ok } from './support/flows';
import { startTestHost, type TestHost } from './support/host';

let host: TestHost;
let ok: Ok;
let code: ReturnType<typeof httpCaller>['code'];
let as: ReturnType<typeof httpCaller>['as'];

const raw = async (area: string, action: string, payload: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${host.url}api/${functionFor(area, { action })}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ action, payload }) });
  return { status: res.status, json: (await res.json()) as any };
};
const withToken = (token: string) => ({ authorization: `Bearer ${token}` });
const wx = (openid: string) => ({ 'x-dev-openid': openid });

beforeAll(async () => {
  host = await startTestHost();
  ({ ok, code, as } = httpCaller(host));
});
afterAll(() => host.stop());

let repId: string;

it('each office keeps its own side: the union office creates a representative; the government office may not; a county office may not create in the city', async () => {
  const rep = { name: '王小红', unit: '河套面粉厂', title: '职工代表', roles: ['representative'], phone: '13812345678' };
  repId = (await ok('city-union-office', 'people', 'create', rep)).id;
  expect(await code('city-gov-office', 'people', 'create', { ...rep, name: '李小刚' })).toBe('forbidden');
  expect(await code('linhe-union-office', 'people', 'create', { ...rep, orgId: 'city', name: '赵小明' })).toBe('not_found');
  // the city's offices open a county's office accounts, nothing else there
  expect(await code('city-gov-office', 'people', 'create', { orgId: 'wuyuan', name: '郝建平', unit: '五原县人民政府办公室', title: '科员', roles: ['gov_office'] })).toBe('ok');
  expect(await code('city-gov-office', 'people', 'create', { orgId: 'wuyuan', name: '郝建设', unit: '五原县人社局', title: '科员', roles: ['gov_department'] })).toBe('forbidden');
  // issue #17: a leadership role is given by its own side's office only, and the other office is told
  expect(await code('city-gov-office', 'people', 'create', { name: '高志远', unit: '巴彦淖尔市总工会', title: '副主席', roles: ['union_convenor'] })).toBe('forbidden');
  await ok('city-union-office', 'people', 'create', { name: '高志远', unit: '巴彦淖尔市总工会', title: '副主席', roles: ['union_convenor'] });
  expect((await ok('city-gov-office', 'notify', 'inbox', {})).items.map((i: any) => i.milestone)).toContain('leadership_role_given');
});

it('phone numbers: in full to the person\'s own side\'s office, masked to a department head of the same org', async () => {
  expect((await ok('city-union-office', 'people', 'get', { personId: repId })).phone).toBe('13812345678');
  expect((await ok('city-hrss', 'people', 'get', { personId: repId })).phone).toBe('138****5678');
  const list = await ok('city-hrss', 'people', 'list', { q: '王小红' });
  expect(list.items).toEqual([expect.objectContaining({ id: repId, phone: '138****5678' })]);
  expect((await ok('city-gov-office', 'people', 'list', { q: '王小红' })).items[0].phone).toBe('138****5678');
});

let inviteCode: string;

it('an invite code binds a WeChat account once; account.me then answers the new person', async () => {
  const invite = await ok('city-union-office', 'people', 'inviteCode', { personId: repId });
  expect(invite).toMatchObject({ code: expect.stringMatching(/^[2-9A-Z]{10}$/), qr: expect.stringMatching(/^data:image\/png;base64,/) });
  inviteCode = invite.code;
  // before binding, the account is nobody
  expect((await raw('account', 'me', {}, wx('o-test-1'))).status).toBe(401);
  const bound = await raw('account', 'bind', { code: inviteCode.toLowerCase() }, wx('o-test-1'));
  expect(bound.json).toMatchObject({ ok: true, data: { person: { id: repId, name: '王小红' } } });
  expect((await raw('account', 'me', {}, wx('o-test-1'))).json.data.person.id).toBe(repId);
  // the same code again, from another account → refused
  expect((await raw('account', 'bind', { code: inviteCode }, wx('o-test-2'))).json.error.code).toBe('validation_error');
  // five wrong codes an hour, then the account must wait
  for (let i = 0; i < 4; i += 1) expect((await raw('account', 'bind', { code: 'ZZZZZZZZZZ' }, wx('o-test-2'))).json.error.code).toBe('validation_error');
  expect((await raw('account', 'bind', { code: 'ZZZZZZZZZZ' }, wx('o-test-2'))).json.error.code).toBe('rate_limited');
  // even a right code is refused for the rest of the hour: guessing cannot go on until it hits
  const other = (await ok('city-union-office', 'people', 'create', { name: '周小燕', unit: '河套面粉厂', title: '职工代表', roles: ['representative'] })).id;
  const fresh = await ok('city-union-office', 'people', 'inviteCode', { personId: other });
  expect((await raw('account', 'bind', { code: fresh.code }, wx('o-test-2'))).json.error.code).toBe('rate_limited');
  expect((await raw('account', 'bind', { code: fresh.code }, wx('o-test-3'))).json.ok).toBe(true);
});

it('x-dev-openid is refused off loopback (a foreign Host header)', async () => {
  const { hostname, port } = new URL(host.url);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      { hostname, port, path: '/api/account', method: 'POST', headers: { 'content-type': 'application/json', host: 'evil.example', 'x-dev-openid': 'o-test-1' } },
      (res) => (res.resume(), resolve(res.statusCode ?? 0)),
    );
    req.on('error', reject);
    req.end(JSON.stringify({ action: 'me', payload: {} }));
  });
  expect(status).toBe(403);
});

it('deactivation ends the person\'s WeChat calls and desk sessions at once', async () => {
  const second = await ok('city-union-office', 'people', 'inviteCode', { personId: repId });
  const session = await raw('account', 'redeemInvite', { code: second.code, login: 'wangxiaohong', password: 'hetao2026a' });
  expect(session.json).toMatchObject({ ok: true, data: { personId: repId } });
  const token = session.json.data.token;
  expect((await raw('account', 'me', {}, withToken(token))).status).toBe(200);
  // the government office does not keep union-side people
  expect(await code('city-gov-office', 'people', 'deactivate', { personId: repId })).toBe('forbidden');
  await ok('city-union-office', 'people', 'deactivate', { personId: repId });
  expect((await raw('account', 'me', {}, withToken(token))).status).toBe(401);
  expect((await raw('account', 'me', {}, wx('o-test-1'))).status).toBe(401);
  expect((await raw('account', 'signIn', { login: 'wangxiaohong', password: 'hetao2026a' })).status).toBe(401);
});

it('desk sign-in with a password: works; five wrong in a row lock it, the sixth is refused even when right; sign-out ends the token', async () => {
  // a demo person's login is their demo key; they set a first password while signed in
  expect(await code('city-gov-office', 'account', 'changePassword', { next: 'short' })).toBe('validation_error');
  const set = await ok('city-gov-office', 'account', 'changePassword', { next: 'zhaomin2026' });
  expect(set.token).toBeTruthy();
  const signedIn = await raw('account', 'signIn', { login: 'city-gov-office', password: 'zhaomin2026' });
  expect(signedIn.json).toMatchObject({ ok: true, data: { personId: 'city-gov-office', name: '赵敏' } });
  const token = signedIn.json.data.token;
  for (let i = 0; i < 5; i += 1) expect((await raw('account', 'signIn', { login: 'city-gov-office', password: `wrong-${i}-pass` })).json.error.code).toBe('unauthenticated');
  const locked = await raw('account', 'signIn', { login: 'city-gov-office', password: 'zhaomin2026' });
  expect(locked.json.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('已锁定') });
  // the session from before still works until it is signed out
  expect((await raw('account', 'me', {}, withToken(token))).status).toBe(200);
  expect((await raw('account', 'signOut', {}, withToken(token))).status).toBe(200);
  expect((await raw('account', 'me', {}, withToken(token))).status).toBe(401);
});

it('a role change ends the sessions of the person whose roles changed', async () => {
  const token = await as('city-union-rights');
  expect((await raw('account', 'me', {}, withToken(token))).status).toBe(200);
  await ok('city-union-office', 'people', 'setRoles', { personId: 'city-union-rights', roles: ['union_department', 'representative'] });
  expect((await raw('account', 'me', {}, withToken(token))).status).toBe(401);
});

it('import is all or nothing: 3 good rows and 1 bad one import nobody and name the bad line', async () => {
  const before = (await ok('city-union-office', 'people', 'list', {})).items.length;
  const row = (line: number, name: string) => ({ line, name, unit: '河套面粉厂', title: '职工代表', roles: ['representative'] });
  const res = await raw('people', 'import', { rows: [row(2, '甲职工'), row(3, '乙职工'), { ...row(4, '丙'), roles: ['gov_department'] }, row(5, '丁职工')] }, withToken(await as('city-union-office')));
  expect(res.json.error.code).toBe('validation_error');
  expect(res.json.error.details).toEqual([{ line: 4, message: expect.any(String) }]);
  expect(res.json.error.message).toContain('第 4 行');
  expect((await ok('city-union-office', 'people', 'list', {})).items.length).toBe(before);
  expect((await ok('city-union-office', 'people', 'import', { rows: [row(2, '甲职工'), row(3, '乙职工'), row(4, '丙职工')] })).created).toBe(3);
});

it('NODE_ENV=production on a fresh DATA_DIR seeds the orgs and no demo people', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jm-prod-'));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['scripts/run-ts.cjs', 'host/main.ts'], {
        cwd: join(__dirname, '..'), env: { ...process.env, DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'production' },
      });
      let out = '';
      const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(out))), 60_000);
      const onData = (c: Buffer) => {
        out += c.toString();
        if (/已启动/.test(out)) {
          child.kill('SIGTERM');
          child.on('exit', () => (clearTimeout(timer), resolve(out)));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    });
    expect(output).toContain('已写入市、旗县区机构（无演示人员）');
    expect(output).toContain('尚无任何账号');
    // the one-time setup command opens the first office account and refuses a second one
    const setup = (args: string[]) => new Promise<{ status: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['scripts/run-ts.cjs', 'scripts/setup.ts', ...args], { cwd: join(__dirname, '..'), env: { ...process.env, DATA_DIR: dataDir } });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (status) => resolve({ status, out }));
    });
    const first = await setup(['--org', 'city', '--side', 'gov', '--name', '赵敏', '--login', 'zhaomin']);
    expect(first).toMatchObject({ status: 0, out: expect.stringMatching(/邀请码：[2-9A-Z]{10}/) });
    expect((await setup(['--org', 'city', '--side', 'gov', '--name', '钱敏', '--login', 'qianmin'])).status).toBe(1);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);

it('redeeming with a login already taken names the field and keeps the code usable', async () => {
  const p = (await ok('city-union-office', 'people', 'create', { name: '孟小军', unit: '河套面粉厂', title: '职工代表', roles: ['representative'] })).id;
  const invite = await ok('city-union-office', 'people', 'inviteCode', { personId: p });
  const taken = await raw('account', 'redeemInvite', { code: invite.code, login: 'city-hrss', password: 'mengxj2026' });
  expect(taken.json.error).toMatchObject({ code: 'validation_error', message: '登录名已被使用', details: [{ path: 'login' }] });
  expect((await raw('account', 'redeemInvite', { code: invite.code, login: 'mengxiaojun', password: 'mengxj2026' })).json.ok).toBe(true);
});

describe('issue #17: nobody acts as the other side — the chain create → code → redeem → setRoles → approve stops at its first cross-side step', () => {
  // earlier tests signed these offices out: every call here takes a fresh session
  const fresh = async (key: string, area: string, action: string, payload: unknown) => {
    const res = await raw(area, action, payload, withToken(await host.signIn(key)));
    return res.json.ok ? 'ok' : (res.json.error.code as string);
  };
  const okFresh = async (key: string, area: string, action: string, payload: unknown) => {
    const res = await raw(area, action, payload, withToken(await host.signIn(key)));
    if (res.status !== 200) throw new Error(`${key} ${area}.${action}: ${JSON.stringify(res.json)}`);
    return res.json.data;
  };
  const chain = [
    { office: 'city-union-office', own: { unit: '河套面粉厂', title: '职工代表', roles: ['representative'] }, other: ['gov_leader'], otherAlso: ['gov_convenor'], login: 'crossunion' },
    { office: 'city-gov-office', own: { unit: '市人社局', title: '科员', roles: ['gov_department'] }, other: ['union_chair'], otherAlso: ['union_convenor'], login: 'crossgov' },
  ];
  it.each(chain)('$office', async ({ office, own, other, otherAlso, login }) => {
    // the other side's leadership role is refused at creation, as is an import row naming it
    const direct = await raw('people', 'create', { name: '冒名领导', ...own, roles: other }, withToken(await host.signIn(office)));
    expect(direct.json.error).toEqual({ code: 'forbidden', message: OWN_SIDE_ONLY });
    expect(await fresh(office, 'people', 'import', { rows: [{ line: 2, name: '冒名召集人', ...own, roles: otherAlso }] })).toBe('validation_error');
    // an own-side person with a password the office knows (it redeemed the code itself)
    const id = (await okFresh(office, 'people', 'create', { name: '跨方测试', ...own })).id;
    const invite = await okFresh(office, 'people', 'inviteCode', { personId: id });
    const session = await raw('account', 'redeemInvite', { code: invite.code, login, password: 'Hetao#2026x' });
    expect(session.status).toBe(200);
    const token = session.json.data.token as string;
    // the first cross-side step: moving them to the other side by a role edit is refused
    for (const roles of [other, otherAlso]) {
      const moved = await raw('people', 'setRoles', { personId: id, roles }, withToken(await host.signIn(office)));
      expect({ status: moved.status, error: moved.json.error }).toEqual({ status: 403, error: { code: 'forbidden', message: SIDE_CHANGE_REFUSED, details: [{ path: 'roles', message: SIDE_CHANGE_REFUSED }] } });
    }
    // nothing changed: the person still holds only their own side's roles and the session still works
    const me = await raw('account', 'me', {}, withToken(token));
    expect(me.json.data.person.roles.map((r: any) => r.role)).toEqual(own.roles);
    // the pages are offered only own-side roles for this person
    const view = await okFresh(office, 'people', 'get', { personId: id });
    expect(view.assignableRoles.length).toBeGreaterThan(0);
    expect(view.assignableRoles).not.toContain(other[0]);
    expect(view.assignableRoles).not.toContain(otherAlso[0]);
    const list = await okFresh(office, 'people', 'list', {});
    expect(list.assignableRoles).not.toContain(other[0]);
  });

  it('the other office cannot do it either: it does not keep the person (not its side) and gives none of its roles to them', async () => {
    const id = (await okFresh('city-union-office', 'people', 'create', { name: '跨方二号', unit: '河套面粉厂', title: '职工代表', roles: ['representative'] })).id;
    expect(await fresh('city-gov-office', 'people', 'setRoles', { personId: id, roles: ['gov_leader'] })).toBe('forbidden');
    expect(await fresh('city-gov-office', 'people', 'inviteCode', { personId: id })).toBe('forbidden');
  });
});
