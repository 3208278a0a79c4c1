// people.list / people.get — issue #11: anyone in the org looks people up (the parent org's
// offices read a county's); phone numbers masked except to the person and their side's office.
// Issue #19, the people picker: filters by side, Art. 5 category and unit, and `purpose` — only
// the people the caller may invite (Art. 5: active, of the sides their office invites) or give a
// task (Art. 11: `mayAssignTo`). The side rules stay here; the picker never judges them.
import { ListPeopleInput, PersonIdInput, assignableRoles, invitableSides, mayAssignTo, personSide, type Actor, type Person } from '../../../domain';
import { fillsCategory, type PickPurpose } from '../../../domain/workbench';
import { offeredActions } from '../../../server/kit/access';
import { defineAction } from '../../../server/kit/registry';
import { findAll, type Store } from '../../../server/store/port';
import { orgFacts, orgKind, personKind, unitId, type UnitDoc } from '../../../server/areas/people';
import { toPersonCard, toPersonView } from '../views';

const PAGE = 50;

/** The fields a search looks in: each has an (orgId, field) index (server/store/indexes.ts). */
const SEARCHED = ['name', 'unit', 'title'] as const;

/**
 * Issue #25: the people whose name, unit or post begins with `needle`, each field read through its
 * (orgId, field) index as a range [needle, needle + U+10FFFF) — never the whole directory. The bound
 * assumes the database orders text by code point (C / C.UTF-8, as PGlite and scripts/pg-server.sh);
 * `startsWith` keeps only true matches whatever the order. Sorted by name, then id.
 * Issue #19: an office searches units by the words it uses — 「财政」 for 市财政局, 「人社局」 for
 * 市人社局 — so a unit also matches anywhere in its name: the org's units (tens, from the `units`
 * records, not its people) are matched in full, and their people read by (orgId, unit).
 */
async function searchPeople(store: Store, orgId: string, needle: string): Promise<Person[]> {
  const range = { gte: needle, lt: `${needle}\u{10FFFF}` };
  const units = (await findAll<UnitDoc>(store, 'units', { orgId }, [['name', 'asc']])).map((u) => u.name).filter((n) => n.includes(needle) && !n.startsWith(needle));
  const found = await Promise.all([
    ...SEARCHED.map((f) => findAll<Person>(store, 'users', { orgId, [f]: range }, [[f, 'asc']])),
    units.length ? findAll<Person>(store, 'users', { orgId, unit: { in: units } }, [['unit', 'asc']]) : Promise.resolve([]),
  ]);
  const byId = new Map<string, Person>();
  for (const p of found.flat()) if (SEARCHED.some((f) => (p[f] ?? '').startsWith(needle)) || (p.unit ?? '').includes(needle)) byId.set(p._id, p);
  return [...byId.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
}

/** Whether the caller may choose this person for the purpose (the same rules meeting.invite and task.assign apply). */
export function mayPick(actor: Actor, p: Person, purpose: PickPurpose): boolean {
  if (p.active === false || p.orgId !== actor.orgId) return false;
  return purpose === 'invite' ? invitableSides(actor.roles).includes(personSide(p.roles)) : mayAssignTo(actor.roles, p.roles);
}

export const list = defineAction({
  name: 'people.list',
  input: ListPeopleInput,
  record: orgKind,
  handler: async ({ q, cursor, side, category, unitId: unit, purpose }, ctx) => {
    const org = ctx.record;
    const needle = q?.trim();
    let page: Person[];
    let nextCursor: string | undefined;
    if (!needle && !side && !category && !unit && !purpose) {
      // the directory in name order: one indexed page (orgId, name) with the store's cursor
      const found = await ctx.store.find<Person>('users', { orgId: org._id }, { sort: [['name', 'asc']], limit: PAGE, cursor });
      page = found.items;
      nextCursor = found.nextCursor;
    } else {
      // a search reads the people whose name or post begins with its words, or whose unit holds them
      // (indexed; the units read whole, they are few); a filter
      // alone reads the org's directory (hundreds of people) and keeps the matches
      const all = needle ? await searchPeople(ctx.store, org._id, needle) : await findAll<Person>(ctx.store, 'users', { orgId: org._id }, [['name', 'asc']]);
      const hits = all.filter((p) =>
        (!side || personSide(p.roles) === side)
        && (!category || fillsCategory(p.roles, category))
        && (!unit || (p.unitId ?? unitId(p.orgId, p.unit)) === unit)
        && (!purpose || mayPick(ctx.actor, p, purpose)));
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
