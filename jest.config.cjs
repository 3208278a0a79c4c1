// One Jest run for every layer: unit tests beside the code, boundary tests in test/.
// Browser and weapp-render tests need the builds that scripts/test.cjs makes first.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/{domain,server,host,cloudfunctions,test}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test/support/setup-env.ts'],
};
