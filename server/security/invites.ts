// Invite codes (issue #11): an office gives a person a code; the person binds their WeChat account
// with it (account.bind) or sets their first desk password (account.redeemInvite). Single use,
// 7 days, and only the code's hash is stored, so the table leaks no usable code.
import { createHash, randomInt } from 'node:crypto';
import { AppError, BIND_ATTEMPTS_PER_HOUR, INVITE_ALPHABET, type Person } from '../../domain';
import type { NotificationDraft } from '../notify/notify';
import { takeQuota, type CounterDoc } from './quota';
import { findAll, type Patch, type Store, type StoredDoc, type TxStore } from '../store/port';

export interface InviteDoc extends StoredDoc {
  personId: string;
  orgId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /** a newer code for the same person voids the older ones */
  voidedAt?: string | null;
}

export const inviteId = (code: string) => `i${createHash('sha256').update(code).digest('hex').slice(0, 39)}`;

export function newInviteCode(): string {
  let out = '';
  for (let i = 0; i < 10; i += 1) out += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return out;
}

/** A person's codes not yet used or voided (read before the write that voids them). */
export async function openInvites(store: Store, personId: string): Promise<InviteDoc[]> {
  return (await findAll<InviteDoc>(store, 'invites', { personId })).filter((i) => !i.usedAt && !i.voidedAt);
}

/** Voids the codes inside the caller's transaction (a newer code, a deactivation). */
export async function voidInvites(tx: TxStore, invites: readonly InviteDoc[], at: string): Promise<void> {
  for (const i of invites) await tx.update<InviteDoc>('invites', i._id, i.version, { voidedAt: at });
}

/** The person a usable code names, inside the caller's transaction (so redeeming it is atomic). */
export async function usableInvite(tx: TxStore, code: string, now: Date): Promise<{ invite: InviteDoc; person: Person } | null> {
  const invite = await tx.get<InviteDoc>('invites', inviteId(code));
  if (!invite || invite.usedAt || invite.voidedAt || invite.expiresAt <= now.toISOString()) return null;
  const person = await tx.get<Person>('users', invite.personId);
  if (!person || person.active === false) return null;
  return { invite, person };
}

/**
 * Who a wrong code is counted against (issue #17): the code itself (a code cannot be tried over and
 * over), the person a stale code names (used, voided or expired), and for a WeChat binding the
 * WeChat account — never a network address, so one guesser behind an office's NAT locks out no desk.
 */
export function attemptKeys(code: string, openid?: string): string[] {
  return [`code:${code}`, ...(openid ? [`openid:${openid}`] : [])];
}

/**
 * Uses a code up: in one transaction the code is marked used and the person it names is patched
 * (`patch` may refuse by throwing). A code that names nobody usable is counted against each of
 * `who` (and the person a stale code names) and refused, the same words whatever the reason, so a
 * guesser learns nothing.
 */
export async function redeemCode(
  ctx: { store: Store; now: Date; write<T>(fn: (tx: TxStore) => Promise<T>, messages?: (result: T) => readonly NotificationDraft[]): Promise<T> },
  who: readonly string[],
  code: string,
  patch: (person: Person) => Patch<Person>,
  /** messages committed with the redemption (the outbox), built from the person as saved */
  messages?: (saved: Person) => readonly NotificationDraft[],
): Promise<Person> {
  const saved = await ctx.write(async (tx) => {
    const found = await usableInvite(tx, code, ctx.now);
    if (!found) return null;
    const { invite, person } = found;
    const changes = patch(person);
    await tx.update<InviteDoc>('invites', invite._id, invite.version, { usedAt: ctx.now.toISOString() });
    return tx.update<Person>('users', person._id, person.version, changes);
  }, (p) => (p && messages ? messages(p) : []));
  if (!saved) {
    const stale = await ctx.store.get<InviteDoc>('invites', inviteId(code));
    for (const key of [...who, ...(stale ? [`person:${stale.personId}`] : [])]) await countWrongCode(ctx.store, key, ctx.now);
    throw new AppError('validation_error', '邀请码无效、已使用或已过期，请向办公室索取新的邀请码', [{ path: 'code', message: '邀请码无效' }]);
  }
  return saved;
}

/** The counter of wrong codes of one key in the current hour. */
function attemptsId(who: string, now: Date): string {
  const hour = Math.floor(now.getTime() / 3600_000);
  return `bind:${createHash('sha256').update(who).digest('hex').slice(0, 24)}:${hour}`;
}

const TOO_MANY = '邀请码错误次数过多，请一小时后再试';

/**
 * Refuses, before any code is looked at, when one of `who` has used up this hour's wrong tries,
 * or the person the code names has (their codes are being guessed around).
 */
export async function checkAttempts(store: Store, who: readonly string[], now: Date, code?: string): Promise<void> {
  const named = code ? await store.get<InviteDoc>('invites', inviteId(code)) : null;
  for (const key of [...who, ...(named ? [`person:${named.personId}`] : [])]) {
    const c = await store.get<CounterDoc>('counters', attemptsId(key, now));
    if (c && c.n >= BIND_ATTEMPTS_PER_HOUR) throw new AppError('rate_limited', TOO_MANY);
  }
}

/** Counts a wrong code (its own commit: the refused call changes nothing else); past the limit it stays at the limit. */
export async function countWrongCode(store: Store, who: string, now: Date): Promise<void> {
  const expiresAt = new Date((Math.floor(now.getTime() / 3600_000) + 1) * 3600_000).toISOString();
  await store.transaction((tx) => takeQuota(tx, attemptsId(who, now), BIND_ATTEMPTS_PER_HOUR, TOO_MANY, expiresAt)).catch((e: unknown) => {
    if (!(e instanceof AppError && e.code === 'rate_limited')) throw e;
  });
}
