// Spreadsheet: one workbook, its sheets, named ranges, selection and toasts.
import { isKnownTimeZone } from "../zones.ts";
import { duplicateSheetName, exception, RANGE_NOT_FOUND, type ServiceContext } from "./context.ts";
import { activeRangeList, type RangeList } from "./filter.ts";
import type { BookModel, SheetModel } from "./model.ts";
import { NamedRange, removeNamedRange, setNamedRange } from "./namedRanges.ts";
import { Protection } from "./protection.ts";
import { Range } from "./range.ts";
import { rangeRect, Sheet } from "./sheet.ts";

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** The next free default name: Sheet2, Sheet3, … as Sheets numbers new tabs. */
function defaultSheetName(book: BookModel): string {
  let n = book.sheets.length + 1;
  while (book.sheetByName(`Sheet${n}`)) n += 1;
  return `Sheet${n}`;
}

export function insertSheetModel(book: BookModel, name: string, index?: number): SheetModel {
  if (book.sheetByName(name)) throw exception(duplicateSheetName(name));
  const at =
    index === undefined ? book.sheets.length : Math.max(0, Math.min(book.sheets.length, Math.floor(index)));
  return book.addSheet(name, at);
}

export class Spreadsheet {
  constructor(
    private readonly ctx: ServiceContext,
    readonly book: BookModel,
  ) {}

  private hit(method: string): void {
    this.ctx.hit("Spreadsheet", method);
  }

  private sheet(model: SheetModel): Sheet {
    return new Sheet(this.ctx, model);
  }

  getId(): string {
    this.hit("getId");
    return this.book.id;
  }

  getName(): string {
    this.hit("getName");
    return this.book.name;
  }

  rename(newName: string): void {
    this.hit("rename");
    this.book.name = String(newName);
  }

  getUrl(): string {
    this.hit("getUrl");
    return spreadsheetUrl(this.book.id);
  }

  getSpreadsheetTimeZone(): string {
    this.hit("getSpreadsheetTimeZone");
    return this.book.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.hit("setSpreadsheetTimeZone");
    // A zone in long format ("America/New_York"): https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetTimeZone(String)
    if (!isKnownTimeZone(String(timezone))) throw exception(`Invalid argument: ${String(timezone)}`);
    this.book.timeZone = String(timezone);
  }

  getSpreadsheetLocale(): string {
    this.hit("getSpreadsheetLocale");
    return this.book.locale;
  }

  getSheets(): Sheet[] {
    this.hit("getSheets");
    return this.book.sheets.map((s) => this.sheet(s));
  }

  getNumSheets(): number {
    this.hit("getNumSheets");
    return this.book.sheets.length;
  }

  getSheetByName(name: string): Sheet | null {
    this.hit("getSheetByName");
    const model = this.book.sheetByName(String(name));
    return model ? this.sheet(model) : null;
  }

  getSheetById(id: number): Sheet | null {
    this.hit("getSheetById");
    const model = this.book.sheetById(id);
    return model ? this.sheet(model) : null;
  }

  insertSheet(nameOrIndex?: string | number | object, index?: number | object): Sheet {
    this.hit("insertSheet");
    let name: string | undefined;
    let at: number | undefined;
    if (typeof nameOrIndex === "string") name = nameOrIndex;
    else if (typeof nameOrIndex === "number") at = nameOrIndex;
    if (typeof index === "number") at = index;
    const model = insertSheetModel(this.book, name ?? defaultSheetName(this.book), at);
    this.book.activeSheet = model;
    this.book.activeRange = { sheet: model, rect: { row: 1, col: 1, numRows: 1, numCols: 1 } };
    return this.sheet(model);
  }

  deleteSheet(sheet: Sheet): void {
    this.hit("deleteSheet");
    const model = sheet.model;
    if (!this.book.sheets.includes(model)) throw exception("The sheet is not in this spreadsheet.");
    if (this.book.sheets.length === 1) {
      throw exception("This operation is not allowed. A spreadsheet must contain at least one sheet.");
    }
    this.book.sheets.splice(this.book.sheets.indexOf(model), 1);
    model.deleted = true;
    this.book.engine.removeSheet(model);
    for (const named of [...this.book.namedRanges.values()])
      if (named.sheet === model) removeNamedRange(this.book, named.name);
    this.book.protections = this.book.protections.filter((p) => p.sheet !== model);
    if (this.book.activeSheet === model) this.book.activeSheet = this.book.sheets[0] ?? null;
    if (this.book.activeRange?.sheet === model) this.book.activeRange = null;
  }

