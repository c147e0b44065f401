// Basic filters (Range.createFilter, Sheet.getFilter) and their criteria (SpreadsheetApp.newFilterCriteria),
// and the selection as a list of ranges (getActiveRangeList). A filter hides rows of its range whose cell
// in a filtered column fails that column's criteria; the header row (the range's first) is never hidden.
import { rectA1 } from "./a1.ts";
import { exception, type ServiceContext } from "./context.ts";
import type { FilterCriteriaModel, FilterModel, SheetModel, SheetRect } from "./model.ts";
import type { Range } from "./range.ts";
import { readValues } from "./range.ts";
import { displayValue } from "./values.ts";

/** The criteria types a filter evaluates here; others are kept and read back but hide nothing. */
const EVALUATED = new Set([
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
]);

function copyCriteria(model: FilterCriteriaModel): FilterCriteriaModel {
  return {
    type: model.type,
    values: [...model.values],
    hidden: [...model.hidden],
    visible: [...model.visible],
  };
}

/** What criteria and their builder both read back. */
class CriteriaReader {
  constructor(
    protected readonly ctx: ServiceContext,
    readonly model: FilterCriteriaModel,
    private readonly service: string,
  ) {}

  protected hit(method: string): void {
    this.ctx.hit(this.service, method);
  }

  copy(): FilterCriteriaBuilder {
    this.hit("copy");
    return new FilterCriteriaBuilder(this.ctx, copyCriteria(this.model));
  }

  getCriteriaType(): string | null {
    this.hit("getCriteriaType");
    return this.model.type;
  }

  getCriteriaValues(): unknown[] {
    this.hit("getCriteriaValues");
    return [...this.model.values];
  }

  getHiddenValues(): string[] {
    this.hit("getHiddenValues");
    return [...this.model.hidden];
  }

  getVisibleValues(): string[] {
    this.hit("getVisibleValues");
    return [...this.model.visible];
  }
}

/** https://developers.google.com/apps-script/reference/spreadsheet/filter-criteria */
export class FilterCriteria extends CriteriaReader {
  constructor(ctx: ServiceContext, model: FilterCriteriaModel) {
    super(ctx, model, "FilterCriteria");
  }
}

/** https://developers.google.com/apps-script/reference/spreadsheet/filter-criteria-builder */
export class FilterCriteriaBuilder extends CriteriaReader {
  constructor(
    ctx: ServiceContext,
    model: FilterCriteriaModel = { type: null, values: [], hidden: [], visible: [] },
  ) {
    super(ctx, model, "FilterCriteriaBuilder");
  }

  private when(method: string, type: string, values: unknown[]): this {
    this.hit(method);
    this.model.type = type;
    this.model.values = values;
    return this;
  }

  build(): FilterCriteria {
    this.hit("build");
    return new FilterCriteria(this.ctx, copyCriteria(this.model));
  }

  /** "Sets the values to hide. Clears any existing visible or hidden values." */
  setHiddenValues(values: string[]): this {
    this.hit("setHiddenValues");
    if (!Array.isArray(values)) throw exception("setHiddenValues needs an array of text values.");
    this.model.hidden = values.map(String);
    this.model.visible = [];
    return this;
  }

  /** Sheets' filters refuse visible values: "Visible values are not currently supported…". */
  setVisibleValues(_values: string[]): this {
    this.hit("setVisibleValues");
    throw exception(
      "Visible values are not currently supported. As an alternative specify a list of hidden values that excludes the values that should be visible.",
    );
  }

  whenCellEmpty(): this {
    return this.when("whenCellEmpty", "CELL_EMPTY", []);
  }

  whenCellNotEmpty(): this {
    return this.when("whenCellNotEmpty", "CELL_NOT_EMPTY", []);
  }

  whenTextContains(text: string): this {
    return this.when("whenTextContains", "TEXT_CONTAINS", [String(text)]);
  }

  whenTextDoesNotContain(text: string): this {
    return this.when("whenTextDoesNotContain", "TEXT_DOES_NOT_CONTAIN", [String(text)]);
  }

  whenTextEqualTo(text: string): this {
    return this.when("whenTextEqualTo", "TEXT_EQUAL_TO", [String(text)]);
  }

  whenTextStartsWith(text: string): this {
    return this.when("whenTextStartsWith", "TEXT_STARTS_WITH", [String(text)]);
  }

  whenTextEndsWith(text: string): this {
    return this.when("whenTextEndsWith", "TEXT_ENDS_WITH", [String(text)]);
  }

  /** Kept and read back; the emulator does not evaluate custom formulas in filters (nothing is hidden). */
  whenFormulaSatisfied(formula: string): this {
    return this.when("whenFormulaSatisfied", "CUSTOM_FORMULA", [String(formula)]);
  }
}

/** Whether a displayed cell passes one column's criteria (text comparisons ignore case, as Sheets' do). */
function passes(shown: string, criteria: FilterCriteriaModel): boolean {
  if (criteria.hidden.includes(shown)) return false;
  if (!criteria.type || !EVALUATED.has(criteria.type)) return true;
  const text = shown.toLowerCase();
  const value = String(criteria.values[0] ?? "").toLowerCase();
  switch (criteria.type) {
    case "CELL_EMPTY":
      return shown === "";
    case "CELL_NOT_EMPTY":
      return shown !== "";
    case "TEXT_CONTAINS":
      return text.includes(value);
    case "TEXT_DOES_NOT_CONTAIN":
      return !text.includes(value);
    case "TEXT_EQUAL_TO":
      return text === value;
    case "TEXT_STARTS_WITH":
      return text.startsWith(value);
    default:
      return text.endsWith(value);
  }
}

