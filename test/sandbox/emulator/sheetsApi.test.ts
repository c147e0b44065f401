// The Advanced Sheets service: each request kind lands in the same model SpreadsheetApp uses (describe()
// and SpreadsheetApp reads see it), an invalid request applies nothing, and every call is one round trip.
import { describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../../../sandbox/emulator/index.ts";
import { roundTripsOf } from "../../../sandbox/emulator/roundTrips.ts";

type Json = Record<string, unknown>;

function setup(): {
  emulator: Emulator;
  id: string;
  sheets: GoogleAppsScript.Sheets;
  book: GoogleAppsScript.Spreadsheet.Spreadsheet;
} {
  const emulator = createEmulator();
  const id = emulator.containerId;
  return { emulator, id, sheets: emulator.globals.Sheets, book: emulator.spreadsheets.get(id)! };
}

const grey = { red: 0xe8 / 255, green: 0xea / 255, blue: 0xed / 255 };

function update(sheets: GoogleAppsScript.Sheets, id: string, requests: Json[]): Json {
  return sheets.Spreadsheets!.batchUpdate({ requests } as never, id) as unknown as Json;
}

describe("Sheets.Spreadsheets.batchUpdate", () => {
  it("builds a tab exactly as the same SpreadsheetApp calls would", () => {
    const api = setup();
    update(api.sheets, api.id, [
      {
        addSheet: {
          properties: {
            sheetId: 7,
            title: "Peers",
            index: 1,
            gridProperties: { rowCount: 50, columnCount: 4, frozenRowCount: 1 },
          },
        },
      },
      {
        updateCells: {
          start: { sheetId: 7, rowIndex: 0, columnIndex: 0 },
          fields: "userEnteredValue,note,userEnteredFormat.textFormat.bold,userEnteredFormat.backgroundColor",
          rows: [
            {
              values: ["Site", "Score", "When", "1"].map((text) => ({
                userEnteredValue: { stringValue: text },
                note: `About ${text}`,
                userEnteredFormat: { textFormat: { bold: true }, backgroundColor: grey },
              })),
            },
          ],
        },
      },
      {
        repeatCell: {
          range: { sheetId: 7, startRowIndex: 1, startColumnIndex: 2, endColumnIndex: 3 },
          cell: { userEnteredFormat: { numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } } },
          fields: "userEnteredFormat.numberFormat",
        },
      },
      {
        setDataValidation: {
          range: { sheetId: 7, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
          rule: {
            condition: {
              type: "NUMBER_BETWEEN",
              values: [{ userEnteredValue: "1" }, { userEnteredValue: "5" }],
            },
            inputMessage: "1 to 5",
            strict: true,
          },
        },
      },
      {
        setDataValidation: {
          range: { sheetId: 7, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          rule: {
            condition: {
              type: "ONE_OF_LIST",
              values: [{ userEnteredValue: "North" }, { userEnteredValue: "South" }],
            },
            inputMessage: "Pick one",
            strict: true,
            showCustomUi: true,
          },
        },
      },
      {
        addConditionalFormatRule: {
          rule: {
            ranges: [{ sheetId: 7, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 }],
            booleanRule: {
              condition: { type: "CUSTOM_FORMULA", values: [{ userEnteredValue: "=B2>4" }] },
              format: {
                backgroundColor: { red: 1, green: 0, blue: 0 },
                textFormat: { foregroundColor: { red: 0, green: 0, blue: 1 } },
              },
            },
          },
          index: 0,
        },
      },
      {
        addConditionalFormatRule: {
          rule: {
            ranges: [{ sheetId: 7, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 }],
            booleanRule: {
              condition: { type: "TEXT_EQ", values: [{ userEnteredValue: "North" }] },
              format: { backgroundColor: grey },
            },
          },
        },
      },
      {
        addNamedRange: {
          namedRange: {
            name: "PeerSites",
            range: { sheetId: 7, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          },
        },
      },
      {
        updateCells: {
          range: { sheetId: 7, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 3 },
          fields: "userEnteredValue",
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: "North" } },
                { userEnteredValue: { numberValue: 4 } },
                { userEnteredValue: { formulaValue: "=B2*2" } },
              ],
            },
          ],
        },
      },
    ]);

    // The same tab through SpreadsheetApp on a second emulator.
    const app = setup();
    const SpreadsheetApp = app.emulator.globals.SpreadsheetApp;
    const sheet = app.book.insertSheet("Peers", 1);
    app.book.setActiveSheet(app.book.getSheets()[0]!);
    sheet.deleteRows(51, 950);
    sheet.deleteColumns(5, 22);
    sheet.setFrozenRows(1);
    const header = sheet.getRange(1, 1, 1, 4);
    header.setValues([["Site", "Score", "When", "'1"]]);
    header.setNotes([["About Site", "About Score", "About When", "About 1"]]);
    header.setFontWeight("bold").setBackground("#e8eaed");
    sheet.getRange(2, 3, 49, 1).setNumberFormat("yyyy-mm-dd");
    sheet
      .getRange(2, 2, 49, 1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireNumberBetween(1, 5)
          .setAllowInvalid(false)
          .setHelpText("1 to 5")
          .build(),
      );
    sheet
      .getRange(2, 1, 49, 1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(["North", "South"], true)
          .setAllowInvalid(false)
          .setHelpText("Pick one")
          .build(),
      );
    sheet.setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule()
        .setRanges([sheet.getRange(2, 2, 49, 1)])
        .whenFormulaSatisfied("=B2>4")
        .setBackground("#ff0000")
        .setFontColor("#0000ff")
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .setRanges([sheet.getRange(2, 1, 49, 1)])
        .whenTextEqualTo("North")
        .setBackground("#e8eaed")
        .build(),
    ]);
    app.book.setNamedRange("PeerSites", sheet.getRange(2, 1, 49, 1));
    sheet.getRange(2, 1, 1, 3).setValues([["North", 4, "=B2*2"]]);

    const viaApi = api.emulator.spreadsheets.describe().sheets[1]!;
    const viaApp = app.emulator.spreadsheets.describe().sheets[1]!;
    expect({ ...viaApi, sheetId: 0 }).toEqual({ ...viaApp, sheetId: 0 });
    expect(viaApi.values[0]?.[3]).toBe("1"); // a stringValue stays text
    expect(viaApi.values[1]?.slice(0, 2)).toEqual(["North", 4]);
    expect(viaApi.formulas[1]?.[2]).toBe("=B2*2");
    // SpreadsheetApp reads the result: the rule, the name, the frozen row.
    const peers = api.book.getSheetByName("Peers")!;
    expect(peers.getFrozenRows()).toBe(1);
    expect(peers.getRange("B10").getDataValidation()?.getCriteriaValues()).toEqual([1, 5]);
    expect(api.book.getRangeByName("PeerSites")?.getA1Notation()).toBe("A2:A50");
    // Adding a sheet through the API leaves the active sheet alone.
    expect(api.book.getActiveSheet().getName()).toBe("Sheet1");
  });

  it("updates sheet properties, grows the grid, replaces and deletes rules and names, deletes a sheet", () => {
    const { id, sheets, book } = setup();
    const tab = book.insertSheet("Notes");
    const notesId = tab.getSheetId();
    const spare = book.insertSheet("Spare");
    update(sheets, id, [
      {
        addConditionalFormatRule: {
          rule: {
            ranges: [{ sheetId: notesId, startRowIndex: 1, endColumnIndex: 1 }],
            booleanRule: { condition: { type: "TEXT_EQ", values: [{ userEnteredValue: "a" }] }, format: {} },
          },
        },
      },
      {
        addConditionalFormatRule: {
          rule: {
            ranges: [{ sheetId: notesId, startRowIndex: 1, endColumnIndex: 1 }],
            booleanRule: { condition: { type: "TEXT_EQ", values: [{ userEnteredValue: "b" }] }, format: {} },
          },
        },
      },
      {
        addNamedRange: {
          namedRange: { name: "Things", range: { sheetId: notesId, startRowIndex: 1, endColumnIndex: 1 } },
        },
      },
    ]);
    const got = sheets.Spreadsheets!.get(id, {
      fields: "sheets(properties(sheetId,title)),namedRanges",
    }) as unknown as {
      sheets: { properties: Json }[];
      namedRanges: { namedRangeId: string; name: string }[];
    };
    expect(got.sheets.map((s) => s.properties.title)).toEqual(["Sheet1", "Notes", "Spare"]);
    expect(Object.keys(got.sheets[0]!.properties).sort()).toEqual(["sheetId", "title"]);
    const namedRangeId = got.namedRanges[0]!.namedRangeId;
    update(sheets, id, [
      {
        updateSheetProperties: {
          properties: { sheetId: notesId, title: "Log", hidden: true, gridProperties: { frozenRowCount: 2 } },
          fields: "title,hidden,gridProperties.frozenRowCount",
        },
      },
      { appendDimension: { sheetId: notesId, dimension: "ROWS", length: 10 } },
      { appendDimension: { sheetId: notesId, dimension: "COLUMNS", length: 2 } },
      {
        updateConditionalFormatRule: {
          sheetId: notesId,
          index: 0,
          rule: {
            ranges: [{ sheetId: notesId, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 }],
            booleanRule: { condition: { type: "TEXT_EQ", values: [{ userEnteredValue: "c" }] }, format: {} },
          },
        },
      },
      { deleteConditionalFormatRule: { sheetId: notesId, index: 1 } },
      {
        updateNamedRange: {
          namedRange: {
            namedRangeId,
            range: { sheetId: notesId, startRowIndex: 2, startColumnIndex: 1, endColumnIndex: 2 },
          },
          fields: "range",
        },
      },
      { deleteSheet: { sheetId: spare.getSheetId() } },
    ]);
    const log = book.getSheetByName("Log")!;
    expect(log.isSheetHidden()).toBe(true);
    expect(log.getFrozenRows()).toBe(2);
    expect(log.getMaxRows()).toBe(1010);
    expect(log.getMaxColumns()).toBe(28);
    const rules = log.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()?.getCriteriaValues())).toEqual([["c"]]);
    expect(rules[0]?.getRanges()[0]?.getA1Notation()).toBe("B2:B1010");
    expect(book.getRangeByName("Things")?.getA1Notation()).toBe("B3:B1010");
    expect(book.getSheetByName("Spare")).toBeNull();
    update(sheets, id, [{ deleteNamedRange: { namedRangeId } }]);
    expect(book.getRangeByName("Things")).toBeNull();
  });

  it("refuses an invalid request with Google's error and applies none of the batch", () => {
    const { emulator, id, sheets, book } = setup();
    const before = emulator.spreadsheets.describe();
    const good = { addSheet: { properties: { sheetId: 3, title: "New" } } };
    const cases: [Json, RegExp][] = [
      [
        { fooBar: {} },
        /^API call to sheets\.spreadsheets\.batchUpdate failed with error: Invalid requests\[1\]: unknown or unsupported request kind "fooBar"\./,
      ],
      [
        { updateCells: { start: { sheetId: 99 }, rows: [{ values: [{}] }], fields: "note" } },
        /Invalid requests\[1\]\.updateCells: No grid with id: 99/,
      ],
      [
        {
          setDataValidation: {
            range: { sheetId: 3, startRowIndex: 999, endRowIndex: 1001 },
            rule: { condition: { type: "BOOLEAN" } },
          },
        },
        /Invalid requests\[1\]\.setDataValidation: .*exceeds grid limits/,
      ],
      [
        {
          setDataValidation: {
            range: { sheetId: 3 },
            rule: { condition: { type: "NUMBER_BETWEEN", values: [{ userEnteredValue: "1" }] } },
          },
        },
        /Invalid requests\[1\]\.setDataValidation: .*needs 2 values/,
      ],
      [{ addSheet: { properties: { title: "new" } } }, /A sheet with the name "new" already exists/],
      [{ deleteConditionalFormatRule: { sheetId: 3, index: 0 } }, /no conditional format rule at index 0/],
    ];
    for (const [bad, message] of cases) {
      let caught: Error | undefined;
      try {
        update(sheets, id, [good, bad]);
      } catch (error) {
        caught = error as Error;
      }
      expect(caught?.name).toBe("GoogleJsonResponseException");
      expect(caught?.message).toMatch(message);
      expect(emulator.spreadsheets.describe()).toEqual(before);
      expect(book.getSheetByName("New")).toBeNull();
    }
    expect(() => update(sheets, id, [])).toThrow(/Must specify at least one request/);
    expect(() => sheets.Spreadsheets!.batchUpdate({ requests: [good] } as never, "nope")).toThrow(
      /Requested entity was not found/,
    );
  });
});

