// Service calls to open the workbook (onOpen builds the menu).
import { openAddon } from "../helpers/addon.ts";
import { countCalls } from "./calls.ts";
import type { BenchRow } from "./row.ts";

export function bench(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const authMode of ["NONE", "LIMITED"] as const) {
    const addon = openAddon({ authMode });
    const count = countCalls(addon, () => addon.run("onOpen", { authMode }));
    rows.push({
      area: "add-on",
      figure: `onOpen service calls (${authMode})`,
      workload: "empty workbook",
      value: count.total,
      unit: "calls",
      note: `${count.roundTrips} round trips (onOpen should touch no sheet)`,
    });
    rows.push({
      area: "add-on",
      figure: `onOpen spreadsheet calls (${authMode})`,
      workload: "empty workbook",
      value: count.spreadsheet - (count.byMethod["SpreadsheetApp.getUi"] ?? 0),
      unit: "calls",
      note: "must be 0 (test/apps-script/open.test.ts); SpreadsheetApp.getUi, the menu's handle, left out",
    });
  }
  return rows;
}
