// Check installation's live checks: each behaviour of Google Sheets the add-on (and the offline sandbox it
// is tested on) assumes but cannot see offline, tried for real on a temporary tab that is removed
// afterwards, even when a check fails. Each says what is assumed, what this Google did, and what to do.
import { findChartByTitle, upsertChart } from "../sheets/charts";
import { type LiveCheck, liveLevel } from "./installationReport";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const SCRATCH_TAB = "Peer Exchange check (temporary)";
export const CHECK_CHART_TITLE = "Peer Exchange check chart";
const TELL_MAINTAINERS =
  "Send this report to whoever maintains the add-on, so its offline tests can follow Google.";

interface Outcome {
  observed: string;
  matches: boolean;
  todo?: string;
}

interface Check {
  name: string;
  assumption: string;
  relied: boolean;
  /** What to do when this Google differs (a check that only makes the sandbox less faithful says so). */
  todo: string;
  run(sheet: Sheet, spreadsheet: Spreadsheet): Outcome;
}

const message = (error: unknown) => String((error as Error)?.message ?? error);

/** Writes `value` as a script does; whether Sheets took it, and what the cell then holds. */
function tryWrite(cell: Range, value: unknown): { taken: boolean; held: unknown; refusal: string } {
  try {
    cell.setValue(value);
    SpreadsheetApp.flush();
    return { taken: true, held: cell.getValue(), refusal: "" };
  } catch (error) {
    return { taken: false, held: cell.getValue(), refusal: message(error) };
  }
}

function strictList(sheet: Sheet, a1: string, values: string[]): Range {
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(values, true)
    .setAllowInvalid(false)
    .build();
  return sheet.getRange(a1).setDataValidation(rule);
}

const shown = (value: unknown) =>
  value === "" ? "an empty cell" : typeof value === "string" ? `"${value}"` : String(value);

function dropdownCheck(
  name: string,
  value: string,
  expectTaken: boolean,
  relied: boolean,
  todo: string,
): Check {
  return {
    name,
    assumption: `writing ${shown(value)} into a dropdown of "insight" and "barrier" that rejects other input is ${expectTaken ? "accepted" : "refused"}.`,
    relied,
    todo,
    run(sheet) {
      const cell = strictList(sheet, "A1", ["insight", "barrier"]).getCell(1, 1);
      const write = tryWrite(cell, value);
      return {
        observed: write.taken
          ? `accepted; the cell holds ${shown(write.held)}.`
          : `refused ("${write.refusal}").`,
        matches: write.taken === expectTaken,
      };
    },
  };
}

