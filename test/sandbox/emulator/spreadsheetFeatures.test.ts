// Everything recorded about a workbook beyond values: sheets, validation, conditional formats, charts,
// named ranges, protections, and how they move when rows are inserted.
import { describe, expect, it } from "vitest";
import { Charts } from "../../../sandbox/emulator/spreadsheet/index.ts";
import { spreadsheetFixture } from "./spreadsheetFixture.ts";

describe("sheets", () => {
  it("inserts, finds, renames, reorders, hides and deletes tabs", () => {
    const { ss, sheet } = spreadsheetFixture();
    expect(sheet.getName()).toBe("Sheet1");
    const peers = ss.insertSheet("Peers");
    const charter = ss.insertSheet("Charter", 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Charter", "Sheet1", "Peers"]);
    expect(charter.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe("Charter");
    expect(ss.getSheetByName("peers")?.getName()).toBe("Peers");
    expect(ss.getSheetByName("Nope")).toBeNull();
    ss.setActiveSheet(peers);
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Peers", "Charter", "Sheet1"]);
    peers.hideSheet();
    expect(peers.isSheetHidden()).toBe(true);
    peers.showSheet();
    ss.deleteSheet(sheet);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Peers", "Charter"]);
    expect(ss.getSheetById(peers.getSheetId())?.getName()).toBe("Peers");
  });

  it("refuses a duplicate sheet name with Apps Script's message", () => {
    const { ss } = spreadsheetFixture();
    const agenda = ss.insertSheet("Agenda");
    expect(() => ss.insertSheet("Agenda")).toThrow(
      'A sheet with the name "Agenda" already exists. Please enter another name.',
    );
    expect(() => agenda.setName("Sheet1")).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
    expect(ss.insertSheet().getName()).toBe("Sheet3");
  });

  it("records frozen rows and columns, tab colours, widths and toasts", () => {
    const { ss, sheet, toasts } = spreadsheetFixture();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    sheet.setTabColor("#1a73e8");
    sheet.setColumnWidth(3, 240);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    ss.toast("Saved 3 clips", "Peer Exchange", 4);
    expect(toasts).toEqual([{ message: "Saved 3 clips", title: "Peer Exchange", timeoutSeconds: 4 }]);
  });

  it("keeps data, notes and validation with their rows when rows and columns move", () => {
    const { app, sheet } = spreadsheetFixture();
    sheet.getRange("A1:B3").setValues([
      ["Site", "Score"],
      ["A", 4],
      ["B", 5],
    ]);
    sheet.getRange("B3").setNote("outlier");
    sheet.getRange("B2:B3").setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).build());
    sheet.insertRowAfter(1);
    sheet.insertColumnBefore(1);
    expect(sheet.getRange("B1:C4").getValues()).toEqual([
      ["Site", "Score"],
      ["", ""],
      ["A", 4],
      ["B", 5],
    ]);
    expect(sheet.getRange("C4").getNote()).toBe("outlier");
    expect(sheet.getRange("C3").getDataValidation()?.getCriteriaType()).toBe(
      app.DataValidationCriteria.NUMBER_BETWEEN,
    );
    expect(sheet.getRange("C2").getDataValidation()).toBeNull();
    sheet.deleteColumn(1);
    sheet.deleteRows(2, 1);
    expect(sheet.getRange("A1:B3").getValues()).toEqual([
      ["Site", "Score"],
      ["A", 4],
      ["B", 5],
    ]);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => sheet.deleteRows(1, 1000)).toThrow(
      "Sorry, it is not possible to delete all non-frozen rows.",
    );
  });

  it("inserts tens of thousands of rows between existing data", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:A2").setValues([["top"], ["bottom"]]);
    sheet.insertRowsAfter(1, 150_000);
    expect(sheet.getMaxRows()).toBe(151_000);
    expect(sheet.getRange(150_002, 1).getValue()).toBe("bottom");
    expect(sheet.getLastRow()).toBe(150_002);
  });

  it("clears a sheet's contents but keeps its size", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:B2").setValues([
      [1, "=A1+1"],
      [3, 4],
    ]);
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange("B1").getFormula()).toBe("");
    expect(sheet.getMaxRows()).toBe(1000);
  });
});

