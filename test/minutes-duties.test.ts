// Issue #16, separation of duties: whoever saved or submitted the current draft of the minutes may
// not approve it, whatever roles they hold. In 临河区 the union office's 贾慧 is also the union
// side's 召集人: she drafts, so the union chair approves; the page is told why.
import { makeMinutes } from './support/action-examples';
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
