// `npm run bench`: the budgets of DESIGN.md and issue #6 as figures, never asserted as timed tests.
//  - round trips and median latency of every core action with 1× and 10× data (bench/data.ts),
//    beside the baseline of docs/bench-baseline.md when that file holds one
//  - the meeting-scope topic list at 1× and 10× data and their ratio (budget ≤ 1.3: PASS/OVER)
//  - response sizes of the list pages; function bundles (≤ 200 KB each); the weapp main package
//  - the router's refusal counters after a few unauthenticated and malformed calls
// Exits 0 whatever the figures say. Options (after `npm run bench --`):
//   --json <file>   also write the figures as JSON (bench/results/ is ignored by git)
//   --markdown      also print the figures as markdown tables (for docs/bench-baseline.md)
//   --skip-tick     leave out the reminders tick at 10,000 / 100,000 stored tasks (about 5 minutes)
//   --skip-hosts    leave out the hosts' write throughput (bench/hosts.ts: 1 host on PGlite, 1 and 2
//                   hosts on PostgreSQL side by side; on BENCH_DATABASE_URL / TEST_DATABASE_URL, else
//                   on a throw-away server of scripts/pg-server.sh)
//   --markdown-of <file>  only print the markdown tables of figures written before with --json
//                   (both also print them beside the baseline when there is one)
import { timeFigures, timeReport } from './time';
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { refusalCounts } from '../server/kit/metrics';
import { openWorld, type World } from '../test/support/world';
import { CITY_MEETING, insertUnits, makeTemplates, OFFICE, unreadOfficeMessages } from './data';
import { measureScales, meetingListLatency, MEETING_RUNS, pageThrough, refusalCalls } from './measure';
import { comparisonMarkdown, consoleReport, markdownReport, readBaseline, type Figures } from './report';
import { functionBundles, h5Sizes, weappMainPackage } from './sizes';
import { tickReport, tickScaling, type TickFigures } from './tick';

// run from the repository root (npm run bench); the bundle itself lives in node_modules/.cache
const repo = process.cwd();
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

async function dataCounts(world: World): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of ['topics', 'meetings', 'notifications', 'users']) out[c] = await world.store.count(c, {});
  // what the measured callers can see of it, and what the public contract hands out of that
  const m = { meetingId: CITY_MEETING };
  out['city-meeting topics the union office may see'] =
    (await world.store.count('topics', { ...m, routedTo: 'union_office' })) + (await world.store.count('topics', { ...m, routedTo: 'gov_office', status: 'accepted' }));
  out['… of them topic.list meeting hands out, following nextCursor'] = (await pageThrough(world, 'topic', 'list', { scope: 'meeting', meetingId: CITY_MEETING }, OFFICE)).items;
  out['topics waiting in the union office queue'] = await world.store.count('topics', { orgId: 'city', routedTo: 'union_office', status: 'submitted' });
  out['… of them topic.list queue hands out, following nextCursor'] = (await pageThrough(world, 'topic', 'list', { scope: 'queue' }, OFFICE)).items;
  out['accepted in the city meeting'] = await world.store.count('topics', { ...m, status: 'accepted' });
  out['messages to the union office'] = await world.store.count('notifications', { recipientId: OFFICE });
  return out;
}

