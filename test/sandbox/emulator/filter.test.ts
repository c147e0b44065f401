// Basic filters and the selection as a range list, as Apps Script documents them: one filter per sheet,
// hidden values and text criteria hide body rows (never the header), visible values are refused, criteria
// follow their rows and columns, and a multi-range selection is read back range by range.
import { describe, expect, it } from "vitest";
import { spreadsheetFixture } from "./spreadsheetFixture.ts";

function seeded() {
  const fixture = spreadsheetFixture();
  fixture.sheet.getRange(1, 1, 5, 2).setValues([
    ["Kind", "Tags"],
    ["barrier", "care, staffing"],
    ["insight", "patient care"],
    ["barrier", ""],
    ["question", "care"],
  ]);
  fixture.env.calls.reset();
  return fixture;
}

const hiddenRows = (sheet: GoogleAppsScript.Spreadsheet.Sheet) =>
  [1, 2, 3, 4, 5].filter((row) => sheet.isRowHiddenByFilter(row));

describe("Filter", () => {
  it("hides rows whose cell is among the hidden values, never the header", () => {
    const { app, sheet } = seeded();
    const filter = sheet.getRange("A1:B5").createFilter();
    const criteria = app.newFilterCriteria().setHiddenValues(["barrier", "Kind"]).build();
    filter.setColumnFilterCriteria(1, criteria);
    expect(hiddenRows(sheet)).toEqual([2, 4]);
    expect(sheet.getFilter()?.getColumnFilterCriteria(1)?.getHiddenValues()).toEqual(["barrier", "Kind"]);
    expect(sheet.getFilter()?.getRange().getA1Notation()).toBe("A1:B5");
  });

  it("combines columns: a row shows only when it passes every column", () => {
    const { app, sheet } = seeded();
    const filter = sheet.getRange("A1:B5").createFilter();
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().setHiddenValues(["insight"]).build());
    filter.setColumnFilterCriteria(2, app.newFilterCriteria().whenTextContains("CARE").build());
    expect(hiddenRows(sheet)).toEqual([3, 4]);
    filter.removeColumnFilterCriteria(1);
    expect(hiddenRows(sheet)).toEqual([4]);
    expect(filter.getColumnFilterCriteria(2)?.getCriteriaType()).toBe("TEXT_CONTAINS");
    expect(filter.getColumnFilterCriteria(2)?.getCriteriaValues()).toEqual(["CARE"]);
  });

  it("allows one filter per sheet, and none after remove", () => {
    const { sheet } = seeded();
    const filter = sheet.getRange("A1:B5").createFilter();
    expect(() => sheet.getRange("A1:A3").createFilter()).toThrow(/already has a filter/);
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
    expect(() => filter.getRange()).toThrow();
    expect(sheet.getRange("A1:B5").createFilter()).toBeTruthy();
  });

  it("refuses visible values and columns outside its range", () => {
    const { app, sheet } = seeded();
    expect(() => app.newFilterCriteria().setVisibleValues(["care"])).toThrow(/not currently supported/);
    const filter = sheet.getRange("A1:A5").createFilter();
    const criteria = app.newFilterCriteria().whenCellEmpty().build();
    expect(() => filter.setColumnFilterCriteria(2, criteria)).toThrow(/outside the filter range/);
  });

  it("moves with inserted rows and columns", () => {
    const { app, sheet } = seeded();
    const filter = sheet.getRange("A1:B5").createFilter();
    filter.setColumnFilterCriteria(2, app.newFilterCriteria().whenCellEmpty().build());
    sheet.insertRowsBefore(3, 1);
    sheet.insertColumnsBefore(1, 1);
    const moved = sheet.getFilter();
    expect(moved?.getRange().getA1Notation()).toBe("B1:C6");
    expect(moved?.getColumnFilterCriteria(3)?.getCriteriaType()).toBe("CELL_EMPTY");
    // Rows 2, 4 (was 3) and 6 (was 5) have tags; the inserted row 3 is empty.
    expect([2, 3, 4, 5, 6].filter((r) => sheet.isRowHiddenByFilter(r))).toEqual([2, 4, 6]);
  });

  it("is saved and loaded with the workbook", () => {
    const { app, store, sheet } = seeded();
    const filter = sheet.getRange("A1:B5").createFilter();
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().setHiddenValues(["barrier"]).build());
    filter.setColumnFilterCriteria(2, app.newFilterCriteria().whenTextEqualTo("care").build());
    store.load(JSON.parse(JSON.stringify(store.toJSON())));
    const reloaded = store.get(store.activeId!)!.getSheets()[0]!;
    expect(reloaded.getFilter()?.getColumnFilterCriteria(2)?.getCriteriaValues()).toEqual(["care"]);
    expect([1, 2, 3, 4, 5].filter((r) => reloaded.isRowHiddenByFilter(r))).toEqual([2, 3, 4]);
  });

  it("counts its calls like every other service", () => {
    const { app, env, sheet } = seeded();
    const filter = sheet.getRange("A1:B5").createFilter();
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().setHiddenValues(["x"]).build());
    expect(env.calls.total("Filter")).toBe(1);
    expect(env.calls.total("FilterCriteriaBuilder")).toBe(2);
  });
});

describe("RangeList", () => {
  it("reads back every range of a multi-range selection, the last being the active range", () => {
    const { app, ss, sheet } = seeded();
    sheet.setActiveRangeList(sheet.getRangeList(["A2:B2", "A4:B5"]));
    expect(ss.getActiveRange()?.getA1Notation()).toBe("A4:B5");
    expect(
      app
        .getActiveRangeList()
        ?.getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["A2:B2", "A4:B5"]);
    // A new single selection replaces the list.
    sheet.getRange("B3").activate();
    expect(
      ss
        .getActiveRangeList()
        ?.getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["B3"]);
  });
});
