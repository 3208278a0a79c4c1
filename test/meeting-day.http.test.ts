/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
// Issue #22 "done when", over the local host's HTTP API: the door's code rotates every 30 seconds —
// a token is accepted in its window and the next and refused after, a token of another meeting or a
// forged one is refused, 50 attendees checking in within the same minute land once each; a scan kept
// offline and sent 3 hours later counts at the scan time; the live board names who is missing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOOR_WINDOW_MS, fromCN, type Person } from '../domain';
import type { InvitationDoc } from '../server/store/docs';
import { startTestHost, type TestHost } from './support/host';
import { httpCaller, meetingWithNotice, type Ok } from './support/flows';
import { DEMO_NOW } from './support/world';
import { pdfOf } from './support/images';
import { convertToPdf, readPages } from './support/office-pdf';
import { ARTIFACTS } from './support/browser';

let host: TestHost;
let call: ReturnType<typeof httpCaller>['call'];
let ok: Ok;
let code: ReturnType<typeof httpCaller>['code'];

beforeAll(async () => {
  host = await startTestHost();
  ({ call, ok, code } = httpCaller(host));
});
afterAll(() => host.stop());

const plannedAt = fromCN('2026-12-22', '09:30');
let meetingId: string;
let other: string;
/** The start of a door window, so a test knows which window it is in. */
const windowStart = (at: number) => Math.floor(at / DOOR_WINDOW_MS) * DOOR_WINDOW_MS;

it('a token is accepted in its window and the next, refused two windows on; another meeting\'s or a forged one never', async () => {
  meetingId = await meetingWithNotice(ok, {
    title: '巴彦淖尔市政府与市总工会签到专题会议', plannedAt, docNumber: '巴政办字〔2026〕131号',
    gov: ['city-gov-leader', 'city-hrss', 'city-housing'], union: ['city-union-chair', 'city-rep-ma', 'city-rep-guo', 'city-model-yang'],
  });
  other = await meetingWithNotice(ok, {
    title: '巴彦淖尔市政府与市总工会另一专题会议', plannedAt: fromCN('2026-12-22', '15:00'), docNumber: '巴政办字〔2026〕132号',
    gov: ['city-hrss'], union: ['city-rep-ma'],
  });
  const w0 = windowStart(new Date(plannedAt).getTime() - 40 * 60_000);
  host.clock.set(new Date(w0 + 1_000));
  const door = await ok('city-union-office', 'meeting', 'doorToken', { meetingId });
  expect(door).toMatchObject({ code: expect.stringMatching(/^[0-9]{6}$/), validUntil: new Date(w0 + 2 * DOOR_WINDOW_MS).toISOString() });
  expect(door.token).toContain(door.code);
  // only the offices show the door
  expect(await code('city-rep-ma', 'meeting', 'doorToken', { meetingId })).toBe('forbidden');

  // the next window: still accepted
  host.clock.set(new Date(w0 + DOOR_WINDOW_MS + 5_000));
  expect((await ok('city-rep-ma', 'meeting', 'checkIn', { meetingId, token: door.token })).message).toBe('马春花 签到成功');
  // two windows on: 二维码已过期
  host.clock.set(new Date(w0 + 2 * DOOR_WINDOW_MS + 5_000));
  const late = await call('city-rep-guo', 'meeting', 'checkIn', { meetingId, token: door.token });
  expect(late.json.error).toMatchObject({ code: 'validation_error', message: '二维码已过期，请重新扫码' });
  const late6 = await call('city-rep-guo', 'meeting', 'checkIn', { meetingId, code: door.code });
  expect(late6.json.error.message).toBe('二维码已过期，请重新扫码');
  // the other meeting's door, shown to someone invited here: refused, not counted
  const otherDoor = await ok('city-gov-office', 'meeting', 'doorToken', { meetingId: other });
  expect((await call('city-rep-guo', 'meeting', 'checkIn', { meetingId, token: otherDoor.token })).json.error.message).toBe('这不是本次会议的签到二维码');
  // a forged token: the right meeting, digits made up
  const fresh = await ok('city-union-office', 'meeting', 'doorToken', { meetingId });
  const forged = fresh.token.replace(/[0-9]{6}$/, fresh.code === '000000' ? '000001' : '000000');
  expect((await call('city-rep-guo', 'meeting', 'checkIn', { meetingId, token: forged })).json.error.message).toBe('签到码不正确');
  expect((await ok('city-rep-guo', 'meeting', 'checkIn', { meetingId, token: fresh.token })).message).toBe('郭振华 签到成功');
});

