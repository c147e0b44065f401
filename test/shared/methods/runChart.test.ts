import { describe, expect, it } from "vitest";
import {
  anhoejLimits,
  findTrends,
  IHI_RUNS_TABLE,
  qbinom,
  runChart,
} from "../../../shared/methods/runChart.ts";
import { CDI } from "../../fixtures/cdi.ts";

// Sides: AA B A BB A B AA BB A B A BB AA B → 14 runs over 20 points, none longer than 2.
const sides = "AABABBABAABBABABBAAB";
const high = [12, 14, 13];
const low = [3, 1, 2];
const random20 = [...sides].map((s, i) => (s === "A" ? high[i % 3] : low[i % 3]) as number);

/**
 * Perla RJ, Provost LP, Murray SK. The run chart: a simple analytical tool for learning from variation in
 * healthcare processes. BMJ Qual Saf 2011;20:46–51, Table 1 ("Table for checking for too many or too few
 * runs on a run chart"; after Swed & Eisenhart 1943). Columns: useful observations, lower limit (too
 * few runs below it), upper limit (too many runs above it). Copied as printed.
 */
const PUBLISHED_RUNS_TABLE = `
10 3 9   11 3 10  12 3 11  13 4 11  14 4 12  15 5 12  16 5 13  17 5 13  18 6 14  19 6 15
20 6 16  21 7 16  22 7 17  23 7 17  24 8 18  25 8 18  26 9 19  27 10 19 28 10 20 29 10 20
30 11 21 31 11 22 32 11 22 33 11 23 34 12 23 35 13 24 36 13 24 37 13 25 38 14 25 39 14 26
40 15 26 41 16 26 42 16 27 43 17 27 44 17 28 45 17 29 46 17 30 47 18 30 48 18 31 49 19 31
50 19 32 51 20 32 52 21 32 53 21 33 54 22 33 55 22 34 56 23 34 57 23 35 58 24 35 59 24 36
60 25 36`;

function publishedRows(): Array<[number, number, number]> {
  const numbers = PUBLISHED_RUNS_TABLE.trim().split(/\s+/).map(Number);
  const rows: Array<[number, number, number]> = [];
  for (let i = 0; i < numbers.length; i += 3)
    rows.push([numbers[i] as number, numbers[i + 1] as number, numbers[i + 2] as number]);
  return rows;
}

/** A series of `useful` points whose runs alternate in the given lengths (1 below, 9 above; median 5). */
const withRuns = (lengths: number[]) =>
  lengths.flatMap((length, i) => Array<number>(length).fill(i % 2 ? 9 : 1));

describe("IHI runs table (Perla, Provost & Murray 2011, Table 1)", () => {
  const rows = publishedRows();
  it("has every published row from 10 to 60 useful points", () => {
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 51 }, (_, i) => i + 10));
  });
  it.each(rows)("%i useful points: runs from %i to %i are expected", (useful, lower, upper) => {
    expect(IHI_RUNS_TABLE[useful]).toEqual([lower, upper]);
  });
  it("below and beyond the table there are no limits", () => {
    expect(IHI_RUNS_TABLE[9]).toBeUndefined();
    expect(IHI_RUNS_TABLE[61]).toBeUndefined();
  });
});

/**
 * qicharts2's published critical values: Anhøj J, "qicharts2: Quality Improvement Charts for R", package
 * vignette, Appendix 2 "Critical values for longest run and number of crossings" (useful observations,
 * upper limit for longest run, lower limit for number of crossings), n = 10–100. Copied as printed.
 */
const PUBLISHED_ANHOEJ_TABLE = `
10 6 2    11 6 2    12 7 3    13 7 3    14 7 4    15 7 4    16 7 4    17 7 5    18 7 5
19 7 6    20 7 6    21 7 6    22 7 7    23 8 7    24 8 8    25 8 8    26 8 8    27 8 9
28 8 9    29 8 10   30 8 10   31 8 11   32 8 11   33 8 11   34 8 12   35 8 12   36 8 13
37 8 13   38 8 14   39 8 14   40 8 14   41 8 15   42 8 15   43 8 16   44 8 16   45 8 17
46 9 17   47 9 17   48 9 18   49 9 18   50 9 19   51 9 19   52 9 20   53 9 20   54 9 21
55 9 21   56 9 21   57 9 22   58 9 22   59 9 23   60 9 23   61 9 24   62 9 24   63 9 25
64 9 25   65 9 25   66 9 26   67 9 26   68 9 27   69 9 27   70 9 28   71 9 28   72 9 29
73 9 29   74 9 29   75 9 30   76 9 30   77 9 31   78 9 31   79 9 32   80 9 32   81 9 33
82 9 33   83 9 34   84 9 34   85 9 34   86 9 35   87 9 35   88 9 36   89 9 36   90 9 37
91 10 37  92 10 38  93 10 38  94 10 39  95 10 39  96 10 39  97 10 40  98 10 40  99 10 41
100 10 41`;

