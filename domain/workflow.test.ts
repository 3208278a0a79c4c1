import { AppError } from './errors';
import { availableEvents, defineWorkflow, hasFlag, transition } from './workflow';
import { meetingWorkflow } from './workflows/meeting';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
};

describe('meeting workflow (Art. 4, 6, 7, 9)', () => {
  it('lets only the government office issue the notice (Art. 7)', () => {
    expect(transition(meetingWorkflow, 'list_fixed', 'issueNotice', ['gov_office'])).toBe('notice_issued');
    expect(code(() => transition(meetingWorkflow, 'list_fixed', 'issueNotice', ['union_office']))).toBe('forbidden');
  });

  it('lets the government side accept the union side\'s request, and either office open collection (Art. 4, 6)', () => {
    expect(transition(meetingWorkflow, 'requested', 'accept', ['gov_convenor'])).toBe('accepted');
    expect(code(() => transition(meetingWorkflow, 'requested', 'accept', ['union_office']))).toBe('forbidden');
    expect(transition(meetingWorkflow, 'accepted', 'openCollection', ['union_office'])).toBe('collecting');
    expect(code(() => transition(meetingWorkflow, 'accepted', 'openCollection', ['gov_department']))).toBe('forbidden');
    expect(code(() => transition(meetingWorkflow, 'requested', 'openCollection', ['union_office']))).toBe('invalid_transition');
  });

  it('refuses an edge that does not leave the current state, naming the state in Chinese', () => {
    expect(code(() => transition(meetingWorkflow, 'collecting', 'issueNotice', ['gov_office']))).toBe('invalid_transition');
    expect(() => transition(meetingWorkflow, 'closed', 'cancel', ['gov_office'])).toThrow('已办结');
  });

  it('accepts topics only while collecting', () => {
    expect(hasFlag(meetingWorkflow, 'collecting', 'accepts_topics')).toBe(true);
    expect(hasFlag(meetingWorkflow, 'list_fixed', 'accepts_topics')).toBe(false);
  });

  it('offers each role exactly the events it may fire', () => {
    expect(availableEvents(meetingWorkflow, 'list_fixed', ['gov_office']).sort()).toEqual(['cancel', 'issueNotice']);
    expect(availableEvents(meetingWorkflow, 'list_fixed', ['representative'])).toEqual([]);
  });
});

describe('defineWorkflow', () => {
  it('rejects a table with an edge to an unknown state or out of a terminal one', () => {
    expect(() =>
      defineWorkflow({ name: 'x', initial: 'a', states: { a: { label: 'A' } }, edges: [{ from: 'a', event: 'go', to: 'b' as 'a', roles: [], label: '' }] }),
    ).toThrow('unknown state b');
    expect(() =>
      defineWorkflow({ name: 'x', initial: 'a', states: { a: { label: 'A', terminal: true } }, edges: [{ from: 'a', event: 'go', to: 'a', roles: [], label: '' }] }),
    ).toThrow('terminal');
  });
});
