import { describe, expect, it } from "vitest";
import { xmr } from "../../../shared/methods/xmr.ts";

describe("XmR chart", () => {
  it("computes limits from the mean moving range", () => {
    const r = xmr([4, 6, 4, 6, 5]);
    expect(r.mean).toBeCloseTo(5, 12);
    expect(r.movingRanges).toEqual([2, 2, 2, 1]);
    expect(r.meanMovingRange).toBeCloseTo(1.75, 12);
    expect(r.upperLimit).toBeCloseTo(5 + 2.66 * 1.75, 12);
    expect(r.lowerLimit).toBeCloseTo(5 - 2.66 * 1.75, 12);
    expect(r.upperWarning).toBeCloseTo(5 + (2 / 3) * 2.66 * 1.75, 12);
    expect(r.lowerWarning).toBeCloseTo(5 - (2 / 3) * 2.66 * 1.75, 12);
    expect(r.upperRangeLimit).toBeCloseTo(3.267 * 1.75, 12);
    expect(r.trial).toBe(true);
    expect(r.signal).toBe(false);
  });

  it("limits are trial until 12 points", () => {
    const eleven = [0, 3, 0, 3, 0, 3, 0, 3, 0, 3, 0];
    expect(xmr(eleven).trial).toBe(true);
    expect(xmr([...eleven, 3]).trial).toBe(false);
  });

  it("reports the lower limit unclipped (can be negative)", () => {
    const r = xmr([0, 3, 0, 3, 0, 3, 0, 3, 0, 3, 0, 3]);
    expect(r.lowerLimit as number).toBeLessThan(0);
  });

  it("flags a point strictly outside the limits, above or below", () => {
    const base = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];
    expect(xmr([...base, 30]).outside).toEqual([12]);
    const low = [20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21];
    expect(xmr([...low, 1]).outside).toEqual([12]);
  });

  it("a point exactly on a limit is not outside it", () => {
    // mean 2, MR all 2 → limits 2 ± 5.32; a baseline of 4 points fixes them, then 7.32 sits on the limit
    const r = xmr([1, 3, 1, 3, 2 + 2.66 * 2], { baseline: 4 });
    expect(r.upperLimit).toBe(2 + 2.66 * 2);
    expect(r.outside).toEqual([]);
  });

  it("flags 7 points on one side of the mean; a point on the mean breaks the run", () => {
    const up = xmr([1, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 9]);
    expect(up.runs).toEqual([
      { start: 0, end: 6, side: "below" },
      { start: 7, end: 13, side: "above" },
    ]);
    const broken = xmr([1, 1, 1, 5, 1, 1, 1, 9, 9, 9, 5, 9, 9, 9]);
    expect(broken.mean).toBe(5);
    expect(broken.runs).toEqual([]);
  });

  it("trends: 7 points each higher than the last; an equal value breaks it (NHSRplotthedots' own cases)", () => {
    expect(xmr([1, 2, 3, 4, 5, 6]).trends).toEqual([]);
    expect(xmr([1, 2, 3, 3, 4, 5, 6]).trends).toEqual([]);
    expect(xmr([1, 2, 3, 4, 5, 6, 7]).trends).toEqual([{ start: 0, end: 6, direction: "up" }]);
    expect(xmr([2, 1, 2, 3, 4, 5, 6, 7, 3]).trends).toEqual([{ start: 1, end: 7, direction: "up" }]);
    expect(xmr([2, 7, 6, 5, 4, 3, 2, 1, 3]).trends).toEqual([{ start: 1, end: 7, direction: "down" }]);
  });

  it("two of three points beyond a 2-sigma line on one side", () => {
    // 12 points of ±1 around 10 (mean MR 2 → 2-sigma at 10 ± 3.547, limits at 10 ± 5.32)
    const base = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11];
    const r = xmr([...base, 14, 11, 14.5, 9], { baseline: 12 });
    expect(r.mean).toBe(10);
    expect(r.upperWarning).toBeCloseTo(10 + (2 / 3) * 2.66 * 2, 12);
    expect(r.outside).toEqual([]);
    expect(r.twoOfThree).toEqual([12, 14]);
    // The middle point below the mean: not on one side, no signal
    const split = xmr([...base, 14, 9, 14.5, 9], { baseline: 12 });
    expect(split.twoOfThree).toEqual([]);
    // One point near the limit alone is no signal
    expect(xmr([...base, 14, 11, 11, 9], { baseline: 12 }).twoOfThree).toEqual([]);
  });

  it("flags a moving range above its upper limit (3.267 × mean MR)", () => {
    const base = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];
    const r = xmr([...base, 16, 11], { baseline: 12 });
    expect(r.upperRangeLimit).toBeCloseTo(3.267, 12);
    expect(r.movingRangeAbove).toEqual([12, 13]);
    expect(r.signal).toBe(true);
  });

  it("a baseline fixes mean and limits on its points (NHSRplotthedots fix_after_n_points)", () => {
    const r = xmr([10, 12, 10, 12, 20, 21, 22], { baseline: 4 });
    expect(r.limitPoints).toBe(4);
    expect(r.mean).toBe(11);
    expect(r.meanMovingRange).toBe(2);
    expect(r.outside).toEqual([4, 5, 6]);
  });

  it("a constant series has no variation and both limits at the mean", () => {
    const r = xmr([7, 7, 7, 7]);
    expect(r.status).toBe("no variation");
    expect(r.upperLimit).toBe(7);
    expect(r.lowerLimit).toBe(7);
    expect(r.signal).toBe(false);
  });

  it("one point is too few", () => {
    const r = xmr([3]);
    expect(r.status).toBe("too few points");
    expect(r.upperLimit).toBeNull();
  });
});
