// Counts the service calls one add-on operation makes, on a fresh emulator prepared by `prepare`.
import { type CallKind, roundTripsOf } from "../../sandbox/emulator/roundTrips.ts";
import type { Addon } from "../helpers/addon.ts";

export interface CallCount {
  total: number;
  spreadsheet: number;
  byMethod: Record<string, number>;
  /** Calls that go to Google's servers (reads, writes, flush, structure, metadata, locks). */
  roundTrips: number;
  byKind: Record<CallKind, number>;
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
  return { total: calls.total(), spreadsheet, byMethod, ...roundTripsOf(byMethod) };
}
