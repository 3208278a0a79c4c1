/* eslint-disable @typescript-eslint/no-explicit-any -- test helper: JSON answers are checked by the tests */
// Starts the real local host in-process over a seeded embedded store, for HTTP and browser tests.
import { functionFor } from './route';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../../host/http';
import { seedDemo } from '../../server/seed';
import { storeForTests, testStoreKind } from './pg';
import { openSeededPglite } from './seed-image';
import type { Store } from '../../server/store/port';
import { loadWordList, wordListChecker } from '../../server/content';
import { DEMO_NOW, WORDLIST } from './world';

export interface TestHost extends RunningHost {
  store: Store;
  post(area: string, body: unknown, token?: string): Promise<{ status: number; json: any }>;
  get(path: string): Promise<{ status: number; json: any }>;
  signIn(key: string): Promise<string>;
  stop(): Promise<void>;
}

/** The demo seeded at DEMO_NOW: a copy of the run's seed image (PGlite), or seeded here (PostgreSQL). */
async function seededStore(): Promise<Store> {
  if (testStoreKind() !== 'pg') return (await openSeededPglite()).store;
  const store = await storeForTests(); // issue #24: PostgreSQL when TEST_STORE=pg
  await seedDemo(store, DEMO_NOW);
  return store;
}

export async function startTestHost(): Promise<TestHost> {
  const store = await seededStore();
  const host = await startHost({ store, secret: 'test-secret', content: wordListChecker(loadWordList(WORDLIST)), h5Dir: join(__dirname, '..', '..', 'dist', 'h5'), quiet: true });
  // The demo is seeded at DEMO_NOW; rules must read the same day, whatever today is.
  host.clock.set(DEMO_NOW);
  const post = async (area: string, body: unknown, token?: string) => {
    const res = await fetch(`${host.url}api/${functionFor(area, body)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };
  return {
    ...host,
    store,
    post,
    get: async (path) => {
      const res = await fetch(`${host.url}${path.replace(/^\//, '')}`);
      return { status: res.status, json: await res.json() };
    },
    signIn: async (key) => (await post('account', { action: 'devSignIn', payload: { key } })).json.data.token,
    stop: async () => {
      await host.close();
      await store.close();
    },
  };
}
