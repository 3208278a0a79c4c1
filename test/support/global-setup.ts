// Jest global set-up: the run's seed image (test/support/seed-image.ts), made once and handed to
// every worker through the environment. Removed again by global-teardown.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_IMAGE_ENV, writeSeedImage } from './seed-image';

export default async function globalSetup(): Promise<void> {
  if (process.env[SEED_IMAGE_ENV]) return; // made by an outer run (scripts/test.cjs shares one across stages)
  const dir = mkdtempSync(join(tmpdir(), 'jm-seed-'));
  const path = join(dir, 'seed.tar');
  await writeSeedImage(path);
  process.env[SEED_IMAGE_ENV] = path;
  process.env.JM_SEED_IMAGE_OWNED = dir;
}
