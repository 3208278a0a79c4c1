// How a person is shown (issue #11): roles in words, the phone number masked except to the person
// and to the office that keeps their side, and what the caller may do.
import {
  assignableRoles,
  maskPhone,
  personSide,
  ROLE_INFO,
  SIDE_LABEL,
  SIDE_OFFICE,
  type Actor,
  type DirectoryPersonView,
  type Person,
  type PersonCardView,
} from '../../domain';
import { suggestedCategory } from '../../domain/workbench';
import { offeredActions } from '../../server/kit/access';
import { personFacts, personKind, unitId } from '../../server/areas/people';

/** The phone in full for the person and their own side's office of the same org; masked for anyone else. */
export function seesPhone(viewer: Actor, p: Person): boolean {
  return viewer.id === p._id || (viewer.orgId === p.orgId && viewer.roles.includes(SIDE_OFFICE[personSide(p.roles)]));
}

export function toPersonCard(p: Person, viewer: Actor): PersonCardView {
  return {
    id: p._id, name: p.name, unit: p.unit, title: p.title,
    roles: p.roles.map((role) => ({ role, label: ROLE_INFO[role].label })),
    sideLabel: SIDE_LABEL[personSide(p.roles)],
    phone: p.phone ? (seesPhone(viewer, p) ? p.phone : maskPhone(p.phone)) : null,
    active: p.active !== false,
    bound: !!p.openid,
    side: personSide(p.roles),
    unitId: p.unitId ?? unitId(p.orgId, p.unit),
    category: suggestedCategory(p.roles),
    unitHead: p.unitHead === true,
  };
}

export function toPersonView(p: Person, viewer: Actor): DirectoryPersonView {
  const mayEdit = viewer.orgId === p.orgId;
  return {
    ...toPersonCard(p, viewer),
    orgId: p.orgId,
    login: mayEdit ? (p.login ?? null) : null,
    hasPassword: !!p.passwordHash,
    allowedActions: offeredActions(personKind, viewer, { record: p, facts: personFacts(p) }),
    // issue #17: only the person's own side's roles, and only by that side's office
    assignableRoles: assignableRoles(viewer.roles, personSide(p.roles)),
  };
}
