// Where the Dashboard's panels go and how each chart is drawn: a two-column grid with fixed anchor rows,
// each panel's title and one-line reading in the two cells above its chart. Charts are found again by title
// and updated in place (data range, position, options), so refreshing twice leaves the same charts.
import { neutralizeCell } from "../../../shared/clip/injection";
import { type Panel, RUN_CHART_MAX, RUN_CHART_PREFIX, TITLES } from "./dashboardPanels";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export const HEADER_ROWS = 2;
export const FIRST_SLOT_ROW = 4;
/** Title, reading, then a chart 340 px high (17 rows of 21 px) and a gap. */
export const SLOT_ROWS = 21;
export const SLOT_COLUMNS = [1, 8] as const;
const CHART_WIDTH = 620;
const CHART_HEIGHT = 340;
/** Nine fixed panels, the run charts and the note on the omitted ones. */
export const MAX_SLOTS = Object.keys(TITLES).length - 1 + RUN_CHART_MAX + 1;
export const GRID_ROWS = FIRST_SLOT_ROW + Math.ceil(MAX_SLOTS / 2) * SLOT_ROWS - 1;
export const GRID_COLUMNS = SLOT_COLUMNS[1] + 7;

/** Top-left cell of slot i (its title); the reading is below it and the chart below that. */
export function slotCell(i: number): { row: number; column: number } {
  return {
    row: FIRST_SLOT_ROW + Math.floor(i / 2) * SLOT_ROWS,
    column: SLOT_COLUMNS[i % 2] as number,
  };
}

const OURS = new Set<string>(Object.values(TITLES));
export const isDashboardChart = (title: unknown): boolean =>
  typeof title === "string" && (OURS.has(title) || title.startsWith(RUN_CHART_PREFIX));

function style(builder: Builder, panel: Panel): Builder {
  let b = builder;
  switch (panel.kind) {
    case "stackedBar":
      b = b.asBarChart().setStacked().setOption("legend", { position: "bottom" });
      break;
    case "bubble":
      // Sheets draws bubble charts (Charts.ChartType.BUBBLE) from ID, x, y, series and size columns; the
      // typed builders have no asBubbleChart, so the type is set directly.
      b = b.setChartType(Charts.ChartType.BUBBLE).setOption("bubble", { textStyle: { fontSize: 9 } });
      break;
    case "line":
      b = b.asLineChart().setOption("pointSize", 5).setOption("legend", { position: "bottom" });
      break;
    case "column":
      b = b.asColumnChart().setOption("legend", { position: "bottom" });
      break;
    case "pie":
      b = b.asPieChart().setOption("legend", { position: "right" });
      break;
    case "run":
      // The median as a dashed line without points (Langley et al., The Improvement Guide: run chart).
      b = b
        .asLineChart()
        .setOption("pointSize", 4)
        .setOption("legend", { position: "none" })
        .setOption("series", { 1: { lineDashStyle: [6, 4], pointSize: 0 } });
      break;
  }
  b = b
    .setNumHeaders(1)
    .setOption("title", panel.title)
    .setOption("width", CHART_WIDTH)
    .setOption("height", CHART_HEIGHT);
  if (panel.axes?.h) b = b.setOption("hAxis", { title: panel.axes.h });
  if (panel.axes?.v) b = b.setOption("vAxis", { title: panel.axes.v });
  return b;
}

export interface ChartOutcome {
  inserted: number;
  updated: number;
  removed: number;
  /** The user's own charts (not the add-on's), kept; those anchored inside the grid are named. */
  keptInGrid: string[];
  kept: number;
}

/**
 * Draws each panel that has data at its slot, updating the add-on's chart of the same title; removes the
 * add-on's charts no panel draws any more; leaves every other chart alone. One getCharts read.
 */
