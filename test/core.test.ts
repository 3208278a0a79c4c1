// Issue #6 over the router and the embedded store: text the database cannot hold, normalised text,
// idempotency for every write, the outbox, the system actor, the rule parameters, the audit clock
// and lists that never stop at 100 without saying so.
import { fromCN, topicAudience, type RuleParams } from '../domain';
import type { MeetingDoc, SettingsDoc, TopicDoc } from '../server/store/docs';
import { refusalCounts } from '../server/kit/metrics';
import type { OutboxDoc } from '../server/notify/outbox';
import { dispatch } from '../server/kit/router';
import { areaByName, SAMPLE_TOPIC, worldPerFile, type World } from './support/world';

const files = worldPerFile();
let world: World;
beforeEach(() => {
  world = files.current;
});

const TOPIC = SAMPLE_TOPIC;
const code = (r: { envelope: { ok: boolean; error?: { code: string } } }) => (r.envelope.ok ? 'ok' : r.envelope.error?.code);
const data = <T>(r: { envelope: unknown }) => (r.envelope as { data: T }).data;

let seq = 0;
async function acceptedTopic(w: World, n: number): Promise<TopicDoc> {
  seq += 1;
  const at = new Date(w.now.getTime() - 10_000_000 + seq * 1000 + n).toISOString();
  return w.store.insert<TopicDoc>('topics', {
    orgId: 'city', meetingId: 'm-city-current', meetingTitle: '会议', side: 'union', leadSide: 'union', routedTo: 'union_office',
    category: 'worker_concerns', title: `已采纳议题 ${n}`, background: '背景情况说明十个字以上', research: '调研论证说明十个字以上',
    request: '建议与请求内容', status: 'accepted', createdBy: 'city-rep-ma', proposerName: '马春花', proposerUnit: '河套酒业集团',
    createdAt: at, updatedAt: at, submitDay: '2026-11-20', history: [], opinions: [], audience: topicAudience('accepted', 'union_office'), otherSideOpinions: 0,
  });
}