it('a scan kept offline and sent three hours later counts at the scan time', async () => {
  const scanAt = windowStart(new Date(plannedAt).getTime() - 20 * 60_000) + 2_000;
  host.clock.set(new Date(scanAt));
  const door = await ok('city-union-office', 'meeting', 'doorToken', { meetingId });
  host.clock.set(new Date(scanAt + 3 * 3600_000));
  // without the scan time it is long expired; with it, present at the scan
  expect(await code('city-model-yang', 'meeting', 'checkIn', { meetingId, token: door.token })).toBe('validation_error');
  const kept = await ok('city-model-yang', 'meeting', 'checkIn', { meetingId, token: door.token, scannedAt: new Date(scanAt).toISOString() });
  expect(kept).toMatchObject({ already: false, presentAt: new Date(scanAt).toISOString() });
  // a scan time that is not the meeting's day, or more than 12 hours back, is refused
  host.clock.set(new Date(new Date(plannedAt).getTime() + 3600_000));
  const stale = await call('city-hrss', 'meeting', 'checkIn', { meetingId, token: door.token, scannedAt: fromCN('2026-12-21', '09:00') });
  expect(stale.json.error.message).toBe('二维码已过期，请重新扫码');
});

it('the board names who is missing, side by side, and says when nothing changed', async () => {
  host.clock.set(new Date(new Date(plannedAt).getTime() - 10 * 60_000));
  const first = await ok('city-gov-office', 'meeting', 'board', { meetingId });
  const side = (b: any, s: string) => b.sides.find((x: any) => x.side === s);
  expect(first.sides.map((s: any) => s.label)).toEqual(['政府方', '工会方', '列席']);
  expect(side(first, 'gov')).toMatchObject({ invited: 1, present: 0, missing: [{ name: '王建国' }] });
  expect(side(first, 'observers').missing.map((p: any) => p.name)).toEqual(['孙立新', '周文博']);
  expect(side(first, 'observers').present).toBe(3);
  expect(await ok('city-gov-office', 'meeting', 'board', { meetingId, etag: first.etag })).toMatchObject({ unchanged: true, sides: [] });
  await ok('city-gov-office', 'meeting', 'checkIn', { meetingId, personId: 'city-gov-leader' });
  const next = await ok('city-gov-office', 'meeting', 'board', { meetingId, etag: first.etag });
  expect(next.unchanged).toBe(false);
  expect(side(next, 'gov')).toMatchObject({ present: 1, missing: [] });
  expect(await code('city-rep-ma', 'meeting', 'board', { meetingId })).toBe('forbidden');
});

it('fifty attendees checking in within the same minute land once each', async () => {
  const people: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    const p = await host.store.insert<Person>('users', {
      _id: `crowd-${i}`, devKey: `crowd-${i}`, login: `crowd-${i}`, name: `职工${i}`, orgId: 'city', unit: '河套酒业集团', title: '职工代表',
      roles: ['representative'], active: true, sessionEpoch: 0,
    } as Person);
    people.push(p._id);
  }
  for (let i = 0; i < 50; i += 25) {
    await ok('city-union-office', 'meeting', 'invite', { meetingId, invitees: people.slice(i, i + 25).map((personId) => ({ personId, category: 'worker_representative' })) });
  }
  const door = await ok('city-union-office', 'meeting', 'doorToken', { meetingId });
  const answers = await Promise.all(people.flatMap((p) => [
    call(p, 'meeting', 'checkIn', { meetingId, token: door.token }),
    call(p, 'meeting', 'checkIn', { meetingId, token: door.token }),
  ]));
  expect(answers.every((a) => a.status === 200 || a.json.error?.code === 'conflict')).toBe(true);
  const rows = await host.store.find<InvitationDoc>('invitations', { meetingId, personId: { in: people } }, { limit: 100 });
  expect(rows.items.filter((r) => r.presentAt)).toHaveLength(50);
}, 60_000);

