// Issue #18: each action of the reminders area with its triple — no permission, permission, wrong state
// (test/support/triples.ts). `state`: the action has a state rule, tested with its example's
// `wrongState` (test/support/action-examples.ts); otherwise why none applies. The list must be the
// area's registered actions: a new action fails here until its triple is added.
import { actionTriples } from '../../test/support/triples';

actionTriples('reminders', {
  tick: 'n/a: the timer; it acts on whatever is due',
});
