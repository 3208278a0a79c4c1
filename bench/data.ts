// The bench's data: the seed plus N "units" of work, every unit the same shape, so 10× data is
// ten units where 1× is one. Most of a unit is data the measured callers can actually see:
//  - 120 topics in the seeded city meeting `m-city-current`, proposed by the city's union
//    department, representatives and government departments, routed to either office, in every
//    status (3 submitted, 5 accepted, 1 returned, 1 withdrawn in every 10);
//  - 40 messages to the city union office (half unread) and 20 to the union's rights department;
//  - 20 more city representatives (the people the notices look through);
// and the rest is noise elsewhere: 180 topics in other meetings (last year's city meeting, the
// Linhe meeting, past county meetings), 50 meetings across all eight orgs, 140 messages and 20
// people in other orgs.
//
// Documents are cloned from ones the actions themselves wrote: one topic per kind (union, government,
// joint led by either side) and status, put there through `world.call` (submit, then accept, return
// or withdraw), its messages, a seeded meeting and person. So whatever the code derives from a
// topic's side, routing and status (visibility, counters) is in the clones as the code wrote it; the
// bench varies only the fields it names below and says which others it carries from the template.
// Inserted straight through the store in transactions of 100 (fast, no audit rows).
import { createHash } from 'node:crypto';
import type { World } from '../test/support/world';
import { deadlineEnds } from '../domain';
import { taskFigures } from '../server/areas/task';
import type { TaskDoc } from '../server/store/docs';

type Doc = Record<string, unknown>;

export const UNIT = { cityTopics: 120, noiseTopics: 180, meetings: 50, notifications: 200, users: 40 } as const;

export const CITY_MEETING = 'm-city-current';
export const OFFICE = 'city-union-office';
export const GOV_OFFICE = 'city-gov-office';
export const PROPOSER = 'city-union-rights';
/** Union-side proposers the write benchmarks rotate through (the daily limit is per person). */
export const UNION_PROPOSERS = ['city-rep-ma', 'city-rep-guo', 'city-model-yang', 'city-union-rights'] as const;
const GOV_PROPOSERS = ['city-hrss', 'city-housing', 'city-ndrc'] as const;
const CATEGORIES = ['briefing', 'policy', 'worker_concerns', 'union_support', 'other'] as const;
const COUNTIES = ['linhe', 'wuyuan', 'dengkou', 'qianqi', 'zhongqi', 'houqi', 'hanghou'] as const;
const ORGS = ['city', ...COUNTIES] as const;
/** status by position in every ten topics */
const STATUS_CYCLE = ['submitted', 'accepted', 'returned', 'accepted', 'submitted', 'accepted', 'withdrawn', 'accepted', 'submitted', 'accepted'] as const;

/** Deterministic ids shaped like the store's own (32 hex), so they sort among real ones. */
export const hid = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

const SENTENCE = '职工反映相关政策落实不到位，企业执行标准不一，建议政府部门会同工会开展专项调研并明确责任分工。';
const text = (n: number, seed: number): string => {
  const s = SENTENCE.slice(seed % 10) + SENTENCE;
  let out = '';
  while (out.length < n) out += s;
  return out.slice(0, n);
};

export const SUBMIT_PAYLOAD = {
  meetingId: CITY_MEETING, side: 'union', category: 'worker_concerns', title: '关于职工技能培训补贴的建议',
  background: text(300, 1), research: text(300, 2), request: text(150, 3),
};

type Kind = 'union' | 'gov' | 'jointUnion' | 'jointGov';
type Status = 'submitted' | 'accepted' | 'returned' | 'withdrawn';
const KINDS: Record<Kind, { side: 'union' | 'gov' | 'joint'; leadSide?: 'union' | 'gov' }> = {
  union: { side: 'union' }, gov: { side: 'gov' }, jointUnion: { side: 'joint', leadSide: 'union' }, jointGov: { side: 'joint', leadSide: 'gov' },
};
/** Who proposes each template (spread so nobody's daily limit is near). */
const TEMPLATE_PROPOSER: Record<Kind, Record<Status, string>> = {
  union: { submitted: 'city-rep-ma', accepted: 'city-rep-guo', returned: 'city-model-yang', withdrawn: 'city-model-yang' },
  gov: { submitted: 'city-hrss', accepted: 'city-hrss', returned: 'city-ndrc', withdrawn: 'city-ndrc' },
  jointUnion: { submitted: 'city-union-rights', accepted: 'city-union-rights', returned: 'city-union-rights', withdrawn: 'city-union-rights' },
  jointGov: { submitted: 'city-housing', accepted: 'city-housing', returned: 'city-housing', withdrawn: 'city-ndrc' },
};

