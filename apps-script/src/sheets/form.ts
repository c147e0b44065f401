// Form tabs (Charter, Settings): one labelled value per row, found by its label wherever the row sits.
import { freeTextCell, neutralizeCell } from "../../../shared/clip/injection";
import {
  FIRST_DATA_ROW,
  type FieldSpec,
  type SettingValues,
  settingDefaults,
  tab,
} from "../../../shared/schema";
import { locateColumns, locateFields, readHeaderRow } from "./headers";
import { fail, ok, type Result } from "./result";
import { missingColumnMessage, missingTabMessage, readCell } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type FormTabName = "Charter" | "Settings";

export interface FormTab {
  readonly sheet: Sheet;
  readonly fields: readonly FieldSpec[];
  /** The typed value of each field found ("" when empty; false for an empty checkbox). */
  readonly values: Readonly<Record<string, unknown>>;
  /** The sheet row of each field found by its label. */
  readonly rows: ReadonlyMap<string, number>;
  readonly valueColumn: number;
  readonly labelColumn: number;
  /** Fields whose value is not of the field's type. */
  readonly invalid: readonly string[];
}

/** Reads a form tab: its header row, then the label and value columns in one bounded read. */
export function readForm(spreadsheet: Spreadsheet, name: FormTabName): Result<FormTab> {
  const spec = tab(name);
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) return fail("missing_tab", missingTabMessage(name));
  const located = locateColumns(readHeaderRow(sheet), spec.columns);
  const labelColumn = located.get("label");
  const valueColumn = located.get("value");
  if (labelColumn === undefined)
    return fail("missing_column", missingColumnMessage(name, spec.columns[0].header));
  if (valueColumn === undefined)
    return fail("missing_column", missingColumnMessage(name, spec.columns[1].header));
  const fields = spec.fields ?? [];
  const last = sheet.getLastRow();
  const rows = new Map<string, number>();
  const values: Record<string, unknown> = {};
  const invalid: string[] = [];
  if (last >= FIRST_DATA_ROW) {
    const left = Math.min(labelColumn, valueColumn);
    const width = Math.abs(labelColumn - valueColumn) + 1;
    const block = sheet.getRange(FIRST_DATA_ROW, left, last - FIRST_DATA_ROW + 1, width).getValues();
    const found = locateFields(
      block.map((cells) => cells[labelColumn - left]),
      fields,
      FIRST_DATA_ROW,
    );
    for (const field of fields) {
      const row = found.get(field.key);
      if (row === undefined) continue;
      rows.set(field.key, row);
      const { value, bad } = readCell(
        { key: field.key, header: field.label, type: field.type, note: "" },
        block[row - FIRST_DATA_ROW]?.[valueColumn - left],
      );
      values[field.key] = value;
      if (bad) invalid.push(field.key);
    }
  }
  return ok({ sheet, fields, values, rows, valueColumn, labelColumn, invalid });
}

/**
 * Writes field values into their rows' value cells: one setValues per run of adjacent rows. Fields
 * whose row is missing are reported back (set-up restores them).
 */
export function writeForm(
  form: FormTab,
  values: Readonly<Record<string, unknown>>,
): { written: number; missing: string[] } {
  const entries = Object.entries(values).filter(([key]) => form.fields.some((f) => f.key === key));
  const missing = entries.filter(([key]) => !form.rows.has(key)).map(([key]) => key);
  const cells = entries
    .filter(([key]) => form.rows.has(key))
    .map(([key, value]) => ({
      row: form.rows.get(key) as number,
      value,
      freeText: ["text", "email", "url"].includes(form.fields.find((f) => f.key === key)?.type ?? ""),
    }))
    .sort((a, b) => a.row - b.row);
  let written = 0;
  let run: { row: number; value: unknown; freeText: boolean }[] = [];
  const flush = () => {
    if (run.length === 0) return;
    // Free text stays that text (never a date or number); dropdowns, numbers and dates go in as typed.
    const block = run.map(({ value, freeText }) => [
      typeof value === "string" ? (freeText ? freeTextCell(value) : neutralizeCell(value)) : (value ?? ""),
    ]);
    form.sheet.getRange((run[0] as { row: number }).row, form.valueColumn, run.length, 1).setValues(block);
    written += run.length;
    run = [];
  };
  for (const cell of cells) {
    const previous = run[run.length - 1];
    if (previous && cell.row !== previous.row + 1) flush();
    run.push(cell);
  }
  flush();
  return { written, missing };
}

/** The settings, with defaults where a value is missing or not a number. */
export function readSettings(spreadsheet: Spreadsheet): SettingValues {
  return settingsOf(readForm(spreadsheet, "Settings"));
}

/** The settings of a Settings form already read, with defaults where a value is missing or not a number. */
export function settingsOf(form: Result<FormTab>): SettingValues {
  const values: Record<string, unknown> = { ...settingDefaults };
  if (form.ok) {
    for (const [key, value] of Object.entries(form.value.values)) {
      if (value !== "" && !form.value.invalid.includes(key)) values[key] = value;
    }
  }
  return values as SettingValues;
}
