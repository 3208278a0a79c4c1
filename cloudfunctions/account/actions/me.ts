// account.me — who the caller is: person, org, roles (RULES.md "Roles").
import { MeInput } from '../../../domain';
import { defineAction } from '../../../server/kit/registry';
import { loadMe } from '../views';

export const me = defineAction({
  name: 'account.me',
  input: MeInput,
  handler: (_input, { store, actor }) => loadMe(store, actor),
});
