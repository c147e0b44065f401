// Finding schema columns by header text (or an earlier alias), and form rows by label, wherever the user
// moved them.
import { normalizeHeader } from "../../../shared/schema";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface HeaderedColumn {
  readonly key: string;
  readonly header: string;
  readonly aliases?: readonly string[];
}

/** The header row as text: one bounded read (row 1, up to the last used column). */
export function readHeaderRow(sheet: Sheet): string[] {
  const width = sheet.getLastColumn();
  if (width < 1) return [];
  const row = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  return row.map((cell) => (cell === null || cell === undefined ? "" : String(cell)));
}

/** 1-based column of each schema key found in `headers`; the first matching header wins. */
export function locateColumns(
  headers: readonly string[],
  columns: readonly HeaderedColumn[],
): Map<string, number> {
  const positions = new Map<string, number>();
  headers.forEach((text, i) => {
    const name = normalizeHeader(text);
    if (name !== "" && !positions.has(name)) positions.set(name, i + 1);
  });
  const byKey = new Map<string, number>();
  for (const column of columns) {
    for (const name of [column.header, ...(column.aliases ?? [])]) {
      const at = positions.get(normalizeHeader(name));
      if (at !== undefined) {
        byKey.set(column.key, at);
        break;
      }
    }
  }
  return byKey;
}

/**
 * Sheet row of each form field found by its label (Charter, Settings), wherever the user moved the row:
 * `labels` is the label column read from `firstRow` down; the first matching label wins.
 */
export function locateFields(
  labels: readonly unknown[],
  fields: readonly { readonly key: string; readonly label: string }[],
  firstRow: number,
): Map<string, number> {
  // A label column is a header row turned on its side: the same matching, offset to sheet rows.
  const found = locateColumns(
    labels.map((label) => normalizeHeader(label)),
    fields.map((field) => ({ key: field.key, header: field.label })),
  );
  return new Map([...found].map(([key, at]) => [key, firstRow + at - 1]));
}

/** Runs of consecutive 1-based column numbers: [3,4,5,9] → [[3,5],[9,9]]. */
export function contiguousRuns(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}
