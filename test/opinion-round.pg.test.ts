// Issue #24: test/opinion-round.http.test.ts with its hosts on a real PostgreSQL server (TEST_DATABASE_URL).
import { join } from 'node:path';
import { runSuiteOnPg } from './support/pg';

runSuiteOnPg(join(__dirname, 'opinion-round.http.test.ts'));
