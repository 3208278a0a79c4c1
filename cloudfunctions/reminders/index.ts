// Cloud function `reminders` (issue #10): the timer's tick — reply reminders, the eve of a meeting,
// minutes waiting for review, tasks due soon and overdue — and subscription messages held by
// quiet hours. Started by its timer trigger (config.json) in WeChat and by the local host's
// interval, as the system actor through the router.
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { tick } from './tick';

export const area = defineArea('reminders', [tick]);
export const main = makeMain(area, { timerAction: 'tick' });
