// Behaviours of real Sheets the add-on meets, pinned so a test cannot pass here and fail on Google.
import { describe, expect, it } from "vitest";
import { isDate } from "../../../sandbox/emulator/env.ts";
import { spreadsheetFixture } from "./spreadsheetFixture.ts";

describe("the 50,000-character cell limit", () => {
  // Sheets' message for an over-long cell: https://integrately.com/integrations/google-sheets/error
  // (also https://github.com/qeet/importjsonapi/issues/10: "a limit imposed by Google Sheets").
  const tooLong = "Your input contains more than the maximum of 50000 characters in a single cell.";

  it("takes 50,000 characters and rejects 50,001 from setValue, setValues and appendRow", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1").setValue("x".repeat(50_000));
    expect(String(sheet.getRange("A1").getValue()).length).toBe(50_000);
    expect(() => sheet.getRange("A2").setValue("y".repeat(50_001))).toThrow(tooLong);
    expect(() => sheet.appendRow(["ok", "z".repeat(50_001)])).toThrow(tooLong);
  });

  it("writes nothing of a block when one cell is too long", () => {
    const { sheet } = spreadsheetFixture();
    expect(() => sheet.getRange("A1:B1").setValues([["kept out", "q".repeat(50_001)]])).toThrow(tooLong);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["", ""]]);
    expect(sheet.getLastRow()).toBe(0);
  });

  // Unverified on Google: the conservative reading (the input as written, quote included), which the add-on's cellText assumes.
  it("counts a leading quote as part of the input", () => {
    const { sheet } = spreadsheetFixture();
    expect(() => sheet.getRange("A1").setValue(`'${"w".repeat(50_000)}`)).toThrow(tooLong);
  });
});

describe("dates are serial numbers with a date format", () => {
  // "Sheets treats date and time values as decimal values": https://developers.google.com/sheets/api/guides/formats#about_date_time_values
  it("reads a number in a date-formatted cell as a Date, and a Date under a number format as a number", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1").setNumberFormat("yyyy-mm-dd").setValue(45_296);
    const value = sheet.getRange("A1").getValue();
    expect(isDate(value)).toBe(true);
    expect((value as Date).toISOString()).toBe("2024-01-05T00:00:00.000Z");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("2024-01-05");

    sheet.getRange("B1").setValue(new Date(Date.UTC(2024, 0, 5, 12)));
    sheet.getRange("B1").setNumberFormat("0.00");
    expect(sheet.getRange("B1").getValue()).toBe(45_296.5);
    expect(sheet.getRange("B1").getDisplayValue()).toBe("45296.50");
  });

  it("leaves numbers alone under number formats and in plain-text cells", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:C1").setNumberFormats([["0%", "@", "#,##0"]]);
    sheet.getRange("A1:C1").setValues([[0.25, 12, 1234]]);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([[0.25, 12, 1234]]);
  });
});

describe("strings written with setValues are parsed as typed input (en_US)", () => {
  // Parsed as typed in the Sheets UI (USER_ENTERED rules): https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption
  it("reads thousands separators and a dollar sign as numbers", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:D1").setValues([["1,234", "$5", "-$1,234.50", "1,23"]]);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([[1234, 5, -1234.5, "1,23"]]);
  });

  it("reads month-name dates as dates, and keeps other words as text", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:D1").setValues([["Jan 5, 2024", "5 March 2024", "Foo 5, 2024", "'Jan 5, 2024"]]);
    const line = sheet.getRange("A1:D1").getValues()[0] ?? [];
    expect((line[0] as Date).toISOString()).toBe("2024-01-05T00:00:00.000Z");
    expect((line[1] as Date).toISOString()).toBe("2024-03-05T00:00:00.000Z");
    expect(line.slice(2)).toEqual(["Foo 5, 2024", "Jan 5, 2024"]);
  });
});

describe("script writes meet rules that reject invalid input", () => {
  // allowInvalid false "rejects input entirely" (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#getallowinvalid), scripts included: the sentence below is what public Apps Script code reports from setValues.
  const violates = (a1: string) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;

  it("rejects a value outside a strict list from setValue, setValues and appendRow, writing nothing", () => {
    const { app, sheet } = spreadsheetFixture();
    const strict = app.newDataValidation().requireValueInList(["Open", "Done"], true).setAllowInvalid(false);
    sheet.getRange("B2:B5").setDataValidation(strict.build());
    expect(() => sheet.getRange("B2").setValue("Maybe")).toThrow(violates("B2"));
    expect(() => sheet.getRange("A3:B3").setValues([["kept out", "Later"]])).toThrow(violates("B3"));
    expect(sheet.getRange("A3:B3").getValues()).toEqual([["", ""]]);
    sheet.getRange("A1").setValue("header");
    expect(() => sheet.appendRow(["x", "Nope"])).toThrow(violates("B2"));
    expect(sheet.getLastRow()).toBe(1);
    // Letter case: undocumented, so the strict reading (strictDropdown.test.ts); Check installation tries it live.
    expect(() => sheet.getRange("B2").setValue("done")).toThrow(violates("B2"));
    sheet.getRange("B2:B4").setValues([["Done"], [""], ["Open"]]);
    expect(sheet.getRange("B2:B4").getValues()).toEqual([["Done"], [""], ["Open"]]);
  });

  it("lets a warning-only rule take anything, and checks checkboxes and number ranges", () => {
    const { app, sheet } = spreadsheetFixture();
    sheet.getRange("A1").setDataValidation(app.newDataValidation().requireValueInList(["a"]).build());
    sheet.getRange("A1").setValue("zzz");
    expect(sheet.getRange("A1").getValue()).toBe("zzz");
    sheet
      .getRange("B1")
      .setDataValidation(app.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    sheet.getRange("B1").setValue(true);
    expect(() => sheet.getRange("B1").setValue("yes")).toThrow(violates("B1"));
    const score = app.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build();
    sheet.getRange("C1").setDataValidation(score);
    sheet.getRange("C1").setValue(3);
    expect(() => sheet.getRange("C1").setValue(6)).toThrow(violates("C1"));
  });
});

describe("named range names", () => {
  // Letters, numbers and underscores only; not starting with a number; not TRUE/FALSE; 1–250 characters; not A1 or R1C1: https://support.google.com/docs/answer/63175
  it("accepts Sheets' names and refuses periods, backslashes, cell references and over-long names", () => {
    const { ss, sheet } = spreadsheetFixture();
    const target = sheet.getRange("A1:A3");
    for (const good of ["Charter_hostBeds", "_private", "TagList2", "x".repeat(250)]) {
      ss.setNamedRange(good, target);
      expect(ss.getRangeByName(good)?.getA1Notation()).toBe("A1:A3");
    }
    for (const bad of [
      "First.Quarter",
      "\\Sales",
      "2026_targets",
      "B12",
      "R1C1",
      "rc",
      "TRUE",
      "has space",
      "y".repeat(251),
    ]) {
      expect(() => ss.setNamedRange(bad, target)).toThrow("is not a valid range name");
    }
  });
});
