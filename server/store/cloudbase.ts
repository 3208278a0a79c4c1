// CloudBase adapter of the store port (DESIGN.md "Store") over the wx-server-sdk database API.
// It never imports wx-server-sdk: the cloud function passes `cloud.database()` in, typed by the
// small structural interface below (only what this file calls), so tests can use a stand-in.
//
// CloudBase limits honoured here: no `where` inside a transaction (everything there is by id),
// at most 100 documents a page, and update objects are merged into nested fields by the SDK
// unless wrapped in `command.set`, so a shallow patch wraps every object value.

import { AppError, isAppError } from '../../domain/errors';
import { COLLECTIONS, type IndexDef } from './indexes';
import type { Filter, FindOptions, NewDoc, Page, Patch, Store, StoredDoc, TxStore } from './port';
import {
  MAX_LIMIT,
  assertCollection,
  checkLimit,
  decodeCursor,
  encodeCursor,
  newId,
  normalizeFilter,
  normalizeSort,
  splitPatch,
  type NormalCondition,
} from './sql';

// ---------------------------------------------------------------------------------------------
// The subset of the wx-server-sdk database API this adapter uses
// ---------------------------------------------------------------------------------------------

/** Command objects are opaque to us: we only build them and hand them back to the SDK. */
export type CloudCommandToken = unknown;

export interface CloudCommand {
  eq(value: unknown): CloudCommandToken;
  neq(value: unknown): CloudCommandToken;
  in(values: readonly unknown[]): CloudCommandToken;
  gt(value: unknown): CloudCommandToken;
  gte(value: unknown): CloudCommandToken;
  lt(value: unknown): CloudCommandToken;
  lte(value: unknown): CloudCommandToken;
  and(...conditions: CloudCommandToken[]): CloudCommandToken;
  /** update: replace the field's value as a whole (plain objects would be merged field by field) */
  set(value: unknown): CloudCommandToken;
  /** update: delete the field */
  remove(): CloudCommandToken;
}

export type CloudData = Record<string, unknown>;

export interface CloudDocRef {
  /** throws `document.get:fail document with _id … does not exist` unless `throwOnNotFound: false` */
  get(): Promise<{ data: unknown }>;
  /** replaces the whole document (upsert); `data` must not contain `_id` */
  set(options: { data: CloudData }): Promise<unknown>;
  update(options: { data: CloudData }): Promise<{ stats: { updated: number } }>;
}

export interface CloudQuery {
  where(condition: CloudData): CloudQuery;
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery;
  skip(offset: number): CloudQuery;
  limit(max: number): CloudQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: CloudData }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface CloudCollection extends CloudQuery {
  doc(id: string): CloudDocRef;
  add(options: { data: CloudData }): Promise<{ _id?: string }>;
}

/** Inside a transaction only id-addressed document operations exist. */
export interface CloudTransaction {
  collection(name: string): { doc(id: string): CloudDocRef };
}

export interface CloudDb {
  readonly command: CloudCommand;
  collection(name: string): CloudCollection;
  /** `fn` may run several times: the SDK retries it on a transaction conflict */
  runTransaction<R>(fn: (tx: CloudTransaction) => Promise<R>, times?: number): Promise<R>;
  createCollection(name: string): Promise<unknown>;
}

// ---------------------------------------------------------------------------------------------
// Error mapping: SDK messages carry environment ids and internals, so they never reach a client
// ---------------------------------------------------------------------------------------------

function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (typeof e === 'object' && e !== null) {
    const r = e as { errMsg?: unknown; message?: unknown };
    return [r.errMsg, r.message].filter((x): x is string => typeof x === 'string').join(' ');
  }
  return '';
}

function errorCode(e: unknown): unknown {
  return typeof e === 'object' && e !== null ? (e as { errCode?: unknown }).errCode : undefined;
}

function isNotFound(e: unknown): boolean {
  return /does not exist/i.test(errorText(e));
}

/**
 * Conflicts the caller can act on (refresh and retry): a duplicate `_id` or unique key (MongoDB
 * E11000), or a transaction that still collided after the SDK's own retries.
 */
function isConflict(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === 'DATABASE_TRANSACTION_CONFLICT' || /E11000|duplicate key|transaction conflict/i.test(errorText(e));
}