describe("published examples", () => {
  it("qicharts2's table of Anhøj limits, row by row (n = 10–100)", () => {
    const numbers = PUBLISHED_ANHOEJ_TABLE.trim().split(/\s+/).map(Number);
    expect(numbers).toHaveLength(91 * 3);
    for (let i = 0; i < numbers.length; i += 3) {
      const [n, longest, crossings] = numbers.slice(i, i + 3) as [number, number, number];
      expect(anhoejLimits(n), `n = ${n}`).toEqual({ longestRunMax: longest, crossingsMin: crossings });
    }
  });

  it("CDI with a 24-month baseline: median 19, an unusually long run of 15 below it (qicharts2 vignette)", () => {
    const r = runChart(CDI, { baseline: 24 });
    expect(r.centre).toBe(19);
    expect(r.longestRun).toBe(15);
    const longest = r.runs.find((run) => run.length === 15);
    expect(longest).toMatchObject({ start: 21, end: 35, side: "below" });
    expect(r.anhoej.unusuallyLongRun).toBe(true);
    expect(r.anhoej.signal).toBe(true);
    expect(r.ihi.shift).toBe(true);
  });

  it("CDI without a baseline: the shift is still signalled (qicharts2 vignette, first run chart)", () => {
    const r = runChart(CDI);
    expect(r.anhoej.signal).toBe(true);
  });
});

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
  it("size 0 gives 0, as R does", () => {
    expect(qbinom(0.05, 0, 0.5)).toBe(0);
  });
});

/** P(X ≤ c) for X ~ Binomial(m, ½), exactly, in whole numbers: an oracle independent of qbinom. */
function exactCdfAtLeast5Percent(m: number, c: number): boolean {
  let sum = 0n;
  let term = 1n; // C(m, 0)
  for (let k = 0; k <= c; k++) {
    sum += term;
    term = (term * BigInt(m - k)) / BigInt(k + 1);
  }
  // sum / 2^m ≥ 0.05  ⇔  20 · sum ≥ 2^m
  return 20n * sum >= 2n ** BigInt(m);
}

describe("Anhøj limits at any number of useful points (qicharts2 runs.analysis)", () => {
  it("the fewest crossings is qbinom(0.05, n − 1, 0.5): checked exactly for n = 1…200", () => {
    for (let n = 1; n <= 200; n++) {
      const limits = anhoejLimits(n);
      const c = limits?.crossingsMin as number;
      expect(exactCdfAtLeast5Percent(n - 1, c), `n = ${n}`).toBe(true);
      if (c > 0) expect(exactCdfAtLeast5Percent(n - 1, c - 1), `n = ${n}`).toBe(false);
    }
  });
  // Hand-computed: round(log2 n) + 3 and the binomial 5th percentile of n − 1 crossings.
  it.each([
    [1, 3, 0],
    [2, 4, 0],
    [5, 5, 0],
    [8, 6, 1],
    [10, 6, 2],
    [12, 7, 3],
    [20, 7, 6],
    [24, 8, 8],
    [45, 8, 17],
    [46, 9, 17],
    [100, 10, 41],
  ])("%i useful points: longest run ≤ %i, crossings ≥ %i", (n, longest, crossings) => {
    expect(anhoejLimits(n)).toEqual({ longestRunMax: longest, crossingsMin: crossings });
  });
  it("no useful point: no limits", () => {
    expect(anhoejLimits(0)).toBeNull();
  });
});

