// Issue #24: `npm run deploy -- --dry-run` on the build `npm test` made (reads dist/: run under
// `flock /tmp/build.lock`). With placeholders it names what is missing, not a stack trace; with a
// complete configuration it checks with miniprogram-ci offline and lists every upload; a real run
// without configuration stops before any network call.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_KEYS } from '../domain/subscriptions';
import { FUNCTIONS } from '../cloudfunctions';

const root = join(__dirname, '..');
// every deployed function: one per area, and meetingFiles (domain/functions.ts)
const functions = Object.keys(FUNCTIONS);

function deploy(args: string[], env: Record<string, string> = {}): { status: number | null; out: string } {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(WEAPP_|CLOUD_ENV$|SUBSCRIBE_TEMPLATES$|WXACODE_ENV_VERSION$|MINIPROGRAM_STATE$|DEPLOY_ROBOT$)/.test(k)),
  );
  const r = spawnSync(process.execPath, ['scripts/run-ts.cjs', 'scripts/deploy.ts', ...args], {
    cwd: root,
    env: { ...clean, ...env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const noStack = (out: string) => expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('npm run deploy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jm-deploy-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--dry-run with nothing configured: checks and lists every upload, names what is missing', () => {
    const { status, out } = deploy(['--dry-run', '--skip-build', '--config', join(dir, 'none.json')]);
    noStack(out);
    expect(out).toContain('Missing configuration');
    expect(out).toMatch(/✗ appid — WEAPP_APPID/);
    expect(out).toMatch(/✗ private key — WEAPP_PRIVATE_KEY_PATH/);
    expect(out).toMatch(/✗ cloud env id — CLOUD_ENV/);
    expect(out).toMatch(/✗ template ids for meeting_notice/);
    // the offline checks ran
    expect(out).toContain('analyseCode');
    expect(out).toMatch(/✓ JS_COMPRESS_OPEN/);
    expect(out).toMatch(/✓ WXML_COMPRESS_OPEN/);
    expect(out).toMatch(/✓ WXSS_COMPRESS_OPEN/);
    expect(out).toContain('Would upload to <appid>, cloud env <cloud env id>');
    for (const f of functions) expect(out).toMatch(new RegExp(`function ${f}\\s+\\d+ KB\\s+timeout \\d+ s, Nodejs16\\.13`));
    expect(out).toMatch(/function reminders .*trigger tick "0 6\/10 \* \* \* \* \*"/);
    expect(out).not.toContain('Checks failed');
    expect(status).toBe(0);
    // the prepared upload: the build plus the project configuration and the sitemap
    const prepared = JSON.parse(readFileSync(join(root, 'dist', 'deploy', 'weapp', 'project.config.json'), 'utf8'));
    expect(prepared).toMatchObject({ miniprogramRoot: './', setting: { minified: true, minifyWXML: true, minifyWXSS: true } });
    const sitemap = JSON.parse(readFileSync(join(root, 'dist', 'deploy', 'weapp', 'sitemap.json'), 'utf8'));
    expect(sitemap.rules).toEqual([{ action: 'disallow', page: '*' }]);
    // the build's own project config names the functions next to it
    const built = JSON.parse(readFileSync(join(root, 'dist', 'weapp', 'project.config.json'), 'utf8'));
    expect(existsSync(join(root, 'dist', 'weapp', built.cloudfunctionRoot, 'reminders', 'index.js'))).toBe(true);
  }, 300_000);

  it('--dry-run with a complete configuration: nothing missing, the appid and env in the plan', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = join(dir, 'private.key');
    writeFileSync(key, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const config = join(dir, 'deploy.config.json');
    writeFileSync(config, JSON.stringify({
      appid: 'wx1234567890abcdef', privateKeyPath: key, cloudEnv: 'jm-prod-9z8y7x', wxacodeEnvVersion: 'trial', robot: 2,
      templates: Object.fromEntries(TEMPLATE_KEYS.map((k, i) => [k, { id: `tmpl-${i}-${k}`, kind: 'one_time' }])),
    }));
    const { status, out } = deploy(['--dry-run', '--skip-build', '--config', config, '--version', '1.2.3']);
    noStack(out);
    expect(out).not.toContain('Missing configuration');
    expect(out).toContain('Would upload to wx1234567890abcdef, cloud env jm-prod-9z8y7x');
    expect(out).toContain('mini-program version 1.2.3');
    expect(out).toMatch(/function people .*\n\s+env WXACODE_ENV_VERSION=trial/);
    expect(out).toMatch(/env SUBSCRIBE_TEMPLATES=\{"meeting_notice":\{"id":"tmpl-0-meeting_notice"/);
    expect(status).toBe(0);
    const prepared = JSON.parse(readFileSync(join(root, 'dist', 'deploy', 'weapp', 'project.config.json'), 'utf8'));
    expect(prepared.appid).toBe('wx1234567890abcdef');
  }, 300_000);

  it('a real run without configuration stops before building or uploading, naming what is missing', () => {
    const { status, out } = deploy(['--config', join(dir, 'none.json')]);
    noStack(out);
    expect(out).toContain('nothing uploaded');
    expect(out).toMatch(/✗ appid/);
    expect(out).not.toContain('build:weapp');
    expect(status).toBe(2);
  });

  it('an unknown option is a sentence, not a trace', () => {
    const { status, out } = deploy(['--dryrun']);
    noStack(out);
    expect(out).toMatch(/部署失败：unknown option --dryrun/);
    expect(status).toBe(1);
  });
});