/** Everything unexpected becomes `internal`; the original stays on the non-enumerable `cause`. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  if (isConflict(e)) return new AppError('conflict');
  const err = new AppError('internal');
  Object.defineProperty(err, 'cause', { value: e, enumerable: false, writable: true, configurable: true });
  return err;
}

async function guard<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toAppError(e);
  }
}

// ---------------------------------------------------------------------------------------------
// Translation helpers
// ---------------------------------------------------------------------------------------------

function asDoc<T>(data: unknown): T | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  return data as T;
}

/** `doc().get()` either throws "does not exist" or (with throwOnNotFound: false) gives null. */
async function getById<T>(ref: CloudDocRef): Promise<T | null> {
  try {
    const res = await ref.get();
    return asDoc<T>(res.data);
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

function conditionToCloud(cmd: CloudCommand, c: NormalCondition): unknown {
  switch (c.kind) {
    case 'eq':
      return cmd.eq(c.value);
    case 'ne':
      return cmd.neq(c.value);
    case 'in':
      return cmd.in(c.values);
    case 'hasAny':
      // on an array field `in` matches when any element is listed (MongoDB semantics)
      return cmd.in(c.values);
    case 'range': {
      const parts: unknown[] = [];
      const b = c.bounds;
      if (b.gt !== undefined) parts.push(cmd.gt(b.gt));
      if (b.gte !== undefined) parts.push(cmd.gte(b.gte));
      if (b.lt !== undefined) parts.push(cmd.lt(b.lt));
      if (b.lte !== undefined) parts.push(cmd.lte(b.lte));
      return parts.length === 1 ? parts[0] : cmd.and(...parts);
    }
  }
}

/** Dotted keys (`'meta.orgId'`) are native CloudBase paths, so a filter maps key for key. */
function whereOf(cmd: CloudCommand, filter: Filter): CloudData {
  const where: CloudData = {};
  for (const { field, cond } of normalizeFilter(filter)) where[field] = conditionToCloud(cmd, cond);
  return where;
}

/** Shallow patch → SDK update data: objects/arrays replaced whole, `undefined` keys removed. */
function updateData(cmd: CloudCommand, patch: object, version: number): CloudData {
  const { set, unset } = splitPatch(patch);
  const data: CloudData = {};
  for (const [k, v] of Object.entries(set)) data[k] = typeof v === 'object' && v !== null ? cmd.set(v) : v;
  for (const k of unset) data[k] = cmd.remove();
  data.version = version;
  return data;
}

/** `set` takes the document without `_id` (the SDK rejects it there). */
function withoutId(doc: Record<string, unknown>): CloudData {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

/** CloudBase pages by offset: the cursor is the next offset, tied to the query's sort. */
interface OffsetCursor {
  o: number;
  s: string;
}

function isOffsetCursor(v: unknown): v is OffsetCursor {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { o?: unknown; s?: unknown };
  return typeof r.o === 'number' && Number.isInteger(r.o) && r.o >= 0 && typeof r.s === 'string';
}

// ---------------------------------------------------------------------------------------------
// The adapter
// ---------------------------------------------------------------------------------------------

/**
 * Id-only operations inside `runTransaction`: update-if-version is get, check, then set.
 * Issue #24, fewer requests: a transaction reads a snapshot (the WeChat guide: reads return the
 * document's snapshot, writes change it), so each document is read from CloudBase at most once per
 * attempt — later reads, and the read inside an update, come from what this transaction already
 * read or wrote — and an insert under an id of our own making (a random UUID) skips the existence
 * read. Every attempt of `runTransaction` gets a new CloudTx, so nothing is kept across retries.
 */
class CloudTx implements TxStore {
  /** the documents this attempt has read or written, by collection and id (null: absent) */
  private readonly known = new Map<string, Record<string, unknown> | null>();

  constructor(private readonly tx: CloudTransaction) {}

  private ref(collection: string, id: string): CloudDocRef {
    return this.tx.collection(assertCollection(collection)).doc(id);
  }

  private async read(collection: string, id: string): Promise<Record<string, unknown> | null> {
    const key = `${collection}\u0000${id}`;
    if (this.known.has(key)) {
      const doc = this.known.get(key) ?? null;
      return doc === null ? null : structuredClone(doc);
    }
    const doc = await getById<Record<string, unknown>>(this.ref(collection, id));
    this.known.set(key, doc === null ? null : structuredClone(doc));
    return doc;
  }

  private wrote(collection: string, id: string, doc: Record<string, unknown>): void {
    this.known.set(`${collection}\u0000${id}`, structuredClone(doc));
  }

  // SDK errors are rethrown untouched here so the SDK can still recognise its own conflict
  // errors and retry; `CloudBaseStore.transaction` maps whatever finally escapes.
  async get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    return (await this.read(collection, id)) as T | null;
  }

  async insert<T extends StoredDoc>(collection: string, doc: NewDoc<T>): Promise<T> {
    const id = doc._id ?? newId();
    // `add` is not available by id in a transaction and `set` upserts, so a given id is looked up
    // first; a fresh random id cannot be taken.
    if (doc._id !== undefined && (await this.read(collection, id)) !== null) throw new AppError('conflict');
    const full = { ...doc, _id: id, version: 1 } as Record<string, unknown>;
    await this.ref(collection, id).set({ data: withoutId(full) });
    this.wrote(collection, id, full);
    return full as unknown as T;
  }

  async update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>): Promise<T> {
    const current = await this.read(collection, id);
    if (current === null) throw new AppError('not_found');
    if (current.version !== expectedVersion) throw new AppError('conflict');
    const { set, unset } = splitPatch(patch);
    const next: Record<string, unknown> = { ...current, ...set, _id: id, version: expectedVersion + 1 };
    for (const k of unset) delete next[k];
    await this.ref(collection, id).set({ data: withoutId(next) });
    this.wrote(collection, id, next);
    return next as unknown as T;
  }
}

export class CloudBaseStore implements Store {
  constructor(private readonly db: CloudDb) {}

  private coll(name: string): CloudCollection {
    return this.db.collection(assertCollection(name));
  }

  async get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    const ref = this.coll(collection).doc(id); // an unknown collection stays a plain Error
    return guard(() => getById<T>(ref));
  }

  async insert<T extends StoredDoc>(collection: string, doc: NewDoc<T>): Promise<T> {
    const coll = this.coll(collection);
    // Ids are ours (not CloudBase's) so both adapters make the same kind; `add` with an existing
    // `_id` fails with a duplicate-key error, which maps to conflict.
    const full = { ...doc, _id: doc._id ?? newId(), version: 1 } as Record<string, unknown>;
    await guard(() => coll.add({ data: full }));
    return full as unknown as T;
  }

  async update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>): Promise<T> {
    const coll = this.coll(collection);
    if (!Number.isInteger(expectedVersion)) throw new Error('expectedVersion must be an integer');
    // Atomic on the server: the version sits in the `where`, so of two racing writers one updates 0.
    const res = await guard(() =>
      coll.where({ _id: id, version: expectedVersion }).update({ data: updateData(this.db.command, patch, expectedVersion + 1) }),
    );
    // The SDK's update returns no document, so read it back; when nothing was updated the same
    // read tells a missing document (not_found) from a stale version (conflict).
    const doc = await guard(() => getById<T>(coll.doc(id)));
    if (doc === null) throw new AppError('not_found');
    if (res.stats.updated !== 1) throw new AppError('conflict');
    return doc;
  }

  async find<T extends StoredDoc>(collection: string, filter: Filter, options: FindOptions = {}): Promise<Page<T>> {
    const coll = this.coll(collection);
    const where = whereOf(this.db.command, filter);
    const limit = checkLimit(options.limit);
    const sort = normalizeSort(options.sort);
    const sortSig = sort.map(([f, d]) => `${f}:${d}`).join(',');
    let offset = 0;
    if (options.cursor !== undefined) {
      const c = decodeCursor(options.cursor);
      if (!isOffsetCursor(c) || c.s !== sortSig) throw new AppError('validation_error', undefined, { field: 'cursor' });
      offset = c.o;
    }
    let q = coll.where(where);
    for (const [f, d] of sort) q = q.orderBy(f, d);
    q = q.orderBy('_id', 'asc');
    // Ask for one extra row when the 100 cap allows it, so the last page has no cursor.
    const ask = Math.min(limit + 1, MAX_LIMIT);
    const page = q.skip(offset).limit(ask);
    const res = await guard(() => page.get());
    const rows = res.data.map((d) => asDoc<T>(d)).filter((d): d is T => d !== null);
    const items = rows.slice(0, limit);
    const more = rows.length > limit || (ask === limit && rows.length === limit);
    return more ? { items, nextCursor: encodeCursor({ o: offset + items.length, s: sortSig }) } : { items };
  }

  async count(collection: string, filter: Filter): Promise<number> {
    const coll = this.coll(collection);
    const where = whereOf(this.db.command, filter);
    const res = await guard(() => coll.where(where).count());
    return res.total;
  }

  async removeWhere(collection: string, filter: Filter): Promise<number> {
    const coll = this.coll(collection);
    const where = whereOf(this.db.command, filter);
    const res = await guard(() => coll.where(where).remove());
    return res.stats.removed;
  }

  async transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R> {
    // Errors thrown by `fn`'s own logic pass through unchanged; SDK errors (including a commit
    // that lost a conflict after the SDK's retries) are mapped.
    const fromFn = new WeakSet<object>();
    try {
      return await this.db.runTransaction(async (tx) => {
        try {
          return await fn(new CloudTx(tx));
        } catch (e) {
          if (typeof e === 'object' && e !== null && !looksLikeSdkError(e)) fromFn.add(e);
          throw e;
        }
      });
    } catch (e) {
      if (typeof e === 'object' && e !== null && fromFn.has(e)) throw e;
      throw toAppError(e);
    }
  }

  /**
   * Creates the collections. Indexes cannot be created from a cloud function: apply
   * `cloudbaseIndexPlan()` in the CloudBase console (see there).
   */
  async ensureSchema(): Promise<void> {
    for (const name of Object.keys(COLLECTIONS)) {
      try {
        await this.db.createCollection(name);
      } catch (e) {
        // Creating an existing collection fails; the SDK reports it with -502005 or a message
        // mentioning that the collection exists.
        if (errorCode(e) === -502005 || /exist/i.test(errorText(e))) continue;
        throw toAppError(e);
      }
    }
  }

  /** Tests only: removes documents 100 at a time (remove() takes no limit, so by listed ids). */
  async clearAll(): Promise<void> {
    const cmd = this.db.command;
    for (const name of Object.keys(COLLECTIONS)) {
      const coll = this.coll(name);
      for (;;) {
        const res = await guard(() => coll.where({}).limit(MAX_LIMIT).get());
        const ids = res.data.map((d) => asDoc<StoredDoc>(d)?._id).filter((id): id is string => typeof id === 'string');
        if (ids.length === 0) break;
        await guard(() => coll.where({ _id: cmd.in(ids) }).remove());
      }
    }
  }

  async maintain(): Promise<void> {
    // CloudBase keeps its own statistics: nothing to do.
  }

  async close(): Promise<void> {
    // The SDK holds no connection of ours to release.
  }
}

