import { describe, expect, it } from "vitest";
import { suggestSimilarity } from "../../../shared/methods/similarity.ts";

const host = { caseMixIndex: 1.5, beds: 400, setting: "Urban", type: "Teaching" };

describe("suggested similarity", () => {
  it("an identical profile is 5", () => {
    expect(suggestSimilarity({ ...host }, host).score).toBe(5);
  });
  it("a very different profile is 1", () => {
    const r = suggestSimilarity(
      { caseMixIndex: 0.9, beds: 25, setting: "Rural", type: "Critical access" },
      host,
    );
    expect(r.score).toBe(1);
    expect(r.reasons).toContain("different setting (rural vs urban)");
  });
  it("mixes descriptors: CMI 1.4 (0.8), 300 beds (0.75), same setting (1), other type (0) → 1 + 4 × 0.6375 → 4", () => {
    const r = suggestSimilarity({ caseMixIndex: 1.4, beds: 300, setting: "urban", type: "Community" }, host);
    expect(r.score).toBe(4);
    expect(r.reasons).toHaveLength(4);
  });
  it("uses only descriptors both sides have, and is undefined with none", () => {
    expect(suggestSimilarity({ beds: "400" }, host).score).toBe(5);
    expect(suggestSimilarity({}, host).score).toBeUndefined();
  });
});
