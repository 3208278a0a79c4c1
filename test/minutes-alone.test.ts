// A WeChat cloud function is deployed alone: the minutes function registers no other area. The
// decided items of issued minutes must still offer 'assign' (task.assign) to the office that may
// give tasks, by task.assign's own permission row and guard — not by offers only the task area
// registers (found in issue #20: the minutes page showed no 分解任务 button in a WeChat deployment).
// This file imports the minutes view only; the task area is never loaded here.
import { toMinutesView } from '../cloudfunctions/minutes/views';
import { minutesKind } from '../cloudfunctions/minutes/model';
import { seedDemo } from '../server/seed';
import { openPgliteStore } from '../server/store/pglite';
import type { SqlStore } from '../server/store/sql';
import { identify } from '../server/security/identity';
import { DEMO_NOW } from './support/demo-now';

let store: SqlStore;
beforeAll(async () => {
  store = await openPgliteStore();
  await seedDemo(store, DEMO_NOW);
}, 120_000);
afterAll(() => store.close());

async function viewAs(userId: string) {
  const actor = await identify(store, { kind: 'user', userId });
  if (!actor) throw new Error(`no demo person ${userId}`);
  const loaded = await minutesKind.load({ meetingId: 'm-city-last' }, store, actor);
  if (!loaded) throw new Error('no minutes for m-city-last');
  return toMinutesView(store, loaded.record, actor);
}

it('offers assign on each decided item to the office, without the task area loaded', async () => {
  const office = await viewAs('city-union-office');
  expect(office.decisions.length).toBeGreaterThan(0);
  for (const d of office.decisions) expect(d.allowedActions).toEqual(['assign']);
  // a representative reads the same minutes and is offered nothing
  const rep = await viewAs('city-rep-ma');
  for (const d of rep.decisions) expect(d.allowedActions).toEqual([]);
});
