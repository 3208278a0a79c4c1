// Cloud function `task` (Art. 11, Art. 3 (1)): the implementation checklist — assigned against the
// decided items, reported and completed by the responsible unit, verified by the keeping office;
// its deadline moved only by the keeping office, on request or itself (issue #16).
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { assign } from './actions/assign';
import { decideDeadline, requestDeadline, setDeadline } from './actions/deadline';
import { exportChecklist } from './actions/export';
import { evidence, get, list } from './actions/read';
import { sendBack, verify } from './actions/verify';
import { complete, explain, report } from './actions/work';

export const area = defineArea('task', [assign, report, complete, verify, sendBack, explain, requestDeadline, decideDeadline, setDeadline, list, get, evidence, exportChecklist]);
export const main = makeMain(area);
