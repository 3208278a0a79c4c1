// An in-process stand-in for the subset of the wx-server-sdk database API that
// server/store/cloudbase.ts uses (DESIGN.md "Store": the real one needs Tencent's cloud).
// It follows the SDK's documented behaviour where the adapter depends on it:
// - collections must be created first (`createCollection`; using a missing one fails, -502005);
// - `doc(id).get()` of a missing document throws `document.get:fail document with _id … does not exist`;
// - `doc().set()` replaces the document and rejects `_id` in data; `add` with an existing `_id`
//   fails with a MongoDB duplicate-key (E11000) error;
// - update data is merged field by field: nested plain objects update nested paths unless
//   wrapped in `command.set`, `command.remove()` deletes, `undefined` values are ignored;
// - `where` takes equality objects (nested objects and dotted keys both address nested fields)
//   and command objects; equality with null also matches a missing field (MongoDB);
// - `limit` is clamped at 100: the documented per-request maximum for server-side `get`
//   (the backend's real ceiling differs by SDK version; 100 is what the store may rely on);
// - `where().remove()` refuses skip/limit/orderBy, as the SDK does;
// - transactions offer only `collection(name).doc(id)`; reads see a snapshot taken at first touch,
//   writes are staged and applied at commit. The WeChat guide (云开发 › 数据库 › 事务, "快照隔离"):
//   a write puts a transaction lock on the document; while it is locked, another transaction's
//   write fails at once (DATABASE_TRANSACTION_CONFLICT here, which `runTransaction` retries — 3
//   attempts, its documented default) and an ordinary write from outside *waits* until the lock is
//   released ("普通的更新操作会被阻塞，直到事务锁释放或者超时"); the transaction is not failed by it.
//   What the waiting writer gets on timeout is not documented: here it fails with -502001
//   "lock wait timeout" after `lockWaitMs` (default 3 s, the functions' default timeout), which the
//   adapter maps to `internal`. A document written outside after the transaction read it (an
//   unlocked read) makes the transaction's own write or commit fail with the conflict (snapshot).
// - every request is counted (`meter`): each get/add/update/set/remove/count/where-query inside
//   or outside a transaction, and a transaction's start and commit or rollback; a test takes the
//   counts of one function call with `takeMeter()` (requests, the most documents one transaction
//   wrote, the most requests one transaction made). The `requests` total is kept too.
// Unique indexes are configured in the CloudBase console, so here they are a constructor option;
// like the Postgres partial index, documents lacking an indexed field are not constrained.

import { randomUUID } from 'node:crypto';
import type {
  CloudCollection,
  CloudCommand,
  CloudData,
  CloudDb,
  CloudDocRef,
  CloudQuery,
  CloudTransaction,
} from '../../server/store/cloudbase';

type Doc = Record<string, unknown>;

class FakeCommand {
  constructor(
    readonly op: 'eq' | 'neq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte' | 'and' | 'set' | 'remove',
    readonly operands: unknown[],
  ) {}
}

export const fakeCommand: CloudCommand = {
  eq: (v) => new FakeCommand('eq', [v]),
  neq: (v) => new FakeCommand('neq', [v]),
  in: (vs) => new FakeCommand('in', [...vs]),
  gt: (v) => new FakeCommand('gt', [v]),
  gte: (v) => new FakeCommand('gte', [v]),
  lt: (v) => new FakeCommand('lt', [v]),
  lte: (v) => new FakeCommand('lte', [v]),
  // The SDK takes `and(a, b)` or `and([a, b])`.
  and: (...cs) => new FakeCommand('and', cs.length === 1 && Array.isArray(cs[0]) ? [...cs[0]] : cs),
  set: (v) => new FakeCommand('set', [v]),
  remove: () => new FakeCommand('remove', []),
};

// ---------------------------------------------------------------------------------------------
// Errors shaped like wx-server-sdk's (an Error with errCode and errMsg, "<api>:fail …")
// ---------------------------------------------------------------------------------------------

const ERR_TEXT: Record<number, string> = {
  [-501001]: 'resource system error',
  [-501007]: 'invalid parameters',
  [-502001]: 'database request fail',
  [-502005]: 'database collection not exists',
};

export function sdkError(api: string, errCode: number, detail: string): Error & { errCode: number; errMsg: string } {
  const message = errCode === -1 ? `${api}:fail ${detail}` : `${api}:fail ${errCode} ${ERR_TEXT[errCode] ?? ''}. ${detail}`;
  return Object.assign(new Error(message), { errCode, errMsg: message });
}

