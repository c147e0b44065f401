// What set-up knows of the workbook before it changes anything, read in three Sheets API calls: the
// sheets' properties, highlighting rules and named ranges; every schema tab's cells (formulas as
// written); the validation rules of the rows set-up checks. The plan works on this alone.
import { FIRST_DATA_ROW, normalizeHeader, tabs } from "../../../shared/schema";
import { locateColumns } from "../sheets/headers";
import { a1, quoted } from "./requests";

export interface SheetFacts {
  sheetId: number;
  title: string;
  index: number;
  rows: number;
  columns: number;
  frozenRows: number;
  hidden: boolean;
  /** Conditional format rules as the API returns them, in the sheet's order. */
  conditionalFormats: Record<string, unknown>[];
}

export interface NamedRangeFacts {
  namedRangeId: string;
  name: string;
  sheetId: number;
  row: number;
  column: number;
}

export interface WorkbookSnapshot {
  sheets: SheetFacts[];
  namedRanges: NamedRangeFacts[];
  /** Cells by sheet title: whole schema tabs and default-named sheets, the header row of the others. */
  cells: Map<string, unknown[][]>;
  /** Validation rules by sheet title, then by 1-based row, then by 1-based column (sparse). */
  validations: Map<string, Map<number, Map<number, unknown>>>;
}

/** The rows whose validation set-up compares, per sheet: table tabs' first and last row, form value cells. */
export interface ValidationRead {
  title: string;
  row: number;
  lastRow: number;
  column: number;
  lastColumn: number;
}

/** The two collections of the Advanced Sheets service set-up calls. */
export interface SheetsService {
  spreadsheets: GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
  values: GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;
}

/** The Advanced Sheets service, or an error that says how to turn it on. */
export function sheetsService(): SheetsService {
  const spreadsheets = typeof Sheets === "undefined" ? undefined : Sheets?.Spreadsheets;
  const values = spreadsheets?.Values;
  if (!spreadsheets || !values) {
    throw new Error(
      "The Google Sheets API advanced service is off for this script. In the Apps Script editor, open Services, add “Google Sheets API” (v4) as Sheets, then run set-up again.",
    );
  }
  return { spreadsheets, values };
}

const DEFAULT_SHEET_NAMES = ["Sheet1", "Feuille 1", "Hoja 1", "Tabelle1"];

export function isDefaultSheetName(title: string): boolean {
  return DEFAULT_SHEET_NAMES.includes(title);
}

/** Reads everything set-up needs in three calls. */
export function readSnapshot(service: SheetsService, id: string): WorkbookSnapshot {
  const { spreadsheets, values } = service;
  const meta = spreadsheets.get(id, {
    fields:
      "sheets(properties(sheetId,title,index,hidden,gridProperties(rowCount,columnCount,frozenRowCount)),conditionalFormats),namedRanges(namedRangeId,name,range)",
  });
  const sheets: SheetFacts[] = (meta.sheets ?? []).map((sheet, i) => {
    const p = sheet.properties ?? {};
    const grid = p.gridProperties ?? {};
    return {
      sheetId: p.sheetId ?? 0,
      title: p.title ?? "",
      index: p.index ?? i,
      rows: grid.rowCount ?? 0,
      columns: grid.columnCount ?? 0,
      frozenRows: grid.frozenRowCount ?? 0,
      hidden: p.hidden === true,
      conditionalFormats: (sheet.conditionalFormats ?? []) as Record<string, unknown>[],
    };
  });
  const namedRanges: NamedRangeFacts[] = (meta.namedRanges ?? []).map((n) => ({
    namedRangeId: n.namedRangeId ?? "",
    name: n.name ?? "",
    sheetId: n.range?.sheetId ?? 0,
    row: (n.range?.startRowIndex ?? 0) + 1,
    column: (n.range?.startColumnIndex ?? 0) + 1,
  }));

  // Schema tabs and a fresh workbook's default sheet whole (formulas as written); others' header row only.
  const known = new Set(tabs.map((t) => normalizeHeader(t.name)));
  const whole = (title: string) => known.has(normalizeHeader(title)) || isDefaultSheetName(title);
  const ranges = sheets.map((s) => (whole(s.title) ? quoted(s.title) : a1(s.title, 1, 1, 1, s.columns)));
  const cells = new Map<string, unknown[][]>();
  if (ranges.length > 0) {
    const read = values.batchGet(id, {
      ranges,
      valueRenderOption: "FORMULA",
    });
    (read.valueRanges ?? []).forEach((range, i) => {
      const sheet = sheets[i];
      if (sheet) cells.set(sheet.title, (range.values ?? []) as unknown[][]);
    });
  }

  // A renamed tab is read whole too: its rows get formulas and checks like any schema tab's.
  const matches = matchTabs(sheets, cells);
  const renamed = [...matches.values()].filter((m) => m.renamedFrom !== undefined).map((m) => m.sheet.title);
  if (renamed.length > 0) {
    const read = values.batchGet(id, {
      ranges: renamed.map(quoted),
      valueRenderOption: "FORMULA",
    });
    (read.valueRanges ?? []).forEach((range, i) => {
      cells.set(renamed[i] as string, (range.values ?? []) as unknown[][]);
    });
  }
  const reads = validationReads(matches, cells);
  const validations = new Map<string, Map<number, Map<number, unknown>>>();
  if (reads.length > 0) {
    const got = spreadsheets.get(id, {
      ranges: reads.map((r) => a1(r.title, r.row, r.column, r.lastRow, r.lastColumn)),
      fields: "sheets(properties(title),data(startRow,startColumn,rowData(values(dataValidation))))",
    });
    for (const sheet of got.sheets ?? []) {
      const title = sheet.properties?.title ?? "";
      for (const grid of sheet.data ?? []) {
        const top = (grid.startRow ?? 0) + 1;
        const left = (grid.startColumn ?? 0) + 1;
        (grid.rowData ?? []).forEach((row, i) => {
          (row.values ?? []).forEach((cell, j) => {
            if (!cell.dataValidation) return;
            const byRow = validations.get(title) ?? new Map<number, Map<number, unknown>>();
            validations.set(title, byRow);
            const byColumn = byRow.get(top + i) ?? new Map<number, unknown>();
            byRow.set(top + i, byColumn);
            byColumn.set(left + j, cell.dataValidation);
          });
        });
      }
    }
  }
  return { sheets, namedRanges, cells, validations };
}

