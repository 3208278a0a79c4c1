// Issue #22: the rostrum puts the most senior in the centre and alternates outwards, No. 2 at
// No. 1's left hand (the audience's right), for odd and even counts.
import { rostrumOrder, rostrumSeat } from './seating';

it('seven seats: No. 1 in the middle, No. 2 at his left hand (audience right), No. 3 at his right', () => {
  expect([0, 1, 2, 3, 4, 5, 6].map((r) => rostrumSeat(r, 7))).toEqual([4, 5, 3, 6, 2, 7, 1]);
  expect(rostrumOrder(['一', '二', '三', '四', '五', '六', '七']).map((x) => x.who)).toEqual(['七', '五', '三', '一', '二', '四', '六']);
});

it('six seats: Nos. 1 and 2 share the middle pair, No. 2 at No. 1\'s left hand', () => {
  expect([0, 1, 2, 3, 4, 5].map((r) => rostrumSeat(r, 6))).toEqual([3, 4, 2, 5, 1, 6]);
});

it('one and two seats', () => {
  expect(rostrumSeat(0, 1)).toBe(1);
  expect([0, 1].map((r) => rostrumSeat(r, 2))).toEqual([1, 2]);
});