export interface Templates {
  topics: Record<`${Kind}.${Status}`, Doc>;
  notification: Doc;
  meeting: Doc;
  user: Doc;
  /** people's names and units, by id */
  people: Map<string, { name: string; unit: string; orgId: string }>;
  meetingTitles: Map<string, string>;
  /** fields of the cloned documents the bench does not vary (carried as in the template) */
  carried: string[];
}

type Stored = { _id: string; version: number } & Doc;

const strip = (d: Doc): Doc => {
  const { _id: _i, version: _v, ...rest } = d;
  return rest;
};

const VARIED = {
  topic: ['orgId', 'meetingId', 'meetingTitle', 'side', 'leadSide', 'routedTo', 'category', 'title', 'background', 'research', 'request', 'status',
    'createdBy', 'proposerName', 'proposerUnit', 'createdAt', 'updatedAt', 'submitDay', 'returnReason', 'mergedInto', 'history', 'opinions'],
  notification: ['recipientId', 'orgId', 'milestone', 'subjectType', 'subjectId', 'title', 'body', 'link', 'createdAt', 'readAt'],
  meeting: ['orgId', 'kind', 'year', 'title', 'plannedAt', 'collectionOpensAt', 'heldAt', 'status', 'createdBy', 'createdAt'],
  user: ['devKey', 'login', 'name', 'orgId', 'unit', 'title', 'roles'],
};

function carried(kind: keyof typeof VARIED, d: Doc): string[] {
  return Object.keys(d).filter((k) => !VARIED[kind].includes(k)).map((k) => `${kind}.${k}`);
}

async function ok(r: Awaited<ReturnType<World['call']>>, what: string): Promise<string> {
  if (!r.envelope.ok) throw new Error(`bench template: ${what} failed: ${JSON.stringify(r.envelope.error)}`);
  return (r.envelope.data as { id: string }).id;
}

/** One topic of each kind and status, through the actions, in the city meeting. */
async function templateTopic(world: World, kind: Kind, status: Status): Promise<Doc> {
  const proposer = TEMPLATE_PROPOSER[kind][status];
  const office = (KINDS[kind].leadSide ?? KINDS[kind].side) === 'gov' ? GOV_OFFICE : OFFICE;
  const key = `bench-template-${kind}-${status}`;
  const id = await ok(await world.call('topic', 'submit', { ...SUBMIT_PAYLOAD, ...KINDS[kind], title: `基准模板议题 ${kind} ${status}` }, proposer, key), `${kind} submit`);
  if (status === 'accepted') await ok(await world.call('topic', 'accept', { id }, office, `${key}-accept`), `${kind} accept`);
  if (status === 'returned') await ok(await world.call('topic', 'return', { id, reason: '请补充调研数据' }, office, `${key}-return`), `${kind} return`);
  if (status === 'withdrawn') await ok(await world.call('topic', 'withdraw', { id }, proposer, `${key}-withdraw`), `${kind} withdraw`);
  const doc = await world.store.get<Stored>('topics', id);
  if (!doc) throw new Error(`bench template: topic ${id} not found`);
  return strip(doc);
}

