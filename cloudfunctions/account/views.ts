// How a person and their org are shown to the client (labels in Chinese, no internal fields).
import { AppError, ROLE_INFO, type Actor, type MeView, type Org, type Person } from '../../domain';
import type { Store } from '../../server/store/port';

export async function loadMe(store: Store, actor: Actor): Promise<MeView> {
  const [person, org] = await Promise.all([store.get<Person>('users', actor.id), store.get<Org>('orgs', actor.orgId)]);
  if (!person || !org) throw new AppError('not_found');
  const parent = org.parentId ? await store.get<Org>('orgs', org.parentId) : null;
  return {
    person: {
      id: person._id,
      name: person.name,
      unit: person.unit,
      title: person.title,
      roles: person.roles.map((role) => ({ role, label: ROLE_INFO[role].label })),
    },
    org: {
      id: org._id,
      name: org.name,
      level: org.level,
      govName: org.govName,
      unionName: org.unionName,
      ...(parent ? { parentName: parent.name } : {}),
    },
  };
}
