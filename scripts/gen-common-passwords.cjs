// Prints the common passwords that server/security/common-passwords.ts compiles from its rules, one a
// line, then the words they are built from (for review, or to diff after changing a rule):
//   node scripts/gen-common-passwords.cjs > /tmp/common-passwords.txt
// The rules themselves ship in the function bundle (about 5 KB instead of the 122 KB list they make);
// test/common-passwords.test.ts pins the list they compile.
const { buildSync } = require('esbuild');
const { join } = require('node:path');

const outfile = join(__dirname, '..', 'node_modules', '.cache', 'gen-common-passwords', 'common-passwords.cjs');
buildSync({ entryPoints: [join(__dirname, '..', 'server', 'security', 'common-passwords.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const { commonPasswords, commonWords } = require(outfile);
process.stdout.write(`${commonPasswords().join('\n')}\n\n# words\n${commonWords().join('\n')}\n`);
