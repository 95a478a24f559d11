// The locator's pieces of one broken line (glare, a fold, a page tilted out of the plane) joined into
// one more candidate, and nothing joined that is not one line.
import { describe, expect, it } from 'vitest';
import { joinBrokenLines, type LineCandidate } from '../../../shared/mrz/reader/locate';

const piece = (cx: number, cy: number, length: number, angle = 0.1, thickness = 16): LineCandidate => ({ cx, cy, angle, length, thickness, fill: 0.9, scale: 2 });
/** A point `along` the direction `angle` from (x, y), and `across` it. */
const at = (x: number, y: number, angle: number, along: number, across = 0): [number, number] =>
  [x + along * Math.cos(angle) - across * Math.sin(angle), y + along * Math.sin(angle) + across * Math.cos(angle)];

describe('joinBrokenLines', () => {
  it('joins two pieces of one line with a gap between them, and two that overlap a little', () => {
    const a = piece(300, 200, 340);
    for (const gap of [40, -10]) {
      const [x, y] = at(300, 200, 0.1, 340 + gap);
      const joined = joinBrokenLines([a, piece(x, y, 340)]);
      expect(joined).toHaveLength(1);
      expect(joined[0]!.length).toBeCloseTo(680 + gap, 0);
      const [mx, my] = at(300, 200, 0.1, (340 + gap) / 2);
      expect(joined[0]!.cx).toBeCloseTo(mx, 0);
      expect(joined[0]!.cy).toBeCloseTo(my, 0);
    }
  });

  it('joins nothing that is not one line: the next line of the MRZ, a piece far away, another direction, one line found twice', () => {
    const a = piece(300, 200, 340);
    const [nx, ny] = at(300, 200, 0.1, 350, 28); // the line below, beside the end
    const [fx, fy] = at(300, 200, 0.1, 340 + 100); // six thicknesses away
    const [dx, dy] = at(300, 200, 0.1, 20); // nearly the same region again
    expect(joinBrokenLines([a, piece(nx, ny, 340)])).toEqual([]);
    expect(joinBrokenLines([a, piece(fx, fy, 340)])).toEqual([]);
    const [ox, oy] = at(300, 200, 0.1, 360);
    expect(joinBrokenLines([a, piece(ox, oy, 340, 0.1 + 0.15)])).toEqual([]);
    expect(joinBrokenLines([a, piece(dx, dy, 330)])).toEqual([]);
  });
});
