// TextFinder (Range.createTextFinder): finds cells by their displayed text, plain
// or as a regular expression, optionally the entire cell, case-insensitive unless matchCase(true).
// The scan happens inside the one counted call, as it happens on Google's side in Apps Script.
import type { Rect } from "./a1.ts";
import type { ServiceContext } from "./context.ts";
import type { SheetModel } from "./model.ts";
import { readValues, writeInputs } from "./range.ts";
import { translateRe2 } from "./re2.ts";
import { displayValue } from "./values.ts";

/** Makes the Range object for one found cell (passed in to keep this module free of a Range import cycle). */
export type CellRangeFactory<R> = (sheet: SheetModel, rect: Rect) => R;

export class TextFinder<R> {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  private diacritics = false;
  /** Index into the scan order of the current match; -1 before the first findNext. */
  private position = -1;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly sheet: SheetModel,
    private readonly rect: Rect,
    private readonly findText: string,
    private readonly cellRange: CellRangeFactory<R>,
  ) {
    if (String(findText) === "") throw new Error("Invalid argument: findText cannot be empty.");
  }

  private hit(method: string): void {
    this.ctx.hit("TextFinder", method);
  }

  matchCase(matchCase: boolean): this {
    this.hit("matchCase");
    this.caseSensitive = Boolean(matchCase);
    return this;
  }

  matchEntireCell(entireCell: boolean): this {
    this.hit("matchEntireCell");
    this.entireCell = Boolean(entireCell);
    return this;
  }

  useRegularExpression(useRegEx: boolean): this {
    this.hit("useRegularExpression");
    this.regex = Boolean(useRegEx);
    return this;
  }

  matchFormulaText(matchFormulaText: boolean): this {
    this.hit("matchFormulaText");
    this.formulaText = Boolean(matchFormulaText);
    return this;
  }

  ignoreDiacritics(ignoreDiacritics: boolean): this {
    this.hit("ignoreDiacritics");
    this.diacritics = Boolean(ignoreDiacritics);
    return this;
  }

  startFrom(startRange: { getRow(): number; getColumn(): number }): this {
    this.hit("startFrom");
    const row = startRange.getRow() - this.rect.row;
    const col = startRange.getColumn() - this.rect.col;
    this.position = row * this.rect.numCols + col;
    return this;
  }

  findAll(): R[] {
    this.hit("findAll");
    return this.matches().map(([r, c]) => this.cellAt(r, c));
  }

  findNext(): R | null {
    this.hit("findNext");
    const found = this.matches().find(([r, c]) => this.order(r, c) > this.position);
    if (!found) return null;
    this.position = this.order(found[0], found[1]);
    return this.cellAt(found[0], found[1]);
  }

  findPrevious(): R | null {
    this.hit("findPrevious");
    const found = this.matches()
      .reverse()
      .find(([r, c]) => this.order(r, c) < this.position);
    if (!found) return null;
    this.position = this.order(found[0], found[1]);
    return this.cellAt(found[0], found[1]);
  }

  getCurrentMatch(): R | null {
    this.hit("getCurrentMatch");
    if (this.position < 0) return null;
    const r = Math.floor(this.position / this.rect.numCols);
    return this.cellAt(r, this.position % this.rect.numCols);
  }

  replaceAllWith(replaceText: string): number {
    this.hit("replaceAllWith");
    const found = this.matches();
    for (const [r, c] of found) this.replaceAt(r, c, String(replaceText));
    return found.length;
  }

  replaceWith(replaceText: string): number {
    this.hit("replaceWith");
    if (this.position < 0) return 0;
    const r = Math.floor(this.position / this.rect.numCols);
    this.replaceAt(r, this.position % this.rect.numCols, String(replaceText));
    return 1;
  }

  private order(r: number, c: number): number {
    return r * this.rect.numCols + c;
  }

  private cellAt(r: number, c: number): R {
    return this.cellRange(this.sheet, {
      row: this.rect.row + r,
      col: this.rect.col + c,
      numRows: 1,
      numCols: 1,
    });
  }

  /** A regular expression is RE2 (no lookaround, no backreference): one RE2 refuses throws here. */
  private pattern(global: boolean): RegExp {
    const re2 = this.regex ? translateRe2(String(this.findText)) : null;
    const ignoreCase = !this.caseSensitive || re2?.flags.ignoreCase;
    const flags = `${ignoreCase ? "i" : ""}${re2?.flags.dotAll ? "s" : ""}${re2?.flags.multiline ? "m" : ""}u${global ? "g" : ""}`;
    const source = re2 ? re2.source : String(this.findText).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(this.entireCell ? `^(?:${source})$` : source, flags);
  }

  private fold(text: string): string {
    return this.diacritics ? text.normalize("NFD").replace(/\p{M}/gu, "") : text;
  }

  /** [row, col] offsets within the range, row by row, of every cell whose text matches. */
  private matches(): [number, number][] {
    const values = readValues(this.sheet, this.rect);
    const pattern = this.pattern(false);
    const found: [number, number][] = [];
    for (let r = 0; r < this.rect.numRows; r += 1) {
      for (let c = 0; c < this.rect.numCols; c += 1) {
        const at = [this.rect.row - 1 + r, this.rect.col - 1 + c] as const;
        const formula = this.formulaText ? this.sheet.formulas.get(at[0], at[1]) : undefined;
        const text =
          formula ?? displayValue(values[r]?.[c] ?? "", this.sheet.numberFormats.get(at[0], at[1]));
        if (text !== "" && pattern.test(this.fold(text))) found.push([r, c]);
      }
    }
    return found;
  }

  private replaceAt(r: number, c: number, replaceText: string): void {
    const values = readValues(this.sheet, {
      ...this.rect,
      row: this.rect.row + r,
      col: this.rect.col + c,
      numRows: 1,
      numCols: 1,
    });
    const text = displayValue(values[0]?.[0] ?? "", undefined);
    const next = this.entireCell ? replaceText : text.replace(this.pattern(true), replaceText);
    writeInputs(this.sheet, { row: this.rect.row + r, col: this.rect.col + c, numRows: 1, numCols: 1 }, [
      [next],
    ]);
  }
}
