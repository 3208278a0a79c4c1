// `npm test`: type-check, build what the boundary tests exercise (weapp, h5, functions), make sure
// Chromium is there, then run every Jest test and print one closing line `N passed, N failed`.
const { spawnSync } = require('node:child_process');
const { readFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { ensureChromium } = require('./chromium.cjs');

const root = join(__dirname, '..');
const npx = (args, env = {}) => {
  const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};
const step = (title, args, env) => {
  const t = Date.now();
  console.log(`\n▶ ${title}`);
  const status = npx(args, env);
  console.log(`  ${status === 0 ? '✓' : '✗'} ${title} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  if (status !== 0) process.exit(status);
};

step('类型检查 tsc --noEmit', ['tsc', '--noEmit', '-p', '.']);
step('构建小程序 build:weapp', ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production' });
step('构建 H5 build:h5', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' });
step('构建云函数 build:functions', ['node', 'scripts/build-functions.cjs']);
ensureChromium();

mkdirSync(join(root, 'test', 'artifacts'), { recursive: true });
const results = join(root, 'test', 'artifacts', 'jest-results.json');
const extra = process.argv.slice(2);
const status = npx(['jest', '--ci', '--forceExit', '--json', `--outputFile=${results}`, ...extra]);
try {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
} catch {
  console.log('\ntests: 0 passed, 1 failed');
}
process.exit(status);
