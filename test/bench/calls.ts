// Counts the service calls one add-on operation makes, on a fresh emulator prepared by `prepare`.
import type { Addon } from "../helpers/addon.ts";

export interface CallCount {
  total: number;
  spreadsheet: number;
  byMethod: Record<string, number>;
}

export function countCalls(addon: Addon, operation: () => void): CallCount {
  const { calls } = addon.emulator.env;
  calls.reset();
  operation();
  const byMethod = calls.snapshot();
  const spreadsheet = ["SpreadsheetApp", "Spreadsheet", "Sheet", "Range"].reduce(
    (sum, s) => sum + calls.total(s),
    0,
  );
  return { total: calls.total(), spreadsheet, byMethod };
}
