// Formula evaluation with HyperFormula, one engine per workbook. The engine starts only when the
// workbook first gets a formula (plain data never pays for it); from then on it mirrors every sheet, and
// recalculation is deferred until a formula's value is read, so a run of writes costs one recalculation.
import {
  DetailedCellError,
  FunctionPlugin,
  type CellValue as HfCellValue,
  HyperFormula,
  type RawCellContent,
} from "hyperformula";
import { isDate } from "../env.ts";
import { wallTime } from "../zones.ts";
import { columnToLetters, lettersToColumn, type Rect, sheetRectA1 } from "./a1.ts";
import type { BookModel, SheetModel } from "./model.ts";
import { type CellValue, type Literal, serialToDate } from "./values.ts";

// Dates reach HyperFormula as this marker so they keep their date type (=A1+1 stays a date).
const DATE_MARKER = "\u0000D";
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseDateTime(text: string) {
  if (text.startsWith(DATE_MARKER)) {
    const d = new Date(Number(text.slice(DATE_MARKER.length)));
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hours: d.getUTCHours(),
      minutes: d.getUTCMinutes(),
      seconds: d.getUTCSeconds() + d.getUTCMilliseconds() / 1000,
    };
  }
  // DATEVALUE("2024-01-05") and DATEVALUE("1/5/2024") as a US-locale spreadsheet reads them.
  const iso = ISO_DATE.exec(text.trim());
  const us = iso ? null : US_DATE.exec(text.trim());
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
    : us
      ? [us[3], us[1], us[2], us[4], us[5], us[6]]
      : null;
  if (!parts) return undefined;
  const [year, month, day, hours, minutes, seconds] = parts.map((p) => Number(p ?? 0));
  return { year, month, day, hours, minutes, seconds };
}

/** The workbook whose formulas are being computed: NOW() and TODAY() read its clock and zone. */
let computing: BookModel | null = null;

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** The spreadsheet zone's wall clock now, as a serial number. */
function serialNow(): number {
  const book = computing;
  const now = book ? book.clock() : Date.now();
  return (wallTime(now, book?.timeZone ?? "Etc/UTC") - SERIAL_EPOCH) / DAY_MS;
}

/**
 * NOW() and TODAY() on the emulator clock in the spreadsheet's time zone ("the time zone of the
 * spreadsheet": https://support.google.com/docs/answer/3092981), where HyperFormula's own read the host's
 * clock in the host's zone.
 */
class SheetClockPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    NOW: { method: "now", parameters: [], isVolatile: true, returnNumberType: "NUMBER_DATETIME" as never },
    TODAY: { method: "today", parameters: [], isVolatile: true, returnNumberType: "NUMBER_DATE" as never },
  };

  now(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata("NOW"), () => serialNow());
  }

  today(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata("TODAY"), () =>
      Math.floor(serialNow()),
    );
  }
}
HyperFormula.registerFunction("NOW", SheetClockPlugin as never);
HyperFormula.registerFunction("TODAY", SheetClockPlugin as never);

/** Applies an edit to the parts of a formula outside string literals. */
function outsideStrings(formula: string, edit: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join("");
}

/** Open-ended ranges (A2:A) run to the sheet's last row, which HyperFormula needs spelled out. */
export function toEngineFormula(text: string, openEndRows: (sheetName: string | null) => number): string {
  return outsideStrings(text, (code) =>
    code.replace(
      /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})(?![\w$(!])/g,
      (_m, prefix: string | undefined, start: string, endCol: string) => {
        const name = prefix ? prefix.slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
        return `${prefix ?? ""}${start}:${endCol}${openEndRows(name)}`;
      },
    ),
  );
}

export class FormulaEngine {
  private hf: HyperFormula | null = null;
  private readonly ids = new Map<SheetModel, number>();
  private suspended = false;
  /** Recalculations so far: one each time a read needs formula values after changes were made. */
  recalculations = 0;
  /** Memo of largestNumber: each formula is scanned once, not on every structural edit. */
  private readonly numbers = new Map<string, number>();

  constructor(private readonly book: BookModel) {}

  get active(): boolean {
    return this.hf !== null;
  }

  /** What a literal becomes in the engine: text is always text, dates keep their type. */
  static content(
    value: Literal | undefined,
    formula: string | undefined,
    engine?: FormulaEngine,
  ): RawCellContent {
    if (formula !== undefined) return engine ? engine.formulaContent(formula) : formula;
    if (value === undefined) return null;
    if (typeof value === "string") return `'${value}`;
    if (isDate(value)) return `${DATE_MARKER}${value.getTime()}`;
    return value;
  }

  formulaContent(text: string): string {
    return toEngineFormula(text, (name) => {
      const sheet = name ? this.book.sheetByName(name) : undefined;
      return sheet?.maxRows ?? 1000;
    });
  }

