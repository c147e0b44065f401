// A script write into a dropdown that rejects invalid input, read as strictly as Google's documentation
// allows: a quote-prefixed "'insight" is not "insight" (whether Sheets strips the quote first is not
// documented), so the add-on must write list values plain.
import { describe, expect, it } from "vitest";
import { openAddon } from "../../helpers/addon.ts";

describe("strict dropdowns", () => {
  it("refuse a quote-prefixed list value written by a script, and take the plain one", () => {
    const { emulator } = openAddon();
    const app = emulator.globals.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheets()[0]!;
    const rule = app
      .newDataValidation()
      .requireValueInList(["insight", "barrier"], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange("A1:A3").setDataValidation(rule);
    expect(() => sheet.getRange("A1").setValues([["'insight"]])).toThrow(
      /violates the data validation rules/,
    );
    expect(() => sheet.getRange("A2").setValue("'barrier")).toThrow(/violates the data validation rules/);
    sheet.getRange("A3").setValues([["insight"]]);
    expect(sheet.getRange("A1:A3").getValues()).toEqual([[""], [""], ["insight"]]);
  });

  it("refuse a list value in another letter case from a script, and take it from a person", () => {
    const { emulator } = openAddon();
    const app = emulator.globals.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheets()[0]!;
    const rule = app.newDataValidation().requireValueInList(["insight"], true).setAllowInvalid(false).build();
    sheet.getRange("A1:A2").setDataValidation(rule);
    expect(() => sheet.getRange("A1").setValue("Insight")).toThrow(/violates the data validation rules/);
    emulator.spreadsheets.edit(sheet.getName(), "A2", [["INSIGHT"]]);
    expect(sheet.getRange("A1:A2").getValues()).toEqual([[""], ["INSIGHT"]]);
  });

  it("leave free-text cells alone: a quote still keeps a formula-like string as text", () => {
    const { emulator } = openAddon();
    const sheet = emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange("B1").setValues([["'=1+1"]]);
    expect(sheet.getRange("B1").getValue()).toBe("=1+1");
  });
});
