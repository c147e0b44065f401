// Sheet: one tab of a spreadsheet.
import { parseA1, type Rect, resolveA1 } from "./a1.ts";
import { EmbeddedChart, EmbeddedChartBuilder } from "./charts.ts";
import { ConditionalFormatRule, copyRule } from "./conditionalFormat.ts";
import { duplicateSheetName, exception, RANGE_NOT_FOUND, type ServiceContext } from "./context.ts";
import { activeRangeList, Filter, RangeList, rowsHiddenByFilter } from "./filter.ts";
import type { SheetModel } from "./model.ts";
import { newProtection, Protection } from "./protection.ts";
import { checkedRect, checkScriptWrite, inputZone, Range, writeInputs } from "./range.ts";
import { Spreadsheet } from "./spreadsheet.ts";
import { inheritInserted, shiftSheet } from "./structural.ts";

export function checkSheetName(sheet: SheetModel | null, name: string): void {
  const existing = (sheet ?? null)?.book.sheetByName(name);
  if (existing && existing !== sheet) throw exception(duplicateSheetName(name));
}

/** Resolves an A1 reference (with or without a sheet name) on a sheet, or throws "Range not found". */
export function rangeRect(sheet: SheetModel, a1: string): { sheet: SheetModel; rect: Rect } {
  const parsed = typeof a1 === "string" ? parseA1(a1) : null;
  if (!parsed) throw exception(RANGE_NOT_FOUND);
  const target = parsed.sheetName === null ? sheet : sheet.book.sheetByName(parsed.sheetName);
  if (!target) throw exception(RANGE_NOT_FOUND);
  const rect = resolveA1(parsed, target.maxRows, target.maxCols);
  if (rect.row + rect.numRows - 1 > target.maxRows || rect.col + rect.numCols - 1 > target.maxCols) {
    // Sheets grows nothing for a read of A1 notation beyond the grid; it reports the range missing.
    throw exception(RANGE_NOT_FOUND);
  }
  return { sheet: target, rect };
}

export class Sheet {
  constructor(
    private readonly ctx: ServiceContext,
    readonly model: SheetModel,
  ) {}

  private hit(method: string): void {
    this.ctx.hit("Sheet", method);
    if (this.model.deleted) throw exception("This sheet has been deleted: look it up again by name.");
  }

  private range(rect: Rect): Range {
    return new Range(this.ctx, this.model, rect);
  }

  // Identity

  getName(): string {
    this.hit("getName");
    return this.model.name;
  }

  setName(name: string): this {
    this.hit("setName");
    const next = String(name);
    if (!next.trim()) throw exception("A sheet name cannot be empty.");
    checkSheetName(this.model, next);
    const old = this.model.name;
    this.model.name = next;
    this.model.book.engine.renameSheet(this.model, old);
    return this;
  }

  getIndex(): number {
    this.hit("getIndex");
    return this.model.book.sheets.indexOf(this.model) + 1;
  }

  getSheetId(): number {
    this.hit("getSheetId");
    return this.model.id;
  }

  getSheetName(): string {
    this.hit("getSheetName");
    return this.model.name;
  }

  getParent(): Spreadsheet {
    this.hit("getParent");
    return new Spreadsheet(this.ctx, this.model.book);
  }

  getType(): string {
    this.hit("getType");
    return "GRID";
  }

  activate(): this {
    this.hit("activate");
    this.model.book.activeSheet = this.model;
    this.model.book.activeRange = { sheet: this.model, rect: { row: 1, col: 1, numRows: 1, numCols: 1 } };
    return this;
  }

