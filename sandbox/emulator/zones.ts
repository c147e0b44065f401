// Wall clocks and instants in a named time zone. Sheets keeps a date-time cell as a serial number: the
// wall clock in the spreadsheet's time zone, with no zone of its own
// (https://developers.google.com/sheets/api/guides/formats#about_date_time_values). The emulator keeps
// that wall clock as a Date whose UTC fields are the wall clock ("wall time"), and turns it into the
// instant a script sees only where a value crosses to or from the script.
import { zoneOffsetMinutes } from "./dateFormat.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The zone's wall clock at an instant, as milliseconds whose UTC fields read that wall clock. */
export function wallTime(instant: number, timeZone: string): number {
  return instant + zoneOffsetMinutes(instant, timeZone) * MINUTE;
}

/**
 * The instant at which the zone's clocks read `wall`. A wall clock skipped by a daylight-saving change
 * (02:30 on a spring-forward day) moves forward by the gap, as java.util.Calendar's lenient mode does; one
 * read twice (the autumn hour) is the earlier instant. Which one Sheets takes is undocumented; this is
 * the reading Java's GregorianCalendar gives.
 */
export function instantOfWall(wall: number, timeZone: string): number {
  const before = zoneOffsetMinutes(wall - DAY, timeZone);
  const after = zoneOffsetMinutes(wall + DAY, timeZone);
  const candidates = [wall - before * MINUTE, wall - after * MINUTE].sort((a, b) => a - b);
  const exact = candidates.find((t) => wallTime(t, timeZone) === wall);
  return exact ?? wall - before * MINUTE;
}

/** Whether Intl knows the zone (an IANA name such as America/Chicago, or UTC). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
