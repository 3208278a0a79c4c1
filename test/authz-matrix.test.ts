// The authorisation matrix, generated from the registry: every action × every role, plus the
// cross-org cases. A new action joins automatically; one without a matrix row or an example fails.
import { PERMISSIONS, ROLES, roleMayCall, type Permission, type Role } from '../domain';
import { AREAS } from '../server/host/areas';
import { COLLECTION_NAMES } from '../server/store/indexes';
import { demoPeople } from '../server/seed';
import { EXAMPLES } from './support/action-examples';
import { openWorld, snapshotCounts, type World } from './support/world';

const people = demoPeople();
const cityPersonWith = (role: Role) => {
  const p = people.find((x) => x.orgId === 'city' && x.roles.length === 1 && x.roles[0] === role);
  if (!p) throw new Error(`the seed has no city person with only the role ${role}`);
  return p;
};
const officeOf = (orgId: string) => people.find((p) => p.orgId === orgId && p.roles.includes('gov_office'))!;

const actions = AREAS.flatMap((area) => [...area.actions.values()]);
const unaudited = COLLECTION_NAMES.filter((c) => c !== 'audit');

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());

it('every registered action has a row in the permission matrix and an example', () => {
  expect(actions.length).toBeGreaterThan(0);
  for (const a of actions) {
    expect({ action: a.name, row: a.name in PERMISSIONS }).toEqual({ action: a.name, row: true });
    expect({ action: a.name, example: a.name in EXAMPLES }).toEqual({ action: a.name, example: true });
  }
});

describe.each(actions.map((a) => [a.name, a] as const))('%s', (name, action) => {
  const example = EXAMPLES[name];
  const permission: Permission = action.permission;
  const [area, verb] = name.split('.');

  beforeAll(() => world.reset());

  it('refuses a caller without identity', async () => {
    const res = await world.call(area, verb, await example.payload(world, 'city'));
    expect(res.status).toBe(401);
  });

  it.each(ROLES.map((r) => [r]))('role %s', async (role) => {
    const person = cityPersonWith(role);
    const payload = await example.payload(world, 'city');
    const before = await snapshotCounts(world.store, unaudited);
    const audits = await world.store.count('audit', {});
    const res = await world.call(area, verb, payload, person.key);
    const code = res.envelope.ok ? 'ok' : res.envelope.error.code;
    const admitted = roleMayCall(permission, [role]) && (example.admits ?? ROLES).includes(role);
    if (admitted) {
      expect({ role, code }).not.toEqual({ role, code: expect.stringMatching(/^(forbidden|not_found|unauthenticated|validation_error)$/) });
    } else {
      // refused: forbidden, or not_found where the caller may not even see the record;
      // a denial writes nothing but one audit row
      expect({ role, code }).toEqual({ role, code: expect.stringMatching(/^(forbidden|not_found)$/) });
      if (!roleMayCall(permission, [role])) expect(code).toBe('forbidden');
      expect(await snapshotCounts(world.store, unaudited)).toEqual(before);
      expect(await world.store.count('audit', {})).toBe(audits + 1);
    }
  });

  it('keeps each org to itself (Art. 12: parent offices read, never change; siblings see nothing)', async () => {
    if (!permission.rows?.length) {
      // No record is named: every answer must be about the caller's own.
      expect(example.isolation).toBeDefined();
      for (const orgId of ['city', 'linhe', 'wuyuan']) {
        const caller = officeOf(orgId);
        const res = await world.call(area, verb, await example.payload(world, 'city'), caller.key);
        if (roleMayCall(permission, caller.roles)) example.isolation!(res, { key: caller.key, orgId });
      }
      return;
    }
    // Strangers who hold a role the action allows, so the row rule is what refuses them:
    // 五原县 on a 临河区 record (a sibling), 临河区 on a city record (a child) — both learn nothing.
    const withRole = (orgId: string, office = false) =>
      people.filter((p) => p.orgId === orgId && (!office || p.roles.some((r) => r.endsWith('_office')))).find((p) => roleMayCall(permission, p.roles));
    let tried = 0;
    for (const [recordOrg, strangerOrg] of [['linhe', 'wuyuan'], ['city', 'linhe']]) {
      const stranger = withRole(strangerOrg);
      if (!stranger) continue;
      tried += 1;
      const res = await world.call(area, verb, await example.payload(world, recordOrg), stranger.key);
      expect({ stranger: stranger.key, code: res.envelope.ok ? 'ok' : res.envelope.error.code }).toEqual({ stranger: stranger.key, code: 'not_found' });
    }
    expect(tried).toBeGreaterThan(0);
    // The city's offices read a county's records and never change them.
    const parent = withRole('city', true);
    if (parent) {
      const up = await world.call(area, verb, await example.payload(world, 'linhe'), parent.key);
      const upCode = up.envelope.ok ? 'ok' : up.envelope.error.code;
      if (permission.mode === 'write') expect(upCode).toBe('forbidden');
      else expect(['forbidden', 'not_found']).not.toContain(upCode);
    }
  });
});
