// Weighted decision matrix (Pugh, weighted variant): score = Σ weightᵢ × criterionᵢ, criteria scored 1–5.

export const CRITERIA = ["similarity", "success", "willingness", "diversity"] as const;
export type Criterion = (typeof CRITERIA)[number];

/** What a coordinator sees for each criterion. */
export const CRITERION_LABELS: Readonly<Record<Criterion, string>> = {
  similarity: "Similarity of context",
  success: "Demonstrated success",
  willingness: "Willingness to share",
  diversity: "Diversity of perspective",
};

export type Weights = Readonly<Record<Criterion, number>>;
/** A score as read from a sheet: a number, or blank / text when nobody filled it in properly. */
export type ScoreInput = number | string | null | undefined;
export type CriterionScores = Partial<Record<Criterion, ScoreInput>>;

/** Equal weights until the coordinator edits them in Settings. */
export const DEFAULT_WEIGHTS: Weights = {
  similarity: 0.25,
  success: 0.25,
  willingness: 0.25,
  diversity: 0.25,
};

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export interface WeightedScore {
  /** Undefined when any score is missing or invalid: a missing score is reported, never counted as 0. */
  score: number | undefined;
  /** weightᵢ × criterionᵢ for each criterion that has a valid score. */
  contributions: Partial<Record<Criterion, number>>;
  missing: Criterion[];
  /** Scores present but not a number from 1 to 5. */
  invalid: Criterion[];
}

/** A valid criterion score (1–5) or undefined. Numeric text ("4") counts, as Sheets would coerce it. */
export function readScore(value: ScoreInput): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) return undefined;
  return n >= SCORE_MIN && n <= SCORE_MAX ? n : undefined;
}

function isBlank(value: ScoreInput): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

export function weightedScore(scores: CriterionScores, weights: Weights = DEFAULT_WEIGHTS): WeightedScore {
  const contributions: Partial<Record<Criterion, number>> = {};
  const missing: Criterion[] = [];
  const invalid: Criterion[] = [];
  let total = 0;
  for (const criterion of CRITERIA) {
    const raw = scores[criterion];
    if (isBlank(raw)) {
      missing.push(criterion);
      continue;
    }
    const value = readScore(raw);
    if (value === undefined) {
      invalid.push(criterion);
      continue;
    }
    contributions[criterion] = weights[criterion] * value;
    total += weights[criterion] * value;
  }
  const complete = missing.length === 0 && invalid.length === 0;
  return { score: complete ? total : undefined, contributions, missing, invalid };
}

export interface WeightCheck {
  ok: boolean;
  sum: number;
  /** Plain-English problems, empty when the weights are usable. */
  problems: string[];
}

/** Weights must be non-negative numbers summing to 1 (±0.001, so 0.33 × 3 style rounding is flagged). */
export function checkWeights(weights: Partial<Record<Criterion, unknown>>): WeightCheck {
  const problems: string[] = [];
  let sum = 0;
  for (const criterion of CRITERIA) {
    const w = weights[criterion];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      problems.push(`The weight for ${CRITERION_LABELS[criterion]} must be a number of 0 or more.`);
      continue;
    }
    sum += w;
  }
  if (problems.length === 0 && Math.abs(sum - 1) > 0.001) {
    problems.push(
      `The criteria weights add up to ${round(sum, 3)}; change them in Settings so they add up to 1.`,
    );
  }
  return { ok: problems.length === 0, sum, problems };
}

export function describeMissing(result: WeightedScore): string {
  const parts: string[] = [];
  if (result.missing.length)
    parts.push(`missing ${result.missing.map((c) => CRITERION_LABELS[c]).join(", ")}`);
  if (result.invalid.length)
    parts.push(`not a score from 1 to 5: ${result.invalid.map((c) => CRITERION_LABELS[c]).join(", ")}`);
  return parts.join("; ");
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
