// Issue #24: a 200-row people import fits CloudBase's limits — written IMPORT_CHUNK rows per call
// under a job record (cursor and counts, moved in the same transaction as the rows), each call
// within the request budget (≤ 50 requests, ≤ 20 documents in one transaction), resumable and
// idempotent. Over the CloudBase adapter and the stand-in, which counts every request.
import { IMPORT_CHUNK, importJobId, type ImportJobDoc } from '../cloudfunctions/people/actions/import';
import { BUDGET, openCloudWorld, type CloudWorld } from './support/cloud-world';

const OFFICE = 'city-union-office';
let world: CloudWorld;
let seq = 0;

beforeAll(async () => {
  world = await openCloudWorld(1);
}, 120_000);
afterAll(() => world?.close());

/** 200 rows in 20 units, every fourth with a login; `tag` keeps files (and logins) apart. */
function file(tag: string, n = 200) {
  return Array.from({ length: n }, (_, i) => ({
    line: i + 2, name: `导入${tag}${i}`, unit: `导入单位${tag}${i % 20}`, title: '职工代表', roles: ['representative'],
    ...(i % 4 === 0 ? { login: `imp_${tag}_${i}` } : {}),
  }));
}

interface Answer {
  created: number;
  total: number;
  done: number;
  more: boolean;
}

async function call(rows: unknown[], key = `import-key-${(seq += 1)}`) {
  world.db.takeMeter();
  const res = await world.call('people', 'import', { rows }, OFFICE, key);
  const m = world.db.takeMeter();
  if (!res.envelope.ok) throw { code: res.envelope.error.code, message: res.envelope.error.message, details: res.envelope.error.details };
  return { answer: res.envelope.data as Answer, requests: m.requests, txDocs: m.maxTxDocs };
}

const peopleNamed = async (prefix: string) => {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await world.store.find<{ _id: string; version: number; name: string }>('users', { orgId: 'city' }, { limit: 100, cursor });
    n += page.items.filter((p) => p.name.startsWith(prefix)).length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
};

it('writes a 200-row file in calls that each stay within the budget, and a finished job writes nothing more', async () => {
  const rows = file('a');
  const figures: Array<{ requests: number; txDocs: number }> = [];
  let last: Answer | undefined;
  for (let calls = 0; calls < 100 && last?.more !== false; calls += 1) {
    const r = await call(rows);
    figures.push({ requests: r.requests, txDocs: r.txDocs });
    expect(r.answer.done - (last?.done ?? 0)).toBe(Math.min(IMPORT_CHUNK, 200 - (last?.done ?? 0)));
    last = r.answer;
  }
  expect(last).toEqual({ created: 200, total: 200, done: 200, more: false });
  expect(figures).toHaveLength(Math.ceil(200 / IMPORT_CHUNK));
  expect(Math.max(...figures.map((f) => f.requests))).toBeLessThanOrEqual(BUDGET.requests);
  expect(Math.max(...figures.map((f) => f.txDocs))).toBeLessThanOrEqual(BUDGET.txDocs);
  expect(await peopleNamed('导入a')).toBe(200);
  const job = await world.store.get<ImportJobDoc>('counters', importJobId('city', rows));
  expect(job).toMatchObject({ kind: 'people.import', orgId: 'city', total: 200, cursor: 200, created: 200 });
  // the same file again: the job's answer, no write
  world.store.takeWrites();
  expect((await call(rows)).answer).toEqual({ created: 200, total: 200, done: 200, more: false });
  expect(world.store.takeWrites().filter((w) => 'collection' in w && w.collection === 'users')).toEqual([]);
  expect(await peopleNamed('导入a')).toBe(200);
});

it('resumes where it stopped, and a repeated call (same key) is answered again without a second write', async () => {
  const rows = file('b', 30);
  await call(rows);
  const second = await call(rows, 'import-key-b-2');
  expect(second.answer).toMatchObject({ done: 2 * IMPORT_CHUNK, more: true });
  expect((await call(rows, 'import-key-b-2')).answer).toEqual(second.answer); // a lost answer asked again
  expect(await peopleNamed('导入b')).toBe(2 * IMPORT_CHUNK);
  let a = second.answer;
  while (a.more) a = (await call(rows)).answer;
  expect(a).toEqual({ created: 30, total: 30, done: 30, more: false });
  expect(await peopleNamed('导入b')).toBe(30);
});

it('checks the whole file before its first row is written: one bad row anywhere imports nobody', async () => {
  const rows = file('c', 40);
  rows[37] = { ...rows[37], roles: ['gov_department'] };
  await expect(call(rows)).rejects.toMatchObject({ code: 'validation_error', message: expect.stringContaining('第 39 行') });
  const dup = file('d', 40);
  dup[36] = { ...dup[36], login: dup[0].login };
  await expect(call(dup)).rejects.toMatchObject({ code: 'validation_error', message: expect.stringContaining('未导入任何人员') });
  expect(await peopleNamed('导入c')).toBe(0);
  expect(await peopleNamed('导入d')).toBe(0);
});

it('names a login taken meanwhile in a later chunk, keeping what was written', async () => {
  const rows = file('e', 20);
  await call(rows);
  // someone takes row 8's login (the first login of the second chunk) between two calls
  await world.store.insert('users', { orgId: 'city', name: '抢先', unit: '某单位', title: '职工', roles: ['representative'], login: 'imp_e_8', active: true, sessionEpoch: 0 });
  await expect(call(rows)).rejects.toMatchObject({ code: 'validation_error', message: expect.stringContaining(`已导入前 ${IMPORT_CHUNK} 行`) });
  expect(await peopleNamed('导入e')).toBe(IMPORT_CHUNK);
});
