/** A fixed "today" for deterministic tests: 2026-11-24 10:00 in Shanghai. */
export const DEMO_NOW = new Date('2026-11-24T02:00:00.000Z');