describe("data validation", () => {
  it("builds, records and reads back each rule", () => {
    const { app, ss, sheet } = spreadsheetFixture();
    const lists = ss.insertSheet("Lists");
    lists.getRange("A1:A3").setValues([["insight"], ["barrier"], ["action item"]]);
    const inList = app
      .newDataValidation()
      .requireValueInList(["draft", "reviewed", "published"], true)
      .setAllowInvalid(false)
      .setHelpText("Choose a status")
      .build();
    sheet.getRange("A2:A10").setDataValidation(inList);
    sheet
      .getRange("B2:B10")
      .setDataValidation(app.newDataValidation().requireValueInRange(lists.getRange("A1:A3")).build());
    sheet
      .getRange("C2")
      .setDataValidation(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build());
    sheet.getRange("D2").setDataValidation(app.newDataValidation().requireDate().build());
    sheet.getRange("E2").setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange("F2").setDataValidation(app.newDataValidation().requireFormulaSatisfied("=F2>0").build());

    const rule = sheet.getRange("A5").getDataValidation()!;
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([["draft", "reviewed", "published"], true]);
    expect(rule.getAllowInvalid()).toBe(false);
    expect(rule.getHelpText()).toBe("Choose a status");
    const copied = rule.copy().setAllowInvalid(true).build();
    expect(copied.getAllowInvalid()).toBe(true);
    expect(rule.getAllowInvalid()).toBe(false);

    const inRange = sheet.getRange("B2").getDataValidation()!;
    const [source, dropdown] = inRange.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range, boolean];
    expect(source.getA1Notation()).toBe("A1:A3");
    expect(source.getSheet().getName()).toBe("Lists");
    expect(dropdown).toBe(true);
    expect(
      sheet
        .getRange("C2:F2")
        .getDataValidations()[0]!
        .map((r) => String(r?.getCriteriaType())),
    ).toEqual(["NUMBER_GREATER_THAN_OR_EQUAL_TO", "DATE_IS_VALID_DATE", "CHECKBOX", "CUSTOM_FORMULA"]);
    sheet.getRange("A2:A3").clearDataValidations();
    expect(
      sheet
        .getRange("A2:A4")
        .getDataValidations()
        .map((row) => row[0] === null),
    ).toEqual([true, true, false]);
  });
});

describe("conditional formats", () => {
  it("records rules with their ranges and conditions", () => {
    const { app, sheet } = spreadsheetFixture();
    const range = sheet.getRange("D2:D100");
    const rules = [
      app
        .newConditionalFormatRule()
        .whenNumberGreaterThan(4)
        .setBackground("#b7e1cd")
        .setRanges([range])
        .build(),
      app
        .newConditionalFormatRule()
        .whenTextContains("overdue")
        .setFontColor("#d93025")
        .setBold(true)
        .setRanges([range])
        .build(),
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied("=$E2<TODAY()")
        .setBackground("#fce8e6")
        .setRanges([range])
        .build(),
      app.newConditionalFormatRule().whenCellEmpty().setBackground("#fff").setRanges([range]).build(),
      app.newConditionalFormatRule().whenNumberBetween(1, 2).setBackground("#eee").setRanges([range]).build(),
    ];
    sheet.setConditionalFormatRules(rules);
    const back = sheet.getConditionalFormatRules();
    expect(back).toHaveLength(5);
    expect(back[0]!.getRanges()[0]!.getA1Notation()).toBe("D2:D100");
    const condition = back[1]!.getBooleanCondition()!;
    expect(String(condition.getCriteriaType())).toBe("TEXT_CONTAINS");
    expect(condition.getCriteriaValues()).toEqual(["overdue"]);
    expect(condition.getFontColor()).toBe("#d93025");
    expect(condition.getBold()).toBe(true);
    expect(back.map((r) => String(r.getBooleanCondition()?.getCriteriaType()))).toEqual([
      "NUMBER_GREATER_THAN",
      "TEXT_CONTAINS",
      "CUSTOM_FORMULA",
      "CELL_EMPTY",
      "NUMBER_BETWEEN",
    ]);
    expect(() => app.newConditionalFormatRule().whenCellEmpty().build()).toThrow(/range/);
  });
});

