// Issue #17 "two sides, two keys", as a matrix: every office of every tested org × every role of
// the other side, through the router — creating a person with it, importing a row with it, and
// moving an own-side person to it by a role edit are all refused and change nothing; every role of
// the office's own side is given. The domain's assignable roles are exactly the office's side.
import { assignableRoles, OWN_SIDE_ONLY, ROLE_INFO, ROLES, SIDE_CHANGE_REFUSED, type Person, type Role } from '../domain';
import { COLLECTION_NAMES } from '../server/store/indexes';
import { openWorld, snapshotDocs, type World } from './support/world';

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());

const OFFICES = [
  { role: 'gov_office', side: 'gov' },
  { role: 'union_office', side: 'union' },
] as const;
const compared = COLLECTION_NAMES.filter((c) => c !== 'audit' && c !== 'idempotency');
let seq = 0;

async function ownSidePerson(orgId: string, side: 'gov' | 'union'): Promise<Person> {
  seq += 1;
  const roles: Role[] = side === 'gov' ? ['gov_department'] : ['representative'];
  return world.store.insert<Person>('users', { orgId, name: `人员${seq}`, unit: '测试单位', title: '科员', roles, active: true, sessionEpoch: 0, passwordHash: 'x', openid: `o-side-${seq}` });
}

it('the domain offers an office exactly its own side\'s roles', () => {
  for (const { role, side } of OFFICES) {
    expect(assignableRoles([role])).toEqual(ROLES.filter((r) => ROLE_INFO[r].side === side));
    expect(assignableRoles([role], side === 'gov' ? 'union' : 'gov')).toEqual([]);
  }
});

describe.each(['city', 'linhe'])('org %s', (orgId) => {
  describe.each(OFFICES)('$role', ({ role, side }) => {
    const officeId = `${orgId}-${role.replace('_', '-')}`;
    const others = ROLES.filter((r) => ROLE_INFO[r].side !== side);
    const own = ROLES.filter((r) => ROLE_INFO[r].side === side);

    it.each(others.map((r) => [r]))('refuses the other side\'s %s: create, import, setRoles — nothing changes', async (other) => {
      const person = await ownSidePerson(orgId, side);
      const was = await snapshotDocs(world.store, compared);
      const created = await world.call('people', 'create', { name: '冒名人员', unit: '测试单位', title: '科员', roles: [other] }, officeId, `side-key-${(seq += 1)}`);
      expect(created.envelope).toEqual({ ok: false, error: { code: 'forbidden', message: OWN_SIDE_ONLY } });
      const imported = await world.call('people', 'import', { rows: [{ line: 2, name: '冒名人员', unit: '测试单位', title: '科员', roles: [other] }] }, officeId, `side-key-${(seq += 1)}`);
      expect(imported.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', details: [{ line: 2, message: OWN_SIDE_ONLY }] } });
      const moved = await world.call('people', 'setRoles', { personId: person._id, roles: [other] }, officeId, `side-key-${(seq += 1)}`);
      expect(moved.envelope).toMatchObject({ ok: false, error: { code: 'forbidden', message: SIDE_CHANGE_REFUSED } });
      expect(await snapshotDocs(world.store, compared)).toEqual(was);
    });

    it('gives every role of its own side', async () => {
      for (const r of own) {
        const res = await world.call('people', 'create', { name: `本方${r}`.slice(0, 20), unit: '测试单位', title: '科员', roles: [r] }, officeId, `side-key-${(seq += 1)}`);
        expect({ r, ok: res.envelope.ok }).toEqual({ r, ok: true });
      }
    });
  });
});
