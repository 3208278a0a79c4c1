// The records the people actions name (issue #11): an org (whose directory; the parent org's
// offices read it and create its first office accounts) and a person (kept by their side's office).
// Compliance, settings and account name them too, so they live in server/, not in the people area.
import { createHash } from 'node:crypto';
import { personSide, type ActionName, type OneSide, type OrgFacts, type Person, type PersonFacts } from '../../domain';
import { defineRecordKind } from '../kit/registry';
import type { Store, StoredDoc, TxStore } from '../store/port';
import { orgById } from '../security/identity';
import type { Org } from '../../domain';

export const orgFacts = (org: Org): OrgFacts => ({ kind: 'org', orgId: org._id, ...(org.parentId ? { orgParentId: org.parentId } : {}) });

/** An org named by `orgId` (default: the caller's own), whose visibility is `readAs`'s rules. */
export function orgRecordKind(readAs: ActionName) {
  return defineRecordKind<{ orgId?: string }, Org>({
    readAs,
    load: async ({ orgId }, store, actor) => {
      const org = await orgById(store, orgId ?? actor.orgId);
      return org ? { record: org, facts: orgFacts(org) } : null;
    },
  });
}

export const orgKind = orgRecordKind('people.list');

export const personFacts = (p: Person): PersonFacts => ({ kind: 'person', orgId: p.orgId, side: personSide(p.roles) });

export const personKind = defineRecordKind<{ personId: string }, Person>({
  readAs: 'people.get',
  load: async ({ personId }, store) => {
    const p = await store.get<Person>('users', personId);
    return p ? { record: p, facts: personFacts(p) } : null;
  },
});

/** A unit of an org as a record (a department, a union department, a workplace). */
export interface UnitDoc extends StoredDoc {
  orgId: string;
  name: string;
  side: OneSide;
  createdAt: string;
}

export const unitId = (orgId: string, name: string) => `u${createHash('sha256').update(`${orgId}\u0000${name}`).digest('hex').slice(0, 31)}`;

/** The unit named `name` in the org, created the first time it is named. */
export async function ensureUnit(tx: TxStore, orgId: string, name: string, side: OneSide, now: Date): Promise<string> {
  const _id = unitId(orgId, name);
  if (!(await tx.get<UnitDoc>('units', _id))) await tx.insert<UnitDoc>('units', { _id, orgId, name, side, createdAt: now.toISOString() });
  return _id;
}

/** Someone other than `except` already signs in with this login (people.create/update/import, account.bind). */
export async function loginTaken(store: Store, login: string, except?: string): Promise<boolean> {
  const page = await store.find<Person>('users', { login }, { limit: 2 });
  return page.items.some((p) => p._id !== except);
}
