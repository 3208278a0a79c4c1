// Issue #11: signing in at a desk, setting a first password with an invite code, binding a WeChat
// account, changing a password and signing out. A session dies when its person signs out, is
// deactivated or changes roles (the session epoch). Issue #17 (ASVS 5 V6): passwords pre-hashed
// then bcrypt (server/security/passwords.ts); each sign-in attempt is claimed — counted and, at the fifth in
// a row, locked for 15 minutes — before the comparison, per login whether it exists or not (the
// same answers and the same work for unknown logins); wrong current passwords are limited the same
// way; common passwords and ones containing the login or name are refused; a password set again
// through an invite code ends every session of that person and tells them.
import {
  AppError,
  BindInput,
  ChangePasswordInput,
  RedeemInviteInput,
  SIGN_IN_ATTEMPTS,
  SIGN_IN_LOCK_MS,
  SignInInput,
  SignOutInput,
  type Person,
  type SessionView,
} from '../../../domain';
import { attemptId, claimAttempt, clearAttempts } from '../../../server/security/attempts';
import { attemptKeys, checkAttempts, redeemCode } from '../../../server/security/invites';
import type { NotificationDraft } from '../../../server/notify/notify';
import { compareWithDummy, hashPassword, isLegacyHash, verifyPassword, weakPassword } from '../../../server/security/passwords';
import { defineAction, type ActionContext } from '../../../server/kit/registry';
import { loadMe } from '../views';
import { loginTaken } from '../../../server/areas/people';

const WRONG = '登录名或密码不正确';

function session(ctx: Pick<ActionContext<unknown>, 'issueSession'>, p: Person): SessionView {
  if (!ctx.issueSession) throw new AppError('forbidden', '请在微信中打开联席会议小程序');
  return { token: ctx.issueSession(p._id, p.sessionEpoch ?? 0), personId: p._id, name: p.name };
}

function checkPassword(pw: string, who: { login?: string; name?: string }, path = 'password'): void {
  const problem = weakPassword(pw, who);
  if (problem) throw new AppError('validation_error', problem, [{ path, message: problem }]);
}

const lockedMessage = (until: string) =>
  `密码错误次数过多，已锁定，请于 ${new Date(until).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })} 后再试`;

export const signIn = defineAction({
  name: 'account.signIn',
  input: SignInInput,
  handler: async ({ login, password }, ctx) => {
    // security runs on real time, like session expiry, even when the dev clock is moved
    const now = new Date();
    // the attempt is claimed first: a sixth guess is refused without being compared, known login or not
    const counter = attemptId('signin', login);
    await claimAttempt(ctx.store, counter, now, SIGN_IN_ATTEMPTS, SIGN_IN_LOCK_MS, lockedMessage);
    const page = await ctx.store.find<Person>('users', { login }, { limit: 1 });
    const p = page.items[0];
    const usable = p && p.active !== false && p.passwordHash ? p : null;
    const right = usable ? await verifyPassword(password, usable.passwordHash!) : await compareWithDummy(password);
    if (!usable || !right) throw new AppError('unauthenticated', WRONG);
    await clearAttempts(ctx.store, counter);
    // an earlier scheme's hash is upgraded while the password is at hand
    const upgrade = isLegacyHash(usable.passwordHash!) ? { passwordHash: await hashPassword(password) } : {};
    const saved = Object.keys(upgrade).length ? await ctx.write((tx) => tx.update<Person>('users', usable._id, usable.version, upgrade)) : usable;
    return session(ctx, saved);
  },
});

/** Issue #17: the person whose password was set again through an invite code is told (inbox and message). */
const passwordReset = (p: Person): NotificationDraft[] => [{
  recipientId: p._id, orgId: p.orgId, milestone: 'password_reset', subject: { type: 'person', id: p._id }, occurrence: p.version,
  title: '您的登录密码已通过邀请码重新设置',
  body: `您的账号（登录名 ${p.login ?? ''}）已凭办公室发放的邀请码重新设置密码，此前所有登录均已失效。如非本人操作，请立即联系本方办公室停用账号并重新发放邀请码。`,
  link: '/pages/account/index',
  facts: { subject: '登录密码已重新设置', note: '如非本人操作请联系办公室' },
}];

export const redeemInvite = defineAction({
  name: 'account.redeemInvite',
  input: RedeemInviteInput,
  handler: async ({ code, login, password }, ctx) => {
    // wrong codes count per code and per person the code names, never per address (issue #17)
    const who = attemptKeys(code);
    await checkAttempts(ctx.store, who, ctx.now, code);
    if (login && (await loginTaken(ctx.store, login))) {
      throw new AppError('validation_error', '登录名已被使用', [{ path: 'login', message: '登录名已被使用' }]);
    }
    // the password's own rules first, so a weak one is refused before the code is used up
    checkPassword(password, { login });
    const hash = await hashPassword(password);
    let reset = false;
    const saved = await redeemCode(ctx, who, code, (person) => {
      if (!person.login && !login) throw new AppError('validation_error', '请设置登录名', [{ path: 'login', message: '请设置登录名' }]);
      checkPassword(password, { login: person.login ?? login, name: person.name });
      reset = !!person.passwordHash;
      // a password set again ends every session of the person: whoever held one is out (issue #17)
      return { passwordHash: hash, ...(reset ? { sessionEpoch: (person.sessionEpoch ?? 0) + 1 } : {}), ...(person.login ? {} : { login }) };
    }, (p) => (reset ? passwordReset(p) : []));
    await clearAttempts(ctx.store, attemptId('signin', saved.login ?? ''));
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
    // wrong codes count per WeChat account, per code and per person the code names (issue #17)
    const who = attemptKeys(code, openid);
    await checkAttempts(ctx.store, who, ctx.now, code);
    // a new code binds the new account: the person's earlier WeChat account no longer answers
    const bound = await redeemCode(ctx, who, code, () => ({ openid }));
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
    const counter = attemptId('password', p._id);
    if (p.passwordHash) {
      if (!current) throw new AppError('validation_error', '请填写当前密码', [{ path: 'current', message: '请填写当前密码' }]);
      // wrong current passwords are limited like sign-in: claimed before the comparison (issue #17)
      await claimAttempt(ctx.store, counter, new Date(), SIGN_IN_ATTEMPTS, SIGN_IN_LOCK_MS, (until) => lockedMessage(until).replace('密码错误', '当前密码错误'));
      if (!(await verifyPassword(current, p.passwordHash))) throw new AppError('validation_error', '当前密码不正确', [{ path: 'current', message: '当前密码不正确' }]);
      await clearAttempts(ctx.store, counter);
    }
    checkPassword(next, { login: p.login, name: p.name }, 'next');
    const hash = await hashPassword(next);
    // a new password ends every other session; the caller gets a fresh one at the desk
    const saved = await ctx.write((tx) => tx.update<Person>('users', p._id, p.version, { passwordHash: hash, sessionEpoch: (p.sessionEpoch ?? 0) + 1 }));
    await clearAttempts(ctx.store, attemptId('signin', p.login ?? ''));
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
