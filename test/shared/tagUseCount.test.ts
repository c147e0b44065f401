// The Tags tab's "Use count" formula, evaluated by HyperFormula, against its reference tagUseCounts:
// exact tags only, *, ?, ~ and formula-like tags as plain text, synonyms folded into their tag.
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { SYNONYM_SLOTS, tagUseCounts } from "../../shared/methods/tags.ts";
import {
  type ColumnSpec,
  formulaContext,
  schemaLayout,
  settingFields,
  tab,
  tabs,
} from "../../shared/schema/index.ts";

const layout = schemaLayout(
  tabs,
  settingFields.map((f) => f.key),
);

/** Use counts as the sheet computes them, for a taxonomy and the Insights tab's Tags cells. */
function sheetCounts(taxonomy: { tag: string; synonyms: string }[], tagCells: string[]): unknown[] {
  const tagColumns = tab("Tags").columns as readonly ColumnSpec[];
  const insightColumns = tab("Insights").columns as readonly ColumnSpec[];
  const tagsAt = insightColumns.findIndex((c) => c.key === "tags");
  const insights = [
    insightColumns.map((c) => c.header),
    ...tagCells.map((_, r) =>
      insightColumns.map((c) => (c.formula ? c.formula(formulaContext(layout, "Insights", r + 2)) : null)),
    ),
  ];
  const rows = [
    tagColumns.map((c) => c.header),
    ...taxonomy.map((entry, i) =>
      tagColumns.map((c) => {
        if (c.formula) return c.formula(formulaContext(layout, "Tags", i + 2));
        const value = c.key === "tag" ? entry.tag : c.key === "synonyms" ? entry.synonyms : "";
        return value === "" ? null : value;
      }),
    ),
  ];
  const hf = HyperFormula.buildFromSheets({ Tags: rows, Insights: insights } as never, {
    licenseKey: "gpl-v3",
  });
  // Cells are set as text: a tag such as "=sum" or "+1" is what a neutralized cell holds, not a formula.
  const tagsSheet = hf.getSheetId("Tags") as number;
  const insightsSheet = hf.getSheetId("Insights") as number;
  const asText = (sheet: number, row: number, col: number, text: string) => {
    if (text !== "") hf.setCellContents({ sheet, row, col }, `'${text}`);
  };
  tagCells.forEach((cell, i) => {
    asText(insightsSheet, i + 1, tagsAt, cell);
  });
  const tagAt = tagColumns.findIndex((c) => c.key === "tag");
  const synAt = tagColumns.findIndex((c) => c.key === "synonyms");
  taxonomy.forEach((entry, i) => {
    asText(tagsSheet, i + 1, tagAt, entry.tag);
    asText(tagsSheet, i + 1, synAt, entry.synonyms);
  });
  const countAt = tagColumns.findIndex((c) => c.key === "useCount");
  return taxonomy.map((_, i) => {
    const value = hf.getCellValue({ sheet: tagsSheet, row: i + 1, col: countAt });
    return value === null ? "" : value;
  });
}

describe("Tags › Use count (HyperFormula) equals tagUseCounts", () => {
  it("counts exact tags: care is not patient care, and case and spaces do not matter", () => {
    const taxonomy = [
      { tag: "care", synonyms: "" },
      { tag: "Patient Care", synonyms: "" },
      { tag: "", synonyms: "" },
    ];
    const cells = ["patient care", "care, staffing", "PATIENT  CARE ,care", "", "careful"];
    expect(sheetCounts(taxonomy, cells)).toEqual([2, 2, ""]);
    expect(sheetCounts(taxonomy, cells)).toEqual(tagUseCounts(taxonomy, cells));
  });

  it("treats *, ?, ~ and tags starting with = + - @ as plain text", () => {
    const taxonomy = ["a*", "*", "?", "a?b", "~a", "~", "=sum", "+1", "-x", "@y"].map((tag) => ({
      tag,
      synonyms: "",
    }));
    const cells = ["a*", "a?b, x", "~a", "=sum, +1", "-x, @y", "ab", "axb", "a"];
    const expected = tagUseCounts(taxonomy, cells);
    expect(expected).toEqual([1, 0, 0, 1, 1, 0, 1, 1, 1, 1]);
    expect(sheetCounts(taxonomy, cells)).toEqual(expected);
  });

  it("folds synonyms into their tag, counting each clip once", () => {
    const synonyms = Array.from({ length: SYNONYM_SLOTS + 1 }, (_, i) => `s${i}`).join(", ");
    const taxonomy = [
      { tag: "discharge", synonyms: "DC, discharge planning" },
      { tag: "many", synonyms },
    ];
    const cells = [
      "dc",
      "discharge, dc",
      "discharge planning",
      "dcx",
      `s0, s${SYNONYM_SLOTS - 1}`,
      `s${SYNONYM_SLOTS}`,
    ];
    const expected = tagUseCounts(taxonomy, cells);
    expect(expected).toEqual([3, 1]);
    expect(sheetCounts(taxonomy, cells)).toEqual(expected);
  });

  it("does not count the header, even for a tag named like it", () => {
    const taxonomy = [{ tag: "tags", synonyms: "" }];
    expect(sheetCounts(taxonomy, ["tags", "x"])).toEqual([1]);
  });

  it("agrees on generated tags and cells", () => {
    const piece = fc.constantFrom("care", "Care", "patient care", "a*", "?", "~", "=x", " dc ", "x y");
    const cell = fc.array(piece, { maxLength: 3 }).map((items) => items.join(","));
    fc.assert(
      fc.property(
        fc.array(fc.record({ tag: piece, synonyms: cell }), { minLength: 1, maxLength: 3 }),
        fc.array(cell, { maxLength: 6 }),
        (taxonomy, cells) => {
          expect(sheetCounts(taxonomy, cells)).toEqual(tagUseCounts(taxonomy, cells));
        },
      ),
      { numRuns: 40 },
    );
  });
});
