// Issue #25: the heavy-work thread. It runs the actions that build files (the archive, the
// exports, the assessment: host/heavy.ts HEAVY_ACTIONS) with the same function entries as the main
// thread, so the seconds of exceljs, docx and zip work no longer hold the main thread's event
// loop. Its store is a proxy: every call is a message to the main thread, which runs it on the one
// database connection, queued with every other request's queries.
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Clock } from '../server/kit/clock';
import { installRuntime } from '../server/kit/install';
import { loadWordList, wordListChecker } from '../server/content';
import { createLocalRuntime } from '../server/platform/local/runtime';
import { LocalFiles, localCodes } from '../server/platform/local/files';
import { DevOutbox } from '../server/platform/local/dev-outbox';
import type { FindOptions, Filter, NewDoc, Page, Patch, Store, StoredDoc, TxStore } from '../server/store/port';
import { FUNCTION_MAP } from './areas';
import { fromWire, toWire, type HeavyWorkerData, type StoreMethod, type ToMain, type ToWorker, type WireError } from './heavy-protocol';

type Reply = { ok: true; value: unknown } | { ok: false; error: WireError };

/** A Store whose every call runs on the main thread (see the file's head). */
class ProxyStore implements Store {
  private next = 1;
  private readonly pending = new Map<number, (r: Reply) => void>();
  private readonly txReady = new Map<number, () => void>();
  private readonly txDone = new Map<number, (r: { ok: boolean; error?: WireError }) => void>();

  constructor(private readonly port: MessagePort) {}

  receive(m: ToWorker): void {
    if (m.t === 'store-reply') {
      const settle = this.pending.get(m.id);
      this.pending.delete(m.id);
      settle?.(m.ok ? { ok: true, value: m.value } : { ok: false, error: m.error });
    } else if (m.t === 'tx-ready') {
      this.txReady.get(m.tx)?.();
      this.txReady.delete(m.tx);
    } else if (m.t === 'tx-done') {
      this.txDone.get(m.tx)?.({ ok: m.ok, error: m.error });
      this.txDone.delete(m.tx);
    }
  }

  private post(m: ToMain): void {
    this.port.postMessage(m);
  }

  call<R>(method: StoreMethod, args: unknown[], tx?: number): Promise<R> {
    const id = this.next++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, (r) => (r.ok ? resolve(r.value as R) : reject(fromWire(r.error))));
      this.post({ t: 'store', id, method, args, ...(tx === undefined ? {} : { tx }) });
    });
  }

  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    return this.call('get', [collection, id]);
  }
  insert<T extends StoredDoc>(collection: string, doc: NewDoc<T>): Promise<T> {
    return this.call('insert', [collection, doc]);
  }
  update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>): Promise<T> {
    return this.call('update', [collection, id, expectedVersion, patch]);
  }
  find<T extends StoredDoc>(collection: string, filter: Filter, options?: FindOptions): Promise<Page<T>> {
    return this.call('find', options === undefined ? [collection, filter] : [collection, filter, options]);
  }
  count(collection: string, filter: Filter): Promise<number> {
    return this.call('count', [collection, filter]);
  }
  removeWhere(collection: string, filter: Filter): Promise<number> {
    return this.call('removeWhere', [collection, filter]);
  }
  ensureSchema(): Promise<void> {
    return this.call('ensureSchema', []);
  }
  maintain(): Promise<void> {
    return this.call('maintain', []);
  }
  clearAll(): Promise<void> {
    return this.call('clearAll', []);
  }
  close(): Promise<void> {
    return Promise.resolve(); // the main thread owns the database
  }

  /** BEGIN on the main thread, `fn` here with each call sent inside it, then COMMIT or ROLLBACK there. */
  async transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R> {
    const tx = this.next++;
    const done = new Promise<{ ok: boolean; error?: WireError }>((resolve) => this.txDone.set(tx, resolve));
    await new Promise<void>((resolve) => {
      this.txReady.set(tx, resolve);
      this.post({ t: 'tx-begin', tx });
    });
    const txStore: TxStore = {
      get: (collection, id) => this.call('get', [collection, id], tx),
      insert: (collection, doc) => this.call('insert', [collection, doc], tx),
      update: (collection, id, expectedVersion, patch) => this.call('update', [collection, id, expectedVersion, patch], tx),
    };
    let result: R;
    try {
      result = await fn(txStore);
    } catch (e) {
      this.post({ t: 'tx-end', tx, ok: false });
      await done;
      throw e;
    }
    this.post({ t: 'tx-end', tx, ok: true });
    const end = await done;
    if (!end.ok) throw end.error ? fromWire(end.error) : new Error('transaction rolled back');
    return result;
  }
}

/** The clock of the main thread (its development clock included), sent with every run. */
class FollowingClock implements Clock {
  private offsetMs = 0;
  shifted = false;
  follow(nowIso: string, shifted: boolean): void {
    this.offsetMs = shifted ? new Date(nowIso).getTime() - Date.now() : 0;
    this.shifted = shifted;
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

export function runHeavyWorker(data: HeavyWorkerData): void {
  const port = parentPort;
  if (!port) throw new Error('runHeavyWorker: not in a worker thread');
  const store = new ProxyStore(port);
  const clock = new FollowingClock();
  let baseUrl = '';
  const runtime = createLocalRuntime({
    store, clock, secret: data.secret, content: wordListChecker(loadWordList(data.wordList)), quiet: data.quiet,
    files: new LocalFiles(data.filesDir), codes: localCodes(() => baseUrl),
    // the heavy actions send no messages; one sent here would stay in this thread's outbox
    sender: new DevOutbox(clock),
  });
  installRuntime(runtime);
  port.on('message', (m: ToWorker) => {
    if (m.t !== 'run') return store.receive(m);
    clock.follow(m.now, m.shifted);
    baseUrl = m.baseUrl;
    const fn = FUNCTION_MAP.get(m.area);
    const post = (out: ToMain) => port.postMessage(out);
    if (!fn) return post({ t: 'failed', run: m.run, error: { name: 'Error', message: `unknown area ${m.area}` } });
    fn.main(m.body, m.context).then(
      (envelope) => post({ t: 'done', run: m.run, envelope }),
      (e: unknown) => post({ t: 'failed', run: m.run, error: toWire(e) }),
    );
  });
}