const checks: readonly Check[] = [
  dropdownCheck(
    "Strict dropdown, plain value",
    "insight",
    true,
    true,
    "The add-on's tabs could not take the values their own dropdowns offer. Run Peer Exchange › Set up / repair workbook, then check again; if it persists, send this report.",
  ),
  dropdownCheck(
    "Strict dropdown, apostrophe first",
    "'insight",
    false,
    false,
    `Nothing to do: the add-on writes dropdown values without an apostrophe. ${TELL_MAINTAINERS}`,
  ),
  dropdownCheck(
    "Strict dropdown, other case",
    "INSIGHT",
    false,
    false,
    `Nothing to do in the workbook: type dropdown values as offered. ${TELL_MAINTAINERS}`,
  ),
  {
    name: "Blank checkbox",
    assumption:
      "a checkbox nobody has ticked reads as FALSE or as an empty cell; the add-on counts both as not ticked.",
    relied: true,
    todo: `Unticked boxes (Permission to identify, Baseline, …) may be read wrongly. ${TELL_MAINTAINERS}`,
    run(sheet) {
      const cell = sheet.getRange("B1");
      cell.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
      SpreadsheetApp.flush();
      const value = cell.getValue();
      return { observed: `it reads as ${shown(value)}.`, matches: value === false || value === "" };
    },
  },
  {
    name: "Dates across time zones",
    assumption:
      "a date the add-on writes reads back as the same moment, and is shown in the spreadsheet's time zone whatever the script's.",
    relied: true,
    todo: "Dates may show a day or some hours off. Set the spreadsheet's time zone to the exchange's (File › Settings), then check again; if it persists, send this report.",
    // A cell's date is a moment, shown on the spreadsheet's clock; getValue gives that moment back as a
    // Date (Google's own sample: https://gist.github.com/erickoledadevrel/6cf5d1e764839cba8701).
    run(sheet, spreadsheet) {
      const zone = spreadsheet.getSpreadsheetTimeZone();
      const moment = new Date(Date.UTC(2026, 0, 15, 12, 0, 0));
      const cell = sheet.getRange("C1").setNumberFormat("yyyy-mm-dd hh:mm");
      cell.setValue(moment);
      SpreadsheetApp.flush();
      const read = cell.getValue() as unknown;
      const display = cell.getDisplayValue();
      const expected = Utilities.formatDate(moment, zone, "yyyy-MM-dd HH:mm");
      const sameMoment = read instanceof Date && read.getTime() === moment.getTime();
      const readText = read instanceof Date ? read.toISOString() : shown(read);
      return {
        observed: `written ${moment.toISOString()}, read back ${readText}${sameMoment ? " (the same moment)" : ""}, shown as "${display}" (in ${zone} that moment is "${expected}").`,
        matches: sameMoment && display === expected,
      };
    },
  },
  {
    name: "Chart titles read back",
    assumption:
      'the title the add-on gives a chart reads back from the chart (getOptions().get("title")), so a re-run finds its chart and updates it instead of adding another.',
    relied: true,
    todo: `Each run of a charting menu item may add a chart instead of updating its own; delete the extra charts by hand meanwhile. ${TELL_MAINTAINERS}`,
    run(sheet) {
      const range = sheet.getRange("D1:E3").setValues([
        ["Label", "Value"],
        ["a", 1],
        ["b", 2],
      ]);
      const spec = {
        title: CHECK_CHART_TITLE,
        range,
        anchor: { row: 1, column: 8 },
        style: (b: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder) => b.asColumnChart().setNumHeaders(1),
      };
      upsertChart(sheet, spec);
      const readBack = sheet.getCharts()[0]?.getOptions().get("title");
      const found = findChartByTitle(sheet, CHECK_CHART_TITLE) !== undefined;
      upsertChart(sheet, spec);
      const count = sheet.getCharts().length;
      return {
        observed: `the title reads back as ${readBack === null || readBack === undefined ? "nothing" : shown(readBack)}; the add-on ${found ? "found" : "did not find"} its chart, and after a second run the tab holds ${count} chart${count === 1 ? "" : "s"}.`,
        matches: found && count === 1,
      };
    },
  },
  {
    name: "Inserted rows keep dropdowns",
    assumption:
      "a row inserted after a row with a dropdown takes the same dropdown (the add-on adds rows at the bottom of a tab and relies on them keeping the tab's dropdowns).",
    relied: true,
    todo: "Rows the add-on adds may lack their dropdowns: after a large import, run Peer Exchange › Set up / repair workbook to put them back.",
    run(sheet) {
      strictList(sheet, "F2", ["yes", "no"]);
      sheet.insertRowAfter(2);
      SpreadsheetApp.flush();
      const rule = sheet.getRange("F3").getDataValidation();
      const values = rule ? (rule.getCriteriaValues()[0] as unknown) : null;
      const same = Array.isArray(values) && values.join("|") === "yes|no";
      return {
        observed: rule
          ? `the new row has a dropdown${same ? " with the same values" : " with other values"}.`
          : "the new row has no dropdown.",
        matches: same,
      };
    },
  },
];

/** Runs every live check on a temporary tab, which is removed afterwards whatever happens. */
export function runLiveChecks(spreadsheet: Spreadsheet): LiveCheck[] {
  const leftover = spreadsheet.getSheetByName(SCRATCH_TAB);
  if (leftover) spreadsheet.deleteSheet(leftover);
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(SCRATCH_TAB, spreadsheet.getSheets().length);
  const results: LiveCheck[] = [];
  try {
    for (const check of checks) {
      let outcome: Outcome;
      let matches: boolean | null;
      try {
        outcome = check.run(sheet, spreadsheet);
        matches = outcome.matches;
      } catch (error) {
        outcome = { observed: `the check could not run: ${message(error)}.`, matches: false };
        matches = null;
      }
      const level = liveLevel(matches, check.relied);
      results.push({
        name: check.name,
        assumption: check.assumption,
        observed: outcome.observed,
        matches,
        relied: check.relied,
        level,
        todo:
          matches === null
            ? "Run Check installation again; if it still cannot run, send this report."
            : level === "ok"
              ? ""
              : check.todo,
      });
    }
  } finally {
    spreadsheet.deleteSheet(sheet);
    // insertSheet made the temporary tab active: the coordinator is put back where they were.
    if (active) spreadsheet.setActiveSheet(active);
  }
  return results;
}
