// `npm test` (issue #18): every check in named stages, run side by side where they can, and one
// closing line `tests: N passed, N failed, N skipped` summed over the stages (CI reads it).
//
//   typecheck   tsc --noEmit                                       starts at once
//   lint        ESLint, zero warnings (eslint.config.mjs)          starts at once
//   unit        Jest: tests beside the code                        starts at once (no build needed)
//   integration Jest: test/ over a seeded world or the in-process host (same run as unit)
//   builds      h5 → weapp → functions, one after the other; a build whose inputs have not changed
//               since the last one (a hash stored beside its output) is skipped
//   browser     Jest: test/e2e, Chromium over dist/h5, two files at a time   when the H5 build is done
//   built       Jest: dist/weapp rendered, dist/cloudfunctions loaded, dist/h5 served  after all builds
//
// Nothing rebuilds dist/h5 while the browser stage reads it: the builds run once, before the stages
// that read them. On a machine shared with others, run the whole of it under their build lock
// (`flock /tmp/build.lock npm test`). Each stage's output goes to test/artifacts/logs/<stage>.log
// and is printed when the stage ends; a failure names its stage. A failed step that is not a
// Jest stage counts as one failed test in the closing line. `npm test -- <jest args>` passes the
// arguments to every Jest stage. FORCE_BUILD=1 rebuilds whatever the hashes say.
const { spawn } = require('node:child_process');
const { createHash } = require('node:crypto');
const { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { ensureChromium } = require('./chromium.cjs');

const root = join(__dirname, '..');
const artifacts = join(root, 'test', 'artifacts');
const logs = join(artifacts, 'logs');
mkdirSync(logs, { recursive: true });
const started = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const extra = process.argv.slice(2);

/** Runs one command with its output in logs/<name>.log, printed as one block when it ends. */
function run(name, cmd, args, env = {}) {
  const t = Date.now();
  const logFile = join(logs, `${name.replace(/[^\w+-]/g, '-')}.log`);
  const out = createWriteStream(logFile);
  console.log(`▶ ${name} — ${[cmd, ...args].join(' ')}  (${secs(t - started)})`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('close', (code, signal) => {
      out.end(() => {
        const status = code ?? (signal ? 1 : 0);
        const ms = Date.now() - t;
        console.log(`\n──── ${name} ────`);
        process.stdout.write(readFileSync(logFile, 'utf8'));
        console.log(`${status === 0 ? '✓' : '✗'} ${name} (${secs(ms)}, ended at ${secs(Date.now() - started)})`);
        resolve({ name, status, ms });
      });
    });
  });
}

