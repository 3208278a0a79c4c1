// One scale's figures: every benchmarked action called as the app calls it, by a person who can see
// the data. Reads: round trips of one call, median latency of several. Writes: five calls on fresh
// targets (the app sends an idempotency key with every write, so the bench does too), round trips
// of the first, median latency of the five. Latencies are figures to compare as ratios, never asserted.
import { performance } from 'node:perf_hooks';
import type { World } from '../test/support/world';
import { cityTopicId, CITY_MEETING, GOV_OFFICE, OFFICE, PROPOSER, SUBMIT_PAYLOAD, UNION_PROPOSERS } from './data';

export interface ActionFigure {
  trips: number | null;
  ms: number | null;
  /** the answer's JSON length in UTF-8 bytes (what callFunction carries) */
  bytes?: number;
  items?: number;
  more?: boolean;
  error?: string;
}

export interface ScaleFigures {
  actions: Record<string, ActionFigure>;
  /** median of MEETING_RUNS calls of the meeting-scope list as the city union office (meetingListLatency) */
  meetingListMs: number;
  meetingListRuns: number;
  /** messages the accepted topics produced (accept: the proposer and the other side's office) */
  acceptNotified: number[];
}

type Dispatched = Awaited<ReturnType<World['call']>>;

export const ACTIONS = [
  'account.home', 'account.home invitee', 'meeting.get', 'meeting.get invitee', 'topic.get', 'topic.list mine', 'topic.list queue', 'topic.list meeting', 'topic.listStatus',
  'topic.submit', 'topic.accept', 'topic.addOpinion', 'notify.inbox', 'notify.markRead',
  'meeting.get current', 'minutes.get', 'task.list mine', 'task.list meeting', 'task.list overdue', 'task.get',
  'compliance.overview', 'people.list',
] as const;

const READ_RUNS = 21;
export const WRITE_RUNS = 5;
export const MEETING_RUNS = 60;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function describe(r: Dispatched): Pick<ActionFigure, 'bytes' | 'items' | 'more' | 'error'> {
  const bytes = Buffer.byteLength(JSON.stringify(r.envelope));
  if (!r.envelope.ok) return { bytes, error: r.envelope.error.code };
  const data = r.envelope.data as { items?: unknown[]; nextCursor?: string; accepted?: unknown[] } | null;
  const list = data?.items ?? data?.accepted;
  return { bytes, ...(Array.isArray(list) ? { items: list.length, more: !!data?.nextCursor } : {}) };
}

/** Runs `a` and `b` alternately (and alternately first), so load on the machine hits both alike. */
async function alternate<T>(runs: number, a: (i: number) => Promise<T>, b: (i: number) => Promise<T>): Promise<{ a: Array<{ r: T; ms: number }>; b: Array<{ r: T; ms: number }> }> {
  const out = { a: [] as Array<{ r: T; ms: number }>, b: [] as Array<{ r: T; ms: number }> };
  const time = async (fn: (i: number) => Promise<T>, i: number) => {
    const t = performance.now();
    const r = await fn(i);
    return { r, ms: performance.now() - t };
  };
  for (let i = 0; i < runs; i += 1) {
    if (i % 2) {
      out.a.push(await time(a, i));
      out.b.push(await time(b, i));
    } else {
      out.b.push(await time(b, i));
      out.a.push(await time(a, i));
    }
  }
  return out;
}

function readFigure(samples: Array<{ r: Dispatched; ms: number }>): ActionFigure {
  const last = samples[samples.length - 1].r;
  return { trips: last.roundTrips, ms: median(samples.map((s) => s.ms)), ...describe(last) };
}

function writeFigure(samples: Array<{ r: Dispatched; ms: number }>): ActionFigure {
  const failed = samples.find((s) => !s.r.envelope.ok)?.r;
  return { trips: samples[0].r.roundTrips, ms: median(samples.map((s) => s.ms)), ...describe(failed ?? samples[0].r) };
}

/** One scale's world and what its pass uses: the data unit whose topic is read, the messages markRead marks. */
export interface Scale {
  world: World;
  unit: number;
  /** keeps keys and titles of this pass's writes apart from another pass's */
  label: string;
  /** unread messages of the union office, two a markRead call */
  toRead: readonly string[];
}