export async function makeTemplates(world: World): Promise<Templates> {
  const topics = {} as Templates['topics'];
  for (const kind of Object.keys(KINDS) as Kind[]) {
    for (const status of ['submitted', 'accepted', 'returned', 'withdrawn'] as Status[]) topics[`${kind}.${status}`] = await templateTopic(world, kind, status);
  }
  const acceptedId = (await world.store.find<Stored>('topics', { title: '基准模板议题 union accepted' }, { limit: 1 })).items[0]?._id;
  let note = acceptedId ? (await world.store.find<Stored>('notifications', { subjectId: acceptedId }, { limit: 1 })).items[0] as Doc | undefined : undefined;
  note ??= {
    recipientId: 'city-rep-guo', orgId: 'city', milestone: 'topic_accepted', subjectType: 'topic', subjectId: acceptedId ?? 'none',
    title: '您的议题已采纳', body: '', link: '/pages/index/index', createdAt: world.now.toISOString(), readAt: null,
  };
  const meeting = await world.store.get<Stored>('meetings', 'm-city-last');
  const user = await world.store.get<Stored>('users', 'city-rep-ma');
  if (!meeting || !user) throw new Error('seeded meeting m-city-last or person city-rep-ma not found');
  const people = new Map<string, { name: string; unit: string; orgId: string }>();
  for (const org of ORGS) {
    const page = await world.store.find<Stored & { name: string; unit: string; orgId: string }>('users', { orgId: org }, { limit: 100 });
    for (const p of page.items) people.set(p._id, { name: p.name, unit: p.unit, orgId: p.orgId });
  }
  const meetingTitles = new Map<string, string>();
  for (const m of ['m-city-current', 'm-city-last', 'm-linhe-current']) {
    const doc = await world.store.get<Stored & { title: string }>('meetings', m);
    if (doc) meetingTitles.set(m, doc.title);
  }
  const n = strip(note);
  const mt = strip(meeting);
  const u = strip(user);
  return {
    topics, notification: n, meeting: mt, user: u, people, meetingTitles,
    carried: [...new Set([...Object.values(topics).flatMap((t) => carried('topic', t)), ...carried('notification', n), ...carried('meeting', mt), ...carried('user', u)])],
  };
}

const H = 3600_000;
const isoAt = (ms: number) => new Date(ms).toISOString();
const shanghaiDay = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 10);

interface TopicSpec {
  id: string;
  orgId: string;
  meetingId: string;
  meetingTitle: string;
  proposer: string;
  kind: Kind;
  status: Status;
  createdMs: number;
  n: number;
}

function topicDoc(tpl: Templates, s: TopicSpec): Doc {
  const who = tpl.people.get(s.proposer) ?? { name: '某职工代表', unit: '某单位' };
  const at = isoAt(s.createdMs);
  const later = isoAt(s.createdMs + 2 * H);
  const t = tpl.topics[`${s.kind}.${s.status}`];
  const history = (t.history as Doc[] | undefined ?? []).map((h, i) => (i === 0 ? { ...h, at, by: s.proposer, byName: who.name } : { ...h, at: later }));
  return {
    ...t,
    _id: s.id,
    orgId: s.orgId, meetingId: s.meetingId, meetingTitle: s.meetingTitle, category: CATEGORIES[s.n % CATEGORIES.length],
    title: `关于${['职工技能培训', '新就业形态劳动者权益', '困难职工帮扶', '劳动合同规范', '职工住房保障'][s.n % 5]}的建议（${s.n}）`,
    background: text(300, s.n), research: text(300, s.n + 1), request: text(150, s.n + 2),
    createdBy: s.proposer, proposerName: who.name, proposerUnit: who.unit,
    createdAt: at, updatedAt: s.status === 'submitted' ? at : later, submitDay: shanghaiDay(s.createdMs),
    history, opinions: [],
  };
}

