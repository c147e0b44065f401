// CellData writes (updateCells, repeatCell): values, notes, bold, colors, number formats, validation.
import type { Rect } from "../spreadsheet/a1.ts";
import type { SheetModel, ValidationModel } from "../spreadsheet/model.ts";
import { hexOf, invalid, type Json } from "./grid.ts";
import { validationOf } from "./rules.ts";

// ---- Cells ---------------------------------------------------------------------------------------

/** Which parts of a CellData an updateCells / repeatCell writes: its `fields` mask. */
export const CELL_FIELDS = new Set([
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

export function cellFields(fields: unknown, where: string): string[] {
  if (typeof fields !== "string" || fields.trim() === "")
    invalid(`${where}.fields is required: list the CellData fields to write, e.g. "userEnteredValue,note".`);
  const list = fields.split(",").map((f) => f.trim());
  for (const f of list)
    if (!CELL_FIELDS.has(f))
      invalid(`${where}.fields: "${f}" is not a CellData field this workbook supports.`);
  return list;
}

export interface CellWrite {
  value?: { kind: "string" | "number" | "bool" | "formula" | "clear"; value: unknown };
  note?: string;
  bold?: boolean | null;
  fontColor?: string | null;
  background?: string | null;
  numberFormat?: string | null;
  validation?: ValidationModel | null;
}

export function cellWrite(cell: unknown, fields: readonly string[], where: string): CellWrite {
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
export function writeValue(sheet: SheetModel, r: number, c: number, write: CellWrite): boolean {
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
export function endWrites(sheet: SheetModel, rect: Rect, sawFormula: boolean): void {
  const engine = sheet.book.engine;
  if (engine.active) engine.write(sheet, rect.row - 1, rect.col - 1, rect.numRows, rect.numCols);
  else if (sawFormula) engine.start();
}

/** Applies one cell's write; true when it wrote a formula. */
export function applyCell(sheet: SheetModel, row: number, col: number, write: CellWrite): boolean {
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
