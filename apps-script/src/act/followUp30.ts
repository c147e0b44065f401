// The 30-day follow-up (seed: "Follow-up" — plan initiated, early barriers, preliminary data): one row
// per selected site on the Follow-up 30d tab, never a second one. The daily run creates them when due;
// the menu item creates them at once.
import { dayText, FOLLOW_UP_DAYS, followUpRowsDue } from "../../../shared/methods/followUps";
import { guardMenuResult } from "../menuGuard";
import { ok, type Result } from "../sheets/result";
import { openTable } from "../sheets/table";
import { openWorkbook } from "../sheets/workbook";
import { type DayClock, dayClock, exchangeOf, selectedSites } from "./context";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = "30-day follow-up";

export interface FollowUpRows {
  created: string[];
  existing: string[];
  checkIn: string;
}

/**
 * Adds the missing rows for `sites`; `today` undefined creates them now, else only from 30 days after
 * the exchange.
 */
export function createFollowUpRows(
  spreadsheet: Spreadsheet,
  sites: readonly string[],
  exchange: number,
  clock: DayClock,
  today?: number,
): Result<FollowUpRows> {
  const table = openTable(spreadsheet, "Follow-up 30d", {
    require: ["site", "checkInDate", "planInitiated"],
  });
  if (!table.ok) return table;
  const existing = table.value.read({ keys: ["site"] }).map((r) => r.record.site.trim());
  const due = followUpRowsDue(sites, existing, exchange, today ?? exchange + FOLLOW_UP_DAYS);
  const checkInDay = exchange + FOLLOW_UP_DAYS;
  if (due.length > 0)
    table.value.append(
      due.map((site) => ({ site, checkInDate: clock.dateOf(checkInDay), planInitiated: false })),
    );
  return ok({
    created: due,
    existing: sites.filter((s) => existing.includes(s)),
    checkIn: dayText(checkInDay),
  });
}

/** Peer Exchange › 30-day follow-up. */
export function createFollowUps(): { ok: boolean; message: string; created: string[] } {
  return guardMenuResult(TITLE, create, (message) => ({ ok: false, message, created: [] }));
}

function create(): { ok: boolean; message: string; created: string[] } {
  const ui = SpreadsheetApp.getUi();
  const say = (message: string, done = false, created: string[] = []) => {
    ui.alert(TITLE, message, ui.ButtonSet.OK);
    return { ok: done, message, created };
  };
  const workbook = openWorkbook();
  if (!workbook.ok) return say(workbook.error.message);
  const spreadsheet = workbook.value;
  const clock = dayClock(spreadsheet);
  const exchange = exchangeOf(spreadsheet, clock);
  if (!exchange.ok) return say(exchange.error.message);
  const sites = selectedSites(spreadsheet);
  if (!sites.ok) return say(sites.error.message);
  const rows = createFollowUpRows(spreadsheet, sites.value, exchange.value.day, clock);
  if (!rows.ok) return say(rows.error.message);
  const { created, existing, checkIn } = rows.value;
  const lines: string[] = [];
  if (created.length > 0)
    lines.push(
      `Added a 30-day follow-up row for ${created.join(", ")} (check-in ${checkIn}) on the Follow-up 30d tab: record whether the plan has started, early barriers, preliminary data and the next step.`,
    );
  if (existing.length > 0) lines.push(`Already there, not added again: ${existing.join(", ")}.`);
  return say(lines.join("\n\n"), true, created);
}
