// Derived columns stay live for rows a coordinator types in: on edit, the edited rows of a schema tab
// get their missing formulas. Costs a fixed number of calls per edit, whatever the tab holds.
import { type ColumnSpec, FIRST_DATA_ROW, formulaContext, isTabName, tab } from "../../../shared/schema";
import { contiguousRuns, locateColumns, readHeaderRow } from "../sheets/headers";
import { liveLayout } from "../sheets/layout";

/** A paste larger than this is left to Set up / repair, which fills every row. */
const MAX_EDITED_ROWS = 2000;

/** Fills empty derived cells in the edited rows that hold any input. Never throws (a simple trigger). */
export function fillDerivedFormulas(event: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  try {
    const range = event?.range;
    if (!range) return;
    const sheet = range.getSheet();
    const name = sheet.getName();
    if (!isTabName(name)) return;
    const spec = tab(name);
    if (spec.layout !== "table") return;
    const columns = spec.columns as readonly ColumnSpec[];
    const derived = columns.filter((c) => c.formula);
    if (derived.length === 0) return;
    const top = Math.max(range.getRow(), FIRST_DATA_ROW);
    const bottom = Math.min(range.getLastRow(), top + MAX_EDITED_ROWS - 1);
    if (bottom < top) return;
    const located = locateColumns(readHeaderRow(sheet), columns);
    const width = Math.max(0, ...located.values());
    if (width === 0) return;
    const rows = bottom - top + 1;
    const block = sheet.getRange(top, 1, rows, width);
    const values = block.getValues();
    const formulas = block.getFormulas();
    const inputs = columns
      .filter((c) => !c.formula && located.has(c.key))
      .map((c) => located.get(c.key) as number);
    const hasInput = values.map((row) => inputs.some((col) => row[col - 1] !== "" && row[col - 1] !== null));
    const layout = liveLayout(sheet.getParent());
    for (const c of derived) {
      const col = located.get(c.key);
      if (col === undefined) continue;
      const needed: number[] = [];
      for (let r = 0; r < rows; r += 1) {
        if (hasInput[r] && formulas[r]?.[col - 1] === "" && values[r]?.[col - 1] === "") needed.push(r);
      }
      for (const [from, to] of contiguousRuns(needed)) {
        const run = Array.from({ length: to - from + 1 }, (_, i) => [
          (c.formula as NonNullable<ColumnSpec["formula"]>)(formulaContext(layout, name, top + from + i)),
        ]);
        sheet.getRange(top + from, col, run.length, 1).setFormulas(run);
      }
    }
  } catch (error) {
    console.error(`Filling formulas after an edit failed: ${String((error as Error)?.message ?? error)}`);
  }
}
