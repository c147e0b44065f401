// Set-up's plan, in pure code: from what was read (snapshot.ts) to the requests of one batchUpdate and the
// report of what they restore. A workbook already set up yields no request at all. Nothing here calls a
// service.
import {
  type ColumnSpec,
  FIRST_DATA_ROW,
  formulaContext,
  tabs,
  type WorkbookLayout,
} from "../../../shared/schema";
import { locateColumns } from "../sheets/headers";
import { planConditionalFormats, planNamedRanges, planValidation } from "./planRules";
import { color, enteredValue, gridRange, type Request, updateCells } from "./requests";
import { headerRow, isDefaultSheetName, matchTabs, type SheetFacts, type WorkbookSnapshot } from "./snapshot";
import { dataBlock, formOf, type TabState } from "./tabState";

export interface SetUpReport {
  createdTabs: string[];
  /** Plain sentences, one per kind of repair. */
  changes: string[];
}

export interface SetUpPlan {
  requests: Request[];
  report: SetUpReport;
}

const HEADER_BACKGROUND = "#e8eaed";
/** Rows added under the header when a tab has none left. */
const MIN_DATA_ROWS = 100;
/** A new sheet's grid, as Sheets makes it. */
const NEW_GRID = { rows: 1000, columns: 26 };

const HEADER_FIELDS =
  "userEnteredValue,note,userEnteredFormat.textFormat.bold,userEnteredFormat.backgroundColor";

/** Plans the whole repair. `workbookId` is the spreadsheet's id, recorded on the Settings tab. */
export function planSetUp(snapshot: WorkbookSnapshot, workbookId: string): SetUpPlan {
  const report: SetUpReport = { createdTabs: [], changes: [] };
  const requests: Request[] = [];
  const matches = matchTabs(snapshot.sheets, snapshot.cells);
  let nextId = Math.max(0, ...snapshot.sheets.map((s) => s.sheetId)) + 1;
  let sheetCount = snapshot.sheets.length;
  const states: TabState[] = [];
  const restoredHeaders: string[] = [];
  const refilledHeaders: string[] = [];

  for (const spec of tabs) {
    const match = matches.get(spec.name);
    let state: TabState;
    if (match) {
      const { sheet } = match;
      if (match.renamedFrom !== undefined) {
        requests.push({
          updateSheetProperties: {
            properties: { sheetId: sheet.sheetId, title: spec.name },
            fields: "title",
          },
        });
        report.changes.push(
          `Renamed the tab “${match.renamedFrom}” back to “${spec.name}”: it has that tab's headers, and the add-on finds its tabs by name.`,
        );
      }
      const cells = snapshot.cells.get(sheet.title) ?? [];
      state = {
        spec,
        sheetId: sheet.sheetId,
        created: false,
        rows: sheet.rows,
        columns: sheet.columns,
        grown: false,
        readAs: sheet.title,
        cells,
        lastRow: cells.length,
        columnsByKey: new Map(),
      };
    } else {
      const withColumns = spec.columns.length > 0;
      const sheetId = nextId++;
      requests.push({
        addSheet: {
          properties: {
            sheetId,
            title: spec.name,
            index: sheetCount,
            gridProperties: {
              rowCount: NEW_GRID.rows,
              columnCount: NEW_GRID.columns,
              frozenRowCount: withColumns ? spec.frozenRows : 0,
            },
            hidden: spec.hidden === true,
          },
        },
      });
      sheetCount += 1;
      report.createdTabs.push(spec.name);
      state = {
        spec,
        sheetId,
        created: true,
        rows: NEW_GRID.rows,
        columns: NEW_GRID.columns,
        grown: false,
        readAs: spec.name,
        cells: [],
        lastRow: 0,
        columnsByKey: new Map(),
      };
    }
    const headers = planHeaders(state, snapshot, requests);
    restoredHeaders.push(...headers.appended);
    refilledHeaders.push(...headers.refilled);
    states.push(state);
  }
  if (refilledHeaders.length > 0) {
    report.changes.push(
      `Wrote back ${count(refilledHeaders.length, "cleared header")} over ${refilledHeaders.length === 1 ? "its" : "their"} column, data kept: ${list(refilledHeaders)}.`,
    );
  }
  if (restoredHeaders.length > 0) {
    report.changes.push(
      `Added ${count(restoredHeaders.length, "missing column")} at the end of the header row: ${list(restoredHeaders)}.`,
    );
  }
  planDefaultSheetRemoval(
    snapshot,
    report,
    requests,
    sheetCount,
    new Set([...matches.values()].filter((m) => m.renamedFrom !== undefined).map((m) => m.sheet.sheetId)),
  );

  const restoredFields: string[] = [];
  for (const state of states)
    if (state.spec.layout === "form") restoredFields.push(...planFields(state, requests));
  if (restoredFields.length > 0) {
    report.changes.push(`Restored ${count(restoredFields.length, "missing row")}: ${list(restoredFields)}.`);
  }
  planWorkbookId(states, workbookId, report, requests);

  const layout = plannedLayout(states);
  const formulaColumns: string[] = [];
  const validations: string[] = [];
  const formats: string[] = [];
  for (const state of states) {
    const formulas = state.spec.layout === "table" ? planFormulas(state, layout, requests) : [];
    const rules = planValidation(state, snapshot, requests);
    const highlights = planConditionalFormats(state, snapshot, layout, requests);
    // A tab created just now is reported once, by name; only repairs of existing tabs are listed.
    if (state.created) continue;
    formulaColumns.push(...formulas);
    validations.push(...rules);
    formats.push(...highlights);
  }
  if (formulaColumns.length > 0) {
    report.changes.push(
      `Filled in the formulas of ${count(formulaColumns.length, "column")}: ${list(formulaColumns)}.`,
    );
  }
  if (validations.length > 0) {
    report.changes.push(
      `Restored the dropdowns and checks of ${count(validations.length, "column")}: ${list(validations)}.`,
    );
  }
  if (formats.length > 0) {
    report.changes.push(`Restored ${count(formats.length, "highlighting rule")}: ${list(formats)}.`);
  }
  const named = planNamedRanges(snapshot, states, requests);
  if (named.length > 0) {
    report.changes.push(`Restored ${count(named.length, "named range")}: ${list(named)}.`);
  }
  return { requests, report };
}

