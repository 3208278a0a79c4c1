// Issue #23: who reads which part of a topic's chain (CHAIN_READS in domain/permissions.ts), for
// every person of the demo city and a county's offices. Written by hand as a second account of the
// rules: the proposer, the office the topic was routed to and the org's leadership (the topic is
// accepted) read the decided item and the task; every other person — another representative of the
// same org, a department head who is not responsible, a county — reads nothing, not even that the
// topic exists. The evidence is never named in the chain, only its type.
import { deadlineEnds, ORG_LEADERSHIP, type Role } from '../domain';
import type { MeetingDoc, MinutesDoc, TaskDoc, TopicDoc } from '../server/store/docs';
import { demoPeople } from '../server/seed';
import { makeMinutes, makeTopic } from './support/action-examples';
import { openWorld, type World } from './support/world';

let w: World;
let topic: TopicDoc;
beforeAll(async () => {
  w = await openWorld();
  const minutes = await makeMinutes(w, 'city', 'issued');
  const meeting = (await w.store.get<MeetingDoc>('meetings', minutes.meetingId))!;
  await w.store.update<MeetingDoc>('meetings', meeting._id, meeting.version, { minutesIssuedAt: w.now.toISOString() });
  const made = await makeTopic(w, 'city', { status: 'accepted', by: 'city-rep-ma' });
  topic = await w.store.update<TopicDoc>('topics', made._id, made.version, { meetingId: meeting._id });
  await w.store.update<MinutesDoc>('minutes', minutes._id, minutes.version, {
    decisions: [{ ...minutes.decisions![0], topicIds: [topic._id] }, { id: `${meeting._id}_d2`, n: 2, title: '另一事项', text: '与本议题无关的事项。' }],
  });
  const task = (n: number, decision: string, evidence: boolean): Omit<TaskDoc, '_id' | 'version'> => ({
    orgId: 'city', meetingId: meeting._id, meetingTitle: meeting.title, decisionId: `${meeting._id}_d${decision}`, decisionTitle: '事项', decisionText: '内容',
    title: `任务${n}`, ownerId: 'city-hrss', ownerName: '孙立新', unit: '市人社局', keeperRole: 'union_office', assignedBy: 'city-union-office',
    assignedAt: w.now.toISOString(), deadline: '2026-12-31', dueAt: deadlineEnds('2026-12-31'), deadlineVersion: 1, status: 'awaiting_verification', open: true,
    progress: [{ text: '已起草修订稿', at: w.now.toISOString(), by: 'city-hrss', byName: '孙立新' }],
    completion: { text: '修订办法已印发', at: w.now.toISOString(), evidence: evidence ? [{ fileId: 'local:0123456789abcdef0123456789abcdef', fileName: '内部验收单.pdf', contentType: 'application/pdf', size: 9 }] : [] },
    sendBacks: [], explanations: [],
  });
  await w.store.insert<TaskDoc>('tasks', task(1, '1', true));
  await w.store.insert<TaskDoc>('tasks', task(2, '2', false));
});
afterAll(() => w.close());

const READERS: readonly Role[] = ['union_office', ...ORG_LEADERSHIP];
const people = demoPeople().filter((p) => p.orgId === 'city' || p.key.startsWith('linhe-') || p.key.startsWith('wuyuan-'));

it('the proposer, the routed office and the leadership read the chain; nobody else reads the topic at all', async () => {
  const seen: Record<string, string> = {};
  for (const p of people) {
    const res = await w.call('topic', 'get', { id: topic._id }, p.key);
    if (!res.envelope.ok) {
      seen[p.key] = res.envelope.error.code;
      continue;
    }
    const chain = (res.envelope.data as { chain: { decisions: Array<{ id: string }>; tasks: Array<{ title: string; completion: unknown }> } }).chain;
    seen[p.key] = `${chain.decisions.length} decision, tasks: ${chain.tasks.map((t) => t.title).join(',')}`;
    // evidence: its existence and type, never the file
    expect(JSON.stringify(chain)).not.toMatch(/0123456789abcdef|内部验收单/);
    expect(chain.tasks[0].completion).toEqual({ text: '修订办法已印发', at: expect.any(String), evidence: [{ typeLabel: 'PDF 文件' }] });
  }
  const expected = Object.fromEntries(people.map((p) => {
    const reads = p.key === 'city-rep-ma' || (p.orgId === 'city' && p.roles.some((r) => READERS.includes(r)));
    return [p.key, reads ? '1 decision, tasks: 任务1' : 'not_found'];
  }));
  expect(seen).toEqual(expected);
  // the same org's other representatives and the responsible unit's colleague are among the refused
  expect(seen['city-rep-guo']).toBe('not_found');
  expect(seen['city-model-yang']).toBe('not_found');
  expect(seen['city-housing']).toBe('not_found');
});

it('the proposer reads the task through the chain, never through task.get (which stays the responsible person\'s and the offices\')', async () => {
  const { items: [t] } = await w.store.find<TaskDoc>('tasks', { title: '任务1' }, { limit: 1 });
  const res = await w.call('task', 'get', { taskId: t._id }, 'city-rep-ma');
  expect(res.envelope.ok ? 'ok' : res.envelope.error.code).toBe('not_found');
  const evidence = await w.call('task', 'evidence', { taskId: t._id, fileId: 'local:0123456789abcdef0123456789abcdef' }, 'city-rep-ma');
  expect(evidence.envelope.ok ? 'ok' : evidence.envelope.error.code).toBe('not_found');
});
