// Outputs shared outside the exchange (Settings: dashboardShared, compendiumShared): the Insights rows
// they may use (confidential clips left out) and count tables with small cells suppressed and audited.
import { isSharedSetting, shareableInsights } from "../../../shared/methods/shareable";
import { type SuppressionResult, suppressSmallCells } from "../../../shared/methods/suppression";
import type { SettingValues } from "../../../shared/schema";
import { readSettings } from "./form";
import { ok, type Result } from "./result";
import { openTable, type TableRow } from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type SharedOutput = "dashboard" | "compendium";

/** Whether Settings says this output leaves the exchange. */
export function isShared(settings: SettingValues, output: SharedOutput): boolean {
  return isSharedSetting(output === "dashboard" ? settings.dashboardShared : settings.compendiumShared);
}

/**
 * The Insights rows a shared output may use: one read of the tab, confidential clips left out. The cell
 * is judged as read (a "yes" typed over the checkbox is not a valid boolean, yet it means confidential).
 * Without a Confidential column nothing can be told apart, so the tab is refused rather than shared whole.
 */
export function shareableInsightRows(spreadsheet: Spreadsheet): Result<TableRow<"Insights">[]> {
  const opened = openTable(spreadsheet, "Insights", { require: ["confidential"] });
  if (!opened.ok) return opened;
  const rows = opened.value.read();
  const kept = shareableInsights(rows.map((row) => ({ row, confidential: row.raw.confidential })));
  return ok(kept.map((k) => k.row));
}

/**
 * A table of counts as the output may show it: small counts (1 to the Settings threshold) suppressed and
 * audited when the output is shared, shown as they are otherwise.
 */
export function countsForOutput(
  settings: SettingValues,
  output: SharedOutput,
  counts: readonly (readonly number[])[],
): SuppressionResult {
  // Threshold 0 hides nothing: the same shape for outputs kept inside the exchange.
  return suppressSmallCells(counts, isShared(settings, output) ? settings.suppressionThreshold : 0);
}

/** countsForOutput with the workbook's own Settings. */
export function sharedCounts(
  spreadsheet: Spreadsheet,
  output: SharedOutput,
  counts: readonly (readonly number[])[],
): SuppressionResult {
  return countsForOutput(readSettings(spreadsheet), output, counts);
}
