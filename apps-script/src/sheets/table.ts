// Header-addressed, batched table access: a tab becomes typed records by header name and back, with one
// getValues for the data region and one setValues per contiguous block. No tracker computes a column
// index by hand, and user-added columns are read (as `extra`) and never overwritten.
import { freeTextCell, neutralizeCell } from "../../../shared/clip/injection";
import {
  type ColumnKey,
  type ColumnSpec,
  FIRST_DATA_ROW,
  formulaContext,
  type RowFor,
  type TabByName,
  type TabName,
  tab,
  type WorkbookLayout,
} from "../../../shared/schema";
import { contiguousRuns, locateColumns, readHeaderRow } from "./headers";
import { liveLayout } from "./layout";
import { fail, ok, REPAIR_HINT, type Result } from "./result";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TableRow<N extends TabName> {
  /** The sheet row (1-based). */
  readonly row: number;
  readonly record: RowFor<N>;
  /** Keys whose cell held something not of the column's type; `record` has "" (or false) there. */
  readonly invalid: readonly ColumnKey<N>[];
  /** The user's own columns (not in the schema), by header text. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** Schema cells exactly as read, by key (a derived cell may hold a note instead of a number). */
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface ReadOptions<N extends TabName> {
  /** Read only the span of these columns (one block from the leftmost to the rightmost). */
  keys?: readonly ColumnKey<N>[];
  /** Read only the last n data rows. */
  lastRows?: number;
  /** Read only the data rows from `from` to `to` (sheet rows, clamped to the data region). */
  span?: { from: number; to: number };
  /** Skip rows whose schema cells are all empty (default true). */
  skipBlank?: boolean;
}

export interface WriteOptions {
  /** Pass strings through the formula-injection guard (default true). */
  neutralize?: boolean;
}

export interface AppendOptions extends WriteOptions {
  /** The tab's last row, when the caller has just read it (saves a round trip). */
  lastRow?: number;
  /** The grid's height as last seen (e.g. cached): trusted while the block fits, re-read when it does not. */
  maxRows?: number;
  /** Blank rows to add beyond the block when the grid must grow, so the next appends need not grow it. */
  headroom?: number;
}

export interface Table<N extends TabName> {
  readonly name: N;
  readonly spec: TabByName<N>;
  readonly sheet: Sheet;
  /** The header row as it is now, user columns included. */
  readonly headers: readonly string[];
  /** 1-based column of a schema key, or undefined when its header is missing. */
  columnOf(key: ColumnKey<N>): number | undefined;
  /** Every schema key found, with its column (for a layout that need not read this tab's headers again). */
  readonly located: ReadonlyMap<string, number>;
  /** The last row holding anything (the header row counts): one call, no data read. */
  lastRow(): number;
  /** Data rows under the header (possibly with blank rows among them). */
  dataRowCount(): number;
  /** Every data row as a typed record: one getValues of the data region. */
  read(options?: ReadOptions<N>): TableRow<N>[];
  /** Writes the given fields of existing rows: one setValues per block of adjacent rows × adjacent columns. */
  update(changes: readonly { row: number; values: Partial<RowFor<N>> }[], options?: WriteOptions): number;
  /** Appends records under the last row in one setValues; derived columns get their formulas. */
  append(
    records: readonly Partial<RowFor<N>>[],
    options?: AppendOptions,
  ): { firstRow: number; count: number; maxRows: number };
}

export interface OpenOptions<N extends TabName> {
  /** Columns the caller needs; default: every schema column. */
  require?: readonly ColumnKey<N>[];
  /** Layout for formulas of appended rows (shared with other tables of one operation). */
  layout?: WorkbookLayout;
  /** Without `layout`: other tabs' columns the caller already located, so formulas need not read them. */
  knownColumns?: readonly (readonly [string, ReadonlyMap<string, number>])[];
  /** The header row, when the caller has just read it: the table locates its columns without reading again. */
  headers?: readonly string[];
  /** The tab, when the caller already holds it (getSheetByName is a round trip). */
  sheet?: Sheet;
}

export function missingTabMessage(name: string): string {
  return `There is no ${name} tab. ${REPAIR_HINT}`;
}

export function missingColumnMessage(name: string, header: string): string {
  return `The ${name} tab has no “${header}” column. ${REPAIR_HINT}`;
}

/** A valid Date, whichever realm made it (Sheets hands back Dates the script's `instanceof` may not know). */
export const isDateValue = (value: unknown): value is Date =>
  Object.prototype.toString.call(value) === "[object Date]" && !Number.isNaN((value as Date).getTime());

/** A cell as the column's type expects it; `bad` when it holds something else. */
export function readCell(spec: ColumnSpec, cell: unknown): { value: unknown; bad: boolean } {
  if (cell === "" || cell === null || cell === undefined)
    return { value: spec.type === "boolean" ? false : "", bad: false };
  switch (spec.type) {
    case "number":
    case "integer":
    case "score1to5": {
      const n =
        typeof cell === "number"
          ? cell
          : typeof cell === "string" && cell.trim() !== ""
            ? Number(cell)
            : Number.NaN;
      return Number.isFinite(n) ? { value: n, bad: false } : { value: "", bad: true };
    }
    case "date":
      return isDateValue(cell) ? { value: cell, bad: false } : { value: "", bad: true };
    case "boolean":
      if (typeof cell === "boolean") return { value: cell, bad: false };
      return {
        value: String(cell).trim().toUpperCase() === "TRUE",
        bad: !/^(true|false)$/i.test(String(cell).trim()),
      };
    default:
      return { value: isDateValue(cell) ? cell.toISOString() : String(cell), bad: false };
  }
}

/** Column types whose cells hold free text: Sheets must not read it as a number, date or formula. */
const FREE_TEXT = new Set(["text", "email", "url"]);

function writeCell(value: unknown, neutralize: boolean, column: ColumnSpec | undefined): unknown {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string" || !neutralize) return value;
  // A dropdown gets its plain list value; other typed columns may take a string as typed input.
  return column && FREE_TEXT.has(column.type) ? freeTextCell(value) : neutralizeCell(value);
}

/** Opens a tab by its schema, locating every column by header. */
export function openTable<N extends TabName>(
  spreadsheet: Spreadsheet,
  name: N,
  options: OpenOptions<N> = {},
): Result<Table<N>> {
  const spec = tab(name);
  const columns = spec.columns as readonly ColumnSpec[];
  const sheet = options.sheet ?? spreadsheet.getSheetByName(name);
  if (!sheet) return fail("missing_tab", missingTabMessage(name));
  const headers = options.headers ? [...options.headers] : readHeaderRow(sheet);
  const located = locateColumns(headers, columns);
  const required = (options.require ?? columns.map((c) => c.key)) as readonly string[];
  for (const key of required) {
    if (!located.has(key)) {
      const header = columns.find((c) => c.key === key)?.header ?? key;
      return fail("missing_column", missingColumnMessage(name, header));
    }
  }
  return ok(makeTable(spreadsheet, sheet, name, headers, located, options));
}

function makeTable<N extends TabName>(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  name: N,
  headers: readonly string[],
  located: Map<string, number>,
  opening: OpenOptions<N>,
): Table<N> {
  const spec = tab(name);
  const columns = spec.columns as readonly ColumnSpec[];
  const width = Math.max(headers.length, ...located.values());
  const schemaColumns = new Set(located.values());
  let layout = opening.layout;

  const lastRow = () => sheet.getLastRow();

  const table: Table<N> = {
    name,
    spec,
    sheet,
    headers,
    columnOf: (key) => located.get(key),
    located,
    lastRow,
    dataRowCount: () => Math.max(0, lastRow() - FIRST_DATA_ROW + 1),

    read(options = {}) {
      const last = Math.min(lastRow(), options.span?.to ?? Number.POSITIVE_INFINITY);
      const firstRow = Math.max(
        FIRST_DATA_ROW,
        options.lastRows !== undefined ? last - options.lastRows + 1 : FIRST_DATA_ROW,
        options.span?.from ?? FIRST_DATA_ROW,
      );
      if (last < firstRow || width < 1) return [];
      const wanted = options.keys
        ? (options.keys as readonly string[])
            .map((k) => located.get(k))
            .filter((c): c is number => c !== undefined)
        : [];
      const left = wanted.length > 0 ? Math.min(...wanted) : 1;
      const right = wanted.length > 0 ? Math.max(...wanted) : width;
      const block = sheet.getRange(firstRow, left, last - firstRow + 1, right - left + 1).getValues();
      const readable = columns.filter((c) => {
        const at = located.get(c.key);
        return (
          at !== undefined &&
          at >= left &&
          at <= right &&
          (!options.keys || (options.keys as readonly string[]).includes(c.key))
        );
      });
      const skipBlank = options.skipBlank ?? true;
      const rows: TableRow<N>[] = [];
      block.forEach((cells, i) => {
        const record: Record<string, unknown> = {};
        const invalid: string[] = [];
        const raw: Record<string, unknown> = {};
        let empty = true;
        for (const c of columns) record[c.key] = c.type === "boolean" ? false : "";
        for (const c of readable) {
          const cell = cells[(located.get(c.key) as number) - left];
          if (cell !== "" && cell !== null && cell !== undefined) empty = false;
          const { value, bad } = readCell(c, cell);
          record[c.key] = value;
          raw[c.key] = cell;
          if (bad) invalid.push(c.key);
        }
        const extra: Record<string, unknown> = {};
        for (let col = left; col <= right; col += 1) {
          if (schemaColumns.has(col)) continue;
          const header = headers[col - 1] ?? "";
          if (header.trim() !== "") extra[header] = cells[col - left];
        }
        if (empty && skipBlank) return;
        rows.push({
          row: firstRow + i,
          record: record as RowFor<N>,
          invalid: invalid as ColumnKey<N>[],
          extra,
          raw,
        });
      });
      return rows;
    },

    update(changes, options = {}) {
      const neutralize = options.neutralize ?? true;
      const writable = new Map(columns.filter((c) => !c.formula).map((c) => [c.key, c]));
      // Group rows that change the same set of columns, then cut into adjacent rows × adjacent columns.
      const groups = new Map<string, { row: number; values: Record<string, unknown> }[]>();
      for (const change of [...changes].sort((a, b) => a.row - b.row)) {
        if (change.row < FIRST_DATA_ROW) throw new Error(`Row ${change.row} is not a data row of ${name}.`);
        // A key given as undefined is "not changed", never "clear".
        const given = change.values as Record<string, unknown>;
        const keys = Object.keys(given).filter(
          (k) => given[k] !== undefined && writable.has(k) && located.has(k),
        );
        if (keys.length === 0) continue;
        const signature = keys
          .map((k) => located.get(k))
          .sort((a, b) => (a as number) - (b as number))
          .join(",");
        const list = groups.get(signature) ?? [];
        list.push({ row: change.row, values: change.values as Record<string, unknown> });
        groups.set(signature, list);
      }
      const keyAt = new Map<number, string>();
      for (const [key, at] of located) keyAt.set(at, key);
      let calls = 0;
      for (const [signature, list] of groups) {
        const cols = signature.split(",").map(Number);
        const rowRuns: { row: number; values: Record<string, unknown> }[][] = [];
        for (const item of list) {
          const run = rowRuns[rowRuns.length - 1];
          const previous = run?.[run.length - 1];
          if (run && previous && item.row === previous.row + 1) run.push(item);
          else if (run && previous && item.row === previous.row) run[run.length - 1] = item;
          else rowRuns.push([item]);
        }
        for (const run of rowRuns) {
          for (const [from, to] of contiguousRuns(cols)) {
            const block = run.map((item) => {
              const cells: unknown[] = [];
              for (let col = from; col <= to; col += 1)
                cells.push(
                  writeCell(
                    item.values[keyAt.get(col) as string],
                    neutralize,
                    writable.get(keyAt.get(col) as string),
                  ),
                );
              return cells;
            });
            sheet.getRange((run[0] as { row: number }).row, from, run.length, to - from + 1).setValues(block);
            calls += 1;
          }
        }
      }
      return calls;
    },

    append(records, options = {}) {
      const neutralize = options.neutralize ?? true;
      const firstRow = Math.max(options.lastRow ?? lastRow(), FIRST_DATA_ROW - 1) + 1;
      if (records.length === 0) return { firstRow, count: 0, maxRows: options.maxRows ?? 0 };
      const derived = columns.filter((c) => c.formula && located.has(c.key));
      // A formula that points at this tab's own columns needs no second read of its header row.
      if (derived.length > 0)
        layout ??= liveLayout(spreadsheet, [[name, located], ...(opening.knownColumns ?? [])]);
      const block = records.map((record, i) => {
        const cells: unknown[] = new Array(width).fill("");
        for (const c of columns) {
          const at = located.get(c.key);
          if (at === undefined) continue;
          if (c.formula)
            cells[at - 1] = c.formula(formulaContext(layout as WorkbookLayout, name, firstRow + i));
          else cells[at - 1] = writeCell((record as Record<string, unknown>)[c.key], neutralize, c);
        }
        return cells;
      });
      const lastNeeded = firstRow + records.length - 1;
      const grow = (): number => {
        const maxRows = sheet.getMaxRows();
        if (lastNeeded <= maxRows) return maxRows;
        const added = lastNeeded - maxRows + (options.headroom ?? 0);
        sheet.insertRowsAfter(maxRows, added);
        return maxRows + added;
      };
      let maxRows = options.maxRows !== undefined && lastNeeded <= options.maxRows ? options.maxRows : grow();
      let target: GoogleAppsScript.Spreadsheet.Range;
      try {
        target = sheet.getRange(firstRow, 1, records.length, width);
      } catch (error) {
        // A remembered height a person has since cut: getRange refuses the block before anything is written
        // ("The coordinates of the range are outside the dimensions of the sheet."), so read it and grow.
        if (options.maxRows === undefined) throw error;
        maxRows = grow();
        target = sheet.getRange(firstRow, 1, records.length, width);
      }
      target.setValues(block);
      return { firstRow, count: records.length, maxRows };
    },
  };
  return table;
}