describe("charts", () => {
  it("builds, inserts, updates and removes embedded charts", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:B3").setValues([
      ["Site", "Score"],
      ["A", 3],
      ["B", 4],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange("A1:B3"))
      .setPosition(5, 4, 0, 0)
      .setOption("title", "Weighted score by site")
      .build();
    sheet.insertChart(chart);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    const inserted = charts[0]!;
    expect(inserted.getRanges()[0]!.getA1Notation()).toBe("A1:B3");
    expect(inserted.getOptions().get("title")).toBe("Weighted score by site");
    expect(inserted.getContainerInfo().getAnchorRow()).toBe(5);
    expect(String(inserted.modify().getChartType())).toBe("BAR");

    sheet.updateChart(
      inserted
        .modify()
        .setChartType(Charts.ChartType.PIE as unknown as GoogleAppsScript.Charts.ChartType)
        .build(),
    );
    expect(String(sheet.getCharts()[0]!.modify().getChartType())).toBe("PIE");
    expect(sheet.getCharts()).toHaveLength(1);
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
    expect(Object.keys(Charts.ChartType)).toEqual(
      expect.arrayContaining([
        "BAR",
        "COLUMN",
        "LINE",
        "PIE",
        "SCATTER",
        "BUBBLE",
        "AREA",
        "COMBO",
        "TABLE",
        "HISTOGRAM",
      ]),
    );
  });
});

describe("named ranges and protections", () => {
  it("sets, reads, moves and removes named ranges", () => {
    const { ss, sheet } = spreadsheetFixture();
    ss.setNamedRange("PeerNames", sheet.getRange("A2:A20"));
    expect(ss.getRangeByName("PeerNames")?.getA1Notation()).toBe("A2:A20");
    expect(ss.getRangeByName("Nope")).toBeNull();
    sheet.insertRowsBefore(1, 3);
    expect(ss.getRangeByName("PeerNames")?.getA1Notation()).toBe("A5:A23");
    const [named] = ss.getNamedRanges();
    expect(named!.getName()).toBe("PeerNames");
    named!.setRange(sheet.getRange("B1:B2"));
    expect(ss.getRangeByName("PeerNames")?.getA1Notation()).toBe("B1:B2");
    named!.remove();
    expect(ss.getNamedRanges()).toHaveLength(0);
  });

  it("records range and sheet protections", () => {
    const { app, sheet } = spreadsheetFixture();
    const header = sheet.getRange("A1:F1").protect().setDescription("Header row").setWarningOnly(true);
    const whole = sheet.protect().setDescription("Settings");
    whole.addEditor("coordinator@example.org");
    const ranges = sheet.getProtections(app.ProtectionType.RANGE);
    expect(ranges.map((p) => [p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()])).toEqual([
      ["Header row", true, "A1:F1"],
    ]);
    const sheets = sheet.getProtections(app.ProtectionType.SHEET);
    expect(sheets[0]!.getEditors().map((u) => u.getEmail())).toEqual(["coordinator@example.org"]);
    header.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    // A sheet holds one sheet protection; protecting again returns it (so set-up can run twice).
    expect(sheet.protect().getDescription()).toBe("Settings");
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(whole.getDescription()).toBe("Settings");
  });
});

describe("range operations", () => {
  it("sorts rows by a column, blanks last, keeping formulas with their rows", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("A1:C4").setValues([
      ["b", 2, "=B1*10"],
      ["", 9, ""],
      ["a", 3, "=B3*10"],
      ["c", 1, ""],
    ]);
    sheet.getRange("A1:C4").sort({ column: 2, ascending: false });
    expect(sheet.getRange("A1:B4").getValues()).toEqual([
      ["", 9],
      ["a", 3],
      ["b", 2],
      ["c", 1],
    ]);
    sheet.getRange("A1:C4").sort(1);
    expect(sheet.getRange("A1:A4").getValues().flat()).toEqual(["a", "b", "c", ""]);
  });

  it("inserts checkboxes as a CHECKBOX rule with FALSE values", () => {
    const { sheet } = spreadsheetFixture();
    sheet.getRange("D2:D3").insertCheckboxes();
    expect(sheet.getRange("D2:D3").getValues()).toEqual([[false], [false]]);
    expect(String(sheet.getRange("D3").getDataValidation()?.getCriteriaType())).toBe("CHECKBOX");
    sheet.getRange("D2").check();
    expect(sheet.getRange("D2").getValue()).toBe(true);
  });

  it("copies values, formulas and formats to another place", () => {
    const { ss, sheet } = spreadsheetFixture();
    sheet.getRange("A1:B1").setValues([["x", "=LEN(A1)"]]);
    sheet.getRange("A1").setFontWeight("bold");
    const target = ss.insertSheet("Copy");
    sheet.getRange("A1:B1").copyTo(target.getRange("C3"));
    expect(target.getRange("C3:D3").getValues()).toEqual([["x", 1]]);
    expect(target.getRange("C3").getFontWeight()).toBe("bold");
  });
});
