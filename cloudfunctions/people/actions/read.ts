// people.list / people.get — issue #11: anyone in the org looks people up (the parent org's
// offices read a county's); phone numbers masked except to the person and their side's office.
import { ListPeopleInput, PersonIdInput, assignableRoles, type Person } from '../../../domain';
import { offeredActions } from '../../../server/access';
import { defineAction } from '../../../server/registry';
import { findAll } from '../../../server/store/port';
import { orgFacts, orgKind, personKind } from '../model';
import { toPersonCard, toPersonView } from '../views';

const PAGE = 50;

export const list = defineAction({
  name: 'people.list',
  input: ListPeopleInput,
  record: orgKind,
  handler: async ({ q, cursor }, ctx) => {
    const org = ctx.record;
    const needle = q?.trim();
    let page: Person[];
    let nextCursor: string | undefined;
    if (!needle) {
      // the directory in name order: one indexed page (orgId, name) with the store's cursor
      const found = await ctx.store.find<Person>('users', { orgId: org._id }, { sort: [['name', 'asc']], limit: PAGE, cursor });
      page = found.items;
      nextCursor = found.nextCursor;
    } else {
      // a search reads the org's directory (hundreds of people) and matches name, unit or title
      const all = await findAll<Person>(ctx.store, 'users', { orgId: org._id }, [['name', 'asc']]);
      const hits = all.filter((p) => [p.name, p.unit, p.title].some((f) => f.includes(needle)));
      const start = cursor?.startsWith('q') ? Math.max(0, Number.parseInt(cursor.slice(1), 10) || 0) : 0;
      page = hits.slice(start, start + PAGE);
      nextCursor = start + PAGE < hits.length ? `q${start + PAGE}` : undefined;
    }
    return {
      items: page.map((p) => toPersonCard(p, ctx.actor)),
      ...(nextCursor ? { nextCursor } : {}),
      allowedActions: offeredActions(orgKind, ctx.actor, { record: org, facts: orgFacts(org) }),
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
