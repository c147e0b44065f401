// SpreadsheetStore: every workbook of the emulator, the SpreadsheetApp global over them, and the
// sandbox's own uncounted access (describe for the workbook view, person edits, save and restore).
import { randomBytes } from "node:crypto";
import type { EmulatorEnv } from "../env.ts";
import { SpreadsheetApp, type WorkbookRegistry } from "./app.ts";
import { exception, ServiceContext, type SpreadsheetHooks } from "./context.ts";
import { describeBook, type WorkbookDescription } from "./describe.ts";
import { BookModel } from "./model.ts";
import { bookJson, bookState, loadBook, type StoreDelta, type StoreState, storeDelta } from "./persist.ts";
import { inputZone, readValues, writeInputs } from "./range.ts";
import { rangeRect } from "./sheet.ts";
import { Spreadsheet } from "./spreadsheet.ts";
import { validationProblem } from "./validationCheck.ts";
import { type CellValue, interpretInput } from "./values.ts";

function newSpreadsheetId(): string {
  return randomBytes(33).toString("base64url");
}

export class SpreadsheetStore implements WorkbookRegistry {
  readonly books = new Map<string, BookModel>();
  activeId: string | null = null;
  readonly ctx: ServiceContext;
  private readonly spreadsheetApp: SpreadsheetApp;

  constructor(
    readonly env: EmulatorEnv,
    readonly hooks: SpreadsheetHooks,
  ) {
    this.ctx = new ServiceContext(env, hooks);
    this.spreadsheetApp = new SpreadsheetApp(this.ctx, this);
  }

  static load(env: EmulatorEnv, hooks: SpreadsheetHooks, state: StoreState): SpreadsheetStore {
    const store = new SpreadsheetStore(env, hooks);
    store.load(state);
    return store;
  }

  /** The SpreadsheetApp global. */
  get app(): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
    // The emulated classes implement the members the add-on uses, not every member of the typings.
    return this.spreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  }

  /**
   * The time zone of a new workbook: Sheets gives a new spreadsheet its creator's zone
   * (https://support.google.com/docs/answer/58515), here the emulator's option (default Etc/UTC).
   */
  defaultTimeZone = "Etc/UTC";

  /** NOW(), TODAY() and typed "Jan 5" follow the emulator clock, not the host's. */
  private clocked(book: BookModel): BookModel {
    book.clock = () => this.ctx.env.now().getTime();
    return book;
  }

  /** Used by SpreadsheetApp.create; a new workbook has one empty "Sheet1". */
  createBook(name: string, rows?: number, columns?: number): BookModel {
    const book = this.clocked(new BookModel(newSpreadsheetId(), name));
    book.timeZone = this.defaultTimeZone;
    const sheet = book.addSheet("Sheet1");
    if (rows) sheet.maxRows = rows;
    if (columns) sheet.maxCols = columns;
    this.books.set(book.id, book);
    return book;
  }

  /** Creates a workbook without counting a script call; the first one becomes the active (bound) one. */
  create(name: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const book = this.createBook(name);
    if (this.activeId === null) this.activeId = book.id;
    return this.handle(book);
  }

  /** Ids of every workbook, in creation order. */
  ids(): string[] {
    return [...this.books.keys()];
  }

  setActive(id: string): void {
    if (!this.books.has(id)) throw new Error(`No workbook with id ${id}.`);
    this.activeId = id;
  }

  get(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    const book = this.books.get(id);
    return book ? this.handle(book) : null;
  }

  private handle(book: BookModel): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return new Spreadsheet(this.ctx, book) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  private book(id?: string): BookModel {
    const key = id ?? this.activeId;
    const book = key ? this.books.get(key) : undefined;
    if (!book) throw new Error(key ? `No workbook with id ${key}.` : "No active workbook.");
    return book;
  }

  /** The workbook as JSON (GET /api/workbook). Not counted as script calls. */
  describe(id?: string): WorkbookDescription {
    return this.ctx.uncounted(() => describeBook(this.book(id)));
  }

  /**
   * Computed values of a whole tab (up to its last row and column), uncounted; null if no such tab. A date
   * is the cell's wall clock in its UTC fields (what the sheet shows), not the instant getValues gives.
   */
  sheetValues(sheetName: string, id?: string): CellValue[][] | null {
    const sheet = this.book(id).sheetByName(sheetName);
    if (!sheet) return null;
    const rows = sheet.lastRow();
    const cols = sheet.lastColumn();
    if (rows === 0 || cols === 0) return [];
    return this.ctx.uncounted(() => readValues(sheet, { row: 1, col: 1, numRows: rows, numCols: cols }));
  }

  /**
   * A person typing into the grid: strings starting with "=" become formulas, others are parsed as
   * typed input; an entry breaking a rejecting validation rule throws "There was a problem: …" and
   * nothing is written. Returns the edited range (for the onEdit event); the write is not counted.
   */
  edit(sheetName: string, a1: string, values: unknown[][], id?: string): GoogleAppsScript.Spreadsheet.Range {
    const book = this.book(id);
    const sheet = book.sheetByName(sheetName);
    if (!sheet) throw exception(`There is no sheet named "${sheetName}".`);
    const { sheet: target, rect } = rangeRect(sheet, a1);
    const height = values.length;
    const width = values[0]?.length ?? 0;
    if (height === 0 || width === 0 || values.some((line) => line.length !== width)) {
      throw exception("The edit needs a rectangular, non-empty array of values.");
    }
    const area = { row: rect.row, col: rect.col, numRows: height, numCols: width };
    if (area.row + height - 1 > target.maxRows) target.maxRows = area.row + height - 1;
    if (area.col + width - 1 > target.maxCols) target.maxCols = area.col + width - 1;
    // Sheets refuses a typed entry that breaks a rule set to reject invalid input.
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        const rule = target.validations.get(area.row - 1 + i, area.col - 1 + j);
        if (!rule || rule.allowInvalid) continue;
        const input = interpretInput(
          values[i]?.[j],
          target.numberFormats.get(area.row - 1 + i, area.col - 1 + j),
          inputZone(book),
        );
        if (input.kind !== "literal") continue;
        const problem = validationProblem(input.value, rule);
        if (problem) throw exception(`There was a problem: ${problem}`);
      }
    }
    writeInputs(target, area, values, "value", inputZone(book));
    return this.ctx.uncounted(() =>
      this.handle(book).getSheetByName(target.name)!.getRange(area.row, area.col, height, width),
    ) as GoogleAppsScript.Spreadsheet.Range;
  }

  /** JSON-safe state: values (dates as { $date }), formulas, formats, validation, charts, everything. */
  toJSON(): StoreState {
    return { version: 1, activeId: this.activeId, books: [...this.books.values()].map((b) => bookState(b)) };
  }

  /** What changed since the last call (everything when `full`): the sandbox journals it. */
  delta(full: boolean): StoreDelta {
    return storeDelta(this.books.values(), this.activeId, full);
  }

  /** JSON.stringify(toJSON()), re-encoding only the cells of grids changed since the last call. */
  toJSONText(): string {
    const books = [...this.books.values()].map(bookJson).join(",");
    return `{"version":1,"activeId":${JSON.stringify(this.activeId)},"books":[${books}]}`;
  }

  /** Replaces every workbook with a saved state. */
  load(state: StoreState): void {
    this.books.clear();
    for (const bookData of state.books) {
      const book = this.clocked(loadBook(bookData));
      this.books.set(book.id, book);
    }
    this.activeId = state.activeId && this.books.has(state.activeId) ? state.activeId : null;
  }
}
