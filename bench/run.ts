// `npm run bench`: prints the budgets of DESIGN.md as figures (never asserted as timed tests).
//  - weapp main package size against the 600 KB budget
//  - database round trips of account.home with little and with much data (must be equal)
//  - latency of account.home over the embedded store, as a ratio large/small data
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorld } from '../test/support/world';

// run from the repository root (npm run bench); the bundle itself lives in node_modules/.cache
const repo = process.cwd();

function dirSize(dir: string, skip: Set<string>): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (skip.has(p)) continue;
    total += e.isDirectory() ? dirSize(p, skip) : statSync(p).size;
  }
  return total;
}

function weappMainPackage(): string {
  const dist = join(repo, 'dist', 'weapp');
  if (!existsSync(join(dist, 'app.json'))) return 'dist/weapp missing (run npm run build:weapp)';
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const subs = new Set((app.subPackages ?? app.subpackages ?? []).map((s) => join(dist, s.root)));
  const main = dirSize(dist, subs);
  return `${(main / 1024).toFixed(1)} KB of 600 KB budget (${((main / (600 * 1024)) * 100).toFixed(0)}%), ${subs.size} subpackage(s)`;
}

async function median(fn: () => Promise<unknown>, n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)];
}

async function main(): Promise<void> {
  console.log(`weapp main package: ${weappMainPackage()}`);
  const world = await openWorld();
  const home = () => world.call('account', 'home', {}, 'city-gov-office');
  await home();
  const small = { trips: (await home()).roundTrips, ms: await median(home, 50) };
  for (let i = 0; i < 5000; i += 1) {
    await world.store.insert('meetings', {
      orgId: ['city', 'linhe', 'wuyuan'][i % 3], kind: 'special', year: 2020 + (i % 7), title: `专题会议 ${i}`,
      plannedAt: new Date(Date.UTC(2020 + (i % 9), i % 12, 1 + (i % 28))).toISOString(),
      collectionOpensAt: '2026-01-01T00:00:00.000Z', status: i % 2 ? 'closed' : 'planning', createdBy: 'bench', createdAt: '2026-01-01T00:00:00.000Z',
    });
  }
  await home();
  const large = { trips: (await home()).roundTrips, ms: await median(home, 50) };
  console.log(`account.home round trips: ${small.trips} with 2 meetings, ${large.trips} with 5002 meetings (${small.trips === large.trips ? 'constant' : 'GROWS'})`);
  console.log(`account.home median latency: ${small.ms.toFixed(2)} ms small, ${large.ms.toFixed(2)} ms large, ratio ${(large.ms / small.ms).toFixed(2)}`);
  await world.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
