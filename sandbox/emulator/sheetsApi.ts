// The Advanced Sheets service (`Sheets`, Sheets API v4) for the request kinds the add-on sends. Every
// request is applied through the same workbook model the SpreadsheetApp surface uses, so describe() and
// every SpreadsheetApp read see the result. One call is one round trip.
// Reference: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets
import type { EmulatorEnv } from "./env.ts";
import { isDate } from "./env.ts";
import { parseA1, type Rect, resolveA1, sheetRectA1 } from "./spreadsheet/a1.ts";
import type { ServiceContext } from "./spreadsheet/context.ts";
import type { BookModel, ConditionalRuleModel, SheetModel, ValidationModel } from "./spreadsheet/model.ts";
import { Range, readValues } from "./spreadsheet/range.ts";
import { Sheet } from "./spreadsheet/sheet.ts";
import { Spreadsheet } from "./spreadsheet/spreadsheet.ts";
import type { SpreadsheetStore } from "./spreadsheet/store.ts";

type Json = Record<string, unknown>;

/** Google's error as an advanced service throws it: `GoogleJsonResponseException: API call to … failed with error: …`. */
function apiError(method: string, message: string): Error {
  const error = new Error(`API call to sheets.spreadsheets.${method} failed with error: ${message}`);
  error.name = "GoogleJsonResponseException";
  return error;
}

/** A request that cannot be applied: its index and kind, as the API names them. */
class InvalidRequest extends Error {}

function invalid(message: string): never {
  throw new InvalidRequest(message);
}

// ---- Colors --------------------------------------------------------------------------------------

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/other#Color: channels in [0, 1].
function colorOf(hex: string): Json {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return {};
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h as string, 16) / 255);
  return { red: r, green: g, blue: b };
}

