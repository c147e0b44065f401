import { describe, expect, it } from "vitest";
import { findTrends, IHI_RUNS_TABLE, qbinom, runChart } from "../../../shared/methods/runChart.ts";

// Sides: AA B A BB A B AA BB A B A BB AA B → 14 runs over 20 points, none longer than 2.
const sides = "AABABBABAABBABABBAAB";
const high = [12, 14, 13];
const low = [3, 1, 2];
const random20 = [...sides].map((s, i) => (s === "A" ? high[i % 3] : low[i % 3]) as number);

describe("qbinom (R semantics)", () => {
  it("matches the Anhøj crossings table", () => {
    expect(qbinom(0.05, 9, 0.5)).toBe(2); // n = 10
    expect(qbinom(0.05, 11, 0.5)).toBe(3); // n = 12
    expect(qbinom(0.05, 19, 0.5)).toBe(6); // n = 20
    expect(qbinom(0.05, 23, 0.5)).toBe(8); // n = 24
    expect(qbinom(0.05, 99, 0.5)).toBe(41); // n = 100
  });
  it("handles sizes where 0.5^n underflows", () => {
    const q = qbinom(0.05, 5000, 0.5);
    expect(q).toBeGreaterThan(2400);
    expect(q).toBeLessThan(2500);
  });
});

describe("run chart rules", () => {
  it("fewer than 10 useful points: too few points, no signal for any rule", () => {
    const r = runChart([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.status).toBe("too few points");
    expect(r.ihi.signal).toBe(false);
    expect(r.ihi.trends).toEqual([]);
    expect(r.ihi.runsVerdict).toBe("too few points");
    expect(r.anhoej.signal).toBe(false);
  });

  it("ignores points on the median when counting useful points and runs", () => {
    // median 5; the three 5s are not useful: 10 useful points remain
    const r = runChart([1, 9, 5, 2, 8, 5, 3, 7, 5, 4, 6, 2, 8]);
    expect(r.median).toBe(5);
    expect(r.useful).toBe(10);
    expect(r.status).toBe("ok");
    expect(r.runs.length).toBe(10);
  });

  it("a sustained shift: IHI shift and too few runs; Anhøj long run and too few crossings", () => {
    const r = runChart([5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 15, 16, 15, 16, 15, 16, 15, 16, 15, 16]);
    expect(r.median).toBe(10.5);
    expect(r.useful).toBe(20);
    expect(r.longestRun).toBe(10);
    expect(r.crossings).toBe(1);
    expect(r.ihi.shifts.map((s) => [s.start, s.end, s.side])).toEqual([
      [0, 9, "below"],
      [10, 19, "above"],
    ]);
    expect(r.ihi.runsLimits).toEqual({ lower: 6, upper: 16 });
    expect(r.ihi.runsVerdict).toBe("too few runs");
    expect(r.ihi.trends).toEqual([]);
    expect(r.anhoej.longestRunMax).toBe(7); // round(log2 20) + 3
    expect(r.anhoej.crossingsMin).toBe(6);
    expect(r.anhoej.unusuallyLongRun).toBe(true);
    expect(r.anhoej.tooFewCrossings).toBe(true);
  });

  it("random-looking variation gives no signal", () => {
    const r = runChart(random20);
    expect(r.useful).toBe(20);
    expect(r.runs.length).toBe(14);
    expect(r.ihi.runsVerdict).toBe("as expected");
    expect(r.ihi.signal).toBe(false);
    expect(r.anhoej.signal).toBe(false);
  });

  it("alternating every point is too many runs (IHI)", () => {
    const r = runChart([1, 9, 2, 8, 1, 9, 2, 8, 1, 9, 2, 8, 1, 9, 2, 8, 1, 9, 2, 8]);
    expect(r.runs.length).toBe(20);
    expect(r.ihi.runsVerdict).toBe("too many runs");
    expect(r.anhoej.signal).toBe(false);
  });

  it("a run of exactly 6 is a shift; 5 is not", () => {
    // L = 1 or 2, H = 8 or 9, ten of each: the median (5) separates them.
    const series = (pattern: string) => [...pattern].map((c, i) => (c === "L" ? 1 + (i % 2) : 8 + (i % 2)));
    const six = runChart(series("LLLLLLHLHLHLHLHHHHHH"));
    expect(six.median).toBe(5);
    expect(six.ihi.shifts.map((s) => [s.start, s.length])).toEqual([
      [0, 6],
      [14, 6],
    ]);
    const five = runChart(series("LLLLLHLHLHLHLHLHHHHH"));
    expect(five.longestRun).toBe(5);
    expect(five.ihi.shifts).toEqual([]);
  });

  it("Anhøj: exactly the minimum crossings (6 for 20 points) is not too few; 5 is", () => {
    const series = (runs: number[]) => runs.flatMap((length, i) => Array<number>(length).fill(i % 2 ? 9 : 1));
    const six = runChart(series([3, 3, 3, 4, 2, 3, 2]));
    expect([six.useful, six.crossings, six.anhoej.crossingsMin]).toEqual([20, 6, 6]);
    expect(six.anhoej.tooFewCrossings).toBe(false);
    const five = runChart(series([4, 3, 3, 4, 3, 3]));
    expect([five.useful, five.crossings]).toEqual([20, 5]);
    expect(five.anhoej.tooFewCrossings).toBe(true);
  });

  it("the published runs table starts at 10 and ends at 60", () => {
    expect(IHI_RUNS_TABLE[10]).toEqual([3, 9]);
    expect(IHI_RUNS_TABLE[60]).toEqual([25, 36]);
    expect(IHI_RUNS_TABLE[9]).toBeUndefined();
    const many = runChart(Array.from({ length: 72 }, (_, i) => (i % 4 < 2 ? 1 : 9)));
    expect(many.ihi.runsVerdict).toBe("outside the published table");
  });
});

describe("IHI trend", () => {
  it("5 points all going up (4 rises) is a trend; 4 points is not", () => {
    expect(findTrends([3, 1, 2, 3, 4, 5, 2])).toEqual([{ start: 1, end: 5, direction: "up", length: 5 }]);
    expect(findTrends([3, 1, 2, 3, 4, 2])).toEqual([]);
  });

  it("a repeated value neither makes nor breaks a trend", () => {
    expect(findTrends([9, 8, 8, 7, 6, 6, 6, 5, 7])).toEqual([
      { start: 0, end: 7, direction: "down", length: 5 },
    ]);
    expect(findTrends([1, 2, 2, 2, 3, 4])).toEqual([]);
  });

  it("is reported by runChart once 10 useful points exist", () => {
    const r = runChart([5, 3, 6, 2, 1, 2, 3, 4, 5, 6, 4, 7]);
    expect(r.ihi.trends.map((t) => t.direction)).toContain("up");
    expect(r.ihi.signal).toBe(true);
  });
});
