// Issue #22: seating by protocol. The rostrum (主席台) seats the most senior in the centre; with an
// odd count No. 1 sits in the middle seat, with an even count Nos. 1 and 2 share the middle pair;
// then No. 2 at No. 1's left hand, No. 3 at the right hand, and so on alternating outwards (the
// convention of 党政机关会议: "左为上", left and right as the rostrum faces the hall). Seats are
// numbered as the hall sees them, from the audience's left (1) to right (n): No. 1's left hand is
// the audience's right.

/** For rank r (0 = most senior) of n rostrum seats: its seat number, 1-based from the audience's left. */
export function rostrumSeat(rank: number, n: number): number {
  const first = n % 2 === 1 ? (n + 1) / 2 : n / 2;
  if (rank === 0) return first;
  const step = Math.ceil(rank / 2);
  return rank % 2 === 1 ? first + step : first - step;
}

/** People in rank order placed on the rostrum: seat i holds … (audience's left to right). */
export function rostrumOrder<T>(ranked: readonly T[]): Array<{ seat: number; who: T }> {
  return ranked.map((who, rank) => ({ seat: rostrumSeat(rank, ranked.length), who })).sort((a, b) => a.seat - b.seat);
}
