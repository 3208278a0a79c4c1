// Issue #25: test/store-explain.test.ts's EXPLAIN check on a real PostgreSQL server (TEST_DATABASE_URL).
import { openPgClient, openPgStore, type PgClient } from '../server/store/pg';
import { createTestDatabase, describePg } from './support/pg';
import { explainSuite } from './support/explain-suite';

describePg('EXPLAIN of every listed query: PostgreSQL server', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let client: PgClient | undefined;
  explainSuite(
    async () => {
      db = await createTestDatabase('explain');
      client = openPgClient(db.url);
      return { store: await openPgStore(db.url), sql: client };
    },
    async (store) => {
      await store.close();
      await client?.close();
      await db?.drop();
    },
  );
});