/**
 * SDK errors carry `errCode`/`errMsg` (or the backend's conflict code); domain errors thrown by a
 * transaction body do not. A write that meets another transaction's lock fails inside the body
 * with the conflict, which must still become `conflict` when it escapes.
 */
function looksLikeSdkError(e: object): boolean {
  return 'errCode' in e || 'errMsg' in e || isConflict(e);
}

// ---------------------------------------------------------------------------------------------
// Index plan for the console
// ---------------------------------------------------------------------------------------------

export interface CloudIndexPlanEntry {
  collection: string;
  /** a name to type into the console */
  name: string;
  unique: boolean;
  fields: Array<{ field: string; order: 'asc' }>;
}

/**
 * CloudBase indexes cannot be created through wx-server-sdk, so a person applies this list once
 * per environment: CloudBase console → 数据库 → (collection) → 索引管理 → 添加索引, entering the
 * name, 唯一/非唯一 as `unique`, and each field in order with 升序 (ascending; a compound index
 * serves both sort directions). Print it with e.g.
 * `console.table(cloudbaseIndexPlan().map(i => ({ ...i, fields: i.fields.map(f => f.field).join(', ') })))`.
 *
 * Caveat for unique indexes: MongoDB-style unique indexes count a missing field as null, so two
 * documents lacking e.g. `devKey` collide unless the index is sparse/partial. The Postgres adapter
 * uses a partial index; in CloudBase only create a unique index where every document has the
 * field, or where the console offers a sparse option.
 */
export function cloudbaseIndexPlan(): CloudIndexPlanEntry[] {
  const plan: CloudIndexPlanEntry[] = [];
  for (const [collection, defs] of Object.entries(COLLECTIONS) as Array<[string, readonly IndexDef[]]>) {
    for (const def of defs) {
      plan.push({
        collection,
        name: `${def.fields.map((f) => f.replace(/\./g, '_')).join('_')}${def.unique ? '_unique' : ''}`,
        unique: def.unique === true,
        fields: def.fields.map((field) => ({ field, order: 'asc' })),
      });
    }
  }
  return plan;
}
