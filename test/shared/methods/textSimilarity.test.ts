import { describe, expect, it } from "vitest";
import {
  likelyDuplicates,
  practiceSimilarity,
  textSimilarity,
  trigrams,
} from "../../../shared/methods/textSimilarity.ts";

describe("text similarity (pg_trgm trigrams, Jaccard)", () => {
  it("makes pg_trgm's trigrams: two spaces before each word, one after", () => {
    expect([...trigrams("Cat")].sort()).toEqual(["  c", " ca", "at ", "cat"]);
  });

  it("scores the same words 1 whatever the case and punctuation, and nothing shared 0", () => {
    expect(textSimilarity("Discharge before noon!", "discharge BEFORE noon")).toBe(1);
    expect(textSimilarity("Discharge before noon", "Hand hygiene audits")).toBe(0);
    expect(textSimilarity("", "")).toBe(0);
  });

  it("ranks a near-identical title far above an unrelated one", () => {
    const base = "Discharge huddle at 10 am to cut length of stay";
    const near = textSimilarity(base, "Discharge huddles at 10am to cut the length of stay");
    const unrelated = textSimilarity(base, "Barcode scanning for medication administration");
    expect(near).toBeGreaterThan(0.6);
    expect(unrelated).toBeLessThan(0.15);
  });

  it("weighs the problem statement in when both have one", () => {
    const a = { title: "Morning huddle", problemStatement: "Patients wait for discharge paperwork" };
    const sameProblem = {
      title: "Morning huddle",
      problemStatement: "Patients wait for discharge paperwork",
    };
    const otherProblem = { title: "Morning huddle", problemStatement: "Operating rooms start late" };
    expect(practiceSimilarity(a, sameProblem)).toBe(1);
    expect(practiceSimilarity(a, otherProblem)).toBeLessThan(0.7);
    expect(practiceSimilarity(a, { title: "Morning huddle", problemStatement: "" })).toBe(1);
  });

  it("lists likely duplicates at or above the threshold, most alike first", () => {
    const existing = [
      { id: "BP-001", title: "Barcode scanning for medications", problemStatement: "" },
      { id: "BP-002", title: "Discharge huddle at 10 am", problemStatement: "" },
      { id: "BP-003", title: "Discharge huddle at 10 am daily", problemStatement: "" },
    ];
    const found = likelyDuplicates(
      { title: "Discharge huddle at 10 am", problemStatement: "" },
      existing,
      0.6,
    );
    expect(found.map((d) => d.id)).toEqual(["BP-002", "BP-003"]);
    expect(found[0]?.score).toBe(1);
    expect(
      likelyDuplicates({ title: "Fall prevention rounds", problemStatement: "" }, existing, 0.6),
    ).toEqual([]);
  });
});