// ---------------------------------------------------------------------------------------------
// Values: paths, comparison, matching
// ---------------------------------------------------------------------------------------------

function isPlainObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof FakeCommand);
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(cur[part])) cur[part] = {};
    cur = cur[part] as Doc;
  }
  cur[parts[parts.length - 1]] = value;
}

function deletePath(doc: Doc, path: string): void {
  const parts = path.split('.');
  const parent = parts.length === 1 ? doc : getPath(doc, parts.slice(0, -1).join('.'));
  if (isPlainObject(parent)) delete parent[parts[parts.length - 1]];
}

/** MongoDB's cross-type order, reduced to the types JSON documents hold. */
function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  if (Array.isArray(v)) return 4;
  if (typeof v === 'object') return 3;
  if (typeof v === 'boolean') return 5;
  return 6;
}

function compare(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;
}

function equals(fieldValue: unknown, operand: unknown): boolean {
  if (operand === null) return fieldValue === null || fieldValue === undefined;
  // MongoDB: equality against an array field matches any element.
  if (Array.isArray(fieldValue) && !Array.isArray(operand)) return fieldValue.some((x) => equals(x, operand));
  return fieldValue !== undefined && typeRank(fieldValue) === typeRank(operand) && compare(fieldValue, operand) === 0;
}

/** Range operators only compare within one type (MongoDB type bracketing). */
function ordered(fieldValue: unknown, operand: unknown, ok: (c: number) => boolean): boolean {
  if (fieldValue === undefined || fieldValue === null || typeRank(fieldValue) !== typeRank(operand)) return false;
  return ok(compare(fieldValue, operand));
}

function evalCommand(v: unknown, c: FakeCommand): boolean {
  const [x] = c.operands;
  switch (c.op) {
    case 'eq':
      return equals(v, x);
    case 'neq':
      return !equals(v, x);
    case 'in':
      return c.operands.some((o) => equals(v, o));
    case 'gt':
      return ordered(v, x, (r) => r > 0);
    case 'gte':
      return ordered(v, x, (r) => r >= 0);
    case 'lt':
      return ordered(v, x, (r) => r < 0);
    case 'lte':
      return ordered(v, x, (r) => r <= 0);
    case 'and':
      return c.operands.every((o) => o instanceof FakeCommand && evalCommand(v, o));
    default:
      throw sdkError('collection.get', -502002, `invalid query command ${c.op}`);
  }
}

function matches(doc: Doc, where: CloudData, prefix = ''): boolean {
  return Object.entries(where).every(([k, cond]) => {
    const path = prefix + k;
    if (cond instanceof FakeCommand) return evalCommand(getPath(doc, path), cond);
    if (cond === undefined) return true;
    // Nested objects address nested fields, like a dotted key (the SDK flattens them).
    if (isPlainObject(cond)) return matches(doc, cond, `${path}.`);
    return equals(getPath(doc, path), cond);
  });
}

/** Applies SDK update data: nested objects merge, `set` replaces, `remove` deletes. */
function applyUpdate(doc: Doc, data: CloudData, prefix = ''): void {
  for (const [k, v] of Object.entries(data)) {
    const path = prefix + k;
    if (v === undefined) continue;
    if (v instanceof FakeCommand) {
      if (v.op === 'set') setPath(doc, path, clone(v.operands[0]));
      else if (v.op === 'remove') deletePath(doc, path);
      else throw sdkError('document.update', -502002, `unsupported update command ${v.op}`);
    } else if (isPlainObject(v)) {
      applyUpdate(doc, v, `${path}.`);
    } else {
      setPath(doc, path, clone(v));
    }
  }
}

function checkData(api: string, data: CloudData, allowId: boolean): void {
  if (!isPlainObject(data) || Object.keys(data).length === 0) throw sdkError(api, -501007, 'options.data must be a non-empty object');
  if (!allowId && Object.prototype.hasOwnProperty.call(data, '_id')) throw sdkError(api, -501007, '不能更新_id的值');
}

function stripCommands(data: CloudData): Doc {
  for (const v of Object.values(data)) {
    if (v instanceof FakeCommand) throw sdkError('document.set', -502001, 'update operator complicit');
  }
  return clone(data);
}

