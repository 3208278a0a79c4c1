// Signed session tokens of the local host (DESIGN.md "identity": a signed session from the local
// host's sign-in). HMAC-SHA256 over `{ user, expiry, epoch }`. Revocation (issue #11): the token
// carries the person's session epoch; signing out, a deactivation or a role change moves the
// person's epoch on, so every earlier token stops working at once (identity compares the two).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TTL_MS = 7 * 24 * 3600 * 1000;

function b64url(buf: Buffer | string): string {
  return Buffer.from(buf).toString('base64url');
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function signSession(secret: string, userId: string, now: Date, epoch = 0): string {
  const body = b64url(JSON.stringify({ u: userId, e: now.getTime() + TTL_MS, s: epoch }));
  return `${body}.${mac(secret, body)}`;
}

/** The user id and session epoch a token names, or null if it is forged, malformed or expired. */
export function verifySessionEpoch(secret: string, token: string, now: Date): { userId: string; epoch: number } | null {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { u, e, s } = parsed as { u?: unknown; e?: unknown; s?: unknown };
    if (typeof u !== 'string' || typeof e !== 'number' || e < now.getTime()) return null;
    return { userId: u, epoch: typeof s === 'number' ? s : 0 };
  } catch {
    return null;
  }
}

/** The user id a token names, or null (the epoch is checked by identity). */
export function verifySession(secret: string, token: string, now: Date): string | null {
  return verifySessionEpoch(secret, token, now)?.userId ?? null;
}

/** SESSION_SECRET, or a random secret kept beside the data so sessions survive restarts. */
export function loadSessionSecret(dataDir: string): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
