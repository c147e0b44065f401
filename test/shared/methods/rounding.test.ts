import { describe, expect, it } from "vitest";
import { change, describeChange } from "../../../shared/methods/change.ts";
import { formatFixed, formatSigned, roundHalfAwayFromZero } from "../../../shared/methods/rounding.ts";

describe("one-decimal displays round half away from zero", () => {
  it.each([
    [10.15 - 10, "+0.2"], // 0.15000000000000036 in binary
    [0.15, "+0.2"], // stored as 0.1499999…
    [0.05, "+0.1"],
    [-0.05, "−0.1"],
    [1.005, "+1.0"],
    [1.45, "+1.5"], // stored as 1.4499999…
    [-1.45, "−1.5"],
    [2.25, "+2.3"],
    [0.04, "0.0"],
    [-0.04, "0.0"],
    [0, "0.0"],
    [12.7 - 14.7, "−2.0"],
  ])("%s → %s", (x, text) => {
    expect(formatSigned(x)).toBe(text);
  });

  it("two decimals too", () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-2.675, 2)).toBe(-2.68);
    expect(roundHalfAwayFromZero(8.345, 2)).toBe(8.35);
  });

  it("fixed display without sign for levels", () => {
    expect(formatFixed(10.15)).toBe("10.2");
    expect(formatFixed(-0.05)).toBe("−0.1");
    expect(formatFixed(-0.01)).toBe("0.0");
  });

  it("change against baseline uses it: 10 → 10.15 is +0.2", () => {
    expect(describeChange(change({ baseline: 10, result: 10.15 }))).toBe("+0.2 (+1.5 %)");
  });
});
