// Service calls of Check commitments and one daily follow-up run at 1,000 and 10,000 Actions rows: each
// reads its tabs once and writes in blocks, so the count stays flat as the Actions tab grows (the run's
// emails grow with owners, here a fixed 20, not with rows).
import { actExchange, day } from "../apps-script/actWorkbook.ts";
import { workbook } from "../apps-script/peerWorkbook.ts";
import type { Addon } from "../helpers/addon.ts";
import { countCalls } from "./calls.ts";
import type { BenchRow } from "./row.ts";

const OWNERS = 20;
const SITES = ["Host", "Riverside General", "Site B", "Site C"];

function exchange(count: number): Addon {
  const addon = actExchange();
  const sheet = workbook(addon).getSheetByName("Actions")!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  if (sheet.getMaxRows() < count + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), count + 1 - sheet.getMaxRows());
  // Site C never commits in time: Check commitments marks its rows.
  const columns: Record<string, (i: number) => unknown> = {
    Site: (i) => SITES[i % SITES.length],
    Change: (i) => `Change ${i + 1}`,
    Owner: (i) => `Owner ${i % OWNERS}`,
    "Owner email": (i) => `owner${i % OWNERS}@example.org`,
    "Due date": (i) => day(SITES[i % SITES.length] === "Site C" ? 45 : 5 + (i % 40)),
    "Check-in date": () => day(21),
    Status: (i) => (i % 3 === 0 ? "in progress" : "not started"),
  };
  for (const [header, value] of Object.entries(columns)) {
    const at = headers.indexOf(header) + 1;
    sheet.getRange(2, at, count, 1).setValues(Array.from({ length: count }, (_, i) => [value(i)]));
  }
  return addon;
}

export function bench(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const count of [1_000, 10_000]) {
    const workload = `${count.toLocaleString("en-US")} Actions rows`;
    const addon = exchange(count);
    addon.emulator.ui.respondWith(["OK"]);
    let report: { ok?: boolean; gaps?: unknown[] } = {};
    const check = countCalls(addon, () => {
      report = addon.run("checkCommitments") as typeof report;
    });
    if (!report.ok || report.gaps?.length !== 1)
      throw new Error(`check commitments: ${JSON.stringify(report)}`);
    rows.push({
      area: "add-on",
      figure: "check commitments service calls",
      workload,
      value: check.total,
      unit: "calls",
      note: `${check.spreadsheet} spreadsheet calls; one site's ${count / 4} rows marked`,
    });
    addon.emulator.env.advance(10 * 86_400_000);
    let run: { state?: string; sent?: number } = {};
    const reminder = countCalls(addon, () => {
      run = addon.run("runFollowUps") as typeof run;
    });
    if (run.state !== "completed") throw new Error(`follow-up run: ${JSON.stringify(run)}`);
    rows.push({
      area: "add-on",
      figure: "daily follow-up run service calls",
      workload,
      value: reminder.total,
      unit: "calls",
      note: `${reminder.spreadsheet} spreadsheet calls; ${run.sent} digests sent (${OWNERS} owners)`,
    });
  }
  return rows;
}
