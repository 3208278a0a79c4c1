// Issue #18: each action of the account area with its triple — no permission, permission, wrong state
// (test/support/triples.ts). `state`: the action has a state rule, tested with its example's
// `wrongState` (test/support/action-examples.ts); otherwise why none applies. The list must be the
// area's registered actions: a new action fails here until its triple is added.
import { actionTriples } from '../../test/support/triples';

actionTriples('account', {
  me: 'n/a: a read; it moves nothing',
  home: 'n/a: a read; it moves nothing',
  signIn: 'n/a: signing in names no record in a workflow (a wrong password is unauthenticated, not a state)',
  redeemInvite: 'n/a: a used or expired code is a wrong code (refused as such), not a record state',
  bind: 'n/a: a used or expired code is a wrong code (refused as such), not a record state',
  changePassword: 'n/a: the caller’s own password; no workflow',
  signOut: 'n/a: ends the caller’s own session; no workflow',
});