function commit(): string {
  try {
    const head = execSync('git rev-parse HEAD', { cwd: repo, encoding: 'utf8' }).trim();
    // changes to the bench itself do not change what it measures
    const dirty = execSync('git status --porcelain --untracked-files=no', { cwd: repo, encoding: 'utf8' })
      .split('\n').filter((l) => l.trim() && !/^.. bench\//.test(l)).length > 0;
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  if (args.includes('--markdown-of')) {
    const f = JSON.parse(readFileSync(args[args.indexOf('--markdown-of') + 1], 'utf8')) as Figures;
    const base = readBaseline(repo);
    console.log(`${markdownReport(f)}${base ? `\n\n${comparisonMarkdown(f, base)}` : ''}`);
    return;
  }
  const started = performance.now();
  process.env.QUIET_ERRORS ??= '1';
  // one world (one embedded database) per scale: the seed plus 1 unit, and plus 10 units
  const small = await openWorld();
  const large = await openWorld();
  const templates = await makeTemplates(small);
  if (templates.carried.length) console.log(`(bench data: fields the bench does not set, taken from a template of the same kind and status the actions wrote: ${templates.carried.join(', ')})`);
  await insertUnits(small, templates, 0, 1);
  await insertUnits(large, await makeTemplates(large), 0, 10);
  const data1 = await dataCounts(small);
  const data10 = await dataCounts(large);

  // a first pass warms the JIT and the query plans; the second is measured
  process.stdout.write('warming … ');
  await measureScales(
    { world: small, unit: 0, label: 'warm', toRead: unreadOfficeMessages(0).slice(0, 10) },
    { world: large, unit: 0, label: 'warm', toRead: unreadOfficeMessages(0).slice(0, 10) },
  );
  process.stdout.write('measuring 1× and 10× … ');
  const { x1, x10 } = await measureScales(
    { world: small, unit: 0, label: 'x1', toRead: unreadOfficeMessages(0).slice(10, 20) },
    { world: large, unit: 1, label: 'x10', toRead: unreadOfficeMessages(1).slice(0, 10) },
  );
  process.stdout.write('meeting list … ');
  const list = await meetingListLatency(small, large);
  x1.meetingListMs = list.x1;
  x10.meetingListMs = list.x10;
  x1.meetingListRuns = x10.meetingListRuns = MEETING_RUNS;
  console.log('done\n');

  const before = refusalCounts() as Record<string, number>;
  const calls = await refusalCalls(small);
  const after = refusalCounts() as Record<string, number>;
  const counters: Record<string, number> = {};
  for (const k of Object.keys(after)) counters[k] = after[k] - (before[k] ?? 0);
  await small.close();
  await large.close();
  let tick: TickFigures | undefined;
  if (!args.includes('--skip-tick')) {
    process.stdout.write('reminders tick at 10,000 and 100,000 stored tasks (a few minutes) … ');
    tick = await tickScaling();
    console.log('done');
  }

  const figures: Figures = {
    commit: commit(),
    date: new Date().toISOString(),
    node: process.version,
    data: { x1: data1, x10: data10 },
    x1,
    x10,
    bundles: functionBundles(repo),
    weapp: weappMainPackage(repo),
    h5: h5Sizes(repo),
    refusals: { calls, counters },
    ...(tick ? { tick } : {}),
    seconds: (performance.now() - started) / 1000,
  };
  console.log(consoleReport(figures, readBaseline(repo)));
  if (tick) console.log(`\n${tickReport(tick)}`);
  console.log(`\n${timeReport(timeFigures())}`);
  if (args.includes('--markdown')) {
    const base = readBaseline(repo);
    console.log(`\n${markdownReport(figures)}${base ? `\n\n${comparisonMarkdown(figures, base)}` : ''}`);
  }
  if (!args.includes('--skip-hosts')) {
    // issue #24: real host processes, so a child of its own (its figures printed as it goes)
    console.log('\nhosts: write throughput, 1 host on PGlite, 1 and 2 hosts on one PostgreSQL (bench/hosts.ts) …');
    const onServer = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    const hosts = 'node scripts/run-ts.cjs bench/hosts.ts';
    try {
      execSync(onServer ? hosts : `bash -c '. scripts/pg-server.sh && ${hosts}'`, { cwd: repo, stdio: 'inherit' });
    } catch {
      console.log('(the hosts bench did not finish: see above)');
    }
  }
  if (jsonOut) {
    mkdirSync(dirname(jsonOut), { recursive: true });
    writeFileSync(jsonOut, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`figures written to ${jsonOut}`);
  }
}

main().catch((e) => {
  // a broken bench says so, but the figures are never a failing exit of their own
  console.error(e);
  process.exit(1);
});
