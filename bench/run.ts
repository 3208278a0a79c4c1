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

/** H5: the entry every visit loads, and the largest chunk a page adds on demand. */
function h5Sizes(): string {
  const js = join(repo, 'dist', 'h5', 'js');
  if (!existsSync(js)) return 'dist/h5 missing (run npm run build:h5)';
  const files = readdirSync(js).filter((f) => f.endsWith('.js')).map((f) => ({ f, size: statSync(join(js, f)).size }));
  const entry = files.filter((x) => x.f.startsWith('app.')).reduce((a, x) => a + x.size, 0);
  const chunks = files.filter((x) => !x.f.startsWith('app.')).map((x) => x.size).sort((a, b) => b - a);
  const total = files.reduce((a, x) => a + x.size, 0);
  return `entry ${(entry / 1024).toFixed(1)} KB, ${chunks.length} on-demand chunks (largest ${(chunks[0] / 1024).toFixed(1)} KB), all JS ${(total / 1024).toFixed(1)} KB`;
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

const SUBMIT = {
  meetingId: 'm-city-current', side: 'union', category: 'worker_concerns', title: '关于职工技能培训补贴的建议',
  background: '我市技能培训补贴申领流程繁琐，职工知晓率低。', research: '调研十家企业，六成职工不了解补贴政策。', request: '建议简化申领流程并由工会协助宣传。',
};

/** Round trips of the calls a screen makes; must not change when the data grows. */
async function tripsOf(world: Awaited<ReturnType<typeof openWorld>>) {
  const home = await world.call('account', 'home', {}, 'city-union-office');
  const queue = await world.call('topic', 'list', { scope: 'queue', status: 'accepted' }, 'city-union-office');
  const mine = await world.call('topic', 'list', { scope: 'mine' }, 'city-union-rights');
  const submit = await world.call('topic', 'submit', SUBMIT, 'city-union-rights');
  const inbox = await world.call('notify', 'inbox', {}, 'city-union-office');
  return { 'account.home': home.roundTrips, 'topic.list queue': queue.roundTrips, 'topic.list mine': mine.roundTrips, 'topic.submit': submit.roundTrips, 'notify.inbox': inbox.roundTrips };
}

async function main(): Promise<void> {
  console.log(`weapp main package: ${weappMainPackage()}`);
  console.log(`h5 javascript: ${h5Sizes()}`);
  const world = await openWorld();
  const home = () => world.call('account', 'home', {}, 'city-gov-office');
  await home();
  // one accepted topic, so the small case lists a non-empty page like the large one does
  const first = await world.call('topic', 'submit', SUBMIT, 'city-union-rights');
  await world.call('topic', 'accept', { id: (first.envelope.ok ? (first.envelope.data as { id: string }).id : '') }, 'city-union-office');
  const tripsSmall = await tripsOf(world);
  const small = { trips: (await home()).roundTrips, ms: await median(home, 50) };
  for (let i = 0; i < 3000; i += 1) {
    const org = ['city', 'linhe'][i % 2];
    await world.store.insert('topics', {
      orgId: org, meetingId: `m-${org}-current`, meetingTitle: '联席会议', side: 'union', leadSide: 'union', routedTo: 'union_office',
      category: 'other', title: `历史议题 ${i}`, background: '背景', research: '调研', request: '请求', status: ['accepted', 'returned', 'withdrawn'][i % 3],
      createdBy: `person-${i % 40}`, proposerName: '某人', proposerUnit: '某单位', createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
      updatedAt: '2025-01-01T00:00:00.000Z', submitDay: '2025-01-01', history: [], opinions: [],
    });
    await world.store.insert('notifications', {
      recipientId: `person-${i % 40}`, orgId: org, milestone: 'topic_accepted', subjectType: 'topic', subjectId: `t${i}`,
      title: '消息', body: '', link: '/pages/index/index', createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(), readAt: null,
    });
  }
  for (let i = 0; i < 5000; i += 1) {
    await world.store.insert('meetings', {
      orgId: ['city', 'linhe', 'wuyuan'][i % 3], kind: 'special', year: 2020 + (i % 7), title: `专题会议 ${i}`,
      plannedAt: new Date(Date.UTC(2020 + (i % 9), i % 12, 1 + (i % 28))).toISOString(),
      collectionOpensAt: '2026-01-01T00:00:00.000Z', status: i % 2 ? 'closed' : 'planning', createdBy: 'bench', createdAt: '2026-01-01T00:00:00.000Z',
    });
  }
  await home();
  const tripsLarge = await tripsOf(world);
  const large = { trips: (await home()).roundTrips, ms: await median(home, 50) };
  for (const [name, n] of Object.entries(tripsSmall)) {
    const m = tripsLarge[name as keyof typeof tripsLarge];
    console.log(`${name.padEnd(18)} round trips: ${n} with seed data, ${m} with +3000 topics/+3000 messages/+5000 meetings (${n === m ? 'constant' : 'GROWS'})`);
  }
  console.log(`account.home round trips: ${small.trips} with 2 meetings, ${large.trips} with 5002 meetings (${small.trips === large.trips ? 'constant' : 'GROWS'})`);
  console.log(`account.home median latency: ${small.ms.toFixed(2)} ms small, ${large.ms.toFixed(2)} ms large, ratio ${(large.ms / small.ms).toFixed(2)}`);
  await world.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
