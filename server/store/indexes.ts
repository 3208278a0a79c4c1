// Every collection and the indexes its queries need, declared once; both adapters read this list.
// A page's query that no index here serves is a bug (DESIGN.md "Store"); the queries the actions make
// are listed in server/store/queries.ts, and test/store-explain.test.ts checks an index serves each.

export interface IndexDef {
  /** field paths, dotted for nested fields */
  fields: readonly string[];
  unique?: boolean;
  /** one array field queried with `hasAny` (a GIN index in Postgres, a multikey index in CloudBase) */
  array?: boolean;
  /**
   * Issue #25: fields carried in the index without ordering it (PostgreSQL `INCLUDE`), so a count
   * that also filters on them is answered from the index alone (an Index Only Scan). CloudBase has
   * no such thing and ignores them.
   */
  include?: readonly string[];
}

export const COLLECTIONS = {
  orgs: [{ fields: ['parentId'] }],
  users: [
    { fields: ['openid'], unique: true }, { fields: ['devKey'], unique: true }, { fields: ['roles'], array: true },
    // issue #11: the desk login; an org's people, and its directory in name order, paged
    { fields: ['login'], unique: true }, { fields: ['orgId', 'name'] },
    // issue #25: people.list's search, by the beginning of a unit or a post (and of a name, above)
    { fields: ['orgId', 'unit'] }, { fields: ['orgId', 'title'] },
  ],
  /** issue #11: invite codes by their hash (`_id`); a person's earlier codes are voided by a new one */
  invites: [{ fields: ['personId'] }, { fields: ['expiresAt'] }],
  /** issue #11: the units of an org (departments, union departments, representatives' workplaces) */
  units: [{ fields: ['orgId', 'name'] }],
  // issue #25: the reminders tick reads the held and minuted meetings of every org by status
  meetings: [{ fields: ['orgId', 'plannedAt'] }, { fields: ['orgId', 'status'] }, { fields: ['status', 'plannedAt'] }],
  /** Art. 5: one per invitee of a meeting; "my invitations", unanswered first, soonest first */
  invitations: [{ fields: ['meetingId', 'side', 'invitedAt'], include: ['answered', 'answer', 'presentAt'] }, { fields: ['personId', 'answered', 'plannedAt'] }],
  audit: [{ fields: ['actorId', 'at'] }, { fields: ['action', 'at'] }],
  idempotency: [{ fields: ['expiresAt'] }],
  /** messages written with an action's writes, delivered after its commit (server/notify/outbox.ts) */
  outbox: [{ fields: ['state', 'createdAt'] }],
  /** per-person-per-day counters of rate limits (server/security/quota.ts) */
  counters: [{ fields: ['expiresAt'] }],
  topics: [
    { fields: ['createdBy', 'createdAt'] },
    { fields: ['createdBy', 'submitDay'] },
    { fields: ['orgId', 'routedTo', 'status', 'createdAt'], include: ['meetingId'] },
    // the meeting's list pages by creation time, with and without a status or an audience
    { fields: ['meetingId', 'createdAt'] },
    // issue #25: with what "awaiting an opinion" tests, so its counts read the index alone
    { fields: ['meetingId', 'status', 'createdAt'], include: ['leadSide', 'otherSideOpinions', 'noOpinion'] },
    // who sees a topic in its meeting's list; also gives the planner statistics of the field, so
    // it knows most of a meeting is visible to an office and walks the createdAt order
    { fields: ['audience'], array: true },
  ],
  notifications: [
    { fields: ['recipientId', 'createdAt'], include: ['needsAction', 'doneAt'] }, { fields: ['recipientId', 'readAt'] },
    { fields: ['subjectId', 'milestone'], include: ['handledAt'] },
  ],
  settings: [{ fields: ['orgId', 'effectiveFrom'] }],
  /** Art. 9: one set per meeting (`_id` = meetingId); a reviewer's waiting minutes by org and stage */
  minutes: [{ fields: ['orgId', 'status'] }],
  /**
   * Art. 11: "my tasks", a meeting's checklist, and an org's overdue tasks (open, past dueAt). The
   * pages of "my tasks" and of the overdue list sort by dueAt and then `_id` (the store appends it),
   * so their indexes end in `_id` too: a page is then a range read of the index, never a sort of every
   * matching task (issue #25).
   */
  tasks: [
    { fields: ['ownerId', 'open', 'dueAt', '_id'] }, { fields: ['meetingId', 'dueAt'], include: ['decisionId'] },
    { fields: ['orgId', 'open', 'dueAt', '_id'], include: ['status', 'keeperRole'] },
  ],
  /** Art. 10: one release per meeting (`_id` = meetingId); an org's drafts wait for approval (issue #25) */
  press: [{ fields: ['orgId', 'status'] }],
  /** issue #10: scheduled reminders, taken by the tick when due (and claims a dead tick left) */
  reminders: [{ fields: ['state', 'dueAt'] }, { fields: ['state', 'claimedAt'] }],
  /** issue #10: the consent ledger, one per person and template (`_id` = personId:templateKey) */
  subscriptions: [{ fields: ['personId'] }],
  /** issue #10: every subscription message and its attempts; the queued ones by when they may go */
  deliveries: [{ fields: ['state', 'sendAt'] }, { fields: ['personId', 'createdAt'] }],
  /** issue #20: 催办, one per subject, person and day (`_id` = subject:id:personId:day) */
  chases: [{ fields: ['subjectId', 'at'] }],
  /** issue #20: every SMS and its attempts (the strong channel); counted per person and day for the cap */
  sms: [{ fields: ['state', 'sendAt'] }, { fields: ['personId', 'day'] }],
  /** issue #20: SMS sent per person and Shanghai day (`_id` = personId:day), the daily cap */
  sms_days: [],
  /** issue #22: each opening of a meeting's material, listed for the office */
  material_openings: [{ fields: ['meetingId', 'at'] }],
} as const satisfies Record<string, readonly IndexDef[]>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/**
 * Issue #25: fields the queries filter on after an index has narrowed the rows (server/store/queries.ts),
 * kept beside the indexed ones as generated columns so that testing them reads a few bytes of the
 * row instead of decompressing the whole document. Every field of an index is a column too.
 */
export const FILTERED: Partial<Record<CollectionName, readonly string[]>> = {
  // Art. 6: "awaiting an opinion" (server/areas/topic.ts awaitingOpinionFilter) and its side
  topics: ['leadSide', 'otherSideOpinions', 'noOpinion'],
  // a decision's tasks; the tasks an office keeps and verifies; the assessment's on time / extended
  tasks: ['decisionId', 'keeperRole', 'status', 'onTime', 'extended'],
  // the open to-dos of a person or a subject (server/notify/notify.ts, todos.ts)
  notifications: ['needsAction', 'doneAt', 'handledAt'],
  // the unit heads of an org (cloudfunctions/reminders/resolve.ts)
  users: ['unitHead'],
  // a meeting's replies at a glance (cloudfunctions/meeting/views.ts)
  invitations: ['answer', 'presentAt'],
};

/** The fields of a collection held in generated columns: those of its indexes, then FILTERED. */
export function columnFields(collection: CollectionName): readonly string[] {
  const defs: readonly IndexDef[] = COLLECTIONS[collection];
  // `_id` ends some indexes but is the primary key column, never a generated one
  return [...new Set([...defs.flatMap((d) => [...d.fields, ...(d.include ?? [])]), ...(FILTERED[collection] ?? [])])].filter((f) => f !== '_id');
}
