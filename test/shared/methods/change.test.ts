import { describe, expect, it } from "vitest";
import { change, describeChange } from "../../../shared/methods/change.ts";

describe("change against baseline", () => {
  it("Project BOOST: 30-day readmissions 14.7 % → 12.7 % is −2.0 points and −13.6 % relative", () => {
    const c = change({ baseline: 14.7, result: 12.7, isRate: true, direction: "lower", target: 13 });
    expect(c.absolute).toBeCloseTo(-2.0, 10);
    expect(c.absoluteUnit).toBe("points");
    expect(c.relativePercent).toBeCloseTo(-13.605, 3);
    expect(describeChange(c)).toBe("−2.0 points (−13.6 %)");
    expect(c.targetMet).toBe(true);
    expect(c.improved).toBe(true);
  });

  it("never divides by a zero baseline", () => {
    const c = change({ baseline: 0, result: 4 });
    expect(c.absolute).toBe(4);
    expect(c.relativePercent).toBeUndefined();
    expect(c.relativeNote).toMatch(/baseline is 0/);
    expect(describeChange(c)).toMatch(/undefined/);
  });

  it("target met respects the direction", () => {
    expect(change({ baseline: 10, result: 12, direction: "higher", target: 12 }).targetMet).toBe(true);
    expect(change({ baseline: 10, result: 11, direction: "higher", target: 12 }).targetMet).toBe(false);
    expect(change({ baseline: 10, result: 8, direction: "lower", target: 9 }).targetMet).toBe(true);
    expect(change({ baseline: 10, result: 9.5, direction: "lower", target: 9 }).targetMet).toBe(false);
    expect(change({ baseline: 10, result: 8 }).targetMet).toBeUndefined();
  });

  it("a worsening is not an improvement", () => {
    const c = change({ baseline: 4.2, result: 5, direction: "lower" });
    expect(c.improved).toBe(false);
    expect(c.relativePercent).toBeCloseTo(19.047619, 5);
  });
});
