import { describe, expect, it } from "vitest";
import { checkWeights, DEFAULT_WEIGHTS, weightedScore } from "../../../shared/methods/weightedScore.ts";

const weights = { similarity: 0.4, success: 0.3, willingness: 0.2, diversity: 0.1 };

describe("weightedScore", () => {
  it("is Σ weight × criterion", () => {
    const r = weightedScore({ similarity: 5, success: 4, willingness: 3, diversity: 2 }, weights);
    expect(r.score).toBeCloseTo(0.4 * 5 + 0.3 * 4 + 0.2 * 3 + 0.1 * 2, 12); // 4.0
    expect(r.contributions.similarity).toBeCloseTo(2, 12);
    expect(r.missing).toEqual([]);
  });

  it("reports missing scores instead of counting them as 0", () => {
    const r = weightedScore({ similarity: 5, success: "", willingness: 3 }, weights);
    expect(r.score).toBeUndefined();
    expect(r.missing).toEqual(["success", "diversity"]);
  });

  it("reports scores outside 1–5 or not numbers as invalid", () => {
    const r = weightedScore({ similarity: 0, success: 6, willingness: "high", diversity: "4" }, weights);
    expect(r.score).toBeUndefined();
    expect(r.invalid).toEqual(["similarity", "success", "willingness"]);
    expect(r.contributions.diversity).toBeCloseTo(0.4, 12);
  });

  it("equal default weights give the mean", () => {
    expect(
      weightedScore({ similarity: 1, success: 2, willingness: 3, diversity: 4 }, DEFAULT_WEIGHTS).score,
    ).toBeCloseTo(2.5);
  });
});

describe("checkWeights", () => {
  it("accepts weights summing to 1", () => {
    expect(checkWeights(weights).ok).toBe(true);
  });
  it("flags weights that do not sum to 1, and negative weights", () => {
    expect(checkWeights({ ...weights, diversity: 0.3 }).problems[0]).toMatch(/add up to 1\.2/);
    expect(checkWeights({ ...weights, diversity: -0.1 }).ok).toBe(false);
  });
  it("flags a rounding shortfall (0.33 × 3 = 0.99) but accepts a sum within ±0.001 of 1", () => {
    expect(checkWeights({ similarity: 0.33, success: 0.33, willingness: 0.33, diversity: 0 }).ok).toBe(false);
    expect(checkWeights({ similarity: 0.3335, success: 0.3335, willingness: 0.3335, diversity: 0 }).ok).toBe(
      true,
    );
  });
});
