// Signed session tokens of the local host (DESIGN.md "identity": a signed session from the local
// host's sign-in). HMAC-SHA256 over `userId.expiry`; nothing is stored server-side.
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

export function signSession(secret: string, userId: string, now: Date): string {
  const body = b64url(JSON.stringify({ u: userId, e: now.getTime() + TTL_MS }));
  return `${body}.${mac(secret, body)}`;
}

/** The user id a token names, or null if it is forged, malformed or expired. */
export function verifySession(secret: string, token: string, now: Date): string | null {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { u, e } = parsed as { u?: unknown; e?: unknown };
    if (typeof u !== 'string' || typeof e !== 'number' || e < now.getTime()) return null;
    return u;
  } catch {
    return null;
  }
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
