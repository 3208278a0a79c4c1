// The authorisation matrix, generated from the registry: every action × every role, plus the
// cross-org cases. A new action joins automatically; one without a matrix row or an example fails.
// Admitted means `ok: true`, or a refusal the action's example declares (a state rule met after
// authorisation). Refused means forbidden or not_found, no write at all — the world's store records
// every write that commits (test/support/recording-store.ts) — but exactly one new audit row,
// naming the call, and at most a settled refusal under the call's own idempotency key.
import { PERMISSIONS, ROLES, roleMayCall, type Permission, type Role } from '../domain';
import { AREAS } from '../host/areas';
import { COLLECTION_NAMES } from '../server/store/indexes';
import { demoPeople } from '../server/seed';
import { EXAMPLES } from './support/action-examples';
import type { Write } from './support/recording-store';
import { openWorld, type World } from './support/world';

const people = demoPeople();
const cityPersonWith = (role: Role) => {
  const p = people.find((x) => x.orgId === 'city' && x.roles.length === 1 && x.roles[0] === role);
  if (!p) throw new Error(`the seed has no city person with only the role ${role}`);
  return p;
};
const officeOf = (orgId: string) => people.find((p) => p.orgId === orgId && p.roles.includes('gov_office'))!;

const actions = AREAS.flatMap((area) => [...area.actions.values()]);
// The app sends an idempotency key with every write; so does the matrix. A refusal met inside the
// handler (after the key is reserved) settles the key as failed so the call may be retried with it:
// that row is the one write a refusal may leave, checked on its own below.
const IDEMPOTENCY = 'idempotency';
const hasIdempotency = (COLLECTION_NAMES as readonly string[]).includes(IDEMPOTENCY);
let keySeq = 0;

interface Before {
  audits: number;
}

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());

/** Starts a cell: the writes so far are the world's business, not this call's. */
async function before(): Promise<Before> {
  world.store.takeWrites();
  return { audits: await world.store.count('audit', {}) };
}

/** A write shown by what it touched, so a failing cell names the collection, the document and the change. */
const shown = (w: Write) =>
  w.op === 'insert' ? { op: w.op, collection: w.collection, id: w.id, doc: w.doc }
    : w.op === 'update' ? { op: w.op, collection: w.collection, id: w.id, patch: w.patch }
      : w.op === 'removeWhere' ? { op: w.op, collection: w.collection, filter: w.filter, removed: w.removed } : { op: w.op };

/**
 * A refused call wrote nothing — no insert, update or removal in any collection — but its one audit
 * row naming the call and, under its own idempotency key, a refusal settled as failed (never
 * replayable or stuck). Issue #17: a refusal that is counted (a wrong password's attempt) writes
 * only its counter.
 */
