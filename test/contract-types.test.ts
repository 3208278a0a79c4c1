// Issue #18: an action cannot be declared with another action's input schema — the compile-time
// rule in server/kit/registry.ts `defineAction`. The @ts-expect-error below is itself the check: if the
// rule is removed, the line compiles, the directive is unused, and `npm test`'s type-check fails.
import { CancelMeetingInput, MeetingIdOnly } from '../domain';
import { defineAction } from '../server/kit/registry';

const never = async (): Promise<never> => {
  throw new Error('not called');
};

it('takes the contract\'s input schema for the action\'s name and refuses another (at compile time)', () => {
  const right = defineAction({ name: 'meeting.start', input: MeetingIdOnly, handler: never });
  // @ts-expect-error meeting.start is declared with meeting.cancel's input schema
  const wrong = defineAction({ name: 'meeting.start', input: CancelMeetingInput, handler: never });
  expect(right.name).toBe('meeting.start');
  expect(wrong.input).toBe(CancelMeetingInput);
});
