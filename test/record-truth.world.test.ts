// Issue #16 in process: separation of duties — whoever saved or submitted the current draft of the
// minutes may not approve it, whatever roles they hold (in 临河区 the union office's 贾慧 is also the
// union side's 召集人: she drafts, so the union chair approves, and the page is told why); and an
// unfinished task is reported in agenda section 1 of every later meeting until it is done.
import type { MeetingView } from '../domain';
import type { MeetingDoc, TaskDoc } from '../server/store/docs';
import { makeMinutes, makeTask } from './support/action-examples';
import { openWorld, type World } from './support/world';

let w: World;
beforeAll(async () => {
  w = await openWorld();
});
afterAll(() => w.close());

const DRAFT = { text: '会议研究了职工技能提升工作。', decisions: [{ title: '开展技能培训', text: '由区人社局牵头组织培训。' }] };

it('the drafter holding a reviewer role cannot approve her own draft; another reviewer of that side can', async () => {
  const { meetingId } = await makeMinutes(w, 'linhe', 'draft');
  expect((await w.call('minutes', 'save', { meetingId, ...DRAFT }, 'linhe-union-office')).envelope.ok).toBe(true);
  expect((await w.call('minutes', 'submit', { meetingId }, 'linhe-union-office')).envelope.ok).toBe(true);

  const own = await w.call('minutes', 'approve', { meetingId }, 'linhe-union-office');
  expect(own.envelope).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('不能审核本稿') } });
  const seen = await w.call('minutes', 'get', { meetingId }, 'linhe-union-office');
  const view = seen.envelope.ok ? (seen.envelope.data as { allowedActions: string[]; approveBlocked?: string; status: string }) : null;
  expect(view).toMatchObject({ status: 'union_review', approveBlocked: expect.stringContaining('审核分离') });
  expect(view!.allowedActions).not.toContain('approve');

  const chair = await w.call('minutes', 'approve', { meetingId }, 'linhe-union-chair');
  expect(chair.envelope).toMatchObject({ ok: true, data: { status: 'gov_review' } });
});

it('agenda section 1 reports an unfinished task of a meeting before the previous one, and drops it once done', async () => {
  const last = (await w.store.get<MeetingDoc>('meetings', 'm-city-last'))!;
  const older = await makeTask(w, 'city');
  // a task given two years ago, at a meeting before last year's, still open
  const twoYearsAgo = new Date(new Date(last.plannedAt).getTime() - 365 * 86_400_000).toISOString();
  const m = (await w.store.get<MeetingDoc>('meetings', older.meetingId))!;
  await w.store.update<MeetingDoc>('meetings', m._id, m.version, { plannedAt: twoYearsAgo, title: '前年度联席会议' });
  const t = await w.store.update<TaskDoc>('tasks', older._id, older.version, { assignedAt: twoYearsAgo, meetingTitle: '前年度联席会议' });
  const section = async () => {
    const res = await w.call('meeting', 'get', { meetingId: 'm-city-current' }, 'city-union-office');
    const view = res.envelope.ok ? (res.envelope.data as MeetingView) : null;
    return view!.agenda.sections[0].items;
  };
  const carried = (await section()).find((i) => i.id === t._id);
  expect(carried).toMatchObject({ title: '修订补贴申领办法', note: expect.stringContaining('前年度联席会议议定，尚未完成') });
  await w.store.update<TaskDoc>('tasks', t._id, t.version, { status: 'done', open: false });
  expect((await section()).some((i) => i.id === t._id)).toBe(false);
});
