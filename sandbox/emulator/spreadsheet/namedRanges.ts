// Named ranges: Spreadsheet.setNamedRange / getRangeByName / getNamedRanges, mirrored into the formula
// engine so formulas can use the names.

import type { Rect } from "./a1.ts";
import { exception, type ServiceContext } from "./context.ts";
import type { BookModel, NamedRangeModel, SheetModel } from "./model.ts";
import { Range } from "./range.ts";

// Sheets (support.google.com/docs/answer/63175): only letters, digits and underscores, not starting with
// a digit, 1 to 250 characters, not TRUE or FALSE, not an A1 or R1C1 reference.
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,249}$/;

export function setNamedRange(book: BookModel, name: string, sheet: SheetModel, rect: Rect): void {
  if (
    !VALID_NAME.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^R\d*C\d*$/i.test(name) ||
    /^(true|false)$/i.test(name)
  ) {
    throw exception(
      `The name "${name}" is not a valid range name: use letters, numbers and underscores, not a cell reference.`,
    );
  }
  const key = name.toLowerCase();
  const existing = book.namedRanges.get(key);
  const model: NamedRangeModel = { name: existing?.name ?? name, sheet, rect: { ...rect } };
  book.namedRanges.set(key, model);
  book.engine.setNamedRange(model.name, sheet, model.rect);
}

export function removeNamedRange(book: BookModel, name: string): boolean {
  const key = name.toLowerCase();
  const existing = book.namedRanges.get(key);
  if (!existing) return false;
  book.namedRanges.delete(key);
  book.engine.removeNamedRange(existing.name);
  return true;
}

export class NamedRange {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly book: BookModel,
    private name: string,
  ) {}

  private model(): NamedRangeModel {
    const model = this.book.namedRanges.get(this.name.toLowerCase());
    if (!model) throw exception(`The named range "${this.name}" no longer exists.`);
    return model;
  }

  getName(): string {
    this.ctx.hit("NamedRange", "getName");
    return this.model().name;
  }

  getRange(): Range {
    this.ctx.hit("NamedRange", "getRange");
    const model = this.model();
    return new Range(this.ctx, model.sheet, { ...model.rect });
  }

  setRange(range: Range): this {
    this.ctx.hit("NamedRange", "setRange");
    setNamedRange(this.book, this.model().name, range.sheetModel, range.rect);
    return this;
  }

  setName(name: string): this {
    this.ctx.hit("NamedRange", "setName");
    const model = this.model();
    if (this.book.namedRanges.has(name.toLowerCase()) && name.toLowerCase() !== model.name.toLowerCase()) {
      throw exception(`A named range called "${name}" already exists.`);
    }
    removeNamedRange(this.book, model.name);
    setNamedRange(this.book, name, model.sheet, model.rect);
    this.name = name;
    return this;
  }

  remove(): void {
    this.ctx.hit("NamedRange", "remove");
    removeNamedRange(this.book, this.model().name);
  }
}
