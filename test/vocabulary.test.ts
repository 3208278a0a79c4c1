// Issue #18, one vocabulary: every button, link and home entry the app is offered is an action of
// the registry, and the app and the area handlers never re-spell what domain/ defines.
//  (a) every read view answered to every demo person of a seeded world: each `allowedActions`
//      entry (a verb of the answering area, or a full action name) and each home entry's and work
//      item's action is a registered action;
//  (b) src/ and the areas' handlers hold no role list, status set or comparison with a Chinese
//      label that domain/ defines — the list is built from domain's own exports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as domain from '../domain';
import { PERMISSIONS, ROLE_INFO, ROLES, SIDE_LABEL, type Workflow } from '../domain';
import { AREAS } from '../host/areas';
import { demoPeople } from '../server/seed';
import { EXAMPLES } from './support/action-examples';
import { openWorld, type World } from './support/world';

const ROOT = join(__dirname, '..');
type Registered = NonNullable<ReturnType<(typeof AREAS)[number]['actions']['get']>>;
const registered = new Map<string, Registered>(AREAS.flatMap((a) => [...a.actions.values()].map((r) => [`${a.name}.${r.verb}`, r] as const)));

/** Every `allowedActions` array anywhere in a view, and every `{ action: '…' }` a view names. */
function offered(view: unknown, out: { allowed: string[]; named: string[] } = { allowed: [], named: [] }) {
  if (Array.isArray(view)) view.forEach((v) => offered(v, out));
  else if (view && typeof view === 'object') {
    for (const [k, v] of Object.entries(view)) {
      if (k === 'allowedActions' && Array.isArray(v)) out.allowed.push(...(v as string[]));
      else if (k === 'action' && typeof v === 'string') out.named.push(v);
      else offered(v, out);
    }
  }
  return out;
}

/** What an allowedActions entry of a view answered by `area` means: a full name, or a verb of that area. */
function resolve(entry: string, area: string): string | null {
  if (entry.includes('.')) return registered.has(entry) ? entry : null;
  return registered.has(`${area}.${entry}`) ? `${area}.${entry}` : null;
}

/** Verbs of another area a view may carry, each named (the decided items of the minutes offer task.assign). */
const CROSS_AREA = ['minutes.get → task.assign'];

/** Reads that answer a file (no view with buttons): skipped, they only cost time. */
const FILE_READS = /export|[dD]ocument|archive|signInSheet|nameCards|evidence|material|seatingDocument/;

describe('(a) every offered action is an action of the registry', () => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld();
  }, 120_000);
  afterAll(() => world.close());

  it('in every read view answered to every demo person', async () => {
    const reads = [...registered.entries()].filter(([name, r]) => r.permission.mode === 'read' && !r.permission.system && !FILE_READS.test(name.split('.')[1]));
    const payloads = new Map<string, unknown>();
    const unknown: string[] = [];
    const cross = new Set<string>();
    let views = 0;
    let entries = 0;
    // the city and one county (the other counties' people are offices like the county's)
    for (const person of demoPeople().filter((p) => p.orgId === 'city' || p.orgId === 'linhe')) {
      for (const [name, action] of reads) {
        if (!EXAMPLES[name]) continue; // the authorisation matrix fails an action without an example
        const key = `${name}@${person.orgId}`;
        if (!payloads.has(key)) payloads.set(key, await EXAMPLES[name]!.payload(world, person.orgId));
        const res = await world.call(action.area, action.verb, payloads.get(key), person.key);
        if (!res.envelope.ok) continue;
        views += 1;
        const found = offered((res.envelope as { data: unknown }).data);
        for (const e of found.allowed) {
          entries += 1;
          const full = resolve(e, action.area);
          if (full) continue;
          // an action of another area offered on a record this area shows (task.assign on a decided
          // item of the minutes): still a registered verb, said here so it cannot grow unseen
          const other = [...registered.keys()].find((n) => n.endsWith(`.${e}`));
          if (other) cross.add(`${name} → ${other}`);
          else unknown.push(`${name} as ${person.key}: '${e}'`);
        }
        for (const n of found.named) if (!registered.has(n)) unknown.push(`${name} as ${person.key}: action '${n}'`);
      }
    }
    expect(unknown).toEqual([]);
    expect([...cross].filter((c) => !CROSS_AREA.includes(c))).toEqual([]);
    expect(views).toBeGreaterThan(200);
    expect(entries).toBeGreaterThan(100);
  }, 600_000);

  it("home's entries are actions the table lets the caller call, and the work queue opens registered actions", async () => {
    for (const person of demoPeople()) {
      const res = await world.call('account', 'home', {}, person.key);
      expect(res.envelope.ok).toBe(true);
      const home = (res.envelope as { data: unknown }).data as domain.HomeView;
      for (const e of home.entries) {
        expect(registered.has(e.action)).toBe(true);
        expect(domain.roleMayCall(PERMISSIONS[e.action as domain.ActionName], person.roles)).toBe(true);
      }
      expect(home.allowedActions).toEqual(home.entries.map((e) => e.action));
      for (const w of home.work) expect(registered.has(w.open.action)).toBe(true);
    }
  }, 120_000);
});

// ---- (b) no re-spelling -------------------------------------------------------------------------

function files(dir: string, keep: (p: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : files(p, keep);
    return keep(p) ? [p] : [];
  });
}

