// The clips the coordinator selected on the Insights tab: every row of every selected range (a selection
// may hold several ranges), read in one block per range. Header rows, other tabs and empty selections are
// refused with a message that says what to select.
import type { RowFor } from "../../../shared/schema";
import { fail, ok, type Result } from "../sheets/result";
import type { Table } from "../sheets/table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SelectedClip {
  row: number;
  record: RowFor<"Insights">;
}

const SELECT_HINT =
  "Select the clips' rows on the Insights tab (click a row number; Ctrl or ⌘ adds more rows)";

/** The selected ranges, last one active; the active range alone where no range list is available. */
function selectedRanges(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Range[] {
  const list = spreadsheet.getActiveRangeList();
  if (list) return list.getRanges();
  const active = spreadsheet.getActiveRange();
  return active ? [active] : [];
}

/** The sheet rows the selection covers on Insights, or why the selection cannot be used. */
export function selectedRows(spreadsheet: Spreadsheet, insights: Table<"Insights">): Result<number[]> {
  const ranges = selectedRanges(spreadsheet);
  if (ranges.length === 0)
    return fail("no_selection", `Nothing is selected. ${SELECT_HINT}, then try again.`);
  const insightsId = insights.sheet.getSheetId();
  const rows = new Set<number>();
  for (const range of ranges) {
    const sheet = range.getSheet();
    if (sheet.getSheetId() !== insightsId) {
      return fail(
        "wrong_tab",
        `The selection is on the ${sheet.getName()} tab. ${SELECT_HINT}, then try again.`,
      );
    }
    const first = range.getRow();
    const last = range.getLastRow();
    if (first <= 1) {
      return fail(
        "header_selected",
        `The selection includes the header row (row 1). ${SELECT_HINT}, without the header, then try again.`,
      );
    }
    for (let row = first; row <= last; row += 1) rows.add(row);
  }
  return ok([...rows].sort((a, b) => a - b));
}

/** Runs of adjacent rows: [from, to]. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else if (!last || row > last[1]) runs.push([row, row]);
  }
  return runs;
}

/** The selected clips (blank rows dropped): one read per run of adjacent selected rows. */
export function selectedClips(spreadsheet: Spreadsheet, insights: Table<"Insights">): Result<SelectedClip[]> {
  const rows = selectedRows(spreadsheet, insights);
  if (!rows.ok) return rows;
  const clips: SelectedClip[] = [];
  for (const [from, to] of rowRuns(rows.value)) {
    for (const { row, record } of insights.read({ span: { from, to } })) clips.push({ row, record });
  }
  if (clips.length === 0) {
    return fail("empty_selection", `The selected rows hold no clips. ${SELECT_HINT}, then try again.`);
  }
  return ok(clips);
}
