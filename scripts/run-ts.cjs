// Runs a TypeScript entry with Node: esbuild bundles our code (dependencies stay external) into
// node_modules/.cache, then Node runs it with the remaining arguments.
const { build } = require('esbuild');
const { spawnSync } = require('node:child_process');
const { join, basename, resolve } = require('node:path');

async function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) throw new Error('usage: node scripts/run-ts.cjs <entry.ts> [args…]');
  const outfile = join(__dirname, '..', 'node_modules', '.cache', 'run-ts', basename(entry).replace(/\.ts$/, '.cjs'));
  await build({
    entryPoints: [resolve(entry)], outfile, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', packages: 'external', sourcemap: 'inline', logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
