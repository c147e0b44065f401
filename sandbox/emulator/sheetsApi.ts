// The Advanced Sheets service (`Sheets`, Sheets API v4) for the request kinds the add-on sends. Every
// request is applied through the same workbook model the SpreadsheetApp surface uses, so describe() and
// every SpreadsheetApp read see the result. One call is one round trip.
// Reference: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets
import type { EmulatorEnv } from "./env.ts";
import { isDate } from "./env.ts";
import { applyMask, checkMask, parseMask } from "./sheetsApi/fieldMask.ts";
import {
  apiError,
  gridRangeOf,
  InvalidRequest,
  type Json,
  namedRangeId,
  shadowOf,
} from "./sheetsApi/grid.ts";
import { checkRequest, REQUEST_KINDS, type RequestKind, sheetProperties } from "./sheetsApi/requests.ts";
import { conditionalFormatOf, validationRuleOf } from "./sheetsApi/rules.ts";
import { parseA1, type Rect, resolveA1, sheetRectA1 } from "./spreadsheet/a1.ts";
import type { BookModel, SheetModel } from "./spreadsheet/model.ts";
import { Range, readValues } from "./spreadsheet/range.ts";
import type { SpreadsheetStore } from "./spreadsheet/store.ts";

// ---- Reads ---------------------------------------------------------------------------------------

/** Serial day number of a date, as the API returns dates (dateTimeRenderOption SERIAL_NUMBER). */
function serialOf(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

// https://developers.google.com/workspace/sheets/api/guides/concepts#cell: A1 notation, or a sheet's
// name alone for all of its cells.
function rangeIn(book: BookModel, a1: unknown, method: string): { sheet: SheetModel; rect: Rect } {
  if (typeof a1 !== "string") throw apiError(method, "Each range must be an A1 notation string.");
  const parsed = parseA1(a1);
  if (!parsed) {
    const whole = book.sheetByName(a1.replace(/^'(.*)'$/, "$1").replace(/''/g, "'"));
    // The API's wording for a range it cannot place (field report: github.com/burnash/gspread/issues/1601).
    if (!whole) throw apiError(method, `Unable to parse range: ${a1}`);
    return { sheet: whole, rect: { row: 1, col: 1, numRows: whole.maxRows, numCols: whole.maxCols } };
  }
  const sheet = parsed.sheetName === null ? book.sheets[0] : book.sheetByName(parsed.sheetName);
  if (!sheet) throw apiError(method, `Unable to parse range: ${a1}`);
  const rect = resolveA1(parsed, sheet.maxRows, sheet.maxCols);
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols)
    throw apiError(
      method,
      `Range ('${sheet.name}'!${a1}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`,
    );
  return { sheet, rect };
}

/** Cuts trailing empty rows and cells, as the API leaves them out of a ValueRange. */
function trimmed<T>(rows: T[][], empty: (v: T) => boolean): T[][] {
  const out = rows.map((row) => {
    let end = row.length;
    while (end > 0 && empty(row[end - 1] as T)) end -= 1;
    return row.slice(0, end);
  });
  while (out.length > 0 && (out[out.length - 1] as T[]).length === 0) out.pop();
  return out;
}

export class SheetsApi {
  constructor(
    private readonly env: EmulatorEnv,
    private readonly store: SpreadsheetStore,
  ) {}

  private book(id: unknown, method: string): BookModel {
    const book = typeof id === "string" ? this.store.books.get(id) : undefined;
    if (!book) throw apiError(method, "Requested entity was not found.");
    return book;
  }

