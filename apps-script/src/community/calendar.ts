// Peer Exchange › Plan exchange cadence…: the next exchanges, quarterly or semi-annual, each with a theme
// and date on the Exchange Calendar; a month that already has an exchange gets no second one.
import {
  CADENCE_MONTHS,
  type Cadence,
  isoDay,
  parseDay,
  planCadence,
} from "../../../shared/methods/community";
import { guardMenuResult } from "../menuGuard";
import { openTable } from "../sheets/table";
import { workbookZone } from "../sheets/zone";
import { ask, type CommunityReport, dateOrNull, notDone, say } from "./dialog";

const TITLE = "Plan exchange cadence";
export const MAX_PLANNED = 12;
const MAX_THEME_LENGTH = 200;

export function planExchangeCadence(): CommunityReport {
  return guardMenuResult(TITLE, runPlanCadence, notDone);
}

const cancelled = (): CommunityReport => notDone("Cancelled: nothing was planned.");

function runPlanCadence(): CommunityReport {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const opened = openTable(spreadsheet, "Exchange Calendar", {
    require: ["exchange", "theme", "date", "cadence", "status"],
  });
  if (!opened.ok) return say(TITLE, opened.error.message, false);

  const cadenceText = ask(ui, TITLE, "Cadence: quarterly or semi-annual?");
  if (cadenceText === null) return cancelled();
  const cadence = cadenceText.toLowerCase().replace(/\s+/g, "-").replace("semiannual", "semi-annual");
  if (!Object.hasOwn(CADENCE_MONTHS, cadence))
    return say(
      TITLE,
      `“${cadenceText}” is not a cadence. Type quarterly or semi-annual. Nothing was planned.`,
      false,
    );

  const startText = ask(ui, TITLE, "Date of the first exchange (YYYY-MM-DD, e.g. 2027-03-15):");
  if (startText === null) return cancelled();
  const start = parseDay(startText);
  if (!start)
    return say(
      TITLE,
      `“${startText}” is not a date. Type it as YYYY-MM-DD, e.g. 2027-03-15. Nothing was planned.`,
      false,
    );

  const countText = ask(ui, TITLE, `How many exchanges to plan (1–${MAX_PLANNED})?`);
  if (countText === null) return cancelled();
  const count = Number(countText);
  if (!/^\d+$/.test(countText) || count < 1 || count > MAX_PLANNED)
    return say(
      TITLE,
      `“${countText}” is not a whole number from 1 to ${MAX_PLANNED}. Nothing was planned.`,
      false,
    );

  const themesText = ask(
    ui,
    TITLE,
    "Themes, separated by semicolons, one per exchange (fewer are used in turn), e.g. Discharge before noon; OR turnover:",
  );
  if (themesText === null) return cancelled();
  const themes = themesText
    .split(";")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  if (themes.length === 0)
    return say(
      TITLE,
      "Give at least one theme (an operational theme per exchange). Nothing was planned.",
      false,
    );
  const long = themes.find((t) => t.length > MAX_THEME_LENGTH);
  if (long)
    return say(
      TITLE,
      `A theme is longer than ${MAX_THEME_LENGTH} characters: shorten “${long.slice(0, 40)}…”. Nothing was planned.`,
      false,
    );

  const table = opened.value;
  const zone = workbookZone(spreadsheet);
  const existing = table.read({ keys: ["exchange", "date", "status"] }).map((r) => ({
    exchange: String(r.record.exchange),
    date: dateOrNull(r.record.date, zone),
    status: String(r.record.status),
  }));
  const plan = planCadence(cadence as Cadence, start, count, themes, existing);
  table.append(plan.add.map((p) => ({ ...p, date: zone.fromLocal(p.date), status: "planned" })));

  const lines: string[] = [];
  lines.push(
    plan.add.length
      ? `Added ${plan.add.length} ${cadence} exchange(s) to the Exchange Calendar: ${plan.add.map((p) => `${isoDay(p.date)} “${p.theme}”`).join(", ")}.`
      : "Nothing was added.",
  );
  if (plan.skipped.length)
    lines.push(
      `Left out because the calendar already has an exchange that month: ${plan.skipped.map((s) => `${isoDay(s.date)} (${s.existing})`).join(", ")}.`,
    );
  if (plan.add.length) lines.push("Set each exchange's Host; after it, mark it done and list who attended.");
  return say(TITLE, lines.join("\n\n"), plan.add.length > 0 || plan.skipped.length > 0);
}
