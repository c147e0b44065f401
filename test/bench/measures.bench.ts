// Service calls of Analyze measures at 1,000 and 10,000 Measures rows (20 series of 50 or 500 periods):
// the Measures tab is read once and every result tab written in blocks, so the count must stay flat as
// rows grow. Charts cost a fixed number of calls per series, measured apart (10 vs 20 series).
import { type Addon, openAddon } from "../helpers/addon.ts";
import { countCalls } from "./calls.ts";
import type { BenchRow } from "./row.ts";

/** A set-up workbook with `series` site × measure series of `periods` weekly points each. */
function exchange(series: number, periods: number): Addon {
  const addon = openAddon();
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  const book = addon.emulator.spreadsheets.get(addon.emulator.spreadsheets.activeId!)!;
  const sheet = book.getSheetByName("Measures")!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const rows = series * periods;
  if (rows + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
  const week = 7 * 24 * 3600 * 1000;
  const start = Date.UTC(2024, 0, 1);
  const value = (s: number, p: number) => 50 + ((s * 13 + p * 7) % 11) + (p > periods / 2 ? 3 : 0);
  const columns: Record<string, (s: number, p: number) => unknown> = {
    Site: (s) => `Site ${String.fromCharCode(65 + (s % 10))}`,
    Measure: (s) => `Measure ${Math.floor(s / 10) + 1}`,
    Period: (_s, p) => new Date(start + p * week),
    Value: value,
  };
  for (const [header, fill] of Object.entries(columns)) {
    const at = headers.indexOf(header) + 1;
    const block: unknown[][] = [];
    for (let s = 0; s < series; s++) for (let p = 0; p < periods; p++) block.push([fill(s, p)]);
    sheet.getRange(2, at, rows, 1).setValues(block);
  }
  return addon;
}

function analyze(addon: Addon): number {
  addon.emulator.ui.respondWith(["OK"]);
  let report: unknown;
  const counted = countCalls(addon, () => {
    report = addon.run("analyzeMeasures");
  });
  if (!(report as { ok?: boolean }).ok) throw new Error(`analyze measures failed: ${JSON.stringify(report)}`);
  return counted.total;
}

export function bench(): BenchRow[] {
  const rows: BenchRow[] = [];
  const SERIES = 20;
  for (const measureRows of [1_000, 10_000]) {
    const addon = exchange(SERIES, measureRows / SERIES);
    const first = analyze(addon);
    const second = analyze(addon);
    const workload = `${measureRows.toLocaleString("en-US")} Measures rows, ${SERIES} series`;
    rows.push({
      area: "add-on",
      figure: "analyze measures service calls (first run)",
      workload,
      value: first,
      unit: "calls",
      note: `second run (charts updated in place): ${second}; per-row writes would be ≥ ${measureRows}`,
    });
  }
  // Calls per series: the difference between 20 and 10 series of the same length, per added series.
  const ten = analyze(exchange(10, 50));
  const twenty = analyze(exchange(20, 50));
  rows.push({
    area: "add-on",
    figure: "analyze measures calls per series (run chart)",
    workload: "10 → 20 series of 50 periods",
    value: (twenty - ten) / 10,
    unit: "calls",
    note: "the chart's data range and its builder (options, insert or update); every other call is per operation",
  });
  return rows;
}