async function expectNothingChanged(was: Before, call: { actorId: string; action: string; code: string }): Promise<void> {
  const counted = EXAMPLES[call.action]?.refusalWrites ?? [];
  const writes = world.store.takeWrites();
  const collection = (w: Write) => ('collection' in w ? w.collection : '*');
  const audits = writes.filter((w) => collection(w) === 'audit');
  const keys = writes.filter((w) => hasIdempotency && collection(w) === IDEMPOTENCY);
  const others = writes.filter((w) => !audits.includes(w) && !keys.includes(w) && !counted.includes(collection(w)));
  expect({ action: call.action, actor: call.actorId, writes: others.map(shown) }).toEqual({ action: call.action, actor: call.actorId, writes: [] });
  // the audit: one new row (counted in the store too), an insert naming this call
  expect(audits.map((w) => ({ op: w.op, actorId: w.op === 'insert' ? w.doc.actorId : undefined, action: w.op === 'insert' ? w.doc.action : undefined, result: w.op === 'insert' ? w.doc.result : undefined })))
    .toEqual([{ op: 'insert', actorId: call.actorId, action: call.action, result: call.code }]);
  expect(await world.store.count('audit', {})).toBe(was.audits + 1);
  // idempotency: only keys this call reserved, each for this caller and action, ending settled as failed
  const reserved = new Set(keys.filter((w) => w.op === 'insert').map((w) => (w.op === 'insert' ? w.id : '')));
  for (const w of keys) {
    const id = 'id' in w ? w.id : w.op;
    expect({ id, op: w.op, reservedByThisCall: reserved.has(id) }).toEqual({ id, op: w.op, reservedByThisCall: true });
  }
  for (const id of reserved) {
    const r = (await world.store.get<{ _id: string; version: number; actorId?: string; action?: string; state?: string }>(IDEMPOTENCY, id))!;
    expect({ id, actorId: r.actorId, action: r.action, replayableOrStuck: r.state === 'done' || r.state === 'pending' })
      .toEqual({ id, actorId: call.actorId, action: call.action, replayableOrStuck: false });
  }
}

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

  it('refuses a caller without identity (unless it is how one signs in)', async () => {
    const res = await world.call(area, verb, await example.payload(world, 'city'));
    // issue #11: signing in and redeeming an invite are for callers nobody knows yet
    if (permission.caller === 'anonymous') expect(res.status).not.toBe(500);
    else expect(res.status).toBe(401);
  });

  it.each(ROLES.map((r) => [r]))('role %s', async (role) => {
    const person = cityPersonWith(role);
    const payload = await example.payload(world, 'city');
    const was = await before();
    const key = permission.mode === 'write' ? `matrix-key-${(keySeq += 1)}` : undefined;
    const res = await world.call(area, verb, payload, person.key, key);
    const code = res.envelope.ok ? 'ok' : res.envelope.error.code;
    const call = { actorId: person.key, action: name, code };
    const admitted = roleMayCall(permission, [role]) && (example.admits ?? ROLES).includes(role);
    if (admitted) {
      // ok, or a refusal this example declares; `internal` or any other code fails the cell
      const allowed = ['ok', ...(example.admittedCodes ?? [])];
      expect({ role, code, envelope: res.envelope }).toEqual({ role, code: allowed.includes(code) ? code : `one of ${allowed.join(', ')}`, envelope: res.envelope });
      if (code !== 'ok') await expectNothingChanged(was, call);
      else expect(await world.store.count('audit', {})).toBe(was.audits + (permission.mode === 'write' ? 1 : 0));
    } else {
      // refused: forbidden, or not_found where the caller may not even see the record
      expect({ role, code }).toEqual({ role, code: expect.stringMatching(/^(forbidden|not_found)$/) });
      if (!roleMayCall(permission, [role])) expect(code).toBe('forbidden');
      await expectNothingChanged(was, call);
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
      const payload = await example.payload(world, recordOrg);
      const was = await before();
      const res = await world.call(area, verb, payload, stranger.key, permission.mode === 'write' ? `matrix-key-${(keySeq += 1)}` : undefined);
      const code = res.envelope.ok ? 'ok' : res.envelope.error.code;
      expect({ stranger: stranger.key, code }).toEqual({ stranger: stranger.key, code: 'not_found' });
      await expectNothingChanged(was, { actorId: stranger.key, action: name, code });
    }
    expect(tried).toBeGreaterThan(0);
    // The city's offices read a county's records and never change them.
    const parent = withRole('city', true);
    if (parent) {
      const payload = await example.payload(world, 'linhe');
      const was = await before();
      const up = await world.call(area, verb, payload, parent.key, permission.mode === 'write' ? `matrix-key-${(keySeq += 1)}` : undefined);
      const upCode = up.envelope.ok ? 'ok' : up.envelope.error.code;
      if (permission.mode === 'write') {
        expect(upCode).toBe('forbidden');
        await expectNothingChanged(was, { actorId: parent.key, action: name, code: upCode });
      } else {
        expect(['forbidden', 'not_found']).not.toContain(upCode);
      }
    }
  });
});
