// people.list / people.get — issue #11: anyone in the org looks people up (the parent org's
// offices read a county's); phone numbers masked except to the person and their side's office.
import { ListPeopleInput, PersonIdInput, assignableRoles, type Person } from '../../../domain';
import { offeredActions } from '../../../server/access';
import { defineAction } from '../../../server/registry';
import { findAll } from '../../../server/store/port';
import { orgKind, personKind } from '../model';
import { toPersonCard, toPersonView } from '../views';

const PAGE = 50;

export const list = defineAction({
  name: 'people.list',
  input: ListPeopleInput,
  record: orgKind,
  handler: async ({ q, cursor }, ctx) => {
    const org = ctx.record;
    // one indexed query by org; an org's directory is hundreds of people, filtered and paged here
    const all = await findAll<Person>(ctx.store, 'users', { orgId: org._id }, [['name', 'asc']]);
    const needle = q?.trim();
    const hits = needle ? all.filter((p) => [p.name, p.unit, p.title].some((f) => f.includes(needle))) : all;
    const start = cursor ? Math.max(0, Number.parseInt(cursor.replace(/\D/g, '') || '0', 10)) : 0;
    const page = hits.slice(start, start + PAGE);
    return {
      items: page.map((p) => toPersonCard(p, ctx.actor)),
      ...(start + PAGE < hits.length ? { nextCursor: `o${start + PAGE}` } : {}),
      allowedActions: offeredActions(orgKind, ctx.actor, { record: org, facts: { kind: 'org', orgId: org._id, ...(org.parentId ? { orgParentId: org.parentId } : {}) } }),
      assignableRoles: assignableRoles(ctx.actor.roles),
    };
  },
});

export const get = defineAction({
  name: 'people.get',
  input: PersonIdInput,
  record: personKind,
  handler: async (_input, ctx) => toPersonView(ctx.record, ctx.actor),
});
