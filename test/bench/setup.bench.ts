// Service calls of Set up / repair workbook: on an empty workbook, and a repair with 100 and 1,000
// candidate peers (must stay flat: three Sheets API reads, one batchUpdate, whatever the rows).
import { openAddon } from "../helpers/addon.ts";
import { countCalls } from "./calls.ts";
import type { BenchRow } from "./row.ts";

const GRID_ROWS = 1_100;
/**
 * Assumed latency of one round trip to Google, in milliseconds. Google's best-practice guide says service
 * calls are far slower than script work but gives no figure; a public field report measured 20–84 ms
 * (mean 30) for PropertiesService.getProperty and 43–231 ms (mean 62) for setProperty
 * (https://ziritione.org/post/apps_script_performance); 50 ms sits between the two means.
 */
const MS_PER_ROUND_TRIP = 50;

function estimate(workload: string, roundTrips: number, what: string): BenchRow {
  return {
    area: "add-on",
    figure: `${what} estimated time on Google`,
    workload,
    value: Math.round((roundTrips * MS_PER_ROUND_TRIP) / 100) / 10,
    unit: "s",
    note: `${roundTrips} round trips × ${MS_PER_ROUND_TRIP} ms (assumed, see setup.bench.ts); target ≤ 40 round trips`,
  };
}

export function bench(): BenchRow[] {
  const rows: BenchRow[] = [];
  const fresh = openAddon();
  fresh.emulator.ui.respondWith(["OK"]);
  const first = countCalls(fresh, () => fresh.run("setUpWorkbook"));
  rows.push({
    area: "add-on",
    figure: "set-up service calls",
    workload: "empty workbook",
    value: first.total,
    unit: "calls",
    note: `${first.roundTrips} round trips; ${first.byMethod["Sheets.Spreadsheets.batchUpdate"] ?? 0} Sheets API batchUpdate`,
  });
  rows.push(estimate("empty workbook", first.roundTrips, "set-up"));
  for (const peers of [100, 1000]) {
    const addon = openAddon();
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("setUpWorkbook");
    const id = addon.emulator.spreadsheets.activeId!;
    const sheet = addon.emulator.spreadsheets.get(id)!.getSheetByName("Peers")!;
    const scores = Array.from({ length: peers }, (_, i) => [`Hospital ${i + 1}`]);
    // The same grid for every workload, so only the number of filled rows differs.
    sheet.insertRowsAfter(sheet.getMaxRows(), GRID_ROWS - sheet.getMaxRows());
    sheet.getRange(2, 1, peers, 1).setValues(scores);
    addon.emulator.ui.respondWith(["OK"]);
    const repair = countCalls(addon, () => addon.run("setUpWorkbook"));
    rows.push({
      area: "add-on",
      figure: "repair service calls",
      workload: `${peers.toLocaleString("en-US")} candidate peers`,
      value: repair.total,
      unit: "calls",
      note: `${repair.roundTrips} round trips; formulas for every row in the one batchUpdate`,
    });
    rows.push(estimate(`${peers.toLocaleString("en-US")} candidate peers`, repair.roundTrips, "repair"));
  }
  return rows;
}
