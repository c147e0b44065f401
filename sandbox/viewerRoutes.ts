// What the sandbox page needs beyond the workbook JSON: each tab as Sheets displays it (number and date
// formats applied), the outbox and the installed triggers, and its own static files (the page, its
// script, and the charting library served from node_modules: no CDN).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ClockSchedule, Emulator, TriggerRecord, TriggerRunner } from "./emulator/index.ts";
import { parseA1, resolveA1 } from "./emulator/spreadsheet/a1.ts";
import type { SheetDescription, WorkbookDescription } from "./emulator/spreadsheet/describe.ts";
import { displayValue } from "./emulator/spreadsheet/values.ts";
import { instantOfWall, wallTime } from "./emulator/zones.ts";

const here = dirname(fileURLToPath(import.meta.url));
const assets: Record<string, [path: string, type: string]> = {
  "/": [join(here, "viewer/index.html"), "text/html; charset=utf-8"],
  "/index.html": [join(here, "viewer/index.html"), "text/html; charset=utf-8"],
  "/viewer.js": [join(here, "viewer/viewer.js"), "text/javascript; charset=utf-8"],
  "/viewer.css": [join(here, "viewer/viewer.css"), "text/css; charset=utf-8"],
  "/vendor/chart.js": [
    join(here, "../node_modules/chart.js/dist/chart.umd.min.js"),
    "text/javascript; charset=utf-8",
  ],
};

/** A static file of the page, or null when the path is not one. */
export function viewerAsset(pathname: string): { body: string; type: string } | null {
  const asset = assets[pathname];
  if (!asset) return null;
  return { body: readFileSync(asset[0], "utf8"), type: asset[1] };
}

export interface ViewedSheet extends SheetDescription {
  /** What each cell shows in Sheets: the computed value under its number format. */
  display: string[][];
}

/** Every tab with its displayed text; computed from the model, so no script call is counted. */
export function workbookView(emulator: Emulator): WorkbookDescription & { sheets: ViewedSheet[] } {
  const described = emulator.spreadsheets.describe();
  const sheets = described.sheets.map((sheet): ViewedSheet => {
    const values = emulator.spreadsheets.sheetValues(sheet.name) ?? [];
    const formats: (string | undefined)[][] = values.map((row) => row.map(() => undefined));
    for (const { a1, format } of sheet.numberFormats) {
      const parsed = parseA1(a1);
      if (!parsed) continue;
      const rect = resolveA1(parsed, sheet.lastRow, sheet.lastColumn);
      for (let r = rect.row - 1; r < Math.min(rect.row - 1 + rect.numRows, values.length); r++) {
        const line = formats[r];
        if (!line) continue;
        for (let c = rect.col - 1; c < Math.min(rect.col - 1 + rect.numCols, line.length); c++)
          line[c] = format;
      }
    }
    return {
      ...sheet,
      display: values.map((row, r) => row.map((value, c) => displayValue(value, formats[r]?.[c]))),
    };
  });
  return { ...described, sheets };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const weekDays = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

/**
 * When a time-driven trigger next fires after `now`, as Apps Script schedules it: at the hour (within
 * its hour-long window, so the start of the window is shown) in the script's time zone (`timeZone`, the
 * manifest's; never the host's), on the weekday or month day, or at a set time.
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder
 */
export function nextFire(schedule: ClockSchedule | undefined, now: Date, timeZone = "Etc/UTC"): Date | null {
  if (!schedule) return null;
  if (schedule.at) {
    const at = new Date(schedule.at);
    return at.getTime() >= now.getTime() ? at : null;
  }
  if (schedule.everyMinutes) return new Date(now.getTime() + schedule.everyMinutes * 60_000);
  if (schedule.everyHours) return new Date(now.getTime() + schedule.everyHours * HOUR);
  // Day arithmetic on the zone's wall clock (UTC fields), turned back into an instant at the end.
  const wallNow = wallTime(now.getTime(), timeZone);
  const next = new Date(wallNow);
  next.setUTCHours(schedule.atHour ?? 0, schedule.nearMinute ?? 0, 0, 0);
  const instant = () => new Date(instantOfWall(next.getTime(), timeZone));
  const step = schedule.everyWeeks ? 7 * DAY : schedule.onMonthDay ? 0 : (schedule.everyDays ?? 1) * DAY;
  if (schedule.onWeekDay) {
    const want = weekDays.indexOf(schedule.onWeekDay);
    while (next.getUTCDay() !== want || next.getTime() <= wallNow) next.setTime(next.getTime() + DAY);
    return instant();
  }
  if (schedule.onMonthDay) {
    next.setUTCDate(schedule.onMonthDay);
    if (next.getTime() <= wallNow) next.setUTCMonth(next.getUTCMonth() + 1);
    return instant();
  }
  while (next.getTime() <= wallNow) next.setTime(next.getTime() + step);
  return instant();
}

function describeSchedule(trigger: TriggerRecord): string {
  const s = trigger.schedule;
  if (trigger.source !== "CLOCK" || !s) return `on ${trigger.eventType.toLowerCase().replace("on_", "")}`;
  if (s.at) return "once";
  if (s.everyMinutes) return `every ${s.everyMinutes} minutes`;
  if (s.everyHours) return `every ${s.everyHours} hours`;
  const hour = s.atHour !== undefined ? ` around ${String(s.atHour).padStart(2, "0")}:00` : "";
  if (s.everyWeeks || s.onWeekDay)
    return `weekly${s.onWeekDay ? ` on ${s.onWeekDay.toLowerCase()}` : ""}${hour}`;
  if (s.onMonthDay) return `monthly on day ${s.onMonthDay}${hour}`;
  return `every ${s.everyDays ?? 1} day${(s.everyDays ?? 1) === 1 ? "" : "s"}${hour}`;
}

export function outbox(emulator: Emulator) {
  const now = emulator.env.now();
  return {
    now: now.toISOString(),
    canAdvanceClock: true,
    mail: emulator.mail.sent.map((m) => ({
      to: m.to,
      cc: m.cc,
      subject: m.subject,
      body: m.body,
      sentAt: m.sentAt,
    })),
    triggers: emulator.triggers.list().map((t) => ({
      id: t.id,
      handler: t.handler,
      kind: t.source === "CLOCK" ? "time-driven" : "spreadsheet",
      schedule: describeSchedule(t),
      // The emulator's own next run where it scheduled one (what Advance will fire), else the schedule's.
      nextFire:
        t.source === "CLOCK"
          ? (t.nextRunAt ?? nextFire(t.schedule, now, emulator.session.timeZone)?.toISOString() ?? null)
          : null,
    })),
  };
}

/** Moves the emulator's clock on, firing each trigger that falls due as a fresh execution. */
export function advanceClock(
  emulator: Emulator,
  ms: number,
  run: TriggerRunner,
): { ran: number; failed: number } {
  const executions = emulator.advanceClock(ms, run);
  return { ran: executions.length, failed: executions.filter((e) => e.status === "failed").length };
}
