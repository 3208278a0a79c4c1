// Issue #18: each action of the notify area with its triple — no permission, permission, wrong state
// (test/support/triples.ts). `state`: the action has a state rule, tested with its example's
// `wrongState` (test/support/action-examples.ts); otherwise why none applies. The list must be the
// area's registered actions: a new action fails here until its triple is added.
import { actionTriples } from '../../test/support/triples';

actionTriples('notify', {
  inbox: 'n/a: a read; it moves nothing',
  unreadCount: 'n/a: a read; it moves nothing',
  markRead: 'n/a: the caller’s own messages; marking one read twice is harmless',
  recordConsent: 'n/a: the caller’s own consent ledger; no workflow',
  subscriptions: 'n/a: a read; it moves nothing',
  chase: 'state',
});