/** A schema tab's sheet: found by its name, or a renamed one found by its headers. */
export interface TabMatch {
  sheet: SheetFacts;
  /** The title it had when it was found by its headers. */
  renamedFrom?: string;
}

/**
 * Each schema tab's sheet: by name (as getSheetByName finds it, case aside), else a sheet that is not one
 * of the schema's yet carries every header of the missing table tab (at least three): the same tab under
 * a name the coordinator gave it. Once matched it is a schema tab again and no longer a candidate.
 */
export function matchTabs(
  sheets: readonly SheetFacts[],
  cells: ReadonlyMap<string, unknown[][]>,
): Map<string, TabMatch> {
  const known = new Set(tabs.map((t) => normalizeHeader(t.name)));
  const others = sheets.filter((s) => !known.has(normalizeHeader(s.title)));
  const matches = new Map<string, TabMatch>();
  for (const spec of tabs) {
    const named = sheets.find((s) => s.title.toLowerCase() === spec.name.toLowerCase());
    if (named) {
      matches.set(spec.name, { sheet: named });
      continue;
    }
    if (spec.layout !== "table" || spec.columns.length < 3) continue;
    const at = others.findIndex(
      (other) => locateColumns(headerRow(cells, other.title), spec.columns).size === spec.columns.length,
    );
    if (at < 0) continue;
    const [sheet] = others.splice(at, 1) as [SheetFacts];
    matches.set(spec.name, { sheet, renamedFrom: sheet.title });
  }
  return matches;
}

/** A sheet's header row as text, as read. */
export function headerRow(cells: ReadonlyMap<string, unknown[][]>, title: string): string[] {
  return ((cells.get(title) ?? [])[0] ?? []).map((cell) =>
    cell === null || cell === undefined ? "" : String(cell),
  );
}

/**
 * Which validations to read: on an existing table tab, the first data row and the grid's last row across
 * the validated columns found; on a form tab, the data rows of its value column. A tab set-up is about to
 * create has nothing to read yet (a renamed one is read under its old title).
 */
function validationReads(
  matches: ReadonlyMap<string, TabMatch>,
  cells: ReadonlyMap<string, unknown[][]>,
): ValidationRead[] {
  const reads: ValidationRead[] = [];
  for (const spec of tabs) {
    const sheet = matches.get(spec.name)?.sheet;
    if (!sheet || spec.columns.length === 0) continue;
    const grid = cells.get(sheet.title) ?? [];
    const located = locateColumns(headerRow(cells, sheet.title), spec.columns);
    if (located.size === 0) continue;
    const width = Math.min(sheet.columns, Math.max(...located.values()));
    if (spec.layout === "form") {
      const value = located.get("value");
      if (value === undefined || grid.length < FIRST_DATA_ROW) continue;
      reads.push({
        title: sheet.title,
        row: FIRST_DATA_ROW,
        lastRow: grid.length,
        column: value,
        lastColumn: value,
      });
      continue;
    }
    if (sheet.rows < FIRST_DATA_ROW) continue;
    reads.push({
      title: sheet.title,
      row: FIRST_DATA_ROW,
      lastRow: FIRST_DATA_ROW,
      column: 1,
      lastColumn: width,
    });
    if (sheet.rows > FIRST_DATA_ROW)
      reads.push({ title: sheet.title, row: sheet.rows, lastRow: sheet.rows, column: 1, lastColumn: width });
  }
  return reads;
}