export function drawCharts(
  sheet: Sheet,
  panels: readonly Panel[],
  ranges: ReadonlyMap<string, Range>,
): ChartOutcome {
  const outcome: ChartOutcome = { inserted: 0, updated: 0, removed: 0, keptInGrid: [], kept: 0 };
  const existing = new Map<string, Chart>();
  for (const chart of sheet.getCharts()) {
    const title = chart.getOptions().get("title");
    if (!isDashboardChart(title)) {
      outcome.kept += 1;
      const at = chart.getContainerInfo();
      if (at.getAnchorRow() <= GRID_ROWS && at.getAnchorColumn() <= GRID_COLUMNS)
        outcome.keptInGrid.push(`“${String(title ?? "untitled")}” at row ${at.getAnchorRow()}`);
      continue;
    }
    // A second copy of one of ours (pasted or from an older version) goes: one chart per title.
    if (existing.has(String(title))) {
      sheet.removeChart(chart);
      outcome.removed += 1;
    } else existing.set(String(title), chart);
  }
  panels.forEach((panel, i) => {
    const range = ranges.get(panel.title);
    if (!range || !panel.data) return;
    const at = slotCell(i);
    const chart = existing.get(panel.title);
    existing.delete(panel.title);
    const builder = chart ? chart.modify().clearRanges() : sheet.newChart();
    const built = style(builder.addRange(range).setPosition(at.row + 2, at.column, 0, 0), panel).build();
    if (chart) {
      sheet.updateChart(built);
      outcome.updated += 1;
    } else {
      sheet.insertChart(built);
      outcome.inserted += 1;
    }
  });
  for (const stale of existing.values()) {
    sheet.removeChart(stale);
    outcome.removed += 1;
  }
  return outcome;
}

/** A short fingerprint of a cell's text (FNV-1a), to tell the add-on's own text from the user's. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export interface TextCell {
  row: number;
  column: number;
  text: string;
  bold: boolean;
}

/** The header lines and every slot's title and reading (blank for unused slots: they were the add-on's). */
export function textCells(panels: readonly Panel[], header: readonly [string, string]): TextCell[] {
  const cells: TextCell[] = [
    { row: 1, column: 1, text: header[0], bold: true },
    { row: 2, column: 1, text: header[1], bold: false },
  ];
  for (let i = 0; i < MAX_SLOTS; i++) {
    const at = slotCell(i);
    const panel = panels[i];
    cells.push({ ...at, text: panel?.title ?? "", bold: true });
    cells.push({ row: at.row + 1, column: at.column, text: panel?.reading ?? "", bold: false });
  }
  return cells;
}

/**
 * Writes the text cells, two adjacent rows per block, and says which held the user's own text (neither
 * blank nor what the add-on wrote last time, whose fingerprints `previous` holds).
 */
export function writeTextCells(
  sheet: Sheet,
  cells: readonly TextCell[],
  previous: ReadonlyMap<string, string> | null,
  setUpText: string,
): { replaced: string[]; fingerprints: Record<string, string> } {
  const maxRows = sheet.getMaxRows();
  if (maxRows < GRID_ROWS) sheet.insertRowsAfter(maxRows, GRID_ROWS - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < GRID_COLUMNS) sheet.insertColumnsAfter(maxColumns, GRID_COLUMNS - maxColumns);
  const before = sheet.getRange(1, 1, GRID_ROWS, GRID_COLUMNS).getValues();
  const replaced: string[] = [];
  const fingerprints: Record<string, string> = {};
  const a1 = (row: number, column: number) => `${String.fromCharCode(64 + column)}${row}`;
  for (const cell of cells) {
    const old = before[cell.row - 1]?.[cell.column - 1];
    const oldText = old === "" || old === null || old === undefined ? "" : String(old);
    const where = a1(cell.row, cell.column);
    const ours = previous?.get(where) === fingerprint(oldText) || oldText === setUpText;
    if (oldText !== "" && oldText !== cell.text && !ours)
      replaced.push(`${where} (“${oldText.length > 40 ? `${oldText.slice(0, 40)}…` : oldText}”)`);
    if (cell.text !== "") fingerprints[where] = fingerprint(neutralizeCell(cell.text));
  }
  // Title and reading sit in adjacent rows of one column: one block each.
  for (let i = 0; i < cells.length; i += 2) {
    const top = cells[i] as TextCell;
    const below = cells[i + 1] as TextCell;
    const block = sheet.getRange(top.row, top.column, 2, 1);
    block.setValues([[neutralizeCell(top.text)], [neutralizeCell(below.text)]]);
    block.setFontWeights([[top.bold ? "bold" : "normal"], [below.bold ? "bold" : "normal"]]);
  }
  return { replaced, fingerprints };
}
