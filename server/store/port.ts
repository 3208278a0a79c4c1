// The store port (DESIGN.md "Store"): a narrow document interface that both adapters implement —
// PGlite/PostgreSQL (default) and CloudBase (wx-server-sdk). Handlers only ever see this.

/** Every stored document has an id and a version for optimistic concurrency. */
export interface StoredDoc {
  _id: string;
  version: number;
}

export type Scalar = string | number | boolean | null;

/**
 * A condition on one field (top-level or dotted, e.g. `meta.orgId`):
 * a scalar means equality; otherwise an operator object. Conditions on several fields are ANDed.
 */
export type Condition =
  | Scalar
  | { in: readonly Scalar[] }
  | { ne: Scalar }
  /** the field is an array holding at least one of these strings (an indexed array field) */
  | { hasAny: readonly string[] }
  | { gt?: string | number; gte?: string | number; lt?: string | number; lte?: string | number };

export type Filter = Record<string, Condition>;

export type SortDir = 'asc' | 'desc';

export interface FindOptions {
  /** applied in order; `_id` asc is always appended as the final tie-breaker */
  sort?: ReadonlyArray<readonly [field: string, dir: SortDir]>;
  /** 1..100 (CloudBase's page cap); default 20 */
  limit?: number;
  /** opaque, from a previous page's `nextCursor` */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** present when there may be more */
  nextCursor?: string;
}

/** New documents: `_id` may be given (else the store makes one); `version` is always 1. */
export type NewDoc<T extends StoredDoc> = Omit<T, 'version' | '_id'> & { _id?: string };

/** Fields to set on update. `_id` and `version` cannot be set: the store manages them. */
export type Patch<T extends StoredDoc> = Partial<Omit<T, '_id' | 'version'>>;

/** Inside a transaction only id-addressed operations exist (CloudBase allows no `where` there). */
/** The default document type when a caller names none: any JSON fields besides `_id`/`version`. */
export type AnyDoc = StoredDoc & Record<string, unknown>;

export interface TxStore {
  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null>;
  insert<T extends StoredDoc = AnyDoc>(collection: string, doc: NewDoc<T>): Promise<T>;
  /** throws AppError('conflict') when the stored version differs from `expectedVersion` */
  update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>): Promise<T>;
}

export interface Store extends TxStore {
  find<T extends StoredDoc>(collection: string, filter: Filter, options?: FindOptions): Promise<Page<T>>;
  count(collection: string, filter: Filter): Promise<number>;
  /**
   * Runs `fn` atomically over a few documents addressed by id. `fn` may run more than once
   * (CloudBase retries), so it must not send messages or touch anything outside `tx`.
   */
  transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R>;
  /** Removes every document the filter matches; answers how many. For retention sweeps only. */
  removeWhere(collection: string, filter: Filter): Promise<number>;
  /** Creates collections and indexes (idempotent). Called once at start-up. */
  ensureSchema(): Promise<void>;
  /**
   * Keeps the query planner's statistics fresh (Postgres: ANALYZE, which a server's autovacuum does
   * by itself but the embedded PGlite never does). Run at start-up and by the timer's sweep.
   */
  maintain(): Promise<void>;
  /** Removes every document of every known collection (tests only). */
  clearAll(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A store that counts round trips to the database, so tests and bench/ can show that an action's
 * cost does not grow with the data stored. One is made per action call by the router.
 */
export class CountingStore implements Store {
  roundTrips = 0;

  constructor(private readonly inner: Store) {}

  /** the store this one counts for: per-process caches key on it, not on the per-call wrapper */
  get base(): Store {
    return this.inner instanceof CountingStore ? this.inner.base : this.inner;
  }

  private tick<R>(p: Promise<R>): Promise<R> {
    this.roundTrips += 1;
    return p;
  }

  get<T extends StoredDoc>(c: string, id: string) {
    return this.tick(this.inner.get<T>(c, id));
  }
  insert<T extends StoredDoc = AnyDoc>(c: string, doc: NewDoc<T>) {
    return this.tick(this.inner.insert<T>(c, doc));
  }
  update<T extends StoredDoc>(c: string, id: string, v: number, patch: Patch<T>) {
    return this.tick(this.inner.update<T>(c, id, v, patch));
  }
  find<T extends StoredDoc>(c: string, f: Filter, o?: FindOptions) {
    return this.tick(this.inner.find<T>(c, f, o));
  }
  count(c: string, f: Filter) {
    return this.tick(this.inner.count(c, f));
  }
  removeWhere(c: string, f: Filter) {
    return this.tick(this.inner.removeWhere(c, f));
  }
  /** A transaction counts as one round trip (it is one commit), however many documents it touches. */
  transaction<R>(fn: (tx: TxStore) => Promise<R>) {
    return this.tick(this.inner.transaction(fn));
  }
  ensureSchema() {
    return this.inner.ensureSchema();
  }
  maintain() {
    return this.tick(this.inner.maintain());
  }
  clearAll() {
    return this.inner.clearAll();
  }
  close() {
    return this.inner.close();
  }
}

/**
 * Every document a filter matches, page by page to the end: for the few places that must see all
 * of a set (the recipients of a message, the topics of a fixed list). Never cut silently.
 */
export async function findAll<T extends StoredDoc>(store: Store, collection: string, filter: Filter, sort?: FindOptions['sort']): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.find<T>(collection, filter, { sort, limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
