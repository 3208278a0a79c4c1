// The clock every rule reads. Rules never call Date.now(): they get `now` from here via the context.

export interface Clock {
  now(): Date;
  /** true while a development clock is moved away from real time (the audit records both) */
  readonly shifted?: boolean;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Development clock of the local host (`POST /api/dev/clock`): set to an instant, it keeps
 * running from there, so a demo can walk a meeting's calendar; `set(null)` returns to real time.
 */
export class DevClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock = systemClock) {}

  set(at: Date | null): void {
    this.offsetMs = at ? at.getTime() - this.base.now().getTime() : 0;
  }

  get shifted(): boolean {
    return this.offsetMs !== 0;
  }

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }
}
