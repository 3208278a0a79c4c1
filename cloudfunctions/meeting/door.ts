// Issue #22: the door's rotating code (Art. 5). Each meeting keeps a random secret; the code of a
// 30-second window is an HMAC of the secret, the meeting and the window, cut to 6 digits, and the
// QR's token is the meeting and that code (`checkInScene`, ≤ 32 characters for a mini-program code).
// A code is accepted in its window and the next; older ones of the day are recognised as expired.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DOOR_EXPIRED_WINDOWS, DOOR_WINDOW_MS, doorWindow } from '../../domain';
import type { MeetingDoc } from '../../server/store/docs';

export const newDoorSecret = (): string => randomBytes(32).toString('hex');

export function doorCode(secret: string, meetingId: string, window: number): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'hex')).update(`${meetingId}:${window}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The code on the door screen at `at`, with when it stops being accepted and when it changes. */
export function doorCodeAt(m: MeetingDoc & { doorSecret: string }, at: Date): { code: string; validUntil: string; rotatesAt: string } {
  const w = doorWindow(at);
  return {
    code: doorCode(m.doorSecret, m._id, w),
    rotatesAt: new Date((w + 1) * DOOR_WINDOW_MS).toISOString(),
    validUntil: new Date((w + 2) * DOOR_WINDOW_MS).toISOString(),
  };
}

/** ok: the code of the window of `at` or the one before; expired: an older code of this meeting. */
export function judgeDoorCode(m: MeetingDoc, code: string, at: Date): 'ok' | 'expired' | 'wrong' {
  if (!m.doorSecret) return 'wrong';
  const w = doorWindow(at);
  if (same(code, doorCode(m.doorSecret, m._id, w)) || same(code, doorCode(m.doorSecret, m._id, w - 1))) return 'ok';
  for (let k = 2; k <= DOOR_EXPIRED_WINDOWS; k += 1) if (same(code, doorCode(m.doorSecret, m._id, w - k))) return 'expired';
  return 'wrong';
}
