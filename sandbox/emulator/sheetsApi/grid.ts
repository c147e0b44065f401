// The Sheets API's shapes around the workbook model: errors as Apps Script throws them, colors, and grid
// ranges checked against the workbook as the batch has changed it so far.
import type { Rect } from "../spreadsheet/a1.ts";
import type { BookModel, SheetModel } from "../spreadsheet/model.ts";

export type Json = Record<string, unknown>;

/**
 * Google's error as an advanced service throws it: `GoogleJsonResponseException: API call to … failed with
 * error: …` (https://developers.google.com/apps-script/guides/services/advanced: advanced services throw
 * the API's error message; the prefix is the one Apps Script shows).
 */
export function apiError(method: string, message: string): Error {
  const error = new Error(`API call to sheets.spreadsheets.${method} failed with error: ${message}`);
  error.name = "GoogleJsonResponseException";
  return error;
}

/** A request that cannot be applied: its index and kind, as the API names them. */
export class InvalidRequest extends Error {}

export function invalid(message: string): never {
  throw new InvalidRequest(message);
}

// ---- Colors --------------------------------------------------------------------------------------

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/other#Color: channels in [0, 1].
export function colorOf(hex: string): Json {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return {};
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h as string, 16) / 255);
  return { red: r, green: g, blue: b };
}

export function hexOf(color: unknown, where: string): string {
  if (!color || typeof color !== "object") invalid(`${where} must be a Color object.`);
  const channel = (name: string): string => {
    const v = (color as Json)[name] ?? 0;
    if (typeof v !== "number" || v < 0 || v > 1) invalid(`${where}.${name} must be a number from 0 to 1.`);
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel("red")}${channel("green")}${channel("blue")}`;
}

// ---- Ranges --------------------------------------------------------------------------------------

/** The workbook as requests see it while they are checked: sheets by id with their grid size. */
export interface Shadow {
  sheets: Map<number, { title: string; rows: number; cols: number; rules: number; hidden: boolean }>;
  names: Map<string, string>;
}

export function shadowOf(book: BookModel): Shadow {
  return {
    sheets: new Map(
      book.sheets.map((s) => [
        s.id,
        {
          title: s.name,
          rows: s.maxRows,
          cols: s.maxCols,
          rules: s.conditionalRules.length,
          hidden: s.hidden,
        },
      ]),
    ),
    names: new Map([...book.namedRanges.values()].map((n) => [namedRangeId(n.name), n.name])),
  };
}

/** Named ranges carry an opaque id in the API; the emulator derives it from the name (stable while named). */
export function namedRangeId(name: string): string {
  let h = 0;
  for (const ch of name.toLowerCase()) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
  return `nr${h.toString(36)}`;
}

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/other#GridRange: 0-based,
// end exclusive; a missing bound means unbounded.
export function gridRect(shadow: Shadow, range: unknown, where: string): { sheetId: number; rect: Rect } {
  if (!range || typeof range !== "object") invalid(`${where} must be a GridRange.`);
  const r = range as Json;
  const sheetId = typeof r.sheetId === "number" ? r.sheetId : 0;
  const sheet = shadow.sheets.get(sheetId);
  if (!sheet) invalid(`No grid with id: ${sheetId}`);
  const bound = (key: string, fallback: number): number => {
    const v = r[key];
    if (v === undefined) return fallback;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
      invalid(`${where}.${key} must be a whole number ≥ 0.`);
    return v;
  };
  const startRow = bound("startRowIndex", 0);
  const endRow = bound("endRowIndex", sheet.rows);
  const startCol = bound("startColumnIndex", 0);
  const endCol = bound("endColumnIndex", sheet.cols);
  if (endRow <= startRow || endCol <= startCol)
    invalid(`${where}: the range is empty (end index not after start).`);
  if (endRow > sheet.rows)
    invalid(
      `${where}: Range ('${sheet.title}'!row ${endRow}) exceeds grid limits. Max rows: ${sheet.rows}, max columns: ${sheet.cols}`,
    );
  if (endCol > sheet.cols)
    invalid(
      `${where}: Range ('${sheet.title}'!column ${endCol}) exceeds grid limits. Max rows: ${sheet.rows}, max columns: ${sheet.cols}`,
    );
  return {
    sheetId,
    rect: { row: startRow + 1, col: startCol + 1, numRows: endRow - startRow, numCols: endCol - startCol },
  };
}

export function gridRangeOf(sheet: SheetModel, rect: Rect): Json {
  return {
    sheetId: sheet.id,
    startRowIndex: rect.row - 1,
    endRowIndex: rect.row - 1 + rect.numRows,
    startColumnIndex: rect.col - 1,
    endColumnIndex: rect.col - 1 + rect.numCols,
  };
}