describe("run chart rules", () => {
  it("fewer than 10 useful points: IHI too few points, every IHI rule null; Anhøj still computed", () => {
    const r = runChart([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.median).toBe(5);
    expect([r.n, r.useful]).toEqual([9, 8]);
    expect(r.ihi).toEqual({
      status: "too few points",
      shift: null,
      shifts: null,
      trend: null,
      trends: null,
      runsCount: null,
      runsLimits: null,
      runsVerdict: null,
      signal: null,
    });
    // 8 useful points: longest run 4 ≤ round(log2 8) + 3 = 6, crossings 1 ≥ qbinom(0.05, 7, 0.5) = 1
    expect(r.longestRun).toBe(4);
    expect(r.crossings).toBe(1);
    expect(r.anhoej).toEqual({
      longestRunMax: 6,
      crossingsMin: 1,
      unusuallyLongRun: false,
      tooFewCrossings: false,
      signal: false,
    });
    // 9 points, all but one below a given centre: a run of 8 > round(log2 9) + 3 = 6 is a signal already.
    const early = runChart([1, 2, 1, 2, 1, 2, 1, 2, 9], { centre: 5 });
    expect(early.ihi.signal).toBeNull();
    expect(early.anhoej.unusuallyLongRun).toBe(true);
  });

  it("no data: everything not computable", () => {
    const r = runChart([]);
    expect(r.median).toBeNull();
    expect(r.useful).toBe(0);
    expect(r.longestRun).toBeNull();
    expect(r.anhoej.signal).toBeNull();
    expect(r.ihi.signal).toBeNull();
  });

  it("ignores points on the median when counting useful points and runs", () => {
    const r = runChart([1, 9, 5, 2, 8, 5, 3, 7, 5, 4, 6, 2, 8]);
    expect(r.median).toBe(5);
    expect(r.useful).toBe(10);
    expect(r.ihi.status).toBe("ok");
    expect(r.runs.length).toBe(10);
  });

  it("a sustained shift: IHI shift and too few runs; Anhøj long run and too few crossings", () => {
    const r = runChart([5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 15, 16, 15, 16, 15, 16, 15, 16, 15, 16]);
    expect(r.median).toBe(10.5);
    expect(r.centreFrom).toBe("median");
    expect(r.useful).toBe(20);
    expect(r.longestRun).toBe(10);
    expect(r.crossings).toBe(1);
    expect(r.ihi.shifts?.map((s) => [s.start, s.end, s.side])).toEqual([
      [0, 9, "below"],
      [10, 19, "above"],
    ]);
    expect(r.ihi.runsLimits).toEqual({ lower: 6, upper: 16 });
    expect(r.ihi.runsVerdict).toBe("too few runs");
    expect(r.ihi.trend).toBe(false);
    expect(r.anhoej.longestRunMax).toBe(7);
    expect(r.anhoej.crossingsMin).toBe(6);
    expect(r.anhoej.unusuallyLongRun).toBe(true);
    expect(r.anhoej.tooFewCrossings).toBe(true);
  });

  it("random-looking variation gives no signal (false, not null)", () => {
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
    const series = (pattern: string) => [...pattern].map((c, i) => (c === "L" ? 1 + (i % 2) : 8 + (i % 2)));
    const six = runChart(series("LLLLLLHLHLHLHLHHHHHH"));
    expect(six.median).toBe(5);
    expect(six.ihi.shifts?.map((s) => [s.start, s.length])).toEqual([
      [0, 6],
      [14, 6],
    ]);
    const five = runChart(series("LLLLLHLHLHLHLHLHHHHH"));
    expect(five.longestRun).toBe(5);
    expect(five.ihi.shifts).toEqual([]);
    expect(five.ihi.shift).toBe(false);
  });

  it("Anhøj: exactly the minimum crossings (6 for 20 points) is not too few; 5 is", () => {
    const six = runChart(withRuns([3, 3, 3, 4, 2, 3, 2]));
    expect([six.useful, six.crossings, six.anhoej.crossingsMin]).toEqual([20, 6, 6]);
    expect(six.anhoej.tooFewCrossings).toBe(false);
    const five = runChart(withRuns([4, 3, 3, 4, 3, 3]));
    expect([five.useful, five.crossings]).toEqual([20, 5]);
    expect(five.anhoej.tooFewCrossings).toBe(true);
  });

  it("Anhøj: a run of exactly the limit (7 for 20 points) is not unusual; 8 is", () => {
    const seven = runChart(withRuns([7, 3, 1, 3, 1, 3, 1, 1]));
    expect([seven.useful, seven.longestRun]).toEqual([20, 7]);
    expect(seven.anhoej.unusuallyLongRun).toBe(false);
    const eight = runChart(withRuns([8, 3, 1, 3, 1, 4]));
    expect([eight.useful, eight.longestRun]).toEqual([20, 8]);
    expect(eight.anhoej.unusuallyLongRun).toBe(true);
  });

  it("more useful points than the published table: runs rule outside the table, others still apply", () => {
    const many = runChart(Array.from({ length: 72 }, (_, i) => (i % 4 < 2 ? 1 : 9)));
    expect(many.ihi.runsVerdict).toBe("outside the published table");
    expect(many.ihi.runsLimits).toBeNull();
    expect(many.ihi.signal).toBe(false);
  });
});

describe("centre line: frozen baseline or given (as qicharts2's freeze and cl)", () => {
  // 12 baseline points around 10, then 8 points around 14 after a change.
  const baseline = [9, 11, 10, 12, 8, 10, 11, 9, 10, 12, 8, 10];
  const after = [13, 15, 14, 13, 16, 14, 15, 13];
  const series = [...baseline, ...after];

  it("the median of the baseline points is the centre; the rules count every point about it", () => {
    const r = runChart(series, { baseline: baseline.length });
    expect(r.centreFrom).toBe("baseline median");
    expect(r.baselinePoints).toBe(12);
    expect(r.centre).toBe(10);
    expect(r.median).toBe(11.5);
    // Points equal to 10 are not useful: 4 of them; 16 useful points remain.
    expect(r.useful).toBe(16);
    const last = r.runs[r.runs.length - 1];
    expect(last).toEqual({ start: 12, end: 19, side: "above", length: 8 });
    expect(r.ihi.shift).toBe(true);
    expect(r.anhoej.longestRunMax).toBe(7); // round(log2 16) + 3
    expect(r.anhoej.unusuallyLongRun).toBe(true);
  });

  it("about the median of all points the same series reads differently", () => {
    const r = runChart(series);
    expect(r.centre).toBe(11.5);
    expect(r.useful).toBe(20);
  });

  it("a given centre (a target) is used as is", () => {
    const r = runChart(series, { centre: 12 });
    expect(r.centreFrom).toBe("given");
    expect(r.centre).toBe(12);
    expect(r.useful).toBe(18); // the two 12s are on the line
    // The 12s are skipped, not breaking the run: the first ten useful points are all below.
    expect(r.runs[0]).toEqual({ start: 0, end: 11, side: "below", length: 10 });
    expect(r.longestRun).toBe(10);
  });
});

describe("IHI trend", () => {
  it("5 points all going up (4 rises) is a trend; 4 points is not", () => {
    expect(findTrends([3, 1, 2, 3, 4, 5, 2])).toEqual([
      { start: 1, end: 5, direction: "up", length: 5, points: [1, 2, 3, 4, 5] },
    ]);
    expect(findTrends([3, 1, 2, 3, 4, 2])).toEqual([]);
  });

  it("a repeated value neither makes nor breaks a trend; repeats at its end belong to it", () => {
    expect(findTrends([9, 8, 8, 7, 6, 6, 6, 5, 7])).toEqual([
      { start: 0, end: 7, direction: "down", length: 5, points: [0, 1, 2, 3, 4, 5, 6, 7] },
    ]);
    expect(findTrends([1, 2, 2, 2, 3, 4])).toEqual([]);
    const trailing = findTrends([4, 1, 2, 3, 4, 5, 5, 5, 2]);
    expect(trailing).toEqual([
      { start: 1, end: 7, direction: "up", length: 5, points: [1, 2, 3, 4, 5, 6, 7] },
    ]);
  });

  it("is reported by runChart once 10 useful points exist", () => {
    const r = runChart([5, 3, 6, 2, 1, 2, 3, 4, 5, 6, 4, 7]);
    expect(r.ihi.trends?.map((t) => [t.direction, t.start, t.end])).toContainEqual(["up", 4, 9]);
    expect(r.ihi.trend).toBe(true);
    expect(r.ihi.signal).toBe(true);
  });
});
