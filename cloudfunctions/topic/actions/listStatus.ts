// topic.listStatus — the confirmation page: each side's confirmation, counts, the opinion round and
// the accepted topics, a page at a time.
import { ListStatusInput } from '../../../domain';
import { offeredActions } from '../../../server/kit/access';
import { defineAction } from '../../../server/kit/registry';
import { listKind, listStatusView } from '../list-status';

export const listStatus = defineAction({
  name: 'topic.listStatus',
  input: ListStatusInput,
  record: listKind,
  handler: async ({ cursor }, ctx) => {
    const { meeting } = ctx.record;
    const offered = offeredActions(listKind, ctx.actor, { record: ctx.record, facts: { kind: 'org', orgId: meeting.orgId } });
    return listStatusView(ctx.store, meeting, ctx.actor, offered, cursor);
  },
});