it('the room moves through the agenda from a phone; the minutes list the items in the order and at the times taken', async () => {
  const t0 = new Date(plannedAt).getTime();
  host.clock.set(new Date(t0 - 5 * 60_000));
  expect(await code('city-union-office', 'meeting', 'advanceAgenda', { meetingId })).toBe('invalid_transition'); // not yet in session
  await ok('city-union-office', 'meeting', 'start', { meetingId });
  const steps: string[] = [];
  for (const [minute, who] of [[0, 'city-gov-leader'], [12, 'city-union-office'], [31, 'city-gov-leader']] as const) {
    host.clock.set(new Date(t0 + minute * 60_000));
    const view = await ok(who, 'meeting', 'advanceAgenda', { meetingId });
    steps.push(view.proceedings[view.proceedings.length - 1].title);
    expect(view.proceedings).toHaveLength(steps.length);
  }
  // nobody else moves the room
  expect(await code('city-gov-office', 'meeting', 'advanceAgenda', { meetingId })).toBe('forbidden');
  const view = await ok('city-union-office', 'meeting', 'get', { meetingId });
  const sectionTitles = view.proceedings.map((p: any) => p.sectionTitle);
  expect(sectionTitles[0]).toBe('通报上次会议议定事项落实情况');
  // (the development clock keeps running from the instant set: compare to the minute)
  expect(view.proceedings.map((p: any) => p.startedAt.slice(0, 16))).toEqual([0, 12, 31].map((m) => new Date(t0 + m * 60_000).toISOString().slice(0, 16)));
  await ok('city-gov-leader', 'meeting', 'adjourn', { meetingId });
  const minutes = await ok('city-union-office', 'minutes', 'get', { meetingId });
  expect(minutes.proceedings.map((p: any) => p.title)).toEqual(steps);
});


