// Identify: turn the platform's principal (WeChat OPENID or the host's session) into an Actor by
// the `users` collection. The payload is never consulted.
import type { Actor, Org, Person } from '../domain';
import type { Principal } from './runtime';
import type { Store } from './store/port';

export async function findPerson(store: Store, principal: Principal): Promise<Person | null> {
  if (principal.kind === 'user') return store.get<Person>('users', principal.userId);
  const page = await store.find<Person>('users', { openid: principal.openid }, { limit: 1 });
  return page.items[0] ?? null;
}

export async function identify(store: Store, principal: Principal | null): Promise<Actor | null> {
  if (!principal) return null;
  const person = await findPerson(store, principal);
  if (!person) return null;
  const org = await store.get<Org>('orgs', person.orgId);
  if (!org) return null;
  return {
    id: person._id,
    name: person.name,
    unit: person.unit,
    orgId: person.orgId,
    roles: [...person.roles],
    parentOrgId: org.parentId,
    openid: person.openid,
  };
}
