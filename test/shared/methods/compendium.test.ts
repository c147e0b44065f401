// The compendium outline, directly: confidentiality, naming, grouping and suppression decisions.
import { describe, expect, it } from "vitest";
import { buildCompendium, type CompendiumPractice } from "../../../shared/methods/compendium.ts";
import { siteNames } from "../../../shared/methods/siteNames.ts";

const sites = siteNames([
  { siteName: "Hilltop", pseudonym: "Site B", permissionToIdentify: false, selected: true },
]);

function practice(values: Partial<CompendiumPractice>): CompendiumPractice {
  return {
    practiceId: "p",
    title: "A practice",
    problemStatement: "",
    intervention: "",
    outcomeMetric: "",
    outcomeBaseline: "",
    outcomeResult: "",
    implementationTips: "",
    potentialBarriers: "",
    requiredAdaptations: "",
    didNotWork: "",
    sourceSite: "",
    evidence: "",
    tags: "",
    status: "published",
    sourceClips: "",
    ...values,
  };
}

const build = (practices: CompendiumPractice[], shared = false) =>
  buildCompendium({
    exchangeName: "X",
    ownership: "O",
    dissemination: "D",
    practices,
    clips: [
      { clipId: "c1", text: "A confidential remark about staffing levels", confidential: true },
      { clipId: "c2", text: "An open remark", confidential: false },
    ],
    sites,
    shared,
    exportedOn: "2026-12-03",
  });

const text = (c: ReturnType<typeof build>) =>
  c.blocks.map((b) => ("text" in b ? b.text : b.cells.flat().join(" "))).join("\n");

describe("buildCompendium", () => {
  it("keeps a practice with any open clip, withholding only the confidential text", () => {
    const c = build([
      practice({ sourceClips: "c1 c2", evidence: "a confidential remark about staffing levels" }),
    ]);
    expect(c.included).toEqual(["A practice"]);
    expect(text(c)).toContain("Evidence: Withheld: drawn from a confidential clip.");
    expect(c.withheld).toEqual(["A practice: Evidence"]);
  });

  it("withholds a title copied from a confidential clip, and names it only in the coordinator's report", () => {
    const c = build([
      practice({
        title: "A confidential remark about staffing levels",
        sourceClips: "c2",
        tags: "flow, staff",
      }),
    ]);
    expect(text(c)).not.toMatch(/staffing levels/i);
    expect(text(c)).toContain("Untitled practice (title withheld: drawn from a confidential clip)");
    expect(text(c)).toContain(
      "See also: Untitled practice (title withheld: drawn from a confidential clip) (under flow)",
    );
    expect(c.withheld).toEqual(["A confidential remark about staffing levels: Title"]);
  });

  it("leaves out a practice whose clips are all confidential; unknown clip ids do not count", () => {
    expect(build([practice({ sourceClips: "c1" })]).leftOut).toHaveLength(1);
    expect(build([practice({ sourceClips: "c1, gone" })]).leftOut).toHaveLength(1);
    expect(build([practice({ sourceClips: "gone" })]).included).toEqual(["A practice"]);
  });

  it("never shows a real name without permission, even of a site not on the Peers tab", () => {
    expect(text(build([practice({ sourceSite: "hilltop" })]))).toContain("Source site: Site B");
    expect(text(build([practice({ sourceSite: "Some Other Hospital" })]))).toContain(
      "Source site: A site not on the Peers tab",
    );
    expect(text(build([practice({ sourceSite: "Site Q" })]))).toContain("Source site: Site Q");
  });

  it("tags compare without case; untagged practices come last", () => {
    const c = build([
      practice({ title: "B", tags: "Flow" }),
      practice({ title: "A", tags: "flow, Safety" }),
      practice({ title: "C" }),
    ]);
    const headings = c.blocks.filter((b) => b.kind === "heading1").map((b) => ("text" in b ? b.text : ""));
    expect(headings.slice(2)).toEqual(["Flow", "Safety", "Untagged"]);
    expect(c.included).toEqual(["A", "B", "C"]);
  });

  it("when shared, a tag count of 1–10 is hidden and so is its complement", () => {
    const many = Array.from({ length: 12 }, (_, i) => practice({ title: `P${i}`, tags: "big" }));
    const c = build(
      [...many, practice({ title: "Q", tags: "small" }), practice({ title: "R", tags: "other" })],
      true,
    );
    const table = c.blocks.find((b) => b.kind === "table") as { cells: string[][] };
    expect(table.cells.slice(1).map((r) => r[1])).toEqual([
      "12",
      "suppressed (small count)",
      "suppressed (small count)",
    ]);
    const open = build([...many, practice({ title: "Q", tags: "small" })]);
    expect((open.blocks.find((b) => b.kind === "table") as { cells: string[][] }).cells[2]).toEqual([
      "small",
      "1",
    ]);
  });
});
