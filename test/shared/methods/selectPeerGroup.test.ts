import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pseudonym } from "../../../shared/methods/pseudonyms.ts";
import {
  explainSelection,
  type PeerCandidate,
  selectPeerGroup,
} from "../../../shared/methods/selectPeerGroup.ts";
import { PEERS, WEIGHTS } from "../../fixtures/peers.ts";

const fromFixture = (): PeerCandidate[] =>
  PEERS.map((p, i) => ({
    id: p.name,
    label: pseudonym(i),
    scores: {
      similarity: p.similarity,
      success: p.success,
      willingness: p.willingness,
      diversity: p.diversity,
    },
    outlier: p.outlier,
    setting: p.setting,
    type: p.type,
  }));

function candidate(i: number, score: number, extra: Partial<PeerCandidate> = {}): PeerCandidate {
  return {
    id: `H${i}`,
    label: pseudonym(i),
    scores: { similarity: score, success: score, willingness: score, diversity: score },
    outlier: false,
    setting: "Urban",
    type: i % 2 ? "Teaching" : "Community",
    ...extra,
  };
}

describe("selectPeerGroup", () => {
  it("fixture: the six best willing candidates, constraints met, missing scores reported", () => {
    const r = selectPeerGroup(fromFixture(), { weights: WEIGHTS });
    expect(r.selected.map((s) => s.id)).toEqual([
      "St. Brigid Community Hospital",
      "Lakeside University Hospital",
      "Harborview Children's Hospital",
      "Bayshore Rehabilitation Institute",
      "Northfield Regional Medical Center",
      "Cedar Ridge Veterans Hospital",
    ]);
    expect(r.unmet).toEqual([]);
    expect(r.constraints).toEqual({
      size: true,
      outlier: true,
      willingness: true,
      settingSpread: true,
      typeSpread: true,
    });
    const mesa = r.ranking.find((c) => c.id === "Mesa Verde Health System")!;
    expect(mesa.selected).toBe(false);
    expect(mesa.rank).toBe(8);
    expect(mesa.reason).toMatch(/willingness to share 2 is below the floor of 3/);
    const summit = r.ranking.find((c) => c.id === "Summit Heart and Vascular")!;
    expect(summit.rank).toBeUndefined();
    expect(summit.reason).toMatch(/missing Demonstrated success/);
    expect(r.ranking.find((c) => c.id === "Bayshore Rehabilitation Institute")!.reason).toMatch(/outlier/);
  });

  it("brings in the best outlier in place of the lowest-ranked member", () => {
    const cands = [5, 4.8, 4.6, 4.4, 4.2, 4, 3.8, 3.5].map((s, i) => candidate(i, Math.round(s), {}));
    cands[7] = candidate(7, 3, { outlier: true });
    const r = selectPeerGroup(cands, { maxSize: 4 });
    expect(r.selected.map((s) => s.label)).toContain("Site H");
    expect(r.selected).toHaveLength(4);
    expect(r.constraints.outlier).toBe(true);
    const h = r.ranking[7]!;
    expect(h.reason).toMatch(/brought in to meet "at least one outlier", replacing Site D/);
    expect(r.ranking[3]!.reason).toMatch(/left out so the group meets "at least one outlier"/);
  });

  it("swaps for a spread of settings without dropping the outlier", () => {
    const cands = [
      candidate(0, 5, { outlier: true }),
      candidate(1, 5),
      candidate(2, 4),
      candidate(3, 4),
      candidate(4, 3, { setting: "Rural" }),
    ];
    const r = selectPeerGroup(cands, { maxSize: 4 });
    expect(r.selected.map((s) => s.label)).toEqual(["Site A", "Site B", "Site C", "Site E"]);
    expect(r.constraints.settingSpread).toBe(true);
    expect(r.constraints.outlier).toBe(true);
  });

  it("says which constraints it could not meet", () => {
    const cands = [
      candidate(0, 5),
      candidate(1, 4),
      candidate(2, 4, { scores: { similarity: 4, success: 4, willingness: 1, diversity: 4 } }),
    ];
    const r = selectPeerGroup(cands);
    expect(r.selected).toHaveLength(2);
    expect(r.unmet[0]).toMatch(/Group size: only 2 candidates meet the willingness floor/);
    expect(r.unmet.some((u) => /no eligible candidate is marked as an outlier/.test(u))).toBe(true);
    expect(r.unmet).toContain(
      'Not all one setting: every member has the setting "urban" and no eligible candidate with another setting can replace one. Add or score a candidate with a different setting.',
    );
    expect(explainSelection(r)).toMatch(/Could not meet:/);
  });

  it("breaks ties by row order and says so", () => {
    const r = selectPeerGroup([candidate(0, 3), candidate(1, 4), candidate(2, 4)], {
      minSize: 1,
      maxSize: 1,
    });
    expect(r.selected[0]!.label).toBe("Site B");
    expect(r.notes).toContain(
      "Site B, Site C tie at weighted score 4.00; the tie is broken by row order (the row nearer the top of the list goes first): Site B in the group, Site C not.",
    );
    // The tied pair share a rank, as the Peers tab's Rank formula shows it.
    expect(r.ranking.map((c) => c.rank)).toEqual([3, 1, 1]);
    expect(r.ranking[2]!.reason).toBe(
      "Rank 1 (weighted score 4.00): tied with Site B, which is higher on the list; the group holds at most 1.",
    );
  });

  it("says nothing of ties that do not touch the group", () => {
    const r = selectPeerGroup([candidate(0, 5), candidate(1, 3), candidate(2, 3)], {
      minSize: 1,
      maxSize: 1,
    });
    expect(r.selected.map((s) => s.label)).toEqual(["Site A"]);
    expect(r.notes).toEqual([]);
    expect(r.ranking.map((c) => c.rank)).toEqual([1, 2, 2]);
  });

  it("ranks as the Peers tab's Rank formula does: 1 + how many score strictly higher", () => {
    const scores = [3, 4, 4, 5, 3, 4];
    const r = selectPeerGroup(
      scores.map((s, i) => candidate(i, s)),
      { minSize: 1, maxSize: 2 },
    );
    const sheetRank = scores.map((s) => scores.filter((t) => t > s).length + 1);
    expect(r.ranking.map((c) => c.rank)).toEqual(sheetRank);
    expect(sheetRank).toEqual([5, 2, 2, 1, 5, 2]);
  });

  it("the explanation names candidates that are below the floor or not ranked, and a one-sided spread", () => {
    const cands = [
      candidate(0, 5, { outlier: true }),
      candidate(1, 5, { scores: { similarity: 5, success: 5, willingness: 2, diversity: 5 } }),
      candidate(2, 4, { scores: { similarity: 4, success: "", willingness: 4, diversity: 4 } }),
      candidate(3, 4, { setting: "" }),
    ];
    const r = selectPeerGroup(cands, { minSize: 2, maxSize: 4 });
    expect(r.ranking.map((c) => c.excluded)).toEqual([
      undefined,
      "below willingness floor",
      "missing scores",
      undefined,
    ]);
    const text = explainSelection(r);
    expect(text).toContain("Not eligible:\n• Below the willingness floor: Site B (rank 2).");
    expect(text).toContain(
      "• Not ranked until all four criteria are scored 1–5 (see the Missing scores column): Site C.",
    );
    // Site D has no setting: the message must not claim every member is urban.
    expect(r.unmet).toContain(
      'Not all one setting: every member with a setting filled in has the setting "urban" and no eligible candidate with another setting can replace one. Add or score a candidate with a different setting, or fill in the setting of each member.',
    );
  });

  it("every member meets the floor; claims match the group; same input, same answer (property)", () => {
    const arb = fc.array(
      fc.record({
        s: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }),
        outlier: fc.boolean(),
        setting: fc.constantFrom("Urban", "Rural", "Suburban"),
        type: fc.constantFrom("Teaching", "Community"),
      }),
      { minLength: 0, maxLength: 14 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const cands: PeerCandidate[] = rows.map((row, i) => ({
          id: `H${i}`,
          label: pseudonym(i),
          scores: { similarity: row.s[0], success: row.s[1], willingness: row.s[2], diversity: row.s[3] },
          outlier: row.outlier,
          setting: row.setting,
          type: row.type,
        }));
        const r = selectPeerGroup(cands);
        const byId = new Map(cands.map((c) => [c.id, c]));
        const members = r.selected.map((s) => byId.get(s.id)!);
        const ok =
          members.length <= 6 &&
          members.every((m) => (m.scores.willingness as number) >= 3) &&
          r.constraints.outlier === members.some((m) => m.outlier) &&
          r.constraints.settingSpread === new Set(members.map((m) => m.setting)).size > 1 &&
          r.constraints.typeSpread === new Set(members.map((m) => m.type)).size > 1 &&
          r.constraints.size === members.length >= 4;
        const allMet = Object.values(r.constraints).every(Boolean);
        return (
          ok &&
          allMet === (r.unmet.length === 0) &&
          JSON.stringify(selectPeerGroup(cands)) === JSON.stringify(r)
        );
      }),
      { numRuns: 300 },
    );
  });
});
