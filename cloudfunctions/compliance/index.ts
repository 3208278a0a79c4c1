// Cloud function `compliance` (issue #12, Art. 12): the annual assessment of the city and its
// counties — read only, computed from each org's meetings, topics and checklists of the year.
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { exportWorkbook, org, overview } from './actions';

export const area = defineArea('compliance', [overview, org, exportWorkbook]);
export const main = makeMain(area);
