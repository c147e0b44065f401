// The workbook's wall clock. Sheets shows and reads every date in the spreadsheet's time zone, while the
// script's own Date methods (getDate, new Date(y, m, d)) run in the script's zone: a cell's date is
// turned into a script-local Date reading the same wall clock before any day arithmetic, and back before
// it is written, so a workbook in New York, Kolkata or Honolulu keeps its dates on their day.
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PATTERN = "yyyy-MM-dd'T'HH:mm:ss";

export interface WorkbookZone {
  readonly timeZone: string;
  /** A cell's instant as a script-local Date whose fields read the workbook's wall clock. */
  toLocal(date: Date): Date;
  /** A script-local Date (wall clock fields) as the instant at which the workbook's zone reads it. */
  fromLocal(date: Date): Date;
  /** The instant at which the workbook's zone reads this wall clock (month 1-12). */
  at(year: number, month: number, day: number, hours?: number, minutes?: number): Date;
  /** "yyyy-MM-dd" (or another SimpleDateFormat pattern) in the workbook's zone. */
  format(date: Date, pattern?: string): string;
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(time: number, timeZone: string): number {
  const wall = Date.parse(`${Utilities.formatDate(new Date(time), timeZone, PATTERN)}Z`);
  return wall - Math.floor(time / 1000) * 1000;
}

/** The instant whose wall clock in the zone reads `wall` (UTC fields); a skipped hour moves forward. */
export function instantOfWall(wall: number, timeZone: string): number {
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return offsetAt(second, timeZone) === offsetAt(first, timeZone) ? second : Math.max(first, second);
}

export function zoneOf(timeZone: string): WorkbookZone {
  return {
    timeZone,
    toLocal(date) {
      const [y, mo, d, h, mi, s] = Utilities.formatDate(date, timeZone, "yyyy-M-d-H-m-s")
        .split("-")
        .map(Number);
      return new Date(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
    },
    fromLocal(date) {
      const wall = Date.UTC(
        date.getFullYear(),
        date.getMonth(),
        date.getDate(),
        date.getHours(),
        date.getMinutes(),
        date.getSeconds(),
      );
      return new Date(instantOfWall(wall, timeZone));
    },
    at(year, month, day, hours = 0, minutes = 0) {
      return new Date(instantOfWall(Date.UTC(year, month - 1, day, hours, minutes), timeZone));
    },
    format(date, pattern = "yyyy-MM-dd") {
      return Utilities.formatDate(date, timeZone, pattern);
    },
  };
}

/** The workbook's zone (the script's when the workbook names none). */
export function workbookZone(spreadsheet: Spreadsheet): WorkbookZone {
  return zoneOf(spreadsheet.getSpreadsheetTimeZone() || Session.getScriptTimeZone());
}