// ---------------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------------

interface Entry {
  doc: Doc;
  /** bumped on every write; transactions compare it to detect concurrent writers */
  rev: number;
}

export interface FakeUniqueIndex {
  collection: string;
  fields: readonly string[];
}

export interface FakeCloudOptions {
  uniqueIndexes?: readonly FakeUniqueIndex[];
  /** how long an outside write waits for a transaction's lock before it fails (default 3,000 ms) */
  lockWaitMs?: number;
}

/** The requests of one stretch of work (one function call, for a test): see `takeMeter()`. */
export interface FakeCloudMeter {
  /** every request, transactions' included */
  requests: number;
  /** requests made in transactions (start, reads, writes, commit or rollback) */
  txRequests: number;
  /** transaction attempts (a retried `runTransaction` counts each attempt) */
  transactions: number;
  /** the most distinct documents one transaction attempt wrote (set, update) */
  maxTxDocs: number;
  /** the most requests one transaction attempt made */
  maxTxRequests: number;
  /** requests by API, e.g. `collection.get`, `document.update`, `transaction.set` */
  byApi: Record<string, number>;
}

const emptyMeter = (): FakeCloudMeter => ({ requests: 0, txRequests: 0, transactions: 0, maxTxDocs: 0, maxTxRequests: 0, byApi: {} });

interface Lock {
  owner: FakeTransaction;
  released: Promise<void>;
  release: () => void;
}

export class FakeCloudDatabase implements CloudDb {
  readonly command: CloudCommand = fakeCommand;
  /** every call that would be a network round trip since the database was made */
  requests = 0;
  /** the requests since the last `takeMeter()` */
  meter: FakeCloudMeter = emptyMeter();
  private readonly tables = new Map<string, Map<string, Entry>>();
  private readonly locks = new Map<string, Lock>();
  private revs = 0;

  constructor(private readonly options: FakeCloudOptions = {}) {}

  /** The counts since the last call (or since the database was made), starting a new stretch. */
  takeMeter(): FakeCloudMeter {
    const out = this.meter;
    this.meter = emptyMeter();
    return out;
  }

  /** @internal — one request to the backend, `tx` when made in a transaction. */
  count(api: string, tx?: FakeTransaction): void {
    this.requests += 1;
    this.meter.requests += 1;
    this.meter.byApi[api] = (this.meter.byApi[api] ?? 0) + 1;
    if (tx) {
      this.meter.txRequests += 1;
      tx.requests += 1;
      this.meter.maxTxRequests = Math.max(this.meter.maxTxRequests, tx.requests);
    }
  }

  /** @internal — the transaction lock on a document, if one is held. */
  lockOf(name: string, id: string): Lock | undefined {
    return this.locks.get(`${name}\u0000${id}`);
  }

  /** @internal — takes the lock for `tx`; false when another transaction holds it. */
  lock(name: string, id: string, tx: FakeTransaction): boolean {
    const key = `${name}\u0000${id}`;
    const held = this.locks.get(key);
    if (held) return held.owner === tx;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.locks.set(key, { owner: tx, released, release });
    return true;
  }

  /** @internal — releases every lock `tx` holds (commit, rollback, or a failed attempt). */
  unlockAll(tx: FakeTransaction): void {
    for (const [key, l] of this.locks) {
      if (l.owner !== tx) continue;
      this.locks.delete(key);
      l.release();
    }
  }

