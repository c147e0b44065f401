// Service calls of Refresh dashboard at 100 and 1,000 rows each of actions, survey responses and measures:
// every source is read once and every block written once, so the count must stay flat as the data grows.
import { type Addon, openAddon } from "../helpers/addon.ts";
import { countCalls } from "./calls.ts";
import type { BenchRow } from "./row.ts";

type Sheet = NonNullable<
  ReturnType<NonNullable<ReturnType<Addon["emulator"]["spreadsheets"]["get"]>>["getSheetByName"]>
>;

/** Writes `count` rows under the headers they name, column by column. */
function fill(sheet: Sheet, count: number, columns: Record<string, (i: number) => unknown>): void {
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  if (sheet.getMaxRows() < count + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), count + 1 - sheet.getMaxRows());
  for (const [header, value] of Object.entries(columns)) {
    const at = headers.indexOf(header) + 1;
    if (at === 0) throw new Error(`no column ${header}`);
    sheet.getRange(2, at, count, 1).setValues(Array.from({ length: count }, (_, i) => [value(i)]));
  }
}

function exchange(rows: number): Addon {
  const addon = openAddon();
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  const book = addon.emulator.spreadsheets.get(addon.emulator.spreadsheets.activeId!)!;
  const site = (i: number) => `Hospital ${i % 8}`;
  fill(book.getSheetByName("Peers")!, 8, {
    "Site name": site,
    "Permission to identify": (i) => i % 2 === 0,
    "Similarity of context": (i) => 1 + (i % 5),
    "Demonstrated success": (i) => 1 + ((i + 1) % 5),
    "Willingness to share": (i) => 1 + ((i + 2) % 5),
    "Diversity of perspective": (i) => 1 + ((i + 3) % 5),
  });
  fill(book.getSheetByName("Actions")!, rows, {
    Site: site,
    Impact: (i) => 1 + (i % 5),
    Effort: (i) => 1 + ((i * 2) % 5),
    "Strategic alignment": (i) => 1 + ((i * 3) % 5),
    Horizon: (i) => ["30 days", "90 days", "6–12 months"][i % 3],
    Status: (i) => ["not started", "in progress", "done"][i % 3],
    Progress: (i) => 0.5 + (i % 10) * 0.5,
  });
  fill(book.getSheetByName("Survey Responses")!, rows, {
    Satisfaction: (i) => 1 + (i % 5),
    Relevance: (i) => 1 + ((i + 2) % 5),
    "Confidence to apply": (i) => 1 + ((i + 4) % 5),
    "Likelihood to recommend": (i) => i % 11,
  });
  fill(book.getSheetByName("Measures")!, rows, {
    Site: site,
    Measure: (i) => `Measure ${i % 3}`,
    Period: (i) => new Date(2026, 0, 1 + Math.floor(i / 24) * 7),
    Value: (i) => 40 + ((i * 7) % 13),
  });
  return addon;
}

export function bench(): BenchRow[] {
  const out: BenchRow[] = [];
  for (const rows of [100, 1000]) {
    const workload = `${rows.toLocaleString("en-US")} actions, responses and measures`;
    const addon = exchange(rows);
    for (const pass of ["first", "second"] as const) {
      addon.emulator.ui.respondWith(["OK"]);
      let report: unknown;
      const calls = countCalls(addon, () => {
        report = addon.run("refreshDashboard");
      });
      if (!(report as { ok?: boolean }).ok)
        throw new Error(`refresh dashboard failed: ${JSON.stringify(report)}`);
      out.push({
        area: "add-on",
        figure: `refresh dashboard service calls (${pass} run)`,
        workload,
        value: calls.total,
        unit: "calls",
        note: `${calls.spreadsheet} spreadsheet calls, ${(report as { charts: number }).charts} charts`,
      });
    }
  }
  return out;
}
