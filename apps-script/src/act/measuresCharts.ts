// Analyze measures' charts: one run chart per site and measure (values and their centre line as a second,
// dashed series) on the Measure Analysis tab, and the adoption rate of each practice on the Adoption tab.
// Each chart's data sits in a hidden tab written in one block; charts are found again by title.
import type { PracticeAdoption } from "../../../shared/methods/adoption";
import type { SeriesAnalysis } from "../../../shared/methods/measureSeries";
import { adoptionChartTab, runChartDataTab } from "../../../shared/schema";
import { type ChartSpec, syncCharts, writeChartData } from "../sheets/charts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const RUN_CHART_PREFIX = "Run chart: ";
export const ADOPTION_CHART_TITLE = "Adoption rate by period (share of committed sites)";
/** Rows between two stacked run charts. */
const CHART_ROWS = 20;

export interface DrawnSeries {
  analysis: SeriesAnalysis;
  periods: readonly Date[];
  values: readonly number[];
}

export const runChartTitle = (a: { site: string; measure: string }) =>
  `${RUN_CHART_PREFIX}${a.site} — ${a.measure}`;

/** Writes every series' block (header, then period · value · centre) and keeps one run chart per series. */
export function drawRunCharts(
  spreadsheet: Spreadsheet,
  target: Sheet,
  anchorColumn: number,
  series: readonly DrawnSeries[],
): { inserted: number; updated: number; removed: number } {
  const rows: unknown[][] = [];
  const starts: number[] = [];
  for (const s of series) {
    const centreName = s.analysis.run.centreFrom === "baseline median" ? "Baseline median" : "Median";
    const centre = s.analysis.run.centre ?? "";
    starts.push(rows.length + 1);
    rows.push(["Period", s.analysis.measure, centreName]);
    s.periods.forEach((period, i) => {
      rows.push([period, s.values[i], centre]);
    });
    rows.push(["", "", ""]);
  }
  const block = writeChartData(spreadsheet, runChartDataTab.name, rows);
  const data = block?.getSheet();
  const specs: ChartSpec[] = data
    ? series.map((s, i) => ({
        title: runChartTitle(s.analysis),
        range: data.getRange(starts[i] as number, 1, s.periods.length + 1, 3),
        anchor: { row: 2 + i * CHART_ROWS, column: anchorColumn },
        style: (b) =>
          b
            .asLineChart()
            .setNumHeaders(1)
            .setOption("legend", { position: "bottom" })
            .setOption("series", { 1: { lineDashStyle: [4, 4] } })
            .setOption("hAxis", { title: "Period" })
            .setOption("vAxis", { title: s.analysis.measure }),
      }))
    : [];
  return syncCharts(target, RUN_CHART_PREFIX, specs);
}

/** One line per practice: its adoption rate at every period any of them reports (the last rate carried). */
export function drawAdoptionChart(
  spreadsheet: Spreadsheet,
  target: Sheet,
  anchorColumn: number,
  practices: readonly PracticeAdoption[],
): void {
  const shown = practices.filter((p) => p.points.length > 0);
  const times = [...new Set(shown.flatMap((p) => p.points.map((q) => q.period.getTime())))].sort(
    (a, b) => a - b,
  );
  const rateAt = (p: PracticeAdoption, t: number) => {
    let rate: number | "" = "";
    for (const q of p.points) if (q.period.getTime() <= t) rate = q.rate;
    return rate;
  };
  const rows: unknown[][] = [
    ["Period", ...shown.map((p) => p.practice)],
    ...times.map((t) => [new Date(t), ...shown.map((p) => rateAt(p, t))]),
  ];
  const range = shown.length ? writeChartData(spreadsheet, adoptionChartTab.name, rows) : null;
  const specs: ChartSpec[] = range
    ? [
        {
          title: ADOPTION_CHART_TITLE,
          range,
          anchor: { row: 2, column: anchorColumn },
          style: (b) =>
            b
              .asLineChart()
              .setNumHeaders(1)
              .setOption("legend", { position: "bottom" })
              .setOption("vAxis", { format: "percent", viewWindow: { min: 0, max: 1 } }),
        },
      ]
    : [];
  syncCharts(target, ADOPTION_CHART_TITLE, specs);
}
