// A world like test/support/world.ts, but over the CloudBase adapter and the CloudBase stand-in
// (issue #24): every request a call makes to CloudBase is counted by the stand-in (`db.takeMeter()`).
// Seeded with the demo; `scale(units)` adds the bench's units of data (bench/data.ts: 10 units = 10×).
import { insertUnits, makeTemplates } from '../../bench/data';
import { dispatch, type Dispatched } from '../../server/kit/router';
import { seedDemo } from '../../server/seed';
import { CloudBaseStore, cloudbaseIndexPlan } from '../../server/store/cloudbase';
import { DEMO_NOW } from './demo-now';
import { FakeCloudDatabase } from './fake-cloudbase';
import { RecordingStore } from './recording-store';
import { areaByName, testRuntime, worldCalls, type World } from './world';

/** Issue #24: what one function call may ask of CloudBase (test/request-budget.test.ts). */
export const BUDGET = { requests: 50, txDocs: 20 } as const;

export interface CloudWorld extends World {
  db: FakeCloudDatabase;
  /** a timer's call: the system actor, as server/kit/function.ts makes it */
  timer(area: string, action: string): Promise<Dispatched>;
}

export async function openCloudWorld(units: number): Promise<CloudWorld> {
  const uniqueIndexes = cloudbaseIndexPlan()
    .filter((i) => i.unique)
    .map((i) => ({ collection: i.collection, fields: i.fields.map((f) => f.field) }));
  const db = new FakeCloudDatabase({ uniqueIndexes });
  const cloud = new CloudBaseStore(db);
  await cloud.ensureSchema();
  const store = new RecordingStore(cloud);
  const calls = worldCalls((now) => testRuntime(store, now, 'cloud-world-files'));
  const { rt } = calls;
  const world: CloudWorld = {
    db,
    store,
    rt,
    get now() {
      return calls.now;
    },
    setNow: calls.setNow,
    raw: calls.raw,
    call: calls.call,
    timer: (area, action) => dispatch(areaByName(area), { action, payload: {} }, {}, rt, { kind: 'system', name: action }),
    reset: async () => {
      throw new Error('a cloud world is seeded once');
    },
    close: () => store.close(),
    digest: async () => {
      throw new Error('a cloud world has no row counter');
    },
  };
  await seedDemo(store, DEMO_NOW);
  if (units > 0) await insertUnits(world, await makeTemplates(world), 0, units);
  store.takeWrites();
  db.takeMeter();
  return world;
}
