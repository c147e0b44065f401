import { describe, expect, it } from "vitest";
import { pickQuadrant, priorityScore } from "../../../shared/methods/pick.ts";

describe("PICK chart", () => {
  it("places each corner", () => {
    expect(pickQuadrant(1, 1)).toBe("Possible");
    expect(pickQuadrant(5, 1)).toBe("Implement");
    expect(pickQuadrant(5, 5)).toBe("Challenge");
    expect(pickQuadrant(1, 5)).toBe("Kill");
  });
  it("counts a score equal to the cut-point as high", () => {
    expect(pickQuadrant(3, 2)).toBe("Implement");
    expect(pickQuadrant(2, 3)).toBe("Kill");
    expect(pickQuadrant(3, 3)).toBe("Challenge");
    expect(pickQuadrant(4, 3, 4)).toBe("Implement");
  });
  it("is undefined for missing or out-of-range scores", () => {
    expect(pickQuadrant(undefined, 3)).toBeUndefined();
    expect(pickQuadrant(6, 3)).toBeUndefined();
  });
  it("priority = impact × alignment / effort", () => {
    expect(priorityScore(5, 4, 2)).toBe(10);
    expect(priorityScore(3, 3, 3)).toBe(3);
    expect(priorityScore(5, "", 2)).toBeUndefined();
  });
});