describe('seating by protocol and the name cards', () => {
  let seated: string;
  it('seven on the rostrum: the most senior in the centre, the next at his left hand (the hall\'s right); a substitute takes the place', async () => {
    host.clock.set(DEMO_NOW);
    seated = await meetingWithNotice(ok, {
      title: '巴彦淖尔市政府与市总工会座次专题会议', plannedAt: fromCN('2026-12-29', '09:30'), docNumber: '巴政办字〔2026〕140号',
      gov: ['city-gov-leader'], union: ['city-union-chair', 'city-rep-ma'],
    });
    await ok('city-gov-office', 'meeting', 'invite', {
      meetingId: seated,
      invitees: ['city-mayor', 'city-gov-convenor', 'city-hrss'].map((personId) => ({ personId, category: 'leader' })),
    });
    await ok('city-union-office', 'meeting', 'invite', {
      meetingId: seated, invitees: ['city-union-convenor', 'city-union-rights'].map((personId) => ({ personId, category: 'leader' })),
    });
    await ok('city-union-chair', 'meeting', 'reply', { meetingId: seated, answer: 'substitute', substitute: { name: '高文静', post: '副主席' } });
    const view = await ok('city-union-office', 'meeting', 'seating', { meetingId: seated });
    expect(view.rostrum).toHaveLength(7);
    const at = (seat: number) => view.rostrum.find((s: any) => s.seat === seat);
    expect(at(4).name).toBe('何立军');
    expect(at(5).name).toBe('王建国');
    expect(at(3)).toMatchObject({ name: '高文静', substituteFor: '李秀梅' });
    expect(view.hall.find((h: any) => h.side === 'union').people.map((p: any) => p.name)).toEqual(['马春花']);

    // the office reorders: the seats follow the convention for the new order
    const order = view.ranked.map((s: any) => s.personId);
    const swapped = [order[1], order[0], ...order.slice(2)];
    const adjusted = await ok('city-gov-office', 'meeting', 'setSeating', { meetingId: seated, rostrum: swapped });
    expect(adjusted).toMatchObject({ adjusted: true });
    expect(adjusted.rostrum.find((s: any) => s.seat === 4).name).toBe('王建国');
    expect(await code('city-gov-office', 'meeting', 'setSeating', { meetingId: seated, rostrum: ['city-rep-ma'] })).toBe('validation_error');
    expect(await code('city-rep-ma', 'meeting', 'seating', { meetingId: seated })).toBe('forbidden');
  });

  it('the chart (A4 landscape) and the name cards (a page each) open in LibreOffice with the names', async () => {
    const dir = join(ARTIFACTS, 'documents');
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const action of ['seatingDocument', 'nameCards']) {
      const link = await ok('city-union-office', 'meeting', action, { meetingId: seated });
      const res = await fetch(`${host.url}${link.url.replace(/^\//, '')}`, { headers: { authorization: `Bearer ${await host.signIn('city-union-office')}` } });
      const file = join(dir, `seating-${action}.docx`);
      writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
      files.push(file);
    }
    const [chart, cards] = (await convertToPdf(files, dir)).map(readPages);
    expect(chart).toHaveLength(1);
    expect(chart[0].width).toBeGreaterThan(chart[0].height); // landscape
    const chartText = chart[0].lines.map((l) => l.text).join('\n');
    for (const name of ['王建国', '何立军', '高文静', '马春花']) expect(chartText).toContain(name);
    // seven on the rostrum and one in the hall: a card each
    expect(cards).toHaveLength(8);
    expect(cards[0].lines.filter((l) => l.text.replace(/\s/g, '') === '王建国')).toHaveLength(2);
  }, 120_000);

  it('materials: 公开 for invitees, 会内 watermarked and closed three days after; nobody else; every opening listed', async () => {
    const res = await fetch(`${host.url}api/upload`, {
      method: 'POST', headers: { authorization: `Bearer ${await host.signIn('city-union-office')}`, 'x-file-name': encodeURIComponent('汇报材料.pdf') }, body: new Uint8Array(pdfOf()),
    });
    const { fileId } = ((await res.json()) as any).data;
    // a file of someone else is not the government office's to attach; an HTML file is not a material
    expect(await code('city-gov-office', 'meeting', 'attachMaterial', { meetingId: seated, sectionIndex: 2, fileId, title: '议题汇报材料', visibility: 'meeting' })).toBe('validation_error');
    const inside = await ok('city-union-office', 'meeting', 'attachMaterial', { meetingId: seated, sectionIndex: 2, fileId, title: '议题汇报材料', visibility: 'meeting' });
    const materialId = inside.materials[0].id;
    expect(inside.materials[0]).toMatchObject({ visibilityLabel: '会内', available: true });

    const read = await ok('city-rep-ma', 'meeting', 'material', { meetingId: seated, materialId });
    expect(read).toMatchObject({ viewOnly: true, watermark: expect.stringContaining('马春花') });
    expect((await fetch(`${host.url}${read.url.replace(/^\//, '')}`, { headers: { authorization: `Bearer ${await host.signIn('city-rep-ma')}` } })).status).toBe(200);
    // not invited: nothing
    expect(await code('city-ndrc', 'meeting', 'material', { meetingId: seated, materialId })).toBe('not_found');
    // the office sees who opened it
    const seen = await ok('city-union-office', 'meeting', 'get', { meetingId: seated });
    expect(seen.materials[0].openings.map((o: any) => o.name)).toEqual(['马春花']);
    // three days after the meeting a 会内 file no longer opens
    host.clock.set(new Date(new Date(fromCN('2026-12-29', '09:30')).getTime() + 4 * 86_400_000));
    const late = await call('city-rep-ma', 'meeting', 'material', { meetingId: seated, materialId });
    expect(late.json.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('停止查阅') });
    expect((await ok('city-rep-ma', 'meeting', 'get', { meetingId: seated })).materials[0]).toMatchObject({ available: false });
    host.clock.set(DEMO_NOW);
  });
});

afterAll(() => host.clock.set(DEMO_NOW));
