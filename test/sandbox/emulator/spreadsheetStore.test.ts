// The store around the workbooks: SpreadsheetApp's entry points per context, call counting and fault
// injection, the workbook JSON, save and restore, person edits, and large blocks.
import { describe, expect, it } from "vitest";
import { SpreadsheetStore } from "../../../sandbox/emulator/spreadsheet/index.ts";
import { spreadsheetFixture } from "./spreadsheetFixture.ts";

describe("SpreadsheetApp entry points", () => {
  it("opens by id, and rejects an unknown id with Apps Script's message", () => {
    const { app, ss, store } = spreadsheetFixture();
    expect(app.openById(ss.getId()).getName()).toBe("Peer Exchange");
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(() => app.openById("no-such-id")).toThrow(
      "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
    );
    const created = app.create("Community index");
    expect(store.ids()).toContain(created.getId());
    expect(app.getActiveSpreadsheet().getId()).toBe(ss.getId());
  });

  it("has no active spreadsheet in a web app, but opens by id", () => {
    const { app, ss, env } = spreadsheetFixture();
    env.context = "webapp";
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(app.getActive()).toBeNull();
    expect(app.openById(ss.getId()).getSheets()).toHaveLength(1);
  });

  it("allows only the Ui before the add-on is authorized (AuthMode.NONE)", () => {
    const { app, env, hooks } = spreadsheetFixture({ authMode: "NONE" });
    expect(app.getUi()).toBe(hooks.getUi());
    expect(() => app.getActiveSpreadsheet()).toThrow(
      "You do not have permission to call SpreadsheetApp.getActiveSpreadsheet",
    );
    env.authMode = "LIMITED";
    expect(app.getActiveSpreadsheet().getName()).toBe("Peer Exchange");
  });

  it("hands out the host's Ui and counts flush", () => {
    const { app, env, hooks } = spreadsheetFixture();
    expect(app.getUi()).toBe(hooks.getUi());
    app.flush();
    expect(env.calls.get("SpreadsheetApp.flush")).toBe(1);
  });

  it("exposes the enums scripts compare against", () => {
    const { app } = spreadsheetFixture();
    expect(String(app.DataValidationCriteria.VALUE_IN_LIST)).toBe("VALUE_IN_LIST");
    expect(String(app.ProtectionType.SHEET)).toBe("SHEET");
    expect(String(app.BooleanCriteria.CUSTOM_FORMULA)).toBe("CUSTOM_FORMULA");
    expect(String(app.Dimension.ROWS)).toBe("ROWS");
    expect(String(app.WrapStrategy.CLIP)).toBe("CLIP");
  });
});

describe("call counting and faults", () => {
  it("counts every call by Apps Script class and method", () => {
    const { env, sheet } = spreadsheetFixture();
    const range = sheet.getRange(1, 1, 2, 2);
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.getValues();
    expect(env.calls.get("Sheet.getRange")).toBe(1);
    expect(env.calls.get("Range.setValues")).toBe(1);
    expect(env.calls.get("Range.getValues")).toBe(2);
    expect(env.calls.total("Range")).toBe(3);
  });

  it("fires an injected fault on the nth call and writes nothing then", () => {
    const { env, sheet } = spreadsheetFixture();
    env.faults.throwOn("Range.setValues", 2, "Service Spreadsheets failed while accessing document");
    sheet.getRange("A1").setValues([[1]]);
    expect(() => sheet.getRange("A2").setValues([[2]])).toThrow(
      "Service Spreadsheets failed while accessing document",
    );
    sheet.getRange("A3").setValues([[3]]);
    expect(sheet.getRange("A1:A3").getValues()).toEqual([[1], [""], [3]]);
  });

  it("does not count the sandbox's own reads", () => {
    const { env, store, sheet } = spreadsheetFixture();
    sheet.getRange("A1").setValue(1);
    env.calls.reset();
    store.describe();
    store.sheetValues("Sheet1");
    store.edit("Sheet1", "B1", [["typed"]]);
    expect(env.calls.total()).toBe(0);
  });
});

