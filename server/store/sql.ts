// PostgreSQL-family adapter of the store port (DESIGN.md "Store"): one table per collection,
// `(id text primary key, version int not null, data jsonb not null)`, where `data` is the whole
// document including `_id` and `version` so `get` is one column read. It talks to a tiny client
// interface so the same code serves PGlite (server/store/pglite.ts) and, later, node-postgres.
//
// The first half of this file is adapter-neutral validation (collection names, field paths,
// filters, limits, ids) that cloudbase.ts reuses, so both adapters accept and reject the same input.

import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors';
import { findUnstorable } from '../../domain/text';
import { COLLECTIONS, columnFields as declaredColumns, type CollectionName, type IndexDef } from './indexes';
import { applyMigrations, SCHEMA_LOCK_KEY, type SqlQueryable } from './migrations';
import type {
  Condition,
  Filter,
  FindOptions,
  NewDoc,
  Page,
  Patch,
  Scalar,
  SortDir,
  Store,
  StoredDoc,
  TxStore,
} from './port';

// ---------------------------------------------------------------------------------------------
// Adapter-neutral validation (shared with cloudbase.ts)
// ---------------------------------------------------------------------------------------------

const FIELD_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

/** Unknown collections are programming errors, not user errors: a plain Error. */
export function assertCollection(name: string): CollectionName {
  if (!Object.prototype.hasOwnProperty.call(COLLECTIONS, name)) throw new Error(`unknown collection: ${name}`);
  return name as CollectionName;
}

/** Field paths end up inside SQL text (as literals) and CloudBase paths, so they are whitelisted. */
export function assertField(field: string): string {
  if (!FIELD_RE.test(field)) throw new Error(`invalid field path: ${JSON.stringify(field)}`);
  return field;
}

export function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new Error(`limit must be an integer in 1..${MAX_LIMIT}, got ${limit}`);
  }
  return limit;
}

/** 32 hex characters: a UUID without dashes, short enough for URLs and CloudBase ids. */
export function newId(): string {
  return randomUUID().replace(/-/g, '');
}

export type RangeBound = 'gt' | 'gte' | 'lt' | 'lte';
export const RANGE_BOUNDS: readonly RangeBound[] = ['gt', 'gte', 'lt', 'lte'];

/** A condition after validation; ranges carry the one type all their bounds share. */
export type NormalCondition =
  | { kind: 'eq'; value: Scalar }
  | { kind: 'in'; values: Scalar[] }
  | { kind: 'ne'; value: Scalar }
  | { kind: 'hasAny'; values: string[] }
  | { kind: 'range'; type: 'string' | 'number'; bounds: Partial<Record<RangeBound, string | number>> };

export interface NormalClause {
  field: string;
  cond: NormalCondition;
}

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function normalizeCondition(field: string, c: Condition): NormalCondition {
  if (isScalar(c)) return { kind: 'eq', value: c };
  // Filters arrive from handlers built on client input, so check the shape at run time too.
  const obj: unknown = c;
  if (!isRecord(obj)) throw new Error(`invalid condition on ${field}`);
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === 'in') {
    const values: unknown = obj.in;
    if (!Array.isArray(values) || !values.every(isScalar)) throw new Error(`invalid 'in' on ${field}`);
    return { kind: 'in', values: [...values] };
  }
  if (keys.length === 1 && keys[0] === 'hasAny') {
    const values: unknown = obj.hasAny;
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) throw new Error(`invalid 'hasAny' on ${field}`);
    return { kind: 'hasAny', values: [...(values as string[])] };
  }
  if (keys.length === 1 && keys[0] === 'ne') {
    const value: unknown = obj.ne;
    if (!isScalar(value)) throw new Error(`invalid 'ne' on ${field}`);
    return { kind: 'ne', value };
  }
  // A range: one to four bounds of one type, so string and number orders never mix.
  const bounds: Partial<Record<RangeBound, string | number>> = {};
  let type: 'string' | 'number' | undefined;
  for (const k of keys) {
    const value: unknown = obj[k];
    if (!(RANGE_BOUNDS as readonly string[]).includes(k)) throw new Error(`unknown operator '${k}' on ${field}`);
    if (value === undefined) continue;
    if (!(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) {
      throw new Error(`invalid bound '${k}' on ${field}`);
    }
    const t = typeof value === 'string' ? 'string' : 'number';
    if (type !== undefined && type !== t) throw new Error(`mixed bound types on ${field}`);
    type = t;
    bounds[k as RangeBound] = value;
  }
  if (type === undefined) throw new Error(`empty condition on ${field}`);
  return { kind: 'range', type, bounds };
}

