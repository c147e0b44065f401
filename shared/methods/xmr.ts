// XmR chart (NHS "Making Data Count"): limits = mean ± 2.66 × mean(MR); upper range limit = 3.267 × mean(MR).

export const TRIAL_UNTIL = 12;
export const RUN_RULE_LENGTH = 7;

export interface XmrResult {
  n: number;
  /** "too few points" below 2 values; "no variation" for a constant series. */
  status: "ok" | "too few points" | "no variation";
  mean: number | undefined;
  movingRanges: number[];
  meanMovingRange: number | undefined;
  upperLimit: number | undefined;
  /** As computed, not clipped at 0. */
  lowerLimit: number | undefined;
  upperRangeLimit: number | undefined;
  /** Limits are trial limits until 12 points exist. */
  trial: boolean;
  /** Indices of points strictly outside the limits. */
  outside: number[];
  /** Runs of 7 or more points on one side of the mean: [start, end] indices inclusive. */
  runs: Array<{ start: number; end: number; side: "above" | "below" }>;
}

export function xmr(values: readonly number[]): XmrResult {
  const n = values.length;
  const base = { n, trial: n < TRIAL_UNTIL, outside: [], runs: [] };
  if (n < 2) {
    return {
      ...base,
      status: "too few points",
      mean: n ? values[0] : undefined,
      movingRanges: [],
      meanMovingRange: undefined,
      upperLimit: undefined,
      lowerLimit: undefined,
      upperRangeLimit: undefined,
    };
  }
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const movingRanges = values.slice(1).map((v, i) => Math.abs(v - (values[i] as number)));
  const meanMovingRange = movingRanges.reduce((a, b) => a + b, 0) / movingRanges.length;
  const upperLimit = mean + 2.66 * meanMovingRange;
  const lowerLimit = mean - 2.66 * meanMovingRange;
  const upperRangeLimit = 3.267 * meanMovingRange;
  if (meanMovingRange === 0) {
    return {
      ...base,
      status: "no variation",
      mean,
      movingRanges,
      meanMovingRange,
      upperLimit: mean,
      lowerLimit: mean,
      upperRangeLimit: 0,
    };
  }
  const outside: number[] = [];
  values.forEach((v, i) => {
    if (v > upperLimit || v < lowerLimit) outside.push(i);
  });
  const runs: XmrResult["runs"] = [];
  let start = 0;
  let side: "above" | "below" | undefined;
  const close = (end: number) => {
    if (side && end - start + 1 >= RUN_RULE_LENGTH) runs.push({ start, end, side });
  };
  values.forEach((v, i) => {
    // A point exactly on the mean breaks the run.
    const s = v > mean ? "above" : v < mean ? "below" : undefined;
    if (s !== side) {
      close(i - 1);
      side = s;
      start = i;
    }
  });
  close(n - 1);
  return {
    ...base,
    status: "ok",
    mean,
    movingRanges,
    meanMovingRange,
    upperLimit,
    lowerLimit,
    upperRangeLimit,
    outside,
    runs,
  };
}
