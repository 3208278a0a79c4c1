// Issue #10's budget: the reminders tick reads due reminders by an indexed `state, dueAt` query,
// never a scan, so its time depends on how many are due, not on how many are stored. Two worlds,
// 10,000 and 100,000 stored tasks (each with its due-soon and overdue reminders scheduled ahead),
// and in each round 1,000 more tasks whose overdue reminder is due now; the time to take them all
// (ticks until none is due) is measured in both, three rounds, median. Budget: ratio ≤ 1.3.
import { performance } from 'node:perf_hooks';
import { deadlineEnds } from '../domain';
import { DevOutbox } from '../server/platform/local/dev-outbox';
import { reminderKey, type ReminderDoc } from '../server/notify/reminders';
import { dispatch } from '../server/kit/router';
import { localTemplateConfigs, SubscriptionChannel } from '../server/notify/subscriptions';
import { areaByName, openWorld, type World } from '../test/support/world';
import { hid } from './data';

const H = 3600_000;
const OWNERS = ['city-hrss', 'city-housing', 'city-ndrc', 'city-union-rights'];

function taskWithReminders(world: World, n: number, due: boolean): Array<{ collection: string; doc: Record<string, unknown> }> {
  const now = world.now.getTime();
  const deadlineMs = due ? now - 3 * 24 * H : now + (30 + (n % 300)) * 24 * H;
  const deadline = new Date(deadlineMs).toISOString().slice(0, 10);
  const _id = hid(`tick-task-${n}`);
  const task = {
    _id, orgId: 'city', meetingId: 'm-city-last', meetingTitle: '联席会议', decisionId: 'm-city-last_d1', decisionTitle: '议定事项', decisionText: '议定事项内容',
    title: `落实任务 ${n}`, ownerId: OWNERS[n % OWNERS.length], ownerName: '责任人', unit: '责任单位', keeperRole: 'union_office',
    assignedBy: 'city-union-office', assignedAt: world.now.toISOString(), deadline, dueAt: deadlineEnds(deadline), deadlineVersion: 1,
    status: 'in_progress', open: true, progress: [], completion: null, sendBacks: [], explanations: [],
  };
  const reminder = (kind: ReminderDoc['kind'], dueAt: string) => ({
    _id: reminderKey({ kind, subjectId: _id, subjectVersion: 1, dueAt }), kind, subjectType: 'task', subjectId: _id, orgId: 'city', subjectVersion: 1,
    dueAt, state: 'due', createdAt: world.now.toISOString(),
  });
  return [
    { collection: 'tasks', doc: task },
    ...(due ? [] : [{ collection: 'reminders', doc: reminder('task_due_soon', new Date(deadlineMs - 6 * 24 * H).toISOString()) }]),
    { collection: 'reminders', doc: reminder('task_overdue', due ? new Date(now - H).toISOString() : new Date(deadlineMs + 32 * H).toISOString()) },
  ];
}

async function insert(world: World, from: number, to: number, due: boolean): Promise<void> {
  for (let i = from; i < to; i += 100) {
    const docs: Array<{ collection: string; doc: Record<string, unknown> }> = [];
    for (let n = i; n < Math.min(to, i + 100); n += 1) docs.push(...taskWithReminders(world, n, due));
    await world.store.transaction(async (tx) => {
      for (const { collection, doc } of docs) await tx.insert(collection, doc as never);
    });
  }
  await world.store.maintain();
}

async function drain(world: World): Promise<{ ms: number; fired: number; ticks: number }> {
  const area = areaByName('reminders');
  const t0 = performance.now();
  let fired = 0;
  let ticks = 0;
  for (;;) {
    const r = await dispatch(area, { action: 'tick', payload: {} }, {}, world.rt, { kind: 'system', name: 'bench' });
    ticks += 1;
    if (!r.envelope.ok) throw new Error(JSON.stringify(r.envelope));
    const data = r.envelope.data as { fired: number; voided: number };
    fired += data.fired;
    if (data.fired + data.voided === 0) break;
  }
  return { ms: performance.now() - t0, fired, ticks };
}

export interface TickFigures {
  stored: [number, number];
  due: number;
  rounds: Array<{ small: number; large: number }>;
  medianMs: [number, number];
  ratio: number;
  fired: number;
  ticks: number;
}

export async function tickScaling(stored: [number, number] = [10_000, 100_000], due = 1_000, rounds = 3): Promise<TickFigures> {
  const worlds = [await openWorld(), await openWorld()];
  for (const w of worlds) {
    w.rt.templates = localTemplateConfigs();
    w.rt.channels = [new SubscriptionChannel(w.store, new DevOutbox({ now: () => w.now }), w.rt.templates, () => undefined)];
    await drain(w); // the seed's own due reminders
  }
  await insert(worlds[0], 0, stored[0], false);
  await insert(worlds[1], 0, stored[1], false);
  const out: TickFigures['rounds'] = [];
  let fired = 0;
  let ticks = 0;
  for (let r = 0; r < rounds; r += 1) {
    const base = 1_000_000 + r * due;
    const ms: number[] = [];
    for (const w of worlds) {
      await insert(w, base, base + due, true);
      const d = await drain(w);
      ms.push(d.ms);
      fired = d.fired;
      ticks = d.ticks;
    }
    out.push({ small: ms[0], large: ms[1] });
  }
  for (const w of worlds) await w.close();
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const medianMs: [number, number] = [med(out.map((o) => o.small)), med(out.map((o) => o.large))];
  return { stored, due, rounds: out, medianMs, ratio: medianMs[1] / medianMs[0], fired, ticks };
}

export function tickReport(f: TickFigures): string {
  return [
    `reminders tick (issue #10): ${f.due} due among ${f.stored[0].toLocaleString('en')} and ${f.stored[1].toLocaleString('en')} stored tasks, median of ${f.rounds.length} rounds`,
    `  ${f.stored[0].toLocaleString('en')}: ${f.medianMs[0].toFixed(0)} ms, ${f.stored[1].toLocaleString('en')}: ${f.medianMs[1].toFixed(0)} ms, ratio ${f.ratio.toFixed(2)} (budget ≤ 1.3: ${f.ratio <= 1.3 ? 'PASS' : 'OVER'}); ${f.fired} fired in ${f.ticks} ticks`,
    `  rounds: ${f.rounds.map((r) => `${r.small.toFixed(0)}/${r.large.toFixed(0)}`).join(', ')} ms`,
  ].join('\n');
}

// run alone: node scripts/run-ts.cjs bench/tick.ts [stored-small] [stored-large]
if (process.argv[1]?.endsWith('tick.cjs')) {
  process.env.QUIET_ERRORS ??= '1';
  const small = Number(process.argv[2] ?? 10_000);
  const large = Number(process.argv[3] ?? 100_000);
  tickScaling([small, large]).then((f) => console.log(tickReport(f))).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
