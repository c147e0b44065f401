// Turns a workbook's actual layout (where each header sits, which row holds each setting) into the
// references a formula template asks for. Set-up and the tests build formulas through this one place.
import { columnLetters, sheetRef } from "./formulaParts";
import type { FormulaContext } from "./types";

export interface WorkbookLayout {
  /** 1-based column of `key` on `tab`, as found by its header; undefined when the header is missing. */
  columnOf(tab: string, key: string): number | undefined;
  /** 1-based row of a setting on the Settings tab, found by its label. */
  settingRow(key: string): number | undefined;
  /** 1-based column of the Settings tab's Value column. */
  settingValueColumn(): number | undefined;
}

/** First data row under the header row on every table tab. */
export const FIRST_DATA_ROW = 2;

export class MissingReferenceError extends Error {}

export function formulaContext(layout: WorkbookLayout, tabName: string, row: number): FormulaContext {
  const letters = (tab: string, key: string): string => {
    const index = layout.columnOf(tab, key);
    if (index === undefined) throw new MissingReferenceError(`The ${tab} tab has no column for “${key}”.`);
    return columnLetters(index);
  };
  return {
    row,
    cell: (key, rowOffset = 0) => `${letters(tabName, key)}${row + rowOffset}`,
    column: (key) => `$${letters(tabName, key)}:$${letters(tabName, key)}`,
    runningColumn: (key) => `${letters(tabName, key)}$${FIRST_DATA_ROW}:${letters(tabName, key)}${row}`,
    otherColumn: (tab, key) => `${sheetRef(tab)}!$${letters(tab, key)}:$${letters(tab, key)}`,
    setting: (key) => {
      const settingRow = layout.settingRow(key);
      const valueColumn = layout.settingValueColumn();
      if (settingRow === undefined || valueColumn === undefined) {
        throw new MissingReferenceError(`The Settings tab has no value for “${key}”.`);
      }
      return `${sheetRef("Settings")}!$${columnLetters(valueColumn)}$${settingRow}`;
    },
  };
}

/**
 * The layout of a freshly set-up workbook: every schema column in schema order, every setting in
 * schema order under the header. Pure tests use it; set-up reads the real positions instead.
 */
export function schemaLayout(
  tabs: readonly { name: string; columns: readonly { key: string }[] }[],
  settingKeys: readonly string[],
): WorkbookLayout {
  return {
    columnOf(tab, key) {
      const spec = tabs.find((t) => t.name === tab);
      const index = spec?.columns.findIndex((c) => c.key === key) ?? -1;
      return index < 0 ? undefined : index + 1;
    },
    settingRow(key) {
      const index = settingKeys.indexOf(key);
      return index < 0 ? undefined : FIRST_DATA_ROW + index;
    },
    settingValueColumn: () => 2,
  };
}
