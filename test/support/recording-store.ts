// A store that records every write that reaches the database (issue #18): the authorisation matrix
// and the fuzz prove "refused → no write at all" from this list instead of snapshotting whole
// databases. Writes inside a transaction are recorded when it commits; a rolled-back transaction
// changed nothing, so its writes are dropped. A failed write (conflict, unique key) is not a write.
import type { AnyDoc, Filter, FindOptions, NewDoc, Patch, Store, StoredDoc, TxStore } from '../../server/store/port';

export type Write =
  | { op: 'insert'; collection: string; id: string; doc: AnyDoc }
  | { op: 'update'; collection: string; id: string; patch: Record<string, unknown>; doc: AnyDoc }
  | { op: 'removeWhere'; collection: string; filter: Filter; removed: number }
  | { op: 'clearAll' };

export class RecordingStore implements Store {
  /** every committed write since the store was opened or `takeWrites()` last emptied the list */
  writes: Write[] = [];

  constructor(readonly inner: Store) {}

  /** the writes recorded since the last call, emptying the list */
  takeWrites(): Write[] {
    const out = this.writes;
    this.writes = [];
    return out;
  }

  get<T extends StoredDoc>(c: string, id: string) {
    return this.inner.get<T>(c, id);
  }
  find<T extends StoredDoc>(c: string, f: Filter, o?: FindOptions) {
    return this.inner.find<T>(c, f, o);
  }
  count(c: string, f: Filter) {
    return this.inner.count(c, f);
  }
  async insert<T extends StoredDoc = AnyDoc>(c: string, doc: NewDoc<T>): Promise<T> {
    const saved = await this.inner.insert<T>(c, doc);
    this.writes.push({ op: 'insert', collection: c, id: saved._id, doc: saved as unknown as AnyDoc });
    return saved;
  }
  async update<T extends StoredDoc>(c: string, id: string, v: number, patch: Patch<T>): Promise<T> {
    const saved = await this.inner.update<T>(c, id, v, patch);
    this.writes.push({ op: 'update', collection: c, id, patch: patch as Record<string, unknown>, doc: saved as unknown as AnyDoc });
    return saved;
  }
  async removeWhere(c: string, f: Filter): Promise<number> {
    const removed = await this.inner.removeWhere(c, f);
    if (removed > 0) this.writes.push({ op: 'removeWhere', collection: c, filter: f, removed });
    return removed;
  }
  async transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R> {
    let pending: Write[] = [];
    const result = await this.inner.transaction(async (tx) => {
      pending = []; // an adapter may run `fn` again (CloudBase retries): only the last run commits
      const recorded: TxStore = {
        get: (c, id) => tx.get(c, id),
        insert: async (c, doc) => {
          const saved = await tx.insert(c, doc);
          pending.push({ op: 'insert', collection: c, id: saved._id, doc: saved as unknown as AnyDoc });
          return saved;
        },
        update: async (c, id, v, patch) => {
          const saved = await tx.update(c, id, v, patch);
          pending.push({ op: 'update', collection: c, id, patch: patch as Record<string, unknown>, doc: saved as unknown as AnyDoc });
          return saved;
        },
      };
      return fn(recorded);
    });
    this.writes.push(...pending);
    return result;
  }
  ensureSchema() {
    return this.inner.ensureSchema();
  }
  maintain() {
    return this.inner.maintain();
  }
  async clearAll(): Promise<void> {
    await this.inner.clearAll();
    this.writes.push({ op: 'clearAll' });
  }
  close() {
    return this.inner.close();
  }
}