export function normalizeFilter(filter: Filter): NormalClause[] {
  if (!isRecord(filter)) throw new Error('filter must be an object');
  return Object.entries(filter).map(([field, cond]) => ({ field: assertField(field), cond: normalizeCondition(field, cond) }));
}

export function normalizeSort(sort: FindOptions['sort']): Array<[string, SortDir]> {
  return (sort ?? []).map(([f, d]) => {
    if (d !== 'asc' && d !== 'desc') throw new Error(`invalid sort direction ${String(d)}`);
    return [assertField(f), d];
  });
}

/** Splits a patch into keys to set and keys to remove; `_id`/`version` are the store's, so dropped. */
export function splitPatch(patch: object): { set: Record<string, unknown>; unset: string[] } {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (k === '_id' || k === 'version') continue;
    if (v === undefined) unset.push(k);
    else set[k] = v;
  }
  return { set, unset };
}

/** Cursors are opaque to callers; a malformed one is bad client input, not a server fault. */
export function encodeCursor(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): unknown {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('validation_error', undefined, { field: 'cursor' });
  }
  // a crafted cursor must not carry text the database cannot hold (NUL, a lone surrogate)
  if (findUnstorable(decoded)) throw new AppError('validation_error', undefined, { field: 'cursor' });
  return decoded;
}