  /** Starts the engine with every sheet's current content (the first formula in the workbook). */
  start(): void {
    if (this.hf) return;
    // Building from whole sheets at once is several times faster than filling an empty engine.
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of this.book.sheets) sheets[sheet.name] = this.sheetContent(sheet);
    computing = this.book;
    this.hf = HyperFormula.buildFromSheets(sheets, {
      licenseKey: "gpl-v3",
      undoLimit: 0,
      maxRows: 10_000_000,
      maxColumns: 18_278,
      parseDateTime,
      dateFormats: ["YYYY-MM-DD", "MM/DD/YYYY"],
      nullDate: { year: 1899, month: 12, day: 30 },
      // Sheets hands scripts full doubles (11/3 is 3.6666666666666665), not rounded ones.
      smartRounding: false,
    });
    this.suspended = false;
    for (const sheet of this.book.sheets) this.ids.set(sheet, this.hf.getSheetId(sheet.name)!);
    // Sheets reads bare TRUE and FALSE in formulas as the booleans; HyperFormula only knows TRUE().
    this.hf.addNamedExpression("TRUE", "=TRUE()");
    this.hf.addNamedExpression("FALSE", "=FALSE()");
    for (const named of this.book.namedRanges.values())
      this.setNamedRange(named.name, named.sheet, named.rect);
  }

  private sheetContent(sheet: SheetModel): RawCellContent[][] {
    const last = sheet.lastRow();
    const lastCol = sheet.lastColumn();
    const content: RawCellContent[][] = [];
    for (let r = 0; r < last; r++) {
      const values = sheet.values.rows[r];
      const formulas = sheet.formulas.rows[r];
      const line: RawCellContent[] = [];
      const width = Math.min(lastCol, Math.max(values?.length ?? 0, formulas?.length ?? 0));
      for (let c = 0; c < width; c++) line.push(FormulaEngine.content(values?.[c], formulas?.[c], this));
      content.push(line);
    }
    return content;
  }

  private engine(): HyperFormula | null {
    const hf = this.hf;
    if (hf && !this.suspended) {
      hf.suspendEvaluation();
      this.suspended = true;
    }
    return hf;
  }

  private evaluated(): HyperFormula | null {
    const hf = this.hf;
    if (hf && this.suspended) {
      computing = this.book;
      hf.resumeEvaluation();
      this.suspended = false;
      this.recalculations += 1;
    }
    return hf;
  }

  addSheet(sheet: SheetModel): void {
    const hf = this.engine();
    if (!hf) return;
    const name = hf.addSheet(sheet.name);
    this.ids.set(sheet, hf.getSheetId(name)!);
  }

  removeSheet(sheet: SheetModel): void {
    const hf = this.engine();
    const id = this.ids.get(sheet);
    if (!hf || id === undefined) return;
    hf.removeSheet(id);
    this.ids.delete(sheet);
  }

  renameSheet(sheet: SheetModel, oldName: string): void {
    const hf = this.engine();
    const id = this.ids.get(sheet);
    if (!hf || id === undefined) return;
    hf.renameSheet(id, sheet.name);
    const names = [oldName.toLowerCase(), oldName.toLowerCase().replace(/'/g, "''")];
    this.refreshFormulaText((text) => names.some((n) => text.toLowerCase().includes(n)));
  }

  /** Mirrors a block of cells (0-based origin) after the model changed. */
  write(sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): void {
    const hf = this.engine();
    const id = this.ids.get(sheet);
    if (!hf || id === undefined) return;
    const block: RawCellContent[][] = [];
    for (let r = row; r < row + numRows; r++) {
      const values = sheet.values.rows[r];
      const formulas = sheet.formulas.rows[r];
      const line: RawCellContent[] = new Array(numCols);
      for (let c = 0; c < numCols; c++)
        line[c] = FormulaEngine.content(values?.[col + c], formulas?.[col + c], this);
      block.push(line);
    }
    hf.setCellContents({ sheet: id, row, col }, block);
  }

  /** Inserted (count > 0) or deleted (count < 0) rows or columns at a 0-based index. */
  structural(sheet: SheetModel, dimension: "ROWS" | "COLUMNS", at: number, count: number): void {
    const hf = this.engine();
    const id = this.ids.get(sheet);
    if (!hf || id === undefined) return;
    if (dimension === "ROWS") {
      if (count > 0) hf.addRows(id, [at, count]);
      else hf.removeRows(id, [at, -count]);
    } else if (count > 0) hf.addColumns(id, [at, count]);
    else hf.removeColumns(id, [at, -count]);
    const names = [sheet.name.toLowerCase(), sheet.name.toLowerCase().replace(/'/g, "''")];
    // Rows inserted or deleted at index `at` move only references to rows past it, so a formula whose
    // every number is at most `at` (appending rows at the end, the common case) keeps its text.
    const mayMove = dimension === "ROWS" ? (text: string) => this.largestNumber(text) > at : () => true;
    this.refreshFormulaText(
      (text, owner) =>
        mayMove(text) && (owner === sheet || names.some((n) => text.toLowerCase().includes(n))),
    );
  }

  /** The largest run of digits in a formula: an upper bound on every row number it refers to. */
  private largestNumber(text: string): number {
    let largest = this.numbers.get(text);
    if (largest !== undefined) return largest;
    largest = 0;
    for (const digits of text.match(/\d+/g) ?? []) largest = Math.max(largest, Number(digits));
    if (this.numbers.size >= 100_000) this.numbers.clear();
    this.numbers.set(text, largest);
    return largest;
  }

  /** Reads back formula text the engine rewrote (references moved by a structural edit or a rename). */
  private refreshFormulaText(affected: (text: string, owner: SheetModel) => boolean): void {
    const hf = this.hf;
    if (!hf) return;
    for (const sheet of this.book.sheets) {
      const id = this.ids.get(sheet);
      if (id === undefined) continue;
      // Plain loops over the rows: this runs on every inserted row, over every formula of the workbook.
      const rows = sheet.formulas.rows;
      for (let r = 0; r < rows.length; r++) {
        const line = rows[r];
        if (!line) continue;
        for (let c = 0; c < line.length; c++) {
          const text = line[c];
          if (text === undefined || !affected(text, sheet)) continue;
          const updated = hf.getCellFormula({ sheet: id, row: r, col: c });
          if (updated !== undefined) sheet.formulas.set(r, c, updated);
        }
      }
    }
  }

  /**
   * The computed value of a cell (0-based), or undefined when the engine holds nothing there. A cell
   * without a formula of its own can only hold a value spilled by an array formula; any other empty
   * cell is answered without recalculating, so reading plain columns never pays for formulas elsewhere.
   */
  valueAt(sheet: SheetModel, row: number, col: number, hasFormula: boolean): CellValue | undefined {
    const id = this.ids.get(sheet);
    if (!this.hf || id === undefined) return undefined;
    const address = { sheet: id, row, col };
    // The cell's type is known from the dependency graph, which is current even while evaluation waits.
    if (!hasFormula && !this.hf.isCellPartOfArray(address)) return undefined;
    const hf = this.evaluated();
    if (!hf) return undefined;
    const value: HfCellValue = hf.getCellValue(address);
    if (value === null || value === undefined) return undefined;
    if (value instanceof DetailedCellError) return value.value;
    if (typeof value === "number") {
      const type = hf.getCellValueDetailedType(address);
      if (type === "NUMBER_DATE" || type === "NUMBER_DATETIME" || type === "NUMBER_TIME")
        return serialToDate(value);
    }
    return value;
  }

  setNamedRange(name: string, sheet: SheetModel, rect: Rect): void {
    const hf = this.engine();
    if (!hf) return;
    const expression = `=${absolute(sheetRectA1(sheet.name, rect))}`;
    try {
      if (hf.listNamedExpressions().some((n) => n.toLowerCase() === name.toLowerCase())) {
        hf.changeNamedExpression(name, expression);
      } else if (hf.isItPossibleToAddNamedExpression(name, expression)) {
        hf.addNamedExpression(name, expression);
      }
    } catch {
      // A name HyperFormula cannot hold still works as a recorded named range; formulas using it show #NAME?.
    }
  }

  removeNamedRange(name: string): void {
    const hf = this.engine();
    if (!hf) return;
    const existing = hf.listNamedExpressions().find((n) => n.toLowerCase() === name.toLowerCase());
    if (existing) hf.removeNamedExpression(existing);
  }
}

function absolute(a1: string): string {
  const bang = a1.lastIndexOf("!");
  const prefix = a1.slice(0, bang + 1);
  const refs = a1
    .slice(bang + 1)
    .split(":")
    .map((part) => part.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"));
  return prefix + refs.join(":");
}

/**
 * Moves the relative references of a formula by a row and column offset, as Sheets does when a
 * formula is copied or set on a multi-cell range (=A1 in B1, set on B1:B3, reads =A3 in B3).
 */
export function shiftFormula(text: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return text;
  return text
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g,
            (_m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
              const col = colAbs ? lettersToColumn(letters) : lettersToColumn(letters) + cols;
              const row = rowAbs ? Number(digits) : Number(digits) + rows;
              if (col < 1 || row < 1) return "#REF!";
              return `${colAbs}${columnToLetters(col)}${rowAbs}${row}`;
            },
          ),
    )
    .join("");
}