  // Ranges

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    this.hit("getRange");
    if (typeof rowOrA1 === "string") {
      const { sheet, rect } = rangeRect(this.model, rowOrA1);
      return new Range(this.ctx, sheet, rect);
    }
    if (column === undefined) throw exception(RANGE_NOT_FOUND);
    return this.range(checkedRect(this.model, rowOrA1, column, numRows ?? 1, numColumns ?? 1));
  }

  getRangeList(a1Notations: string[]): RangeList {
    this.hit("getRangeList");
    return new RangeList(
      this.ctx,
      a1Notations.map((a1) => {
        const { sheet, rect } = rangeRect(this.model, a1);
        return new Range(this.ctx, sheet, rect);
      }),
    );
  }

  /** The selection's ranges on this sheet, or null when the selection is on another sheet. */
  getActiveRangeList(): RangeList | null {
    this.hit("getActiveRangeList");
    const active = this.model.book.activeRange;
    if (!active || active.sheet !== this.model) return null;
    return activeRangeList(this.ctx, active, (sheet, rect) => new Range(this.ctx, sheet, rect));
  }

  setActiveRangeList(rangeList: RangeList): RangeList {
    this.hit("setActiveRangeList");
    return this.ctx.uncounted(() => rangeList.activate());
  }

  // Filter

  getFilter(): Filter | null {
    this.hit("getFilter");
    return this.model.filter
      ? new Filter(this.ctx, this.model, (s, rect) => new Range(this.ctx, s, rect))
      : null;
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#isRowHiddenByFilter(Integer) */
  isRowHiddenByFilter(rowPosition: number): boolean {
    this.hit("isRowHiddenByFilter");
    return rowsHiddenByFilter(this.model).has(rowPosition);
  }

  getDataRange(): Range {
    this.hit("getDataRange");
    return this.range({
      row: 1,
      col: 1,
      numRows: Math.max(1, this.model.lastRow()),
      numCols: Math.max(1, this.model.lastColumn()),
    });
  }

  getActiveRange(): Range | null {
    this.hit("getActiveRange");
    const active = this.model.book.activeRange;
    if (active && active.sheet === this.model) return this.range({ ...active.rect });
    return this.range({ row: 1, col: 1, numRows: 1, numCols: 1 });
  }

  getActiveCell(): Range {
    this.hit("getActiveCell");
    const active = this.model.book.activeRange;
    const rect = active && active.sheet === this.model ? active.rect : { row: 1, col: 1 };
    return this.range({ row: rect.row, col: rect.col, numRows: 1, numCols: 1 });
  }

  setActiveRange(range: Range): Range {
    this.hit("setActiveRange");
    this.model.book.activeSheet = this.model;
    this.model.book.activeRange = { sheet: this.model, rect: { ...range.rect } };
    return range;
  }

  getLastRow(): number {
    this.hit("getLastRow");
    return this.model.lastRow();
  }

  getLastColumn(): number {
    this.hit("getLastColumn");
    return this.model.lastColumn();
  }

  getMaxRows(): number {
    this.hit("getMaxRows");
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    this.hit("getMaxColumns");
    return this.model.maxCols;
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    this.hit("getSheetValues");
    const rows = numRows === -1 ? this.model.lastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this.model.lastColumn() - startColumn + 1 : numColumns;
    return this.ctx.uncounted(() =>
      this.range(checkedRect(this.model, startRow, startColumn, rows, cols)).getValues(),
    );
  }

  /** Writes one row after the last row with content, growing the sheet if needed. */
  appendRow(rowContents: unknown[]): this {
    this.hit("appendRow");
    if (!Array.isArray(rowContents) || rowContents.length === 0)
      throw exception("appendRow needs a non-empty array of values.");
    const row = this.model.lastRow() + 1;
    const rect = { row, col: 1, numRows: 1, numCols: rowContents.length };
    checkScriptWrite(this.model, rect, [rowContents]);
    if (row > this.model.maxRows) this.model.maxRows = row;
    if (rowContents.length > this.model.maxCols) this.model.maxCols = rowContents.length;
    writeInputs(this.model, rect, [rowContents], "value", inputZone(this.model.book));
    return this;
  }

  // Structure

  /** `from`: which neighbour the new rows or columns take their formats and validation from. */
  private insert(dimension: "ROWS" | "COLUMNS", at: number, howMany: number, from: "before" | "after"): void {
    const max = dimension === "ROWS" ? this.model.maxRows : this.model.maxCols;
    if (!Number.isInteger(at) || at < 1 || at > max + 1) {
      throw exception(
        dimension === "ROWS" ? "Those rows are out of bounds." : "Those columns are out of bounds.",
      );
    }
    if (!Number.isInteger(howMany) || howMany < 1)
      throw exception("The number of rows or columns to insert must be at least 1.");
    shiftSheet(this.model, dimension, at, howMany);
    inheritInserted(this.model, dimension, at, howMany, from);
  }

  private remove(dimension: "ROWS" | "COLUMNS", at: number, howMany: number): void {
    const rows = dimension === "ROWS";
    const max = rows ? this.model.maxRows : this.model.maxCols;
    if (
      !Number.isInteger(at) ||
      !Number.isInteger(howMany) ||
      at < 1 ||
      howMany < 1 ||
      at + howMany - 1 > max
    ) {
      throw exception(rows ? "Those rows are out of bounds." : "Those columns are out of bounds.");
    }
    const frozen = rows ? this.model.frozenRows : this.model.frozenColumns;
    if (max - howMany <= frozen && at > frozen) {
      throw exception(`Sorry, it is not possible to delete all non-frozen ${rows ? "rows" : "columns"}.`);
    }
    if (howMany >= max)
      throw exception(`Sorry, it is not possible to delete all ${rows ? "rows" : "columns"}.`);
    shiftSheet(this.model, dimension, at, -howMany);
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.hit("insertRows");
    this.insert("ROWS", rowIndex, numRows, "after");
  }

  insertRowBefore(beforePosition: number): this {
    this.hit("insertRowBefore");
    this.insert("ROWS", beforePosition, 1, "after");
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    this.hit("insertRowAfter");
    this.insert("ROWS", afterPosition + 1, 1, "before");
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.hit("insertRowsBefore");
    this.insert("ROWS", beforePosition, howMany, "after");
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.hit("insertRowsAfter");
    this.insert("ROWS", afterPosition + 1, howMany, "before");
    return this;
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.hit("insertColumns");
    this.insert("COLUMNS", columnIndex, numColumns, "after");
  }

  insertColumnBefore(beforePosition: number): this {
    this.hit("insertColumnBefore");
    this.insert("COLUMNS", beforePosition, 1, "after");
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    this.hit("insertColumnAfter");
    this.insert("COLUMNS", afterPosition + 1, 1, "before");
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.hit("insertColumnsBefore");
    this.insert("COLUMNS", beforePosition, howMany, "after");
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.hit("insertColumnsAfter");
    this.insert("COLUMNS", afterPosition + 1, howMany, "before");
    return this;
  }

  deleteRow(rowPosition: number): this {
    this.hit("deleteRow");
    this.remove("ROWS", rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.hit("deleteRows");
    this.remove("ROWS", rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): this {
    this.hit("deleteColumn");
    this.remove("COLUMNS", columnPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.hit("deleteColumns");
    this.remove("COLUMNS", columnPosition, howMany);
  }

  // Clearing

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.hit("clear");
    const all = this.range({ row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxCols });
    this.ctx.uncounted(() => all.clear(options));
    return this;
  }

  clearContents(): this {
    this.hit("clearContents");
    const all = this.range({ row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxCols });
    this.ctx.uncounted(() => all.clearContent());
    return this;
  }

  clearFormats(): this {
    this.hit("clearFormats");
    this.model.formats.clear();
    this.model.numberFormats.clear();
    return this;
  }

  clearNotes(): this {
    this.hit("clearNotes");
    this.model.notes.clear();
    return this;
  }

  // View

  setFrozenRows(rows: number): void {
    this.hit("setFrozenRows");
    if (rows < 0 || rows > this.model.maxRows) throw exception("The number of frozen rows is out of bounds.");
    this.model.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.hit("getFrozenRows");
    return this.model.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.hit("setFrozenColumns");
    if (columns < 0 || columns > this.model.maxCols)
      throw exception("The number of frozen columns is out of bounds.");
    this.model.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    this.hit("getFrozenColumns");
    return this.model.frozenColumns;
  }

  hideSheet(): this {
    this.hit("hideSheet");
    if (this.model.book.sheets.filter((s) => !s.hidden && s !== this.model).length === 0) {
      throw exception("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this;
  }

  showSheet(): this {
    this.hit("showSheet");
    this.model.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.hit("isSheetHidden");
    return this.model.hidden;
  }

  setTabColor(color: string | null): this {
    this.hit("setTabColor");
    this.model.tabColor = color;
    return this;
  }

  getTabColor(): string | null {
    this.hit("getTabColor");
    return this.model.tabColor;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.hit("setColumnWidth");
    this.model.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.hit("setColumnWidths");
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.hit("getColumnWidth");
    return this.model.columnWidths.get(columnPosition) ?? 100;
  }

  setRowHeight(rowPosition: number, height: number): this {
    this.hit("setRowHeight");
    this.model.rowHeights.set(rowPosition, height);
    return this;
  }

  autoResizeColumn(columnPosition: number): this {
    this.hit("autoResizeColumn");
    this.model.columnWidths.delete(columnPosition);
    return this;
  }

  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.hit("autoResizeColumns");
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.delete(c);
    return this;
  }

  // Protection

  /** A sheet has at most one sheet protection: protecting it again returns that one. */
  protect(): Protection {
    this.hit("protect");
    const existing = this.model.book.protections.find((p) => p.sheet === this.model && p.type === "SHEET");
    return new Protection(this.ctx, existing ?? newProtection(this.model, "SHEET", null));
  }

  getProtections(type: string): Protection[] {
    this.hit("getProtections");
    return this.model.book.protections
      .filter((p) => p.sheet === this.model && p.type === String(type))
      .map((p) => new Protection(this.ctx, p));
  }

  // Charts

  newChart(): EmbeddedChartBuilder {
    this.hit("newChart");
    return new EmbeddedChartBuilder(this.ctx, this.model);
  }

  insertChart(chart: EmbeddedChart): void {
    this.hit("insertChart");
    if (!(chart instanceof EmbeddedChart))
      throw exception("insertChart needs a chart from newChart().build().");
    if (chart.model.id && this.model.charts.some((c) => c.id === chart.model.id)) {
      throw exception("This chart is already in the sheet: use updateChart.");
    }
    const model = { ...chart.model, id: this.model.book.nextChartId++ };
    this.model.charts.push(model);
    Object.assign(chart.model, { id: model.id });
  }

  updateChart(chart: EmbeddedChart): void {
    this.hit("updateChart");
    const index = this.model.charts.findIndex((c) => c.id === chart.model.id);
    if (!chart.model.id || index < 0) throw exception("Chart not found: insert it with insertChart first.");
    this.model.charts[index] = { ...chart.model };
  }

  removeChart(chart: EmbeddedChart): void {
    this.hit("removeChart");
    this.model.charts = this.model.charts.filter((c) => c.id !== chart.model.id);
  }

  getCharts(): EmbeddedChart[] {
    this.hit("getCharts");
    return this.model.charts.map((c) => new EmbeddedChart(this.ctx, this.model, c));
  }

  // Conditional formats

  getConditionalFormatRules(): ConditionalFormatRule[] {
    this.hit("getConditionalFormatRules");
    return this.model.conditionalRules.map((r) => new ConditionalFormatRule(this.ctx, copyRule(r)));
  }

  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.hit("setConditionalFormatRules");
    if (!Array.isArray(rules)) throw exception("setConditionalFormatRules needs an array of rules.");
    this.model.conditionalRules = rules.map((rule) => {
      if (!(rule instanceof ConditionalFormatRule))
        throw exception("setConditionalFormatRules needs rules built with newConditionalFormatRule().");
      return copyRule(rule.model);
    });
  }

  clearConditionalFormatRules(): void {
    this.hit("clearConditionalFormatRules");
    this.model.conditionalRules = [];
  }
}
