// Dependency-free pre-step of `npm start` and `npm test`: installs from the committed lockfile
// when node_modules is missing or older than package-lock.json.
const { existsSync, statSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');

const stale = !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;
if (stale) {
  console.log('正在安装依赖（npm ci）…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
