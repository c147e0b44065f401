// Derived columns stay live for rows a coordinator types in or a menu item writes: the given rows of a
// schema tab get their missing formulas. Costs a fixed number of calls per block of rows, whatever the tab holds.
import {
  type ColumnSpec,
  FIRST_DATA_ROW,
  formulaContext,
  isTabName,
  MissingReferenceError,
  tab,
} from "../../../shared/schema";
import { contiguousRuns, locateColumns, readHeaderRow } from "./headers";
import { liveLayout } from "./layout";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a caller that opened the tab already knows, so it is not read again. */
interface KnownTab {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  name: string;
  /** Schema key → column, as located from the header row. */
  columns: ReadonlyMap<string, number>;
}

/** A paste larger than this is left to Set up / repair, which fills every row. */
const MAX_EDITED_ROWS = 2000;

/**
 * Fills the empty derived cells of rows `top`..`bottom` (1-based, inclusive) that hold any input, on a
 * schema table tab; any other tab is left alone. One bounded read of those rows, then one setFormulas per
 * run of adjacent rows per derived column. A column whose formula refers to a missing column or setting
 * is skipped (Set up / repair restores both). Returns how many cells got a formula.
 */
export function fillDerivedRows(sheet: Sheet, top: number, bottom: number, known?: KnownTab): number {
  const name = known ? known.name : sheet.getName();
  if (!isTabName(name)) return 0;
  const spec = tab(name);
  if (spec.layout !== "table") return 0;
  const columns = spec.columns as readonly ColumnSpec[];
  const derived = columns.filter((c) => c.formula);
  const first = Math.max(top, FIRST_DATA_ROW);
  if (derived.length === 0 || bottom < first) return 0;
  const located = known ? known.columns : locateColumns(readHeaderRow(sheet), columns);
  const width = Math.max(0, ...located.values());
  if (width === 0) return 0;
  const rows = bottom - first + 1;
  const block = sheet.getRange(first, 1, rows, width);
  const values = block.getValues();
  const formulas = block.getFormulas();
  const inputs = columns
    .filter((c) => !c.formula && located.has(c.key))
    .map((c) => located.get(c.key) as number);
  const hasInput = values.map((row) => inputs.some((col) => row[col - 1] !== "" && row[col - 1] !== null));
  const layout = known
    ? liveLayout(known.spreadsheet, [[name, known.columns]])
    : liveLayout(sheet.getParent());
  let filled = 0;
  for (const c of derived) {
    const col = located.get(c.key);
    if (col === undefined) continue;
    const needed: number[] = [];
    for (let r = 0; r < rows; r += 1) {
      if (hasInput[r] && formulas[r]?.[col - 1] === "" && values[r]?.[col - 1] === "") needed.push(r);
    }
    try {
      for (const [from, to] of contiguousRuns(needed)) {
        const run = Array.from({ length: to - from + 1 }, (_, i) => [
          (c.formula as NonNullable<ColumnSpec["formula"]>)(formulaContext(layout, name, first + from + i)),
        ]);
        sheet.getRange(first + from, col, run.length, 1).setFormulas(run);
        filled += run.length;
      }
    } catch (error) {
      if (!(error instanceof MissingReferenceError)) throw error;
    }
  }
  return filled;
}

/** The edit trigger: fills the edited rows (a large paste is capped). Never throws (a simple trigger). */
export function fillDerivedFormulas(event: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  try {
    const range = event?.range;
    if (!range) return;
    const top = Math.max(range.getRow(), FIRST_DATA_ROW);
    fillDerivedRows(range.getSheet(), top, Math.min(range.getLastRow(), top + MAX_EDITED_ROWS - 1));
  } catch (error) {
    console.error(`Filling formulas after an edit failed: ${String((error as Error)?.message ?? error)}`);
  }
}
