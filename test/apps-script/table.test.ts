// The header-addressed table module against the emulator: typed reads in one getValues, writes in one
// setValues per block, user columns untouched, clear errors for a missing tab or header.
import { describe, expect, it } from "vitest";
import { readForm, readSettings } from "../../apps-script/src/sheets/form.ts";
import { openTable } from "../../apps-script/src/sheets/table.ts";
import { openWorkbook } from "../../apps-script/src/sheets/workbook.ts";
import { loadBundle } from "../../sandbox/bundle.ts";
import { createEmulator, isDate } from "../../sandbox/emulator/index.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A set-up workbook, and the emulator's services installed as globals for the module under test. */
function setUpWorkbook() {
  const emulator = createEmulator();
  const bundle = loadBundle(emulator);
  emulator.ui.respondWith(["OK"]);
  bundle.call("setUpWorkbook");
  Object.assign(globalThis, emulator.globals);
  const book = emulator.spreadsheets.get(emulator.spreadsheets.activeId!) as unknown as Spreadsheet;
  return { emulator, book };
}

function headerIndex(book: Spreadsheet, tab: string, header: string): number {
  const sheet = book.getSheetByName(tab)!;
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String).indexOf(header) + 1;
}

describe("openTable", () => {
  it("says which tab or column is missing and how to fix it", () => {
    const { book } = setUpWorkbook();
    const noTab = openTable(book, "Peers");
    expect(noTab.ok).toBe(true);
    book.deleteSheet(book.getSheetByName("Peers")!);
    const missing = openTable(book, "Peers");
    expect(missing).toEqual({
      ok: false,
      error: {
        code: "missing_tab",
        message: "There is no Peers tab. Run Peer Exchange › Set up / repair workbook.",
        retryable: false,
      },
    });
    const actions = book.getSheetByName("Actions")!;
    actions.deleteColumn(headerIndex(book, "Actions", "Impact"));
    const noColumn = openTable(book, "Actions");
    expect(noColumn.ok).toBe(false);
    if (!noColumn.ok) {
      expect(noColumn.error.message).toBe(
        "The Actions tab has no “Impact” column. Run Peer Exchange › Set up / repair workbook.",
      );
    }
    // A caller that needs fewer columns still works.
    expect(openTable(book, "Actions", { require: ["site", "change"] }).ok).toBe(true);
  });

  it("appends records in one setValues with formulas, reads them typed in one getValues", () => {
    const { emulator, book } = setUpWorkbook();
    const peers = book.getSheetByName("Peers")!;
    // A column of the coordinator's own, in the middle, inserted right of Site name (free text), whose
    // formats and validation it takes, as inserted columns do.
    peers.insertColumnAfter(2);
    peers.getRange(1, 3).setValue("Our contact");
    const table = openTable(book, "Peers");
    if (!table.ok) throw new Error(table.error.message);
    emulator.env.calls.reset();
    const added = table.value.append([
      { siteName: "North General", similarity: 4, success: 5, willingness: 3, diversity: 2, outlier: true },
      { siteName: '=HYPERLINK("http://evil")', similarity: 2 },
    ]);
    expect(added).toEqual({ firstRow: 2, count: 2, maxRows: 1000 });
    expect(emulator.env.calls.get("Range.setValues")).toBe(1);

    peers.getRange(2, 3).setValue("Dr. Lee");
    const fresh = openTable(book, "Peers");
    if (!fresh.ok) throw new Error(fresh.error.message);
    emulator.env.calls.reset();
    const rows = fresh.value.read();
    expect(emulator.env.calls.get("Range.getValues")).toBe(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.record.weightedScore).toBeCloseTo(3.5, 9);
    expect(rows[0]?.record.outlier).toBe(true);
    expect(rows[0]?.extra).toEqual({ "Our contact": "Dr. Lee" });
    expect(rows[1]?.record.siteName).toBe('=HYPERLINK("http://evil")');
    expect(rows[1]?.record.weightedScore).toBe("");
    expect(rows[1]?.record.missingScores).toBe("success, willingness, diversity");
    const formulas = peers.getRange(3, 1, 1, peers.getLastColumn()).getFormulas()[0]!;
    expect(formulas.some((f) => f.includes("HYPERLINK"))).toBe(false);
  });

  it("updates adjacent rows and columns in one block, never touching formulas or user columns", () => {
    const { emulator, book } = setUpWorkbook();
    const table = openTable(book, "Peers");
    if (!table.ok) throw new Error(table.error.message);
    table.value.append(Array.from({ length: 6 }, (_, i) => ({ siteName: `Site ${i}`, similarity: 3 })));
    emulator.env.calls.reset();
    const blocks = table.value.update([
      { row: 2, values: { selected: true, selectionNote: "best score" } },
      { row: 3, values: { selected: true, selectionNote: "outlier" } },
      { row: 4, values: { selected: false, selectionNote: "below the floor" } },
      { row: 6, values: { selected: true, selectionNote: "diversity" } },
      { row: 7, values: { weightedScore: 99 } as never },
    ]);
    // Rows 2–4 form one block, row 6 another; the derived Weighted score is never written.
    expect(blocks).toBe(2);
    expect(emulator.env.calls.get("Range.setValues")).toBe(2);
    const rows = table.value.read();
    expect(rows.map((r) => r.record.selected)).toEqual([true, true, false, false, true, false]);
    expect(rows[5]?.record.weightedScore).toBe("");
    const formula = book
      .getSheetByName("Peers")!
      .getRange(7, headerIndex(book, "Peers", "Weighted score"))
      .getFormula();
    expect(formula.startsWith("=IF(")).toBe(true);
  });

  it("reads only the last rows or a span of columns when asked", () => {
    const { emulator, book } = setUpWorkbook();
    const table = openTable(book, "Insights");
    if (!table.ok) throw new Error(table.error.message);
    table.value.append(
      Array.from({ length: 50 }, (_, i) => ({ clipId: `clip-${i}`, text: `t${i}`, kind: "insight" })),
    );
    emulator.env.calls.reset();
    const last = table.value.read({ keys: ["clipId"], lastRows: 5 });
    expect(last.map((r) => r.record.clipId)).toEqual(["clip-45", "clip-46", "clip-47", "clip-48", "clip-49"]);
    expect(last[0]?.row).toBe(47);
    expect(emulator.env.calls.get("Range.getValues")).toBe(1);
  });

  it("marks cells that do not fit their column's type", () => {
    const { book } = setUpWorkbook();
    const participants = book.getSheetByName("Participants")!;
    participants.getRange(2, headerIndex(book, "Participants", "Person")).setValue("Ana");
    participants.getRange(2, headerIndex(book, "Participants", "NDA signed")).setValue("soon");
    participants.getRange(2, headerIndex(book, "Participants", "Data packet sent")).setValue("2026-04-02");
    const table = openTable(book, "Participants");
    if (!table.ok) throw new Error(table.error.message);
    const [row] = table.value.read();
    expect(row?.invalid).toEqual(["ndaSigned"]);
    expect(row?.record.ndaSigned).toBe("");
    expect(isDate(row?.record.dataPacketSent)).toBe(true);
  });
});

describe("form tabs and the workbook", () => {
  it("reads settings with defaults and finds the workbook by stored id in the web app", () => {
    const { emulator, book } = setUpWorkbook();
    const settings = book.getSheetByName("Settings")!;
    const form = readForm(book, "Settings");
    if (!form.ok) throw new Error(form.error.message);
    settings.getRange(form.value.rows.get("pickCutPoint")!, form.value.valueColumn).setValue(4);
    settings.getRange(form.value.rows.get("willingnessFloor")!, form.value.valueColumn).setValue("lots");
    const values = readSettings(book);
    expect(values.pickCutPoint).toBe(4);
    expect(values.willingnessFloor).toBe(3);
    expect(values.workbookId).toBe(book.getId());

    emulator.setContext("webapp");
    const opened = openWorkbook();
    expect(opened.ok && opened.value.getId()).toBe(book.getId());
  });
});
