// Which cloud function serves each action (issues #18 and #25: every function bundle within its
// budget). An area is one deployable function named after it, except the actions listed here:
// the meeting's files — the .docx/.xlsx downloads and the archive (Art. 5, 7, 8, 11) — are served
// by `meetingFiles`, so the meeting function every screen calls carries no document code (exceljs,
// docx and zip finishing load only where a file is made). The app calls `functionOf(name)`
// (src/services/api.ts), the local host serves POST /api/<function>, the build deploys one bundle
// per function (cloudfunctions/index.ts), and cloudfunctions/functions.test.ts holds the three
// to this table. Action names do not change: `meeting.archive` is still the meeting's action, with
// its row in the permission table, its audit rows and its button on the meeting.
import type { ActionName } from './permissions';

export const SERVED_APART = {
  'meeting.exportAttendance': 'meetingFiles',
  'meeting.signInSheet': 'meetingFiles',
  'meeting.noticeDocument': 'meetingFiles',
  'meeting.seatingDocument': 'meetingFiles',
  'meeting.nameCards': 'meetingFiles',
  'meeting.archive': 'meetingFiles',
} as const satisfies Partial<Record<ActionName, string>>;

/** The name of the cloud function that serves `name` (`area.verb`): its area's, unless served apart. */
export function functionOf(name: string): string {
  const apart: Readonly<Record<string, string>> = SERVED_APART;
  return apart[name] ?? name.slice(0, name.indexOf('.'));
}
