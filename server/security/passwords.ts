// Passwords (issue #17, ASVS 5 V6): hashing, verifying, and refusing weak ones.
// - Pre-hash: bcrypt reads only 72 bytes (24 CJK characters), so the NFC password is first turned
//   into HMAC-SHA256 → base64 (44 ASCII characters, no NUL) and that is bcrypt-hashed; length then
//   counts in characters. New hashes are marked `jm2$`; a hash without the mark is the earlier plain
//   bcrypt and is still verified (and upgraded at the next sign-in).
// - An unknown login is compared against a dummy hash of the same cost, so it costs what a known
//   one costs.
// - Weak: the length / letter+digit rule (domain), a compiled list of common passwords and the
//   words they are built from with only digits or symbols around them, and any password that
//   contains the person's login or name.
import { createHmac } from 'node:crypto';
import * as bcrypt from 'bcryptjs';
import { passwordProblem } from '../../domain';
import { commonPasswords, commonWords } from './common-passwords';

const COST = 10;
const SCHEME = 'jm2$';
/** Not a secret (a pepper would need key management per deployment): it only fixes the encoding. */
const PREHASH_KEY = 'joint-meeting/password/v2';

function prehash(password: string): string {
  return createHmac('sha256', PREHASH_KEY).update(password.normalize('NFC'), 'utf8').digest('base64');
}

export async function hashPassword(password: string): Promise<string> {
  return SCHEME + (await bcrypt.hash(prehash(password), COST));
}

/** Whether `stored` was made by an earlier scheme (plain bcrypt of the first 72 bytes). */
export const isLegacyHash = (stored: string) => !stored.startsWith(SCHEME);

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith(SCHEME)) return bcrypt.compare(prehash(password), stored.slice(SCHEME.length));
  return bcrypt.compare(password, stored);
}

/** A hash of a random password of the same cost: unknown logins are compared against it. */
const DUMMY_HASH = `${SCHEME}$2b$10$NF3FyTIxYw1umAmTeH9ic.bVGbkM96TosCipsbGVBOurppSlTLzu.`;

/** The same work as a real comparison, always false (an unknown or inactive login). */
export async function compareWithDummy(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}

let common: Set<string> | null = null;
let words: Set<string> | null = null;
const AROUND = /^[0-9\s!-/:-@[-`{-~]+|[0-9\s!-/:-@[-`{-~]+$/g;

/** Why `password` is refused, or null; `who` is the person's login and name. */
export function weakPassword(password: string, who: { login?: string; name?: string }): string | null {
  const basic = passwordProblem(password);
  if (basic) return basic;
  const lower = password.normalize('NFKC').toLowerCase();
  common ??= new Set(commonPasswords());
  words ??= new Set(commonWords());
  if (common.has(lower) || words.has(lower.replace(AROUND, ''))) return '密码过于常见，容易被猜中，请换一个';
  const login = who.login?.toLowerCase();
  if (login && login.length >= 3 && lower.includes(login)) return '密码不能包含登录名';
  const name = who.name?.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (name && [...name].length >= 2 && lower.replace(/\s+/g, '').includes(name)) return '密码不能包含姓名';
  return null;
}
