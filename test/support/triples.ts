// Issue #18, OpenSlides' pattern: beside each area's actions, for every action of the area, the
// triple — (1) a caller without the permission is refused and nothing is written; (2) a caller with
// it acts, and the effect a user would notice is there; (3) a record in a state the action's rule
// refuses is refused (`invalid_transition`, or the code the guard gives) and nothing is written.
// Data-driven: the payloads are the authorisation matrix's examples (test/support/action-examples.ts),
// the wrong states their `wrongState`. Each area's file (cloudfunctions/<area>/actions.test.ts) lists
// its actions, each marked `state` or `n/a: <why>`; the list must equal the area's registered actions,
// so an action added without its triple fails. One world per file, opened once and never re-seeded:
// every payload builds its own fresh record, so no test meets another's leftovers (re-seeding before
// each test, as worldPerFile does, would cost ~250 ms a test — a minute over the 300 triples).
import { roleMayCall, ROLES, type Permission, type Role } from '../../domain';
import { dispatch, type Dispatched } from '../../server/kit/router';
import type { Principal } from '../../server/kit/runtime';
import { COLLECTION_NAMES } from '../../server/store/indexes';
import { demoPeople } from '../../server/seed';
import { EXAMPLES, type ActionExample } from './action-examples';
import type { Write } from './recording-store';
import { actionsOfArea, areaByName, openWorld, type World } from './world';

/** `state`: the action has a state rule (its example has `wrongState`); otherwise why it has none. */
export type StateRule = 'state' | `n/a: ${string}`;

const people = demoPeople();
/** The seeded city person holding exactly this one role (the matrix's callers too). */
function cityPersonWith(role: Role): string {
  const p = people.find((x) => x.orgId === 'city' && x.roles.length === 1 && x.roles[0] === role);
  if (!p) throw new Error(`the seed has no city person with only the role ${role}`);
  return p.key;
}

/** Who calls: a seeded person, nobody (no identity), an unbound WeChat account or the timer. */
type Caller = { kind: 'person'; role: Role; key: string } | { kind: 'nobody' } | { kind: 'openid' } | { kind: 'system' };
const describeCaller = (c: Caller): string => (c.kind === 'person' ? `${c.role} (${c.key})` : c.kind);

const admitted = (permission: Permission, example: ActionExample, role: Role) =>
  roleMayCall(permission, [role]) && (example.admits ?? ROLES).includes(role);

/** (2)/(3)'s caller: a city person the table and the example's row rules admit, else who the action is for. */
export function permittedCaller(permission: Permission, example: ActionExample): Caller {
  if (example.tripleCaller) return example.tripleCaller === 'openid' ? { kind: 'openid' } : example.tripleCaller === 'nobody' ? { kind: 'nobody' } : { kind: 'system' };
  if (permission.caller === 'anonymous') return { kind: 'nobody' };
  if (permission.caller === 'openid') return { kind: 'openid' };
  const role = ROLES.find((r) => admitted(permission, example, r));
  if (role) return { kind: 'person', role, key: cityPersonWith(role) };
  if (permission.system) return { kind: 'system' };
  throw new Error('no caller may call this action');
}

/**
 * (1)'s caller and the code the router gives it: a role the table refuses → `forbidden`; else a role
 * the row rules refuse → `forbidden` (it may read the record) or `not_found` (it may not even see it);
 * else, when every role is let through, a caller with no identity → `unauthenticated`; null when
 * anyone at all may call (signing in).
 */
export function refusedCaller(permission: Permission, example: ActionExample): { caller: Caller; codes: readonly string[] } | null {
  const byTable = ROLES.find((r) => !roleMayCall(permission, [r]));
  if (byTable) return { caller: { kind: 'person', role: byTable, key: cityPersonWith(byTable) }, codes: ['forbidden'] };
  const byRow = ROLES.find((r) => !admitted(permission, example, r));
  if (byRow) return { caller: { kind: 'person', role: byRow, key: cityPersonWith(byRow) }, codes: ['forbidden', 'not_found'] };
  if (permission.caller === 'anonymous') return null;
  return { caller: { kind: 'nobody' }, codes: ['unauthenticated'] };
}

let keySeq = 0;
/** One call as the app makes it: a write carries an idempotency key. */
export function callAs(w: World, name: string, payload: unknown, caller: Caller): Promise<Dispatched> {
  const [area, verb] = name.split('.');
  const event = { action: verb, payload, idempotencyKey: undefined as string | undefined };
  if (areaByName(area, event).actions.get(verb)?.permission.mode === 'write') event.idempotencyKey = `triple-key-${(keySeq += 1)}`;
  const as: Principal | undefined = caller.kind === 'system' ? { kind: 'system', name: 'triples' } : caller.kind === 'openid' ? { kind: 'openid', openid: `o-triple-${keySeq}` } : undefined;
  return dispatch(areaByName(area, event), event, { asUser: caller.kind === 'person' ? caller.key : undefined }, w.rt, as);
}

