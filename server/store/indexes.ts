// Every collection and the indexes its queries need, declared once; both adapters read this list.
// A page's query that no index here serves is a bug (DESIGN.md "Store").

export interface IndexDef {
  /** field paths, dotted for nested fields */
  fields: readonly string[];
  unique?: boolean;
}

export const COLLECTIONS = {
  orgs: [{ fields: ['parentId'] }],
  users: [{ fields: ['openid'], unique: true }, { fields: ['devKey'], unique: true }, { fields: ['orgId'] }],
  meetings: [{ fields: ['orgId', 'plannedAt'] }, { fields: ['orgId', 'status'] }],
  audit: [{ fields: ['actorId', 'at'] }, { fields: ['action', 'at'] }],
  idempotency: [],
  topics: [
    { fields: ['createdBy', 'createdAt'] },
    { fields: ['createdBy', 'submitDay'] },
    { fields: ['orgId', 'routedTo', 'status', 'createdAt'] },
    { fields: ['meetingId', 'status'] },
    { fields: ['meetingId', 'routedTo'] },
  ],
  notifications: [{ fields: ['recipientId', 'createdAt'] }, { fields: ['recipientId', 'readAt'] }],
  settings: [{ fields: ['orgId', 'effectiveFrom'] }],
} as const satisfies Record<string, readonly IndexDef[]>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