  /**
   * @internal — an ordinary write waits while a transaction holds the lock of a document it
   * touches; after `lockWaitMs` it fails (the backend's behaviour at its timeout is undocumented).
   */
  async waitForLocks(api: string, name: string, ids: () => readonly string[]): Promise<void> {
    for (;;) {
      const held = ids().map((id) => this.lockOf(name, id)).find((l): l is Lock => l !== undefined);
      if (!held) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.options.lockWaitMs ?? 3000);
      });
      const how = await Promise.race([held.released.then(() => 'released' as const), timedOut]);
      clearTimeout(timer);
      if (how === 'timeout') throw sdkError(api, -502001, `[LockTimeout] lock wait timeout: document locked by a transaction in ${name}`);
    }
  }

  async createCollection(name: string): Promise<unknown> {
    this.count('createCollection');
    if (this.tables.has(name)) throw sdkError('createCollection', -501001, `[ResourceInUse] collection ${name} already exists`);
    this.tables.set(name, new Map());
    return { errMsg: 'createCollection:ok' };
  }

  collection(name: string): CloudCollection {
    return new FakeQuery(this, name, {}, [], 0, undefined);
  }

  /** @internal */
  table(api: string, name: string): Map<string, Entry> {
    const t = this.tables.get(name);
    if (!t) throw sdkError(api, -502005, `[ResourceNotFound] Db or Table not exist: ${name}`);
    return t;
  }

  /** @internal — writes one document (or deletes it with `null`), enforcing unique indexes. */
  write(api: string, name: string, id: string, doc: Doc | null): void {
    const t = this.table(api, name);
    if (doc === null) {
      t.delete(id);
      return;
    }
    this.checkUnique(api, name, id, doc);
    this.revs += 1;
    t.set(id, { doc: { ...doc, _id: id }, rev: this.revs });
  }

  /** @internal */
  revOf(name: string, id: string): number {
    return this.tables.get(name)?.get(id)?.rev ?? 0;
  }

  private checkUnique(api: string, name: string, id: string, doc: Doc): void {
    for (const idx of this.options.uniqueIndexes ?? []) {
      if (idx.collection !== name) continue;
      const key = idx.fields.map((f) => getPath(doc, f));
      if (key.some((v) => v === undefined)) continue;
      for (const [otherId, other] of this.table(api, name)) {
        if (otherId === id) continue;
        if (idx.fields.every((f, i) => compare(getPath(other.doc, f), key[i]) === 0 && getPath(other.doc, f) !== undefined)) {
          throw sdkError(api, -502001, `[FailedOperation] E11000 duplicate key error collection: ${name} index: ${idx.fields.join('_')} dup key`);
        }
      }
    }
  }

  async runTransaction<R>(fn: (tx: CloudTransaction) => Promise<R>, times = 3): Promise<R> {
    for (let attempt = 1; ; attempt += 1) {
      const tx = new FakeTransaction(this);
      this.meter.transactions += 1;
      this.count('startTransaction', tx);
      try {
        let result: R;
        try {
          result = await fn(tx);
        } catch (e) {
          // the SDK rolls back (staged writes are discarded: nothing to undo) and retries only a conflict
          tx.rollback();
          throw e;
        }
        tx.commit();
        return result;
      } catch (e) {
        if (attempt < times && isTxConflict(e)) continue;
        throw e;
      } finally {
        this.unlockAll(tx);
      }
    }
  }
}

function isTxConflict(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT';
}

/** Immutable query builder, like the SDK's: each call returns a new query. */
class FakeQuery implements CloudQuery {
  constructor(
    private readonly db: FakeCloudDatabase,
    private readonly name: string,
    private readonly cond: CloudData,
    private readonly order: ReadonlyArray<[string, 'asc' | 'desc']>,
    private readonly offset: number,
    private readonly max: number | undefined,
  ) {}

  where(condition: CloudData): CloudQuery {
    return new FakeQuery(this.db, this.name, condition, this.order, this.offset, this.max);
  }

  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery {
    if (order !== 'asc' && order !== 'desc') throw sdkError('collection.orderBy', -501007, 'order must be asc or desc');
    return new FakeQuery(this.db, this.name, this.cond, [...this.order, [field, order]], this.offset, this.max);
  }

  skip(offset: number): CloudQuery {
    if (!Number.isInteger(offset) || offset < 0) throw sdkError('collection.skip', -501007, 'offset must be a non-negative integer');
    return new FakeQuery(this.db, this.name, this.cond, this.order, offset, this.max);
  }

  limit(max: number): CloudQuery {
    if (!Number.isInteger(max) || max < 1) throw sdkError('collection.limit', -501007, 'limit must be a positive integer');
    return new FakeQuery(this.db, this.name, this.cond, this.order, this.offset, max);
  }

  private matching(api: string): Entry[] {
    return [...this.db.table(api, this.name).values()].filter((e) => matches(e.doc, this.cond));
  }

  async get(): Promise<{ data: unknown[] }> {
    this.db.count('collection.get');
    const rows = this.matching('collection.get').map((e) => e.doc);
    rows.sort((a, b) => {
      for (const [f, d] of this.order) {
        const c = compare(getPath(a, f), getPath(b, f));
        if (c !== 0) return d === 'asc' ? c : -c;
      }
      return 0;
    });
    const n = Math.min(this.max ?? 100, 100);
    return { data: clone(rows.slice(this.offset, this.offset + n)) };
  }

