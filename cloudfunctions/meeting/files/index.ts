// Cloud function `meetingFiles`: the meeting area's files (domain/functions.ts SERVED_APART) — the
// attendance list and sign-in sheet (Art. 5, 8), the notice as issued (Art. 7), the seating chart
// and 桌签 (Art. 8) and the meeting's archive (Art. 11). Same area, same action names and rules as
// the meeting function, which offers these buttons on the meeting it shows.
import { makeMain } from '../../../server/kit/function';
import { defineArea } from '../../../server/kit/registry';
import { archive } from './archive';
import { exportAttendance } from './exportAttendance';
import { noticeDocument } from './noticeDocument';
import { nameCards, seatingDocument } from './seating';
import { signInSheet } from './signInSheet';

export const area = defineArea('meeting', [seatingDocument, nameCards, exportAttendance, noticeDocument, signInSheet, archive]);
export const main = makeMain(area);