  getActiveSheet(): Sheet {
    this.hit("getActiveSheet");
    return this.sheet(this.book.active());
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.hit("setActiveSheet");
    this.book.activeSheet = sheet.model;
    this.book.activeRange = { sheet: sheet.model, rect: { row: 1, col: 1, numRows: 1, numCols: 1 } };
    return sheet;
  }

  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    this.hit("moveActiveSheet");
    const active = this.book.active();
    if (!Number.isInteger(pos) || pos < 1 || pos > this.book.sheets.length)
      throw exception("The sheet position is out of range.");
    this.book.sheets.splice(this.book.sheets.indexOf(active), 1);
    this.book.sheets.splice(pos - 1, 0, active);
  }

  getRange(a1Notation: string): Range {
    this.hit("getRange");
    const { sheet, rect } = rangeRect(this.book.active(), a1Notation);
    return new Range(this.ctx, sheet, rect);
  }

  getActiveRange(): Range | null {
    this.hit("getActiveRange");
    const active = this.book.activeRange;
    if (active && !active.sheet.deleted) return new Range(this.ctx, active.sheet, { ...active.rect });
    return new Range(this.ctx, this.book.active(), { row: 1, col: 1, numRows: 1, numCols: 1 });
  }

  getActiveCell(): Range {
    this.hit("getActiveCell");
    const active = this.book.activeRange;
    const sheet = active && !active.sheet.deleted ? active.sheet : this.book.active();
    const rect = active && !active.sheet.deleted ? active.rect : { row: 1, col: 1 };
    return new Range(this.ctx, sheet, { row: rect.row, col: rect.col, numRows: 1, numCols: 1 });
  }

  /** The selection's ranges (several when the user selected several blocks). */
  getActiveRangeList(): RangeList | null {
    this.hit("getActiveRangeList");
    const active = this.book.activeRange;
    if (!active || active.sheet.deleted) return null;
    return activeRangeList(this.ctx, active, (sheet, rect) => new Range(this.ctx, sheet, rect));
  }

  setActiveRangeList(rangeList: RangeList): RangeList {
    this.hit("setActiveRangeList");
    return this.ctx.uncounted(() => rangeList.activate());
  }

  setActiveRange(range: Range): Range {
    this.hit("setActiveRange");
    this.book.activeSheet = range.sheetModel;
    this.book.activeRange = { sheet: range.sheetModel, rect: { ...range.rect } };
    return range;
  }

  setActiveSelection(range: Range | string): Range {
    this.hit("setActiveSelection");
    const target =
      typeof range === "string"
        ? rangeRect(this.book.active(), range)
        : { sheet: range.sheetModel, rect: range.rect };
    this.book.activeSheet = target.sheet;
    this.book.activeRange = { sheet: target.sheet, rect: { ...target.rect } };
    return new Range(this.ctx, target.sheet, { ...target.rect });
  }

  getLastRow(): number {
    this.hit("getLastRow");
    return this.book.active().lastRow();
  }

  getLastColumn(): number {
    this.hit("getLastColumn");
    return this.book.active().lastColumn();
  }

  getDataRange(): Range {
    this.hit("getDataRange");
    const sheet = this.book.active();
    return new Range(this.ctx, sheet, {
      row: 1,
      col: 1,
      numRows: Math.max(1, sheet.lastRow()),
      numCols: Math.max(1, sheet.lastColumn()),
    });
  }

  // Named ranges

  setNamedRange(name: string, range: Range): void {
    this.hit("setNamedRange");
    if (!(range instanceof Range)) throw exception("setNamedRange needs a Range.");
    setNamedRange(this.book, String(name), range.sheetModel, range.rect);
  }

  getRangeByName(name: string): Range | null {
    this.hit("getRangeByName");
    const model = this.book.namedRanges.get(String(name).toLowerCase());
    return model ? new Range(this.ctx, model.sheet, { ...model.rect }) : null;
  }

  getNamedRanges(): NamedRange[] {
    this.hit("getNamedRanges");
    return [...this.book.namedRanges.values()].map((n) => new NamedRange(this.ctx, this.book, n.name));
  }

  removeNamedRange(name: string): void {
    this.hit("removeNamedRange");
    if (!removeNamedRange(this.book, String(name))) throw exception(RANGE_NOT_FOUND);
  }

  getProtections(type: string): Protection[] {
    this.hit("getProtections");
    return this.book.protections
      .filter((p) => p.type === String(type))
      .map((p) => new Protection(this.ctx, p));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.hit("toast");
    this.ctx.hooks.toast(String(msg), title === undefined ? "" : String(title), timeoutSeconds ?? 5);
  }
}
