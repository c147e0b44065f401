// The workbook's real layout for formula templates: where each tab's headers sit and which Settings
// row holds each setting. Read lazily, once per tab, so a formula costs no per-row service calls.
import { FIRST_DATA_ROW, isTabName, settingFields, tab, type WorkbookLayout } from "../../../shared/schema";
import { locateColumns, locateFields, readHeaderRow } from "./headers";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LiveLayout extends WorkbookLayout {
  /** Forget what was read about a tab (after set-up changed its headers or rows). */
  forget(tabName: string): void;
}

/** `known`: tabs whose columns the caller already located (set-up), so they are not read again. */
export function liveLayout(
  spreadsheet: Spreadsheet,
  known: Iterable<readonly [string, ReadonlyMap<string, number>]> = [],
): LiveLayout {
  const columns = new Map<string, ReadonlyMap<string, number>>(known);
  let settings: { rows: Map<string, number>; valueColumn: number | undefined } | undefined;

  const columnsOf = (tabName: string): ReadonlyMap<string, number> => {
    let found = columns.get(tabName);
    if (!found) {
      const sheet = spreadsheet.getSheetByName(tabName);
      found =
        sheet && isTabName(tabName) ? locateColumns(readHeaderRow(sheet), tab(tabName).columns) : new Map();
      columns.set(tabName, found);
    }
    return found;
  };

  const readSettings = () => {
    if (settings) return settings;
    const spec = tab("Settings");
    const located = columnsOf("Settings");
    const labelColumn = located.get("label");
    const valueColumn = located.get("value");
    let rows = new Map<string, number>();
    const sheet = spreadsheet.getSheetByName("Settings");
    const last = sheet?.getLastRow() ?? 0;
    if (sheet && labelColumn !== undefined && last >= FIRST_DATA_ROW) {
      const labels = sheet.getRange(FIRST_DATA_ROW, labelColumn, last - FIRST_DATA_ROW + 1, 1).getValues();
      rows = locateFields(
        labels.map(([label]) => label),
        spec.fields ?? settingFields,
        FIRST_DATA_ROW,
      );
    }
    settings = { rows, valueColumn };
    return settings;
  };

  return {
    columnOf: (tabName, key) => columnsOf(tabName).get(key),
    settingRow: (key) => readSettings().rows.get(key),
    settingValueColumn: () => readSettings().valueColumn,
    forget(tabName) {
      columns.delete(tabName);
      if (tabName === "Settings") settings = undefined;
    },
  };
}
