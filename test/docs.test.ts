// The reviewers' tables in docs/ must match the data the router and transition() run on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDoc } from '../domain/tables';

it('docs/permissions-and-workflows.md is up to date (run `npm run docs`)', () => {
  const file = readFileSync(join(__dirname, '..', 'docs', 'permissions-and-workflows.md'), 'utf8');
  expect(file).toBe(generatedDoc());
});
