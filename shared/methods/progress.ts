// IHI Assessment Scale for collaboratives: 0.5 (intent to participate) … 5.0 (outstanding sustainable results).

export const PROGRESS_SCALE = [
  { score: 0.5, label: "Intent to participate" },
  { score: 1.0, label: "Forming team" },
  { score: 1.5, label: "Planning for the project has begun" },
  { score: 2.0, label: "Activity, but no changes" },
  { score: 2.5, label: "Changes tested, but no improvement" },
  { score: 3.0, label: "Modest improvement" },
  { score: 3.5, label: "Improvement" },
  { score: 4.0, label: "Significant improvement" },
  { score: 4.5, label: "Sustainable improvement" },
  { score: 5.0, label: "Outstanding sustainable results" },
] as const;

export const PROGRESS_SCORES: readonly number[] = PROGRESS_SCALE.map((step) => step.score);

export function isProgressScore(value: unknown): value is number {
  return typeof value === "number" && PROGRESS_SCORES.includes(value);
}

/** The label for a score on the scale, or undefined when the value is not one of the ten steps. */
export function progressLabel(value: unknown): string | undefined {
  return PROGRESS_SCALE.find((step) => step.score === value)?.label;
}
