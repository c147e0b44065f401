// XmR (SPC) chart with the NHS "Making Data Count" rules (NHS England & Improvement, Making Data Count,
// 2019), as the NHSRplotthedots package computes them (R/ptd_spc_standard.R, R/ptd_calculate_point_type.R).
// Centre = mean; MRᵢ = |xᵢ − xᵢ₋₁|; limits = mean ± 2.66 × mean(MR), the lower one as computed (not
// clipped at 0); 2-sigma lines at mean ± (2/3) × 2.66 × mean(MR); upper range limit = 3.267 × mean(MR).
// A baseline fixes mean and limits on the series' first points. Limits are "trial" until 12 points; a
// constant series has both limits at the mean ("no variation"). Signals: a point strictly outside the
// limits; 7 or more points on one side of the mean (a point on the mean breaks the run); 7 or more points
// each higher (or each lower) than the one before (an equal value breaks it); two of three consecutive
// points beyond a 2-sigma line, inside the limits, all three on one side; a moving range above its limit.

export const TRIAL_UNTIL = 12;
export const RUN_RULE_LENGTH = 7;
export const TREND_RULE_LENGTH = 7;
export const LIMIT_FACTOR = 2.66;
export const RANGE_LIMIT_FACTOR = 3.267;

export interface XmrOptions {
  /** Freeze: mean and moving ranges come from the first `baseline` points only (limits fixed after them). */
  baseline?: number;
}

export interface XmrResult {
  n: number;
  /** "too few points" below 2 values; "no variation" when the moving ranges are all 0. */
  status: "ok" | "too few points" | "no variation";
  /** Points the mean and limits came from. */
  limitPoints: number;
  mean: number | null;
  /** MRᵢ = |xᵢ − xᵢ₋₁| over the whole series (index i − 1 holds the range ending at point i). */
  movingRanges: number[];
  meanMovingRange: number | null;
  upperLimit: number | null;
  /** As computed, not clipped at 0. */
  lowerLimit: number | null;
  /** mean ± (2/3) × 2.66 × mean(MR): the 2-sigma lines. */
  upperWarning: number | null;
  lowerWarning: number | null;
  upperRangeLimit: number | null;
  /** Limits are trial limits until they rest on 12 points. */
  trial: boolean;
  /** Points strictly outside the limits. */
  outside: number[];
  /** 7 or more points on one side of the mean (a point on the mean breaks the run): [start, end]. */
  runs: Array<{ start: number; end: number; side: "above" | "below" }>;
  /** 7 or more points each higher (or each lower) than the one before; an equal value breaks it. */
  trends: Array<{ start: number; end: number; direction: "up" | "down" }>;
  /** Points beyond a 2-sigma line (inside the limits) in three consecutive points on one side, two of which are. */
  twoOfThree: number[];
  /** Points whose moving range (from the point before) is above the upper range limit. */
  movingRangeAbove: number[];
  signal: boolean;
}

const sideOf = (v: number, mean: number): 1 | -1 | 0 => (v > mean ? 1 : v < mean ? -1 : 0);

/** Maximal stretches of at least `min` consecutive indices where `same(i − 1, i)` holds. */
function stretches(n: number, min: number, same: (a: number, b: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && same(i - 1, i)) continue;
    if (i - start >= min) out.push([start, i - 1]);
    start = i;
  }
  return out;
}

/** Stretches of 7 or more points each strictly above (or below) the one before (NHSRplotthedots, seven_point_trend). */
function strictTrends(values: readonly number[]): XmrResult["trends"] {
  const trends: XmrResult["trends"] = [];
  let start = 0;
  let direction: 0 | 1 | -1 = 0;
  const close = (end: number) => {
    if (direction !== 0 && end - start + 1 >= TREND_RULE_LENGTH)
      trends.push({ start, end, direction: direction === 1 ? "up" : "down" });
  };
  for (let i = 1; i < values.length; i++) {
    const d = sideOf(values[i] as number, values[i - 1] as number);
    if (d !== 0 && d === direction) continue;
    close(i - 1);
    direction = d;
    start = i - 1;
  }
  close(values.length - 1);
  return trends;
}

export function xmr(values: readonly number[], options: XmrOptions = {}): XmrResult {
  const n = values.length;
  const k = options.baseline;
  const limitPoints = k !== undefined && Number.isInteger(k) && k >= 2 && k <= n ? k : n;
  const movingRanges = values.slice(1).map((v, i) => Math.abs(v - (values[i] as number)));
  const empty = {
    n,
    limitPoints,
    movingRanges,
    trial: limitPoints < TRIAL_UNTIL,
    outside: [],
    runs: [],
    trends: [],
    twoOfThree: [],
    movingRangeAbove: [],
    signal: false,
  };
  if (n < 2)
    return {
      ...empty,
      status: "too few points",
      mean: n ? (values[0] as number) : null,
      meanMovingRange: null,
      upperLimit: null,
      lowerLimit: null,
      upperWarning: null,
      lowerWarning: null,
      upperRangeLimit: null,
    };
  const base = values.slice(0, limitPoints);
  const mean = base.reduce((a, b) => a + b, 0) / limitPoints;
  const baseRanges = movingRanges.slice(0, limitPoints - 1);
  const meanMovingRange = baseRanges.reduce((a, b) => a + b, 0) / baseRanges.length;
  const upperLimit = mean + LIMIT_FACTOR * meanMovingRange;
  const lowerLimit = mean - LIMIT_FACTOR * meanMovingRange;
  const upperWarning = mean + ((2 * LIMIT_FACTOR) / 3) * meanMovingRange;
  const lowerWarning = mean - ((2 * LIMIT_FACTOR) / 3) * meanMovingRange;
  const upperRangeLimit = RANGE_LIMIT_FACTOR * meanMovingRange;

  const outside: number[] = [];
  values.forEach((v, i) => {
    if (v > upperLimit || v < lowerLimit) outside.push(i);
  });
  const side = values.map((v) => sideOf(v, mean));
  const runs = stretches(n, RUN_RULE_LENGTH, (a, b) => side[a] !== 0 && side[a] === side[b]).map(
    ([start, end]) => ({ start, end, side: side[start] === 1 ? ("above" as const) : ("below" as const) }),
  );
  const trends = strictTrends(values);
  // Near a limit: beyond a 2-sigma line but not outside the limits (NHSRplotthedots, close_to_limits).
  const near = values.map((v, i) => !outside.includes(i) && (v > upperWarning || v < lowerWarning));
  const flagged = new Set<number>();
  for (let i = 0; i + 2 < n; i++) {
    const window = [i, i + 1, i + 2];
    const oneSide = window.every((j) => side[j] !== 0 && side[j] === side[i]);
    if (oneSide && window.filter((j) => near[j]).length >= 2)
      for (const j of window) if (near[j]) flagged.add(j);
  }
  const twoOfThree = [...flagged].sort((a, b) => a - b);
  const movingRangeAbove: number[] = [];
  movingRanges.forEach((mr, i) => {
    if (mr > upperRangeLimit) movingRangeAbove.push(i + 1);
  });
  return {
    ...empty,
    status: meanMovingRange === 0 ? "no variation" : "ok",
    mean,
    meanMovingRange,
    upperLimit,
    lowerLimit,
    upperWarning,
    lowerWarning,
    upperRangeLimit,
    outside,
    runs,
    trends,
    twoOfThree,
    movingRangeAbove,
    signal:
      outside.length > 0 ||
      runs.length > 0 ||
      trends.length > 0 ||
      twoOfThree.length > 0 ||
      movingRangeAbove.length > 0,
  };
}
