// Issue #24, several hosts on one PostgreSQL: ticks that run at once (two hosts, the dev tick, a
// timer firing while the last run is still going) fail each other's SERIALIZABLE commits now and
// then, after the store's own retries (`conflict`). A tick must not fail for that: a claimed
// reminder's outcome is tried again (this tick alone holds the claim), keyed work is left for the
// next tick. Here every other transaction is refused as a real contended PostgreSQL would.
import { AppError } from '../domain';
import { dispatch } from '../server/kit/router';
import type { Store } from '../server/store/port';
import { findAll } from '../server/store/port';
import type { ReminderDoc } from '../server/notify/reminders';
import { areaByName, openWorld, type World } from './support/world';

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());

/** the store, with every second transaction failing as a serialization conflict the retries could not beat */
function contended(inner: Store): { store: Store; refused: () => number } {
  let calls = 0;
  let refused = 0;
  const store: Store = {
    ...inner,
    get: inner.get.bind(inner),
    insert: inner.insert.bind(inner),
    update: inner.update.bind(inner),
    find: inner.find.bind(inner),
    count: inner.count.bind(inner),
    removeWhere: inner.removeWhere.bind(inner),
    ensureSchema: inner.ensureSchema.bind(inner),
    maintain: inner.maintain.bind(inner),
    clearAll: inner.clearAll.bind(inner),
    close: inner.close.bind(inner),
    transaction: async (fn) => {
      calls += 1;
      if (calls % 2 === 0) {
        refused += 1;
        throw new AppError('conflict');
      }
      return inner.transaction(fn);
    },
  };
  return { store, refused: () => refused };
}

it('a tick whose writes meet conflicts still settles every due reminder and answers ok', async () => {
  world.setNow(new Date(world.now.getTime() + 40 * 24 * 3600_000));
  const now = world.now.toISOString();
  const due = await findAll<ReminderDoc>(world.store, 'reminders', { state: 'due', dueAt: { lte: now } });
  expect(due.length).toBeGreaterThan(3);
  const { store, refused } = contended(world.store);
  const rt = { ...world.rt, store };
  const r = await dispatch(areaByName('reminders'), { action: 'tick', payload: {} }, {}, rt, { kind: 'system', name: 'tick' });
  expect({ status: r.status, error: r.envelope.ok ? undefined : r.envelope.error }).toEqual({ status: 200, error: undefined });
  expect(refused()).toBeGreaterThan(3);
  const data = (r.envelope as { ok: true; data: { fired: number; voided: number } }).data;
  expect(data.fired + data.voided).toBeGreaterThanOrEqual(due.length);
  // nothing left due or claimed: each reminder's outcome was written on a later try
  const left = await findAll<ReminderDoc>(world.store, 'reminders', { dueAt: { lte: now } });
  expect(left.filter((x) => x.state === 'due' || x.state === 'claimed').map((x) => x._id)).toEqual([]);
});
