// Inserting and deleting rows or columns: every per-cell grid shifts, formulas are rewritten by the
// engine, and everything that refers to a block of this sheet (named ranges, charts, conditional
// formats, protections, merges, range validations, the selection) moves with it.
import { type Rect, shiftRect } from "./a1.ts";
import type { Grid } from "./grid.ts";
import {
  type FilterCriteriaModel,
  isSheetRect,
  type SheetModel,
  type SheetRect,
  type ValidationModel,
} from "./model.ts";
import { removeNamedRange } from "./namedRanges.ts";

export type DimensionName = "ROWS" | "COLUMNS";

/** Each sheet's distinct validation rules, kept while its validation grid is unchanged. */
const rulesSeen = new WeakMap<Grid<ValidationModel>, { version: number; rules: ValidationModel[] }>();

/**
 * The validation rules of a sheet, each once (a rule is shared by the cells it covers). Every inserted
 * row asks this of every sheet, so the scan of the grid is kept until the grid changes.
 */
function distinctRules(sheet: SheetModel): ValidationModel[] {
  const grid = sheet.validations;
  const seen = rulesSeen.get(grid);
  if (seen?.version === grid.version) return seen.rules;
  const rules = new Set<ValidationModel>();
  for (const line of grid.rows) {
    if (!line) continue;
    let previous: ValidationModel | undefined;
    for (const rule of line) {
      if (rule === undefined || rule === previous) continue;
      rules.add(rule);
      previous = rule;
    }
  }
  const list = [...rules];
  rulesSeen.set(grid, { version: grid.version, rules: list });
  return list;
}

/** `at` is 1-based; delta > 0 inserts that many before `at`, delta < 0 deletes from `at` on. */
export function shiftSheet(sheet: SheetModel, dimension: DimensionName, at: number, delta: number): void {
  const book = sheet.book;
  const index = at - 1;
  for (const grid of sheet.grids()) {
    if (dimension === "ROWS") {
      if (delta > 0) grid.insertRows(index, delta);
      else grid.deleteRows(index, -delta);
    } else if (delta > 0) grid.insertCols(index, delta);
    else grid.deleteCols(index, -delta);
  }
  if (dimension === "ROWS") sheet.maxRows += delta;
  else sheet.maxCols += delta;
  book.engine.structural(sheet, dimension, index, delta);

  const move = (rect: Rect): Rect | null => shiftRect(rect, dimension, at, delta);
  const moveAll = (refs: SheetRect[]): SheetRect[] =>
    refs.flatMap((ref) => {
      if (ref.sheet !== sheet) return [ref];
      const rect = move(ref.rect);
      return rect ? [{ sheet: ref.sheet, rect }] : [];
    });

  for (const named of [...book.namedRanges.values()]) {
    if (named.sheet !== sheet) continue;
    const rect = move(named.rect);
    if (rect) named.rect = rect;
    else removeNamedRange(book, named.name);
  }
  for (const other of book.sheets) {
    for (const chart of other.charts) chart.ranges = moveAll(chart.ranges);
    for (const rule of other.conditionalRules) rule.ranges = moveAll(rule.ranges);
    for (const validation of distinctRules(other)) {
      validation.values = validation.values.map((v) =>
        isSheetRect(v) && v.sheet === sheet ? { sheet, rect: move(v.rect) ?? v.rect } : v,
      );
    }
  }
  book.protections = book.protections.filter((p) => {
    if (p.sheet !== sheet || !p.rect) return true;
    const rect = move(p.rect);
    if (rect) p.rect = rect;
    return rect !== null;
  });
  sheet.merges = sheet.merges.flatMap((m) => {
    const rect = move(m);
    return rect ? [rect] : [];
  });
  if (sheet.filter) {
    // The filter's range moves and grows like any block; column criteria follow their column.
    const rect = move(sheet.filter.rect);
    if (!rect) sheet.filter = null;
    else if (dimension === "ROWS") sheet.filter.rect = rect;
    else {
      const criteria = new Map<number, FilterCriteriaModel>();
      for (const [column, c] of sheet.filter.criteria) {
        if (column < at) criteria.set(column, c);
        else if (delta > 0 || column >= at - delta) criteria.set(column + delta, c);
      }
      sheet.filter = { rect, criteria };
    }
  }
  book.selection = null;
  if (book.activeRange?.sheet === sheet) {
    const rect = move(book.activeRange.rect);
    book.activeRange = rect ? { sheet, rect } : null;
  }
}

/**
 * Inserted rows or columns take the formats, number formats and data validation of the row or column
 * beside them, as Sheets' InsertDimensionRequest documents ("inheritFromBefore": the dimensions before
 * the insertion point, else those after): https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#insertdimensionrequest
 * Values, formulas and notes are not inherited. `at` is the 1-based first inserted row or column.
 */
export function inheritInserted(
  sheet: SheetModel,
  dimension: DimensionName,
  at: number,
  howMany: number,
  from: "before" | "after",
): void {
  const source = from === "before" ? at - 1 : at + howMany;
  const max = dimension === "ROWS" ? sheet.maxRows : sheet.maxCols;
  if (source < 1 || source > max) return;
  for (const grid of [sheet.formats, sheet.numberFormats, sheet.validations] as Grid<unknown>[]) {
    const cells: [number, unknown][] = [];
    for (const [r, c, value] of grid.entries()) {
      if (dimension === "ROWS" && r === source - 1) cells.push([c, value]);
      else if (dimension === "COLUMNS" && c === source - 1) cells.push([r, value]);
    }
    for (let k = 0; k < howMany; k += 1) {
      for (const [other, value] of cells) {
        // A format object is copied so that formatting one row later leaves its neighbour alone.
        const copy =
          value !== null && typeof value === "object" && grid !== sheet.validations ? { ...value } : value;
        if (dimension === "ROWS") grid.set(at - 1 + k, other, copy);
        else grid.set(other, at - 1 + k, copy);
      }
    }
  }
}
