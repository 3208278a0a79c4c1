// Identify: turn the platform's principal (WeChat OPENID, the host's session, or the system actor
// of a timer tick) into an Actor by the `users` collection. The payload is never consulted.
import type { Actor, Org, Person } from '../../domain';
import type { Principal } from '../kit/runtime';
import { CountingStore, type Store } from '../store/port';

export async function findPerson(store: Store, principal: Principal): Promise<Person | null> {
  if (principal.kind === 'system') return null;
  if (principal.kind === 'user') return store.get<Person>('users', principal.userId);
  const page = await store.find<Person>('users', { openid: principal.openid }, { limit: 1 });
  return page.items[0] ?? null;
}

// Orgs are the fixed tree of the city and its counties (created by the seed or the setup command,
// never changed by an action), so each process keeps every org it has read.
const orgCache = new WeakMap<object, Map<string, Org>>();

/** An org by id, read once per process. */
export async function orgById(store: Store, orgId: string): Promise<Org | null> {
  const cacheKey = store instanceof CountingStore ? store.base : store;
  let known = orgCache.get(cacheKey);
  if (!known) orgCache.set(cacheKey, (known = new Map()));
  const hit = known.get(orgId);
  if (hit) return hit;
  const org = await store.get<Org>('orgs', orgId);
  if (org) known.set(orgId, org);
  return org;
}

export async function identify(store: Store, principal: Principal | null): Promise<Actor | null> {
  if (!principal) return null;
  if (principal.kind === 'system') return { id: `system:${principal.name}`, name: `系统（${principal.name}）`, orgId: '', roles: [], system: true };
  const person = await findPerson(store, principal);
  if (!person || person.active === false) return null;
  // issue #11: a token from before a sign-out, a deactivation or a role change is dead
  // (a session token always carries its epoch; only a test's stand-in principal carries none)
  if (principal.kind === 'user' && principal.epoch !== undefined && (person.sessionEpoch ?? 0) !== principal.epoch) return null;
  const org = await orgById(store, person.orgId);
  if (!org) return null;
  return {
    id: person._id,
    name: person.name,
    unit: person.unit,
    title: person.title,
    orgId: person.orgId,
    roles: [...person.roles],
    ...(org.parentId ? { parentOrgId: org.parentId } : {}),
    openid: person.openid,
  };
}
