// The .xlsx export of the demo exchange, read back with exceljs and compared with the workbook, then
// opened and recalculated in LibreOffice Calc: no error cell, and the formulas give the workbook's values.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBundle, readBundle } from "../../sandbox/bundle.ts";
import { loadDemo } from "../../sandbox/demo.ts";
import { createEmulator, type Emulator } from "../../sandbox/emulator/index.ts";
import type { WorkbookDescription } from "../../sandbox/emulator/spreadsheet/describe.ts";
import { toXlsx, xlsxFormula } from "../../sandbox/xlsx.ts";

let emulator: Emulator;
let described: WorkbookDescription;
let file: Buffer;

beforeAll(async () => {
  emulator = createEmulator({});
  loadDemo(loadBundle(emulator, readBundle()), emulator);
  described = emulator.spreadsheets.describe();
  file = await toXlsx(described, (name) => emulator.spreadsheets.sheetValues(name) ?? []);
}, 120_000);

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

/** A cell's value as the workbook computed it (formula cells: their result). */
function plain(cell: ExcelJS.Cell): unknown {
  const value = cell.value as unknown;
  if (value && typeof value === "object" && "formula" in value)
    return (value as { result?: unknown }).result ?? "";
  if (value && typeof value === "object" && "sharedFormula" in value)
    return (value as { result?: unknown }).result ?? "";
  return value ?? "";
}

/** Dates compared as the wall-clock minute the sheet shows; numbers to 9 significant digits. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 16);
  if (typeof value === "number") return Number(value.toPrecision(9));
  return value;
}

function expectSameValues(book: ExcelJS.Workbook, sheetNames: readonly string[]): number {
  let compared = 0;
  for (const name of sheetNames) {
    const ws = book.getWorksheet(name);
    expect(ws, name).toBeDefined();
    const values = emulator.spreadsheets.sheetValues(name) ?? [];
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === "") return;
        // sheetValues gives a date as the wall clock the sheet shows, in its UTC fields.
        const shown = value;
        const cell = ws!.getCell(r + 1, c + 1);
        compared++;
        // exceljs neither writes nor reads a cached formula result that is false or 0 (the file asks for
        // recalculation on load instead), so false and 0 may read back as blank.
        if (!value && !plain(cell)) return;
        expect(comparable(plain(cell)), `${name}!R${r + 1}C${c + 1}`).toEqual(comparable(shown));
      });
    });
  }
  return compared;
}

describe(".xlsx export", () => {
  it("prefixes functions newer than Excel 2007 and nothing else", () => {
    expect(xlsxFormula('=MAXIFS(A:A,B:B,"x")+MAX(C1)')).toBe('_xlfn.MAXIFS(A:A,B:B,"x")+MAX(C1)');
    expect(xlsxFormula('=TEXTJOIN(",",TRUE,A1:A3)&CONCAT(B1)')).toBe(
      '_xlfn.TEXTJOIN(",",TRUE,A1:A3)&_xlfn.CONCAT(B1)',
    );
    expect(xlsxFormula("=COUNTIFS(A:A,1)")).toBe("COUNTIFS(A:A,1)");
  });

  it("keeps values, real dates, number formats, styles, panes, widths, validation, highlighting, names, hidden tabs", async () => {
    const book = await read(file);
    const visible = described.sheets.filter((s) => !s.hidden).map((s) => s.name);
    expect(expectSameValues(book, visible)).toBeGreaterThan(500);

    const agenda = book.getWorksheet("Agenda")!;
    const start = described.sheets.find((s) => s.name === "Agenda")!.values[0]!.indexOf("Start") + 1;
    const startCell = agenda.getCell(2, start);
    expect(startCell.value).toBeInstanceOf(Date);
    expect(startCell.numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(agenda.getCell(1, 1).font?.bold).toBe(true);
    expect(agenda.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    const peers = book.getWorksheet("Peers")!;
    const peerSheet = described.sheets.find((s) => s.name === "Peers")!;
    const selected = peerSheet.values[0]!.indexOf("Selected") + 1;
    expect(peers.getCell(2, selected).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"TRUE,FALSE"'],
    });
    const setting = book.getWorksheet("Insights")!;
    const platform = described.sheets.find((s) => s.name === "Insights")!.values[0]!.indexOf("Platform") + 1;
    expect(setting.getCell(2, platform).dataValidation?.type).toBe("list");
    // Conditional highlighting survives (the Selected row colour on Peers).
    const formats = (peers as unknown as { conditionalFormattings: { ref: string }[] })
      .conditionalFormattings;
    expect(formats.length).toBe(peerSheet.conditionalFormats.reduce((n, f) => n + f.ranges.length, 0));

    for (const sheet of described.sheets) {
      expect(book.getWorksheet(sheet.name)?.state, sheet.name).toBe(sheet.hidden ? "hidden" : "visible");
    }
    const names = (book.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(described.namedRanges.map((n) => n.name)));

    // exceljs cannot write charts: every chart is listed with its title, type and data range.
    const charts = book.getWorksheet("Charts")!;
    const listed = charts
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[])[1]);
    const all = described.sheets.flatMap((s) => s.charts.map((c) => String(c.options.title ?? "")));
    expect(listed).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(9);
  });

  it("opens in LibreOffice Calc, recalculated, with no error cell and the workbook's values", async () => {
    const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
    if (!soffice) {
      // Without LibreOffice (Debian: apt-get install libreoffice-calc-nogui) this check cannot run here.
      console.warn("LibreOffice Calc is not installed: the recalculation check did not run.");
      expect(soffice).toBeUndefined();
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "px-xlsx-"));
    // A profile that recalculates every formula on load, as a person pressing Recalculate hard would.
    mkdirSync(join(dir, "profile/user"), { recursive: true });
    writeFileSync(
      join(dir, "profile/user/registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
    );
    writeFileSync(join(dir, "in.xlsx"), file);
    mkdirSync(join(dir, "out"));
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--calc",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(dir, "out"),
        join(dir, "in.xlsx"),
      ],
      { stdio: "ignore", timeout: 180_000 },
    );
    const book = await read(readFileSync(join(dir, "out/in.xlsx")));
    const errors: string[] = [];
    let formulas = 0;
    book.eachSheet((ws) => {
      ws.eachRow((row) => {
        row.eachCell((cell) => {
          const value = cell.value as { formula?: string; result?: unknown; error?: string } | null;
          if (value && typeof value === "object" && "formula" in value) formulas++;
          const result = value && typeof value === "object" && "formula" in value ? value.result : value;
          if (result && typeof result === "object" && "error" in (result as object))
            errors.push(`${ws.name}!${cell.address}: ${(result as { error: string }).error}`);
        });
      });
    });
    expect(errors).toEqual([]);
    expect(formulas).toBeGreaterThan(100);
    const visible = described.sheets.filter((s) => !s.hidden).map((s) => s.name);
    expect(expectSameValues(book, visible)).toBeGreaterThan(500);
  }, 240_000);
});
