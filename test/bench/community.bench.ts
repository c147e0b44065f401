// Service calls of Update community at 100 and 1,000 members (with as many done exchanges on the calendar):
// one read of each tab and one write per block, so the count must stay flat as the community grows.
import { type Addon, openAddon } from "../helpers/addon.ts";
import { countCalls } from "./calls.ts";
import type { BenchRow } from "./row.ts";

function community(members: number): Addon {
  const addon = openAddon();
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  const book = addon.emulator.spreadsheets.get(addon.emulator.spreadsheets.activeId!)!;
  const now = new Date();
  const fill = (name: string, columns: Record<string, (i: number) => unknown>) => {
    const sheet = book.getSheetByName(name)!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    if (sheet.getMaxRows() < members + 1)
      sheet.insertRowsAfter(sheet.getMaxRows(), members + 1 - sheet.getMaxRows());
    for (const [header, value] of Object.entries(columns))
      sheet
        .getRange(2, headers.indexOf(header) + 1, members, 1)
        .setValues(Array.from({ length: members }, (_, i) => [value(i)]));
  };
  fill("Community", {
    Organization: (i) => `Member ${i}`,
    Representative: (i) => `Person ${i}`,
    Joined: (i) => new Date(2015 + (i % 10), i % 12, 1),
  });
  fill("Exchange Calendar", {
    Exchange: (i) => `Exchange ${i}`,
    Date: (i) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - (i % 500)),
    Status: () => "done",
    "Attended by": (i) => `Member ${i}, Member ${(i + 1) % members}, Member ${(i * 7) % members}`,
  });
  return addon;
}

export function bench(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const members of [100, 1000]) {
    const addon = community(members);
    addon.emulator.ui.respondWith(["OK"]);
    let report: unknown;
    const calls = countCalls(addon, () => {
      report = addon.run("updateCommunity");
    });
    if (!(report as { ok?: boolean }).ok)
      throw new Error(`update community failed: ${JSON.stringify(report)}`);
    rows.push({
      area: "add-on",
      figure: "update community service calls",
      workload: `${members.toLocaleString("en-US")} members and done exchanges`,
      value: calls.total,
      unit: "calls",
      note: `${calls.spreadsheet} spreadsheet calls; per-row writes would be ≥ ${members}`,
    });
  }
  return rows;
}
