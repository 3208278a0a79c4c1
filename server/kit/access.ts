// Authorisation and what a caller is offered, from one set of rules: the role matrix, the row
// predicates on the record the action names, and the action's state guard. The router refuses with
// exactly these checks and `allowedActions` offers with exactly these checks, so a button shown is
// a call that passes authorisation.
import {
  AppError,
  PERMISSIONS,
  roleMayCall,
  rowAdmits,
  type Actor,
  type Permission,
  type RowFacts,
} from '../../domain';
import { orgById } from '../security/identity';
import type { Loaded, RecordKind, RegisteredAction } from './registry';
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

function passes(action: RegisteredAction, actor: Actor, loaded: Loaded<unknown>, now?: Date): boolean {
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
 * `allowedActions` of a record for the caller: the verbs of the write actions that name this kind
 * of record and would pass authorisation and their guard now (registration order). Pass `now` for
 * kinds with guards that depend on the day (the meeting's start): without it they are not offered.
 */
export function offeredActions<R>(kind: RecordKind<never, R>, actor: Actor, loaded: Loaded<R>, now?: Date): string[] {
  return kind.writes.filter((action) => passes(action, actor, loaded as Loaded<unknown>, now)).map((a) => a.verb);
}