  /** The global a script sees. */
  get service(): unknown {
    return {
      Spreadsheets: {
        get: (id: string, options?: Json) => this.get(id, options),
        batchUpdate: (resource: Json, id: string) => this.batchUpdate(resource, id),
        Values: { batchGet: (id: string, options?: Json) => this.batchGet(id, options) },
      },
    };
  }

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get
  get(id: string, options: Json = {}): Json {
    this.env.hit("Sheets", "Spreadsheets.get");
    const book = this.book(id, "get");
    const mask = typeof options.fields === "string" ? parseMask(options.fields) : null;
    if (mask) checkMask(mask, options.fields as string);
    const ranges = options.ranges === undefined ? [] : options.ranges;
    if (!Array.isArray(ranges)) throw apiError("get", "ranges must be a list of A1 notations.");
    const wantsData = options.includeGridData === true || (mask?.get("sheets")?.has("data") ?? false);
    const data = new Map<SheetModel, Json[]>();
    for (const a1 of ranges) {
      const { sheet, rect } = rangeIn(book, a1, "get");
      data.set(sheet, [...(data.get(sheet) ?? []), this.gridData(sheet, rect)]);
    }
    const named = [...book.namedRanges.values()];
    const full: Json = {
      spreadsheetId: book.id,
      properties: { title: book.name, locale: book.locale, timeZone: book.timeZone },
      sheets: book.sheets.map((sheet, index) => {
        const out: Json = { properties: sheetProperties(sheet, index) };
        const rules = sheet.conditionalRules.map(conditionalFormatOf);
        if (rules.length > 0) out.conditionalFormats = rules;
        if (wantsData) {
          const grids =
            data.get(sheet) ??
            (ranges.length === 0
              ? [
                  this.gridData(sheet, {
                    row: 1,
                    col: 1,
                    numRows: sheet.lastRow(),
                    numCols: sheet.lastColumn(),
                  }),
                ]
              : []);
          if (grids.length > 0) out.data = grids;
        }
        return out;
      }),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
    };
    if (named.length > 0)
      full.namedRanges = named.map((n) => ({
        namedRangeId: namedRangeId(n.name),
        name: n.name,
        range: gridRangeOf(n.sheet, n.rect),
      }));
    return structuredClone(mask ? (applyMask(full, mask) as Json) : full);
  }

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#GridData
  private gridData(sheet: SheetModel, rect: Rect): Json {
    const rowData: Json[] = [];
    for (let i = 0; i < rect.numRows; i++) {
      const values: Json[] = [];
      for (let j = 0; j < rect.numCols; j++) {
        const r = rect.row - 1 + i;
        const c = rect.col - 1 + j;
        const cell: Json = {};
        const formula = sheet.formulas.get(r, c);
        const value = sheet.values.get(r, c);
        if (formula !== undefined) cell.userEnteredValue = { formulaValue: formula };
        else if (typeof value === "string") cell.userEnteredValue = { stringValue: value };
        else if (typeof value === "number") cell.userEnteredValue = { numberValue: value };
        else if (typeof value === "boolean") cell.userEnteredValue = { boolValue: value };
        else if (isDate(value)) cell.userEnteredValue = { numberValue: serialOf(value) };
        const note = sheet.notes.get(r, c);
        if (note) cell.note = note;
        const rule = sheet.validations.get(r, c);
        const mapped = rule ? validationRuleOf(rule) : null;
        if (mapped) cell.dataValidation = mapped;
        values.push(cell);
      }
      rowData.push({ values });
    }
    return { startRow: rect.row - 1, startColumn: rect.col - 1, rowData };
  }

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchGet
  batchGet(id: string, options: Json = {}): Json {
    this.env.hit("Sheets", "Spreadsheets.Values.batchGet");
    const book = this.book(id, "values.batchGet");
    const ranges = options.ranges;
    if (!Array.isArray(ranges) || ranges.length === 0)
      throw apiError("values.batchGet", "ranges is required: list at least one A1 range.");
    const render = (options.valueRenderOption as string | undefined) ?? "FORMATTED_VALUE";
    if (!["FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"].includes(render))
      throw apiError("values.batchGet", `Invalid value at 'value_render_option' (${render}).`);
    const valueRanges = ranges.map((a1) => {
      const { sheet, rect } = rangeIn(book, a1, "values.batchGet");
      const computed = this.store.ctx.uncounted(() => readValues(sheet, rect));
      const rows = computed.map((line, i) =>
        line.map((value, j) => {
          const r = rect.row - 1 + i;
          const c = rect.col - 1 + j;
          if (render === "FORMULA") {
            const formula = sheet.formulas.get(r, c);
            if (formula !== undefined) return formula;
          }
          if (render === "FORMATTED_VALUE")
            return this.store.ctx.uncounted(() =>
              new Range(this.store.ctx, sheet, {
                row: r + 1,
                col: c + 1,
                numRows: 1,
                numCols: 1,
              }).getDisplayValue(),
            );
          return isDate(value) ? serialOf(value) : value;
        }),
      );
      const values = trimmed<unknown>(rows, (v) => v === "" || v === null || v === undefined);
      const out: Json = { range: sheetRectA1(sheet.name, rect), majorDimension: "ROWS" };
      if (values.length > 0) out.values = values;
      return out;
    });
    return { spreadsheetId: book.id, valueRanges };
  }

  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/batchUpdate:
  // "If any request is not valid, the entire request will fail and nothing will be applied."
  batchUpdate(resource: Json, id: string): Json {
    this.env.hit("Sheets", "Spreadsheets.batchUpdate");
    const book = this.book(id, "batchUpdate");
    const requests = resource?.requests;
    // The API's answer to an empty batch (field report: github.com/googleapis/google-api-nodejs-client/issues/1001).
    if (!Array.isArray(requests) || requests.length === 0)
      throw apiError("batchUpdate", "Must specify at least one request.");
    const shadow = shadowOf(book);
    const applies = requests.map((request, i) => {
      const kinds = request && typeof request === "object" ? Object.keys(request as Json) : [];
      if (kinds.length !== 1)
        throw apiError("batchUpdate", `Invalid requests[${i}]: a request must set exactly one kind.`);
      const kind = kinds[0] as string;
      if (!(REQUEST_KINDS as readonly string[]).includes(kind))
        throw apiError(
          "batchUpdate",
          `Invalid requests[${i}]: unknown or unsupported request kind "${kind}".`,
        );
      try {
        return checkRequest(
          shadow,
          kind as RequestKind,
          ((request as Json)[kind] ?? {}) as Json,
          `requests[${i}].${kind}`,
        );
      } catch (error) {
        if (error instanceof InvalidRequest)
          throw apiError("batchUpdate", `Invalid requests[${i}].${kind}: ${error.message}`);
        throw error;
      }
    });
    const active = book.activeSheet;
    // Handles made inside a request do not count: the batchUpdate is the one round trip.
    const replies = this.store.ctx.uncounted(() => applies.map((apply) => apply(book, this.store.ctx)));
    // Adding a sheet through the API does not change which sheet the person sees.
    book.activeSheet = active;
    return { spreadsheetId: book.id, replies };
  }
}