/** The documents of unit `u` (0-based); unit 0 is the 1× data, units 0–9 the 10×. */
export function unitDocs(tpl: Templates, u: number, now: Date): { collection: string; doc: Doc }[] {
  const out: { collection: string; doc: Doc }[] = [];
  const nowMs = now.getTime();
  // the city meeting opened collection three days ago: topics from then until a day ago, never today
  const opened = nowMs - 3 * 24 * H + H;
  const span = 44 * H;
  const cityTotal = UNIT.cityTopics * 10;
  const cityTopicIds: string[] = [];
  for (let i = 0; i < UNIT.cityTopics; i += 1) {
    const n = u * UNIT.cityTopics + i;
    const gov = i % 7 >= 4;
    const joint = i % 9 === 0;
    const kind: Kind = gov ? (joint ? 'jointGov' : 'gov') : joint ? 'jointUnion' : 'union';
    // joint topics come from departments (representatives propose union topics only)
    const proposer = gov ? GOV_PROPOSERS[i % 3] : joint ? PROPOSER : UNION_PROPOSERS[i % 4];
    const id = hid(`bench-city-topic-${n}`);
    cityTopicIds.push(id);
    out.push({
      collection: 'topics',
      doc: topicDoc(tpl, {
        id, orgId: 'city', meetingId: CITY_MEETING, meetingTitle: tpl.meetingTitles.get(CITY_MEETING) ?? '联席会议',
        proposer, kind, status: STATUS_CYCLE[i % 10], createdMs: opened + Math.floor((n * span) / cityTotal), n,
      }),
    });
  }
  // meetings across all orgs: past ones held and minuted, a few planned ahead in the counties
  const meetingIds: Array<{ id: string; orgId: string; title: string; plannedMs: number }> = [];
  for (let i = 0; i < UNIT.meetings; i += 1) {
    const n = u * UNIT.meetings + i;
    const orgId = ORGS[n % ORGS.length];
    const future = orgId !== 'city' && i % 10 === 9;
    const year = future ? now.getUTCFullYear() + 1 : 2015 + (n % 11);
    const plannedMs = Date.UTC(year, n % 12, 1 + (n % 27), 1, 30);
    const id = hid(`bench-meeting-${n}`);
    const title = `专题联席会议 ${orgId} ${year}-${n}`;
    meetingIds.push({ id, orgId, title, plannedMs });
    out.push({
      collection: 'meetings',
      doc: {
        ...tpl.meeting, _id: id, orgId, kind: 'special', year, title, plannedAt: isoAt(plannedMs),
        collectionOpensAt: isoAt(plannedMs - 60 * 24 * H), ...(future ? { heldAt: undefined } : { heldAt: isoAt(plannedMs) }),
        status: future ? 'accepted' : 'minutes_issued', createdBy: 'bench', createdAt: isoAt(plannedMs - 90 * 24 * H),
      },
    });
  }
  // Art. 11: the checklists of those meetings — one or two tasks each, in every state and light,
  // owned by department heads (the city's and each county's offices), so "my tasks", a meeting's
  // checklist and an org's overdue tasks all grow with the data
  for (const [i, m] of meetingIds.entries()) {
    for (let k = 0; k <= i % 2; k += 1) {
      const n = u * UNIT.meetings * 2 + i * 2 + k;
      const status = (['in_progress', 'in_progress', 'awaiting_verification', 'done'] as const)[n % 4];
      const deadlineMs = nowMs + ((n % 9) - 4) * 20 * 24 * H;
      const deadline = isoAt(deadlineMs).slice(0, 10);
      out.push({
        collection: 'tasks',
        doc: {
          _id: hid(`bench-task-${n}`), orgId: m.orgId, meetingId: m.id, meetingTitle: m.title, decisionId: `${m.id}_d${k + 1}`,
          decisionTitle: '议定事项', decisionText: text(80, n), title: `落实任务 ${n}`,
          ownerId: m.orgId === 'city' ? GOV_PROPOSERS[n % 3] : `${m.orgId}-gov-office`, ownerName: '责任人', unit: '责任单位',
          keeperRole: 'union_office', assignedBy: `${m.orgId}-union-office`, assignedAt: isoAt(m.plannedMs), deadline,
          dueAt: deadlineEnds(deadline), deadlineVersion: 1, status, open: status !== 'done',
          progress: [{ text: text(60, n), at: isoAt(m.plannedMs), by: 'bench', byName: '责任人' }], completion: null, sendBacks: [], explanations: [],
        },
      });
      // issue #25: the figures the task actions keep on every task they write (server/areas/task.ts)
      Object.assign(out[out.length - 1].doc, taskFigures(out[out.length - 1].doc as unknown as TaskDoc));
    }
  }
  // noise topics: last year's city meeting (closed statuses), Linhe's current meeting, past county meetings
  for (let i = 0; i < UNIT.noiseTopics; i += 1) {
    const n = u * UNIT.noiseTopics + i;
    const id = hid(`bench-noise-topic-${n}`);
    const kind = i % 3;
    let spec: TopicSpec;
    if (kind === 0) {
      const gov = i % 2 === 1;
      spec = {
        id, orgId: 'city', meetingId: 'm-city-last', meetingTitle: tpl.meetingTitles.get('m-city-last') ?? '联席会议',
        proposer: gov ? GOV_PROPOSERS[i % 3] : UNION_PROPOSERS[i % 4], kind: gov ? 'gov' : 'union',
        status: i % 4 === 0 ? 'returned' : 'accepted', createdMs: nowMs - 400 * 24 * H + n * 60_000, n,
      };
    } else if (kind === 1) {
      const gov = i % 2 === 1;
      spec = {
        id, orgId: 'linhe', meetingId: 'm-linhe-current', meetingTitle: tpl.meetingTitles.get('m-linhe-current') ?? '联席会议',
        proposer: gov ? 'linhe-hrss' : 'linhe-rep', kind: gov ? 'gov' : 'union',
        status: STATUS_CYCLE[i % 10], createdMs: nowMs - 26 * H + n * 20_000, n,
      };
    } else {
      const past = meetingIds.filter((m) => m.orgId !== 'city')[i % 40];
      spec = {
        id, orgId: past.orgId, meetingId: past.id, meetingTitle: past.title, proposer: hid(`bench-user-${u}-${20 + (i % 20)}`),
        kind: 'union', status: i % 5 === 0 ? 'returned' : 'accepted', createdMs: past.plannedMs - 30 * 24 * H + n * 60_000, n,
      };
    }
    out.push({ collection: 'topics', doc: topicDoc(tpl, spec) });
  }
  // people: city representatives and county people (ids like the store's own)
  for (let i = 0; i < UNIT.users; i += 1) {
    const orgId = i < 20 ? 'city' : COUNTIES[i % COUNTIES.length];
    out.push({
      collection: 'users',
      doc: { ...tpl.user, _id: hid(`bench-user-${u}-${i}`), devKey: `bench-${u}-${i}`, login: `bench-${u}-${i}`, name: `职工代表${u}-${i}`, orgId, unit: '某企业工会', title: '职工代表', roles: ['representative'] },
    });
  }
  // messages: the union office's inbox, the rights department's, and other people's
  for (let i = 0; i < UNIT.notifications; i += 1) {
    const n = u * UNIT.notifications + i;
    const recipient = i < 40 ? OFFICE : i < 60 ? PROPOSER : i % 2 ? hid(`bench-user-${u}-${i % UNIT.users}`) : ['linhe-union-office', 'city-gov-office', 'city-hrss', 'linhe-rep'][i % 4];
    const created = nowMs - 3 * 24 * H + n * 30_000;
    out.push({
      collection: 'notifications',
      doc: {
        ...tpl.notification, _id: notificationId(u, i), recipientId: recipient, orgId: tpl.people.get(recipient)?.orgId ?? 'city',
        milestone: i % 2 ? 'topic_submitted' : 'opinion_requested', subjectType: 'topic', subjectId: cityTopicIds[i % cityTopicIds.length],
        title: i % 2 ? '新议题待审核' : '议题征求意见', body: `请处理议题（${n}）。`, link: `/pages/topic/detail/index?id=${cityTopicIds[i % cityTopicIds.length]}`,
        createdAt: isoAt(created), readAt: i % 2 ? isoAt(created + H) : null,
      },
    });
  }
  return out;
}

