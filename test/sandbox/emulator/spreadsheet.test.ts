// Fidelity of ranges and values: 1-based coordinates, A1 notation, what getValues returns, shape checks.
import { describe, expect, it } from "vitest";
import { spreadsheetFixture } from "./spreadsheetFixture.ts";

describe("ranges are 1-based and speak A1", () => {
  it("addresses rows and columns from 1 and round-trips A1 notation", () => {
    const { sheet } = spreadsheetFixture();
    const range = sheet.getRange(2, 3, 4, 2);
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2, 3, 4, 2,
    ]);
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([5, 4]);
    expect(range.getA1Notation()).toBe("C2:D5");
    expect(sheet.getRange(1, 1).getA1Notation()).toBe("A1");
    expect(sheet.getRange(1, 26).getA1Notation()).toBe("Z1");
    expect(() => sheet.getRange(1, 27)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    sheet.insertColumnsAfter(26, 2);
    expect(sheet.getRange(1, 27).getA1Notation()).toBe("AA1");
    for (const a1 of ["B7", "C2:D5", "AA10:AB12"]) expect(sheet.getRange(a1).getA1Notation()).toBe(a1);
    const whole = sheet.getRange("B:C");
    expect([whole.getRow(), whole.getNumRows(), whole.getColumn(), whole.getNumColumns()]).toEqual([
      1, 1000, 2, 2,
    ]);
    expect(sheet.getRange("A2:B").getA1Notation()).toBe("A2:B1000");
  });

  it("reads A1 with a quoted sheet name from the spreadsheet", () => {
    const { ss } = spreadsheetFixture();
    ss.insertSheet("Peer data").getRange("B2").setValue(7);
    const range = ss.getRange("'Peer data'!B2");
    expect(range.getSheet().getName()).toBe("Peer data");
    expect(range.getValue()).toBe(7);
  });

  it("throws Apps Script's messages for bad coordinates and A1", () => {
    const { sheet } = spreadsheetFixture();
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange(1, 0)).toThrow("The starting column of the range is too small.");
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      "The number of columns in the range must be at least 1.",
    );
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange("not a range")).toThrow("Range not found");
    expect(() => sheet.getRange("Nowhere!A1")).toThrow("Range not found");
  });

  it("offsets and picks cells relative to the range", () => {
    const { sheet } = spreadsheetFixture();
    const range = sheet.getRange("B2:D4");
    expect(range.offset(1, 1).getA1Notation()).toBe("C3:E5");
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe("B2");
    expect(range.getCell(2, 3).getA1Notation()).toBe("D3");
  });
});

