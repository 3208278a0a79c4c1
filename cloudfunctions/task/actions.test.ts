// Issue #18: each action of the task area with its triple — no permission, permission, wrong state
// (test/support/triples.ts). `state`: the action has a state rule, tested with its example's
// `wrongState` (test/support/action-examples.ts); otherwise why none applies. The list must be the
// area's registered actions: a new action fails here until its triple is added.
import { actionTriples } from '../../test/support/triples';

actionTriples('task', {
  assign: 'state',
  report: 'state',
  complete: 'state',
  verify: 'state',
  sendBack: 'state',
  explain: 'state',
  requestDeadline: 'state',
  decideDeadline: 'state',
  setDeadline: 'state',
  list: 'n/a: a read; it moves nothing',
  get: 'n/a: a read; it moves nothing',
  evidence: 'n/a: a read; it moves nothing',
  exportChecklist: 'n/a: a read; it moves nothing',
});
