// Issue #18: each action of the meeting area with its triple — no permission, permission, wrong state
// (test/support/triples.ts). `state`: the action has a state rule, tested with its example's
// `wrongState` (test/support/action-examples.ts); otherwise why none applies. The list must be the
// area's registered actions: a new action fails here until its triple is added.
import { actionTriples } from '../../test/support/triples';

actionTriples('meeting', {
  request: 'n/a: creates a new meeting; no record is in a state yet',
  accept: 'state',
  decline: 'state',
  openCollection: 'state',
  reschedule: 'state',
  invite: 'state',
  uninvite: 'state',
  setPresiding: 'state',
  updateAgenda: 'state',
  issueNotice: 'state',
  reply: 'state',
  checkInCode: 'state',
  doorToken: 'state',
  board: 'n/a: a read; it moves nothing',
  checkIn: 'state',
  undoCheckIn: 'state',
  start: 'state',
  seating: 'n/a: a read; it moves nothing',
  setSeating: 'state',
  seatingDocument: 'n/a: a read; it moves nothing',
  nameCards: 'n/a: a read; it moves nothing',
  attachMaterial: 'state',
  material: 'n/a: a read; it moves nothing',
  advanceAgenda: 'state',
  adjourn: 'state',
  cancel: 'state',
  attendance: 'n/a: a read; it moves nothing',
  exportAttendance: 'n/a: a read; it moves nothing',
  signInSheet: 'n/a: a read; it moves nothing',
  archive: 'n/a: a read; it moves nothing',
  noticeDocument: 'state',
  list: 'n/a: a read; it moves nothing',
  get: 'n/a: a read; it moves nothing',
  results: 'n/a: a read; it moves nothing',
  resultsYear: 'n/a: a read; it moves nothing',
});