describe("describe()", () => {
  it("lists every tab with computed values, formulas and what is recorded", () => {
    const { app, ss, sheet, store } = spreadsheetFixture();
    sheet.setName("Peers");
    sheet.getRange("A1:C3").setValues([
      ["Site", "Score", "Double"],
      ["A", 4, "=B2*2"],
      ["B", new Date(Date.UTC(2025, 0, 2)), ""],
    ]);
    sheet.setFrozenRows(1);
    sheet.getRange("B2").setNote("from interview");
    sheet
      .getRange("B2:B3")
      .setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build());
    sheet.getRange("A1:C1").setFontWeight("bold");
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenNumberGreaterThan(3)
        .setBackground("#b7e1cd")
        .setRanges([sheet.getRange("B2:B3")])
        .build(),
    ]);
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange("A1:B3")).setPosition(2, 5, 0, 0).build());
    sheet.getRange("A1:C1").protect().setDescription("Headers");
    ss.setNamedRange("Scores", sheet.getRange("B2:B3"));
    const hidden = ss.insertSheet("Settings");
    hidden.hideSheet();

    const json = store.describe();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json).toMatchObject({
      id: ss.getId(),
      name: "Peer Exchange",
      namedRanges: [{ name: "Scores", a1: "Peers!B2:B3" }],
    });
    const [peers, settings] = json.sheets;
    expect(peers).toMatchObject({
      name: "Peers",
      index: 1,
      hidden: false,
      frozenRows: 1,
      lastRow: 3,
      lastColumn: 3,
      values: [
        ["Site", "Score", "Double"],
        ["A", 4, 8],
        ["B", "2025-01-02T00:00:00.000Z", ""],
      ],
      formulas: [
        ["", "", ""],
        ["", "", "=B2*2"],
        ["", "", ""],
      ],
      notes: [{ a1: "B2", note: "from interview" }],
      validations: [{ a1: "B2:B3", criteria: "NUMBER_BETWEEN", values: [1, 5], allowInvalid: false }],
      formats: [{ a1: "A1:C1", format: { fontWeight: "bold" } }],
      conditionalFormats: [
        {
          ranges: ["Peers!B2:B3"],
          criteria: "NUMBER_GREATER_THAN",
          values: [3],
          format: { background: "#b7e1cd" },
        },
      ],
      charts: [
        {
          type: "COLUMN",
          ranges: ["Peers!A1:B3"],
          position: { anchorRow: 2, anchorColumn: 5, offsetX: 0, offsetY: 0 },
        },
      ],
      protections: [{ type: "RANGE", a1: "A1:C1", description: "Headers" }],
    });
    expect(settings).toMatchObject({ name: "Settings", index: 2, hidden: true, values: [], lastRow: 0 });
  });
});

describe("toJSON / load", () => {
  it("restores values, formulas, dates, validation, formats, charts, notes, names, view and the active workbook", () => {
    const { app, ss, sheet, store, env, hooks } = spreadsheetFixture();
    const other = app.create("Second");
    sheet.getRange("A1:C2").setValues([
      ["when", "n", "twice"],
      [new Date(Date.UTC(2025, 4, 6, 10, 0)), 21, "=B2*2"],
    ]);
    sheet.getRange("B2").setNumberFormat("0.0").setNote("note").setBackground("#eeeeee");
    sheet
      .getRange("B2:B9")
      .setDataValidation(app.newDataValidation().requireValueInRange(sheet.getRange("A1:A2"), false).build());
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground("#fff")
        .setRanges([sheet.getRange("C:C")])
        .build(),
    ]);
    sheet.insertChart(
      sheet.newChart().asLineChart().addRange(sheet.getRange("A1:B2")).setOption("title", "t").build(),
    );
    sheet.setFrozenRows(1);
    sheet.protect().setDescription("locked");
    ss.setNamedRange("Counts", sheet.getRange("B2:B9"));
    const hiddenTab = ss.insertSheet("Hidden");
    hiddenTab.getRange("A1").setValue("=Counts");
    hiddenTab.hideSheet();

    const state = JSON.parse(JSON.stringify(store.toJSON()));
    const restored = SpreadsheetStore.load(env, hooks, state);
    expect(restored.activeId).toBe(store.activeId);
    expect(restored.ids()).toEqual([ss.getId(), other.getId()]);
    expect(restored.describe()).toEqual(store.describe());
    const again = restored.app.getActiveSpreadsheet().getSheetByName("Sheet1")!;
    expect((again.getRange("A2").getValue() as Date).toISOString()).toBe("2025-05-06T10:00:00.000Z");
    again.getRange("B2").setValue(5);
    expect(again.getRange("C2").getValue()).toBe(10);
    const rule = again.getRange("B5").getDataValidation()!;
    expect((rule.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe("A1:A2");
    expect(again.getRange("B2").getDisplayValue()).toBe("5.0");
  });
});

