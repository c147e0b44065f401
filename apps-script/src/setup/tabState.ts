// What set-up knows of each exchange tab while it plans: its grid after the plan's changes, its cells as
// read, where its columns and form fields are. Shared by the plan's parts; nothing here calls a service.
import { type AnyTab, FIRST_DATA_ROW } from "../../../shared/schema";
import { locateFields } from "../sheets/headers";
import type { Block } from "./requests";

export interface FormState {
  labelColumn: number;
  valueColumn: number;
  rows: Map<string, number>;
  values: Map<string, unknown>;
}

export interface TabState {
  spec: AnyTab;
  sheetId: number;
  created: boolean;
  /** The grid after the plan's changes. */
  rows: number;
  columns: number;
  /** Rows were added under the last one: the grid's last row holds no rule yet. */
  grown: boolean;
  /** The title the tab's cells and rules were read under. */
  readAs: string;
  cells: unknown[][];
  /** Last row holding anything once headers and fields are written. */
  lastRow: number;
  columnsByKey: Map<string, number>;
  form?: FormState;
}

/** Data rows of `width` columns from `column`: from the first data row to the bottom of the grid. */
export function dataBlock(state: TabState, column: number, width = 1): Block {
  return {
    sheetId: state.sheetId,
    row: FIRST_DATA_ROW,
    column,
    rows: Math.max(1, state.rows - FIRST_DATA_ROW + 1),
    columns: width,
  };
}

/** The form as it stands once its header row is repaired: label and value columns, each field's row. */
export function formOf(state: TabState): FormState | undefined {
  if (state.form) return state.form;
  const labelColumn = state.columnsByKey.get("label");
  const valueColumn = state.columnsByKey.get("value");
  if (labelColumn === undefined || valueColumn === undefined) return undefined;
  const fields = state.spec.fields ?? [];
  const data = state.cells.slice(FIRST_DATA_ROW - 1);
  const rows = locateFields(
    data.map((line) => line[labelColumn - 1] ?? ""),
    fields,
    FIRST_DATA_ROW,
  );
  const values = new Map<string, unknown>();
  for (const [key, row] of rows) values.set(key, state.cells[row - 1]?.[valueColumn - 1] ?? "");
  state.form = { labelColumn, valueColumn, rows, values };
  return state.form;
}
