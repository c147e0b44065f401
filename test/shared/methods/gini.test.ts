import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gini } from "../../../shared/methods/gini.ts";

/** The published double sum, written out literally. */
function giniByDefinition(x: number[]): number {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  let sum = 0;
  for (const a of x) for (const b of x) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
}

describe("gini (speaking-time equality)", () => {
  it("is 0 for equal speaking time", () => {
    const r = gini([300, 300, 300, 300]);
    expect(r.gini).toBe(0);
    expect(r.normalized).toBe(0);
    expect(r.shares).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("one site talking, three silent: G = 24/32 = 0.75, normalized 1", () => {
    const r = gini([0, 0, 0, 600]);
    expect(r.gini).toBeCloseTo(0.75, 12);
    expect(r.normalized).toBeCloseTo(1, 12);
    expect(r.shares).toEqual([0, 0, 0, 1]);
  });

  it("1, 2, 3, 4 minutes: Σ|xi − xj| = 20, 2n²x̄ = 80, G = 0.25, normalized 1/3", () => {
    const r = gini([60, 120, 180, 240]);
    expect(r.gini).toBeCloseTo(0.25, 12);
    expect(r.normalized).toBeCloseTo(1 / 3, 12);
    expect(r.shares[3]).toBeCloseTo(0.4, 12);
  });

  it("5 sites 2, 2, 2, 2, 12: Σ|xi − xj| = 2·4·10 = 80, 2·25·4 = 200, G = 0.4, normalized 0.5", () => {
    const r = gini([2, 2, 2, 2, 12]);
    expect(r.gini).toBeCloseTo(0.4, 12);
    expect(r.normalized).toBeCloseTo(0.5, 12);
  });

  it("silent sites count: adding a 0 raises G", () => {
    expect(gini([5, 5, 0]).gini as number).toBeGreaterThan(gini([5, 5]).gini as number);
    expect(gini([5, 5, 0]).gini).toBeCloseTo(1 / 3, 12); // Σ = 20, 2·9·(10/3) = 60
  });

  it("undefined cases: no sites, all zero, one site for the normalized value", () => {
    expect(gini([]).gini).toBeUndefined();
    expect(gini([0, 0, 0]).gini).toBeUndefined();
    expect(gini([0, 0, 0]).normalized).toBeUndefined();
    expect(gini([0, 0, 0]).note).toMatch(/Nobody/);
    expect(gini([42]).gini).toBe(0);
    expect(gini([42]).normalized).toBeUndefined();
  });

  it("rejects negative times", () => {
    expect(() => gini([1, -1])).toThrow(/0 or more/);
  });

  it("matches the double-sum definition and stays in [0, (n−1)/n]", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 30 }), (x) => {
        fc.pre(x.some((v) => v > 0));
        const r = gini(x);
        const g = r.gini as number;
        return Math.abs(g - giniByDefinition(x)) < 1e-9 && g >= 0 && g <= (x.length - 1) / x.length + 1e-12;
      }),
    );
  });
});
