// Cloud function `meeting`: convening (Art. 4), invitations and replies (Art. 5), the notice
// (Art. 7), the agenda (Art. 8) and check-in at the door.
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { accept, decline } from './actions/answer';
import { attendance } from './actions/attendance';
import { advanceAgenda } from './actions/advanceAgenda';
import { board } from './actions/board';
import { attachMaterial, material } from './actions/materials';
import { nameCards, seating, seatingDocument, setSeating } from './actions/seating';
import { checkIn, checkInCode, doorTokenAction, undoCheckIn } from './actions/checkIn';
import { archive } from './actions/archive';
import { exportAttendance } from './actions/exportAttendance';
import { invite, uninvite } from './actions/invite';
import { adjourn, cancel, start } from './actions/lifecycle';
import { issueNotice, updateAgenda } from './actions/notice';
import { noticeDocument } from './actions/noticeDocument';
import { openCollection } from './actions/openCollection';
import { get, list } from './actions/read';
import { reply } from './actions/reply';
import { request } from './actions/request';
import { results } from './actions/results';
import { resultsYear } from './actions/resultsYear';
import { reschedule, setPresiding } from './actions/schedule';
import { signInSheet } from './actions/signInSheet';

export const area = defineArea('meeting', [
  request, accept, decline, openCollection, reschedule, invite, uninvite, setPresiding, updateAgenda, issueNotice,
  reply, checkInCode, doorTokenAction, checkIn, undoCheckIn, board, start, advanceAgenda, seating, setSeating, seatingDocument, nameCards, attachMaterial, material, adjourn, cancel, attendance, exportAttendance, noticeDocument, list, get,
  signInSheet, archive, results, resultsYear,
]);
export const main = makeMain(area);
