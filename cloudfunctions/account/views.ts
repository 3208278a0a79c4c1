// How a person and their org are shown to the client (labels in Chinese, no internal fields).
// Everything comes from the identified actor and the process's org cache: no extra reads.
import { AppError, proposerSides, ROLE_INFO, submittableSides, type Actor, type MeView } from '../../domain';
import { orgById } from '../../server/security/identity';
import type { Store } from '../../server/store/port';

export async function loadMe(store: Store, actor: Actor): Promise<MeView> {
  const org = await orgById(store, actor.orgId);
  if (!org) throw new AppError('not_found');
  const parent = org.parentId ? await orgById(store, org.parentId) : null;
  return {
    person: {
      id: actor.id,
      name: actor.name,
      unit: actor.unit ?? '',
      title: actor.title ?? '',
      roles: actor.roles.map((role) => ({ role, label: ROLE_INFO[role].label })),
    },
    proposal: { sides: submittableSides(actor.roles), leadSides: proposerSides(actor.roles) },
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
