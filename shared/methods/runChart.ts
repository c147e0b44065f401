// Run charts (monitoring measures). The centre line is the median of all points, the median of a frozen
// baseline (the series' first points), or a given line (a target); points on it are not useful: they
// neither count in nor break a run.
// - IHI rules (Perla, Provost & Murray, BMJ Qual Saf 2011;20:46–51), about that centre: shift = 6 or
//   more consecutive useful points on one side; trend = 5 or more points all going up or all down, after
//   collapsing repeated equal values (5 points = 4 rises; a trend's points include its repeats); too few
//   or too many runs against the published table. Below 10 useful points every IHI result is null
//   ("not computable"), never false.
// - Anhøj rules (Anhøj & Olesen, PLoS ONE 2014;9:e113825), exactly as qicharts2 computes them
//   (R/helper.functions.R, runs.analysis): n = useful points; unusually long run when the longest run >
//   round(log2(n)) + 3; too few crossings when crossings < qbinom(0.05, n − 1, 0.5). The limits apply at
//   any n ≥ 1; with no useful point they are null.
import { median } from "./survey";

export const MIN_USEFUL_POINTS = 10;
export const IHI_SHIFT_LENGTH = 6;
export const IHI_TREND_LENGTH = 5;

/**
 * Perla, Provost & Murray 2011, Table 1 (after Swed & Eisenhart, Ann Math Stat 1943;14:66–87): number of
 * useful points (not on the median) → the fewest and most runs expected from random variation. Fewer
 * than `lower` is too few, more than `upper` too many.
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
  /** Indices into the input series, inclusive (points on the centre inside a run are skipped, not breaking it). */
  start: number;
  end: number;
  side: Side;
  /** Useful points in the run. */
  length: number;
}

export interface Trend {
  /** First and last index of the trend: repeated values at its start and end belong to it. */
  start: number;
  end: number;
  direction: "up" | "down";
  /** Points counted after collapsing repeated equal values (5 = 4 consecutive rises). */
  length: number;
  /** Every index of the trend, repeated values included. */
  points: number[];
}

export interface RunChartOptions {
  /** A given centre line (a target, a frozen mean): the rules count about it. */
  centre?: number;
  /** Freeze: the median of the first `baseline` points is the centre (qicharts2's `freeze`). */
  baseline?: number;
}

