// Embedded charts kept in step with their data: a chart is found again by its title, so re-running a
// menu item updates the chart in place instead of stacking a new one on top.
import { freeTextCell } from "../../../shared/clip/injection";
import { type TabName, tab } from "../../../shared/schema";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

export interface ChartSpec {
  title: string;
  /** Finds the chart again when its title changes between runs (default: the exact title). */
  titlePrefix?: string;
  /** The data: first column the labels, first row the series names. */
  range: Range;
  /** Sets the chart type and options on a fresh or existing builder. */
  style(builder: Builder): Builder;
  /** Where a new chart goes (1-based row and column of its top-left cell). */
  anchor: { row: number; column: number };
}

/**
 * The sheet's chart whose title option is `title` (or starts with `prefix`), as the add-on finds its own
 * charts again; Check installation confirms on the real workbook that a title set here reads back.
 */
export function findChartByTitle(
  sheet: Sheet,
  title: string,
  prefix?: string,
): GoogleAppsScript.Spreadsheet.EmbeddedChart | undefined {
  const matches = (found: unknown) =>
    typeof found === "string" && (prefix ? found.startsWith(prefix) : found === title);
  return sheet.getCharts().find((chart) => matches(chart.getOptions().get("title")));
}

/** Inserts the chart, or updates the one with the same title: one getCharts read either way. */
export function upsertChart(sheet: Sheet, spec: ChartSpec): "inserted" | "updated" {
  return placeChart(sheet, spec, findChartByTitle(sheet, spec.title, spec.titlePrefix));
}

/** Updates `existing` in place with the spec, or inserts a new chart when there is none. */
function placeChart(
  sheet: Sheet,
  spec: ChartSpec,
  existing: GoogleAppsScript.Spreadsheet.EmbeddedChart | undefined,
): "inserted" | "updated" {
  if (existing) {
    const builder = existing.modify().clearRanges().addRange(spec.range).setOption("title", spec.title);
    sheet.updateChart(spec.style(builder).build());
    return "updated";
  }
  const builder = sheet
    .newChart()
    .addRange(spec.range)
    .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
    .setOption("title", spec.title);
  sheet.insertChart(spec.style(builder).build());
  return "inserted";
}

/**
 * Keeps one chart per spec among the sheet's charts whose title starts with `prefix`: each is updated in
 * place when its exact title is found (one getCharts read for all), inserted otherwise; charts with the
 * prefix that no spec names any more are removed, so a second run replaces rather than duplicates.
 */
export function syncCharts(
  sheet: Sheet,
  prefix: string,
  specs: readonly ChartSpec[],
): { inserted: number; updated: number; removed: number } {
  const found = new Map<string, GoogleAppsScript.Spreadsheet.EmbeddedChart>();
  const extra: GoogleAppsScript.Spreadsheet.EmbeddedChart[] = [];
  for (const chart of sheet.getCharts()) {
    const title = chart.getOptions().get("title");
    if (typeof title !== "string" || !title.startsWith(prefix)) continue;
    if (found.has(title)) extra.push(chart);
    else found.set(title, chart);
  }
  const counts = { inserted: 0, updated: 0, removed: 0 };
  for (const spec of specs) {
    counts[placeChart(sheet, spec, found.get(spec.title))] += 1;
    found.delete(spec.title);
  }
  for (const chart of [...found.values(), ...extra]) {
    sheet.removeChart(chart);
    counts.removed += 1;
  }
  return counts;
}

/**
 * Rewrites a chart's hidden data tab (the schema's "chartData" tabs; created when a workbook set up
 * before it lacks it): one clear and one setValues. Returns the written block so the chart can point at it.
 */
export function writeChartData(
  spreadsheet: Spreadsheet,
  tabName: TabName,
  rows: readonly unknown[][],
): Range | null {
  let sheet = spreadsheet.getSheetByName(tabName);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(tabName, spreadsheet.getSheets().length);
    if (tab(tabName).hidden) sheet.hideSheet();
  } else sheet.clearContents();
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) return null;
  if (rows.length > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (width > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, rows.length, width);
  range.setValues(
    rows.map((row) => row.map((cell) => (typeof cell === "string" ? freeTextCell(cell) : cell))),
  );
  return range;
}
