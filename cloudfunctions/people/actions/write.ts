// people.create / update / setRoles / deactivate / inviteCode — issue #11: each org's office keeps
// its own side's people; the city's offices create a county's first office accounts. A role change
// or a deactivation ends the person's sessions at once (the session epoch). Issue #17: an office
// gives only its own side's roles (leadership too, the other side's office told), and a role edit
// never moves a person to the other side.
import {
  AppError,
  CreatePersonInput,
  changesSide,
  givesLeadership,
  INVITE_TTL_MS,
  keptSides,
  mayGiveRoles,
  oneSide,
  OWN_SIDE_ONLY,
  personSide,
  PersonIdInput,
  SetRolesInput,
  SIDE_CHANGE_REFUSED,
  SIDE_OFFICE,
  UpdatePersonInput,
  type Actor,
  type OneSide,
  type Person,
  type Role,
} from '../../../domain';
import { inviteId, newInviteCode, openInvites, voidInvites, type InviteDoc } from '../../../server/security/invites';
import { peopleWithRoles, type NotificationDraft } from '../../../server/notify/notify';
import { defineAction, type ActionContext } from '../../../server/kit/registry';
import type { Store, TxStore } from '../../../server/store/port';
import { ensureUnit, loginTaken, orgKind, personKind } from '../../../server/areas/people';
import { leadershipGiven } from '../notices';
import { toPersonView } from '../views';

/** The roles a caller may give, or a clear refusal. */
export function checkRoles(actor: Actor, roles: readonly Role[], forCounty: boolean): void {
  if (!oneSide(roles)) throw new AppError('validation_error', '一位人员只能担任一方的角色', [{ path: 'roles', message: '一位人员只能担任一方的角色' }]);
  if (forCounty) {
    // Art. 12: the city's offices open a county's office accounts of their own side, nothing else
    const offices = keptSides(actor.roles).map((s) => SIDE_OFFICE[s]);
    if (!roles.every((r) => offices.includes(r))) throw new AppError('forbidden', '上级办公室只能为下级开设本方办公室账号');
    return;
  }
  if (!mayGiveRoles(actor.roles, roles)) throw new AppError('forbidden', OWN_SIDE_ONLY);
}

const loginError = () => new AppError('validation_error', '登录名已被使用', [{ path: 'login', message: '登录名已被使用' }]);

/** The other side's office of the org, told when a leadership role is given (read before the write). */
async function otherOffices(store: Store, orgId: string, roles: readonly Role[]): Promise<{ side: OneSide; people: Person[] } | null> {
  if (!givesLeadership(roles)) return null;
  // the side other than the roles' own (which is the giver's: an office gives only its own side's)
  const side: OneSide = personSide(roles) === 'gov' ? 'union' : 'gov';
  return { side, people: await peopleWithRoles(store, orgId, [SIDE_OFFICE[side]]) };
}

const told = (others: { side: OneSide; people: Person[] } | null, by: Actor) => (p: Person): NotificationDraft[] =>
  others ? leadershipGiven(others.people, p, by.name, personSide(p.roles)) : [];

export async function insertPerson(
  tx: TxStore,
  ctx: Pick<ActionContext<unknown>, 'now' | 'actor'>,
  orgId: string,
  fields: { name: string; unit: string; title: string; login?: string; phone?: string; unitHead?: boolean; roles: Role[] },
): Promise<Person> {
  const unitId = await ensureUnit(tx, orgId, fields.unit, personSide(fields.roles), ctx.now);
  return tx.insert<Person>('users', {
    orgId, name: fields.name, unit: fields.unit, unitId, title: fields.title, roles: fields.roles,
    ...(fields.login ? { login: fields.login } : {}), ...(fields.phone ? { phone: fields.phone } : {}),
    ...(fields.unitHead ? { unitHead: true } : {}),
    active: true, sessionEpoch: 0,
  });
}

export const create = defineAction({
  name: 'people.create',
  input: CreatePersonInput,
  record: orgKind,
  target: (i) => i.orgId,
  handler: async (input, ctx) => {
    const org = ctx.record;
    checkRoles(ctx.actor, input.roles, org._id !== ctx.actor.orgId);
    if (input.login && (await loginTaken(ctx.store, input.login))) throw loginError();
    const others = await otherOffices(ctx.store, org._id, input.roles);
    const p = await ctx.write((tx) => insertPerson(tx, ctx, org._id, input), told(others, ctx.actor));
    return { id: p._id };
  },
});

