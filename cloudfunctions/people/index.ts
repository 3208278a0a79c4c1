// Cloud function `people` (issue #11): each org's directory — its offices keep their own side's
// people, give roles, deactivate, import a spreadsheet and hand out invite codes for binding.
import { makeMain } from '../../server/kit/function';
import { defineArea } from '../../server/kit/registry';
import { importPeople } from './actions/import';
import { get, list } from './actions/read';
import { create, deactivate, inviteCode, setRoles, update } from './actions/write';

export const area = defineArea('people', [list, get, create, update, setRoles, deactivate, importPeople, inviteCode]);
export const main = makeMain(area);
