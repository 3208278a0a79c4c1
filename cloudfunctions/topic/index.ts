// Cloud function `topic`: collection, screening, the opinion round and the two-sided list (Art. 3, 6).
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { accept } from './actions/accept';
import { addOpinion } from './actions/addOpinion';
import { confirmList } from './actions/confirmList';
import { exportReplies } from './actions/exportReplies';
import { get } from './actions/get';
import { list } from './actions/list';
import { listStatus } from './actions/listStatus';
import { merge } from './actions/merge';
import { noOpinion } from './actions/noOpinion';
import { noOpinionAll } from './actions/noOpinionAll';
import { resubmit } from './actions/resubmit';
import { returnTopic } from './actions/return';
import { revokeConfirmation } from './actions/revokeConfirmation';
import { submit } from './actions/submit';
import { update } from './actions/update';
import { withdraw } from './actions/withdraw';

export const area = defineArea('topic', [
  submit, update, withdraw, resubmit, accept, returnTopic, merge, addOpinion, noOpinion, noOpinionAll, confirmList, revokeConfirmation, list, get, listStatus, exportReplies,
]);
export const main = makeMain(area);
