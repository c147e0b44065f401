// Change against baseline: absolute = result − baseline; relative % = (result − baseline) / baseline × 100.

import { formatSigned } from "./rounding";

export type Direction = "lower" | "higher";

export interface ChangeInput {
  baseline: number;
  result: number;
  /** Which way is better; needed for "target met". */
  direction?: Direction;
  target?: number;
  /** The measure is a rate in % (e.g. readmissions): the absolute change is in percentage points. */
  isRate?: boolean;
}

export interface Change {
  absolute: number;
  /** "points" for rates in %, otherwise the measure's own unit. */
  absoluteUnit: "points" | "units";
  /** Undefined when the baseline is 0: we say so, never divide. */
  relativePercent: number | undefined;
  relativeNote?: string;
  /** Undefined when no target or no direction was given. */
  targetMet: boolean | undefined;
  /** Whether the change went the better way (undefined without a direction or when unchanged). */
  improved: boolean | undefined;
}

export function change(input: ChangeInput): Change {
  const { baseline, result, direction, target, isRate } = input;
  // Rounded to 10 decimals so 12.7 − 14.7 reads −2 rather than −1.9999999999999982.
  const absolute = clean(result - baseline);
  const relativePercent = baseline === 0 ? undefined : clean(((result - baseline) / baseline) * 100);
  const relativeNote = baseline === 0 ? "Relative change is undefined because the baseline is 0." : undefined;
  let targetMet: boolean | undefined;
  if (target !== undefined && direction !== undefined && Number.isFinite(target)) {
    targetMet = direction === "lower" ? result <= target : result >= target;
  }
  let improved: boolean | undefined;
  if (direction !== undefined && absolute !== 0)
    improved = direction === "lower" ? absolute < 0 : absolute > 0;
  return {
    absolute,
    absoluteUnit: isRate ? "points" : "units",
    relativePercent,
    ...(relativeNote ? { relativeNote } : {}),
    targetMet,
    improved,
  };
}

/** "−2.0 points (−13.6 %)": how a person reads a change; one decimal. */
export function describeChange(c: Change): string {
  const abs = `${signed(c.absolute)}${c.absoluteUnit === "points" ? " points" : ""}`;
  const rel =
    c.relativePercent === undefined
      ? "relative change undefined (baseline 0)"
      : `${signed(c.relativePercent)} %`;
  return `${abs} (${rel})`;
}

// One decimal, halves away from zero (shared/methods/rounding.ts): 10 → 10.15 reads +0.2.
const signed = (x: number): string => formatSigned(x, 1);

function clean(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}