const CODE = /\.(ts|tsx)$/;
/** The app, and the areas' handlers (their actions and views). */
const SCANNED = [
  ...files(join(ROOT, 'src'), (p) => CODE.test(p)),
  ...files(join(ROOT, 'cloudfunctions'), (p) => CODE.test(p) && !p.endsWith('.test.ts')),
].map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') }));

const WORKFLOWS = (Object.values(domain) as unknown[]).filter(
  (v): v is Workflow<string, string> => !!v && typeof v === 'object' && 'states' in v && 'edges' in v && 'initial' in v,
);
const ROLE_SET = new Set<string>(ROLES);

/** The labels domain/ defines: every workflow state, every role, every side, every exported label map. */
const LABELS = new Set<string>([
  ...WORKFLOWS.flatMap((wf) => Object.values(wf.states).map((s) => s.label)),
  ...Object.values(ROLE_INFO).map((r) => r.label),
  ...Object.values(SIDE_LABEL),
  ...Object.entries(domain)
    .filter(([name, v]) => /LABEL/.test(name) && v && typeof v === 'object' && !Array.isArray(v))
    .flatMap(([, v]) => Object.values(v as Record<string, unknown>).filter((s): s is string => typeof s === 'string')),
].filter((l) => /[\u4e00-\u9fff]/.test(l)));

/** Array literals of quoted words: `['a', 'b']`. */
function arrays(text: string): string[][] {
  return [...text.matchAll(/\[\s*((?:'[a-z_]+'\s*,\s*)+'[a-z_]+'\s*,?\s*)\]/g)].map((m) => [...m[1]!.matchAll(/'([a-z_]+)'/g)].map((x) => x[1]!));
}

/** What a file re-spells: role lists, status sets of one workflow, two-state tests, label comparisons. */
export function respellings(path: string, text: string): string[] {
  const out: string[] = [];
  for (const words of arrays(text)) {
    if (words.every((w) => ROLE_SET.has(w))) out.push(`${path}: role list [${words.join(', ')}]`);
    else if (WORKFLOWS.some((wf) => words.every((w) => w in wf.states))) out.push(`${path}: status set [${words.join(', ')}]`);
  }
  // `x.state === 'a' || x.state === 'b'`: a status set spelled as a test
  for (const m of text.matchAll(/\.(?:state|status) === '([a-z_]+)' \|\| [\w.?]+\.(?:state|status) === '([a-z_]+)'/g)) {
    if (WORKFLOWS.some((wf) => m[1]! in wf.states && m[2]! in wf.states)) out.push(`${path}: status test ${m[0]}`);
  }
  for (const label of LABELS) {
    const q = `'${label}'`;
    if (text.includes(`=== ${q}`) || text.includes(`!== ${q}`) || text.includes(`includes(${q})`) || text.includes(`${q} ===`)) {
      out.push(`${path}: compares with the label ${q}`);
    }
  }
  return out;
}

/**
 * What is left to convert (issue #18), by file: each must go, none may be added. A fixed one fails
 * the test until it is struck from this list, so the list only shrinks. Most sit in pages another
 * change is moving into a page kit; the rest are filters of stored data in area handlers.
 */
const NOT_YET: readonly string[] = [];

describe('(b) src/ and the area handlers do not re-spell domain/', () => {
  it('builds its lists from domain', () => {
    expect(WORKFLOWS.length).toBeGreaterThanOrEqual(5);
    expect(LABELS.has('已召开')).toBe(true);
    expect(LABELS.has('政府办公室')).toBe(true);
  });

  it('catches each kind of re-spelling (the checker itself)', () => {
    expect(respellings('x', "const AFTER_MEETING = ['held', 'minutes_issued', 'closed'];")).toHaveLength(1);
    expect(respellings('x', "const PRESIDING_ROLES = ['gov_leader', 'mayor'];")).toHaveLength(1);
    expect(respellings('x', "const open = (m.state === 'notice_issued' || m.state === 'in_session');")).toHaveLength(1);
    expect(respellings('x', "if (t.statusLabel === '已召开') {}")).toHaveLength(1);
    expect(respellings('x', "const SIZES = ['small', 'large'];")).toEqual([]);
  });

  it('finds none in src/ or cloudfunctions/ beyond the named ones left to convert', () => {
    expect(SCANNED.length).toBeGreaterThan(100);
    const found = SCANNED.flatMap((f) => respellings(f.path, f.text));
    expect(found.filter((f) => !NOT_YET.includes(f))).toEqual([]); // a new re-spelling
    expect(NOT_YET.filter((f) => !found.includes(f))).toEqual([]); // converted: strike it from NOT_YET
  });

  it("home's page, the office navigation and the console test no role list and no status set", () => {
    const home = SCANNED.filter((f) => /^src\/pages\/index\/|^src\/utils\/office\.ts$|^cloudfunctions\/account\//.test(f.path));
    expect(home.length).toBeGreaterThanOrEqual(4);
    expect(home.flatMap((f) => respellings(f.path, f.text))).toEqual([]);
    // the pseudo-actions home once invented (a second vocabulary) are gone from the app and the server
    const PSEUDO = ['screenTopics', 'giveOpinions', 'meetingTopics', 'ruleSettings', 'submitTopic', 'requestMeeting'];
    // (a consent prompt's purpose may share a word: askConsent('submitTopic') names a template, not an action)
    const named = (f: { text: string }, p: string) => new RegExp(`(?<!askConsent\\()'${p}'`).test(f.text);
    expect(SCANNED.filter((f) => PSEUDO.some((p) => named(f, p))).map((f) => f.path)).toEqual([]);
  });
});
