// `npm start`: build the H5 app when its sources changed, then serve it against the embedded
// database with a seeded demo, and print the URL. The server runs in this same process (see
// run-ts.cjs); the build runs as a child in its own process group, stopped with this process.
const { spawn } = require('node:child_process');
const { existsSync, readFileSync, readdirSync, statSync } = require('node:fs');
const { constants } = require('node:os');
const { join, resolve } = require('node:path');

const root = join(__dirname, '..');
const defaultH5 = join(root, 'dist', 'h5');
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function h5Stale() {
  const built = join(defaultH5, 'index.html');
  const sources = ['src', 'domain', 'config'].map((d) => join(root, d));
  return !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
}

/** Same rule as host/lifecycle.ts `starterGone`: our parent, or our parent shell's parent, changed. */
function starterGone() {
  const parent = process.ppid;
  const info = (pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      return { name: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(stat.slice(close + 2).split(' ')[1]) };
    } catch {
      return null;
    }
  };
  if (parent === 1) return () => false;
  const p = info(parent);
  const grand = p && ['sh', 'dash', 'bash', 'zsh', 'ash'].includes(p.name) && p.ppid > 1 ? p.ppid : null;
  return () => process.ppid !== parent || (grand !== null && info(parent)?.ppid !== grand);
}

/**
 * Runs a command and resolves with its exit code. It gets a process group of its own, so that a
 * signal to this process, this process exiting, or this process's parent going away stops the
 * command and everything it started (webpack's workers included), not only its first process.
 */
function runChild(command, args, options = {}) {
  const group = process.platform !== 'win32';
  // No stdin: in a group of its own, a child reading the terminal would be stopped (SIGTTIN).
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options, detached: group });
  const stopChild = (signal) => {
    try {
      if (group) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // already gone
    }
  };
  const onSignal = (signal) => {
    stopChild(signal);
    process.exit(128 + (constants.signals[signal] ?? 15));
  };
  const onExit = () => stopChild('SIGTERM');
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', onExit);
  const gone = starterGone();
  const watch = setInterval(() => gone() && onSignal('SIGHUP'), 500);
  watch.unref();
  return new Promise((resolvePromise) => {
    const done = (code) => {
      clearInterval(watch);
      for (const s of SIGNALS) process.off(s, onSignal);
      process.off('exit', onExit);
      resolvePromise(code);
    };
    child.on('error', (e) => {
      console.error(e.message);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 + (constants.signals[signal] ?? 15) : 1)));
  });
}

async function main() {
  // With H5_DIR pointing elsewhere, that build is served as it is: nothing here builds it.
  const ownBuild = resolve(root, process.env.H5_DIR ?? defaultH5) === defaultH5;
  if (ownBuild && h5Stale()) {
    console.log('正在构建 H5 应用…');
    const taro = require.resolve('@tarojs/cli/bin/taro', { paths: [root] });
    const code = await runChild(process.execPath, [taro, 'build', '--type', 'h5'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' } });
    if (code !== 0) process.exit(code);
  }
  process.chdir(root);
  require('./run-ts.cjs').runTs('host/main.ts');
}

module.exports = { runChild };

if (require.main === module) main();
