// Run-chart rules: IHI (Perla, Provost & Murray, BMJ Qual Saf 2011) and Anhøj (Anhøj & Olesen, PLoS ONE 2014).
import { median } from "./survey";

export const MIN_USEFUL_POINTS = 10;
export const IHI_SHIFT_LENGTH = 6;
export const IHI_TREND_LENGTH = 5;

/**
 * Perla, Provost & Murray 2011, Table 1: number of useful points (not on the median) → the fewest and
 * most runs expected from random variation. Fewer than `lower` is too few, more than `upper` too many.
 */
export const IHI_RUNS_TABLE: Readonly<Record<number, readonly [lower: number, upper: number]>> = {
  10: [3, 9],
  11: [3, 10],
  12: [3, 11],
  13: [4, 11],
  14: [4, 12],
  15: [5, 12],
  16: [5, 13],
  17: [5, 13],
  18: [6, 14],
  19: [6, 15],
  20: [6, 16],
  21: [7, 16],
  22: [7, 17],
  23: [7, 17],
  24: [8, 18],
  25: [8, 18],
  26: [9, 19],
  27: [10, 19],
  28: [10, 20],
  29: [10, 20],
  30: [11, 21],
  31: [11, 22],
  32: [11, 22],
  33: [11, 23],
  34: [12, 23],
  35: [13, 24],
  36: [13, 24],
  37: [13, 25],
  38: [14, 25],
  39: [14, 26],
  40: [15, 26],
  41: [16, 26],
  42: [16, 27],
  43: [17, 27],
  44: [17, 28],
  45: [17, 29],
  46: [17, 30],
  47: [18, 30],
  48: [18, 31],
  49: [19, 31],
  50: [19, 32],
  51: [20, 32],
  52: [21, 32],
  53: [21, 33],
  54: [22, 33],
  55: [22, 34],
  56: [23, 34],
  57: [23, 35],
  58: [24, 35],
  59: [24, 36],
  60: [25, 36],
};

export type Side = "above" | "below";

export interface Run {
  /** Indices into the input series, inclusive (points on the median inside a run are skipped, not breaking it). */
  start: number;
  end: number;
  side: Side;
  length: number;
}

export interface Trend {
  start: number;
  end: number;
  direction: "up" | "down";
  /** Points after collapsing repeated equal values. */
  length: number;
}

export interface RunChartResult {
  n: number;
  median: number | undefined;
  /** Points not on the median. */
  useful: number;
  /** "too few points" (fewer than 10 useful points): no rule gives a signal. */
  status: "ok" | "too few points";
  runs: Run[];
  longestRun: number;
  crossings: number;
  ihi: {
    shifts: Run[];
    trends: Trend[];
    /** The published table's limits for this many useful points (undefined outside 10–60). */
    runsLimits: { lower: number; upper: number } | undefined;
    runsVerdict:
      | "too few runs"
      | "too many runs"
      | "as expected"
      | "outside the published table"
      | "too few points";
    signal: boolean;
  };
  anhoej: {
    /** round(log2(n)) + 3: a longer run is unusual. */
    longestRunMax: number | undefined;
    /** qbinom(0.05, n − 1, 0.5): fewer crossings is unusual. */
    crossingsMin: number | undefined;
    unusuallyLongRun: boolean;
    tooFewCrossings: boolean;
    signal: boolean;
  };
}

/** R's qbinom(p, size, prob): the smallest x with P(X ≤ x) ≥ p; log-space pmf so large sizes do not underflow. */
export function qbinom(p: number, size: number, prob: number): number {
  if (!(p >= 0 && p <= 1) || !Number.isInteger(size) || size < 0 || !(prob >= 0 && prob <= 1))
    return Number.NaN;
  if (prob === 0 || size === 0) return 0;
  if (prob === 1) return size;
  const target = p * (1 - 64 * Number.EPSILON); // R applies the same fuzz
  let logPmf = size * Math.log(1 - prob);
  let cdf = 0;
  for (let k = 0; k <= size; k++) {
    cdf += Math.exp(logPmf);
    if (cdf >= target) return k;
    logPmf += Math.log((size - k) / (k + 1)) + Math.log(prob / (1 - prob));
  }
  return size;
}

export function runChart(values: readonly number[]): RunChartResult {
  const n = values.length;
  const centre = median(values);
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (centre === undefined || v === centre) continue; // points on the median are ignored
    const side: Side = v > centre ? "above" : "below";
    const last = runs[runs.length - 1];
    if (last && last.side === side) {
      last.end = i;
      last.length += 1;
    } else runs.push({ start: i, end: i, side, length: 1 });
  }
  const useful = runs.reduce((a, r) => a + r.length, 0);
  const longestRun = runs.reduce((a, r) => Math.max(a, r.length), 0);
  const crossings = Math.max(0, runs.length - 1);
  const enough = useful >= MIN_USEFUL_POINTS;

  const shifts = enough ? runs.filter((r) => r.length >= IHI_SHIFT_LENGTH) : [];
  const trends = enough ? findTrends(values) : [];
  const limits = IHI_RUNS_TABLE[useful];
  const runsLimits = limits ? { lower: limits[0], upper: limits[1] } : undefined;
  let runsVerdict: RunChartResult["ihi"]["runsVerdict"] = "too few points";
  if (enough) {
    if (!runsLimits) runsVerdict = "outside the published table";
    else if (runs.length < runsLimits.lower) runsVerdict = "too few runs";
    else if (runs.length > runsLimits.upper) runsVerdict = "too many runs";
    else runsVerdict = "as expected";
  }

  const longestRunMax = enough ? Math.round(Math.log2(useful)) + 3 : undefined;
  const crossingsMin = enough ? qbinom(0.05, useful - 1, 0.5) : undefined;
  const unusuallyLongRun = longestRunMax !== undefined && longestRun > longestRunMax;
  const tooFewCrossings = crossingsMin !== undefined && crossings < crossingsMin;

  return {
    n,
    median: centre,
    useful,
    status: enough ? "ok" : "too few points",
    runs,
    longestRun,
    crossings,
    ihi: {
      shifts,
      trends,
      runsLimits,
      runsVerdict,
      signal:
        shifts.length > 0 ||
        trends.length > 0 ||
        runsVerdict === "too few runs" ||
        runsVerdict === "too many runs",
    },
    anhoej: {
      longestRunMax,
      crossingsMin,
      unusuallyLongRun,
      tooFewCrossings,
      signal: unusuallyLongRun || tooFewCrossings,
    },
  };
}

/** IHI trend: 5 or more points all going up or all down, after collapsing repeated equal values. */
export function findTrends(values: readonly number[]): Trend[] {
  // Collapse repeats, remembering each kept value's first and last original index.
  const kept: Array<{ value: number; first: number; last: number }> = [];
  values.forEach((value, i) => {
    const prev = kept[kept.length - 1];
    if (prev && prev.value === value) prev.last = i;
    else kept.push({ value, first: i, last: i });
  });
  const trends: Trend[] = [];
  let start = 0;
  let direction: "up" | "down" | undefined;
  const close = (endIdx: number) => {
    const length = endIdx - start + 1;
    const s = kept[start];
    const e = kept[endIdx];
    if (direction && length >= IHI_TREND_LENGTH && s && e)
      trends.push({ start: s.first, end: e.first, direction, length });
  };
  for (let i = 1; i < kept.length; i++) {
    const d = (kept[i] as { value: number }).value > (kept[i - 1] as { value: number }).value ? "up" : "down";
    if (d !== direction) {
      close(i - 1);
      direction = d;
      start = i - 1;
    }
  }
  close(kept.length - 1);
  return trends;
}
