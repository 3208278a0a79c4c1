// Issue #18: the import graph of domain/, server/, host/, cloudfunctions/ and src/ has no cycle, and
// its layers point one way — no file under server/ imports cloudfunctions/, host/ or src/, and no
// area (cloudfunctions/<area>/) imports another area: areas share code through domain/ or server/
// (server/areas/ holds the record kinds and views more than one area reads).
// scripts/import-graph.cjs is the check; `node scripts/import-graph.cjs` prints the same findings.
/* eslint-disable @typescript-eslint/no-require-imports -- the check is a CommonJS script */
const { check } = require('../scripts/import-graph.cjs') as {
  check(): { files: number; cycles: string[][]; breaks: Array<{ from: string; to: string; why: string }> };
};

describe('the import graph', () => {
  const result = check();

  it('reads the whole code base', () => {
    expect(result.files).toBeGreaterThan(300);
  });

  it('has no cycle', () => {
    expect(result.cycles).toEqual([]);
  });

  it('has no import against the layers (server/ → cloudfunctions/, an area → another area, …)', () => {
    expect(result.breaks.map((b) => `${b.from} → ${b.to}: ${b.why}`)).toEqual([]);
  });
});
