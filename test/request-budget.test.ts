// Issue #24, "fits the cloud's limits": every action of the registry, called once through the
// CloudBase adapter over the stand-in with 10× the bench's data, stays within a request budget —
// at most 50 CloudBase requests per call (every get/add/update/set/remove/count/query, inside a
// transaction or not: the stand-in counts each) and at most 20 documents written in one
// transaction. A function call has 3 s by default and 60 s at most; a transaction locks every
// document it writes until it ends, so both figures are kept small (docs/issue-24-notes.md).
//
// Actions that cannot be brought under budget yet are listed in OVER_BUDGET with their figure:
// the list is short, a listed action may not grow past its figure, one that comes under budget must
// leave the list, and any other action over budget fails the test.
//
// UNITS=1 measures at 1× (default 10); the figures go to test/artifacts/request-budget-<n>x.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, roleMayCall, type Role } from '../domain';
import { AREAS } from '../host/areas';
import { demoPeople } from '../server/seed';
import type { Dispatched } from '../server/kit/router';
import { EXAMPLES } from './support/action-examples';
import { BUDGET, openCloudWorld, type CloudWorld } from './support/cloud-world';


/** Over budget today, with the figure measured at 10× (requests, most documents in one transaction). */
const OVER_BUDGET: Record<string, { requests: number; txDocs: number; why: string }> = {
  // 10,716 or 13,832 between runs (13 or 612 transactions; no conflict and no lock wait in either): not explained yet
  'topic.noOpinionAll': { requests: 14_500, txDocs: 51, why: 'every awaiting topic of the meeting in one call, 50 per transaction: to become a job (cursor) like people.import' },
  'meeting.openCollection': { requests: 260, txDocs: 3, why: 'adds one message document per proposer told (217 adds at 10×): to deliver in bounded batches' },
  'reminders.tick': { requests: 300, txDocs: 4, why: 'a timer run over every due reminder: to take a bounded batch per run' },
};

/**
 * Refused over the bench data (1× and 10×) for a reason of the example, not of the budget: its figure is still checked.
 * meeting.updateAgenda: the bench's extra city meetings change which checklist is "previous",
 * while the example builds the agenda's first section from the seed's.
 */
const REFUSED_AT_SCALE: Record<string, string> = { 'meeting.updateAgenda': 'validation_error' };

const UNITS = Number(process.env.UNITS ?? 10);
const people = demoPeople();
const actions = AREAS.flatMap((area) => [...area.actions.values()]);

interface Figure {
  action: string;
  caller: string;
  code: string;
  /** the refusal's message, when the call was refused */
  message?: string;
  requests: number;
  txRequests: number;
  transactions: number;
  maxTxDocs: number;
  maxTxRequests: number;
  /** the router's count (a transaction is one) */
  roundTrips: number;
  byApi: Record<string, number>;
}

const figures: Figure[] = [];
let world: CloudWorld;
let seq = 0;

beforeAll(async () => {
  world = await openCloudWorld(UNITS);
}, 600_000);

afterAll(async () => {
  const dir = join(__dirname, 'artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `request-budget-${UNITS}x.json`), JSON.stringify(figures.sort((a, b) => b.requests - a.requests), null, 1));
  await world?.close();
});

/** City people who hold exactly one role, in the order of ROLES (as the authorisation matrix). */
const cityPersonWith = (role: Role) => people.find((p) => p.orgId === 'city' && p.roles.length === 1 && p.roles[0] === role);

/** Calls the action as each admitted role in turn until one is answered ok, and counts that call. */
async function measure(name: string): Promise<Figure> {
  const action = actions.find((a) => a.name === name)!;
  const example = EXAMPLES[name];
  const [area, verb] = name.split('.');
  const write = action.permission.mode === 'write';
  if (action.permission.system) {
    world.db.takeMeter();
    const res = await world.timer(area, verb);
    return figure(name, 'system', res);
  }
  const roles = ROLES.filter((r) => roleMayCall(action.permission, [r]) && (example.admits ?? ROLES).includes(r) && cityPersonWith(r));
  let last: Figure | undefined;
  for (const role of roles) {
    const person = cityPersonWith(role)!;
    const payload = await example.payload(world, 'city');
    world.db.takeMeter(); // the example's own setup is not the call's
    const res = await world.call(area, verb, payload, person.key, write ? `budget-${(seq += 1)}` : undefined);
    last = figure(name, person.key, res);
    if (last.code === 'ok') return last;
  }
  if (!last) throw new Error(`no city person may call ${name}`);
  return last;
}

function figure(action: string, caller: string, res: Dispatched): Figure {
  const m = world.db.takeMeter();
  const code = res.envelope.ok ? 'ok' : res.envelope.error.code;
  const message = res.envelope.ok ? undefined : res.envelope.error.message;
  const roundTrips = res.roundTrips;
  return { action, caller, code, ...(message ? { message } : {}), requests: m.requests, txRequests: m.txRequests, transactions: m.transactions, maxTxDocs: m.maxTxDocs, maxTxRequests: m.maxTxRequests, roundTrips, byApi: m.byApi };
}

it('lists only actions of the registry as over budget, and only a few', () => {
  for (const name of Object.keys(OVER_BUDGET)) expect(actions.map((a) => a.name)).toContain(name);
  expect(Object.keys(OVER_BUDGET).length).toBeLessThanOrEqual(5);
});

describe.each(actions.map((a) => [a.name]))('%s', (name) => {
  it(`stays within ${BUDGET.requests} requests and ${BUDGET.txDocs} documents per transaction`, async () => {
    const f = await measure(name);
    figures.push(f);
    // a refusal measures nothing worth budgeting: the call must do its work (or meet a state rule its example names)
    const admitted = ['ok', ...(EXAMPLES[name].admittedCodes ?? []), ...(UNITS > 0 && REFUSED_AT_SCALE[name] ? [REFUSED_AT_SCALE[name]] : [])];
    expect({ name, code: f.code, message: f.message }).toEqual({ name, message: f.message, code: admitted.includes(f.code) ? f.code : 'ok' });
    const over = OVER_BUDGET[name];
    const within = f.requests <= BUDGET.requests && f.maxTxDocs <= BUDGET.txDocs;
    if (!over) {
      expect({ name, requests: f.requests, txDocs: f.maxTxDocs, within }).toEqual({ name, requests: f.requests, txDocs: f.maxTxDocs, within: true });
    } else if (UNITS === 10) {
      // still over (else: take it off the list), and not worse than the figure written down
      expect({ name, within }).toEqual({ name, within: false });
      expect(f.requests).toBeLessThanOrEqual(over.requests);
      expect(f.maxTxDocs).toBeLessThanOrEqual(over.txDocs);
    }
  });
});
