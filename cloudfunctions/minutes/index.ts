// Cloud function `minutes` (Art. 9): drafted by the union office, approved by the union side and
// then the government side, issued as the 联席会议纪要; every version kept.
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { setAttendance } from './actions/attendance';
import { save, submit } from './actions/draft';
import { issue } from './actions/issue';
import { document, get } from './actions/read';
import { approve, returnMinutes } from './actions/review';

export const area = defineArea('minutes', [save, setAttendance, submit, approve, returnMinutes, issue, get, document]);
export const main = makeMain(area);
