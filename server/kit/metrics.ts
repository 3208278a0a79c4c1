// Counters of calls that leave no audit row of their own (issue #6, defect 10): unauthenticated,
// malformed and unknown calls. Process-wide, no personal data; the bench and tests read them.

export type RefusalKind = 'unauthenticated' | 'malformed' | 'unknown_area' | 'unknown_action' | 'bad_request';

const counts: Record<RefusalKind, number> = {
  unauthenticated: 0,
  malformed: 0,
  unknown_area: 0,
  unknown_action: 0,
  bad_request: 0,
};

export function countRefusal(kind: RefusalKind): void {
  counts[kind] += 1;
}

export function refusalCounts(): Readonly<Record<RefusalKind, number>> {
  return { ...counts };
}
