// Sheets API v4 request objects set-up sends in its one batchUpdate, and the reading of the rules the API
// returns. Pure: no service calls.
// Reference: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request
import { columnLetters } from "../../../shared/schema";

export type Request = Record<string, unknown>;

/** A block of a sheet, 1-based and inclusive like Apps Script ranges. */
export interface Block {
  sheetId: number;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/other#GridRange: 0-based, end exclusive.
export function gridRange(block: Block): Record<string, number> {
  return {
    sheetId: block.sheetId,
    startRowIndex: block.row - 1,
    endRowIndex: block.row - 1 + block.rows,
    startColumnIndex: block.column - 1,
    endColumnIndex: block.column - 1 + block.columns,
  };
}

/** "'Tab'!B2:D2": a sheet name quoted for A1 notation, its quotes doubled. */
export function a1(title: string, row: number, column: number, lastRow = row, lastColumn = column): string {
  return `${quoted(title)}!${columnLetters(column)}${row}:${columnLetters(lastColumn)}${lastRow}`;
}

export function quoted(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/other#Color: channels in [0, 1].
export function color(hex: string): Record<string, number> {
  const value = (at: number) => parseInt(hex.slice(at, at + 2), 16) / 255;
  return { red: value(1), green: value(3), blue: value(5) };
}

export function hexOf(value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  const channel = (name: string) => {
    const v = (value as Record<string, unknown>)[name];
    return Math.round((typeof v === "number" ? v : 0) * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel("red")}${channel("green")}${channel("blue")}`;
}

/** A cell's entered value: text stays text, numbers and booleans keep their type, "=…" is a formula. */
export function enteredValue(value: unknown): Record<string, unknown> {
  if (typeof value === "number") return { numberValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  const text = String(value ?? "");
  return text.startsWith("=") ? { formulaValue: text } : { stringValue: text };
}

/** One cell written with `fields`; `cells` is one row of CellData. */
export function updateCells(block: Block, rows: Record<string, unknown>[][], fields: string): Request {
  return {
    updateCells: {
      range: gridRange(block),
      rows: rows.map((values) => ({ values })),
      fields,
    },
  };
}

/** A validation rule as set-up compares it: the help text aside, as Range.getDataValidation did. */
export interface RuleShape {
  type: string;
  values: string[];
  strict: boolean;
  showCustomUi: boolean;
}

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/other#DataValidationRule
export function ruleShape(rule: unknown): RuleShape | null {
  if (!rule || typeof rule !== "object") return null;
  const r = rule as { condition?: { type?: string; values?: { userEnteredValue?: string }[] } } & Record<
    string,
    unknown
  >;
  if (!r.condition?.type) return null;
  return {
    type: r.condition.type,
    values: (r.condition.values ?? []).map((v) => String(v.userEnteredValue ?? "")),
    strict: r.strict === true,
    showCustomUi: r.showCustomUi === true,
  };
}

export function sameShape(a: RuleShape | null | undefined, b: RuleShape): boolean {
  return (
    !!a &&
    a.type === b.type &&
    a.strict === b.strict &&
    a.showCustomUi === b.showCustomUi &&
    JSON.stringify(a.values) === JSON.stringify(b.values)
  );
}

export function validationRule(shape: RuleShape, help: string): Record<string, unknown> {
  const rule: Record<string, unknown> = {
    condition: {
      type: shape.type,
      ...(shape.values.length > 0 ? { values: shape.values.map((v) => ({ userEnteredValue: v })) } : {}),
    },
    inputMessage: help,
    strict: shape.strict,
  };
  if (shape.showCustomUi) rule.showCustomUi = true;
  return rule;
}
