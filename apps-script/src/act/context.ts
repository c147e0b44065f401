// What every act item reads first: the selected sites by the naming rule, the exchange's day from the
// Charter, whole days in the workbook's time zone, and the Actions rows as the shared rules see them.
import { type ActionItem, exchangeDay } from "../../../shared/methods/followUps";
import { siteLabel } from "../../../shared/methods/pseudonyms";
import { readForm } from "../sheets/form";
import { fail, ok, type Result } from "../sheets/result";
import { isDateValue, openTable, type Table, type TableRow } from "../sheets/table";
import { instantOfWall } from "../sheets/zone";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DAY_MS = 86_400_000;

/** The host's label on the Actions tab: it has no Peers row, so no name is ever shown for it. */
export const HOST_LABEL = "Host";

/** Whole days in the workbook's time zone: one formatDate call, then arithmetic. */
export interface DayClock {
  today: number;
  dayOf(date: Date): number;
  /** Midnight of a day, in the workbook's time zone. */
  dateOf(day: number): Date;
}

export function dayClock(spreadsheet: Spreadsheet, now = new Date()): DayClock {
  const zone = spreadsheet.getSpreadsheetTimeZone() || Session.getScriptTimeZone();
  const local = Utilities.formatDate(now, zone, "yyyy-MM-dd HH:mm:ss").replace(" ", "T");
  const offset = Date.parse(`${local}Z`) - now.getTime();
  // Cells hold local midnights; an hour's slack keeps a date on its day across a daylight-saving change.
  const dayOf = (date: Date) => Math.floor((date.getTime() + offset + 3_600_000) / DAY_MS);
  return {
    today: Math.floor((now.getTime() + offset) / DAY_MS),
    dayOf,
    // Exact midnight, also on the far side of a daylight-saving change from today.
    dateOf: (day) => new Date(instantOfWall(day * DAY_MS, zone)),
  };
}

/** The selected peer sites, by the naming rule; an error when none is selected or one lacks a pseudonym. */
export function selectedSites(spreadsheet: Spreadsheet): Result<string[]> {
  const peers = openTable(spreadsheet, "Peers", {
    require: ["siteName", "pseudonym", "permissionToIdentify", "selected"],
  });
  if (!peers.ok) return peers;
  const selected = peers.value
    .read({ keys: ["siteName", "pseudonym", "permissionToIdentify", "selected"] })
    .filter((r) => r.record.selected === true);
  if (selected.length === 0)
    return fail(
      "no_selection",
      "No peer site is selected on the Peers tab. Run Peer Exchange › Select peer group (or tick Selected), then try again.",
    );
  const unnamed = selected.filter((r) => siteLabel(r.record) === "");
  if (unnamed.length > 0)
    return fail(
      "no_pseudonym",
      `${unnamed.length} selected site${unnamed.length === 1 ? " has" : "s have"} no pseudonym yet (Peers rows ${unnamed.map((r) => r.row).join(", ")}). Run Peer Exchange › Select peer group (it assigns pseudonyms), then try again.`,
    );
  return ok([...new Set(selected.map((r) => siteLabel(r.record)))]);
}

/** The exchange's day (its last day) and name from the Charter; dates out of order are refused. */
export function exchangeOf(spreadsheet: Spreadsheet, clock: DayClock): Result<{ day: number; name: string }> {
  const charter = readForm(spreadsheet, "Charter");
  if (!charter.ok) return charter;
  const { startDate, endDate, exchangeName } = charter.value.values;
  const asDay = (v: unknown) => (isDateValue(v) ? clock.dayOf(v) : undefined);
  const day = exchangeDay({ start: asDay(startDate), end: asDay(endDate) });
  if (!day.ok) return fail("exchange_date", day.message);
  return ok({ day: day.day, name: String(exchangeName ?? "") });
}

export const ACTION_KEYS = [
  "site",
  "change",
  "milestone",
  "owner",
  "ownerEmail",
  "status",
  "dueDate",
  "checkInDate",
] as const;

/** Actions rows as the follow-up rules read them (dates as whole days). */
export function actionItems(rows: readonly TableRow<"Actions">[], clock: DayClock): ActionItem[] {
  return rows
    .filter((r) => r.record.site.trim() !== "")
    .map(({ row, record }) => ({
      row,
      site: record.site.trim(),
      change: record.change,
      milestone: record.milestone,
      owner: record.owner,
      ownerEmail: record.ownerEmail,
      status: record.status,
      due: isDateValue(record.dueDate) ? clock.dayOf(record.dueDate) : undefined,
      checkIn: isDateValue(record.checkInDate) ? clock.dayOf(record.checkInDate) : undefined,
    }));
}

export function openActions(spreadsheet: Spreadsheet): Result<Table<"Actions">> {
  return openTable(spreadsheet, "Actions", { require: [...ACTION_KEYS] });
}
