// Review insights on the built bundle: counts by session, site, tag, kind and status; a real sheet filter
// that matches whole tags (synonyms folded in) and exact text; the review status of selected clips; and
// the Tags tab's use counts of exact tags, wildcard characters included, as the sheet computes them.
import { describe, expect, it } from "vitest";
import type { Addon } from "../helpers/addon.ts";
import { CLIPS, history, insights, learnWorkbook, selectRows } from "./learnFixture.ts";
import { records, workbook, writeRows } from "./peerWorkbook.ts";

type Facet = { value: string; count: number };
type View = { total: number; facets: Record<string, Facet[]>; applied: Record<string, string> };
type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

const facets = (addon: Addon) => addon.run("getInsightFacets") as Result<View>;
const apply = (addon: Addon, choice: unknown) =>
  addon.run("applyInsightFilter", choice) as Result<{ shown: number; message: string; view: View }>;
const setStatus = (addon: Addon, status: string) =>
  addon.run("setReviewStatus", { status }) as Result<{ message: string }>;

/** The Clip ids of the rows the Insights filter shows. */
function visible(addon: Addon): string[] {
  const sheet = workbook(addon).getSheetByName("Insights")!;
  const ids = sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues();
  return ids.flatMap((row, i) => (sheet.isRowHiddenByFilter(i + 2) ? [] : [String(row[0])]));
}

describe("Review insights", () => {
  it("counts clips by session, site, tag (synonyms folded), kind and status", () => {
    const addon = learnWorkbook();
    writeRows(addon, "Tags", [{ Tag: "discharge", Synonyms: "DC" }]);
    writeRows(addon, "Insights", [...CLIPS, { "Clip id": "c-6", Tags: "dc, Care" }]);
    const view = facets(addon);
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.value.total).toBe(6);
    expect(view.value.facets.session).toEqual([
      { value: "Case: Mercy", count: 2 },
      { value: "Q&A", count: 3 },
    ]);
    expect(view.value.facets.tag).toContainEqual({ value: "discharge", count: 3 });
    expect(view.value.facets.tag).toContainEqual({ value: "care", count: 2 });
    expect(view.value.facets.tag).toContainEqual({ value: "patient care", count: 1 });
    expect(view.value.facets.tag.map((f) => f.value)).not.toContain("dc");
    // A blank status is a clip nobody has reviewed yet.
    expect(view.value.facets.reviewStatus).toEqual([{ value: "new", count: 6 }]);
  });

  it("filters the sheet by whole tags: care is not patient care, a* is not a wildcard", () => {
    const addon = learnWorkbook();
    const care = apply(addon, { tag: "care" });
    expect(care.ok && care.value.shown).toBe(1);
    expect(visible(addon)).toEqual(["c-3"]);
    expect(apply(addon, { tag: "a*" }).ok).toBe(true);
    expect(visible(addon)).toEqual(["c-4"]);
    const none = apply(addon, { tag: "a" });
    expect(!none.ok && none.error.message).toContain("No clip has tag “a”");
    // The refused filter left the last one in place.
    expect(visible(addon)).toEqual(["c-4"]);
  });

  it("combines session, site, kind and status, remembers the choice and shows all again", () => {
    const addon = learnWorkbook();
    const both = apply(addon, { session: "Q&A", site: "Site B", kind: "barrier", reviewStatus: "new" });
    expect(both.ok && both.value.message).toContain("Showing 1 of 5 clips");
    expect(visible(addon)).toEqual(["c-3"]);
    const view = facets(addon);
    expect(view.ok && view.value.applied).toMatchObject({ session: "Q&A", site: "Site B", kind: "barrier" });
    expect((addon.run("clearInsightFilter") as Result<unknown>).ok).toBe(true);
    expect(visible(addon)).toEqual(["c-1", "c-2", "c-3", "c-4", "c-5"]);
  });

  it("sets the review status of the selected rows, never of promoted clips, and refuses bad input", () => {
    const addon = learnWorkbook();
    selectRows(addon, "Insights", [2, 3], [5, 5]);
    const set = setStatus(addon, "reviewed");
    expect(set.ok && set.value.message).toBe("Marked 3 clips “reviewed”.");
    expect(insights(addon).map((r) => r["Review status"])).toEqual([
      "reviewed",
      "reviewed",
      "new",
      "reviewed",
      "new",
    ]);

    selectRows(addon, "Insights", [4, 4]);
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("promoteToPractice");
    const before = JSON.stringify(addon.sheet("Insights"));
    selectRows(addon, "Insights", [3, 4]);
    const promoted = setStatus(addon, "set aside");
    expect(!promoted.ok && promoted.error.message).toContain("row 4 is promoted to BP-001");
    const manual = setStatus(addon, "promoted");
    expect(!manual.ok && manual.error.message).toContain("Promote to best practice");
    expect(setStatus(addon, "done").ok).toBe(false);
    selectRows(addon, "Insights", [1, 2]);
    expect(setStatus(addon, "reviewed").ok).toBe(false);
    expect(JSON.stringify(addon.sheet("Insights"))).toBe(before);
    expect(history(addon)).toEqual([]);
  });

  it("opens a sidebar with every control labelled and the data escaped", () => {
    const addon = learnWorkbook([
      { "Clip id": "x", Session: '"><script>alert(1)</script>', Kind: "insight" },
    ]);
    addon.run("showReviewInsights");
    const html = addon.emulator.ui.takeEvents().find((e) => e.type === "sidebar")?.html ?? "";
    expect(html).toContain("<main>");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain('<label for="set-status">');
  });
});

describe("Tags › Use count on the workbook", () => {
  it("counts exact tags, with *, ? and ~ as plain text and synonyms folded in", () => {
    const addon = learnWorkbook();
    writeRows(addon, "Tags", [
      { Tag: "care" },
      { Tag: "patient care" },
      { Tag: "a*" },
      { Tag: "*" },
      { Tag: "~x" },
      { Tag: "?" },
      { Tag: "discharge", Synonyms: "checklist" },
    ]);
    // Typed rows get their formulas from onEdit, as in Sheets.
    const sheet = workbook(addon).getSheetByName("Tags")!;
    addon.run("onEdit", { range: sheet.getRange(2, 1, 7, sheet.getLastColumn()), source: workbook(addon) });
    const counts = records(addon, "Tags").map((r) => [r.Tag, r["Use count"]]);
    expect(counts).toEqual([
      ["care", 1],
      ["patient care", 1],
      ["a*", 1],
      ["*", 0],
      ["~x", 1],
      ["?", 0],
      ["discharge", 3],
    ]);
  });
});
