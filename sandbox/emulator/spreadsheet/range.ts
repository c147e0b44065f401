// Range: a block of cells on one sheet. Reads and writes go straight to the sheet's grids; formulas are
// mirrored into the workbook's formula engine.
import { isDate } from "../env.ts";
import { instantOfWall } from "../zones.ts";
import { cellA1, type Rect, rectA1 } from "./a1.ts";
import { exception, OUTSIDE_SHEET, type ServiceContext } from "./context.ts";
import { createFilter, Filter } from "./filter.ts";
import { shiftFormula } from "./formulas.ts";
import type { Grid } from "./grid.ts";
import type { BookModel, CellFormat, SheetModel, ValidationModel } from "./model.ts";
import { newProtection, Protection } from "./protection.ts";
import { Sheet } from "./sheet.ts";
import { TextFinder } from "./textFinder.ts";
import { DataValidation } from "./validation.ts";
import { validationProblem } from "./validationCheck.ts";
import {
  CELL_INPUT_LIMIT,
  type CellValue,
  copyValue,
  DEFAULT_NUMBER_FORMAT,
  displayValue,
  type InputZone,
  interpretInput,
  typedByFormat,
} from "./values.ts";

/** Checks a getRange request the way Apps Script does and returns its rectangle. */
export function checkedRect(sheet: SheetModel, row: number, col: number, numRows = 1, numCols = 1): Rect {
  for (const n of [row, col, numRows, numCols]) {
    if (typeof n !== "number" || !Number.isFinite(n))
      throw exception(`Cannot find method getRange(${[row, col, numRows, numCols].join(",")}).`);
  }
  if (row < 1) throw exception("The starting row of the range is too small.");
  if (col < 1) throw exception("The starting column of the range is too small.");
  if (numRows < 1) throw exception("The number of rows in the range must be at least 1.");
  if (numCols < 1) throw exception("The number of columns in the range must be at least 1.");
  const rect = {
    row: Math.floor(row),
    col: Math.floor(col),
    numRows: Math.floor(numRows),
    numCols: Math.floor(numCols),
  };
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols) {
    throw exception(OUTSIDE_SHEET);
  }
  return rect;
}

