// PICK chart (impact vs effort): Possible, Implement, Challenge, Kill; a score equal to the cut-point is high.

export type PickQuadrant = "Possible" | "Implement" | "Challenge" | "Kill";

/** Midpoint of the 1–5 scale; a setting. */
export const DEFAULT_PICK_CUT = 3;

function score(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 1 && value <= 5 ? value : undefined;
}

/** Undefined when impact or effort is missing or outside 1–5. */
export function pickQuadrant(
  impact: unknown,
  effort: unknown,
  cut = DEFAULT_PICK_CUT,
): PickQuadrant | undefined {
  const i = score(impact);
  const e = score(effort);
  if (i === undefined || e === undefined) return undefined;
  const highImpact = i >= cut;
  const highEffort = e >= cut;
  if (highEffort) return highImpact ? "Challenge" : "Kill";
  return highImpact ? "Implement" : "Possible";
}

/**
 * Priority for ordering = impact × alignment / effort (our documented choice: strategic alignment
 * scales impact; effort divides it). Undefined when any input is missing or outside 1–5.
 */
export function priorityScore(impact: unknown, alignment: unknown, effort: unknown): number | undefined {
  const i = score(impact);
  const a = score(alignment);
  const e = score(effort);
  if (i === undefined || a === undefined || e === undefined) return undefined;
  return (i * a) / e;
}
