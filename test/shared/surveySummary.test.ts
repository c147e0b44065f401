// The Evaluation tab's survey formulas, evaluated by HyperFormula over a Survey Responses column, equal
// the shared reference (shared/methods/survey.ts) for any answers, blanks included. HyperFormula rounds
// results to 10 significant digits (its precisionRounding), hence 8 decimals.
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { likertSummary, netPromoterScore } from "../../shared/methods/survey.ts";
import { summaryFormulas, surveyItems } from "../../shared/schema/surveySummary.ts";

const item = (kind: string) => surveyItems.find((i) => i.kind === kind)!;

/** Evaluates each summary formula over column A of a "Survey Responses" sheet holding `answers`. */
function evaluate(kind: "likert" | "nps" | "comments", answers: readonly (number | string | null)[]) {
  const formulas = summaryFormulas(item(kind), "'Survey Responses'!$A:$A");
  const keys = Object.keys(formulas) as (keyof typeof formulas)[];
  const hf = HyperFormula.buildFromSheets(
    {
      "Survey Responses": [["Answer"], ...answers.map((a) => [a])],
      Evaluation: [keys.map((k) => formulas[k] || null)],
    } as never,
    { licenseKey: "gpl-v3" },
  );
  const sheet = hf.getSheetId("Evaluation")!;
  return Object.fromEntries(
    keys.map((k, col) => {
      const value = hf.getCellValue({ sheet, row: 0, col });
      return [k, value === null ? "" : value];
    }),
  ) as Record<keyof typeof formulas, unknown>;
}

const blankOr = (arb: fc.Arbitrary<number>) => fc.oneof(arb, fc.constant(null));

describe("survey summary formulas", () => {
  it("n, median and top-2-box equal likertSummary (blanks excluded)", () => {
    fc.assert(
      fc.property(fc.array(blankOr(fc.integer({ min: 1, max: 5 })), { maxLength: 60 }), (answers) => {
        const got = evaluate("likert", answers);
        const want = likertSummary(answers);
        expect(got.n).toBe(want.n);
        if (want.n === 0) {
          expect(got.median).toBe("");
          expect(got.top2Box).toBe("");
        } else {
          expect(got.median).toBe(want.median);
          expect(got.top2Box as number).toBeCloseTo(want.top2BoxPercent!, 8);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("NPS and promoter, passive and detractor counts equal netPromoterScore", () => {
    fc.assert(
      fc.property(fc.array(blankOr(fc.integer({ min: 0, max: 10 })), { maxLength: 60 }), (answers) => {
        const got = evaluate("nps", answers);
        const want = netPromoterScore(answers);
        expect(got.n).toBe(want.n);
        if (want.n === 0) {
          expect(got.nps).toBe("");
          return;
        }
        expect(got.nps as number).toBeCloseTo(want.nps!, 8);
        expect(got.promoters as number).toBeCloseTo((want.promotersPercent! * want.n) / 100, 8);
        expect(got.passives as number).toBeCloseTo((want.passivesPercent! * want.n) / 100, 8);
        expect(got.detractors as number).toBeCloseTo((want.detractorsPercent! * want.n) / 100, 8);
      }),
      { numRuns: 30 },
    );
  });

  it("by hand: 10, 9, 9, 7, 3 and a blank is NPS 40 from 5 answers", () => {
    expect(evaluate("nps", [10, 9, 9, 7, 3, null])).toMatchObject({
      n: 5,
      nps: 40,
      promoters: 3,
      passives: 1,
      detractors: 1,
    });
  });

  it("counts comments that hold text, not blanks", () => {
    expect(evaluate("comments", ["Pilot first", null, "Ask pharmacy", null]).n).toBe(2);
  });

  it("gives each item its Kirkpatrick level: reaction, learning for confidence", () => {
    expect(Object.fromEntries(surveyItems.map((i) => [i.key, i.level]))).toEqual({
      satisfaction: "1 reaction",
      relevance: "1 reaction",
      confidence: "2 learning",
      recommend: "1 reaction",
      comments: "1 reaction",
    });
  });
});
