// `npm run build:functions`: one esbuild bundle per cloud function (an area), ready to upload to
// WeChat cloud: dist/cloudfunctions/<area>/{index.js, package.json, config.json}.
// wx-server-sdk stays external: WeChat installs it from the function's package.json.
const { build, buildSync } = require('esbuild');
const { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const src = join(root, 'cloudfunctions');
const out = join(root, 'dist', 'cloudfunctions');
const versionOf = (pkg) => require(join(root, 'node_modules', pkg, 'package.json')).version;
// Installed by WeChat from each function's package.json ("云端安装依赖") instead of bundled: the SDK,
// and libraries too big to bundle that only some actions load (exceljs, docx for exports; jszip, which
// both ship, for finishing their packages and the archive; bcryptjs for passwords).
const EXTERNAL = ['wx-server-sdk', 'exceljs', 'docx', 'bcryptjs', 'jszip'];

/** The deployable areas: the keys of FUNCTIONS in cloudfunctions/index.ts, the list the host and tests use. */
function listedAreas() {
  const tmp = join(root, 'node_modules', '.cache', 'build-functions', 'areas.cjs');
  buildSync({ entryPoints: [join(src, 'index.ts')], outfile: tmp, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
  const listed = Object.keys(require(tmp).FUNCTIONS);
  const folders = readdirSync(src).filter((d) => existsSync(join(src, d, 'index.ts')));
  const unlisted = folders.filter((d) => !listed.includes(d));
  if (unlisted.length) throw new Error(`cloudfunctions/${unlisted.join(', ')} not listed in cloudfunctions/index.ts: it would be deployed untested`);
  return listed;
}

async function main() {
  rmSync(out, { recursive: true, force: true });
  const areas = listedAreas();
  for (const area of areas) {
    const dir = join(out, area);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(src, area, 'index.ts')], outfile: join(dir, 'index.js'), bundle: true,
      platform: 'node', format: 'cjs', target: 'node16', external: EXTERNAL, minify: true,
      legalComments: 'none', logLevel: 'warning',
      // Chinese text as UTF-8 (3 bytes a character) instead of \u escapes (6): a third off every bundle's strings
      charset: 'utf8',
    });
    const code = readFileSync(join(dir, 'index.js'), 'utf8');
    const used = EXTERNAL.filter((pkg) => code.includes(`require("${pkg}")`));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({
      name: area, version: '1.0.0', private: true, main: 'index.js',
      dependencies: Object.fromEntries(used.map((pkg) => [pkg, `~${versionOf(pkg)}`])),
    }, null, 2) + '\n');
    const config = join(src, area, 'config.json');
    if (existsSync(config)) copyFileSync(config, join(dir, 'config.json'));
    else writeFileSync(join(dir, 'config.json'), '{\n  "permissions": { "openapi": [] }\n}\n');
    console.log(`cloudfunctions/${area} → dist/cloudfunctions/${area}/index.js (${(statSync(join(dir, 'index.js')).size / 1024).toFixed(1)} KB)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
