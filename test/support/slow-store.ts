// A store with network latency: every operation, inside transactions too, waits 1–4 ms first —
// what CloudBase costs from a cloud function. Rules that only held because PGlite answers at once
// (count-then-insert, read-then-write) fail under it.
import type { Filter, FindOptions, NewDoc, Patch, Store, StoredDoc, TxStore } from '../../server/store/port';

const pause = () => new Promise((r) => setTimeout(r, 1 + Math.floor(Math.random() * 4)));

function slowTx(tx: TxStore): TxStore {
  return {
    get: async <T extends StoredDoc>(c: string, id: string) => (await pause(), tx.get<T>(c, id)),
    insert: async <T extends StoredDoc>(c: string, d: NewDoc<T>) => (await pause(), tx.insert<T>(c, d)),
    update: async <T extends StoredDoc>(c: string, id: string, v: number, p: Patch<T>) => (await pause(), tx.update<T>(c, id, v, p)),
  };
}

export function slowStore(inner: Store): Store {
  const tx = slowTx(inner);
  return {
    ...tx,
    find: async <T extends StoredDoc>(c: string, f: Filter, o?: FindOptions) => (await pause(), inner.find<T>(c, f, o)),
    count: async (c: string, f: Filter) => (await pause(), inner.count(c, f)),
    removeWhere: async (c: string, f: Filter) => (await pause(), inner.removeWhere(c, f)),
    transaction: async <R>(fn: (t: TxStore) => Promise<R>) => (await pause(), inner.transaction((t) => fn(slowTx(t)))),
    ensureSchema: () => inner.ensureSchema(),
    maintain: () => inner.maintain(),
    clearAll: () => inner.clearAll(),
    close: () => inner.close(),
  };
}
