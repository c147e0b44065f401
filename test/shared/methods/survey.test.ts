import { describe, expect, it } from "vitest";
import { isProgressScore, PROGRESS_SCALE, progressLabel } from "../../../shared/methods/progress.ts";
import { KIRKPATRICK_LEVELS, likertSummary, netPromoterScore } from "../../../shared/methods/survey.ts";

describe("Likert summary", () => {
  it("n excludes blanks; median; top-2-box %", () => {
    const r = likertSummary([5, 4, "", 3, 2, null, 4, 5]);
    expect(r.n).toBe(6);
    expect(r.median).toBe(4); // 2 3 4 4 5 5 → (4 + 4) / 2
    expect(r.top2BoxPercent).toBeCloseTo((4 / 6) * 100, 10);
  });
  it("averages the middle two for an even count", () => {
    expect(likertSummary([1, 2, 3, 4]).median).toBe(2.5);
  });
  it("counts out-of-range answers as invalid, not as answers", () => {
    const r = likertSummary([0, 6, 3.5, 3]);
    expect(r.n).toBe(1);
    expect(r.invalid).toBe(3);
  });
  it("no answers: n 0, the rest undefined", () => {
    expect(likertSummary(["", null])).toEqual({
      n: 0,
      median: undefined,
      top2BoxPercent: undefined,
      invalid: 0,
    });
  });
});

describe("NPS", () => {
  it("is % promoters (9–10) minus % detractors (0–6)", () => {
    // 10 answers: promoters 9,10,10,9 (40 %); passives 7,8 (20 %); detractors 0,6,5,3 (40 %)
    const r = netPromoterScore([9, 10, 10, 9, 7, 8, 0, 6, 5, 3, ""]);
    expect(r.n).toBe(10);
    expect(r.nps).toBeCloseTo(0, 10);
    expect(r.passivesPercent).toBeCloseTo(20, 10);
  });
  it("spans −100 … +100", () => {
    expect(netPromoterScore([10, 9]).nps).toBe(100);
    expect(netPromoterScore([0, 6]).nps).toBe(-100);
    expect(netPromoterScore([]).nps).toBeUndefined();
  });
});

describe("Kirkpatrick and IHI progress scale", () => {
  it("has four Kirkpatrick levels", () => {
    expect(KIRKPATRICK_LEVELS.map((l) => l.name)).toEqual(["Reaction", "Learning", "Behaviour", "Results"]);
  });
  it("has ten steps 0.5 … 5.0", () => {
    expect(PROGRESS_SCALE.map((s) => s.score)).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(progressLabel(3)).toBe("Modest improvement");
    expect(progressLabel(4.5)).toBe("Sustainable improvement");
    expect(isProgressScore(2.25)).toBe(false);
    expect(progressLabel(0)).toBeUndefined();
  });
});
