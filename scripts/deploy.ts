// `npm run deploy [-- --dry-run] [--skip-build] [--version 1.2.3] [--desc "…"]` — issue #24:
// one command from the repository to WeChat. It builds the mini-program and the cloud functions
// with this deployment's configuration, checks them offline with WeChat's own miniprogram-ci
// (analyseCode: package sizes; checkCodeQuality: the quality scan; fails on any failing item or a
// package over WeChat's limits), prepares dist/deploy/weapp (the upload, with the real appid), then
// uploads the version and every function (`cloud.uploadFunction`, then its timer trigger).
// `--dry-run` does everything but the network calls and prints what it would upload; with missing
// configuration it names what is missing (and uses placeholders) instead of failing with a trace.
//
// Configuration, one place: environment variables, else `deploy.config.json` (not committed; see
// deploy.config.example.json):
//   WEAPP_APPID / appid                     the mini-program's AppID (wx + 16 hex)
//   WEAPP_PRIVATE_KEY_PATH / privateKeyPath the upload key (微信公众平台 → 开发管理 → 小程序代码上传密钥),
//   or WEAPP_PRIVATE_KEY                     the key's PEM text itself (CI secrets)
//   CLOUD_ENV / cloudEnv                    the CloudBase environment id
//   SUBSCRIBE_TEMPLATES / templates         template ids per key of domain/subscriptions.ts
//   WXACODE_ENV_VERSION / wxacodeEnvVersion which version a mini-program code opens (trial before the first release)
//   MINIPROGRAM_STATE / miniprogramState    which version a subscription message opens
//   DEPLOY_ROBOT / robot                    the CI robot number (1–30) the upload is credited to

import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEMPLATE_KEYS } from '../domain/subscriptions';

/** The repository: the nearest folder up from here (or from the bundle in node_modules/.cache) with our package.json. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = resolve(dir, '..')) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'joint-meeting') return dir;
    if (resolve(dir, '..') === dir) return process.cwd();
  }
}
const rootDir = findRoot(__dirname);

interface DeployConfig {
  appid?: string;
  privateKeyPath?: string;
  cloudEnv?: string;
  templates?: Record<string, { id: string; kind: 'one_time' | 'long_term' }>;
  wxacodeEnvVersion?: 'release' | 'trial' | 'develop';
  miniprogramState?: 'formal' | 'trial' | 'developer';
  robot?: number;
  version?: string;
  desc?: string;
}

interface Options {
  dryRun: boolean;
  skipBuild: boolean;
  version?: string;
  desc?: string;
  config?: string;
}

export class DeployError extends Error {}

/** deploy.config.example.json's values: placeholders, never deployed */
const EXAMPLE_APPID = 'wx0123456789abcdef';
const EXAMPLE_ENV = 'joint-meeting-1a2b3c';

const KB = 1024;
const MB = 1024 * KB;
/** WeChat's hard limits (PLATFORM.md): each package ≤ 2 MB, all ≤ 30 MB; the main package's budget (DESIGN.md) */
const PACKAGE_LIMIT = 2 * MB;
const TOTAL_LIMIT = 30 * MB;
const MAIN_BUDGET = 600 * KB;
/** WeChat cloud functions run at most 60 s */
const MAX_TIMEOUT_S = 60;
const RUNTIMES = ['Nodejs16.13', 'Nodejs18.15'];

function parseArgs(argv: string[]): Options {
  const o: Options = { dryRun: false, skipBuild: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--dry-run') o.dryRun = true;
    else if (a === '--skip-build') o.skipBuild = true;
    else if (a === '--version') o.version = argv[++i];
    else if (a === '--desc') o.desc = argv[++i];
    else if (a === '--config') o.config = argv[++i];
    else throw new DeployError(`unknown option ${a} (known: --dry-run, --skip-build, --version <x.y.z>, --desc <text>, --config <file>)`);
  }
  return o;
}