function hexOf(color: unknown, where: string): string {
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
interface Shadow {
  sheets: Map<number, { title: string; rows: number; cols: number; rules: number; hidden: boolean }>;
  names: Map<string, string>;
}

function shadowOf(book: BookModel): Shadow {
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
function gridRect(shadow: Shadow, range: unknown, where: string): { sheetId: number; rect: Rect } {
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

function gridRangeOf(sheet: SheetModel, rect: Rect): Json {
  return {
    sheetId: sheet.id,
    startRowIndex: rect.row - 1,
    endRowIndex: rect.row - 1 + rect.numRows,
    startColumnIndex: rect.col - 1,
    endColumnIndex: rect.col - 1 + rect.numCols,
  };
}

// ---- Cells ---------------------------------------------------------------------------------------

/** Which parts of a CellData an updateCells / repeatCell writes: its `fields` mask. */
const CELL_FIELDS = new Set([
  "userEnteredValue",
  "note",
  "userEnteredFormat",
  "userEnteredFormat.textFormat",
  "userEnteredFormat.textFormat.bold",
  "userEnteredFormat.textFormat.foregroundColor",
  "userEnteredFormat.backgroundColor",
  "userEnteredFormat.numberFormat",
  "dataValidation",
]);

function cellFields(fields: unknown, where: string): string[] {
  if (typeof fields !== "string" || fields.trim() === "")
    invalid(`${where}.fields is required: list the CellData fields to write, e.g. "userEnteredValue,note".`);
  const list = fields.split(",").map((f) => f.trim());
  for (const f of list)
    if (!CELL_FIELDS.has(f))
      invalid(`${where}.fields: "${f}" is not a CellData field this workbook supports.`);
  return list;
}

interface CellWrite {
  value?: { kind: "string" | "number" | "bool" | "formula" | "clear"; value: unknown };
  note?: string;
  bold?: boolean | null;
  fontColor?: string | null;
  background?: string | null;
  numberFormat?: string | null;
  validation?: ValidationModel | null;
}

function cellWrite(cell: unknown, fields: readonly string[], where: string): CellWrite {
  const data = (cell && typeof cell === "object" ? cell : {}) as Json;
  const has = (f: string) => fields.some((x) => x === f || f.startsWith(`${x}.`));
  const out: CellWrite = {};
  if (has("userEnteredValue")) {
    const v = data.userEnteredValue as Json | undefined;
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/other#ExtendedValue: exactly one kind.
    const kinds = v ? Object.keys(v) : [];
    if (kinds.length > 1) invalid(`${where}.userEnteredValue holds more than one kind of value.`);
    const kind = kinds[0];
    if (!v || kind === undefined) out.value = { kind: "clear", value: undefined };
    else if (kind === "stringValue" && typeof v.stringValue === "string")
      out.value = { kind: "string", value: v.stringValue };
    else if (kind === "numberValue" && typeof v.numberValue === "number")
      out.value = { kind: "number", value: v.numberValue };
    else if (kind === "boolValue" && typeof v.boolValue === "boolean")
      out.value = { kind: "bool", value: v.boolValue };
    else if (kind === "formulaValue" && typeof v.formulaValue === "string" && v.formulaValue.startsWith("="))
      out.value = { kind: "formula", value: v.formulaValue };
    else invalid(`${where}.userEnteredValue.${kind} is not a valid value.`);
  }
  if (has("note")) {
    if (data.note !== undefined && typeof data.note !== "string") invalid(`${where}.note must be text.`);
    out.note = (data.note as string | undefined) ?? "";
  }
  const format = (data.userEnteredFormat ?? {}) as Json;
  const text = (format.textFormat ?? {}) as Json;
  if (has("userEnteredFormat.textFormat.bold")) {
    if (text.bold !== undefined && typeof text.bold !== "boolean")
      invalid(`${where}.userEnteredFormat.textFormat.bold must be true or false.`);
    out.bold = (text.bold as boolean | undefined) ?? null;
  }
  if (has("userEnteredFormat.textFormat.foregroundColor"))
    out.fontColor = text.foregroundColor
      ? hexOf(text.foregroundColor, `${where}.userEnteredFormat.textFormat.foregroundColor`)
      : null;
  if (has("userEnteredFormat.backgroundColor"))
    out.background = format.backgroundColor
      ? hexOf(format.backgroundColor, `${where}.userEnteredFormat.backgroundColor`)
      : null;
  if (has("userEnteredFormat.numberFormat")) {
    const nf = format.numberFormat as Json | undefined;
    if (nf && typeof nf.pattern !== "string")
      invalid(`${where}.userEnteredFormat.numberFormat.pattern must be text.`);
    out.numberFormat = nf ? (nf.pattern as string) : null;
  }
  if (has("dataValidation"))
    out.validation = data.dataValidation
      ? validationOf(data.dataValidation, `${where}.dataValidation`)
      : null;
  return out;
}

/** Writes one cell's value into the model; the formula engine is told once per request (endWrites). */
function writeValue(sheet: SheetModel, r: number, c: number, write: CellWrite): boolean {
  if (!write.value) return false;
  const { kind, value } = write.value;
  if (kind === "formula") {
    sheet.values.delete(r, c);
    sheet.formulas.set(r, c, value as string);
    return true;
  }
  if (sheet.formulas.size > 0) sheet.formulas.delete(r, c);
  // A stringValue is text as is: never parsed as a number, date or formula.
  sheet.values.set(r, c, kind === "clear" || value === "" ? undefined : (value as string | number | boolean));
  return false;
}

/** After a request's value writes: recompute what depends on them, as Range.setValues does. */
function endWrites(sheet: SheetModel, rect: Rect, sawFormula: boolean): void {
  const engine = sheet.book.engine;
  if (engine.active) engine.write(sheet, rect.row - 1, rect.col - 1, rect.numRows, rect.numCols);
  else if (sawFormula) engine.start();
}

/** Applies one cell's write; true when it wrote a formula. */
function applyCell(sheet: SheetModel, row: number, col: number, write: CellWrite): boolean {
  const r = row - 1;
  const c = col - 1;
  const sawFormula = writeValue(sheet, r, c, write);
  if (write.note !== undefined) sheet.notes.set(r, c, write.note || undefined);
  const formatKeys: [keyof CellWrite, "fontWeight" | "fontColor" | "background"][] = [
    ["bold", "fontWeight"],
    ["fontColor", "fontColor"],
    ["background", "background"],
  ];
  for (const [from, to] of formatKeys) {
    if (write[from] === undefined) continue;
    const raw = write[from];
    const value =
      from === "bold" ? (raw ? "bold" : raw === false ? "normal" : undefined) : (raw ?? undefined);
    const next = { ...(sheet.formats.get(r, c) ?? {}), [to]: value };
    if (value === undefined) delete next[to];
    sheet.formats.set(r, c, Object.keys(next).length > 0 ? next : undefined);
  }
  if (write.numberFormat !== undefined) sheet.numberFormats.set(r, c, write.numberFormat || undefined);
  if (write.validation !== undefined) sheet.validations.set(r, c, write.validation ?? undefined);
  return sawFormula;
}

// ---- Data validation -----------------------------------------------------------------------------

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/other#ConditionType, mapped to the
// SpreadsheetApp criteria the same rule shows there.
const CONDITION_TO_CRITERIA: Record<string, string> = {
  ONE_OF_LIST: "VALUE_IN_LIST",
  BOOLEAN: "CHECKBOX",
  DATE_IS_VALID: "DATE_IS_VALID_DATE",
  TEXT_IS_EMAIL: "TEXT_IS_VALID_EMAIL",
  TEXT_IS_URL: "TEXT_IS_VALID_URL",
  NUMBER_BETWEEN: "NUMBER_BETWEEN",
  NUMBER_GREATER_THAN_EQ: "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  NUMBER_LESS_THAN_EQ: "NUMBER_LESS_THAN_OR_EQUAL_TO",
};
const CRITERIA_TO_CONDITION = Object.fromEntries(
  Object.entries(CONDITION_TO_CRITERIA).map(([a, b]) => [b, a]),
);
const NUMBER_ARITY: Record<string, number> = {
  NUMBER_BETWEEN: 2,
  NUMBER_GREATER_THAN_EQ: 1,
  NUMBER_LESS_THAN_EQ: 1,
};

function conditionValues(condition: Json, where: string): string[] {
  const values = condition.values ?? [];
  if (!Array.isArray(values)) invalid(`${where}.values must be a list of ConditionValue.`);
  return values.map((v, i) => {
    const text = (v as Json | null)?.userEnteredValue;
    if (typeof text !== "string") invalid(`${where}.values[${i}].userEnteredValue must be text.`);
    return text;
  });
}

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/other#DataValidationRule
function validationOf(rule: unknown, where: string): ValidationModel {
  const r = (rule ?? {}) as Json;
  const condition = r.condition as Json | undefined;
  if (!condition || typeof condition.type !== "string") invalid(`${where}.condition.type is required.`);
  const type = condition.type;
  const criteria = CONDITION_TO_CRITERIA[type];
  if (!criteria) invalid(`${where}: the condition type ${type} is not supported for data validation here.`);
  const texts = conditionValues(condition, `${where}.condition`);
  let values: unknown[] = [];
  if (type === "ONE_OF_LIST") {
    if (texts.length === 0) invalid(`${where}: ONE_OF_LIST needs at least one value.`);
    values = [texts, r.showCustomUi === true];
  } else if (type in NUMBER_ARITY) {
    if (texts.length !== NUMBER_ARITY[type])
      invalid(`${where}: ${type} needs ${NUMBER_ARITY[type]} value${NUMBER_ARITY[type] === 1 ? "" : "s"}.`);
    values = texts.map((t) => {
      const n = Number(t);
      if (t.trim() === "" || !Number.isFinite(n)) invalid(`${where}: "${t}" is not a number.`);
      return n;
    });
  } else if (texts.length > 0) {
    invalid(`${where}: ${type} takes no values.`);
  }
  if (r.inputMessage !== undefined && typeof r.inputMessage !== "string")
    invalid(`${where}.inputMessage must be text.`);
  return {
    criteria,
    values,
    allowInvalid: r.strict !== true,
    helpText: (r.inputMessage as string | undefined) ?? "",
  };
}

function validationRuleOf(model: ValidationModel): Json | null {
  const type = CRITERIA_TO_CONDITION[model.criteria];
  if (!type) return null;
  const rule: Json = { condition: { type } };
  if (type === "ONE_OF_LIST") {
    const [list, show] = model.values as [unknown[], boolean];
    (rule.condition as Json).values = list.map((v) => ({ userEnteredValue: String(v) }));
    if (show) rule.showCustomUi = true;
  } else if (model.values.length > 0) {
    (rule.condition as Json).values = model.values.map((v) => ({ userEnteredValue: String(v) }));
  }
  if (model.helpText) rule.inputMessage = model.helpText;
  if (!model.allowInvalid) rule.strict = true;
  return rule;
}

// ---- Conditional formats -------------------------------------------------------------------------

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#BooleanRule
const BOOLEAN_TO_CRITERIA: Record<string, string> = {
  TEXT_EQ: "TEXT_EQUAL_TO",
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
};
const CRITERIA_TO_BOOLEAN = Object.fromEntries(Object.entries(BOOLEAN_TO_CRITERIA).map(([a, b]) => [b, a]));

function conditionalRuleOf(
  shadow: Shadow,
  rule: unknown,
  where: string,
): { sheetIds: number[]; build: (book: BookModel) => ConditionalRuleModel } {
  const r = (rule ?? {}) as Json;
  const ranges = r.ranges;
  if (!Array.isArray(ranges) || ranges.length === 0) invalid(`${where}.ranges needs at least one GridRange.`);
  const rects = ranges.map((g, i) => gridRect(shadow, g, `${where}.ranges[${i}]`));
  const sheetIds = [...new Set(rects.map((x) => x.sheetId))];
  if (sheetIds.length > 1) invalid(`${where}: all ranges of a rule must be on one sheet.`);
  const booleanRule = r.booleanRule as Json | undefined;
  if (!booleanRule) invalid(`${where}.booleanRule is required (gradient rules are not supported here).`);
  const condition = booleanRule.condition as Json | undefined;
  const criteria =
    condition && typeof condition.type === "string" ? BOOLEAN_TO_CRITERIA[condition.type] : undefined;
  if (!condition || !criteria)
    invalid(`${where}.booleanRule.condition.type must be TEXT_EQ or CUSTOM_FORMULA.`);
  const texts = conditionValues(condition, `${where}.booleanRule.condition`);
  if (texts.length !== 1) invalid(`${where}: ${String(condition.type)} needs exactly one value.`);
  if (criteria === "CUSTOM_FORMULA" && !texts[0]?.startsWith("="))
    invalid(`${where}: a CUSTOM_FORMULA value must start with "=".`);
  const format = (booleanRule.format ?? {}) as Json;
  const background = format.backgroundColor
    ? hexOf(format.backgroundColor, `${where}.booleanRule.format.backgroundColor`)
    : null;
  const text = (format.textFormat ?? {}) as Json;
  const fontColor = text.foregroundColor
    ? hexOf(text.foregroundColor, `${where}.booleanRule.format.textFormat.foregroundColor`)
    : null;
  return {
    sheetIds,
    build: (book) => ({
      ranges: rects.map((x) => ({ sheet: book.sheetById(x.sheetId) as SheetModel, rect: x.rect })),
      condition: {
        criteria,
        values: [texts[0]],
        ...(background !== null ? { background } : {}),
        ...(fontColor !== null ? { fontColor } : {}),
      },
      gradient: null,
    }),
  };
}

/**
 * Every rule of a sheet, in order (requests address rules by index). Criteria set-up does not send keep
 * their SpreadsheetApp name as the condition type; gradient rules are listed with their ranges only.
 */
function conditionalFormatOf(rule: ConditionalRuleModel): Json {
  const ranges = rule.ranges.map((r) => gridRangeOf(r.sheet, r.rect));
  const condition = rule.condition;
  if (!condition) return { ranges, gradientRule: {} };
  const type = CRITERIA_TO_BOOLEAN[condition.criteria] ?? condition.criteria;
  const format: Json = {};
  if (condition.background) format.backgroundColor = colorOf(condition.background);
  if (condition.fontColor) format.textFormat = { foregroundColor: colorOf(condition.fontColor) };
  return {
    ranges,
    booleanRule: {
      condition: { type, values: condition.values.map((v) => ({ userEnteredValue: String(v) })) },
      format,
    },
  };
}

// ---- Requests ------------------------------------------------------------------------------------

/** A checked request: how to apply it and its reply. */
type Apply = (book: BookModel, ctx: ServiceContext) => Json;

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request
const REQUEST_KINDS = [
  "addSheet",
  "deleteSheet",
  "updateSheetProperties",
  "appendDimension",
  "updateCells",
  "repeatCell",
  "setDataValidation",
  "addConditionalFormatRule",
  "updateConditionalFormatRule",
  "deleteConditionalFormatRule",
  "addNamedRange",
  "updateNamedRange",
  "deleteNamedRange",
] as const;
type RequestKind = (typeof REQUEST_KINDS)[number];

function sheetIdOf(shadow: Shadow, value: unknown): number {
  const id = typeof value === "number" ? value : 0;
  if (!shadow.sheets.has(id)) invalid(`No grid with id: ${id}`);
  return id;
}

function checkTitle(shadow: Shadow, title: unknown, except?: number): string {
  if (typeof title !== "string" || title.trim() === "") invalid("A sheet needs a title.");
  for (const [id, s] of shadow.sheets)
    if (id !== except && s.title.toLowerCase() === title.toLowerCase())
      invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
  return title;
}

function checkRequest(shadow: Shadow, kind: RequestKind, body: Json, where: string): Apply {
  switch (kind) {
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#AddSheetRequest
    case "addSheet": {
      const p = (body.properties ?? {}) as Json;
      const title = checkTitle(shadow, p.title);
      let id = p.sheetId;
      if (id === undefined) id = Math.max(0, ...shadow.sheets.keys()) + 1;
      if (typeof id !== "number" || !Number.isInteger(id) || id < 0)
        invalid(`${where}.properties.sheetId must be a whole number ≥ 0.`);
      if (shadow.sheets.has(id)) invalid(`A sheet with id ${id} already exists.`);
      const grid = (p.gridProperties ?? {}) as Json;
      const rows = (grid.rowCount as number | undefined) ?? 1000;
      const cols = (grid.columnCount as number | undefined) ?? 26;
      const frozen = (grid.frozenRowCount as number | undefined) ?? 0;
      if (![rows, cols].every((n) => Number.isInteger(n) && n >= 1))
        invalid(`${where}.properties.gridProperties: row and column counts must be whole numbers ≥ 1.`);
      if (!Number.isInteger(frozen) || frozen < 0 || frozen > rows)
        invalid(`${where}.properties.gridProperties.frozenRowCount is out of bounds.`);
      const count = shadow.sheets.size;
      const index = p.index === undefined ? count : (p.index as number);
      if (!Number.isInteger(index) || index < 0 || index > count)
        invalid(`${where}.properties.index must be from 0 to ${count}.`);
      const hidden = p.hidden === true;
      shadow.sheets.set(id, { title, rows, cols, rules: 0, hidden });
      if ([...shadow.sheets.values()].every((s) => s.hidden))
        invalid("You can't hide all the sheets in a document.");
      const sheetId = id;
      return (book) => {
        const sheet = book.addSheet(title, index, sheetId);
        sheet.maxRows = rows;
        sheet.maxCols = cols;
        sheet.frozenRows = frozen;
        sheet.hidden = hidden;
        return { addSheet: { properties: sheetProperties(sheet, book.sheets.indexOf(sheet)) } };
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#DeleteSheetRequest
    case "deleteSheet": {
      const id = sheetIdOf(shadow, body.sheetId);
      if (shadow.sheets.size === 1) invalid("You can't remove all the sheets in a document.");
      shadow.sheets.delete(id);
      return (book, ctx) => {
        const sheet = book.sheetById(id) as SheetModel;
        new Spreadsheet(ctx, book).deleteSheet(new Sheet(ctx, sheet));
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#UpdateSheetPropertiesRequest
    case "updateSheetProperties": {
      const p = (body.properties ?? {}) as Json;
      const id = sheetIdOf(shadow, p.sheetId);
      const fields = typeof body.fields === "string" ? body.fields.split(",").map((f) => f.trim()) : [];
      const allowed = ["title", "hidden", "gridProperties.frozenRowCount"];
      if (fields.length === 0)
        invalid(`${where}.fields is required, e.g. "hidden,gridProperties.frozenRowCount".`);
      for (const f of fields)
        if (!allowed.includes(f))
          invalid(`${where}.fields: "${f}" is not supported here (${allowed.join(", ")}).`);
      const shadowSheet = shadow.sheets.get(id) as { title: string; rows: number; hidden: boolean };
      const title = fields.includes("title") ? checkTitle(shadow, p.title, id) : undefined;
      if (title) shadowSheet.title = title;
      const hidden = fields.includes("hidden") ? p.hidden === true : undefined;
      if (hidden !== undefined) shadowSheet.hidden = hidden;
      if ([...shadow.sheets.values()].every((s) => s.hidden))
        invalid("You can't hide all the sheets in a document.");
      const frozen = fields.includes("gridProperties.frozenRowCount")
        ? (((p.gridProperties ?? {}) as Json).frozenRowCount ?? 0)
        : undefined;
      if (
        frozen !== undefined &&
        (typeof frozen !== "number" || !Number.isInteger(frozen) || frozen < 0 || frozen > shadowSheet.rows)
      )
        invalid(`${where}.properties.gridProperties.frozenRowCount is out of bounds.`);
      return (book, ctx) => {
        const sheet = book.sheetById(id) as SheetModel;
        if (title !== undefined) new Sheet(ctx, sheet).setName(title);
        if (hidden !== undefined) sheet.hidden = hidden;
        if (frozen !== undefined) sheet.frozenRows = frozen as number;
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#AppendDimensionRequest
    case "appendDimension": {
      const id = sheetIdOf(shadow, body.sheetId);
      const dimension = body.dimension;
      const length = body.length;
      if (dimension !== "ROWS" && dimension !== "COLUMNS")
        invalid(`${where}.dimension must be ROWS or COLUMNS.`);
      if (typeof length !== "number" || !Number.isInteger(length) || length < 1)
        invalid(`${where}.length must be a whole number ≥ 1.`);
      const s = shadow.sheets.get(id) as { rows: number; cols: number };
      if (dimension === "ROWS") s.rows += length;
      else s.cols += length;
      return (book, ctx) => {
        const sheet = new Sheet(ctx, book.sheetById(id) as SheetModel);
        if (dimension === "ROWS") sheet.insertRowsAfter(sheet.getMaxRows(), length);
        else sheet.insertColumnsAfter(sheet.getMaxColumns(), length);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#UpdateCellsRequest
    case "updateCells": {
      const fields = cellFields(body.fields, where);
      const rows = body.rows;
      if (!Array.isArray(rows) || rows.length === 0) invalid(`${where}.rows needs at least one RowData.`);
      const writes = rows.map((row, i) =>
        (((row as Json | null)?.values ?? []) as unknown[]).map((cell, j) =>
          cellWrite(cell, fields, `${where}.rows[${i}].values[${j}]`),
        ),
      );
      const width = Math.max(1, ...writes.map((w) => w.length));
      let target: { sheetId: number; rect: Rect };
      if (body.start) {
        const s = body.start as Json;
        target = gridRect(
          shadow,
          {
            sheetId: s.sheetId,
            startRowIndex: s.rowIndex ?? 0,
            endRowIndex: ((s.rowIndex as number | undefined) ?? 0) + rows.length,
            startColumnIndex: s.columnIndex ?? 0,
            endColumnIndex: ((s.columnIndex as number | undefined) ?? 0) + width,
          },
          `${where}.start`,
        );
      } else if (body.range) {
        target = gridRect(shadow, body.range, `${where}.range`);
        if (rows.length > target.rect.numRows || width > target.rect.numCols)
          invalid(`${where}: more rows or cells than the range holds.`);
      } else invalid(`${where} needs a start or a range.`);
      return (book) => {
        const sheet = book.sheetById(target.sheetId) as SheetModel;
        let sawFormula = false;
        writes.forEach((line, i) => {
          line.forEach((write, j) => {
            if (applyCell(sheet, target.rect.row + i, target.rect.col + j, write)) sawFormula = true;
          });
        });
        if (fields.includes("userEnteredValue"))
          endWrites(sheet, { ...target.rect, numRows: rows.length, numCols: width }, sawFormula);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#RepeatCellRequest
    case "repeatCell": {
      const fields = cellFields(body.fields, where);
      const target = gridRect(shadow, body.range, `${where}.range`);
      const write = cellWrite(body.cell, fields, `${where}.cell`);
      if (write.value && write.value.kind === "formula")
        invalid(`${where}: repeat a formula with updateCells (one formula per row), not repeatCell.`);
      return (book) => {
        const sheet = book.sheetById(target.sheetId) as SheetModel;
        for (let i = 0; i < target.rect.numRows; i++)
          for (let j = 0; j < target.rect.numCols; j++)
            applyCell(sheet, target.rect.row + i, target.rect.col + j, write);
        if (fields.includes("userEnteredValue")) endWrites(sheet, target.rect, false);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#SetDataValidationRequest
    case "setDataValidation": {
      const target = gridRect(shadow, body.range, `${where}.range`);
      const rule = body.rule === undefined ? null : validationOf(body.rule, `${where}.rule`);
      return (book) => {
        const sheet = book.sheetById(target.sheetId) as SheetModel;
        const { row, col, numRows, numCols } = target.rect;
        // One rule object for the whole range, as Range.setDataValidation records it.
        const model = rule ? { ...rule, values: structuredClone(rule.values) } : undefined;
        for (let i = 0; i < numRows; i++)
          for (let j = 0; j < numCols; j++) sheet.validations.set(row - 1 + i, col - 1 + j, model);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#AddConditionalFormatRuleRequest
    case "addConditionalFormatRule": {
      const { sheetIds, build } = conditionalRuleOf(shadow, body.rule, `${where}.rule`);
      const s = shadow.sheets.get(sheetIds[0] as number) as { rules: number };
      const index = body.index === undefined ? s.rules : body.index;
      if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index > s.rules)
        invalid(`${where}.index must be from 0 to ${s.rules}.`);
      s.rules += 1;
      return (book) => {
        const rule = build(book);
        (rule.ranges[0] as { sheet: SheetModel }).sheet.conditionalRules.splice(index, 0, rule);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#UpdateConditionalFormatRuleRequest
    case "updateConditionalFormatRule": {
      const id = sheetIdOf(shadow, body.sheetId);
      const s = shadow.sheets.get(id) as { rules: number };
      const index = body.index;
      if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= s.rules)
        invalid(
          `${where}.index: no conditional format rule at index ${String(index)} (the sheet has ${s.rules}).`,
        );
      const { sheetIds, build } = conditionalRuleOf(shadow, body.rule, `${where}.rule`);
      if (sheetIds[0] !== id) invalid(`${where}: the rule's ranges must be on sheet ${id}.`);
      return (book) => {
        (book.sheetById(id) as SheetModel).conditionalRules[index] = build(book);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#DeleteConditionalFormatRuleRequest
    case "deleteConditionalFormatRule": {
      const id = sheetIdOf(shadow, body.sheetId);
      const s = shadow.sheets.get(id) as { rules: number };
      const index = body.index;
      if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= s.rules)
        invalid(
          `${where}.index: no conditional format rule at index ${String(index)} (the sheet has ${s.rules}).`,
        );
      s.rules -= 1;
      return (book) => {
        (book.sheetById(id) as SheetModel).conditionalRules.splice(index, 1);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#AddNamedRangeRequest
    case "addNamedRange":
    case "updateNamedRange": {
      const named = (body.namedRange ?? {}) as Json;
      let name = named.name;
      if (kind === "updateNamedRange") {
        const fields = typeof body.fields === "string" ? body.fields.split(",").map((f) => f.trim()) : [];
        if (fields.length !== 1 || fields[0] !== "range")
          invalid(`${where}.fields must be "range" (renaming is not supported here).`);
        const existing =
          typeof named.namedRangeId === "string" ? shadow.names.get(named.namedRangeId) : undefined;
        if (existing === undefined)
          invalid(`${where}: no named range with id ${String(named.namedRangeId)}.`);
        name = existing;
      } else {
        if (typeof name !== "string") invalid(`${where}.namedRange.name is required.`);
        if (shadow.names.has(namedRangeId(name)))
          invalid(`${where}: a named range "${name}" already exists.`);
      }
      const target = gridRect(shadow, named.range, `${where}.namedRange.range`);
      const finalName = name as string;
      shadow.names.set(namedRangeId(finalName), finalName);
      return (book, ctx) => {
        const sheet = book.sheetById(target.sheetId) as SheetModel;
        new Spreadsheet(ctx, book).setNamedRange(finalName, new Range(ctx, sheet, target.rect));
        const reply = {
          namedRangeId: namedRangeId(finalName),
          name: finalName,
          range: gridRangeOf(sheet, target.rect),
        };
        return kind === "addNamedRange" ? { addNamedRange: { namedRange: reply } } : {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#DeleteNamedRangeRequest
    case "deleteNamedRange": {
      const name = typeof body.namedRangeId === "string" ? shadow.names.get(body.namedRangeId) : undefined;
      if (name === undefined) invalid(`${where}: no named range with id ${String(body.namedRangeId)}.`);
      shadow.names.delete(body.namedRangeId as string);
      return (book, ctx) => {
        new Spreadsheet(ctx, book).removeNamedRange(name);
        return {};
      };
    }
  }
}

function sheetProperties(sheet: SheetModel, index: number): Json {
  const grid: Json = { rowCount: sheet.maxRows, columnCount: sheet.maxCols };
  if (sheet.frozenRows) grid.frozenRowCount = sheet.frozenRows;
  if (sheet.frozenColumns) grid.frozenColumnCount = sheet.frozenColumns;
  const p: Json = { sheetId: sheet.id, title: sheet.name, index, sheetType: "GRID", gridProperties: grid };
  if (sheet.hidden) p.hidden = true;
  return p;
}

// ---- Field masks ---------------------------------------------------------------------------------

type Mask = Map<string, Mask | null>;

/** Parses a partial-response mask: "sheets(properties(sheetId,title),conditionalFormats),namedRanges". */
function parseMask(text: string): Mask {
  let at = 0;
  const parseList = (): Mask => {
    const mask: Mask = new Map();
    while (at < text.length) {
      const m = /^\s*([A-Za-z]+(?:\.[A-Za-z]+)*)\s*/.exec(text.slice(at));
      if (!m) throw apiError("get", `Invalid field selection ${text}`);
      at += m[0].length;
      const path = (m[1] as string).split(".");
      let sub: Mask | null = null;
      if (text[at] === "(") {
        at += 1;
        sub = parseList();
        if (text[at] !== ")") throw apiError("get", `Invalid field selection ${text}`);
        at += 1;
      }
      let node = mask;
      path.forEach((key, i) => {
        if (i === path.length - 1) node.set(key, sub);
        else {
          let next = node.get(key);
          if (!next) {
            next = new Map();
            node.set(key, next);
          }
          node = next;
        }
      });
      const rest = /^\s*,?/.exec(text.slice(at))?.[0] ?? "";
      at += rest.length;
      if (text[at] === ")") break;
    }
    return mask;
  };
  return parseList();
}

function applyMask(value: unknown, mask: Mask | null): unknown {
  if (mask === null || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(v, mask));
  const out: Json = {};
  for (const [key, sub] of mask) if (key in (value as Json)) out[key] = applyMask((value as Json)[key], sub);
  return out;
}

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets#Spreadsheet and
// …/sheets#Sheet: the fields a mask may name (an unknown one is an error, as the API answers).
const SPREADSHEET_FIELDS = ["spreadsheetId", "properties", "sheets", "namedRanges", "spreadsheetUrl"];
const SHEET_FIELDS = ["properties", "data", "conditionalFormats", "merges", "charts", "protectedRanges"];

function checkMask(mask: Mask, text: string): void {
  for (const [key, sub] of mask) {
    if (!SPREADSHEET_FIELDS.includes(key)) throw apiError("get", `Invalid field selection ${key}`);
    if (key === "sheets" && sub)
      for (const k of sub.keys())
        if (!SHEET_FIELDS.includes(k))
          throw apiError("get", `Invalid field selection sheets.${k} in ${text}`);
  }
}

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