describe("Sheets.Spreadsheets reads", () => {
  it("get returns properties, conditional formats, named ranges and, for ranges, each cell's validation", () => {
    const { id, sheets, book, emulator } = setup();
    const SpreadsheetApp = emulator.globals.SpreadsheetApp;
    const sheet = book.getSheets()[0]!;
    sheet.setFrozenRows(1);
    sheet.getRange("A2:A10").setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    sheet.setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule()
        .setRanges([sheet.getRange("B2:B10")])
        .whenTextEqualTo("x")
        .setBackground("#e8eaed")
        .build(),
    ]);
    book.setNamedRange("Boxes", sheet.getRange("A2:A10"));
    const got = sheets.Spreadsheets!.get(id, {
      ranges: ["Sheet1!A2:B2"],
      fields:
        "sheets(properties(sheetId,title,gridProperties),conditionalFormats,data(startRow,rowData(values(dataValidation)))),namedRanges(name,range)",
    }) as unknown as { sheets: Json[]; namedRanges: Json[] };
    const [first] = got.sheets as { properties: Json; conditionalFormats: Json[]; data: Json[] }[];
    expect(first!.properties).toEqual({
      sheetId: 0,
      title: "Sheet1",
      gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 },
    });
    expect(first!.conditionalFormats).toEqual([
      {
        ranges: [{ sheetId: 0, startRowIndex: 1, endRowIndex: 10, startColumnIndex: 1, endColumnIndex: 2 }],
        booleanRule: {
          condition: { type: "TEXT_EQ", values: [{ userEnteredValue: "x" }] },
          format: { backgroundColor: grey },
        },
      },
    ]);
    expect(first!.data).toEqual([
      {
        startRow: 1,
        rowData: [{ values: [{ dataValidation: { condition: { type: "BOOLEAN" } } }, {}] }],
      },
    ]);
    expect(got.namedRanges).toEqual([
      {
        name: "Boxes",
        range: { sheetId: 0, startRowIndex: 1, endRowIndex: 10, startColumnIndex: 0, endColumnIndex: 1 },
      },
    ]);
    expect(() => sheets.Spreadsheets!.get(id, { fields: "sheets(nonsense)" })).toThrow(
      /Invalid field selection/,
    );
  });

  it("Values.batchGet trims empty rows and cells and renders values or formulas", () => {
    const { id, sheets, book } = setup();
    const sheet = book.getSheets()[0]!;
    sheet.getRange("A1:C2").setValues([
      ["Site", "Score", "Double"],
      ["North", 4, "=B2*2"],
    ]);
    const args = (valueRenderOption: string) => ({
      ranges: ["Sheet1", "Sheet1!A1:Z1", "Sheet1!E5:F6"],
      valueRenderOption,
    });
    const formulas = sheets.Spreadsheets!.Values!.batchGet(id, args("FORMULA")) as unknown as {
      valueRanges: Json[];
    };
    expect(formulas.valueRanges).toEqual([
      {
        range: "Sheet1!A1:Z1000",
        majorDimension: "ROWS",
        values: [
          ["Site", "Score", "Double"],
          ["North", 4, "=B2*2"],
        ],
      },
      { range: "Sheet1!A1:Z1", majorDimension: "ROWS", values: [["Site", "Score", "Double"]] },
      { range: "Sheet1!E5:F6", majorDimension: "ROWS" },
    ]);
    const values = sheets.Spreadsheets!.Values!.batchGet(id, args("UNFORMATTED_VALUE")) as unknown as {
      valueRanges: { values: unknown[][] }[];
    };
    expect(values.valueRanges[0]?.values[1]).toEqual(["North", 4, 8]);
    expect(() => sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ["Nowhere!A1"] })).toThrow(
      /Unable to parse range: Nowhere!A1/,
    );
  });

  it("counts each call as one round trip, however many requests it carries", () => {
    const { emulator, id, sheets } = setup();
    emulator.env.calls.reset();
    sheets.Spreadsheets!.get(id, { fields: "sheets.properties" });
    sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ["Sheet1!1:1"] });
    update(
      sheets,
      id,
      Array.from({ length: 30 }, (_, i) => ({ addSheet: { properties: { title: `Tab ${i}` } } })),
    );
    const counted = roundTripsOf(emulator.env.calls.snapshot());
    expect(counted.roundTrips).toBe(3);
    expect(counted.byKind.read).toBe(2);
    expect(counted.byKind.structure).toBe(1);
  });
});