  async count(): Promise<{ total: number }> {
    this.db.count('collection.count');
    return { total: this.matching('collection.count').length };
  }

  async update(options: { data: CloudData }): Promise<{ stats: { updated: number } }> {
    this.db.count('collection.update');
    checkData('collection.update', options.data, false);
    await this.db.waitForLocks('collection.update', this.name, () => this.matching('collection.update').map((e) => String(e.doc._id)));
    // All in one synchronous step after the wait, so a where-update is atomic like the server's.
    const hits = this.matching('collection.update');
    const next = hits.map((e) => {
      const doc = clone(e.doc);
      applyUpdate(doc, options.data);
      return doc;
    });
    next.forEach((doc) => this.db.write('collection.update', this.name, String(doc._id), doc));
    return { stats: { updated: hits.length } };
  }

  async remove(): Promise<{ stats: { removed: number } }> {
    this.db.count('collection.remove');
    if (this.offset !== 0 || this.max !== undefined || this.order.length > 0) {
      throw sdkError('collection.remove', -501007, '`offset`, `limit`, `projection`, `orderBy` are not supported in remove() operation');
    }
    await this.db.waitForLocks('collection.remove', this.name, () => this.matching('collection.remove').map((e) => String(e.doc._id)));
    const hits = this.matching('collection.remove');
    hits.forEach((e) => this.db.write('collection.remove', this.name, String(e.doc._id), null));
    return { stats: { removed: hits.length } };
  }

  // Collection-only methods (a CollectionReference is a query with these added).

  doc(id: string): CloudDocRef {
    return new FakeDocRef(this.db, this.name, id);
  }

  async add(options: { data: CloudData }): Promise<{ _id?: string }> {
    this.db.count('collection.add');
    checkData('collection.add', options.data, true);
    const data = stripCommands(options.data);
    const id = typeof data._id === 'string' ? data._id : randomUUID().replace(/-/g, '');
    await this.db.waitForLocks('collection.add', this.name, () => [id]);
    if (this.db.table('collection.add', this.name).has(id)) {
      throw sdkError('collection.add', -502001, `[FailedOperation] E11000 duplicate key error collection: ${this.name} index: _id_ dup key: { _id: "${id}" }`);
    }
    this.db.write('collection.add', this.name, id, data);
    return { _id: id };
  }
}

class FakeDocRef implements CloudDocRef {
  constructor(
    private readonly db: FakeCloudDatabase,
    private readonly name: string,
    private readonly id: string,
  ) {}

  async get(): Promise<{ data: unknown }> {
    this.db.count('document.get');
    const e = this.db.table('document.get', this.name).get(this.id);
    if (!e) throw sdkError('document.get', -1, `document with _id ${this.id} does not exist`);
    return { data: clone(e.doc) };
  }

  async set(options: { data: CloudData }): Promise<unknown> {
    this.db.count('document.set');
    checkData('document.set', options.data, false);
    await this.db.waitForLocks('document.set', this.name, () => [this.id]);
    const created = !this.db.table('document.set', this.name).has(this.id);
    this.db.write('document.set', this.name, this.id, stripCommands(options.data));
    return { _id: this.id, stats: { updated: created ? 0 : 1, created: created ? 1 : 0 } };
  }

  async update(options: { data: CloudData }): Promise<{ stats: { updated: number } }> {
    this.db.count('document.update');
    checkData('document.update', options.data, false);
    await this.db.waitForLocks('document.update', this.name, () => [this.id]);
    const e = this.db.table('document.update', this.name).get(this.id);
    if (!e) return { stats: { updated: 0 } };
    const doc = clone(e.doc);
    applyUpdate(doc, options.data);
    this.db.write('document.update', this.name, this.id, doc);
    return { stats: { updated: 1 } };
  }
}

// ---------------------------------------------------------------------------------------------
// Transactions
// ---------------------------------------------------------------------------------------------

interface Staged {
  name: string;
  id: string;
  /** the revision when this transaction first touched the document (0 = absent) */
  baseRev: number;
  /** the transaction's view: the document, or null when absent */
  doc: Doc | null;
  written: boolean;
}

class FakeTransaction implements CloudTransaction {
  private readonly staged = new Map<string, Staged>();
  private done = false;
  /** requests this attempt made (the meter keeps the most of any attempt) */
  requests = 0;

