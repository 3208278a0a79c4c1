// Issue #18: each action of the people area with its triple — no permission, permission, wrong state
// (test/support/triples.ts). `state`: the action has a state rule, tested with its example's
// `wrongState` (test/support/action-examples.ts); otherwise why none applies. The list must be the
// area's registered actions: a new action fails here until its triple is added.
import { actionTriples } from '../../test/support/triples';

actionTriples('people', {
  list: 'n/a: a read; it moves nothing',
  get: 'n/a: a read; it moves nothing',
  create: 'n/a: creates a new person; no record is in a state yet',
  update: 'n/a: a person’s details may be corrected in any state',
  setRoles: 'n/a: roles may be corrected in any state (the side and self rules are permission rules)',
  deactivate: 'state',
  import: 'n/a: creates new people; no record is in a state yet',
  inviteCode: 'state',
});
