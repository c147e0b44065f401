import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carriesTag, normalizeTag, splitTags, tagUseCounts } from "../../../shared/methods/tags.ts";

describe("tags", () => {
  it("splits a Tags cell into exact, trimmed, lower-case tags", () => {
    expect(splitTags(" Care ,  patient   care,,care")).toEqual(["care", "patient care"]);
    expect(normalizeTag("  Discharge   Planning ")).toBe("discharge planning");
  });

  it("counts exact tags only: care is not patient care", () => {
    const counts = tagUseCounts(
      [
        { tag: "care", synonyms: "" },
        { tag: "patient care", synonyms: "" },
      ],
      ["patient care", "care, staffing", "Patient Care, care", ""],
    );
    expect(counts).toEqual([2, 2]);
  });

  it("treats *, ?, ~ and formula-like tags as plain text", () => {
    const cells = ["a*", "a?b, x", "~a", "=sum, +1", "-x, @y", "ab"];
    const taxonomy = ["a*", "a?b", "~a", "=sum", "+1", "-x", "@y", "*", "?"].map((tag) => ({
      tag,
      synonyms: "",
    }));
    expect(tagUseCounts(taxonomy, cells)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0]);
  });

  it("folds synonyms into their tag, counting a clip once", () => {
    const taxonomy = [{ tag: "discharge", synonyms: "DC, discharge planning" }];
    expect(tagUseCounts(taxonomy, ["dc", "discharge, dc", "discharge planning", "dcx"])).toEqual([3]);
    expect(carriesTag("x, DC ", ["discharge", "dc"])).toBe(true);
  });

  it("counts a blank tag as blank, and never more clips than there are", () => {
    expect(tagUseCounts([{ tag: " ", synonyms: "x" }], ["x"])).toEqual([""]);
    fc.assert(
      fc.property(fc.array(fc.string()), fc.string(), (cells, tag) => {
        const [count] = tagUseCounts([{ tag, synonyms: "" }], cells);
        return count === "" || (count >= 0 && count <= cells.length);
      }),
    );
  });
});