/** Reads a dotted path the way `data->'a'->'b'` does: only through plain objects. */
export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (!isRecord(cur) || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = cur[part];
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// The client interface: the least the adapter needs from PGlite or node-postgres
// ---------------------------------------------------------------------------------------------

export type { SqlQueryable };

export interface SqlClient extends SqlQueryable {
  /**
   * Runs `fn` on one connection between BEGIN and COMMIT (ROLLBACK on throw), with nothing else
   * interleaved. Optional: without it the adapter issues BEGIN/COMMIT itself and serialises every
   * query through a mutex, which is only correct for a single-connection client.
   */
  transaction?<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A FIFO async mutex: enough to keep one connection's transaction free of foreign queries. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// SQL building. Field names are whitelisted and embedded as literals (so expressions match the
// index expressions exactly); every value is a parameter.
// ---------------------------------------------------------------------------------------------

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `a.b` → `(data->'a'->'b')`: the path inside the document, as generated columns are defined. */
export function pathExpr(field: string): string {
  assertField(field);
  return `(data->${field.split('.').map((p) => `'${p}'`).join('->')})`;
}

/**
 * Issue #25: the stored generated column holding a field of a collection's documents (`a.b` →
 * `"f_a__b"`), jsonb like the path it copies, so every comparison means what it meant on the path.
 */
export function columnName(field: string): string {
  const name = `f_${assertField(field).replace(/\./g, '__')}`;
  if (name.length > 63) throw new Error(`column name too long: ${name}`);
  return name;
}

/**
 * What a filter, a sort and an index read for `field` of `collection`: the generated column when
 * indexes.ts declares one (every indexed or filtered field), else the path into `data`. The same
 * text in CREATE INDEX, WHERE and ORDER BY, so the planner matches them; a column also spares the
 * database from decompressing the whole document to test one field of it. (`_id` never comes
 * here: it is the primary key, see idClauseSql.)
 */
export function fieldExpr(collection: string, field: string): string {
  if (field === '_id') throw new Error('_id is the primary key, not a field expression');
  return columnFields(assertCollection(collection)).has(field) ? quoteIdent(columnName(field)) : pathExpr(field);
}

const columnCache = new Map<CollectionName, ReadonlySet<string>>();
function columnFields(collection: CollectionName): ReadonlySet<string> {
  let set = columnCache.get(collection);
  if (!set) {
    set = new Set(declaredColumns(collection));
    columnCache.set(collection, set);
  }
  return set;
}

/** Postgres truncates identifiers at 63 bytes; refuse rather than risk two indexes colliding. */
export function indexName(collection: string, def: IndexDef): string {
  const name = `${collection}_${def.fields.map((f) => f.replace(/\./g, '__')).join('_')}_${def.unique ? 'uq' : 'idx'}`;
  if (name.length > 63) throw new Error(`index name too long: ${name}`);
  return name;
}

/** Collects parameters and hands out `$n` placeholders. */
class Params {
  readonly values: unknown[] = [];

  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }

  /** A JSON value compared as jsonb: numbers numerically, strings by collation (ISO dates work). */
  json(v: unknown): string {
    return `${this.add(JSON.stringify(v))}::text::jsonb`;
  }
}

/**
 * Issue #25: a condition on `_id` compiles to the primary key column (`id`, text), so a lookup by id
 * or a list of ids is a primary-key scan. Ids are strings: any other value matches nothing, as it
 * matched nothing on the document's `_id` before.
 */
function idClauseSql(cond: NormalCondition, p: Params): string {
  const ids = (vs: readonly Scalar[]) => vs.filter((v): v is string => typeof v === 'string');
  switch (cond.kind) {
    case 'eq':
      return typeof cond.value === 'string' ? `id = ${p.add(cond.value)}` : 'FALSE';
    case 'ne':
      return typeof cond.value === 'string' ? `id <> ${p.add(cond.value)}` : 'TRUE';
    case 'in': {
      const list = ids(cond.values);
      return list.length === 0 ? 'FALSE' : `id = ANY(${p.add(list)}::text[])`;
    }
    case 'hasAny':
      return 'FALSE';
    case 'range': {
      if (cond.type !== 'string') return 'FALSE';
      const ops: Record<RangeBound, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
      return RANGE_BOUNDS.filter((b) => cond.bounds[b] !== undefined).map((b) => `id ${ops[b]} ${p.add(cond.bounds[b])}`).join(' AND ');
    }
  }
}

// Equality with null matches a missing field too, as in CloudBase/MongoDB.
function clauseSql(collection: string, c: NormalClause, p: Params): string {
  if (c.field === '_id') return idClauseSql(c.cond, p);
  const e = fieldExpr(collection, c.field);
  const cond = c.cond;
  switch (cond.kind) {
    case 'eq':
      return cond.value === null ? `(${e} IS NULL OR ${e} = 'null'::jsonb)` : `${e} = ${p.json(cond.value)}`;
    case 'ne':
      return cond.value === null
        ? `(${e} IS NOT NULL AND ${e} <> 'null'::jsonb)`
        : `(${e} IS NULL OR ${e} <> ${p.json(cond.value)})`;
    case 'in': {
      const nonNull = cond.values.filter((v) => v !== null);
      const parts: string[] = [];
      if (nonNull.length > 0) parts.push(`${e} IN (${nonNull.map((v) => p.json(v)).join(', ')})`);
      if (nonNull.length < cond.values.length) parts.push(`${e} IS NULL OR ${e} = 'null'::jsonb`);
      return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`;
    }
    case 'hasAny':
      // `?|` on a jsonb array: served by the GIN index declared with `array: true`
      return cond.values.length === 0 ? 'FALSE' : `${e} ?| ARRAY[${cond.values.map((v) => p.add(v)).join(', ')}]::text[]`;
    case 'range': {
      // jsonb orders across types (an empty array < Null < String < Number < Boolean < Array <
      // Object), so a string bound would also match numbers: a range keeps within one type, as
      // CloudBase does. Issue #25: where the bounds already say so, by bounds the planner estimates
      // from the column's statistics — between two bounds of one type lies only that type; under a
      // string bound, only null (and empty arrays) besides strings; over a number bound, booleans
      // first — and by `jsonb_typeof` only where they do not. The planner guesses a `jsonb_typeof`
      // test blindly (0.5 % of the rows), and for the overdue page it then sorted thousands of
      // tasks to return 21 instead of reading them in index order.
      const ops: Record<RangeBound, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
      const given = RANGE_BOUNDS.filter((b) => cond.bounds[b] !== undefined);
      const parts = given.map((b) => `${e} ${ops[b]} ${p.json(cond.bounds[b])}`);
      const lower = given.includes('gt') || given.includes('gte');
      const upper = given.includes('lt') || given.includes('lte');
      if (lower && upper) return parts.join(' AND ');
      if (upper && cond.type === 'string') parts.push(`${e} > 'null'::jsonb`);
      else if (lower && cond.type === 'number') parts.push(`${e} < 'false'::jsonb`);
      else parts.push(`jsonb_typeof(${e}) = '${cond.type}'`);
      return parts.join(' AND ');
    }
  }
}

interface SortKey {
  field: string;
  dir: SortDir;
}

/** A sort key's expression: `_id` is the primary key column, any other field as in filters. */
function sortExpr(collection: string, field: string): string {
  return field === '_id' ? 'id' : fieldExpr(collection, field);
}

/**
 * Keyset "strictly after the row with these sort values". Order is `ASC NULLS LAST` /
 * `DESC NULLS FIRST` (Postgres' defaults, so a btree index can serve it either way); a missing
 * field is SQL NULL and gets its own branch.
 */
function keysetSql(collection: string, keys: SortKey[], values: Array<unknown>, lastId: string, p: Params): string {
  const ors: string[] = [];
  const eqs: string[] = [];
  keys.forEach((k, i) => {
    const e = sortExpr(collection, k.field);
    const v = values[i];
    // `_id` sorts as the text primary key; a cursor's id is always a string
    const val = (x: unknown) => (k.field === '_id' ? p.add(String(x)) : p.json(x));
    let after: string | null;
    if (k.dir === 'asc') after = v === undefined ? null : `(${e} > ${val(v)} OR ${e} IS NULL)`;
    else after = v === undefined ? `${e} IS NOT NULL` : `${e} < ${val(v)}`;
    if (after !== null) ors.push([...eqs, after].join(' AND '));
    eqs.push(v === undefined ? `${e} IS NULL` : `${e} = ${val(v)}`);
  });
  ors.push([...eqs, `id > ${p.add(lastId)}`].join(' AND '));
  return `(${ors.map((o) => `(${o})`).join(' OR ')})`;
}

/** What a SQL cursor carries: the sort it belongs to, the last row's sort values and id. */
interface SqlCursor {
  s: string;
  /** one entry per sort key: `[value]`, or `[]` when the field was missing */
  k: unknown[][];
  id: string;
}

function isSqlCursor(v: unknown): v is SqlCursor {
  return (
    isRecord(v) &&
    typeof v.s === 'string' &&
    typeof v.id === 'string' &&
    Array.isArray(v.k) &&
    v.k.every((x: unknown) => Array.isArray(x) && x.length <= 1)
  );
}

interface Built {
  sql: string;
  params: unknown[];
  limit: number;
  keys: SortKey[];
  sortSig: string;
}

function buildFind(collection: string, filter: Filter, options: FindOptions = {}): Built {
  const table = quoteIdent(assertCollection(collection));
  const clauses = normalizeFilter(filter);
  const limit = checkLimit(options.limit);
  const keys: SortKey[] = normalizeSort(options.sort).map(([field, dir]) => ({ field, dir }));
  const sortSig = keys.map((k) => `${k.field}:${k.dir}`).join(',');
  const p = new Params();
  const where = clauses.map((c) => clauseSql(collection, c, p));
  if (options.cursor !== undefined) {
    const c = decodeCursor(options.cursor);
    if (!isSqlCursor(c) || c.s !== sortSig || c.k.length !== keys.length) {
      throw new AppError('validation_error', undefined, { field: 'cursor' });
    }
    where.push(keysetSql(collection, keys, c.k.map((x) => (x.length === 0 ? undefined : x[0])), c.id, p));
  }
  const order = [
    ...keys.map((k) => `${sortExpr(collection, k.field)} ${k.dir === 'asc' ? 'ASC NULLS LAST' : 'DESC NULLS FIRST'}`),
    'id ASC',
  ];
  // One row more than asked tells whether another page exists, so nextCursor is exact.
  const sql =
    `SELECT id, data::text AS data FROM ${table}` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${order.join(', ')} LIMIT ${p.add(limit + 1)}`;
  return { sql, params: p.values, limit, keys, sortSig };
}

/** `SELECT count(*)` of the documents a filter matches: the same WHERE as find's. */
function buildCount(collection: string, filter: Filter): { sql: string; params: unknown[] } {
  const table = quoteIdent(assertCollection(collection));
  const p = new Params();
  const where = normalizeFilter(filter).map((c) => clauseSql(collection, c, p));
  return { sql: `SELECT count(*)::int AS n FROM ${table}` + (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''), params: p.values };
}

function parseDoc<T>(row: { data: string }): T {
  return JSON.parse(row.data) as T;
}

/** Postgres' unique_violation: a duplicate id or unique index reached without ON CONFLICT. */
function isUniqueViolation(e: unknown): boolean {
  return isRecord(e) && e.code === '23505';
}

// ---------------------------------------------------------------------------------------------
// The adapter
// ---------------------------------------------------------------------------------------------

/** Id-addressed operations over any queryable: the store itself or one transaction. */
class SqlTx implements TxStore {
  constructor(private readonly q: SqlQueryable) {}

  async get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    const table = quoteIdent(assertCollection(collection));
    const { rows } = await this.q.query<{ data: string }>(`SELECT data::text AS data FROM ${table} WHERE id = $1`, [id]);
    return rows.length === 0 ? null : parseDoc<T>(rows[0]);
  }

  async insert<T extends StoredDoc>(collection: string, doc: NewDoc<T>): Promise<T> {
    const table = quoteIdent(assertCollection(collection));
    const id = doc._id ?? newId();
    if (typeof id !== 'string' || id.length === 0) throw new Error('_id must be a non-empty string');
    const full = { ...doc, _id: id, version: 1 };
    // ON CONFLICT DO NOTHING (no target) covers the primary key and every unique index without
    // raising, so a conflict inside a transaction does not poison the rest of it.
    try {
      const { rows } = await this.q.query<{ data: string }>(
        `INSERT INTO ${table} (id, version, data) VALUES ($1, 1, $2::text::jsonb) ON CONFLICT DO NOTHING RETURNING data::text AS data`,
        [id, JSON.stringify(full)],
      );
      if (rows.length === 0) throw new AppError('conflict');
      return parseDoc<T>(rows[0]);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('conflict');
      throw e;
    }
  }

  async update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>): Promise<T> {
    const table = quoteIdent(assertCollection(collection));
    if (!Number.isInteger(expectedVersion)) throw new Error('expectedVersion must be an integer');
    const { set, unset } = splitPatch(patch);
    const p = new Params();
    const idP = p.add(id);
    const verP = p.add(expectedVersion);
    // Shallow merge in one statement: remove the unset keys, overlay the set ones, then stamp
    // the new version (SET expressions see the old row, so `version + 1` is the same in both).
    let data = 'data';
    for (const k of unset) data = `(${data} - ${p.add(k)}::text)`;
    data = `(${data} || ${p.add(JSON.stringify(set))}::text::jsonb || jsonb_build_object('version', version + 1))`;
    let rows: Array<{ data: string }>;
    try {
      ({ rows } = await this.q.query<{ data: string }>(
        `UPDATE ${table} SET version = version + 1, data = ${data} WHERE id = ${idP} AND version = ${verP} RETURNING data::text AS data`,
        p.values,
      ));
    } catch (e) {
      // A patch that duplicates a unique key. (Unlike insert, UPDATE has no ON CONFLICT, so inside
      // a transaction this aborts it: the caller must let the conflict end the transaction.)
      if (isUniqueViolation(e)) throw new AppError('conflict');
      throw e;
    }
    if (rows.length === 1) return parseDoc<T>(rows[0]);
    // Only on failure: tell a missing document from a stale version.
    const found = await this.q.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
    throw new AppError(found.rows.length === 0 ? 'not_found' : 'conflict');
  }
}

export class SqlStore implements Store {
  private readonly mutex = new Mutex();
  private readonly direct: SqlTx;
  /** the client itself, or the client behind the mutex when it has no transaction API */
  private readonly q: SqlQueryable;

  constructor(private readonly client: SqlClient) {
    // Without a client-side transaction API, every statement takes the mutex so none can land
    // inside another caller's BEGIN … COMMIT on the shared connection.
    const q: SqlQueryable = client.transaction
      ? client
      : { query: <R>(sql: string, params?: unknown[]) => this.mutex.run(() => client.query<R>(sql, params)) };
    this.direct = new SqlTx(q);
    this.q = q;
  }

  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    return this.direct.get<T>(collection, id);
  }

  insert<T extends StoredDoc>(collection: string, doc: NewDoc<T>): Promise<T> {
    return this.direct.insert<T>(collection, doc);
  }

  update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>): Promise<T> {
    return this.direct.update<T>(collection, id, expectedVersion, patch);
  }

  async find<T extends StoredDoc>(collection: string, filter: Filter, options?: FindOptions): Promise<Page<T>> {
    const b = buildFind(collection, filter, options);
    const { rows } = await this.q.query<{ id: string; data: string }>(b.sql, b.params);
    const items = rows.slice(0, b.limit).map((r) => parseDoc<T>(r));
    if (rows.length <= b.limit) return { items };
    const last = items[items.length - 1];
    const cursor: SqlCursor = {
      s: b.sortSig,
      k: b.keys.map((k) => {
        const v = getPath(last, k.field);
        return v === undefined ? [] : [v];
      }),
      id: last._id,
    };
    return { items, nextCursor: encodeCursor(cursor) };
  }

  async count(collection: string, filter: Filter): Promise<number> {
    const b = buildCount(collection, filter);
    const { rows } = await this.q.query<{ n: number }>(b.sql, b.params);
    return Number(rows[0]?.n ?? 0);
  }

  transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R> {
    return this.withTransaction((q) => fn(new SqlTx(q)));
  }

  async removeWhere(collection: string, filter: Filter): Promise<number> {
    const table = quoteIdent(assertCollection(collection));
    const p = new Params();
    const where = normalizeFilter(filter).map((c) => clauseSql(collection, c, p));
    const { rows } = await this.q.query<{ n: number }>(
      `WITH gone AS (DELETE FROM ${table}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      p.values,
    );
    return Number(rows[0]?.n ?? 0);
  }

  private withTransaction<R>(fn: (q: SqlQueryable) => Promise<R>): Promise<R> {
    const { client } = this;
    if (client.transaction) return client.transaction(fn);
    return this.mutex.run(async () => {
      await client.query('BEGIN');
      try {
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    });
  }

  /**
   * Issue #24: collections and indexes (declarative), then the versioned migrations, in one
   * transaction under an advisory lock so hosts starting together on one server take turns. READ
   * COMMITTED inside it, so a host that waited for the lock sees what the one before committed.
   */
  async ensureSchema(): Promise<void> {
    await this.withTransaction(async (q) => {
      await q.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
      await q.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
      await this.ensureCollections(q);
      // a migration may drop an index to change it (issue #25): the declarative step makes it again
      if ((await applyMigrations(q)).length > 0) await this.ensureCollections(q);
    });
  }

  /**
   * Issue #24: takes (or renews) the named lease for `ttlMs` if it is free, expired or already
   * this holder's; answers whether this holder has it. Database time, so hosts' clocks don't matter.
   */
  async claimLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const { rows } = await this.q.query<{ holder: string }>(
      `INSERT INTO leases AS l (name, holder, expires_at, runs) VALUES ($1, $2, now() + $3 * interval '1 millisecond', 1)
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at, runs = l.runs + 1
       WHERE l.expires_at < now() OR l.holder = EXCLUDED.holder
       RETURNING holder`,
      [name, holder, ttlMs],
    );
    return rows.length === 1;
  }

  /**
   * Issue #24: the installation-wide secret `name` — the first host to ask stores `candidate`, every
   * later one (on any host) reads that same value back.
   */
  async sharedSecret(name: string, candidate: string): Promise<string> {
    await this.q.query('INSERT INTO host_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, candidate]);
    const { rows } = await this.q.query<{ value: string }>('SELECT value FROM host_secrets WHERE name = $1', [name]);
    if (rows.length !== 1) throw new Error(`shared secret ${name} missing`);
    return rows[0].value;
  }

  /** Issue #24: gives the lease back early (only its holder can). */
  async releaseLease(name: string, holder: string): Promise<void> {
    await this.q.query('UPDATE leases SET expires_at = now() WHERE name = $1 AND holder = $2', [name, holder]);
  }

  private async ensureCollections(q: SqlQueryable): Promise<void> {
    for (const [name, defs] of Object.entries(COLLECTIONS) as Array<[CollectionName, readonly IndexDef[]]>) {
      const table = quoteIdent(name);
      await q.query(
        `CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, version integer NOT NULL, data jsonb NOT NULL)`,
      );
      // Issue #25: every indexed or filtered field as a stored generated column (indexes.ts); adding
      // one to an existing table computes it for every row once.
      const { rows: have } = await q.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
        [name],
      );
      const present = new Set(have.map((r) => r.column_name));
      for (const field of columnFields(name)) {
        if (present.has(columnName(field))) continue;
        await q.query(
          `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${quoteIdent(columnName(field))} jsonb GENERATED ALWAYS AS ${pathExpr(field)} STORED`,
        );
      }
      for (const def of defs) {
        const exprs = def.fields.map((f) => sortExpr(name, f));
        // A unique index ignores documents lacking any of its fields (e.g. users without devKey).
        // `IS NOT NULL` also works for dotted paths, and the planner can prove it from an equality on
        // the same column, so lookups still use the index.
        const partial = def.unique ? ` WHERE ${exprs.map((e) => `${e} IS NOT NULL`).join(' AND ')}` : '';
        const using = def.array ? ' USING gin' : '';
        const include = def.include?.length ? ` INCLUDE (${def.include.map((f) => fieldExpr(name, f)).join(', ')})` : '';
        await q.query(
          `CREATE ${def.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quoteIdent(indexName(name, def))} ON ${table}${using} (${exprs.join(', ')})${include}${partial}`,
        );
      }
    }
  }

  async maintain(): Promise<void> {
    // Without statistics the planner guesses a meeting holds a handful of topics and sorts them all
    // instead of walking the (meetingId, createdAt) index: 12 ms instead of 0.4 ms at 2,000 topics.
    // Issue #25: VACUUM as well, which marks the pages all of whose rows every transaction sees (the
    // visibility map): only then can a count be answered from an index alone (an Index Only Scan)
    // instead of visiting thousands of rows. A server's autovacuum does it by itself; the embedded
    // PGlite never does. It skips the pages already marked, so a run on unchanged tables is cheap.
    await this.q.query(`VACUUM (ANALYZE) ${Object.keys(COLLECTIONS).map(quoteIdent).join(', ')}`);
  }

  async clearAll(): Promise<void> {
    await this.q.query(`TRUNCATE ${Object.keys(COLLECTIONS).map(quoteIdent).join(', ')}`);
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /**
   * The query plan of a `find` (or, with `count`, of a `count`), with sequential scans disabled so
   * the plan shows whether an index *can* serve the query regardless of how few rows a test table
   * holds. `format: 'json'` answers PostgreSQL's JSON plan as text; `analyze` runs it (EXPLAIN
   * ANALYZE: actual rows, heap fetches). For tests and bench/.
   */
  explain(collection: string, filter: Filter, options?: FindOptions & { count?: boolean; format?: 'text' | 'json'; analyze?: boolean }): Promise<string> {
    const b = options?.count ? buildCount(collection, filter) : buildFind(collection, filter, options);
    const opts = [...(options?.analyze ? ['ANALYZE'] : []), ...(options?.format === 'json' ? ['FORMAT JSON'] : [])];
    return this.withTransaction(async (q) => {
      await q.query('SET LOCAL enable_seqscan = off');
      const { rows } = await q.query<Record<string, unknown>>(`EXPLAIN ${opts.length ? `(${opts.join(', ')}) ` : ''}${b.sql}`, b.params);
      return rows.map((r) => {
        const v = r['QUERY PLAN'];
        return typeof v === 'string' ? v : JSON.stringify(v);
      }).join('\n');
    });
  }
}