describe("person edits", () => {
  it("writes typed input, turns = into formulas and returns the edited range", () => {
    const { store, sheet } = spreadsheetFixture();
    sheet.getRange("A1").setValue(2);
    const range = store.edit("Sheet1", "B1", [["=A1*3", "0.5"]]);
    expect(range.getA1Notation()).toBe("B1:C1");
    expect(store.sheetValues("Sheet1")).toEqual([[2, 6, 0.5]]);
  });
});

describe("person edits against validation", () => {
  it("refuses what a rejecting rule forbids, with its help text, and writes nothing", () => {
    const { app, store, sheet } = spreadsheetFixture();
    sheet
      .getRange("A2:A9")
      .setDataValidation(
        app.newDataValidation().requireValueInList(["draft", "published"]).setAllowInvalid(false).build(),
      );
    sheet
      .getRange("B2:B9")
      .setDataValidation(
        app
          .newDataValidation()
          .requireNumberBetween(1, 5)
          .setAllowInvalid(false)
          .setHelpText("Score 1 to 5.")
          .build(),
      );
    sheet.getRange("C2:C9").setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).build());
    expect(() => store.edit("Sheet1", "A2", [["maybe"]])).toThrow(
      "There was a problem: Input must be an item on the specified list.",
    );
    expect(() => store.edit("Sheet1", "A3:B3", [["draft", "7"]])).toThrow(
      "There was a problem: Score 1 to 5.",
    );
    expect(sheet.getRange("A3").isBlank()).toBe(true);
    store.edit("Sheet1", "A3:C3", [["Published", "4", "99"]]);
    expect(sheet.getRange("A3:C3").getValues()).toEqual([["Published", 4, 99]]);
    store.edit("Sheet1", "B3", [[""]]);
    expect(sheet.getRange("B3").isBlank()).toBe(true);
    // Scripts are checked too, with Sheets' generic sentence (realSheets.test.ts); a warning rule lets 99 in.
    expect(() => sheet.getRange("B4").setValue(42)).toThrow("violates the data validation rules");
    sheet.getRange("C4").setValue(99);
    expect(sheet.getRange("B4:C4").getValues()).toEqual([["", 99]]);
  });
});

describe("large blocks", () => {
  it("writes 500×20 and reads 100,000×15 without trouble", () => {
    const { sheet } = spreadsheetFixture();
    const block = Array.from({ length: 500 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => (c === 0 ? `row ${r}` : r * c)),
    );
    sheet.getRange(1, 1, 500, 20).setValues(block);
    expect(sheet.getRange(500, 20).getValue()).toBe(499 * 19);

    sheet.insertRowsAfter(1000, 99_000);
    const big = Array.from({ length: 100_000 }, (_, r) =>
      Array.from({ length: 15 }, (_, c) => (c === 0 ? `clip ${r}` : r + c)),
    );
    sheet.getRange(1, 1, 100_000, 15).setValues(big);
    sheet.getRange("Q1").setFormula("=SUM(B1:B100000)");
    const values = sheet.getRange(1, 1, 100_000, 15).getValues();
    expect(values).toHaveLength(100_000);
    expect(values[99_999]![14]).toBe(99_999 + 14);
    expect(sheet.getRange("Q1").getValue()).toBe((99_999 * 100_000) / 2 + 100_000);
    expect(sheet.getLastRow()).toBe(100_000);
  });
});
