// Issue #17, item 3: a body is bounded (32 levels, 10,000 values) by one linear walk before anything
// else — before identity, zod, the idempotency hash — so no nesting costs quadratic time, overflows
// the stack or ends in 500.
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { inspectPayload, PAYLOAD_LIMITS } from '../domain';
import { nestingExceeds, readJson } from '../host/body';
import { startTestHost, type TestHost } from './support/host';
import { openWorld, type World } from './support/world';

/** `depth` arrays one inside the other, built without recursion */
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

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(() => world.close());

const TOO_DEEP = /嵌套过深/;

describe('the router bounds the body before identity', () => {
  it.each([
    ['100k-deep arrays as the payload', () => deepArray(100_000)],
    ['40k-deep objects under an unknown key', () => ({ nope: deepObject(40_000) })],
    ['a 50k-deep title', () => ({ meetingId: 'm-city-current', title: deepArray(50_000, '标题') })],
  ])('%s → 400 without identifying anyone', async (_label, make) => {
    const res = await world.raw('topic', { action: 'submit', payload: make() }); // nobody signed in
    expect(res.status).toBe(400);
    expect(res.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', message: expect.stringMatching(TOO_DEEP) } });
    expect(res.roundTrips).toBe(0);
  });

  it('a deep value in a field the schema leaves open, with a key, is 400 (the hash never sees it)', async () => {
    const res = await world.call('people', 'import', { rows: [deepArray(50_000)] }, 'city-gov-office', 'deep-key-0001');
    expect(res.status).toBe(400);
    expect(res.envelope).toMatchObject({ ok: false, error: { message: expect.stringMatching(TOO_DEEP) } });
  });

  it('refuses more than 10,000 values, and the 33rd level, by a clear message', async () => {
    const wide = await world.raw('topic', { action: 'submit', payload: { rows: Array.from({ length: 20_000 }, () => 0) } });
    expect(wide.status).toBe(400);
    expect(wide.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', message: expect.stringMatching(/请求内容过多/) } });
    // the body is one level, the payload the next: 31 more fit, one more does not
    expect(inspectPayload({ payload: deepArray(PAYLOAD_LIMITS.depth - 1) })).toBeNull();
    expect(inspectPayload({ payload: deepArray(PAYLOAD_LIMITS.depth) })).toEqual({ kind: 'too_deep' });
  });

  it('lets the largest real payloads through (an import of 200 people)', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ line: i + 2, name: '张三', login: `zs${i}`, phone: '13800000000', unit: '市人社局', post: '科长', roles: ['gov_department'] }));
    expect(inspectPayload({ action: 'import', payload: { orgId: 'city', rows }, idempotencyKey: 'k-00000001' })).toBeNull();
  });

  it('still names the field holding an unstorable character', async () => {
    const res = await world.call('topic', 'submit', { title: 'a\u0000b' }, 'city-rep-ma');
    expect(res.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', details: [{ path: 'title' }] } });
  });
});

describe('the local host refuses a deep body before parsing it', () => {
  const request = (body: string): IncomingMessage => Object.assign(Readable.from([Buffer.from(body)]), { headers: {} }) as unknown as IncomingMessage;

  it('counts nesting outside strings only', () => {
    expect(nestingExceeds(Buffer.from('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}'), 3)).toBe(false);
    expect(nestingExceeds(Buffer.from('{"a":"\\"[[[[","b":[[[]]]}'), 3)).toBe(true);
    expect(nestingExceeds(Buffer.from('[[[]]]'), 3)).toBe(false);
  });

  it('answers 400 for 100k nested arrays without calling JSON.parse', async () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const body = `{"action":"submit","payload":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
      await expect(readJson(request(body))).rejects.toMatchObject({ status: 400, code: 'validation_error', message: expect.stringMatching(TOO_DEEP) });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

describe('over HTTP', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  }, 60_000);
  afterAll(() => host.stop());

  const postText = async (area: string, text: string) => {
    const res = await fetch(`${host.url}api/${area}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    return { status: res.status, json: (await res.json()) as { ok: boolean; error?: { code: string } } };
  };

  it.each([
    ['100k-deep arrays', `{"action":"submit","payload":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['40k-deep objects under an unknown key', `{"action":"submit","payload":{"nope":${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}}}`],
    ['a 50k-deep title', `{"action":"submit","payload":{"title":${'['.repeat(50_000)}"t"${']'.repeat(50_000)}}}`],
    ['a 14 KB nested body', `{"action":"submit","payload":${'['.repeat(7_000)}${']'.repeat(7_000)}}`],
  ])('%s → 400, never 500', async (_label, text) => {
    for (const area of ['topic', 'meeting', 'account']) {
      const res = await postText(area, text);
      expect({ area, status: res.status, code: res.json.error?.code }).toEqual({ area, status: 400, code: 'validation_error' });
    }
  });
});