type Call = (s: Scale, i: number) => Promise<Dispatched>;

const READS: Array<[name: string, call: Call]> = [
  ['account.home', (s) => s.world.call('account', 'home', {}, OFFICE)],
  ['topic.get', (s) => s.world.call('topic', 'get', { id: cityTopicId(s.unit) }, OFFICE)],
  ['topic.list mine', (s) => s.world.call('topic', 'list', { scope: 'mine' }, PROPOSER)],
  ['topic.list queue', (s) => s.world.call('topic', 'list', { scope: 'queue' }, OFFICE)],
  ['topic.list meeting', (s) => s.world.call('topic', 'list', { scope: 'meeting', meetingId: CITY_MEETING }, OFFICE)],
  ['topic.listStatus', (s) => s.world.call('topic', 'listStatus', { meetingId: CITY_MEETING }, OFFICE)],
  ['notify.inbox', (s) => s.world.call('notify', 'inbox', {}, OFFICE)],
  // issue #8: the seeded special meeting with its notice out, as its console and an invitee see it
  ['meeting.get', (s) => s.world.call('meeting', 'get', { meetingId: 'm-city-special' }, OFFICE)],
  ['meeting.get invitee', (s) => s.world.call('meeting', 'get', { meetingId: 'm-city-special' }, 'city-rep-ma')],
  ['account.home invitee', (s) => s.world.call('account', 'home', {}, 'city-rep-ma')],
  // issue #9: this year's meeting with section 1 built from the previous checklist; minutes under
  // review; my tasks, a meeting's checklist and the org's overdue tasks, with lights
  ['meeting.get current', (s) => s.world.call('meeting', 'get', { meetingId: CITY_MEETING }, OFFICE)],
  ['minutes.get', (s) => s.world.call('minutes', 'get', { meetingId: 'm-city-held' }, 'city-union-chair')],
  ['task.list mine', (s) => s.world.call('task', 'list', { scope: 'mine' }, 'city-hrss')],
  ['task.list meeting', (s) => s.world.call('task', 'list', { scope: 'meeting', meetingId: 'm-city-last' }, OFFICE)],
  ['task.list overdue', (s) => s.world.call('task', 'list', { scope: 'overdue' }, OFFICE)],
  ['task.get', (s) => s.world.call('task', 'get', { taskId: 'task-last-1' }, 'city-hrss')],
  // issue #12: the city's assessment of this year (eight orgs; the units add ten years of history
  // before it); issue #11: the city's directory (the units add 20 representatives each)
  ['compliance.overview', (s) => s.world.call('compliance', 'overview', { year: s.world.now.getUTCFullYear() }, 'city-gov-office')],
  ['people.list', (s) => s.world.call('people', 'list', {}, OFFICE)],
];

/**
 * Every action at both scales, the 1× and the 10× world called alternately. Reads: round trips of
 * one call, median latency of READ_RUNS. Writes: WRITE_RUNS calls on fresh targets, round trips of
 * the first, median latency of all.
 */
