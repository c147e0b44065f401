import { describe, expect, it } from "vitest";
import { xmr } from "../../../shared/methods/xmr.ts";

describe("XmR chart", () => {
  it("computes limits from the mean moving range", () => {
    // mean 5; MR = 2,2,2,2 → mean MR 2; limits 5 ± 5.32; URL 6.534
    const r = xmr([4, 6, 4, 6, 5]);
    expect(r.mean).toBeCloseTo(5, 12);
    expect(r.movingRanges).toEqual([2, 2, 2, 1]);
    expect(r.meanMovingRange).toBeCloseTo(1.75, 12);
    expect(r.upperLimit).toBeCloseTo(5 + 2.66 * 1.75, 12);
    expect(r.lowerLimit).toBeCloseTo(5 - 2.66 * 1.75, 12);
    expect(r.upperRangeLimit).toBeCloseTo(3.267 * 1.75, 12);
    expect(r.trial).toBe(true);
  });

  it("reports the lower limit unclipped (can be negative)", () => {
    const r = xmr([0, 3, 0, 3, 0, 3, 0, 3, 0, 3, 0, 3]);
    expect(r.lowerLimit as number).toBeLessThan(0);
    expect(r.trial).toBe(false);
  });

  it("flags a point strictly outside the limits", () => {
    const base = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];
    const r = xmr([...base, 30]);
    expect(r.outside).toEqual([12]);
  });

  it("flags a point below the lower limit as well as one above the upper", () => {
    const base = [20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21];
    expect(xmr([...base, 1]).outside).toEqual([12]);
  });

  it("flags 7 points on one side of the mean; a point on the mean breaks the run", () => {
    const up = xmr([1, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 9]);
    expect(up.runs).toEqual([
      { start: 0, end: 6, side: "below" },
      { start: 7, end: 13, side: "above" },
    ]);
    // mean of this series is exactly 5; the 5 in the middle splits six + six below/above
    const broken = xmr([1, 1, 1, 5, 1, 1, 1, 9, 9, 9, 5, 9, 9, 9]);
    expect(broken.mean).toBe(5);
    expect(broken.runs).toEqual([]);
  });

  it("a constant series has no variation and both limits at the mean", () => {
    const r = xmr([7, 7, 7, 7]);
    expect(r.status).toBe("no variation");
    expect(r.upperLimit).toBe(7);
    expect(r.lowerLimit).toBe(7);
  });

  it("one point is too few", () => {
    expect(xmr([3]).status).toBe("too few points");
  });
});