function checkShape(values: unknown, rect: Rect): unknown[][] {
  if (!Array.isArray(values))
    throw exception(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  if (values.length !== rect.numRows) {
    throw exception(
      `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${rect.numRows}.`,
    );
  }
  for (const line of values) {
    const width = Array.isArray(line) ? line.length : 0;
    if (width !== rect.numCols) {
      throw exception(
        `The number of columns in the data does not match the number of columns in the range. The data has ${width} but the range has ${rect.numCols}.`,
      );
    }
  }
  return values as unknown[][];
}

/**
 * A script's write into cells whose rule rejects invalid input fails as a whole, before anything is
 * written, as Sheets does ("The data you entered in cell F1 violates the data validation rules set on
 * this cell."). Blanks and formulas pass; rules that only warn (allowInvalid) never stop a write.
 */
export function checkScriptWrite(sheet: SheetModel, rect: Rect, inputs: unknown[][]): void {
  if (sheet.validations.size === 0) return;
  for (let i = 0; i < inputs.length; i++) {
    const line = inputs[i] ?? [];
    for (let j = 0; j < line.length; j++) {
      const rule = sheet.validations.get(rect.row - 1 + i, rect.col - 1 + j);
      if (!rule || rule.allowInvalid) continue;
      // Whether Sheets strips a leading apostrophe before it checks a dropdown is not documented; the
      // strict reading is taken, so code that writes "'insight" into a strict list fails here first.
      const listRule = rule.criteria === "VALUE_IN_LIST" || rule.criteria === "VALUE_IN_RANGE";
      if (listRule && typeof line[j] === "string" && (line[j] as string).startsWith("'")) {
        throw exception(
          `The data you entered in cell ${cellA1(rect.row + i, rect.col + j)} violates the data validation rules set on this cell.`,
        );
      }
      const input = interpretInput(
        line[j],
        sheet.numberFormats.get(rect.row - 1 + i, rect.col - 1 + j),
        inputZone(sheet.book),
      );
      if (input.kind !== "literal" || validationProblem(input.value, rule, true) === null) continue;
      throw exception(
        `The data you entered in cell ${cellA1(rect.row + i, rect.col + j)} violates the data validation rules set on this cell.`,
      );
    }
  }
}

/** The spreadsheet's zone and clock, for input a script writes or a person types. */
export function inputZone(book: BookModel): InputZone {
  return { timeZone: book.timeZone, now: book.clock };
}

/**
 * Writes a block of raw inputs (as a script or a person would) into the sheet, top-left at rect. `zone`
 * is given for a script's or a person's input (Dates are instants, "Jan 5" is this year's); without it the
 * inputs are the emulator's own cells moving (Dates already wall times).
 */
export function writeInputs(
  sheet: SheetModel,
  rect: Rect,
  inputs: unknown[][],
  mode: "value" | "formula" = "value",
  zone?: InputZone,
): void {
  // Sheets rejects the whole write when any one cell's input is too long, and writes nothing.
  for (const line of inputs) {
    for (const raw of line ?? []) {
      if (typeof raw === "string" && raw.length > CELL_INPUT_LIMIT) {
        throw exception(
          `Your input contains more than the maximum of ${CELL_INPUT_LIMIT} characters in a single cell.`,
        );
      }
    }
  }
  const hasFormats = sheet.numberFormats.size > 0;
  let sawFormula = false;
  for (let i = 0; i < inputs.length; i++) {
    const line = inputs[i] ?? [];
    const r = rect.row - 1 + i;
    for (let j = 0; j < line.length; j++) {
      const c = rect.col - 1 + j;
      let raw = line[j];
      if (mode === "formula" && typeof raw === "string" && raw !== "" && !raw.startsWith("="))
        raw = `=${raw}`;
      const input = interpretInput(raw, hasFormats ? sheet.numberFormats.get(r, c) : undefined, zone);
      if (input.kind === "formula") {
        sheet.values.delete(r, c);
        sheet.formulas.set(r, c, input.text);
        sawFormula = true;
      } else {
        if (sheet.formulas.size > 0) sheet.formulas.delete(r, c);
        sheet.values.set(r, c, input.kind === "literal" ? input.value : undefined);
      }
    }
  }
  const engine = sheet.book.engine;
  if (engine.active) engine.write(sheet, rect.row - 1, rect.col - 1, inputs.length, inputs[0]?.length ?? 0);
  else if (sawFormula) engine.start();
}

/**
 * A date-time cell reads back as the instant at which the spreadsheet's zone shows the cell's wall clock
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#getValues(): "Date objects"),
 * made in the script's realm so its local-time methods run in the script's zone.
 */
function forScript(ctx: ServiceContext, sheet: SheetModel, values: CellValue[][]): CellValue[][] {
  const zone = sheet.book.timeZone;
  for (const line of values) {
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      if (isDate(v)) line[j] = ctx.env.scriptDate(instantOfWall(v.getTime(), zone));
    }
  }
  return values;
}

/** Computed values of a block, '' for empty cells. */
export function readValues(sheet: SheetModel, rect: Rect): CellValue[][] {
  const engine = sheet.book.engine;
  const withEngine = engine.active && sheet.hasFormulas();
  const formats = sheet.numberFormats.size > 0 ? sheet.numberFormats : null;
  const out: CellValue[][] = new Array(rect.numRows);
  for (let i = 0; i < rect.numRows; i++) {
    const r = rect.row - 1 + i;
    const values = sheet.values.rows[r];
    const line: CellValue[] = new Array(rect.numCols);
    for (let j = 0; j < rect.numCols; j++) {
      const c = rect.col - 1 + j;
      const v = values?.[c];
      if (v !== undefined) line[j] = isDate(v) ? new Date(v.getTime()) : v;
      else if (withEngine)
        line[j] = engine.valueAt(sheet, r, c, sheet.formulas.rows[r]?.[c] !== undefined) ?? "";
      else line[j] = "";
      if (formats) line[j] = typedByFormat(line[j] as CellValue, formats.get(r, c));
    }
    out[i] = line;
  }
  return out;
}

function blockOf<T>(rect: Rect, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const line: T[] = [];
    for (let j = 0; j < rect.numCols; j++) line.push(cell(rect.row - 1 + i, rect.col - 1 + j));
    out.push(line);
  }
  return out;
}

