// Issue #18: each action of the topic area with its triple — no permission, permission, wrong state
// (test/support/triples.ts). `state`: the action has a state rule, tested with its example's
// `wrongState` (test/support/action-examples.ts); otherwise why none applies. The list must be the
// area's registered actions: a new action fails here until its triple is added.
import { actionTriples } from '../../test/support/triples';

actionTriples('topic', {
  submit: 'state',
  update: 'state',
  withdraw: 'state',
  resubmit: 'state',
  accept: 'state',
  return: 'state',
  merge: 'state',
  addOpinion: 'state',
  noOpinion: 'state',
  noOpinionAll: 'state',
  confirmList: 'state',
  revokeConfirmation: 'state',
  list: 'n/a: a read; it moves nothing',
  get: 'n/a: a read; it moves nothing',
  exportReplies: 'n/a: a read; it moves nothing',
  listStatus: 'n/a: a read; it moves nothing',
});
