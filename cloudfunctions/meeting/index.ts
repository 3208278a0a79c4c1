// Cloud function `meeting`: convening (Art. 4), invitations and replies (Art. 5), the notice
// (Art. 7), the agenda (Art. 8) and check-in at the door. Its files are served by `meetingFiles`
// (files/index.ts, domain/functions.ts); their buttons are offered here by the same rules.
import { makeMain } from '../../server/kit/function';
import { defineArea, servedApart } from '../../server/kit/registry';
import { archiveRules, exportAttendanceRules, nameCardsRules, noticeDocumentRules, seatingDocumentRules, signInSheetRules } from '../../server/areas/meeting-files';
import { accept, decline } from './actions/answer';
import { attendance } from './actions/attendance';
import { advanceAgenda } from './actions/advanceAgenda';
import { board } from './actions/board';
import { attachMaterial, material } from './actions/materials';
import { seating, setSeating } from './actions/seating';
import { checkIn, checkInCode, doorTokenAction, undoCheckIn } from './actions/checkIn';
import { invite, uninvite } from './actions/invite';
import { adjourn, cancel, start } from './actions/lifecycle';
import { issueNotice, updateAgenda } from './actions/notice';
import { openCollection } from './actions/openCollection';
import { get, list } from './actions/read';
import { reply } from './actions/reply';
import { request } from './actions/request';
import { results } from './actions/results';
import { resultsYear } from './actions/resultsYear';
import { reschedule, setPresiding } from './actions/schedule';

export const area = defineArea('meeting', [
  request, accept, decline, openCollection, reschedule, invite, uninvite, setPresiding, updateAgenda, issueNotice,
  reply, checkInCode, doorTokenAction, checkIn, undoCheckIn, board, start, advanceAgenda, seating, setSeating,
  servedApart(seatingDocumentRules), servedApart(nameCardsRules), attachMaterial, material, adjourn, cancel, attendance,
  servedApart(exportAttendanceRules), servedApart(noticeDocumentRules), list, get, servedApart(signInSheetRules), servedApart(archiveRules),
  results, resultsYear,
]);
export const main = makeMain(area);