export const update = defineAction({
  name: 'people.update',
  input: UpdatePersonInput,
  record: personKind,
  target: (i) => i.personId,
  handler: async ({ name, unit, title, login, phone, unitHead }, ctx) => {
    const p = ctx.record;
    if (login && login !== p.login && (await loginTaken(ctx.store, login, p._id))) throw loginError();
    const saved = await ctx.write(async (tx) => {
      const unitId = unit && unit !== p.unit ? await ensureUnit(tx, p.orgId, unit, personSide(p.roles), ctx.now) : undefined;
      return tx.update<Person>('users', p._id, p.version, {
        ...(name ? { name } : {}), ...(unit ? { unit } : {}), ...(unitId ? { unitId } : {}), ...(title ? { title } : {}),
        ...(login ? { login } : {}), ...(phone !== undefined ? { phone: phone ?? undefined } : {}),
        ...(unitHead !== undefined ? { unitHead } : {}),
      });
    });
    return toPersonView(saved, ctx.actor);
  },
});

export const setRoles = defineAction({
  name: 'people.setRoles',
  input: SetRolesInput,
  record: personKind,
  target: (i) => i.personId,
  handler: async ({ roles }, ctx) => {
    const p = ctx.record;
    if (p._id === ctx.actor.id) throw new AppError('validation_error', '不能修改自己的角色，请由本方另一位办公室人员操作');
    // issue #17: the side is fixed when the account is opened; the password and the WeChat binding
    // belong to that side's account and never travel with a role edit
    if (changesSide(p.roles, roles)) throw new AppError('forbidden', SIDE_CHANGE_REFUSED, [{ path: 'roles', message: SIDE_CHANGE_REFUSED }]);
    checkRoles(ctx.actor, roles, false);
    const others = await otherOffices(ctx.store, p.orgId, roles);
    // a new role set ends the person's sessions: the next call is judged by the new roles
    const saved = await ctx.write(
      (tx) => tx.update<Person>('users', p._id, p.version, { roles, sessionEpoch: (p.sessionEpoch ?? 0) + 1 }),
      told(others, ctx.actor),
    );
    return toPersonView(saved, ctx.actor);
  },
});

export const deactivate = defineAction({
  name: 'people.deactivate',
  input: PersonIdInput,
  record: personKind,
  guard: (p) => {
    if (p.active === false) throw new AppError('invalid_transition', '该人员已停用');
  },
  target: (i) => i.personId,
  handler: async (_input, ctx) => {
    const p = ctx.record;
    if (p._id === ctx.actor.id) throw new AppError('validation_error', '不能停用自己的账号');
    const open = await openInvites(ctx.store, p._id);
    const saved = await ctx.write(async (tx) => {
      await voidInvites(tx, open, ctx.now.toISOString());
      return tx.update<Person>('users', p._id, p.version, { active: false, sessionEpoch: (p.sessionEpoch ?? 0) + 1 });
    });
    return toPersonView(saved, ctx.actor);
  },
});

export const inviteCode = defineAction({
  name: 'people.inviteCode',
  input: PersonIdInput,
  record: personKind,
  guard: (p) => {
    if (p.active === false) throw new AppError('invalid_transition', '该人员已停用，不能发放邀请码');
  },
  target: (i) => i.personId,
  handler: async (_input, ctx) => {
    const p = ctx.record;
    const code = newInviteCode();
    const expiresAt = new Date(ctx.now.getTime() + INVITE_TTL_MS).toISOString();
    const earlier = await openInvites(ctx.store, p._id);
    const at = ctx.now.toISOString();
    await ctx.write(async (tx) => {
      // only the newest code works: rebinding always needs a fresh one from the office
      await voidInvites(tx, earlier, at);
      await tx.insert<InviteDoc>('invites', { _id: inviteId(code), personId: p._id, orgId: p.orgId, createdBy: ctx.actor.id, createdAt: at, expiresAt, usedAt: null, voidedAt: null });
    });
    // the scene is the code itself: 10 characters of [2-9A-Z], inside WeChat's 32 visible ASCII
    const qr = await ctx.codes.qr('pages/bind/index', code);
    return { code, qr, expiresAt };
  },
});
