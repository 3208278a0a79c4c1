// Bad input, generated for every registered action: mutations of its valid example and random JSON.
// Whatever arrives, the answer is a clean envelope with a known code (never `internal`), and a
// refused call changes nothing but the audit log: no write is recorded (test/support/recording-store.ts)
// and no document of any other collection was added, removed or rewritten — the rows written per
// collection, counted by a trigger in the database itself, are the same after the call as before —
// so a refusal that edited a document fails (document counts alone would not see it).
import { ERROR_CODES } from '../domain';
import { AREAS } from '../host/areas';
import { COLLECTION_NAMES } from '../server/store/indexes';
import { EXAMPLES } from './support/action-examples';
import type { Write } from './support/recording-store';
import { openWorld, type World } from './support/world';

/** Small deterministic PRNG (mulberry32), so a failure reproduces. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIRD: unknown[] = [
  null, true, 0, -1, 1e308, '', ' ', 'a'.repeat(5000), '<script>alert(1)</script>', "' OR 1=1 --", '$where', '\u0000',
  '议', [], [1, 2], {}, { $gt: '' }, { in: ['x'] }, '2026-13-45T99:99:99Z', 'm-city-current', '../../etc/passwd',
];

function randomValue(r: () => number, depth = 0): unknown {
  const pick = r();
  if (depth > 2 || pick < 0.5) return WEIRD[Math.floor(r() * WEIRD.length)];
  if (pick < 0.75) return Array.from({ length: Math.floor(r() * 3) }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(r() * 3); i += 1) o[['id', 'meetingId', 'status', '__proto__', 'constructor', 'orgId', 'x'][Math.floor(r() * 7)]] = randomValue(r, depth + 1);
  return o;
}

function mutate(valid: Record<string, unknown>, r: () => number): unknown {
  const keys = Object.keys(valid);
  const copy: Record<string, unknown> = { ...valid };
  const k = keys[Math.floor(r() * keys.length)];
  switch (Math.floor(r() * 5)) {
    case 0: if (k) delete copy[k]; return copy;
    case 1: if (k) copy[k] = randomValue(r); return copy;
    case 2: return { ...copy, [['status', 'orgId', 'createdBy', 'version', '_openid', 'asUser'][Math.floor(r() * 6)]]: 'accepted' };
    case 3: return randomValue(r);
    default: {
      // an own "__proto__" key, as JSON.parse makes it from a hostile body
      const rest = JSON.stringify(copy).slice(1, -1);
      return JSON.parse(`{"__proto__": {"admin": true}${rest ? `, ${rest}` : ''}}`);
    }
  }
}

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());

const actions = AREAS.flatMap((a) => [...a.actions.values()]);
const unaudited = COLLECTION_NAMES.filter((c) => c !== 'audit' && c !== 'idempotency');
const callers = ['city-rep-ma', 'city-gov-office', 'city-union-office', 'city-gov-convenor', 'linhe-rep'];

it.each(actions.map((a) => [a.name]))('%s survives 60 malformed calls', async (name) => {
  const [area, verb] = name.split('.');
  const r = rng([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7));
  for (let i = 0; i < 60; i += 1) {
    const valid = (await EXAMPLES[name].payload(world, 'city')) as Record<string, unknown>;
    const payload = mutate(valid, r);
    const caller = callers[i % callers.length];
    // issue #17: a refusal that is counted (a wrong password's attempt) writes only its counter
    const watched = unaudited.filter((c) => !(EXAMPLES[name].refusalWrites ?? []).includes(c));
    const before = await world.digest(watched);
    world.store.takeWrites();
    const res = await world.raw(area, { action: verb, payload }, caller);
    const writes = world.store.takeWrites();
    const env = res.envelope;
    expect(typeof env.ok).toBe('boolean');
    if (!env.ok) {
      expect({ payload, code: env.error.code }).not.toEqual({ payload, code: 'internal' });
      expect(ERROR_CODES).toContain(env.error.code);
      expect(env.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(JSON.stringify(env)).not.toMatch(/at .*\.ts:|SELECT|jsonb|stack/i);
      const wrote = writes.filter((w: Write) => 'collection' in w && w.collection !== 'audit' && (watched as readonly string[]).includes(w.collection));
      expect({ payload, writes: wrote }).toEqual({ payload, writes: [] });
      expect({ payload, digests: await world.digest(watched) }).toEqual({ payload, digests: before });
    }
  }
  expect(({} as Record<string, unknown>).admin).toBeUndefined();
});

// Issue #17, item 3: 1,000 invalid payloads per action, hostile in shape — nesting from the allowed
// 31 levels to 50,000, 30,000 values, unknown keys holding deep values, fields replaced by deep or
// wide values — never answer 500 (the router bounds the body before anything else).
function deepArray(depth: number, leaf: unknown = 0): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i += 1) v = [v];
  return v;
}
function deepObject(depth: number, leaf: unknown = 'x'): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i += 1) v = { a: v };
  return v;
}
// built once: the walk never changes them
const DEEP: unknown[] = [30, 31, 32, 33, 40, 1_000, 7_000, 50_000].flatMap((d) => [deepArray(d), deepObject(d), deepArray(d, '\u0000')]);
const WIDE: unknown[] = [9_999, 10_001, 30_000].map((n) => Array.from({ length: n }, (_, i) => i));

function hostile(valid: Record<string, unknown>, r: () => number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const keys = Object.keys(valid);
  switch (Math.floor(r() * 6)) {
    case 0: return pick(DEEP);
    case 1: return { ...valid, [pick(['nope', '__proto__', 'constructor', 'x'])]: pick(DEEP) };
    case 2: return keys.length ? { ...valid, [pick(keys)]: pick([...DEEP, ...WIDE]) } : { rows: pick(WIDE) };
    case 3: return { ...valid, unknownKey: randomValue(r) };
    case 4: return pick(WIDE);
    default: return randomValue(r);
  }
}

it('every action survives 1,000 hostile payloads without a 500', async () => {
  const counts: Record<string, number> = {};
  for (const a of actions) {
    const [area, verb] = a.name.split('.');
    const r = rng([...a.name].reduce((h, c) => (h * 17 + c.charCodeAt(0)) | 0, 11));
    const example = EXAMPLES[a.name]; // an action still without an example is fuzzed from an empty payload
    const valid = (example ? await example.payload(world, 'city') : {}) as Record<string, unknown>;
    for (let i = 0; i < 1000; i += 1) {
      const payload = hostile(valid && typeof valid === 'object' ? valid : {}, r);
      const res = await world.raw(area, { action: verb, payload, ...(i % 3 === 0 ? { idempotencyKey: `fuzz-${a.name}-${i}` } : {}) }, callers[i % callers.length]);
      const code = res.envelope.ok ? 'ok' : res.envelope.error.code;
      counts[code] = (counts[code] ?? 0) + 1;
      if (code === 'internal' || res.status >= 500) throw new Error(`${a.name}: 500 for payload #${i}`);
      if (!res.envelope.ok) expect(ERROR_CODES).toContain(res.envelope.error.code);
    }
  }
  console.log(`hostile payloads: ${actions.length} actions × 1,000 → ${JSON.stringify(counts)}`);
  expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(actions.length * 1000);
}, 300_000);