// ── builds: skipped when their inputs are unchanged ──────────────────────────────────────────────
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'artifacts']);
function hashInputs(paths) {
  const h = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) if (!SKIP_DIRS.has(e)) walk(join(p, e));
    } else if (!/\.test\.tsx?$/.test(p)) {
      h.update(relative(root, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  for (const p of paths) walk(join(root, p));
  return h.digest('hex');
}
const TARO_INPUTS = ['src', 'config', 'domain', 'types', 'babel.config.js', 'tsconfig.json', 'project.config.json', 'package.json', 'package-lock.json'];
const BUILDS = {
  h5: { out: 'dist/h5', marker: 'index.html', inputs: TARO_INPUTS, cmd: ['npx', ['taro', 'build', '--type', 'h5']], env: { NODE_ENV: 'production' } },
  weapp: { out: 'dist/weapp', marker: 'app.js', inputs: TARO_INPUTS, cmd: ['npx', ['taro', 'build', '--type', 'weapp']], env: { NODE_ENV: 'production' } },
  functions: {
    out: 'dist/cloudfunctions', marker: 'account/index.js',
    inputs: ['cloudfunctions', 'server', 'domain', 'scripts/build-functions.cjs', 'tsconfig.json', 'package.json', 'package-lock.json'],
    cmd: ['node', ['scripts/build-functions.cjs']], env: {},
  },
};
const stampOf = (b) => join(root, b.out, '.build-inputs');
async function build(name) {
  const b = BUILDS[name];
  const hash = createHash('sha256').update(name).update(hashInputs(b.inputs)).digest('hex');
  const fresh = existsSync(join(root, b.out, b.marker)) && existsSync(stampOf(b)) && readFileSync(stampOf(b), 'utf8').trim() === hash;
  if (fresh && !process.env.FORCE_BUILD) {
    console.log(`✓ build:${name} — inputs unchanged since the last build, skipped`);
    return { name: `build:${name}`, status: 0, ms: 0, skipped: true };
  }
  rmSync(stampOf(b), { force: true });
  const r = await run(`build:${name}`, b.cmd[0], b.cmd[1], b.env);
  if (r.status === 0) writeFileSync(stampOf(b), `${hash}\n`);
  return r;
}

// ── Jest stages ──────────────────────────────────────────────────────────────────────────────────
const jestConfig = require(join(root, 'jest.config.cjs'));
const builtFiles = new Set(jestConfig.projects.find((p) => p.displayName === 'built').testMatch.map((p) => p.replace('<rootDir>/', '')));
/** The stage of a test file, by the same rules as jest.config.cjs's projects. */
function stageOf(file) {
  const rel = relative(root, file);
  if (!rel.startsWith('test/')) return 'unit';
  if (rel.startsWith('test/e2e/')) return 'browser';
  return builtFiles.has(rel) ? 'built' : 'integration';
}
const worldLog = join(artifacts, 'worlds.log');
rmSync(worldLog, { force: true });
async function jest(name, projects, { workers } = {}) {
  const results = join(artifacts, `jest-${name}.json`);
  rmSync(results, { force: true });
  const args = ['jest', '--ci', '--forceExit', '--json', `--outputFile=${results}`, '--selectProjects', ...projects,
    ...(workers ? [`--maxWorkers=${workers}`] : []), ...(extra.length ? ['--passWithNoTests', ...extra] : [])];
  const r = await run(name, 'npx', args, { JM_WORLD_LOG: worldLog });
  try {
    r.jest = JSON.parse(readFileSync(results, 'utf8'));
  } catch {
    r.jest = null;
  }
  return r;
}

async function main() {
  const steps = [];
  const typecheck = run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
  const lint = run('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
  // two workers: with one, a core sat idle for minutes once the browser stage was done; the files
  // are CPU-bound, so two make each slower but end the stage ~60 s sooner (docs/issue-18-tests.md,
  // "two workers, and where the floor is"); UNIT_WORKERS=1 falls back
  const unit = jest('unit+integration', ['unit', 'integration'], { workers: process.env.UNIT_WORKERS ?? 2 });
  // the builds, one after the other (two webpack builds side by side only fight over two cores)
  const h5 = build('h5');
  const later = h5.then(async (r) => [r, await build('weapp'), await build('functions')]);
  const browser = h5.then((r) => {
    if (r.status !== 0) return { name: 'browser', status: 1, ms: 0, blocked: 'build:h5' };
    ensureChromium();
    // two files at a time: a browser test mostly waits (on Chromium, on the page), it does not compute
    return jest('browser', ['browser'], { workers: process.env.BROWSER_WORKERS ?? 2 });
  });
  const built = later.then((rs) => {
    const failed = rs.find((r) => r.status !== 0);
    if (failed) return { name: 'built', status: 1, ms: 0, blocked: failed.name };
    return jest('built', ['built'], { workers: process.env.BUILT_WORKERS ?? 2 });
  });
  steps.push(await typecheck, await lint, await unit, ...(await later), await browser, await built);

  // ── summary ──
  const sum = { passed: 0, failed: 0, skipped: 0 };
  const perStage = {};
  console.log('\n════ summary ════');
  for (const s of steps) {
    if (s.jest) {
      for (const file of s.jest.testResults) {
        const st = (perStage[stageOf(file.name)] ??= { passed: 0, failed: 0, skipped: 0, ms: 0, suites: 0 });
        st.suites += 1;
        st.ms += file.endTime - file.startTime;
        for (const a of file.assertionResults) {
          if (a.status === 'passed') st.passed += 1;
          else if (a.status === 'failed') st.failed += 1;
          else st.skipped += 1;
        }
        // a file that failed to run (a syntax error, a failing beforeAll) has no failed test of its own
        if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) st.failed += 1;
      }
      if (s.status !== 0 && s.jest.numFailedTests === 0 && s.jest.numFailedTestSuites === 0) {
        console.log(`✗ ${s.name}: Jest exited with ${s.status} though no test failed (see test/artifacts/logs/)`);
        sum.failed += 1;
      }
    } else {
      const what = s.blocked ? `not run: ${s.blocked} failed` : s.skipped ? 'skipped, up to date' : secs(s.ms);
      console.log(`${s.status === 0 ? '✓' : '✗'} ${s.name} (${what})`);
      if (s.status !== 0) sum.failed += 1;
    }
  }
  for (const stage of ['unit', 'integration', 'built', 'browser']) {
    const st = perStage[stage];
    if (!st) continue;
    console.log(`${st.failed ? '✗' : '✓'} stage ${stage}: ${st.passed} passed, ${st.failed} failed, ${st.skipped} skipped — ${st.suites} files, ${secs(st.ms)} in tests`);
    sum.passed += st.passed;
    sum.failed += st.failed;
    sum.skipped += st.skipped;
  }
  if (existsSync(worldLog)) {
    const kinds = readFileSync(worldLog, 'utf8').trim().split('\n');
    console.log(`PGlite worlds: ${kinds.filter((k) => k === 'clone').length} cloned from the seed image, ${kinds.filter((k) => k === 'create').length} created and seeded`);
  }
  console.log(`total ${secs(Date.now() - started)}`);
  console.log(`\ntests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
  process.exit(sum.failed || steps.some((s) => s.status !== 0) ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('\ntests: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
});
