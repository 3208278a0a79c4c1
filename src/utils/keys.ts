// Idempotency keys (the contract allows [A-Za-z0-9_:.-], 8–128 characters). One key names one
// intention of the user: a retry of the same write reuses it, so the server applies it once; a
// changed payload or the next write after a success is a new intention with a new key.

/** A fresh idempotency key. */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Unsettled intentions kept at most; the oldest is forgotten first. */
const KEEP = 20;

/**
 * The keys of the writes not yet answered with success, by what they send. The server binds a key
 * to its payload, so the same (action, payload) gets the same key until it succeeds — after a lost
 * answer or a refusal alike (a refused key is free again on the server).
 */
export class IntentKeys {
  private readonly keys = new Map<string, string>();

  /** The key to send `payload` to `action` under. */
  keyFor(action: string, payload: unknown): string {
    const id = fingerprint(action, payload);
    const known = this.keys.get(id);
    if (known) return known;
    const key = newIdempotencyKey();
    this.keys.set(id, key);
    if (this.keys.size > KEEP) this.keys.delete(this.keys.keys().next().value as string);
    return key;
  }

  /** The intention is settled (done, or its key may not be used again): the next one is new. */
  settle(action: string, payload: unknown): void {
    this.keys.delete(fingerprint(action, payload));
  }
}

function fingerprint(action: string, payload: unknown): string {
  return JSON.stringify([action, payload]);
}
