// Issue #16: which deadline a task is judged against, and what a request may ask for.
import { fromCN } from './time';
import { deadlineHistory, deadlineRequestProblem, deadlineWhenDue, doneOnTime, wasExtended, type DeadlineEntry } from './task-rules';

const entry = (deadline: string, setAt: string, how: DeadlineEntry['how'] = 'approved'): DeadlineEntry => ({ deadline, setAt: fromCN(setAt, '10:00'), by: 'x', byName: 'x', how });
const original = entry('2026-11-30', '2026-11-01', 'original');

it('counts a change made before the deadline in force had passed, and none made after the task was overdue', () => {
  expect(deadlineWhenDue([original])).toBe('2026-11-30');
  // approved on the last day: in time
  expect(deadlineWhenDue([original, entry('2026-12-31', '2026-11-30')])).toBe('2026-12-31');
  // approved the day after: the task had already fallen due
  expect(deadlineWhenDue([original, entry('2026-12-31', '2026-12-01')])).toBe('2026-11-30');
  // in time, then in time again against the new one
  expect(deadlineWhenDue([original, entry('2026-12-10', '2026-11-20'), entry('2027-01-31', '2026-12-09')])).toBe('2027-01-31');
  // once late, a later change does not count either
  expect(deadlineWhenDue([original, entry('2026-12-31', '2026-12-05'), entry('2027-03-31', '2026-12-20')])).toBe('2026-11-30');
  // an earlier deadline set by the office in time counts
  expect(deadlineWhenDue([original, entry('2026-11-25', '2026-11-10', 'office')])).toBe('2026-11-25');
});

it('is on time when done before the end of that day in Shanghai', () => {
  const task = { deadline: '2026-12-31', assignedAt: original.setAt, assignedBy: 'x', keeperRole: 'union_office' as const, explanations: [], deadlines: [original, entry('2026-12-31', '2026-12-02')] };
  expect(doneOnTime({ ...task, completion: { at: fromCN('2026-11-30', '23:59') } })).toBe(true);
  expect(doneOnTime({ ...task, completion: { at: fromCN('2026-12-01', '00:00') } })).toBe(false);
  expect(wasExtended(task)).toBe(true);
  expect(wasExtended({ ...task, deadlines: [original] })).toBe(false);
});

it('derives the history of a task made before issue #16 from its explanations', () => {
  const legacy = {
    deadline: '2027-01-13', assignedAt: original.setAt, assignedBy: 'city-gov-office', keeperRole: 'gov_office' as const,
    explanations: [{ newDeadline: '2027-01-13', oldDeadline: '2026-08-26', by: 'city-ndrc', byName: '吴晓东', at: fromCN('2026-09-05') }],
  };
  expect(deadlineHistory(legacy).map((e) => [e.deadline, e.how, e.byName])).toEqual([['2026-08-26', 'original', '政府办公室'], ['2027-01-13', 'explained', '吴晓东']]);
});

it('a request asks for a later day than the deadline in force, not a past one', () => {
  const now = fromCN('2026-11-24', '10:00');
  expect(deadlineRequestProblem('2026-11-23', '2026-10-15', now)).toBe('新的完成时限不能早于今天');
  expect(deadlineRequestProblem('2026-11-30', '2026-11-30', now)).toBe('申请的新时限须晚于现行完成时限（2026-11-30）');
  expect(deadlineRequestProblem('2026-11-24', '2026-10-15', now)).toBeNull();
});
