// Removes the seed image global-setup.ts made (not one handed in from outside).
import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.JM_SEED_IMAGE_OWNED;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
