// Issues #18/#25: the function bundles leave zod's JSON-Schema generator out
// (scripts/build-functions.cjs, zod-without-json-schema). Every schema of domain/ must parse exactly
// as with zod untouched: the same probe is bundled both ways and every exported schema of domain/
// parses the same values to byte-identical results (successes, issues and messages).
/* eslint-disable @typescript-eslint/no-require-imports -- the build script is CommonJS */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

const { pureDomain, zodWithoutJsonSchema } = require('../scripts/build-functions.cjs') as { pureDomain: Plugin; zodWithoutJsonSchema: Plugin };
const root = join(__dirname, '..');

const PROBE = `
import * as domain from ${JSON.stringify(join(root, 'domain'))};
const values = [undefined, null, '', 'x', 42, [], {}, { meetingId: 'm1' }, { meetingId: '' }, { meetingId: 'm1', extra: true },
  { personId: 'p1', reason: '' }, { title: 'ab', kind: 'regular', plannedAt: 'soon' }, { items: [{}] }, { page: { cursor: 1 } }];
const out = {};
for (const [name, s] of Object.entries(domain)) {
  if (!s || typeof s !== 'object' || typeof s.safeParse !== 'function') continue;
  out[name] = values.map((v) => { const r = s.safeParse(v); return r.success ? { ok: r.data } : { issues: r.error.issues }; });
}
const probeString = domain.Id ?? null;
module.exports = { out, minLength: probeString && probeString.minLength, maxLength: probeString && probeString.maxLength,
  toJsonSchema: () => Object.values(domain).find((s) => s && typeof s.toJSONSchema === 'function').toJSONSchema() };
`;

describe('zod without its JSON-Schema generator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zod-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function bundle(name: string, plugins: Plugin[]) {
    const entry = join(dir, 'probe.ts');
    writeFileSync(entry, PROBE);
    const outfile = join(dir, `${name}.js`);
    await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', minify: true, plugins, logLevel: 'error' });
    return require(outfile) as { out: Record<string, unknown>; minLength: unknown; maxLength: unknown; toJsonSchema(): unknown };
  }

  it('parses every schema of domain/ exactly as zod untouched does, and keeps introspection', async () => {
    const plain = await bundle('plain', []);
    const lean = await bundle('lean', [pureDomain, zodWithoutJsonSchema]);
    expect(Object.keys(plain.out).length).toBeGreaterThan(50);
    expect(JSON.stringify(lean.out)).toBe(JSON.stringify(plain.out));
    expect([lean.minLength, lean.maxLength]).toEqual([1, 64]);
    expect([plain.minLength, plain.maxLength]).toEqual([1, 64]);
    expect(() => plain.toJsonSchema()).not.toThrow();
    expect(() => lean.toJsonSchema()).toThrow(/left out of the cloud function bundles/);
  }, 60_000);
});
