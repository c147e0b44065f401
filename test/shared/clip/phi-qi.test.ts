// Acceptance of the PHI guard on the frozen test part of the QI-meeting corpus (never tuned on).
import { describe, expect, it } from "vitest";
import { detectPhi } from "../../../shared/clip/phi.ts";
import { loadPart, precision, recall, report, score } from "../../fixtures/phi-qi.ts";

describe("PHI guard on the frozen QI-meeting test part", () => {
  const lines = loadPart("test");
  const s = score(lines, detectPhi);

  it("is a corpus of the three styles with identifiers and clean lines", () => {
    console.log(report(s));
    const all = [...lines, ...loadPart("dev")];
    expect(all.length).toBeGreaterThanOrEqual(600);
    for (const style of ["caption", "note", "bullet"])
      expect(lines.some((l) => l.style === style)).toBe(true);
    expect(s.cleanLines).toBeGreaterThanOrEqual(100);
    expect(s.total.labels).toBeGreaterThanOrEqual(200);
  });

  it("finds at least 95 % of identifiers, 98 % of structured ones", () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(0.95);
    expect(recall(s.structured)).toBeGreaterThanOrEqual(0.98);
  });

  it("is right at least 90 % of the time it flags something", () => {
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.9);
  });

  it("flags at most 5 % of clean lines", () => {
    expect(s.cleanFlagged / s.cleanLines).toBeLessThanOrEqual(0.05);
  });
});