export const notificationId = (u: number, i: number): string => `n${hid(`bench-notification-${u}-${i}`).slice(0, 31)}`;

/** Unread messages of the union office in unit `u`, for markRead. */
export function unreadOfficeMessages(u: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < 40; i += 2) ids.push(notificationId(u, i));
  return ids;
}

/** An accepted union-led city topic of unit `u` (topic.get reads it). */
export function cityTopicId(u: number): string {
  return hid(`bench-city-topic-${u * UNIT.cityTopics + 1}`);
}

export async function insertUnits(world: World, tpl: Templates, from: number, to: number): Promise<number> {
  const docs: { collection: string; doc: Doc }[] = [];
  for (let u = from; u < to; u += 1) docs.push(...unitDocs(tpl, u, world.now));
  for (const d of docs) for (const k of Object.keys(d.doc)) if (d.doc[k] === undefined) delete d.doc[k];
  for (let i = 0; i < docs.length; i += 100) {
    const batch = docs.slice(i, i + 100);
    await world.store.transaction(async (tx) => {
      for (const { collection, doc } of batch) await tx.insert(collection, doc as never);
    });
  }
  // What the deployment does after data arrives: a Postgres server's autovacuum analyses on its
  // own; the embedded PGlite gets it from start-up and the timer's sweep (system.sweep).
  await world.store.maintain();
  return docs.length;
}
