// Issue #17, item 3: what a hostile body costs before anyone is identified, as figures (never a
// timed test). `node scripts/run-ts.cjs bench/parse.ts`. Prints, per body, the median and the
// worst server time of the router (bounds → parse → refusal) and of the local host's body reader
// (byte scan → JSON.parse), and beside it the cost of the recursive walk this replaced.
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { hasUnstorableChar } from '../domain';
import { readJson } from '../host/body';
import { openWorld } from '../test/support/world';

function deepArrayText(depth: number): string {
  return `{"action":"submit","payload":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}
function deepObjectText(depth: number): string {
  return `{"action":"submit","payload":{"nope":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`;
}
/** JSON.parse of a deep text, or the same value built without recursion when V8 refuses it */
function valueOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** the walk before issue #17: recursive, copying the path at every level (O(depth²)) */
function oldFindUnstorable(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return hasUnstorableChar(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = oldFindUnstorable(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (hasUnstorableChar(k)) return [...path, k];
      const found = oldFindUnstorable(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<{ median: number; max: number }> {
  const ms: number[] = [];
  for (let i = 0; i < Math.min(runs, 20); i += 1) await fn(); // warm-up: compiled code, not the first call's JIT
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1] };
}

const request = (text: string): IncomingMessage => Object.assign(Readable.from([Buffer.from(text)]), { headers: {} }) as unknown as IncomingMessage;
const fmt = (n: number) => n.toFixed(3).padStart(9);

async function main(): Promise<void> {
  const world = await openWorld();
  const bodies: Array<[string, string]> = [
    ['14 KB: 7,000 nested arrays', deepArrayText(7_000)],
    ['100,000 nested arrays (200 KB)', deepArrayText(100_000)],
    ['40,000 nested objects under an unknown key', deepObjectText(40_000)],
    ['31 levels (the most allowed)', deepArrayText(30)],
    ['10,000 values, flat', `{"action":"submit","payload":{"rows":[${Array.from({ length: 9_990 }, () => '0').join(',')}]}}`],
    ['20,000 values, flat (refused)', `{"action":"submit","payload":{"rows":[${Array.from({ length: 20_000 }, () => '0').join(',')}]}}`],
  ];
  console.log('server time per call, ms (median / worst of 200, after warm-up)     router           host body reader     old recursive walk');
  for (const [label, text] of bodies) {
    const value = valueOf(text);
    const router = await time(200, () => world.raw('topic', value ?? { action: 'submit', payload: null }));
    const host = await time(200, () => readJson(request(text)).catch(() => undefined));
    let old = '   (stack overflow)';
    if (value) {
      try {
        const t = await time(5, () => oldFindUnstorable(value));
        old = `${fmt(t.median)} / ${fmt(t.max)}`;
      } catch {
        /* RangeError: the 500 of before */
      }
    }
    const status = (await world.raw('topic', value ?? { action: 'submit', payload: null })).status;
    console.log(`${label.padEnd(46)} ${fmt(router.median)} / ${fmt(router.max)}   ${fmt(host.median)} / ${fmt(host.max)}   ${old}   → ${status}`);
  }
  // four 14 KB bodies at once, as in the issue (650 ms before)
  const text = deepArrayText(7_000);
  const t0 = performance.now();
  await Promise.all([1, 2, 3, 4].map(async () => world.raw('topic', JSON.parse(text) as unknown)));
  console.log(`four 14 KB nested bodies at once, no token: ${(performance.now() - t0).toFixed(2)} ms in all`);
  await world.close();
}

void main();
