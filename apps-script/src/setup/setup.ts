// Set up / repair workbook: creates every schema tab with headers, frozen header row, validation,
// conditional formats, named ranges and derived formulas; on a second run it restores only what is
// missing. It never deletes user data: user columns, rows and formatting stay. It reads the workbook in
// three Sheets API calls (snapshot.ts), plans every change in pure code (plan.ts) and sends them in one
// batchUpdate, so its round trips stay the same whatever the number of tabs or rows.
import { tabs } from "../../../shared/schema";
import { guardMenuAction } from "../menuGuard";
import { storeWorkbookId, WORKBOOK_ID_KEY } from "../sheets/workbook";
import { count, planSetUp, type SetUpReport } from "./plan";
import { readSnapshot, sheetsService } from "./snapshot";

export type { SetUpReport } from "./plan";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Repairs the workbook in place and says what it changed. */
function repairWorkbook(spreadsheet: Spreadsheet): SetUpReport {
  const service = sheetsService();
  const id = spreadsheet.getId();
  const { requests, report } = planSetUp(readSnapshot(service, id), id);
  // A workbook already set up needs no request (and the API refuses an empty batch).
  if (requests.length > 0) service.spreadsheets.batchUpdate({ requests }, id);
  // Both stores must hold the id (the web app reads script properties): each is read once.
  if (
    PropertiesService.getScriptProperties().getProperty(WORKBOOK_ID_KEY) !== id ||
    PropertiesService.getDocumentProperties()?.getProperty(WORKBOOK_ID_KEY) !== id
  ) {
    storeWorkbookId(id);
  }
  return report;
}

/** What the coordinator reads after set-up. */
function describeReport(report: SetUpReport): string {
  const lines: string[] = [];
  if (report.createdTabs.length === tabs.length) {
    lines.push(
      `Created ${tabs.length} tabs with headers, dropdowns, formulas and highlighting: ${report.createdTabs.join(", ")}.`,
      "Next: fill in the Charter (Peer Exchange › Charter…), then list candidate institutions on the Peers tab.",
    );
    return lines.join("\n\n");
  }
  if (report.createdTabs.length > 0) {
    lines.push(
      `Created ${count(report.createdTabs.length, "missing tab")}: ${report.createdTabs.join(", ")}.`,
    );
  }
  lines.push(...report.changes);
  if (lines.length === 0)
    return "Everything was already in place. Your data, extra columns and formatting were left as they were.";
  lines.push("Your data, extra columns and formatting were left as they were.");
  return lines.join("\n\n");
}

// ---- Entry ---------------------------------------------------------------------------------------

/** The menu item: repairs the active workbook and reports in an alert. */
export function runSetUp(): void {
  guardMenuAction("Peer Exchange: set up / repair", setUp);
}

function setUp(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) {
    ui.alert(
      "Peer Exchange",
      "Open the exchange workbook first, then run Peer Exchange › Set up / repair workbook.",
      ui.ButtonSet.OK,
    );
    return;
  }
  const report = repairWorkbook(spreadsheet);
  if (report.createdTabs.includes("Charter")) spreadsheet.getSheetByName("Charter")?.activate();
  ui.alert("Peer Exchange: set up / repair", describeReport(report), ui.ButtonSet.OK);
}
