// Authorisation and what a caller is offered, from one set of rules: the role matrix, the row
// predicates on the record the action names, and the action's state guard. The router refuses with
// exactly these checks and `allowedActions` offers with exactly these checks, so a button shown is
// a call that passes authorisation.
import {
  AppError,
  PERMISSIONS,
  roleMayCall,
  rowAdmits,
  type ActionName,
  type Actor,
  type Permission,
  type RowFacts,
} from '../../domain';
import { orgById } from '../security/identity';
import type { Loaded, Offer, RecordKind, RegisteredAction } from './registry';
import type { Store } from '../store/port';

/** The record's org parent, read only when the caller's own org is not the record's. */
async function withParent(store: Store, actor: Actor, facts: RowFacts): Promise<RowFacts> {
  if (facts.orgParentId !== undefined) return facts;
  if (facts.orgId === actor.orgId) return { ...facts, orgParentId: actor.parentOrgId };
  const org = await orgById(store, facts.orgId);
  return { ...facts, orgParentId: org?.parentId };
}

/** Authorise a call; answers the loaded record (undefined when the action names none). */
export async function authorise(action: RegisteredAction, input: unknown, actor: Actor, store: Store, now?: Date): Promise<unknown> {
  const { permission } = action;
  if (!roleMayCall(permission, actor.roles, actor.system)) throw new AppError('forbidden');
  if (!action.record) return undefined;
  const loaded = await action.record.load(input, store, actor);
  if (!loaded) throw new AppError('not_found');
  const facts = await withParent(store, actor, loaded.facts);
  if (permission.rows?.length && !rowAdmits(permission, actor, facts)) {
    // Someone who may read the record learns they may not change it; anyone else learns nothing.
    const visibility: Permission = PERMISSIONS[action.record.readAs];
    const mayRead = permission.mode === 'write' && rowAdmits({ ...visibility, mode: 'read' }, actor, facts);
    throw new AppError(mayRead ? 'forbidden' : 'not_found');
  }
  action.guard?.(loaded.record, actor, now);
  return loaded.record;
}

/**
 * Whether the permission table lets the caller call `name` at all (its roles column, or the
 * system actor) — what an entry of home that names no record asks (issue #18). The row rules and
 * the guard then decide on each record the action names.
 */
export function mayCall(name: ActionName, actor: Actor): boolean {
  return roleMayCall(PERMISSIONS[name], actor.roles, actor.system);
}

/**
 * Whether the table and the row rules admit the caller to `name` on a record with these facts
 * (the org's parent read when needed). For a list that answers the records of an action (the
 * whole checklist is what `task.exportChecklist` admits), so the list judges by that action's
 * row, never by a role list of its own.
 */
export async function admits(name: ActionName, actor: Actor, store: Store, facts: RowFacts): Promise<boolean> {
  const permission: Permission = PERMISSIONS[name];
  if (!roleMayCall(permission, actor.roles, actor.system)) return false;
  return !permission.rows?.length || rowAdmits(permission, actor, await withParent(store, actor, facts));
}

function passes(action: Pick<Offer, 'permission' | 'guard'>, actor: Actor, loaded: Loaded<unknown>, now?: Date): boolean {
  const { permission } = action;
  if (!roleMayCall(permission, actor.roles, actor.system)) return false;
  if (permission.rows?.length && !rowAdmits(permission, actor, loaded.facts)) return false;
  try {
    action.guard?.(loaded.record, actor, now);
    return true;
  } catch {
    return false;
  }
}

/**
 * `allowedActions` of a record for the caller: the verbs of the actions offered on this kind of
 * record — its writes and its read buttons (downloads, exports) — that would pass authorisation
 * and their guard now (registration order). Pass `now` for kinds with guards that depend on the
 * day (the meeting's start): without it they are not offered.
 */
export function offeredActions<R>(kind: RecordKind<never, R>, actor: Actor, loaded: Loaded<R>, now?: Date): string[] {
  return kind.offers.filter((action) => passes(action, actor, loaded as Loaded<unknown>, now)).map((a) => a.verb);
}

/**
 * Issue #20: an action of another area offered on a record this area shows (催办 on a task, an
 * invitee's row, minutes under review): `[name]` in full ('notify.chase') when the caller would pass
 * its authorisation and guard now, else `[]`. The action's record kind and guard are passed in
 * (they live in server/, e.g. server/notify/chase.ts), so the offer needs no other area registered —
 * each cloud function is deployed on its own — and uses exactly the checks its call will meet.
 */
export function offeredCall<R>(rules: { name: ActionName; guard?(record: R, actor: Actor, now?: Date): void }, actor: Actor, loaded: Loaded<R>, now?: Date): string[] {
  const action = { permission: PERMISSIONS[rules.name] as Permission, guard: rules.guard as RegisteredAction['guard'] };
  return passes(action, actor, loaded as Loaded<unknown>, now) ? [rules.name] : [];
}
