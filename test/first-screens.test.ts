// Issue #25: the first screens' reads (src/services/first-screens.ts), started when the app launches,
// are reads of the contract with the payload their pages send.
import { PERMISSIONS } from '../domain';
import { FIRST_SCREENS, firstReadOf } from '../src/services/first-screens';

it.each(FIRST_SCREENS.map((s) => [s.page, s] as const))('%s opens with a read of the contract', (_page, s) => {
  expect(PERMISSIONS[s.action].mode).toBe('read');
});

it('builds the payload the page sends, and none without the query field it needs', () => {
  expect(firstReadOf('pages/meeting/detail/index', { id: 'm-1' })?.payload).toEqual({ meetingId: 'm-1' });
  expect(firstReadOf('pages/meeting/detail/index', {})).toBeNull();
  expect(firstReadOf('pages/task/mine/index', {})?.payload).toEqual({ scope: 'mine' });
  expect(firstReadOf('pages/index/index', {})?.payload).toEqual({});
  expect(firstReadOf('pages/inbox/index', {})).toBeNull();
});