const codeOf = (res: Dispatched): string => (res.envelope.ok ? 'ok' : res.envelope.error.code);
const collectionOf = (w: Write): string => ('collection' in w ? w.collection : '*');
/** What a refusal may write: its audit row, its idempotency key settled as failed, and what its example counts. */
const BOOKKEEPING = ['audit', ...((COLLECTION_NAMES as readonly string[]).includes('idempotency') ? ['idempotency'] : [])];
const shown = (w: Write) => ({ op: w.op, collection: collectionOf(w), id: 'id' in w ? w.id : undefined });

/** The writes since the last take that are the call's business (not its audit row or key). */
function businessWrites(w: World, example: ActionExample): Array<ReturnType<typeof shown>> {
  const ignored = [...BOOKKEEPING, ...(example.refusalWrites ?? [])];
  return w.store.takeWrites().filter((x) => !ignored.includes(collectionOf(x))).map(shown);
}

/**
 * The triples of one area. `rules` names every action of the area (by verb) with its state rule;
 * the file's list must be the area's registered actions.
 */
export function actionTriples(areaName: string, rules: Readonly<Record<string, StateRule>>): void {
  const area = { actions: actionsOfArea(areaName) };
  const world: { current: World } = { current: undefined as unknown as World };
  beforeAll(async () => {
    world.current = await openWorld();
  });
  afterAll(() => world.current.close());

  it(`names every registered action of ${areaName}, and only those`, () => {
    expect(Object.keys(rules).sort()).toEqual([...area.actions.keys()].sort());
  });

  describe.each(Object.entries(rules))(`${areaName}.%s`, (verb, rule) => {
    const name = `${areaName}.${verb}`;
    const example = EXAMPLES[name];
    const action = area.actions.get(verb);
    if (!example || !action) {
      it('is registered and has an example', () => {
        expect({ registered: !!action, example: !!example }).toEqual({ registered: true, example: true });
      });
      return;
    }
    const permission = action.permission;
    const refused = refusedCaller(permission, example);

    if (refused) {
      it(`(1) no permission: ${describeCaller(refused.caller)} is refused (${refused.codes.join(' or ')}), nothing written`, async () => {
        const w = world.current;
        const payload = await example.payload(w, 'city');
        w.store.takeWrites();
        const res = await callAs(w, name, payload, refused.caller);
        expect({ name, code: codeOf(res) }).toEqual({ name, code: refused.codes.includes(codeOf(res)) ? codeOf(res) : refused.codes.join('|') });
        expect({ name, writes: businessWrites(w, example) }).toEqual({ name, writes: [] });
      });
    } else {
      it('(1) no permission: not applicable — anyone, identified or not, may call it', () => {
        expect(permission.caller).toBe('anonymous');
      });
    }

    const caller = permittedCaller(permission, example);
    it(`(2) permission: ${describeCaller(caller)} acts, and its effect is there`, async () => {
      const w = world.current;
      const payload = await (example.okPayload ?? example.payload)(w, 'city');
      w.store.takeWrites();
      const res = await callAs(w, name, payload, caller);
      expect({ name, code: codeOf(res), error: res.envelope.ok ? undefined : res.envelope.error }).toEqual({ name, code: 'ok', error: undefined });
      const writes = businessWrites(w, example);
      if (example.effect) await example.effect(res, w, payload);
      else if (permission.mode === 'write') expect({ name, wrote: writes.length > 0 }).toEqual({ name, wrote: true });
      else expect({ name, answered: (res.envelope as { data?: unknown }).data !== undefined, wrote: writes }).toEqual({ name, answered: true, wrote: [] });
    });

    if (rule === 'state') {
      const code = example.wrongStateCode ?? 'invalid_transition';
      it(`(3) wrong state: refused (${code}), nothing changed`, async () => {
        expect({ name, wrongState: typeof example.wrongState }).toEqual({ name, wrongState: 'function' });
        const w = world.current;
        const payload = await example.wrongState!(w, 'city');
        w.store.takeWrites();
        const res = await callAs(w, name, payload, caller);
        expect({ name, code: codeOf(res) }).toEqual({ name, code });
        expect({ name, writes: businessWrites(w, example) }).toEqual({ name, writes: [] });
      });
    } else {
      it(`(3) wrong state: ${rule}`, () => {
        // an action marked without a state rule must not carry a wrong state nobody tests
        expect({ name, wrongState: example.wrongState }).toEqual({ name, wrongState: undefined });
      });
    }
  });
}