export class Range {
  constructor(
    private readonly ctx: ServiceContext,
    readonly sheetModel: SheetModel,
    readonly rect: Rect,
  ) {}

  private hit(method: string): void {
    this.ctx.hit("Range", method);
  }

  private forEachCell(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.rect.numRows; i++) {
      for (let j = 0; j < this.rect.numCols; j++) fn(this.rect.row - 1 + i, this.rect.col - 1 + j, i, j);
    }
  }

  private fillFormat(method: string, key: keyof CellFormat, value: unknown): this {
    this.hit(method);
    this.forEachCell((r, c) => {
      const current = this.sheetModel.formats.get(r, c) ?? {};
      const next: CellFormat = { ...current, [key]: value };
      if (value === null || value === undefined) delete next[key];
      this.sheetModel.formats.set(r, c, Object.keys(next).length > 0 ? next : undefined);
    });
    return this;
  }

  private gridFormat(method: string, key: keyof CellFormat, values: unknown[][]): this {
    this.hit(method);
    checkShape(values, this.rect);
    this.forEachCell((r, c, i, j) => {
      const value = values[i]?.[j];
      const next: CellFormat = { ...(this.sheetModel.formats.get(r, c) ?? {}), [key]: value };
      if (value === null || value === undefined) delete next[key];
      this.sheetModel.formats.set(r, c, Object.keys(next).length > 0 ? next : undefined);
    });
    return this;
  }

  private readFormat<K extends keyof CellFormat>(
    key: K,
    fallback: NonNullable<CellFormat[K]>,
  ): NonNullable<CellFormat[K]>[][] {
    return blockOf(this.rect, (r, c) => this.sheetModel.formats.get(r, c)?.[key] ?? fallback);
  }

  // Position and identity

  getRow(): number {
    this.hit("getRow");
    return this.rect.row;
  }

  getRowIndex(): number {
    this.hit("getRowIndex");
    return this.rect.row;
  }

  getColumn(): number {
    this.hit("getColumn");
    return this.rect.col;
  }

  getNumRows(): number {
    this.hit("getNumRows");
    return this.rect.numRows;
  }

  getNumColumns(): number {
    this.hit("getNumColumns");
    return this.rect.numCols;
  }

  getHeight(): number {
    this.hit("getHeight");
    return this.rect.numRows;
  }

  getWidth(): number {
    this.hit("getWidth");
    return this.rect.numCols;
  }

  getLastRow(): number {
    this.hit("getLastRow");
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    this.hit("getLastColumn");
    return this.rect.col + this.rect.numCols - 1;
  }

  getA1Notation(): string {
    this.hit("getA1Notation");
    return rectA1(this.rect);
  }

  getSheet(): Sheet {
    this.hit("getSheet");
    return new Sheet(this.ctx, this.sheetModel);
  }

  getGridId(): number {
    this.hit("getGridId");
    return this.sheetModel.id;
  }

  getCell(row: number, column: number): Range {
    this.hit("getCell");
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numCols) {
      throw exception("Cell reference out of range");
    }
    return new Range(this.ctx, this.sheetModel, {
      row: this.rect.row + row - 1,
      col: this.rect.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    this.hit("offset");
    const rect = checkedRect(
      this.sheetModel,
      this.rect.row + rowOffset,
      this.rect.col + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numCols,
    );
    return new Range(this.ctx, this.sheetModel, rect);
  }

  activate(): this {
    this.hit("activate");
    this.sheetModel.book.activeSheet = this.sheetModel;
    this.sheetModel.book.activeRange = { sheet: this.sheetModel, rect: { ...this.rect } };
    return this;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/range#createFilter() */
  createFilter(): Filter {
    this.hit("createFilter");
    createFilter(this.sheetModel, this.rect);
    return new Filter(this.ctx, this.sheetModel, (sheet, rect) => new Range(this.ctx, sheet, rect));
  }

  /** The sheet's filter when it overlaps this range, else null. */
  getFilter(): Filter | null {
    this.hit("getFilter");
    const f = this.sheetModel.filter;
    if (!f) return null;
    const a = this.rect;
    const b = f.rect;
    const overlaps =
      a.row <= b.row + b.numRows - 1 &&
      b.row <= a.row + a.numRows - 1 &&
      a.col <= b.col + b.numCols - 1 &&
      b.col <= a.col + a.numCols - 1;
    return overlaps
      ? new Filter(this.ctx, this.sheetModel, (sheet, rect) => new Range(this.ctx, sheet, rect))
      : null;
  }

  /** Finds cells of this range by text (textFinder.ts). */
  createTextFinder(findText: string): TextFinder<Range> {
    this.hit("createTextFinder");
    return new TextFinder(
      this.ctx,
      this.sheetModel,
      this.rect,
      findText,
      (sheet, rect) => new Range(this.ctx, sheet, rect),
    );
  }

  // Values and formulas

  getValue(): CellValue {
    this.hit("getValue");
    return (
      forScript(
        this.ctx,
        this.sheetModel,
        readValues(this.sheetModel, { ...this.rect, numRows: 1, numCols: 1 }),
      )[0]?.[0] ?? ""
    );
  }

  getValues(): CellValue[][] {
    this.hit("getValues");
    return forScript(this.ctx, this.sheetModel, readValues(this.sheetModel, this.rect));
  }

  /** One value (or formula, with its relative references moved per cell) into every cell. */
  private fill(value: unknown, mode: "value" | "formula"): void {
    const text = typeof value === "string" ? value : null;
    const formula = text !== null && (text.startsWith("=") || (mode === "formula" && text !== ""));
    const inputs = Array.from({ length: this.rect.numRows }, (_, i) =>
      Array.from({ length: this.rect.numCols }, (_, j) =>
        formula && text ? shiftFormula(text, i, j) : value,
      ),
    );
    writeInputs(this.sheetModel, this.rect, inputs, mode, inputZone(this.sheetModel.book));
  }

  setValue(value: unknown): this {
    this.hit("setValue");
    checkScriptWrite(
      this.sheetModel,
      this.rect,
      Array.from({ length: this.rect.numRows }, () => new Array(this.rect.numCols).fill(value)),
    );
    this.fill(value, "value");
    return this;
  }

  setValues(values: unknown[][]): this {
    this.hit("setValues");
    checkShape(values, this.rect);
    checkScriptWrite(this.sheetModel, this.rect, values);
    writeInputs(this.sheetModel, this.rect, values, "value", inputZone(this.sheetModel.book));
    return this;
  }

  getDisplayValue(): string {
    this.hit("getDisplayValue");
    const value = readValues(this.sheetModel, { ...this.rect, numRows: 1, numCols: 1 })[0]?.[0] ?? "";
    return displayValue(value, this.sheetModel.numberFormats.get(this.rect.row - 1, this.rect.col - 1));
  }

  getDisplayValues(): string[][] {
    this.hit("getDisplayValues");
    const values = readValues(this.sheetModel, this.rect);
    return values.map((line, i) =>
      line.map((v, j) =>
        displayValue(v, this.sheetModel.numberFormats.get(this.rect.row - 1 + i, this.rect.col - 1 + j)),
      ),
    );
  }

  getFormula(): string {
    this.hit("getFormula");
    return this.sheetModel.formulas.get(this.rect.row - 1, this.rect.col - 1) ?? "";
  }

  getFormulas(): string[][] {
    this.hit("getFormulas");
    return blockOf(this.rect, (r, c) => this.sheetModel.formulas.get(r, c) ?? "");
  }

  setFormula(formula: string): this {
    this.hit("setFormula");
    this.fill(formula, "formula");
    return this;
  }

  setFormulas(formulas: string[][]): this {
    this.hit("setFormulas");
    writeInputs(this.sheetModel, this.rect, checkShape(formulas, this.rect), "formula");
    return this;
  }

  isBlank(): boolean {
    this.hit("isBlank");
    let blank = true;
    this.forEachCell((r, c) => {
      if (this.sheetModel.values.get(r, c) !== undefined || this.sheetModel.formulas.get(r, c) !== undefined)
        blank = false;
    });
    return blank;
  }

  private clearCells(what: {
    content?: boolean;
    format?: boolean;
    notes?: boolean;
    validations?: boolean;
  }): void {
    const { row, col, numRows, numCols } = this.rect;
    const sheet = this.sheetModel;
    if (what.content) {
      // The engine only needs the part that held anything (clearing a whole sheet stays cheap).
      const usedRows = Math.min(numRows, sheet.lastRow() - row + 1);
      const usedCols = Math.min(numCols, sheet.lastColumn() - col + 1);
      sheet.values.clearRect(row - 1, col - 1, numRows, numCols);
      sheet.formulas.clearRect(row - 1, col - 1, numRows, numCols);
      if (sheet.book.engine.active && usedRows > 0 && usedCols > 0) {
        sheet.book.engine.write(sheet, row - 1, col - 1, usedRows, usedCols);
      }
    }
    if (what.format) {
      sheet.formats.clearRect(row - 1, col - 1, numRows, numCols);
      sheet.numberFormats.clearRect(row - 1, col - 1, numRows, numCols);
    }
    if (what.notes) sheet.notes.clearRect(row - 1, col - 1, numRows, numCols);
    if (what.validations) sheet.validations.clearRect(row - 1, col - 1, numRows, numCols);
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): this {
    this.hit("clear");
    const only =
      options &&
      (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly);
    // As documented: contents and formats; validation rules and notes stay unless asked for.
    if (!only) this.clearCells({ content: true, format: true });
    else {
      this.clearCells({
        content: !!options.contentsOnly,
        format: !!options.formatOnly,
        validations: !!options.validationsOnly,
        notes: !!options.commentsOnly,
      });
    }
    return this;
  }

  clearContent(): this {
    this.hit("clearContent");
    this.clearCells({ content: true });
    return this;
  }

  clearFormat(): this {
    this.hit("clearFormat");
    this.clearCells({ format: true });
    return this;
  }

  clearNote(): this {
    this.hit("clearNote");
    this.clearCells({ notes: true });
    return this;
  }

  clearDataValidations(): this {
    this.hit("clearDataValidations");
    this.clearCells({ validations: true });
    return this;
  }

  /** Sorts the rows of the range by one or more columns (absolute column numbers, as in Apps Script). */
  sort(
    sortSpecObj:
      | number
      | { column: number; ascending?: boolean }
      | (number | { column: number; ascending?: boolean })[],
  ): this {
    this.hit("sort");
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((s) =>
      typeof s === "number"
        ? { column: s, ascending: true }
        : { column: s.column, ascending: s.ascending !== false },
    );
    const values = readValues(this.sheetModel, this.rect);
    const formulas = blockOf(this.rect, (r, c) => this.sheetModel.formulas.get(r, c));
    const order = values.map((_, i) => i);
    const rank = (v: CellValue): [number, number | string] =>
      v === ""
        ? [3, 0]
        : typeof v === "number"
          ? [0, v]
          : isDate(v)
            ? [0, v.getTime()]
            : typeof v === "boolean"
              ? [2, Number(v)]
              : [1, v.toLowerCase()];
    order.sort((a, b) => {
      for (const spec of specs) {
        const j = spec.column - this.rect.col;
        const [ka, va] = rank(values[a]?.[j] ?? "");
        const [kb, vb] = rank(values[b]?.[j] ?? "");
        if (ka === 3 || kb === 3) {
          if (ka !== kb) return ka === 3 ? 1 : -1; // blanks last either way
          continue;
        }
        const cmp = ka !== kb ? ka - kb : va < vb ? -1 : va > vb ? 1 : 0;
        if (cmp !== 0) return spec.ascending ? cmp : -cmp;
      }
      return a - b;
    });
    const inputs = order.map((i) =>
      (values[i] ?? []).map((v, j) => formulas[i]?.[j] ?? (typeof v === "string" && v !== "" ? `'${v}` : v)),
    );
    writeInputs(this.sheetModel, this.rect, inputs);
    // The whole cell moves with its row: formats, number formats, notes and data validation. Range.sort's
    // page says only "Sorts the cells in the given range"
    // (https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj); Sheets'
    // sort moves a row's dropdowns and formatting with it, so a rule never lands on another row's value.
    const model = this.sheetModel;
    for (const grid of [
      model.formats,
      model.numberFormats,
      model.notes,
      model.validations,
    ] as Grid<unknown>[]) {
      const before = blockOf(this.rect, (r, c) => grid.get(r, c));
      order.forEach((from, i) => {
        (before[from] ?? []).forEach((cell, j) => {
          grid.set(this.rect.row - 1 + i, this.rect.col - 1 + j, cell);
        });
      });
    }
    return this;
  }

  // Number formats and notes

  getNumberFormat(): string {
    this.hit("getNumberFormat");
    return this.sheetModel.numberFormats.get(this.rect.row - 1, this.rect.col - 1) ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    this.hit("getNumberFormats");
    return blockOf(this.rect, (r, c) => this.sheetModel.numberFormats.get(r, c) ?? DEFAULT_NUMBER_FORMAT);
  }

  setNumberFormat(numberFormat: string): this {
    this.hit("setNumberFormat");
    this.forEachCell((r, c) => this.sheetModel.numberFormats.set(r, c, numberFormat || undefined));
    return this;
  }

  setNumberFormats(numberFormats: string[][]): this {
    this.hit("setNumberFormats");
    checkShape(numberFormats, this.rect);
    this.forEachCell((r, c, i, j) =>
      this.sheetModel.numberFormats.set(r, c, numberFormats[i]?.[j] || undefined),
    );
    return this;
  }

  getNote(): string {
    this.hit("getNote");
    return this.sheetModel.notes.get(this.rect.row - 1, this.rect.col - 1) ?? "";
  }

  getNotes(): string[][] {
    this.hit("getNotes");
    return blockOf(this.rect, (r, c) => this.sheetModel.notes.get(r, c) ?? "");
  }

  setNote(note: string | null): this {
    this.hit("setNote");
    this.forEachCell((r, c) => this.sheetModel.notes.set(r, c, note ? String(note) : undefined));
    return this;
  }

  setNotes(notes: (string | null)[][]): this {
    this.hit("setNotes");
    checkShape(notes, this.rect);
    this.forEachCell((r, c, i, j) => {
      const note = notes[i]?.[j];
      this.sheetModel.notes.set(r, c, note ? String(note) : undefined);
    });
    return this;
  }

  // Data validation

  setDataValidation(rule: DataValidation | null): this {
    this.hit("setDataValidation");
    if (rule !== null && !(rule instanceof DataValidation))
      throw exception("setDataValidation needs a rule from newDataValidation().build().");
    const model: ValidationModel | undefined = rule ? rule.model : undefined;
    this.forEachCell((r, c) => this.sheetModel.validations.set(r, c, model));
    return this;
  }

  setDataValidations(rules: (DataValidation | null)[][]): this {
    this.hit("setDataValidations");
    checkShape(rules, this.rect);
    this.forEachCell((r, c, i, j) => {
      const rule = rules[i]?.[j];
      this.sheetModel.validations.set(r, c, rule instanceof DataValidation ? rule.model : undefined);
    });
    return this;
  }

  getDataValidation(): DataValidation | null {
    this.hit("getDataValidation");
    const model = this.sheetModel.validations.get(this.rect.row - 1, this.rect.col - 1);
    return model ? new DataValidation(this.ctx, model) : null;
  }

  getDataValidations(): (DataValidation | null)[][] {
    this.hit("getDataValidations");
    return blockOf(this.rect, (r, c) => {
      const model = this.sheetModel.validations.get(r, c);
      return model ? new DataValidation(this.ctx, model) : null;
    });
  }

  /** Checkboxes are a CHECKBOX validation with FALSE in each cell. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this.hit("insertCheckboxes");
    const values = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    const model: ValidationModel = { criteria: "CHECKBOX", values, allowInvalid: true, helpText: "" };
    this.forEachCell((r, c) => this.sheetModel.validations.set(r, c, model));
    const unchecked = uncheckedValue ?? false;
    writeInputs(
      this.sheetModel,
      this.rect,
      Array.from({ length: this.rect.numRows }, () => new Array(this.rect.numCols).fill(unchecked)),
    );
    return this;
  }

  check(): this {
    this.hit("check");
    writeInputs(
      this.sheetModel,
      this.rect,
      Array.from({ length: this.rect.numRows }, () => new Array(this.rect.numCols).fill(true)),
    );
    return this;
  }

  uncheck(): this {
    this.hit("uncheck");
    writeInputs(
      this.sheetModel,
      this.rect,
      Array.from({ length: this.rect.numRows }, () => new Array(this.rect.numCols).fill(false)),
    );
    return this;
  }

  // Formatting (recorded)

  setFontWeight(fontWeight: string | null): this {
    return this.fillFormat("setFontWeight", "fontWeight", fontWeight);
  }

  setFontWeights(fontWeights: (string | null)[][]): this {
    return this.gridFormat("setFontWeights", "fontWeight", fontWeights);
  }

  getFontWeight(): string {
    this.hit("getFontWeight");
    return this.readFormat("fontWeight", "normal")[0]?.[0] ?? "normal";
  }

  getFontWeights(): string[][] {
    this.hit("getFontWeights");
    return this.readFormat("fontWeight", "normal");
  }

  setFontStyle(fontStyle: string | null): this {
    return this.fillFormat("setFontStyle", "fontStyle", fontStyle);
  }

  setFontColor(color: string | null): this {
    return this.fillFormat("setFontColor", "fontColor", color);
  }

  setFontColors(colors: (string | null)[][]): this {
    return this.gridFormat("setFontColors", "fontColor", colors);
  }

  getFontColor(): string {
    this.hit("getFontColor");
    return this.readFormat("fontColor", "#000000")[0]?.[0] ?? "#000000";
  }

  setFontSize(size: number): this {
    return this.fillFormat("setFontSize", "fontSize", size);
  }

  setFontFamily(fontFamily: string | null): this {
    return this.fillFormat("setFontFamily", "fontFamily", fontFamily);
  }

  setBackground(color: string | null): this {
    return this.fillFormat("setBackground", "background", color);
  }

  setBackgrounds(colors: (string | null)[][]): this {
    return this.gridFormat("setBackgrounds", "background", colors);
  }

  getBackground(): string {
    this.hit("getBackground");
    return this.readFormat("background", "#ffffff")[0]?.[0] ?? "#ffffff";
  }

  getBackgrounds(): string[][] {
    this.hit("getBackgrounds");
    return this.readFormat("background", "#ffffff");
  }

  setWrap(isWrapEnabled: boolean): this {
    return this.fillFormat("setWrap", "wrap", !!isWrapEnabled);
  }

  setWrapStrategy(strategy: string): this {
    return this.fillFormat("setWrapStrategy", "wrapStrategy", String(strategy));
  }

  getWrap(): boolean {
    this.hit("getWrap");
    return this.readFormat("wrap", false)[0]?.[0] ?? false;
  }

  setHorizontalAlignment(alignment: string | null): this {
    return this.fillFormat("setHorizontalAlignment", "horizontalAlignment", alignment);
  }

  getHorizontalAlignment(): string {
    this.hit("getHorizontalAlignment");
    return this.readFormat("horizontalAlignment", "general")[0]?.[0] ?? "general";
  }

  setVerticalAlignment(alignment: string | null): this {
    return this.fillFormat("setVerticalAlignment", "verticalAlignment", alignment);
  }

  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    ...rest: unknown[]
  ): this {
    const sides = [top, left, bottom, right].map((s) => (s ? "1" : "0")).join("");
    const style = rest.length >= 4 ? String(rest[3] ?? "SOLID") : "SOLID";
    return this.fillFormat("setBorder", "border", sides === "0000" ? null : `${sides}:${style}`);
  }

  merge(): this {
    this.hit("merge");
    this.sheetModel.merges.push({ ...this.rect });
    return this;
  }

  mergeAcross(): this {
    this.hit("mergeAcross");
    for (let i = 0; i < this.rect.numRows; i++)
      this.sheetModel.merges.push({ ...this.rect, row: this.rect.row + i, numRows: 1 });
    return this;
  }

  breakApart(): this {
    this.hit("breakApart");
    const { row, col, numRows, numCols } = this.rect;
    this.sheetModel.merges = this.sheetModel.merges.filter(
      (m) =>
        m.row + m.numRows <= row ||
        m.row >= row + numRows ||
        m.col + m.numCols <= col ||
        m.col >= col + numCols,
    );
    return this;
  }

  // Protection

  protect(): Protection {
    this.hit("protect");
    return new Protection(this.ctx, newProtection(this.sheetModel, "RANGE", { ...this.rect }));
  }

  /** Copies values and formulas (and formats unless contentsOnly) to the top-left of a destination. */
  copyTo(
    destination: Range,
    optionsOrType?: { contentsOnly?: boolean; formatOnly?: boolean } | string,
    transposed?: boolean,
  ): void {
    this.hit("copyTo");
    const target: Rect = {
      row: destination.rect.row,
      col: destination.rect.col,
      numRows: this.rect.numRows,
      numCols: this.rect.numCols,
    };
    if (transposed) throw exception("copyTo with transposed = true is not modelled by the sandbox.");
    const paste = pasteParts(optionsOrType);
    // Data validation is pasted with a normal paste (CopyPasteType PASTE_NORMAL: "values, formulas,
    // formats and merges"; the Sheets API's PASTE_NORMAL adds data validation:
    // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#pastetype), so the
    // destination takes the source's rules. A paste that keeps the destination's rules (contents only,
    // values, formulas) fails, like a script's setValues, on a value one of them rejects (undocumented
    // for copyTo: the strict reading).
    if (paste.contents && !paste.validation) {
      checkScriptWrite(destination.sheetModel, target, readValues(this.sheetModel, this.rect) as unknown[][]);
    }
    if (paste.validation) {
      const rules = blockOf(this.rect, (r, c) => this.sheetModel.validations.get(r, c));
      rules.forEach((line, i) => {
        line.forEach((rule, j) => {
          destination.sheetModel.validations.set(target.row - 1 + i, target.col - 1 + j, rule);
        });
      });
    }
    if (paste.contents) {
      const values = readValues(this.sheetModel, this.rect);
      const inputs = values.map((line, i) =>
        line.map((v, j) => {
          const formula = this.sheetModel.formulas.get(this.rect.row - 1 + i, this.rect.col - 1 + j);
          if (formula !== undefined && paste.formulas)
            return shiftFormula(formula, target.row - this.rect.row, target.col - this.rect.col);
          return typeof v === "string" && v !== "" ? `'${v}` : copyValue(v);
        }),
      );
      writeInputs(destination.sheetModel, target, inputs);
    }
    if (paste.formats) {
      this.forEachCell((r, c, i, j) => {
        const format = this.sheetModel.formats.get(r, c);
        destination.sheetModel.formats.set(
          target.row - 1 + i,
          target.col - 1 + j,
          format ? { ...format } : undefined,
        );
        destination.sheetModel.numberFormats.set(
          target.row - 1 + i,
          target.col - 1 + j,
          this.sheetModel.numberFormats.get(r, c),
        );
      });
    }
  }
}

/**
 * What a copyTo pastes, from its options object or CopyPasteType
 * (https://developers.google.com/apps-script/reference/spreadsheet/copy-paste-type).
 */
function pasteParts(optionsOrType: { contentsOnly?: boolean; formatOnly?: boolean } | string | undefined): {
  contents: boolean;
  formulas: boolean;
  formats: boolean;
  validation: boolean;
} {
  if (typeof optionsOrType === "string") {
    switch (optionsOrType) {
      case "PASTE_NORMAL":
      case "PASTE_NO_BORDERS":
        return { contents: true, formulas: true, formats: true, validation: true };
      case "PASTE_VALUES":
        return { contents: true, formulas: false, formats: false, validation: false };
      case "PASTE_FORMULA":
        return { contents: true, formulas: true, formats: false, validation: false };
      case "PASTE_FORMAT":
        return { contents: false, formulas: false, formats: true, validation: false };
      case "PASTE_DATA_VALIDATION":
        return { contents: false, formulas: false, formats: false, validation: true };
      default:
        throw exception(`copyTo with ${optionsOrType} is not modelled by the sandbox.`);
    }
  }
  const contentsOnly = !!optionsOrType?.contentsOnly;
  const formatOnly = !!optionsOrType?.formatOnly;
  return {
    contents: !formatOnly,
    formulas: !formatOnly,
    formats: !contentsOnly,
    validation: !contentsOnly && !formatOnly,
  };
}
