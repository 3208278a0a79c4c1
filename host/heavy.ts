// Issue #25 "No call stalls the others": the actions that build files (the meeting archive, the
// .xlsx/.docx exports, the assessment) run in one worker thread (host/heavy-worker.ts), so their
// seconds of exceljs, docx and zip work never hold the event loop that answers everyone else. The
// database stays here: the worker sends each store call as a message, and it runs on the one
// connection, queued with every other request's queries (PGlite's own FIFO lock).
//
// A worker that dies (a crash, an out-of-memory) fails the runs it had (500), rolls back the
// transactions it held open, and is started again for the next heavy call.
import { Worker } from 'node:worker_threads';
import type { Envelope } from '../domain';
import type { Clock } from '../server/kit/clock';
import type { Log } from '../server/kit/log';
import type { HostContext } from '../server/platform/local/runtime';
import type { Store, TxStore } from '../server/store/port';
import { fromWire, STORE_METHODS, toWire, TX_METHODS, type HeavyWorkerData, type StoreMethod, type ToMain, type ToWorker, type TxMethod } from './heavy-protocol';

/** `area.action` of every action that runs in the worker. */
export const HEAVY_ACTIONS: ReadonlySet<string> = new Set([
  'meeting.archive', 'meeting.exportAttendance', 'meeting.signInSheet', 'meeting.seatingDocument', 'meeting.nameCards', 'meeting.noticeDocument',
  'minutes.document', 'task.exportChecklist', 'topic.exportReplies', 'compliance.export', 'compliance.overview', 'compliance.org',
]);

export function isHeavy(area: string, body: unknown): boolean {
  const action = typeof body === 'object' && body !== null ? (body as { action?: unknown }).action : undefined;
  return typeof action === 'string' && HEAVY_ACTIONS.has(`${area}.${action}`);
}

export interface HeavyOptions {
  /** the script the worker runs: the host's own bundle (host/main.ts starts runHeavyWorker in a worker) */
  script: string;
  store: Store;
  clock: Clock;
  log: Log;
  data: HeavyWorkerData;
}

class Aborted extends Error {}

const isStoreMethod = (m: string): m is StoreMethod => (STORE_METHODS as readonly string[]).includes(m);
const isTxMethod = (m: string): m is TxMethod => (TX_METHODS as readonly string[]).includes(m);

export class HeavyWork {
  private worker: Worker | null = null;
  private nextRun = 1;
  private readonly runs = new Map<number, { resolve: (e: Envelope<unknown>) => void; reject: (e: Error) => void }>();
  /** transactions the worker holds open here: their store, and how to end them */
  private readonly txs = new Map<number, { tx: TxStore; end: (ok: boolean) => void }>();
  private closed = false;

  constructor(private readonly opts: HeavyOptions) {}

  run(area: string, body: unknown, context: HostContext, baseUrl: string): Promise<Envelope<unknown>> {
    if (this.closed) return Promise.reject(new Error('host closing'));
    const worker = this.started();
    const run = this.nextRun++;
    return new Promise((resolve, reject) => {
      this.runs.set(run, { resolve, reject });
      const now = this.opts.clock.now().toISOString();
      this.send(worker, { t: 'run', run, area, body, context, now, shifted: this.opts.clock.shifted === true, baseUrl });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
    this.fail(new Error('host closing'));
  }

  private send(worker: Worker, m: ToWorker): void {
    if (this.worker === worker) worker.postMessage(m); // a dead worker's replies go nowhere
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.opts.script, { workerData: { heavyWorker: this.opts.data } });
    worker.unref(); // the worker never keeps the process alive on its own
    worker.on('message', (m: ToMain) => this.receive(worker, m));
    worker.on('error', (e) => this.opts.log('error', 'heavy worker failed', { error: `${e.name}: ${e.message}` }));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      if (!this.closed) this.opts.log('warn', 'heavy worker exited', { code });
      this.fail(new Error(`heavy worker exited (${code})`));
    });
    this.worker = worker;
    return worker;
  }

  /** Every run still waiting fails; every transaction the worker held is rolled back. */
  private fail(e: Error): void {
    for (const r of this.runs.values()) r.reject(e);
    this.runs.clear();
    for (const t of this.txs.values()) t.end(false);
    this.txs.clear();
  }

  private receive(worker: Worker, m: ToMain): void {
    if (m.t === 'done' || m.t === 'failed') {
      const r = this.runs.get(m.run);
      this.runs.delete(m.run);
      if (m.t === 'done') r?.resolve(m.envelope);
      else r?.reject(fromWire(m.error));
    } else if (m.t === 'store') {
      // Each of a heavy job's queries waits one turn of the loop (setImmediate: after the poll
      // phase), so requests that arrived meanwhile are read and queue their queries first: a job of
      // a thousand queries takes turns with light reads instead of running them back to back.
      new Promise<void>((r) => setImmediate(r)).then(() => this.storeCall(m.method, m.args, m.tx)).then(
        (value) => this.send(worker, { t: 'store-reply', id: m.id, ok: true, value }),
        (e: unknown) => this.send(worker, { t: 'store-reply', id: m.id, ok: false, error: toWire(e) }),
      );
    } else if (m.t === 'tx-begin') {
      this.opts.store
        .transaction(
          (tx) =>
            new Promise<void>((resolve, reject) => {
              this.txs.set(m.tx, { tx, end: (ok) => (ok ? resolve() : reject(new Aborted('rolled back'))) });
              this.send(worker, { t: 'tx-ready', tx: m.tx });
            }),
        )
        .then(
          () => this.send(worker, { t: 'tx-done', tx: m.tx, ok: true }),
          (e: unknown) => this.send(worker, { t: 'tx-done', tx: m.tx, ok: false, ...(e instanceof Aborted ? {} : { error: toWire(e) }) }),
        )
        .finally(() => this.txs.delete(m.tx));
    } else if (m.t === 'tx-end') {
      this.txs.get(m.tx)?.end(m.ok);
    }
  }

  private storeCall(method: string, args: unknown[], tx: number | undefined): Promise<unknown> {
    if (tx !== undefined) {
      const open = this.txs.get(tx);
      if (!open) return Promise.reject(new Error('no such transaction'));
      if (!isTxMethod(method)) return Promise.reject(new Error(`not a transaction method: ${method}`));
      const f = open.tx[method] as (...a: unknown[]) => Promise<unknown>;
      return f.apply(open.tx, args);
    }
    if (!isStoreMethod(method)) return Promise.reject(new Error(`not a store method: ${method}`));
    const f = this.opts.store[method] as (...a: unknown[]) => Promise<unknown>;
    return f.apply(this.opts.store, args);
  }
}