/** Rows (1-based) of the sheet its filter hides now. */
export function rowsHiddenByFilter(sheet: SheetModel): Set<number> {
  const hidden = new Set<number>();
  const filter = sheet.filter;
  if (!filter || filter.criteria.size === 0) return hidden;
  const { rect } = filter;
  if (rect.numRows < 2) return hidden;
  const body = { row: rect.row + 1, col: rect.col, numRows: rect.numRows - 1, numCols: rect.numCols };
  const values = readValues(sheet, body);
  values.forEach((line, i) => {
    for (const [column, criteria] of filter.criteria) {
      const j = column - rect.col;
      const shown = displayValue(line[j] ?? "", sheet.numberFormats.get(body.row - 1 + i, column - 1));
      if (!passes(shown, criteria)) {
        hidden.add(body.row + i);
        break;
      }
    }
  });
  return hidden;
}

/** https://developers.google.com/apps-script/reference/spreadsheet/filter */
export class Filter {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly sheet: SheetModel,
    private readonly makeRange: (sheet: SheetModel, rect: FilterModel["rect"]) => Range,
  ) {}

  private live(method: string): FilterModel {
    this.ctx.hit("Filter", method);
    const model = this.sheet.filter;
    if (!model) throw exception("This filter no longer exists.");
    return model;
  }

  /** "columnPosition: The 1-indexed position of the column" (of the sheet), inside the filter's range. */
  private column(model: FilterModel, columnPosition: number): number {
    const { rect } = model;
    if (
      !Number.isInteger(columnPosition) ||
      columnPosition < rect.col ||
      columnPosition > rect.col + rect.numCols - 1
    ) {
      throw exception(`The column ${columnPosition} is outside the filter range ${rectA1(rect)}.`);
    }
    return columnPosition;
  }

  getRange(): Range {
    const model = this.live("getRange");
    return this.makeRange(this.sheet, { ...model.rect });
  }

  getColumnFilterCriteria(columnPosition: number): FilterCriteria | null {
    const model = this.live("getColumnFilterCriteria");
    const criteria = model.criteria.get(this.column(model, columnPosition));
    return criteria ? new FilterCriteria(this.ctx, copyCriteria(criteria)) : null;
  }

  setColumnFilterCriteria(columnPosition: number, filterCriteria: FilterCriteria | null): this {
    const model = this.live("setColumnFilterCriteria");
    const column = this.column(model, columnPosition);
    if (filterCriteria === null) model.criteria.delete(column);
    else if (filterCriteria instanceof FilterCriteria)
      model.criteria.set(column, copyCriteria(filterCriteria.model));
    else
      throw exception(
        "setColumnFilterCriteria needs criteria built with SpreadsheetApp.newFilterCriteria().",
      );
    return this;
  }

  removeColumnFilterCriteria(columnPosition: number): this {
    const model = this.live("removeColumnFilterCriteria");
    model.criteria.delete(this.column(model, columnPosition));
    return this;
  }

  remove(): void {
    this.live("remove");
    this.sheet.filter = null;
  }
}

/** Range.createFilter: one filter per sheet. */
export function createFilter(sheet: SheetModel, rect: FilterModel["rect"]): void {
  if (sheet.filter) throw exception("You can't create a filter in a sheet that already has a filter.");
  sheet.filter = { rect: { ...rect }, criteria: new Map() };
}

/** https://developers.google.com/apps-script/reference/spreadsheet/range-list */
export class RangeList {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly ranges: Range[],
  ) {}

  getRanges(): Range[] {
    this.ctx.hit("RangeList", "getRanges");
    return [...this.ranges];
  }

  activate(): this {
    this.ctx.hit("RangeList", "activate");
    const last = this.ranges[this.ranges.length - 1];
    if (!last) return this;
    const book = last.sheetModel.book;
    book.activeSheet = last.sheetModel;
    book.activeRange = { sheet: last.sheetModel, rect: { ...last.rect } };
    book.selection = this.ranges.map((r) => ({ sheet: r.sheetModel, rect: { ...r.rect } }));
    return this;
  }
}

/** The selection as a RangeList (Sheet and Spreadsheet getActiveRangeList). */
export function activeRangeList(
  ctx: ServiceContext,
  active: SheetRect,
  makeRange: (sheet: SheetModel, rect: FilterModel["rect"]) => Range,
): RangeList {
  return new RangeList(
    ctx,
    selectionRects(active).map((r) => makeRange(r.sheet, { ...r.rect })),
  );
}

/**
 * The selection: every range of a multi-range selection while its last range is still the active range
 * ("the last range in the list is the active range"), else the active range alone.
 */
export function selectionRects(active: SheetRect): SheetRect[] {
  const book = active.sheet.book;
  const last = book.selection?.[book.selection.length - 1];
  const same =
    last &&
    last.sheet === active.sheet &&
    last.rect.row === active.rect.row &&
    last.rect.col === active.rect.col &&
    last.rect.numRows === active.rect.numRows &&
    last.rect.numCols === active.rect.numCols;
  return same && book.selection ? book.selection.filter((r) => !r.sheet.deleted) : [active];
}