describe("values", () => {
  it("returns '' for empty cells and keeps numbers, booleans, strings and dates", () => {
    const { sheet } = spreadsheetFixture();
    const when = new Date(Date.UTC(2025, 2, 14, 9, 30));
    sheet.getRange(1, 1, 1, 4).setValues([[42, true, "Site A", when]]);
    const values = sheet.getRange(1, 1, 2, 5).getValues();
    expect(values[0]!.slice(0, 3)).toEqual([42, true, "Site A"]);
    expect(values[0]![3]).toBeInstanceOf(Date);
    expect((values[0]![3] as Date).getTime()).toBe(when.getTime());
    expect(values[0]![4]).toBe("");
    expect(values[1]).toEqual(["", "", "", "", ""]);
  });

  it("accepts dates from another realm and returns copies", async () => {
    const { sheet } = spreadsheetFixture();
    const vm = await import("node:vm");
    const foreign = vm.runInNewContext("new Date(Date.UTC(2024, 0, 5))") as Date;
    expect(foreign instanceof Date).toBe(false);
    sheet.getRange("A1").setValue(foreign);
    const read = sheet.getRange("A1").getValue() as Date;
    expect(read).toBeInstanceOf(Date);
    expect(read.toISOString()).toBe("2024-01-05T00:00:00.000Z");
    read.setUTCFullYear(1999);
    expect((sheet.getRange("A1").getValue() as Date).getUTCFullYear()).toBe(2024);
  });

  it("parses typed-looking strings as Sheets does, except after an apostrophe or under the @ format", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("C1").setNumberFormat("@");
    sheet.getRange(1, 1, 1, 5).setValues([["0042", "'0042", "0042", "TRUE", "'=1+1"]]);
    expect(sheet.getRange(1, 1, 1, 5).getValues()).toEqual([[42, "0042", "0042", true, "=1+1"]]);
    expect(sheet.getRange("E1").getFormula()).toBe("");
  });

  it("reads typed percentages, US dates and times as Sheets (en_US) does", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange(1, 1, 1, 5).setValues([["12.5%", "3/14/2025", "9:30", "2:15 pm", "2025-02-30"]]);
    const [[percent, date, morning, afternoon, notADate]] = sheet.getRange(1, 1, 1, 5).getValues() as [
      [number, Date, Date, Date, string],
    ];
    expect(percent).toBe(0.125);
    expect(date.toISOString()).toBe("2025-03-14T00:00:00.000Z");
    expect(morning.toISOString()).toBe("1899-12-30T09:30:00.000Z");
    expect(afternoon.toISOString()).toBe("1899-12-30T14:15:00.000Z");
    expect(notADate).toBe("2025-02-30");
    expect(sheet.getRange("C1").getDisplayValue()).toBe("9:30:00 AM");
  });

  it("setValue fills the whole range and clears with ''", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:B2").setValue("x");
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      ["x", "x"],
      ["x", "x"],
    ]);
    sheet.getRange("A1").setValue("");
    expect(sheet.getRange("A1").isBlank()).toBe(true);
    expect(sheet.getRange("A1:B2").isBlank()).toBe(false);
  });

  it("throws Apps Script's exact message when setValues has the wrong shape", () => {
    const { sheet } = spreadsheetFixture();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
    expect(sheet.getRange(1, 1, 2, 2).isBlank()).toBe(true);
  });

  it("tracks the last row and column and the data range", () => {
    const { sheet } = spreadsheetFixture();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange("C5").setValue(1);
    sheet.getRange("E2").setValue(2);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:E5");
    sheet.getRange("C5").clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });

  it("appendRow writes after the last row and grows the sheet", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange(1000, 1).setValue("last");
    sheet.appendRow(["appended", "=1+2"]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([["appended", 3]]);
  });

  it("shows display values with number formats and notes", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange(1, 1, 1, 5).setValues([[0.256, 1234.5, 3, new Date(Date.UTC(2025, 0, 31)), false]]);
    sheet.getRange("A1").setNumberFormat("0.0%");
    sheet.getRange("B1").setNumberFormat("#,##0.00");
    sheet.getRange("D1").setNumberFormat("dd/mm/yyyy");
    expect(sheet.getRange(1, 1, 1, 5).getDisplayValues()).toEqual([
      ["25.6%", "1,234.50", "3", "31/01/2025", "FALSE"],
    ]);
    expect(sheet.getRange("A1").getNumberFormat()).toBe("0.0%");
    expect(sheet.getRange("C1").getNumberFormat()).toBe("0.###############");
    sheet.getRange("A1").setValue(new Date(Date.UTC(2025, 5, 1)));
    sheet.getRange("A1").setNumberFormat("yyyy-mm-dd");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("2025-06-01");
    sheet.getRange("B2").setNote("Check with site lead");
    expect(sheet.getRange("A2:B2").getNotes()).toEqual([["", "Check with site lead"]]);
  });

  it("records formatting", () => {
    const { sheet } = spreadsheetFixture();
    sheet
      .getRange("A1:C1")
      .setFontWeight("bold")
      .setBackground("#e8f0fe")
      .setFontColor("#202124")
      .setWrap(true)
      .setHorizontalAlignment("center");
    expect(sheet.getRange("B1").getFontWeight()).toBe("bold");
    expect(sheet.getRange("A1:C1").getBackgrounds()).toEqual([["#e8f0fe", "#e8f0fe", "#e8f0fe"]]);
    expect(sheet.getRange("A2").getBackground()).toBe("#ffffff");
    expect(sheet.getRange("C1").getWrap()).toBe(true);
  });
});
