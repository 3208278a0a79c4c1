// Issue #19, the office's day over HTTP: the work items the queue lacked — invitees silent on an
// issued notice, tasks to verify, deadline requests waiting, minutes and press releases waiting for
// approval — each counted by the server with the very filter its `open` call lists, so following
// `open` to the end gives exactly `count` items; and each falls or disappears when the work is done.
import { startTestHost, type TestHost } from './support/host';
import { httpCaller } from './support/flows';

type Work = { kind: string; label: string; count: number; meetingId?: string; open: { action: string; payload: Record<string, unknown> } };

let host: TestHost;
let api: ReturnType<typeof httpCaller>;

beforeAll(async () => {
  host = await startTestHost();
  api = httpCaller(host);
});
afterAll(() => host.stop());

const work = async (who: string): Promise<Work[]> => (await api.ok(who, 'account', 'home', {})).work as Work[];
const item = async (who: string, kind: string): Promise<Work | undefined> => (await work(who)).find((w) => w.kind === kind);

/** Every page of the item's `open` call, following nextCursor. */
async function opened<T = { id: string }>(who: string, w: Work): Promise<T[]> {
  const [area, verb] = w.open.action.split('.');
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.ok(who, area, verb, { ...w.open.payload, ...(cursor ? { cursor } : {}) });
    items.push(...(page.items as T[]));
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Each item of the caller's queue opens exactly its count. */
async function everyItemOpensItsCount(who: string): Promise<Work[]> {
  const items = await work(who);
  for (const w of items) {
    expect({ who, kind: w.kind, count: (await opened(who, w)).length }).toEqual({ who, kind: w.kind, count: w.count });
  }
  return items;
}

const WHO = ['city-gov-office', 'city-union-office', 'city-union-convenor', 'city-gov-convenor'];

describe('the work queue\'s new items open exactly their count', () => {
  it('in the seeded demo: replies, tasks to verify, minutes to approve', async () => {
    const kinds: Record<string, string[]> = {};
    for (const who of WHO) kinds[who] = (await everyItemOpensItsCount(who)).map((w) => w.kind);
    expect(kinds['city-gov-office']).toContain('replies');
    expect(kinds['city-union-office']).toEqual(expect.arrayContaining(['replies', 'verify']));
    expect(kinds['city-union-convenor']).toContain('approveMinutes');
    // a convenor verifies nothing and invites nobody
    expect(kinds['city-union-convenor']).not.toContain('verify');
    expect(kinds['city-union-convenor']).not.toContain('replies');
  });

  it('verify: the union office verifies a task and its count falls by one', async () => {
    const before = (await item('city-union-office', 'verify'))!;
    const tasks = await opened<{ id: string; status: string }>('city-union-office', before);
    expect(tasks.every((t) => t.status === 'awaiting_verification')).toBe(true);
    await api.ok('city-union-office', 'task', 'verify', { taskId: tasks[0].id });
    const after = await item('city-union-office', 'verify');
    expect(after?.count ?? 0).toBe(before.count - 1);
    await everyItemOpensItsCount('city-union-office');
  });

  it('replies: the government office\'s silent invitees reply and the item disappears', async () => {
    const before = (await item('city-gov-office', 'replies'))!;
    const meetings = await opened('city-gov-office', before);
    expect(meetings).toHaveLength(before.count);
    for (const m of meetings) {
      const rows = (await api.ok('city-gov-office', 'meeting', 'attendance', { meetingId: m.id })).rows as Array<{ personId: string; side: string; answer: string | null }>;
      const silent = rows.filter((r) => r.side === 'gov' && !r.answer);
      expect(silent.length).toBeGreaterThan(0);
      for (const [i, r] of silent.entries()) {
        await api.ok(r.personId, 'meeting', 'reply', { meetingId: m.id, answer: 'attend' });
        if (i < silent.length - 1) expect((await item('city-gov-office', 'replies'))!.label).toContain(`${silent.length - 1 - i} 位受邀人未答复`);
      }
    }
    expect(await item('city-gov-office', 'replies')).toBeUndefined();
    // the union side's silent invitees are the union office's, still waiting
    expect(await item('city-union-office', 'replies')).toBeDefined();
    await everyItemOpensItsCount('city-union-office');
  });

  it('deadlines: a request waits at the keeping office until it decides', async () => {
    const keeper = 'city-union-office';
    expect(await item(keeper, 'deadlines')).toBeUndefined();
    const overdue = (await api.ok(keeper, 'task', 'list', { scope: 'overdue' })).items as Array<{ id: string }>;
    const task = await api.ok(keeper, 'task', 'get', { taskId: overdue[0].id });
    await api.ok(task.ownerId as string, 'task', 'requestDeadline', { taskId: task.id, newDeadline: '2027-12-31', reason: '需协调多个部门，申请延期。' });
    const waiting = (await item(keeper, 'deadlines'))!;
    expect(waiting.count).toBe(1);
    expect((await opened(keeper, waiting)).map((t) => t.id)).toEqual([task.id]);
    // the other office keeps no such task
    expect(await item('city-gov-office', 'deadlines')).toBeUndefined();
    await api.ok(keeper, 'task', 'decideDeadline', { taskId: task.id, approve: true });
    expect(await item(keeper, 'deadlines')).toBeUndefined();
  });

  it('approvals: minutes move from the union convenor to the government convenor; a press release waits for the other office', async () => {
    const mine = (await item('city-union-convenor', 'approveMinutes'))!;
    const [m] = await opened('city-union-convenor', mine);
    await api.ok('city-union-convenor', 'minutes', 'approve', { meetingId: m.id });
    expect(await item('city-union-convenor', 'approveMinutes')).toBeUndefined();
    const gov = (await item('city-gov-convenor', 'approveMinutes'))!;
    expect((await opened('city-gov-convenor', gov)).map((x) => x.id)).toEqual([m.id]);

    // the union office drafts the release of a held meeting: it waits for the approvals of both offices
    const held = (await api.ok('city-union-office', 'meeting', 'list', { status: 'held' })).items as Array<{ id: string }>;
    const before = (await item('city-gov-office', 'approvePress'))?.count ?? 0;
    await api.ok('city-union-office', 'press', 'draft', { meetingId: held[0].id, title: '市政府与市总工会召开联席会议', text: '会议研究了职工关心的就业、社保和劳动关系等有关问题，议定了落实事项。' });
    const press = (await item('city-gov-office', 'approvePress'))!;
    expect(press.count).toBe(before + 1);
    expect((await opened('city-gov-office', press)).map((x) => x.id)).toContain(held[0].id);
    await api.ok('city-gov-office', 'press', 'approve', { meetingId: held[0].id });
    expect((await item('city-gov-office', 'approvePress'))?.count ?? 0).toBe(before);
    for (const who of WHO) await everyItemOpensItsCount(who);
  });
});
