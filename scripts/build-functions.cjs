// `npm run build:functions`: one esbuild bundle per cloud function (an area), ready to upload to
// WeChat cloud: dist/cloudfunctions/<area>/{index.js, package.json, config.json}.
// wx-server-sdk stays external: WeChat installs it from the function's package.json.
const { build } = require('esbuild');
const { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const src = join(root, 'cloudfunctions');
const out = join(root, 'dist', 'cloudfunctions');
const sdkVersion = require(join(root, 'node_modules', 'wx-server-sdk', 'package.json')).version;

async function main() {
  rmSync(out, { recursive: true, force: true });
  const areas = readdirSync(src).filter((d) => existsSync(join(src, d, 'index.ts')));
  for (const area of areas) {
    const dir = join(out, area);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(src, area, 'index.ts')], outfile: join(dir, 'index.js'), bundle: true,
      platform: 'node', format: 'cjs', target: 'node16', external: ['wx-server-sdk'], minify: true,
      legalComments: 'none', logLevel: 'warning',
    });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({
      name: area, version: '1.0.0', private: true, main: 'index.js',
      dependencies: { 'wx-server-sdk': `~${sdkVersion}` },
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