// ---- Headers -------------------------------------------------------------------------------------

function headerCell(column: ColumnSpec): Record<string, unknown> {
  return {
    userEnteredValue: { stringValue: column.header },
    note: column.note,
    userEnteredFormat: { textFormat: { bold: true }, backgroundColor: color(HEADER_BACKGROUND) },
  };
}

/**
 * A blank header cell right after the column that comes before `column` in the schema, or right before
 * the one after it: where a cleared header was, so its data is not left under no name.
 */
function clearedHeaderAt(
  headers: readonly string[],
  columns: readonly ColumnSpec[],
  located: ReadonlyMap<string, number>,
  column: ColumnSpec,
  taken: ReadonlySet<number>,
): number | undefined {
  const k = columns.indexOf(column);
  const blank = (at: number) =>
    at >= 1 && at <= headers.length && headers[at - 1]?.trim() === "" && !taken.has(at);
  const before = columns[k - 1] ? located.get((columns[k - 1] as ColumnSpec).key) : undefined;
  if (before !== undefined && blank(before + 1)) return before + 1;
  const after = columns[k + 1] ? located.get((columns[k + 1] as ColumnSpec).key) : undefined;
  if (after !== undefined && blank(after - 1)) return after - 1;
  return undefined;
}

/**
 * Finds each schema column by header. A header cleared in place is written back over its column; other
 * missing columns are appended after the last used column.
 */
