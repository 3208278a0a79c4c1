// Check-in attempts kept on the phone (issue #8): a venue's network is often weak, so an attempt
// whose call never got an answer is stored with its idempotency key and sent again, under the same
// key, when the network returns. The server applies one key once and answers a second check-in
// with already=true, so a retry can never record a second presence.
import Taro from '@tarojs/taro';
import type { CheckInView } from '../../../../domain/schemas/meeting';
import { call } from '../../../services/api';
import { newIdempotencyKey } from '../../../utils/keys';

const KEY = 'meeting_checkin_pending';

export interface PendingCheckIn {
  meetingId: string;
  code: string;
  idempotencyKey: string;
  /** when it was first tried (ISO) */
  savedAt: string;
}

function isPending(v: unknown): v is PendingCheckIn {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.meetingId === 'string' && typeof o.code === 'string' && typeof o.idempotencyKey === 'string';
}

function readAll(): PendingCheckIn[] {
  try {
    const v: unknown = Taro.getStorageSync(KEY);
    return Array.isArray(v) ? v.filter(isPending) : [];
  } catch {
    return [];
  }
}

function writeAll(list: PendingCheckIn[]): void {
  try {
    if (list.length) Taro.setStorageSync(KEY, list);
    else Taro.removeStorageSync(KEY);
  } catch {
    // Storage full or disabled: the attempt lives as long as the page does.
  }
}

/** The kept attempt for this meeting, if any. */
export function pendingFor(meetingId: string): PendingCheckIn | null {
  return readAll().find((p) => p.meetingId === meetingId) ?? null;
}

/**
 * The attempt to send for this meeting and code: the kept one (same key) when it is for the same
 * code, else a new one. Not stored until a call fails for the network (`keep`).
 */
export function attemptFor(meetingId: string, code: string): PendingCheckIn {
  const kept = pendingFor(meetingId);
  if (kept && kept.code === code) return kept;
  return { meetingId, code, idempotencyKey: `checkin-${newIdempotencyKey()}`, savedAt: new Date().toISOString() };
}

export function keep(p: PendingCheckIn): void {
  writeAll([...readAll().filter((x) => x.meetingId !== p.meetingId), p]);
}

export function drop(meetingId: string): void {
  writeAll(readAll().filter((x) => x.meetingId !== meetingId));
}

/**
 * Sends one attempt under its own key. A retry of a kept attempt carries when it was scanned
 * (issue #22): the door's code changes every 30 seconds, and the server judges a scan kept offline
 * at the time it was made (up to 12 hours later). A first try is judged at its arrival, so a phone
 * whose clock is off never turns a fresh code into an expired one.
 */
export function send(p: PendingCheckIn, retry = false): Promise<CheckInView> {
  const payload = { meetingId: p.meetingId, code: p.code, ...(retry ? { scannedAt: p.savedAt } : {}) };
  return call('meeting.checkIn', payload, { idempotencyKey: p.idempotencyKey });
}
