// Issue #11: signing in at a desk, setting a first password with an invite code, binding a WeChat
// account, changing a password and signing out. Passwords are bcrypt hashes (bcryptjs, a
// maintained library); 5 wrong passwords in a row lock the login for 15 minutes; a session dies
// when its person signs out, is deactivated or changes roles (the session epoch).
import * as bcrypt from 'bcryptjs';
import {
  AppError,
  BindInput,
  ChangePasswordInput,
  passwordProblem,
  RedeemInviteInput,
  SIGN_IN_ATTEMPTS,
  SIGN_IN_LOCK_MS,
  SignInInput,
  SignOutInput,
  type Person,
  type SessionView,
} from '../../../domain';
import { checkAttempts, redeemCode } from '../../../server/invites';
import { retryOnConflict } from '../../../server/records';
import { defineAction, type ActionContext } from '../../../server/registry';
import type { Store } from '../../../server/store/port';
import { loadMe } from '../views';
import { loginTaken } from '../../people/actions/write';

const COST = 10;
const WRONG = '登录名或密码不正确';

function session(ctx: Pick<ActionContext<unknown>, 'issueSession'>, p: Person): SessionView {
  if (!ctx.issueSession) throw new AppError('forbidden', '请在微信中打开联席会议小程序');
  return { token: ctx.issueSession(p._id, p.sessionEpoch ?? 0), personId: p._id, name: p.name };
}

function checkPassword(pw: string): void {
  const problem = passwordProblem(pw);
  if (problem) throw new AppError('validation_error', problem, [{ path: 'password', message: problem }]);
}

/** Records a wrong password (its own commit) and locks the login at the fifth in a row. */
async function countFailure(store: Store, p: Person, now: Date): Promise<void> {
  await retryOnConflict(async () => {
    const cur = await store.get<Person>('users', p._id);
    if (!cur) return;
    const failed = (cur.failedSignIns ?? 0) + 1;
    await store.update<Person>('users', p._id, cur.version, {
      failedSignIns: failed, ...(failed >= SIGN_IN_ATTEMPTS ? { lockedUntil: new Date(now.getTime() + SIGN_IN_LOCK_MS).toISOString() } : {}),
    });
  });
}

export const signIn = defineAction({
  name: 'account.signIn',
  input: SignInInput,
  handler: async ({ login, password }, ctx) => {
    // security runs on real time, like session expiry, even when the dev clock is moved
    const now = new Date();
    const page = await ctx.store.find<Person>('users', { login }, { limit: 1 });
    const p = page.items[0];
    if (!p || p.active === false || !p.passwordHash) throw new AppError('unauthenticated', WRONG);
    if (p.lockedUntil && p.lockedUntil > now.toISOString()) {
      throw new AppError('rate_limited', `密码错误次数过多，已锁定，请于 ${new Date(p.lockedUntil).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })} 后再试`);
    }
    if (!(await bcrypt.compare(password, p.passwordHash))) {
      await countFailure(ctx.store, p, now);
      throw new AppError('unauthenticated', WRONG);
    }
    const saved = await ctx.write((tx) => tx.update<Person>('users', p._id, p.version, { failedSignIns: 0, lockedUntil: undefined }));
    return session(ctx, saved);
  },
});

export const redeemInvite = defineAction({
  name: 'account.redeemInvite',
  input: RedeemInviteInput,
  handler: async ({ code, login, password }, ctx) => {
    // wrong codes count per WeChat account, or per client at a desk: one guesser never locks out the rest
    const who = `redeem:${ctx.actor.openid ?? ctx.actor.client ?? 'desk'}`;
    await checkAttempts(ctx.store, who, ctx.now);
    checkPassword(password);
    if (login && (await loginTaken(ctx.store, login))) {
      throw new AppError('validation_error', '登录名已被使用', [{ path: 'login', message: '登录名已被使用' }]);
    }
    const hash = await bcrypt.hash(password, COST);
    const saved = await redeemCode(ctx, who, code, (person) => {
      if (!person.login && !login) throw new AppError('validation_error', '请设置登录名', [{ path: 'login', message: '请设置登录名' }]);
      return { passwordHash: hash, failedSignIns: 0, lockedUntil: undefined, ...(person.login ? {} : { login }) };
    });
    return session(ctx, saved);
  },
});

export const bind = defineAction({
  name: 'account.bind',
  input: BindInput,
  handler: async ({ code }, ctx) => {
    const openid = ctx.actor.openid;
    if (!openid) throw new AppError('unauthenticated', '请在微信中打开联席会议小程序');
    if (!ctx.actor.visitor) throw new AppError('conflict', `该微信已绑定「${ctx.actor.name}」；更换绑定请先由办公室停用原账号`);
    await checkAttempts(ctx.store, openid, ctx.now);
    // a new code binds the new account: the person's earlier WeChat account no longer answers
    const bound = await redeemCode(ctx, openid, code, () => ({ openid }));
    const actor = { id: bound._id, name: bound.name, orgId: bound.orgId, roles: [...bound.roles], unit: bound.unit, title: bound.title, openid };
    return loadMe(ctx.store, actor);
  },
});

export const changePassword = defineAction({
  name: 'account.changePassword',
  input: ChangePasswordInput,
  handler: async ({ current, next }, ctx) => {
    const p = await ctx.store.get<Person>('users', ctx.actor.id);
    if (!p) throw new AppError('not_found');
    if (p.passwordHash) {
      if (!current) throw new AppError('validation_error', '请填写当前密码', [{ path: 'current', message: '请填写当前密码' }]);
      if (!(await bcrypt.compare(current, p.passwordHash))) throw new AppError('validation_error', '当前密码不正确', [{ path: 'current', message: '当前密码不正确' }]);
    }
    checkPassword(next);
    const hash = await bcrypt.hash(next, COST);
    // a new password ends every other session; the caller gets a fresh one at the desk
    const saved = await ctx.write((tx) => tx.update<Person>('users', p._id, p.version, { passwordHash: hash, sessionEpoch: (p.sessionEpoch ?? 0) + 1, failedSignIns: 0 }));
    return ctx.issueSession ? session(ctx, saved) : { ok: true as const };
  },
});

export const signOut = defineAction({
  name: 'account.signOut',
  input: SignOutInput,
  handler: async (_input, ctx) => {
    const p = await ctx.store.get<Person>('users', ctx.actor.id);
    if (!p) throw new AppError('not_found');
    await ctx.write((tx) => tx.update<Person>('users', p._id, p.version, { sessionEpoch: (p.sessionEpoch ?? 0) + 1 }));
    return { ok: true as const };
  },
});
