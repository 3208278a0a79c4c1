// The CloudBase stand-in (test/support/fake-cloudbase.ts) counts what real CloudBase would be asked
// (issue #24) and locks like the WeChat guide says (云开发 › 数据库 › 事务, 快照隔离): a transaction's
// write locks the document; an ordinary write from outside waits for the lock, another
// transaction's write fails at once; the transaction itself is not failed by the waiting writer.
import { FakeCloudDatabase } from './support/fake-cloudbase';

async function dbWith(docs: Array<Record<string, unknown>>, lockWaitMs?: number): Promise<FakeCloudDatabase> {
  const db = new FakeCloudDatabase(lockWaitMs === undefined ? {} : { lockWaitMs });
  await db.createCollection('orgs');
  for (const d of docs) await db.collection('orgs').add({ data: d });
  db.takeMeter();
  return db;
}

/** A promise the test settles by hand: the transaction holds its lock until then. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((r) => {
    open = r;
  });
  return { wait, open };
}

describe('the stand-in counts every request', () => {
  it('counts reads, writes, queries and each request inside a transaction, and the documents one transaction wrote', async () => {
    const db = await dbWith([{ _id: 'a', v: 1 }, { _id: 'b', v: 1 }]);
    const orgs = db.collection('orgs');
    await orgs.doc('a').get();
    await orgs.where({ v: 1 }).get();
    await orgs.where({ v: 1 }).count();
    await orgs.doc('a').update({ data: { v: 2 } });
    await orgs.where({ _id: 'b' }).update({ data: { v: 3 } });
    await db.runTransaction(async (tx) => {
      await tx.collection('orgs').doc('a').get();
      await tx.collection('orgs').doc('a').set({ data: { v: 4 } });
      await tx.collection('orgs').doc('c').set({ data: { v: 5 } });
      await tx.collection('orgs').doc('c').update({ data: { v: 6 } });
    });
    const m = db.takeMeter();
    // 5 outside; in the transaction: start, get, set, set, update, commit
    expect(m).toMatchObject({ requests: 11, txRequests: 6, transactions: 1, maxTxDocs: 2, maxTxRequests: 6 });
    expect(m.byApi).toMatchObject({ 'document.get': 1, 'collection.get': 1, 'collection.count': 1, 'document.update': 1, 'collection.update': 1, startTransaction: 1, 'transaction.get': 1, 'transaction.set': 2, 'transaction.update': 1, 'transaction.commit': 1 });
    expect(db.takeMeter().requests).toBe(0);
  });

  it('counts a rolled-back transaction and every attempt of a retried one', async () => {
    const db = await dbWith([{ _id: 'a', v: 1 }]);
    await expect(db.runTransaction(async (tx) => {
      await tx.collection('orgs').doc('a').set({ data: { v: 2 } });
      throw new Error('stop');
    })).rejects.toThrow('stop');
    expect(db.takeMeter()).toMatchObject({ requests: 3, transactions: 1, maxTxDocs: 1, byApi: { 'transaction.rollback': 1 } });
  });
});

describe('the stand-in locks like the documentation', () => {
  it('makes an outside write wait for the lock; the transaction commits and the write lands after it', async () => {
    const db = await dbWith([{ _id: 'a', v: 1, note: 'x' }]);
    const g = gate();
    let outside: Promise<unknown> | undefined;
    let outsideDone = false;
    const tx = db.runTransaction(async (t) => {
      const cur = (await t.collection('orgs').doc('a').get()).data as { v: number };
      await t.collection('orgs').doc('a').update({ data: { v: cur.v + 1 } });
      outside = db.collection('orgs').doc('a').update({ data: { note: 'y' } }).then((r) => {
        outsideDone = true;
        return r;
      });
      await g.wait;
      return 'committed';
    }, 1); // one attempt: a conflict would fail it, not hide in a retry
    await new Promise((r) => setImmediate(r));
    expect(outsideDone).toBe(false); // still waiting for the lock
    g.open();
    await expect(tx).resolves.toBe('committed');
    await expect(outside).resolves.toMatchObject({ stats: { updated: 1 } });
    expect((await db.collection('orgs').doc('a').get()).data).toMatchObject({ v: 2, note: 'y' });
  });

  it('makes a where-update and an add of the same id wait too', async () => {
    const db = await dbWith([{ _id: 'a', v: 1 }]);
    const g = gate();
    let later: Array<Promise<unknown>> = [];
    const tx = db.runTransaction(async (t) => {
      await t.collection('orgs').doc('a').update({ data: { v: 2 } });
      await t.collection('orgs').doc('n').set({ data: { v: 1 } });
      later = [
        db.collection('orgs').where({ _id: 'a' }).update({ data: { w: 1 } }),
        db.collection('orgs').add({ data: { _id: 'n', v: 9 } }).catch((e: Error) => e.message),
      ];
      await g.wait;
    }, 1);
    g.open();
    await tx;
    const [upd, add] = await Promise.all(later);
    expect(upd).toMatchObject({ stats: { updated: 1 } });
    expect(add).toMatch(/E11000/); // it waited, then met the committed document
    expect((await db.collection('orgs').doc('a').get()).data).toMatchObject({ v: 2, w: 1 });
  });

  it("fails another transaction's write on a locked document at once (runTransaction retries it)", async () => {
    const db = await dbWith([{ _id: 'a', v: 1 }]);
    const g = gate();
    const first = db.runTransaction(async (t) => {
      await t.collection('orgs').doc('a').update({ data: { v: 2 } });
      await g.wait;
    }, 1);
    await new Promise((r) => setImmediate(r));
    await expect(db.runTransaction(async (t) => {
      await t.collection('orgs').doc('a').update({ data: { v: 3 } });
    }, 1)).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    g.open();
    await first;
    expect((await db.collection('orgs').doc('a').get()).data).toMatchObject({ v: 2 });
  });

  it('fails the waiting outside writer when the lock is held past lockWaitMs; the transaction is not failed', async () => {
    const db = await dbWith([{ _id: 'a', v: 1 }], 1);
    const g = gate();
    let outside: Promise<unknown> | undefined;
    const tx = db.runTransaction(async (t) => {
      await t.collection('orgs').doc('a').update({ data: { v: 2 } });
      outside = db.collection('orgs').doc('a').update({ data: { v: 5 } });
      await outside.catch(() => undefined); // the lock is held until this writer gave up
      g.open();
    }, 1);
    await g.wait;
    await expect(outside).rejects.toMatchObject({ errCode: -502001, message: expect.stringContaining('lock wait timeout') });
    await tx;
    expect((await db.collection('orgs').doc('a').get()).data).toMatchObject({ v: 2 });
  });
});
