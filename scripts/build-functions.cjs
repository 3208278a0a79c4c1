// `npm run build:functions`: one esbuild bundle per cloud function (an area), ready to upload to
// WeChat cloud: dist/cloudfunctions/<area>/{index.js, package.json, config.json}.
// wx-server-sdk stays external: WeChat installs it from the function's package.json.
// Each bundle carries only what its actions reach (issues #18, #25; budget in bench/sizes.ts):
//  - domain/ is pure (no module-level effects), so esbuild is told so and drops every domain file a
//    function does not use — another area's schemas included;
//  - no require() of our own modules: esbuild wraps whatever a require() reaches (and everything it
//    imports) in a lazy initialiser it cannot tree-shake; the build refuses one;
//  - the schemas use zod/mini's functional API (z.optional(x), x.check(z.maxLength(n))), which
//    tree-shakes: a bundle carries the zod it calls (19–30 KB), where zod classic attached every
//    method and the JSON-Schema generator to every schema (72–80 KB). The build refuses a bundle that
//    carries zod classic or the JSON-Schema generator (test/bundle-sizes.test.ts checks it too);
//  - the size is printed with what makes it up (zod, domain/, server/, the area, others), from
//    esbuild's metafile (kept in node_modules/.cache/build-functions/<area>.meta.json).
const { build, buildSync } = require('esbuild');
const { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join, sep } = require('node:path');

const root = join(__dirname, '..');
const src = join(root, 'cloudfunctions');
const out = join(root, 'dist', 'cloudfunctions');
const cache = join(root, 'node_modules', '.cache', 'build-functions');
const versionOf = (pkg) => require(join(root, 'node_modules', pkg, 'package.json')).version;
// Installed by WeChat from each function's package.json ("云端安装依赖") instead of bundled: the SDK,
// and libraries too big to bundle that only some actions load (exceljs, docx for exports; jszip, which
// both ship, for finishing their packages and the archive; bcryptjs for passwords).
const EXTERNAL = ['wx-server-sdk', 'exceljs', 'docx', 'bcryptjs', 'jszip'];

/** The deployable areas: the keys of FUNCTIONS in cloudfunctions/index.ts, the list the host and tests use. */
function listedAreas() {
  const tmp = join(root, 'node_modules', '.cache', 'build-functions', 'areas.cjs');
  buildSync({ entryPoints: [join(src, 'index.ts')], outfile: tmp, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
  const { FUNCTIONS, FUNCTION_DIRS } = require(tmp);
  const listed = Object.keys(FUNCTIONS);
  const dirs = listed.map((fn) => FUNCTION_DIRS[fn] ?? fn);
  const folders = readdirSync(src).filter((d) => existsSync(join(src, d, 'index.ts')));
  const unlisted = folders.filter((d) => !dirs.includes(d));
  if (unlisted.length) throw new Error(`cloudfunctions/${unlisted.join(', ')} not listed in cloudfunctions/index.ts: it would be deployed untested`);
  return listed.map((name, i) => ({ name, dir: join(src, dirs[i]) }));
}

/** domain/ holds pure rules: a domain file none of a function's code uses is left out of its bundle. */
const pureDomain = {
  name: 'pure-domain',
  setup(b) {
    const domain = join(root, 'domain') + sep;
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'pure-domain' || !args.importer.startsWith(root + sep) || args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'pure-domain' });
      if (r.errors.length) return { errors: r.errors };
      return { ...r, sideEffects: r.path.startsWith(domain) ? false : r.sideEffects };
    });
  },
};

/** What a bundle is made of, in bytes of output: zod, dayjs, domain/, server/, the area itself, the rest. */
function composition(metafile) {
  const out = Object.values(metafile.outputs)[0];
  const parts = {};
  for (const [file, v] of Object.entries(out.inputs)) {
    const key = file.includes('node_modules/') ? file.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : file.split('/')[0];
    parts[key] = (parts[key] ?? 0) + v.bytesInOutput;
  }
  return Object.entries(parts).sort((a, b) => b[1] - a[1]);
}

/** A require() of one of our modules (not an external package) defeats tree-shaking: refuse it. */
function requiresOfOurs(metafile) {
  return Object.entries(metafile.inputs).flatMap(([file, v]) => v.imports
    .filter((i) => i.kind === 'require-call' && !i.external && !i.path.includes('node_modules/') && !file.includes('node_modules/'))
    .map((i) => `${file} → ${i.path}`));
}

/** zod classic or zod's JSON-Schema generator in a bundle: an `import … from 'zod'` instead of 'zod/mini'. */
function classicZodIn(metafile) {
  // bytes in the output, not the module graph: zod/mini re-exports toJSONSchema, which is then shaken out
  const inputs = Object.values(metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([f]) => f));
  return inputs.filter((f) => /node_modules\/zod\/(v4\/classic\/|v4\/core\/(to-json-schema|json-schema-processors)\.js|v3\/)/.test(f));
}

async function main() {
  rmSync(out, { recursive: true, force: true });
  const areas = listedAreas();
  for (const { name: area, dir: source } of areas) {
    const dir = join(out, area);
    mkdirSync(dir, { recursive: true });
    const result = await build({
      entryPoints: [join(source, 'index.ts')], outfile: join(dir, 'index.js'), bundle: true, metafile: true, plugins: [pureDomain],
      platform: 'node', format: 'cjs', target: 'node16', external: EXTERNAL, minify: true,
      legalComments: 'none', logLevel: 'warning',
      // Chinese text as UTF-8 (3 bytes a character) instead of \u escapes (6): a third off every bundle's strings
      charset: 'utf8',
    });
    const wrapped = requiresOfOurs(result.metafile);
    if (wrapped.length) throw new Error(`require() of our own modules (use import; esbuild cannot tree-shake what a require() reaches):\n  ${wrapped.join('\n  ')}`);
    const classic = classicZodIn(result.metafile);
    if (classic.length) throw new Error(`cloudfunctions/${area} carries zod classic (import from 'zod/mini'; docs/issue-18-bundles.md):\n  ${classic.join('\n  ')}`);
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, `${area}.meta.json`), JSON.stringify(result.metafile));
    const code = readFileSync(join(dir, 'index.js'), 'utf8');
    const used = EXTERNAL.filter((pkg) => code.includes(`require("${pkg}")`));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({
      name: area, version: '1.0.0', private: true, main: 'index.js',
      dependencies: Object.fromEntries(used.map((pkg) => [pkg, `~${versionOf(pkg)}`])),
    }, null, 2) + '\n');
    const config = join(source, 'config.json');
    if (existsSync(config)) copyFileSync(config, join(dir, 'config.json'));
    else writeFileSync(join(dir, 'config.json'), '{\n  "permissions": { "openapi": [] }\n}\n');
    const kb = (n) => (n / 1024).toFixed(1);
    const parts = composition(result.metafile).map(([k, n]) => `${k} ${kb(n)}`).join(', ');
    console.log(`cloudfunctions/${area} → dist/cloudfunctions/${area}/index.js (${kb(statSync(join(dir, 'index.js')).size)} KB: ${parts})`);
  }
}

module.exports = { pureDomain, classicZodIn };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
