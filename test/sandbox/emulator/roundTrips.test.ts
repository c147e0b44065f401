// Round trips against local calls, as Google's best-practice guide tells them apart: reading or writing
// cells, flushing, changing structure and asking for sheet metadata cost a trip; builders do not.
import { describe, expect, it } from "vitest";
import { callKind, roundTripsOf, spreadsheetRoundTripsOf } from "../../../sandbox/emulator/roundTrips.ts";
import { openAddon } from "../../helpers/addon.ts";

describe("round-trip classification", () => {
  it("tells reads, writes, flush, structure, metadata and locks from local builder calls", () => {
    const cases: [string, string][] = [
      ["Range.getValues", "read"],
      ["Range.getDisplayValues", "read"],
      ["TextFinder.findAll", "read"],
      ["Properties.getProperty", "read"],
      ["Range.setValues", "write"],
      ["Range.clearContent", "write"],
      ["Sheet.appendRow", "write"],
      ["Cache.putAll", "write"],
      ["SpreadsheetApp.flush", "flush"],
      ["Sheet.insertRowsAfter", "structure"],
      ["Spreadsheet.insertSheet", "structure"],
      ["Sheet.setFrozenRows", "structure"],
      ["Sheet.updateChart", "structure"],
      ["Sheet.getLastRow", "metadata"],
      ["Spreadsheet.getSheetByName", "metadata"],
      ["SpreadsheetApp.openById", "metadata"],
      ["Lock.waitLock", "lock"],
      ["Lock.tryLock", "lock"],
      ["Lock.releaseLock", "lock"],
      ["Lock.hasLock", "local"],
      ["Sheets.Spreadsheets.get", "read"],
      ["Sheets.Spreadsheets.Values.batchGet", "read"],
      ["Sheets.Spreadsheets.batchUpdate", "structure"],
      ["Cache.getAll", "read"],
      ["Cache.get", "read"],
      ["Cache.put", "write"],
      ["Properties.getProperties", "read"],
      ["Properties.setProperty", "write"],
      ["Properties.deleteProperty", "write"],
      ["Sheet.getRange", "local"],
      ["Range.getNumRows", "local"],
      ["Range.getLastRow", "local"],
      ["TextFinder.matchEntireCell", "local"],
      ["DataValidationBuilder.requireValueInList", "local"],
      ["EmbeddedChartBuilder.build", "local"],
      ["SpreadsheetApp.newDataValidation", "local"],
      ["PropertiesService.getScriptProperties", "local"],
      ["Ui.alert", "ui"],
    ];
    for (const [key, kind] of cases) expect(callKind(key), key).toBe(kind);
  });

  it("counts an operation's round trips apart from its local calls", () => {
    const addon = openAddon();
    const { calls } = addon.emulator.env;
    const sheet = addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    calls.reset();
    const range = sheet.getRange("A1:B2");
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getNumRows();
    range.getValues();
    addon.emulator.globals.SpreadsheetApp.flush();
    const { roundTrips, byKind } = roundTripsOf(calls.snapshot());
    expect(byKind).toMatchObject({ write: 1, read: 1, flush: 1 });
    expect(roundTrips).toBe(3);
    expect(byKind.local).toBe(2);
  });

  it("counts a clip batch's spreadsheet round trips apart from its cache, properties and lock calls", () => {
    const counts = {
      "SpreadsheetApp.openById": 1,
      "Spreadsheet.getSheetByName": 1,
      "Sheet.getRange": 2,
      "Range.getValues": 1,
      "Sheet.getLastRow": 1,
      "Range.setValues": 1,
      "SpreadsheetApp.flush": 1,
      "Cache.getAll": 1,
      "Cache.putAll": 1,
      "Properties.getProperty": 2,
      "Lock.waitLock": 1,
      "Lock.releaseLock": 1,
    };
    expect(spreadsheetRoundTripsOf(counts)).toBe(6);
    expect(roundTripsOf(counts).roundTrips).toBe(12);
  });
});
