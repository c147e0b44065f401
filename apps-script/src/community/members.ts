// Peer Exchange › Update community: each member's exchanges in the last 12 months, counted from the
// Exchange Calendar (done rows, “Attended by”), the renewal date, and the resource pool's balance.
import { addMonths, isoDay, type MembershipReport, membership } from "../../../shared/methods/community";
import { FIRST_DATA_ROW } from "../../../shared/schema";
import { guardMenuResult } from "../menuGuard";
import { fillDerivedRows } from "../sheets/derived";
import type { Result } from "../sheets/result";
import { ok } from "../sheets/result";
import { openTable, type Table, type TableRow } from "../sheets/table";
import { type WorkbookZone, workbookZone } from "../sheets/zone";
import { type CommunityReport, dateOrNull, notDone, say } from "./dialog";
import { poolLine, readPoolBalance } from "./pool";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = "Update community";

export const NO_MEMBERS =
  "The Community tab has no members yet. Add one row per member organization (organization, representative, joined), then run this again.";

export interface CommunityState {
  table: Table<"Community">;
  rows: TableRow<"Community">[];
  report: MembershipReport;
}

/** Reads Community and Exchange Calendar and counts attendance (nothing written). */
export function readMembership(
  spreadsheet: Spreadsheet,
  today: Date,
  zone: WorkbookZone,
): Result<CommunityState> {
  const community = openTable(spreadsheet, "Community", {
    require: ["organization", "representative", "joined", "exchangesAttended", "renewalDue"],
  });
  if (!community.ok) return community;
  const calendar = openTable(spreadsheet, "Exchange Calendar", { require: ["date", "status", "attendedBy"] });
  if (!calendar.ok) return calendar;
  const rows = community.value.read().filter((r) => String(r.record.organization).trim() !== "");
  const entries = calendar.value.read({ keys: ["date", "status", "attendedBy"] }).map((r) => ({
    date: dateOrNull(r.record.date, zone),
    status: String(r.record.status),
    attendedBy: String(r.record.attendedBy),
  }));
  const report = membership(
    rows.map((r) => ({
      organization: String(r.record.organization),
      joined: dateOrNull(r.record.joined, zone),
      renewalDue: dateOrNull(r.record.renewalDue, zone),
    })),
    entries,
    today,
  );
  return ok({ table: community.value, rows, report });
}

export function updateCommunity(): CommunityReport {
  return guardMenuResult(TITLE, runUpdateCommunity, notDone);
}

function runUpdateCommunity(): CommunityReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const zone = workbookZone(spreadsheet);
  const today = zone.toLocal(new Date());
  const read = readMembership(spreadsheet, today, zone);
  if (!read.ok) return say(TITLE, read.error.message, false);
  const { table, rows, report } = read.value;
  if (rows.length === 0) return say(TITLE, NO_MEMBERS, false);

  table.update(
    rows.map((r, i) => {
      const m = report.members[i];
      const renewalDue = m?.renewalDue ? zone.fromLocal(m.renewalDue) : "";
      return { row: r.row, values: { exchangesAttended: m?.attended ?? 0, renewalDue } };
    }),
  );
  // Rows typed before set-up or pasted get the Status formula, as an edit would give them.
  fillDerivedRows(table.sheet, FIRST_DATA_ROW, table.lastRow(), {
    spreadsheet,
    name: table.name,
    columns: table.located,
  });

  const active = report.members.filter((m) => m.status === "active").length;
  const due = rows
    .map((r, i) => ({ name: String(r.record.organization), m: report.members[i] }))
    .filter((x) => x.m?.status === "renewal due")
    .map((x) => `${x.name} (${isoDay(x.m?.renewalDue as Date)})`);
  const lines = [
    `Counted the exchanges marked done on the Exchange Calendar after ${isoDay(addMonths(today, -12))} whose “Attended by” names each member: ${active} of ${rows.length} ${rows.length === 1 ? "member is" : "members are"} active (2 or more exchanges).`,
  ];
  if (due.length) lines.push(`Renewal due: ${due.join(", ")}.`);
  if (report.unknownNames.length)
    lines.push(
      `Not on the Community tab, so not counted: ${report.unknownNames.join(", ")}. Spell them as in the Organization column, or add them as members.`,
    );
  if (report.undated)
    lines.push(`${report.undated} done exchange(s) have no date and were not counted: give them a date.`);
  lines.push(poolLine(readPoolBalance(spreadsheet)));
  return say(TITLE, lines.join("\n\n"), true);
}
