// Formulas: '=' values become formulas evaluated by HyperFormula, across sheets and names, and they
// follow their inputs, inserted rows and renamed sheets.
import { describe, expect, it } from "vitest";
import type { SheetModel } from "../../../sandbox/emulator/spreadsheet/model.ts";
import { spreadsheetFixture } from "./spreadsheetFixture.ts";

describe("formulas", () => {
  it("turns a string starting with = into a formula and computes it", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:A3").setValues([[2], [3], [5]]);
    sheet.getRange("B1").setValue("=SUM(A1:A3)");
    expect(sheet.getRange("B1").getFormula()).toBe("=SUM(A1:A3)");
    expect(sheet.getRange("B1").getValue()).toBe(10);
    expect(sheet.getRange("A1:B1").getFormulas()).toEqual([["", "=SUM(A1:A3)"]]);
  });

  it("recomputes when inputs change", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:A2").setValues([[1], [2]]);
    sheet.getRange("B1").setFormula("=A1*A2");
    expect(sheet.getRange("B1").getValue()).toBe(2);
    sheet.getRange("A2").setValue(10);
    expect(sheet.getRange("B1").getValue()).toBe(10);
    sheet.getRange("A1").clearContent();
    expect(sheet.getRange("B1").getValue()).toBe(0);
  });

  it("evaluates IF, AVERAGE, SUMPRODUCT and COUNTIF as Sheets does", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:B4").setValues([
      [4, 0.5],
      [2, 0.25],
      [5, 0.25],
      ["x", ""],
    ]);
    sheet
      .getRange("C1:C5")
      .setFormulas([
        ['=IF(A1>3,"high","low")'],
        ["=AVERAGE(A1:A3)"],
        ["=SUMPRODUCT(A1:A3,B1:B3)"],
        ['=COUNTIF(A1:A4,">=4")'],
        ["=IF(A2>3,TRUE,FALSE)"],
      ]);
    expect(sheet.getRange("C1:C5").getValues()).toEqual([["high"], [11 / 3], [3.75], [2], [false]]);
    expect(sheet.getRange("C5").getFormula()).toBe("=IF(A2>3,TRUE,FALSE)");
  });

  it("reads other sheets by quoted name and follows a rename", () => {
    const { ss, sheet } = spreadsheetFixture();
    const scores = ss.insertSheet("Peer scores");
    scores.getRange("A1:A2").setValues([[3], [4]]);
    sheet.getRange("A1").setValue("=SUM('Peer scores'!A1:A2)*2");
    expect(sheet.getRange("A1").getValue()).toBe(14);
    scores.setName("Scores");
    expect(sheet.getRange("A1").getFormula()).toBe("=SUM(Scores!A1:A2)*2");
    scores.getRange("A1").setValue(10);
    expect(sheet.getRange("A1").getValue()).toBe(28);
  });

  it("returns errors as Sheets shows them", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:C1").setValues([["=1/0", "=NOSUCHFUNCTION(1)", "=Missing!A1"]]);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["#DIV/0!", "#NAME?", "#REF!"]]);
  });

  it("does date arithmetic and keeps dates as dates", () => {
    const { sheet } = spreadsheetFixture();
    const start = new Date(Date.UTC(2025, 0, 30));
    sheet.getRange("A1").setValue(start);
    sheet.getRange("B1:D1").setFormulas([["=A1+7", "=DATE(2025,3,1)-A1", '=TEXT(A1,"yyyy-mm-dd")']]);
    const [[plusWeek, days, text]] = sheet.getRange("B1:D1").getValues() as [[Date, number, string]];
    expect(plusWeek).toBeInstanceOf(Date);
    expect(plusWeek.toISOString()).toBe("2025-02-06T00:00:00.000Z");
    expect(days).toBe(30);
    expect(text).toBe("2025-01-30");
    expect(sheet.getRange("B1").getDisplayValue()).toBe("2025-02-06");
  });

  it("evaluates formulas that use named ranges", () => {
    const { ss, sheet } = spreadsheetFixture();
    sheet.getRange("A1:A3").setValues([[0.5], [0.3], [0.2]]);
    ss.setNamedRange("Weights", sheet.getRange("A1:A3"));
    sheet.getRange("B1").setFormula("=SUM(Weights)");
    expect(sheet.getRange("B1").getValue()).toBeCloseTo(1, 10);
  });

  it("reads open-ended ranges like A2:A to the end of the sheet", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A2:A4").setValues([["yes"], ["no"], ["yes"]]);
    sheet.getRange("B1").setFormula('=COUNTIF(A2:A,"yes")');
    expect(sheet.getRange("B1").getValue()).toBe(2);
    sheet.getRange("A900").setValue("yes");
    expect(sheet.getRange("B1").getValue()).toBe(3);
  });

  it("moves formulas and their references when rows are inserted and deleted", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:B3").setValues([
      [1, "=A1*10"],
      [2, "=A2*10"],
      [3, "=SUM(A1:A3)"],
    ]);
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange("A1:B5").getValues()).toEqual([
      [1, 10],
      ["", ""],
      ["", ""],
      [2, 20],
      [3, 6],
    ]);
    expect(sheet.getRange("B5").getFormula()).toBe("=SUM(A1:A5)");
    expect(sheet.getRange("B4").getFormula()).toBe("=A4*10");
    sheet.deleteRows(2, 2);
    expect(sheet.getRange("B3").getFormula()).toBe("=SUM(A1:A3)");
    sheet.deleteRow(1);
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      [2, 20],
      [3, 5],
    ]);
  });

  it("keeps TRUE and TRUE() as written when rows move", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:C1").setValues([[5, "=IF(A1>0,TRUE(),FALSE)", "=AND(B1,TRUE)"]]);
    sheet.insertRowBefore(1);
    expect(sheet.getRange("B2:C2").getFormulas()).toEqual([["=IF(A2>0,TRUE(),FALSE)", "=AND(B2,TRUE)"]]);
    expect(sheet.getRange("B2:C2").getValues()).toEqual([[true, true]]);
  });

  it("recalculates when a formula's value is read, never for reading cells without formulas", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("B1").setFormula("=SUM(A:A)");
    expect(sheet.getRange("B1").getValue()).toBe(6);
    const engine = (sheet as unknown as { model: SheetModel }).model.book.engine;
    const before = engine.recalculations;
    sheet.getRange("A4").setValue(4);
    expect(sheet.getRange("A1:A4").getValues()).toEqual([[1], [2], [3], [4]]);
    expect(sheet.getRange("C1:D4").getValues().flat()).toEqual(Array(8).fill(""));
    expect(engine.recalculations).toBe(before);
    expect(sheet.getRange("B1").getValue()).toBe(10);
    expect(engine.recalculations).toBe(before + 1);
  });

  it("spills ARRAYFORMULA results into neighbouring cells", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("B1").setFormula("=ARRAYFORMULA(A1:A3*2)");
    expect(sheet.getRange("B1:B3").getValues()).toEqual([[2], [4], [6]]);
    expect(sheet.getRange("B2").getFormula()).toBe("");
  });

  it("keeps a formula's value when the sheet holding its input is deleted as #REF!", () => {
    const { ss, sheet } = spreadsheetFixture();
    const other = ss.insertSheet("Other");
    other.getRange("A1").setValue(5);
    sheet.getRange("A1").setValue("=Other!A1+1");
    expect(sheet.getRange("A1").getValue()).toBe(6);
    ss.deleteSheet(other);
    expect(sheet.getRange("A1").getValue()).toBe("#REF!");
  });

  it("moves relative references per cell when one formula is set on a range", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("B1:B3").setFormula("=A1*$A$1+'Q1 data'!A1");
    expect(sheet.getRange("B1:B3").getFormulas()).toEqual([
      ["=A1*$A$1+'Q1 data'!A1"],
      ["=A2*$A$1+'Q1 data'!A2"],
      ["=A3*$A$1+'Q1 data'!A3"],
    ]);
    sheet.getRange("C1:C3").setValue("=LOG10(A1)+1");
    expect(sheet.getRange("C3").getFormula()).toBe("=LOG10(A3)+1");
    expect(sheet.getRange("C1:C2").getValues()).toEqual([[1], [Math.log10(2) + 1]]);
  });
});