export async function measureScales(small: Scale, large: Scale): Promise<{ x1: ScaleFigures; x10: ScaleFigures }> {
  const x1: ScaleFigures = { actions: {}, meetingListMs: NaN, meetingListRuns: 0, acceptNotified: [] };
  const x10: ScaleFigures = { actions: {}, meetingListMs: NaN, meetingListRuns: 0, acceptNotified: [] };
  const pair = (call: Call, runs: number) => alternate(runs, (i) => call(small, i), (i) => call(large, i));
  for (const [name, call] of READS) {
    await pair(call, 2); // warm: the first calls plan the queries
    const { a, b } = await pair(call, READ_RUNS);
    x1.actions[name] = readFigure(a);
    x10.actions[name] = readFigure(b);
  }
  const submit = await pair((s, k) => s.world.call('topic', 'submit', { ...SUBMIT_PAYLOAD, title: `关于职工技能培训补贴的建议 ${s.label}-${k}` },
    UNION_PROPOSERS[k % UNION_PROPOSERS.length], `bench-${s.label}-submit-${k}`), WRITE_RUNS);
  x1.actions['topic.submit'] = writeFigure(submit.a);
  x10.actions['topic.submit'] = writeFigure(submit.b);
  const ids = new Map<Scale, string[]>([
    [small, submit.a.map(({ r }) => (r.envelope.ok ? (r.envelope.data as { id: string }).id : 'missing'))],
    [large, submit.b.map(({ r }) => (r.envelope.ok ? (r.envelope.data as { id: string }).id : 'missing'))],
  ]);
  const idOf = (s: Scale, k: number) => ids.get(s)![k];
  const accept = await pair((s, k) => s.world.call('topic', 'accept', { id: idOf(s, k) }, OFFICE, `bench-${s.label}-accept-${k}`), WRITE_RUNS);
  x1.actions['topic.accept'] = writeFigure(accept.a);
  x10.actions['topic.accept'] = writeFigure(accept.b);
  for (const [s, f] of [[small, x1], [large, x10]] as const) {
    for (const id of ids.get(s)!) f.acceptNotified.push(await s.world.store.count('notifications', { subjectId: id, milestone: { in: ['topic_accepted', 'opinion_requested'] } }));
  }
  const opinion = await pair((s, k) => s.world.call('topic', 'addOpinion', { id: idOf(s, k), text: `同意列入议题清单，建议人社部门牵头落实（${s.label}-${k}）。` },
    GOV_OFFICE, `bench-${s.label}-opinion-${k}`), WRITE_RUNS);
  x1.actions['topic.addOpinion'] = writeFigure(opinion.a);
  x10.actions['topic.addOpinion'] = writeFigure(opinion.b);
  const read = await pair((s, k) => s.world.call('notify', 'markRead', { ids: s.toRead.slice(k * 2, k * 2 + 2) }, OFFICE, `bench-${s.label}-read-${k}`), WRITE_RUNS);
  x1.actions['notify.markRead'] = writeFigure(read.a);
  x10.actions['notify.markRead'] = writeFigure(read.b);
  return { x1, x10 };
}

/** The headline: the meeting-scope list as the city union office, 1× and 10× alternately. */
export async function meetingListLatency(small: World, large: World, runs = MEETING_RUNS): Promise<{ x1: number; x10: number }> {
  const call = (w: World) => w.call('topic', 'list', { scope: 'meeting', meetingId: CITY_MEETING }, OFFICE);
  await alternate(3, () => call(small), () => call(large));
  const { a, b } = await alternate(runs, () => call(small), () => call(large));
  return { x1: median(a.map((s) => s.ms)), x10: median(b.map((s) => s.ms)) };
}

/** Calls no person is behind, or that are malformed: the router refuses them and counts them. */
export async function refusalCalls(world: World): Promise<Array<{ call: string; status: number; code: string }>> {
  const calls: Array<[string, () => Promise<Dispatched>]> = [
    ['home, no session', () => world.call('account', 'home', {})],
    ['topic.list, no session', () => world.call('topic', 'list', { scope: 'mine' })],
    ['body not an object', () => world.raw('topic', 'list', OFFICE)],
    ['body with an unknown key', () => world.raw('topic', { action: 'list', payload: {}, extra: 1 }, OFFICE)],
    ['unknown action', () => world.call('topic', 'explode', {}, OFFICE)],
    ['payload with an unknown key', () => world.call('topic', 'list', { scope: 'mine', admin: true }, OFFICE)],
  ];
  const out: Array<{ call: string; status: number; code: string }> = [];
  for (const [name, fn] of calls) {
    const r = await fn();
    out.push({ call: name, status: r.status, code: r.envelope.ok ? 'ok' : r.envelope.error.code });
  }
  return out;
}

/**
 * What a caller gets by following `nextCursor` to the end (at most 100 pages): the check that the
 * bench data is visible through the public contract, and that no list is cut without a cursor.
 */
export async function pageThrough(world: World, area: string, action: string, payload: Record<string, unknown>, asUser: string): Promise<{ items: number; pages: number }> {
  let items = 0;
  let pages = 0;
  let cursor: string | undefined;
  do {
    const r = await world.call(area, action, { ...payload, ...(cursor ? { cursor } : {}) }, asUser);
    if (!r.envelope.ok) break;
    const data = r.envelope.data as { items?: unknown[]; nextCursor?: string };
    items += data.items?.length ?? 0;
    pages += 1;
    cursor = data.nextCursor;
  } while (cursor && pages < 100);
  return { items, pages };
}