  constructor(private readonly db: FakeCloudDatabase) {}

  collection(name: string): { doc(id: string): CloudDocRef } {
    this.db.table('transaction.collection', name);
    return { doc: (id: string) => new FakeTxDocRef(this, name, id) };
  }

  /** @internal — the transaction's view of a document, fixed at first touch (snapshot-like). */
  entry(name: string, id: string): Staged {
    if (this.done) throw sdkError('transaction', -501001, 'transaction already finished');
    const key = `${name}\u0000${id}`;
    let s = this.staged.get(key);
    if (!s) {
      const e = this.db.table('document.get', name).get(id);
      s = { name, id, baseRev: e?.rev ?? 0, doc: e ? clone(e.doc) : null, written: false };
      this.staged.set(key, s);
    }
    return s;
  }

  /**
   * @internal — before a write: takes the document's lock. Another transaction's lock, or a
   * document changed since this transaction's snapshot of it, fails the write at once.
   */
  lockForWrite(s: Staged): void {
    if (!this.db.lock(s.name, s.id, this) || this.db.revOf(s.name, s.id) !== s.baseRev) throw txConflict();
  }

  /** @internal — marks a document written and keeps the meter's most documents per transaction. */
  wrote(s: Staged): void {
    s.written = true;
    const docs = [...this.staged.values()].filter((x) => x.written).length;
    this.db.meter.maxTxDocs = Math.max(this.db.meter.maxTxDocs, docs);
  }

  /** @internal */
  countRequest(api: string): void {
    this.db.count(api, this);
  }

  rollback(): void {
    if (this.done) return;
    this.done = true;
    this.countRequest('transaction.rollback');
  }

  commit(): void {
    this.done = true;
    this.countRequest('transaction.commit');
    const writes = [...this.staged.values()].filter((s) => s.written);
    for (const s of writes) {
      // the lock kept outside writers waiting; this stays as a guard for the snapshot rule
      if (this.db.revOf(s.name, s.id) !== s.baseRev) throw txConflict();
    }
    // Unique violations must leave nothing applied: check every write before applying any.
    const snapshot = writes.map((s) => ({ s, prev: this.db.table('transaction.commit', s.name).get(s.id) }));
    try {
      for (const s of writes) this.db.write('transaction.commit', s.name, s.id, s.doc);
    } catch (e) {
      for (const { s, prev } of snapshot) {
        const t = this.db.table('transaction.commit', s.name);
        if (prev) t.set(s.id, prev);
        else t.delete(s.id);
      }
      throw e;
    }
  }
}

/** The backend's conflict, as the SDK throws it (and as runTransaction checks for). */
function txConflict(): Error & { code: string } {
  return Object.assign(sdkError('transaction', -502001, 'DATABASE_TRANSACTION_CONFLICT database transaction conflict'), { code: 'DATABASE_TRANSACTION_CONFLICT' });
}

class FakeTxDocRef implements CloudDocRef {
  constructor(
    private readonly tx: FakeTransaction,
    private readonly name: string,
    private readonly id: string,
  ) {}

  async get(): Promise<{ data: unknown }> {
    this.tx.countRequest('transaction.get');
    const s = this.tx.entry(this.name, this.id);
    if (s.doc === null) throw sdkError('document.get', -1, `document with _id ${this.id} does not exist`);
    return { data: clone(s.doc) };
  }

  async set(options: { data: CloudData }): Promise<unknown> {
    this.tx.countRequest('transaction.set');
    checkData('document.set', options.data, false);
    const s = this.tx.entry(this.name, this.id);
    this.tx.lockForWrite(s);
    const created = s.doc === null;
    s.doc = { ...stripCommands(options.data), _id: this.id };
    this.tx.wrote(s);
    return { _id: this.id, stats: { updated: created ? 0 : 1, created: created ? 1 : 0 } };
  }

  async update(options: { data: CloudData }): Promise<{ stats: { updated: number } }> {
    this.tx.countRequest('transaction.update');
    checkData('document.update', options.data, false);
    const s = this.tx.entry(this.name, this.id);
    if (s.doc === null) return { stats: { updated: 0 } };
    this.tx.lockForWrite(s);
    applyUpdate(s.doc, options.data);
    this.tx.wrote(s);
    return { stats: { updated: 1 } };
  }
}
