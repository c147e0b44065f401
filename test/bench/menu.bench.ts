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
  }
  return rows;
}