function planHeaders(
  state: TabState,
  snapshot: WorkbookSnapshot,
  requests: Request[],
): { appended: string[]; refilled: string[] } {
  const { spec, created } = state;
  const columns = spec.columns as readonly ColumnSpec[];
  const none = { appended: [], refilled: [] };
  if (columns.length === 0) {
    // A canvas says what it is for; a chart's data tab stays empty until its menu item writes it.
    if (created && spec.layout === "canvas") {
      requests.push(
        updateCells(
          { sheetId: state.sheetId, row: 1, column: 1, rows: 1, columns: 1 },
          [
            [
              {
                userEnteredValue: { stringValue: `${spec.name}: ${spec.purpose}` },
                userEnteredFormat: { textFormat: { bold: true } },
              },
            ],
          ],
          "userEnteredValue,userEnteredFormat.textFormat.bold",
        ),
      );
      state.lastRow = 1;
    }
    return none;
  }
  const headers = created ? [] : headerRow(snapshot.cells, state.readAs);
  const located = locateColumns(headers, columns);
  const refilled: string[] = [];
  const taken = new Set<number>();
  for (const c of columns) {
    if (located.has(c.key)) continue;
    const at = clearedHeaderAt(headers, columns, located, c, taken);
    if (at === undefined) continue;
    requests.push(
      updateCells(
        { sheetId: state.sheetId, row: 1, column: at, rows: 1, columns: 1 },
        [[headerCell(c)]],
        HEADER_FIELDS,
      ),
    );
    located.set(c.key, at);
    taken.add(at);
    refilled.push(`${spec.name} › ${c.header}`);
  }
  const missing = columns.filter((c) => !located.has(c.key));
  const start = headers.length + 1;
  if (missing.length > 0) {
    const needed = start + missing.length - 1;
    if (needed > state.columns) {
      requests.push({
        appendDimension: { sheetId: state.sheetId, dimension: "COLUMNS", length: needed - state.columns },
      });
      state.columns = needed;
    }
    requests.push(
      updateCells(
        { sheetId: state.sheetId, row: 1, column: start, rows: 1, columns: missing.length },
        [missing.map(headerCell)],
        HEADER_FIELDS,
      ),
    );
    missing.forEach((c, i) => {
      located.set(c.key, start + i);
    });
    state.lastRow = Math.max(state.lastRow, 1);
  }
  if (!created) {
    const sheet = snapshot.sheets.find((s) => s.sheetId === state.sheetId) as SheetFacts;
    if (sheet.frozenRows < spec.frozenRows) {
      requests.push({
        updateSheetProperties: {
          properties: { sheetId: state.sheetId, gridProperties: { frozenRowCount: spec.frozenRows } },
          fields: "gridProperties.frozenRowCount",
        },
      });
    }
  }
  // Validation and highlighting need data rows under the header, even on a grid cut down to one row.
  if (state.rows < FIRST_DATA_ROW) {
    requests.push({ appendDimension: { sheetId: state.sheetId, dimension: "ROWS", length: MIN_DATA_ROWS } });
    state.rows += MIN_DATA_ROWS;
    state.grown = true;
  }
  // Adjacent new columns that share a number format get it in one request.
  for (let i = 0; i < missing.length; ) {
    const format = missing[i]?.numberFormat;
    let j = i + 1;
    while (j < missing.length && missing[j]?.numberFormat === format) j += 1;
    if (format) {
      requests.push({
        repeatCell: {
          range: gridRange(dataBlock(state, start + i, j - i)),
          cell: { userEnteredFormat: { numberFormat: { type: numberFormatType(format), pattern: format } } },
          fields: "userEnteredFormat.numberFormat",
        },
      });
    }
    i = j;
  }
  state.columnsByKey = located;
  return { appended: created ? [] : missing.map((c) => `${spec.name} › ${c.header}`), refilled };
}

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/cells#NumberFormatType
function numberFormatType(pattern: string): string {
  // Years and days only appear in date patterns ("m" alone could be minutes or months).
  if (/[yd]/i.test(pattern)) return "DATE";
  if (pattern.includes("%")) return "PERCENT";
  return "NUMBER";
}

/** A fresh workbook's empty "Sheet1" goes once the exchange tabs exist; a used one stays. */
function planDefaultSheetRemoval(
  snapshot: WorkbookSnapshot,
  report: SetUpReport,
  requests: Request[],
  sheetCount: number,
  renamed: ReadonlySet<number>,
): void {
  if (report.createdTabs.length === 0) return;
  let remaining = sheetCount;
  for (const sheet of snapshot.sheets) {
    if (!isDefaultSheetName(sheet.title)) continue;
    // Renamed back to a schema tab in this same plan: not the default sheet any more.
    if (renamed.has(sheet.sheetId)) continue;
    const cells = snapshot.cells.get(sheet.title) ?? [];
    if (cells.length === 0 && remaining > 1) {
      requests.push({ deleteSheet: { sheetId: sheet.sheetId } });
      remaining -= 1;
    }
  }
}

// ---- Form tabs (Charter, Settings) ---------------------------------------------------------------