/** A rule result is null — "not computable" — when there are too few useful points, never false. */
export interface RunChartResult {
  n: number;
  /** Median of all points. */
  median: number | null;
  /** The centre line the rules use. */
  centre: number | null;
  centreFrom: "median" | "baseline median" | "given";
  /** Points the centre came from when frozen, else null. */
  baselinePoints: number | null;
  /** Points not on the centre line. */
  useful: number;
  runs: Run[];
  longestRun: number | null;
  crossings: number | null;
  ihi: {
    /** "too few points" below 10 useful points: every IHI rule is then null. */
    status: "ok" | "too few points";
    shift: boolean | null;
    shifts: Run[] | null;
    trend: boolean | null;
    trends: Trend[] | null;
    runsCount: number | null;
    /** The published table's limits for this many useful points (null outside 10–60). */
    runsLimits: { lower: number; upper: number } | null;
    runsVerdict: "too few runs" | "too many runs" | "as expected" | "outside the published table" | null;
    signal: boolean | null;
  };
  anhoej: {
    /** round(log2(useful)) + 3: a longer run is unusual (Schilling 2012, as qicharts2). */
    longestRunMax: number | null;
    /** qbinom(0.05, useful − 1, 0.5): fewer crossings is unusual (Chen 2010, as qicharts2). */
    crossingsMin: number | null;
    unusuallyLongRun: boolean | null;
    tooFewCrossings: boolean | null;
    signal: boolean | null;
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

/**
 * Anhøj limits for n useful points, at any n ≥ 1 (qicharts2, runs.analysis). log2 of a whole number is
 * never exactly k + ½, so R's round-half-to-even and Math.round agree here.
 */
export function anhoejLimits(useful: number): { longestRunMax: number; crossingsMin: number } | null {
  if (!Number.isInteger(useful) || useful < 1) return null;
  return {
    longestRunMax: Math.round(Math.log2(useful)) + 3,
    crossingsMin: qbinom(0.05, useful - 1, 0.5),
  };
}

function centreOf(
  values: readonly number[],
  options: RunChartOptions,
): Pick<RunChartResult, "centre" | "centreFrom" | "baselinePoints"> {
  if (options.centre !== undefined && Number.isFinite(options.centre))
    return { centre: options.centre, centreFrom: "given", baselinePoints: null };
  const k = options.baseline;
  if (k !== undefined && Number.isInteger(k) && k >= 1 && k <= values.length)
    return {
      centre: median(values.slice(0, k)) ?? null,
      centreFrom: "baseline median",
      baselinePoints: k,
    };
  return { centre: median(values) ?? null, centreFrom: "median", baselinePoints: null };
}

/** Runs about a centre: points on it are skipped (neither part of a run nor breaking one). */
export function runsAbout(values: readonly number[], centre: number | null): Run[] {
  const runs: Run[] = [];
  if (centre === null) return runs;
  values.forEach((v, i) => {
    if (v === centre) return;
    const side: Side = v > centre ? "above" : "below";
    const last = runs[runs.length - 1];
    if (last && last.side === side) {
      last.end = i;
      last.length += 1;
    } else runs.push({ start: i, end: i, side, length: 1 });
  });
  return runs;
}

export function runChart(values: readonly number[], options: RunChartOptions = {}): RunChartResult {
  const n = values.length;
  const centred = centreOf(values, options);
  const runs = runsAbout(values, centred.centre);
  const useful = runs.reduce((a, r) => a + r.length, 0);
  const longestRun = useful ? runs.reduce((a, r) => Math.max(a, r.length), 0) : null;
  const crossings = useful ? runs.length - 1 : null;
  return {
    n,
    median: median(values) ?? null,
    ...centred,
    useful,
    runs,
    longestRun,
    crossings,
    ihi: ihiRules(values, runs, useful),
    anhoej: anhoejRules(useful, longestRun, crossings),
  };
}

function ihiRules(values: readonly number[], runs: Run[], useful: number): RunChartResult["ihi"] {
  if (useful < MIN_USEFUL_POINTS)
    return {
      status: "too few points",
      shift: null,
      shifts: null,
      trend: null,
      trends: null,
      runsCount: null,
      runsLimits: null,
      runsVerdict: null,
      signal: null,
    };
  const shifts = runs.filter((r) => r.length >= IHI_SHIFT_LENGTH);
  const trends = findTrends(values);
  const limits = IHI_RUNS_TABLE[useful];
  const runsLimits = limits ? { lower: limits[0], upper: limits[1] } : null;
  let runsVerdict: NonNullable<RunChartResult["ihi"]["runsVerdict"]> = "outside the published table";
  if (runsLimits) {
    if (runs.length < runsLimits.lower) runsVerdict = "too few runs";
    else if (runs.length > runsLimits.upper) runsVerdict = "too many runs";
    else runsVerdict = "as expected";
  }
  return {
    status: "ok",
    shift: shifts.length > 0,
    shifts,
    trend: trends.length > 0,
    trends,
    runsCount: runs.length,
    runsLimits,
    runsVerdict,
    signal:
      shifts.length > 0 ||
      trends.length > 0 ||
      runsVerdict === "too few runs" ||
      runsVerdict === "too many runs",
  };
}

function anhoejRules(
  useful: number,
  longestRun: number | null,
  crossings: number | null,
): RunChartResult["anhoej"] {
  const limits = anhoejLimits(useful);
  // qicharts2 reports no limits and no signal with no useful point; here that is "not computable".
  if (!limits || longestRun === null || crossings === null)
    return {
      longestRunMax: null,
      crossingsMin: null,
      unusuallyLongRun: null,
      tooFewCrossings: null,
      signal: null,
    };
  const unusuallyLongRun = longestRun > limits.longestRunMax;
  const tooFewCrossings = crossings < limits.crossingsMin;
  return { ...limits, unusuallyLongRun, tooFewCrossings, signal: unusuallyLongRun || tooFewCrossings };
}

/**
 * IHI trend: 5 or more points all going up or all going down. Repeated equal values are collapsed first
 * (they neither make nor break a trend); a trend's points include every repeat of its values, the
 * repeats at its end too.
 */
export function findTrends(values: readonly number[]): Trend[] {
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
    if (direction && length >= IHI_TREND_LENGTH && s && e) {
      const points: number[] = [];
      for (let i = s.first; i <= e.last; i++) points.push(i);
      trends.push({ start: s.first, end: e.last, direction, length, points });
    }
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