function readJson<T>(path: string, what: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new DeployError(`${what} (${path}) is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The deployment's settings: environment first, then the file. */
function loadConfig(o: Options): { cfg: DeployConfig; source: string; keyText?: string } {
  const file = resolve(rootDir, o.config ?? 'deploy.config.json');
  const fromFile: DeployConfig = existsSync(file) ? readJson<DeployConfig>(file, 'the deploy configuration') : {};
  const env = process.env;
  const templates = env.SUBSCRIBE_TEMPLATES ? readTemplatesEnv(env.SUBSCRIBE_TEMPLATES) : fromFile.templates;
  const cfg: DeployConfig = {
    ...fromFile,
    appid: env.WEAPP_APPID || fromFile.appid,
    privateKeyPath: env.WEAPP_PRIVATE_KEY_PATH || fromFile.privateKeyPath,
    cloudEnv: env.CLOUD_ENV || fromFile.cloudEnv,
    templates,
    wxacodeEnvVersion: (env.WXACODE_ENV_VERSION as DeployConfig['wxacodeEnvVersion']) || fromFile.wxacodeEnvVersion,
    miniprogramState: (env.MINIPROGRAM_STATE as DeployConfig['miniprogramState']) || fromFile.miniprogramState,
    robot: env.DEPLOY_ROBOT ? Number(env.DEPLOY_ROBOT) : fromFile.robot,
  };
  return { cfg, source: existsSync(file) ? file : 'environment only (no deploy.config.json)', keyText: env.WEAPP_PRIVATE_KEY };
}

function readTemplatesEnv(text: string): DeployConfig['templates'] {
  try {
    return JSON.parse(text) as DeployConfig['templates'];
  } catch {
    throw new DeployError('SUBSCRIBE_TEMPLATES is not valid JSON (expected { "<key>": { "id": "…", "kind": "one_time" } })');
  }
}

interface Missing {
  what: string;
  how: string;
}

function findMissing(cfg: DeployConfig, keyText: string | undefined): Missing[] {
  const missing: Missing[] = [];
  if (!cfg.appid || cfg.appid === 'touristappid' || cfg.appid === EXAMPLE_APPID) missing.push({ what: 'appid', how: 'WEAPP_APPID or "appid" in deploy.config.json (wx followed by 16 hex digits)' });
  else if (!/^wx[0-9a-f]{16}$/.test(cfg.appid)) missing.push({ what: `appid "${cfg.appid}" is not an AppID`, how: 'an AppID is wx followed by 16 hex digits' });
  if (!keyText) {
    if (!cfg.privateKeyPath) missing.push({ what: 'private key', how: 'WEAPP_PRIVATE_KEY_PATH (or WEAPP_PRIVATE_KEY with the PEM text) or "privateKeyPath" in deploy.config.json; download it in 微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传密钥, and add this machine\'s IP to the whitelist' });
    else if (!existsSync(resolve(rootDir, cfg.privateKeyPath))) missing.push({ what: `private key file ${cfg.privateKeyPath}`, how: 'the path does not exist' });
  }
  if (!cfg.cloudEnv || cfg.cloudEnv === EXAMPLE_ENV) missing.push({ what: 'cloud env id', how: 'CLOUD_ENV or "cloudEnv" in deploy.config.json (云开发控制台 → 环境 ID)' });
  const templates = cfg.templates ?? {};
  const unknown = Object.keys(templates).filter((k) => !(TEMPLATE_KEYS as readonly string[]).includes(k));
  if (unknown.length) missing.push({ what: `unknown template keys ${unknown.join(', ')}`, how: `keys are ${TEMPLATE_KEYS.join(', ')}` });
  const absent = TEMPLATE_KEYS.filter((k) => !templates[k]?.id || templates[k].id.startsWith('<'));
  if (absent.length) missing.push({ what: `template ids for ${absent.join(', ')}`, how: 'SUBSCRIBE_TEMPLATES or "templates" in deploy.config.json (微信公众平台 → 订阅消息; README "WeChat"). A key without an id reaches only the inbox' });
  if (cfg.robot !== undefined && !(Number.isInteger(cfg.robot) && cfg.robot >= 1 && cfg.robot <= 30)) missing.push({ what: `robot ${cfg.robot}`, how: 'an integer 1–30' });
  return missing;
}

function run(title: string, cmd: string, args: string[], env: Record<string, string>): void {
  const t = Date.now();
  console.log(`▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: rootDir, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new DeployError(`${title} failed (exit ${r.status ?? r.signal})`);
  console.log(`  ✓ ${title} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

function dirSize(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    n += s.isDirectory() ? dirSize(p) : s.size;
  }
  return n;
}

interface FunctionPlan {
  name: string;
  path: string;
  bytes: number;
  timeout: number;
  runtime: string;
  triggers: Array<{ name: string; type: string; config: string }>;
  openapi: string[];
  env: Record<string, string>;
}

/** Checks each built function and what WeChat reads from its config.json. */
function planFunctions(fnRoot: string, cfg: DeployConfig, problems: string[]): FunctionPlan[] {
  if (!existsSync(fnRoot)) {
    problems.push(`no cloud functions at ${fnRoot}: run without --skip-build`);
    return [];
  }
  const plans: FunctionPlan[] = [];
  for (const name of readdirSync(fnRoot).sort()) {
    const dir = join(fnRoot, name);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of ['index.js', 'package.json', 'config.json']) if (!existsSync(join(dir, f))) problems.push(`function ${name}: ${f} missing`);
    if (!existsSync(join(dir, 'config.json'))) continue;
    const c = readJson<{ timeout?: number; runtime?: string; triggers?: FunctionPlan['triggers']; permissions?: { openapi?: string[] } }>(join(dir, 'config.json'), `${name}/config.json`);
    if (!Number.isInteger(c.timeout) || (c.timeout ?? 0) < 1 || (c.timeout ?? 0) > MAX_TIMEOUT_S) problems.push(`function ${name}: config.json "timeout" must be 1–${MAX_TIMEOUT_S} seconds (the default is 3)`);
    if (!c.runtime || !RUNTIMES.includes(c.runtime)) problems.push(`function ${name}: config.json "runtime" must be one of ${RUNTIMES.join(', ')}`);
    const triggers = c.triggers ?? [];
    if (triggers.length > 1) problems.push(`function ${name}: one timer trigger per function`);
    for (const t of triggers) if (t.type !== 'timer' || t.config.trim().split(/\s+/).length !== 7) problems.push(`function ${name}: trigger ${t.name} needs type "timer" and a 7-field cron`);
    const openapi = c.permissions?.openapi ?? [];
    const env: Record<string, string> = {};
    if (openapi.includes('subscribeMessage.send')) {
      env.SUBSCRIBE_TEMPLATES = JSON.stringify(cfg.templates ?? {});
      env.MINIPROGRAM_STATE = cfg.miniprogramState ?? 'formal';
    }
    if (openapi.includes('wxacode.getUnlimited')) env.WXACODE_ENV_VERSION = cfg.wxacodeEnvVersion ?? 'release';
    plans.push({ name, path: dir, bytes: dirSize(dir), timeout: c.timeout ?? 3, runtime: c.runtime ?? '?', triggers, openapi, env });
  }
  return plans;
}

interface CiProject {
  appid: string;
}

interface MiniprogramCi {
  Project: new (o: { appid: string; type: string; projectPath: string; privateKeyPath: string; ignores?: string[] }) => CiProject;
  analyseCode(p: CiProject, o?: { silent: boolean }): Promise<{ files: Array<{ path: string; size: number; subPackage: string | null }> } | undefined>;
  checkCodeQuality(p: CiProject): Promise<Array<{ name: string; success: boolean; text: string; detail?: unknown }>>;
  upload(o: { project: CiProject; version: string; desc?: string; robot?: number; setting?: Record<string, boolean> }): Promise<unknown>;
  cloud: {
    uploadFunction(o: { project: CiProject; env: string; name: string; path: string; remoteNpmInstall: boolean }): Promise<{ filesCount: number; packSize: number }>;
    createTimeTrigger(o: { project: CiProject; envId: string; functionName: string; triggersConfig: FunctionPlan['triggers'] }): Promise<string>;
  };
}

const kb = (n: number) => `${(n / KB).toFixed(0)} KB`;

export async function deploy(argv: string[]): Promise<number> {
  const o = parseArgs(argv);
  const { cfg, source, keyText } = loadConfig(o);
  const missing = findMissing(cfg, keyText);
  console.log(`${o.dryRun ? '演练（--dry-run）' : '发布'}：configuration from ${source}`);
  if (missing.length) {
    console.log(`\nMissing configuration (${o.dryRun ? 'placeholders used for the dry run' : 'nothing uploaded'}):`);
    for (const m of missing) console.log(`  ✗ ${m.what} — ${m.how}`);
    if (!o.dryRun) return 2;
  }
  const appid = cfg.appid && /^wx[0-9a-f]{16}$/.test(cfg.appid) && cfg.appid !== EXAMPLE_APPID ? cfg.appid : 'touristappid';
  const cloudEnv = cfg.cloudEnv && cfg.cloudEnv !== EXAMPLE_ENV ? cfg.cloudEnv : '<cloud env id>';
  const version = o.version ?? cfg.version ?? readJson<{ version: string }>(join(rootDir, 'package.json'), 'package.json').version;
  const desc = o.desc ?? cfg.desc ?? `joint-meeting ${version}`;

  // 1. build, with this deployment's env and appid baked in
  if (!o.skipBuild) {
    run('构建小程序 build:weapp', 'npx', ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production', CLOUD_ENV: cfg.cloudEnv ?? '', TARO_APP_ID: appid });
    run('构建云函数 build:functions', 'node', ['scripts/build-functions.cjs'], {});
  }
  const built = join(rootDir, 'dist', 'weapp');
  const fnRoot = join(rootDir, 'dist', 'cloudfunctions');
  if (!existsSync(join(built, 'app.json'))) throw new DeployError(`no mini-program build at ${built}: run without --skip-build`);

  // 2. prepare the upload directory: the build plus the real project configuration
  const out = join(rootDir, 'dist', 'deploy', 'weapp');
  rmSync(join(rootDir, 'dist', 'deploy'), { recursive: true, force: true });
  cpSync(built, out, { recursive: true });
  const problems: string[] = [];
  const projectConfig = readJson<Record<string, unknown> & { setting?: Record<string, unknown> }>(join(out, 'project.config.json'), 'dist/weapp/project.config.json');
  projectConfig.appid = appid;
  projectConfig.cloudfunctionRoot = '../../cloudfunctions/'; // dist/deploy/weapp → dist/cloudfunctions
  writeFileSync(join(out, 'project.config.json'), `${JSON.stringify(projectConfig, null, 2)}\n`);
  const setting = projectConfig.setting ?? {};
  for (const k of ['minified', 'minifyWXML', 'minifyWXSS']) if (setting[k] !== true) problems.push(`project config: setting.${k} is not on (config/project.weapp.json)`);
  if (!existsSync(resolve(built, readJson<{ cloudfunctionRoot?: string }>(join(built, 'project.config.json'), 'project config').cloudfunctionRoot ?? '', '.'))) problems.push('dist/weapp/project.config.json: cloudfunctionRoot does not name the functions directory');
  const sitemapPath = join(out, 'sitemap.json');
  if (!existsSync(sitemapPath)) problems.push('sitemap.json missing from the build (src/sitemap.json, copied by config/index.ts)');
  else {
    const sm = readJson<{ rules?: Array<{ action: string; page: string }> }>(sitemapPath, 'sitemap.json');
    if (!sm.rules?.some((r) => r.action === 'disallow' && r.page === '*')) problems.push('sitemap.json does not disallow every page');
  }

  // 3. checks with WeChat's own tool, offline; a throw-away key when none is configured
  const ci = require('miniprogram-ci') as MiniprogramCi; // eslint-disable-line @typescript-eslint/no-require-imports
  const tmp = mkdtempSync(join(tmpdir(), 'jm-deploy-'));
  let keyPath = cfg.privateKeyPath ? resolve(rootDir, cfg.privateKeyPath) : '';
  if (keyText) writeFileSync((keyPath = join(tmp, 'upload.key')), keyText, { mode: 0o600 });
  if (!keyPath || !existsSync(keyPath)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync((keyPath = join(tmp, 'placeholder.key')), privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
  }
  try {
    const project = new ci.Project({ appid, type: 'miniProgram', projectPath: out, privateKeyPath: keyPath, ignores: ['node_modules/**/*'] });
    console.log('\n▶ 代码分析 analyseCode');
    const analysis = await ci.analyseCode(project, { silent: true });
    const byPackage = new Map<string, number>();
    for (const f of analysis?.files ?? []) byPackage.set(f.subPackage ?? 'main', (byPackage.get(f.subPackage ?? 'main') ?? 0) + f.size);
    let total = 0;
    for (const [pkg, bytes] of byPackage) {
      total += bytes;
      console.log(`  ${pkg.padEnd(20)} ${kb(bytes).padStart(8)}${bytes > PACKAGE_LIMIT ? '  ✗ over 2 MB' : ''}`);
      if (bytes > PACKAGE_LIMIT) problems.push(`package ${pkg} is ${kb(bytes)}, over WeChat's 2 MB`);
    }
    if (total > TOTAL_LIMIT) problems.push(`all packages ${kb(total)}, over WeChat's 30 MB`);
    const main = byPackage.get('main') ?? 0;
    if (main > MAIN_BUDGET) console.log(`  ! main package ${kb(main)} is over the ${kb(MAIN_BUDGET)} budget (DESIGN.md; WeChat allows 2 MB)`);
    console.log('▶ 质量扫描 checkCodeQuality');
    const quality = await ci.checkCodeQuality(project);
    for (const q of quality) {
      // the tool's `text` names the check (it reads "… is not turned on" even when the check passes)
      console.log(`  ${q.success ? '✓' : '✗'} ${q.name}${q.success ? '' : `: ${q.text}`}`);
      if (!q.success) problems.push(`quality scan: ${q.name} (${q.text})`);
    }

    // 4. the cloud functions
    const functions = planFunctions(fnRoot, cfg, problems);
    console.log(`\n${o.dryRun ? 'Would upload' : 'Uploading'} to ${appid === 'touristappid' ? '<appid>' : appid}, cloud env ${cloudEnv}:`);
    console.log(`  mini-program version ${version} "${desc}" from ${out} (minify JS/WXML/WXSS${cfg.robot ? `, robot ${cfg.robot}` : ''})`);
    for (const f of functions) {
      console.log(`  function ${f.name.padEnd(11)} ${kb(f.bytes).padStart(7)}  timeout ${f.timeout} s, ${f.runtime}, 云端安装依赖${f.triggers.length ? `, trigger ${f.triggers.map((t) => `${t.name} "${t.config}"`).join(', ')}` : ''}${f.openapi.length ? `, openapi ${f.openapi.join(' ')}` : ''}`);
      for (const [k, v] of Object.entries(f.env)) console.log(`      env ${k}=${v.length > 80 ? `${v.slice(0, 77)}…` : v}`);
    }
    console.log('  (function timeout, runtime and environment variables are not set by an upload: set them once in the cloud console — 云开发控制台 → 云函数 → 版本与配置 — as listed above; README "WeChat")');
    if (problems.length) {
      console.log('\nChecks failed:');
      for (const p of problems) console.log(`  ✗ ${p}`);
      return 1;
    }
    if (o.dryRun) {
      console.log(`\n演练完成：built, checked and prepared ${functions.length} functions and the mini-program; nothing uploaded${missing.length ? `; ${missing.length} configuration item(s) missing, see above` : ''}.`);
      return 0;
    }

    // 5. the uploads
    const robot = cfg.robot ?? 1;
    await ci.upload({ project, version, desc, robot, setting: { es6: false, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true } });
    console.log(`  ✓ mini-program ${version} uploaded (robot ${robot}): submit it for review in 微信公众平台 → 版本管理`);
    for (const f of functions) {
      const r = await ci.cloud.uploadFunction({ project, env: cloudEnv, name: f.name, path: f.path, remoteNpmInstall: true });
      console.log(`  ✓ function ${f.name}: ${r.filesCount} files, ${kb(r.packSize)}`);
      if (f.triggers.length) {
        await ci.cloud.createTimeTrigger({ project, envId: cloudEnv, functionName: f.name, triggersConfig: f.triggers });
        console.log(`    ✓ trigger ${f.triggers.map((t) => t.name).join(', ')}`);
      }
    }
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module || process.argv[1]?.endsWith('deploy.cjs')) {
  deploy(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      // a clear sentence, never a stack trace
      const err = e as { message?: string; errMsg?: string; code?: unknown };
      console.error(`\n部署失败：${e instanceof DeployError ? e.message : (err?.errMsg ?? err?.message ?? String(e))}`);
      process.exit(1);
    },
  );
}