describe('text the database cannot hold, and text that hides words (defects 2, 11)', () => {
  it('refuses NUL or a lone surrogate in any field with validation_error naming the field, storing nothing', async () => {
    const before = await world.store.count('topics', {});
    for (const bad of [`标题\u0000很长的议题`, `标题\ud800很长的议题`]) {
      const res = await world.call('topic', 'submit', { ...TOPIC, title: bad }, 'city-rep-ma');
      expect(res.status).toBe(400);
      expect(res.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', details: [{ path: 'title' }] } });
    }
    const t = await acceptedTopic(world, 1);
    const opinion = await world.call('topic', 'addOpinion', { id: t._id, text: '意见\u0000内容' }, 'city-gov-office');
    expect(opinion.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', details: [{ path: 'text' }] } });
    expect(await world.store.count('topics', {})).toBe(before + 1);
  });

  it('refuses a crafted cursor carrying NUL as validation_error, not a 500', async () => {
    const cursor = Buffer.from(JSON.stringify({ s: 'createdAt:desc', k: [['x\u0000']], id: 'a' })).toString('base64url');
    const res = await world.call('topic', 'list', { scope: 'mine', cursor }, 'city-rep-ma');
    expect(res.status).toBe(400);
    expect(code(res)).toBe('validation_error');
  });

  it('normalises before the length and content checks: zero-width characters hide nothing', async () => {
    const hidden = await world.call('topic', 'submit', { ...TOPIC, title: '关于网络赌\u200b博问题的建议' }, 'city-rep-ma');
    expect(code(hidden)).toBe('content_rejected');
    const blank = await world.call('topic', 'submit', { ...TOPIC, title: '\u200b\u200b\u200b\u200b\u200b' }, 'city-rep-ma');
    expect(blank.envelope).toMatchObject({ ok: false, error: { code: 'validation_error', details: [{ path: 'title', message: '标题至少 4 个字' }] } });
    // stored text loses the invisible characters but keeps its full-width punctuation (official text)
    const kept = await world.call('topic', 'submit', { ...TOPIC, title: '关于（职工）食堂，\u200b的建议' }, 'city-rep-ma');
    expect(data<{ title: string }>(kept).title).toBe('关于（职工）食堂，的建议');
  });
});

describe('idempotency for every write (defect 5)', () => {
  it('stores one opinion for two calls with one key, and refuses the key with a different payload', async () => {
    const t = await acceptedTopic(world, 1);
    const first = await world.call('topic', 'addOpinion', { id: t._id, text: '同意，建议补充资金测算。' }, 'city-gov-office', 'opinion-key-1');
    const again = await world.call('topic', 'addOpinion', { id: t._id, text: '同意，建议补充资金测算。' }, 'city-gov-office', 'opinion-key-1');
    expect(again.envelope).toEqual(first.envelope);
    expect((await world.store.get<TopicDoc>('topics', t._id))!.opinions).toHaveLength(1);
    const other = await world.call('topic', 'addOpinion', { id: t._id, text: '另一条不同的意见内容。' }, 'city-gov-office', 'opinion-key-1');
    expect(other.status).toBe(409);
    expect(code(other)).toBe('idempotency_key_reused');
    expect((await world.store.get<TopicDoc>('topics', t._id))!.opinions).toHaveLength(1);
  });

  it('lets a key whose call a crash left pending act again after two minutes', async () => {
    const first = await world.call('topic', 'submit', TOPIC, 'city-rep-ma', 'crash-key-01');
    expect(code(first)).toBe('ok');
    // make the stored reservation look like a crash two minutes and a second ago
    const page = await world.store.find<{ _id: string; version: number } & Record<string, unknown>>('idempotency', {}, { limit: 10 });
    const row = page.items[0];
    await world.store.update('idempotency', row._id, row.version, { state: 'pending', envelope: undefined, expiresAt: new Date(Date.now() - 1000).toISOString() });
    const retried = await world.call('topic', 'submit', TOPIC, 'city-rep-ma', 'crash-key-01');
    expect(code(retried)).toBe('ok');
  });
});

describe('the outbox and the system actor', () => {
  it('writes the messages with the action and delivers them after; a crash before delivery loses nothing', async () => {
    const store = world.store;
    const original = store.insert.bind(store);
    // the process "dies" between the commit and the delivery: every inbox write fails
    store.insert = (async (c: string, doc: never) => {
      if (c === 'notifications') throw new Error('process killed');
      return original(c, doc);
    }) as typeof store.insert;
    process.env.QUIET_ERRORS = '1';
    let topicId: string;
    try {
      const res = await world.call('topic', 'submit', TOPIC, 'city-rep-ma');
      expect(code(res)).toBe('ok');
      topicId = data<{ id: string }>(res).id;
    } finally {
      store.insert = original;
      delete process.env.QUIET_ERRORS;
    }
    expect(await store.count('notifications', { subjectId: topicId })).toBe(0);
    expect(await store.count('outbox', { state: 'pending' })).toBe(1);

    // a person cannot run the sweep; the timer's system actor can, once the grace time has passed
    const person = await world.call('system', 'sweep', {}, 'city-gov-office');
    expect(code(person)).toBe('forbidden');
    world.setNow(new Date(world.now.getTime() + 2 * 60 * 1000));
    const tick = await dispatch(areaByName('system'), { action: 'sweep', payload: {} }, {}, world.rt, { kind: 'system', name: 'sweep' });
    expect(tick.envelope).toMatchObject({ ok: true, data: { redelivered: 1 } });
    expect(await store.count('notifications', { subjectId: topicId, recipientId: 'city-union-office' })).toBe(1);
    expect((await store.find<OutboxDoc>('outbox', {}, { limit: 5 })).items.map((o) => o.state)).toEqual(['done']);
    // audited like any write, as the system actor
    const audit = await store.find<{ _id: string; version: number; actorId: string; result: string }>('audit', { action: 'system.sweep' }, { limit: 5 });
    expect(audit.items.map((a) => `${a.actorId}:${a.result}`).sort()).toEqual(['city-gov-office:forbidden', 'system:sweep:ok']);
    // a second tick finds nothing left to do
    const again = await dispatch(areaByName('system'), { action: 'sweep', payload: {} }, {}, world.rt, { kind: 'system', name: 'sweep' });
    expect(again.envelope).toMatchObject({ ok: true, data: { redelivered: 0 } });
    expect(await store.count('notifications', { subjectId: topicId })).toBe(1);
  });

  it('keeps idempotency answers, delivered outbox entries and day counters only for a bounded time', async () => {
    await world.call('topic', 'submit', TOPIC, 'city-rep-ma', 'kept-key-001');
    expect(await world.store.count('idempotency', {})).toBe(1);
    expect(await world.store.count('counters', {})).toBe(1);
    expect(await world.store.count('outbox', { state: 'done' })).toBe(1);
    const sweep = () => dispatch(areaByName('system'), { action: 'sweep', payload: {} }, {}, world.rt, { kind: 'system', name: 'sweep' });
    await sweep();
    expect(await world.store.count('idempotency', {})).toBe(1); // still within its day
    const row = (await world.store.find<{ _id: string; version: number }>('idempotency', {}, { limit: 1 })).items[0];
    await world.store.update('idempotency', row._id, row.version, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    world.setNow(new Date(world.now.getTime() + 8 * 86400_000));
    const res = await sweep();
    expect(res.envelope).toMatchObject({ ok: true, data: { expiredKeys: 1 } });
    expect(await world.store.count('idempotency', {})).toBe(0);
    expect(await world.store.count('counters', {})).toBe(0);
    expect(await world.store.count('outbox', {})).toBe(0);
  });

  it('finds the recipients of a message by an indexed query, however many people the org has', async () => {
    for (let i = 0; i < 150; i += 1) {
      await world.store.insert('users', { _id: `a-extra-${String(i).padStart(3, '0')}`, name: `职工${i}`, orgId: 'city', unit: '企业', title: '职工', roles: ['representative'] });
    }
    const res = await world.call('topic', 'submit', TOPIC, 'city-rep-ma');
    const id = data<{ id: string }>(res).id;
    expect(await world.store.count('notifications', { subjectId: id, recipientId: 'city-union-office' })).toBe(1);
  });
});

describe('rule parameters and the clock', () => {
  it('reads the collection lead time in force today through ctx.params (Art. 13)', async () => {
    const plannedAt = (await world.store.get<MeetingDoc>('meetings', 'm-city-current'))!.plannedAt;
    const before = data<{ collectingMeetings: Array<{ id: string; collectionStartsAt: string }> }>(await world.call('account', 'home', {}, 'city-rep-ma'));
    const two = before.collectingMeetings.find((m) => m.id === 'm-city-current')!;
    expect(new Date(plannedAt).getTime() - new Date(two.collectionStartsAt).getTime()).toBeGreaterThan(55 * 86400_000);
    const v: Omit<SettingsDoc, '_id' | 'version'> & RuleParams = {
      orgId: 'city', effectiveFrom: fromCN('2026-11-01'), topicLeadMonths: 3, dueSoonDays: 7, regularMeetingsPerYear: 1, source: 'test',
    };
    await world.store.insert<SettingsDoc>('settings', v);
    await world.store.insert<SettingsDoc>('settings', { ...v, effectiveFrom: fromCN('2027-06-01'), topicLeadMonths: 1 }); // not yet in force
    const after = data<{ collectingMeetings: Array<{ id: string; collectionStartsAt: string }> }>(await world.call('account', 'home', {}, 'city-rep-ma'));
    const three = after.collectingMeetings.find((m) => m.id === 'm-city-current')!;
    expect(new Date(plannedAt).getTime() - new Date(three.collectionStartsAt).getTime()).toBeGreaterThan(85 * 86400_000);
  });

  it('stamps audit rows with real time, and the moved clock beside it', async () => {
    const clock = world.rt.clock;
    world.rt.clock = { now: () => new Date('2030-01-01T00:00:00Z'), shifted: true };
    try {
      await world.call('notify', 'markRead', { ids: ['nothing-here'] }, 'city-rep-ma');
    } finally {
      world.rt.clock = clock;
    }
    const row = (await world.store.find<{ _id: string; version: number; at: string; ruleNow?: string }>('audit', { action: 'notify.markRead' }, { limit: 1 })).items[0];
    expect(Math.abs(new Date(row.at).getTime() - Date.now())).toBeLessThan(60_000);
    expect(row.ruleNow).toBe('2030-01-01T00:00:00.000Z');
  });

  it('counts unauthenticated and malformed calls, which write no audit row', async () => {
    const before = refusalCounts();
    await world.call('account', 'me', {});
    await world.raw('account', { action: 'me', payload: {}, extra: 1 });
    const after = refusalCounts();
    expect(after.unauthenticated).toBe(before.unauthenticated + 1);
    expect(after.malformed).toBe(before.malformed + 1);
  });
});

describe('Art. 6: a side confirms the list it was shown (defect 4)', () => {
  it('refuses a confirmation whose list changed since it was shown, changing nothing', async () => {
    await acceptedTopic(world, 1);
    const shown = data<{ listHash: string }>(await world.call('topic', 'listStatus', { meetingId: 'm-city-current' }, 'city-gov-convenor'));
    // a topic submitted and accepted while the convenor was reading
    const late = data<{ id: string }>(await world.call('topic', 'submit', TOPIC, 'city-rep-ma'));
    expect(code(await world.call('topic', 'accept', { id: late.id }, 'city-union-office'))).toBe('ok');
    // Art. 6 征求意见 (issue #16): the government office records 无意见 on both (the list is not changed by it)
    expect(code(await world.call('topic', 'noOpinionAll', { meetingId: 'm-city-current' }, 'city-gov-office'))).toBe('ok');
    const stale = await world.call('topic', 'confirmList', { meetingId: 'm-city-current', listHash: shown.listHash }, 'city-gov-convenor');
    expect(stale.status).toBe(409);
    expect(code(stale)).toBe('conflict');
    expect((await world.store.get<MeetingDoc>('meetings', 'm-city-current'))!.topicList?.gov ?? null).toBeNull();
    const fresh = data<{ listHash: string }>(await world.call('topic', 'listStatus', { meetingId: 'm-city-current' }, 'city-gov-convenor'));
    expect(fresh.listHash).not.toBe(shown.listHash);
    const ok = await world.call('topic', 'confirmList', { meetingId: 'm-city-current', listHash: fresh.listHash }, 'city-gov-convenor');
    expect(data<{ confirmations: { gov: { topicCount: number } } }>(ok).confirmations.gov.topicCount).toBe(2);
  });
});

describe('nothing is cut at 100 without saying so (defect 7)', () => {
  it('pages a meeting of 163 accepted topics to the end, counts them all and fixes them all', async () => {
    for (let i = 0; i < 163; i += 1) await acceptedTopic(world, i);
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = data<{ items: Array<Record<string, unknown>>; nextCursor?: string }>(
        await world.call('topic', 'list', { scope: 'meeting', meetingId: 'm-city-current', ...(cursor ? { cursor } : {}) }, 'city-union-office'),
      );
      for (const item of page.items) {
        seen.add(item.id as string);
        // a card carries what a card shows
        for (const heavy of ['background', 'research', 'request', 'timeline', 'opinions']) expect(item).not.toHaveProperty(heavy);
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen.size).toBe(163);

    const status = data<{ counts: { accepted: number; awaitingOpinion: number }; accepted: unknown[]; nextCursor?: string }>(
      await world.call('topic', 'listStatus', { meetingId: 'm-city-current' }, 'city-gov-convenor'),
    );
    expect(status.counts).toMatchObject({ accepted: 163, awaitingOpinion: 163 });
    expect(status.nextCursor).toBeDefined();
    // Art. 6 征求意见 (issue #16): one tap records the government side's 无意见 on all 163
    const none = data<{ counts: { awaitingOpinion: number } }>(await world.call('topic', 'noOpinionAll', { meetingId: 'm-city-current' }, 'city-gov-office'));
    expect(none.counts.awaitingOpinion).toBe(0);

    expect(code(await world.call('topic', 'confirmList', { meetingId: 'm-city-current' }, 'city-gov-convenor'))).toBe('ok');
    const fixed = data<{ fixed: boolean; confirmations: { gov: { topicCount: number } } }>(
      await world.call('topic', 'confirmList', { meetingId: 'm-city-current' }, 'city-union-chair'),
    );
    expect(fixed).toMatchObject({ fixed: true, confirmations: { gov: { topicCount: 163 } } });
    expect((await world.store.get<MeetingDoc>('meetings', 'm-city-current'))!.agenda).toHaveLength(163);
    const inbox = data<{ items: Array<{ body: string; milestone: string }> }>(await world.call('notify', 'inbox', {}, 'city-union-office'));
    expect(inbox.items.find((i) => i.milestone === 'topic_list_fixed')!.body).toContain('共 163 项议题');
  });
});
