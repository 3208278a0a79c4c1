// The test suite in stages (issue #18), each a Jest project so a failure says where:
//   unit        — tests beside the code: domain/, server/, host/, cloudfunctions/
//   integration — boundary tests in test/ over a seeded world or the in-process host, no build needed
//   built       — tests of the built artefacts: dist/weapp rendered, dist/cloudfunctions loaded, dist/h5 served
//   browser     — test/e2e: Chromium over the local host and dist/h5
// A test file in test/ belongs to `built` when it reads dist/ (names 'dist', uses the weapp simulator or a browser,
// or runs npm start);
// scripts/test.cjs starts unit and integration at once and the other two when their builds are done.
// `npx jest <path>` still runs any file (its builds must exist).
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];

const testDir = join(__dirname, 'test');
// scripts/start.cjs (npm start) builds dist/h5 itself when it is stale: such a test must run after the H5 build
const READS_DIST = /['"]dist['"]|['"`][^'"`]*\bdist\/(weapp|h5|cloudfunctions)|support\/weapp-sim['"]|\b(useBrowserApp|launchChromium)\b|scripts\/start\.cjs/;
const built = readdirSync(testDir)
  .filter((f) => f.endsWith('.test.ts') && READS_DIST.test(readFileSync(join(testDir, f), 'utf8')))
  .map((f) => `<rootDir>/test/${f}`);

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['<rootDir>/test/support/setup-env.ts'],
};

module.exports = {
  testTimeout: 60000,
  // the demo seeded once per run; every world and test host opens a copy (test/support/seed-image.ts)
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{domain,server,host,cloudfunctions}/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/*.test.ts'], testPathIgnorePatterns: [...common.testPathIgnorePatterns, ...built.map((p) => p.replace('<rootDir>', ''))] },
    { ...common, displayName: 'built', testMatch: built.length ? built : ['<rootDir>/test/__none__'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
