// Where formats and data validation go when rows are inserted, a range is copied or sorted: inserted rows
// take their neighbour's (InsertDimensionRequest.inheritFromBefore), a normal copy carries the rules,
// a contents-only copy is checked against the destination's, and a sort moves whole cells.
import { describe, expect, it } from "vitest";
import { spreadsheetFixture } from "./spreadsheetFixture.ts";

function withDropdownRow() {
  const fixture = spreadsheetFixture();
  const { app, sheet } = fixture;
  const rule = app.newDataValidation().requireValueInList(["yes", "no"], true).setAllowInvalid(false).build();
  sheet
    .getRange("A1:B1")
    .setValues([["Header", "Header"]])
    .setFontWeight("bold");
  sheet.getRange("A2:B2").setDataValidation(rule).setBackground("#ffeeee").setNumberFormat("0.0");
  sheet.getRange("A2:B2").setValues([["yes", "no"]]);
  return fixture;
}

describe("inserted rows inherit", () => {
  it("insertRowAfter and insertRowsAfter take the row before's formats and validation, not its values", () => {
    const { sheet } = withDropdownRow();
    sheet.insertRowAfter(2);
    sheet.insertRowsAfter(3, 2);
    for (const row of [3, 4, 5]) {
      const cell = sheet.getRange(row, 1);
      expect(cell.getValue(), `row ${row}`).toBe("");
      expect(cell.getDataValidation()?.getCriteriaValues()[0], `row ${row}`).toEqual(["yes", "no"]);
      expect(cell.getBackground()).toBe("#ffeeee");
      expect(cell.getNumberFormat()).toBe("0.0");
    }
    expect(() => sheet.getRange("A4").setValue("maybe")).toThrow(/violates the data validation rules/);
  });

  it("insertRowBefore takes the row after's; a row inserted under the header does not take the dropdown", () => {
    const { sheet } = withDropdownRow();
    sheet.insertRowBefore(2);
    expect(sheet.getRange("A2").getDataValidation()).not.toBeNull();
    expect(sheet.getRange("A2").getFontWeight()).toBe("normal");
    sheet.insertRowsAfter(1, 1);
    expect(sheet.getRange("A2").getDataValidation()).toBeNull();
    expect(sheet.getRange("A2").getFontWeight()).toBe("bold");
  });
});

describe("copyTo and sort carry validation", () => {
  it("a normal copy carries the rules; a contents-only copy is refused by the destination's rule", () => {
    const { sheet } = withDropdownRow();
    sheet.getRange("A2:B2").copyTo(sheet.getRange("D5"));
    expect(sheet.getRange("D5").getDataValidation()?.getCriteriaValues()[0]).toEqual(["yes", "no"]);
    expect(sheet.getRange("D5:E5").getValues()).toEqual([["yes", "no"]]);
    sheet.getRange("G1").setValue("maybe");
    expect(() => sheet.getRange("G1").copyTo(sheet.getRange("A2"), { contentsOnly: true })).toThrow(
      /violates the data validation rules/,
    );
    expect(sheet.getRange("A2").getValue()).toBe("yes");
    sheet.getRange("G1").copyTo(sheet.getRange("A2"));
    expect(sheet.getRange("A2").getDataValidation()).toBeNull();
  });

  it("a sort moves each row's validation, formats and notes with its values", () => {
    const { app, sheet } = spreadsheetFixture();
    const rule = app.newDataValidation().requireValueInList(["x"], true).setAllowInvalid(false).build();
    sheet.getRange("A1:B3").setValues([
      ["c", 3],
      ["a", 1],
      ["b", 2],
    ]);
    sheet.getRange("B2").setDataValidation(rule).setBackground("#00ff00").setNote("one");
    sheet.getRange("A1:B3").sort(1);
    expect(sheet.getRange("A1:B3").getValues()).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    expect(sheet.getRange("B1").getDataValidation()).not.toBeNull();
    expect(sheet.getRange("B1").getBackground()).toBe("#00ff00");
    expect(sheet.getRange("B1").getNote()).toBe("one");
    expect(sheet.getRange("B2").getDataValidation()).toBeNull();
  });
});

describe("copyTo with a CopyPasteType", () => {
  it("PASTE_NORMAL carries validation, PASTE_DATA_VALIDATION only the rule, PASTE_VALUES is checked", () => {
    const { app, sheet } = withDropdownRow();
    const types = app.CopyPasteType;
    sheet.getRange("A2").copyTo(sheet.getRange("D1"), types.PASTE_NORMAL, false);
    expect(sheet.getRange("D1").getDataValidation()).not.toBeNull();
    expect(sheet.getRange("D1").getValue()).toBe("yes");
    sheet.getRange("A2").copyTo(sheet.getRange("E1"), types.PASTE_DATA_VALIDATION, false);
    expect(sheet.getRange("E1").getDataValidation()).not.toBeNull();
    expect(sheet.getRange("E1").getValue()).toBe("");
    sheet.getRange("G1").setValue("maybe");
    expect(() => sheet.getRange("G1").copyTo(sheet.getRange("E1"), types.PASTE_VALUES, false)).toThrow(
      /violates the data validation rules/,
    );
    sheet.getRange("H1").setFormula("=1+1");
    sheet.getRange("H1").copyTo(sheet.getRange("H2"), types.PASTE_VALUES, false);
    expect(sheet.getRange("H2").getFormula()).toBe("");
    expect(sheet.getRange("H2").getValue()).toBe(2);
  });
});
