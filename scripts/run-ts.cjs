// Runs a TypeScript entry with Node: esbuild bundles our code (dependencies stay external) into
// node_modules/.cache, then this same process runs it — one process, so a signal sent to
// `npm start` reaches the server itself.
const { buildSync } = require('esbuild');
const { join, basename, resolve } = require('node:path');
const { renameSync } = require('node:fs');

function runTs(entry, args = []) {
  const outfile = join(__dirname, '..', 'node_modules', '.cache', 'run-ts', basename(entry).replace(/\.ts$/, '.cjs'));
  // Built beside and renamed into place (atomic): two processes starting the same entry at once
  // (test files on two Jest workers) never read the other's half-written bundle.
  const building = `${outfile}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [resolve(entry)], outfile: building, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', packages: 'external', sourcemap: 'inline', logLevel: 'warning',
  });
  renameSync(building, outfile);
  process.setSourceMapsEnabled(true);
  process.argv = [process.argv[0], outfile, ...args];
  require(outfile);
}

module.exports = { runTs };

if (require.main === module) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node scripts/run-ts.cjs <entry.ts> [args…]');
    process.exit(1);
  }
  runTs(entry, args);
}