function planFields(state: TabState, requests: Request[]): string[] {
  const { spec } = state;
  const form = formOf(state);
  if (!form) return [];
  const fields = spec.fields ?? [];
  const missing = fields.filter((f) => !form.rows.has(f.key));
  if (missing.length === 0) return [];
  const help = state.columnsByKey.get("help");
  const start = Math.max(state.lastRow, 1) + 1;
  const last = start + missing.length - 1;
  if (last > state.rows) {
    requests.push({
      appendDimension: { sheetId: state.sheetId, dimension: "ROWS", length: last - state.rows },
    });
    state.rows = last;
    state.grown = true;
  }
  missing.forEach((f, i) => {
    const row = start + i;
    const cells: [number, unknown][] = [
      [form.labelColumn, f.label],
      [form.valueColumn, f.defaultValue ?? ""],
    ];
    if (help !== undefined) cells.push([help, f.help]);
    // Only the schema's cells of each new row are written, so a user column between them is untouched.
    for (const [column, value] of cells) {
      if (value === "") continue;
      requests.push(
        updateCells(
          { sheetId: state.sheetId, row, column, rows: 1, columns: 1 },
          [[{ userEnteredValue: enteredValue(value) }]],
          "userEnteredValue",
        ),
      );
    }
    form.rows.set(f.key, row);
    form.values.set(f.key, f.defaultValue ?? "");
  });
  state.lastRow = last;
  return state.created ? [] : missing.map((f) => `${spec.name} › ${f.label}`);
}

function planWorkbookId(
  states: readonly TabState[],
  id: string,
  report: SetUpReport,
  requests: Request[],
): void {
  const settings = states.find((state) => state.spec.name === "Settings");
  const form = settings ? formOf(settings) : undefined;
  const row = form?.rows.get("workbookId");
  if (!settings || !form || row === undefined || form.values.get("workbookId") === id) return;
  requests.push(
    updateCells(
      { sheetId: settings.sheetId, row, column: form.valueColumn, rows: 1, columns: 1 },
      [[{ userEnteredValue: { stringValue: id } }]],
      "userEnteredValue",
    ),
  );
  form.values.set("workbookId", id);
  if (report.createdTabs.length === 0)
    report.changes.push("Recorded this workbook's id for the clip endpoint.");
}

/** Where formulas find each column and setting once the plan is applied. */
function plannedLayout(states: readonly TabState[]): WorkbookLayout {
  const byName = new Map<string, TabState>(states.map((s) => [s.spec.name, s]));
  const settings = byName.get("Settings");
  const settingsForm = settings ? formOf(settings) : undefined;
  return {
    columnOf: (tab, key) => byName.get(tab)?.columnsByKey.get(key),
    settingRow: (key) => settingsForm?.rows.get(key),
    settingValueColumn: () => settings?.columnsByKey.get("value"),
  };
}

// ---- Derived formulas ----------------------------------------------------------------------------

/** Writes each derived column's formula into every data row where it is missing or out of date. */
function planFormulas(state: TabState, layout: WorkbookLayout, requests: Request[]): string[] {
  const { spec } = state;
  const derived = (spec.columns as readonly ColumnSpec[]).filter((c) => c.formula);
  const last = state.lastRow;
  if (derived.length === 0 || last < FIRST_DATA_ROW) return [];
  const rows = last - FIRST_DATA_ROW + 1;
  const rewritten: string[] = [];
  for (const c of derived) {
    const column = state.columnsByKey.get(c.key) as number;
    const expected = Array.from({ length: rows }, (_, r) => {
      const text = (c.formula as NonNullable<ColumnSpec["formula"]>)(
        formulaContext(layout, spec.name, FIRST_DATA_ROW + r),
      );
      return text.startsWith("=") ? text : `=${text}`;
    });
    const differs = expected.some(
      (formula, r) => state.cells[FIRST_DATA_ROW - 1 + r]?.[column - 1] !== formula,
    );
    if (!differs) continue;
    requests.push(
      updateCells(
        { sheetId: state.sheetId, row: FIRST_DATA_ROW, column, rows, columns: 1 },
        expected.map((formula) => [{ userEnteredValue: { formulaValue: formula } }]),
        "userEnteredValue",
      ),
    );
    rewritten.push(`${spec.name} › ${c.header}`);
  }
  return rewritten;
}

// ---- Words ---------------------------------------------------------------------------------------

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The first few items, then how many more. */
export function list(items: readonly string[], shown = 8): string {
  if (items.length <= shown) return items.join(", ");
  return `${items.slice(0, shown).join(", ")} and ${items.length - shown} more`;
}
