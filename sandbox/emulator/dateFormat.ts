// Utilities.formatDate: Java SimpleDateFormat patterns rendered in a time zone, as Apps Script does.
// Named zones go through Intl; "GMT+hh:mm" style fixed offsets are computed here; an unknown zone
// falls back to GMT, as java.util.TimeZone does.
import { exception } from "./spreadsheet/context.ts";

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday. */
  weekday: number;
  offsetMinutes: number;
  shortName: string;
  longName: string;
}

/** English month and day names, shared with Sheets' own date formats (spreadsheet/values.ts). */
export const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
export const dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const formatters = new Map<
  string,
  { numeric: Intl.DateTimeFormat; short: Intl.DateTimeFormat; long: Intl.DateTimeFormat }
>();

function formattersFor(timeZone: string) {
  let found = formatters.get(timeZone);
  if (!found) {
    const base: Intl.DateTimeFormatOptions = {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    };
    found = {
      numeric: new Intl.DateTimeFormat("en-US", base),
      short: new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }),
      long: new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" }),
    };
    formatters.set(timeZone, found);
  }
  return found;
}

function fixedOffset(timeZone: string): { minutes: number; name: string } | null {
  const match = /^(GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone.trim());
  if (!match || (!match[1] && !match[4])) return null;
  const minutes = (Number(match[3]) * 60 + Number(match[4] ?? 0)) * (match[2] === "-" ? -1 : 1);
  const abs = Math.abs(minutes);
  const name = `GMT${minutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
  return { minutes, name };
}

function utcParts(time: number, offsetMinutes: number, shortName: string, longName: string): ZonedParts {
  const shifted = new Date(time + offsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes,
    shortName,
    longName,
  };
}

function zonedParts(time: number, timeZone: string): ZonedParts {
  const fixed = fixedOffset(timeZone);
  if (fixed) return utcParts(time, fixed.minutes, fixed.name, fixed.name);
  let f: ReturnType<typeof formattersFor>;
  try {
    f = formattersFor(timeZone);
  } catch {
    return utcParts(time, 0, "GMT", "Greenwich Mean Time");
  }
  const date = new Date(time);
  const get = (parts: Intl.DateTimeFormatPart[], type: string) =>
    parts.find((p) => p.type === type)?.value ?? "";
  const numeric = f.numeric.formatToParts(date);
  const n = (type: string) => Number(get(numeric, type));
  const wholeSeconds = Math.floor(time / 1000) * 1000;
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  const offsetMinutes = Math.round((asUtc - wholeSeconds) / 60_000);
  const zoneName = (fmt: Intl.DateTimeFormat) => get(fmt.formatToParts(date), "timeZoneName");
  return utcParts(time, offsetMinutes, zoneName(f.short), zoneName(f.long));
}

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich), daylight saving included. */
export function zoneOffsetMinutes(time: number, timeZone: string): number {
  const fixed = fixedOffset(timeZone);
  if (fixed) return fixed.minutes;
  // Zones change offset at most once in six hours: where both ends of a span agree, the whole span does.
  const bucket = Math.floor(time / SPAN);
  const key = `${timeZone}\u0000${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const start = numericOffset(bucket * SPAN, timeZone);
  const end = numericOffset((bucket + 1) * SPAN - 1, timeZone);
  if (start !== end) return numericOffset(time, timeZone);
  if (offsetCache.size >= 100_000) offsetCache.clear();
  offsetCache.set(key, start);
  return start;
}

const SPAN = 6 * 3_600_000;
const offsetCache = new Map<string, number>();

/** The offset alone (no zone names): one formatToParts call. */
function numericOffset(time: number, timeZone: string): number {
  let f: ReturnType<typeof formattersFor>;
  try {
    f = formattersFor(timeZone);
  } catch {
    return 0;
  }
  const parts = f.numeric.formatToParts(new Date(time));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "");
  const wholeSeconds = Math.floor(time / 1000) * 1000;
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

/** The zone's long name at an instant ("Eastern Daylight Time"), as V8's Date#toString shows it. */
export function zoneLongName(time: number, timeZone: string): string {
  return zonedParts(time, timeZone).longName;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function offsetText(minutes: number, separator: string, withMinutes = true): string {
  const abs = Math.abs(minutes);
  const sign = minutes < 0 ? "-" : "+";
  return `${sign}${pad(Math.floor(abs / 60), 2)}${withMinutes ? `${separator}${pad(abs % 60, 2)}` : ""}`;
}

function dayOfYear(p: ZonedParts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
}

function field(letter: string, count: number, p: ZonedParts): string {
  switch (letter) {
    case "G":
      return p.year > 0 ? "AD" : "BC";
    case "y":
    case "Y":
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case "M":
    case "L":
      if (count >= 4) return monthNames[p.month - 1]!;
      if (count === 3) return monthNames[p.month - 1]!.slice(0, 3);
      return pad(p.month, count);
    case "d":
      return pad(p.day, count);
    case "D":
      return pad(dayOfYear(p), count);
    case "E":
      return count >= 4 ? dayNames[p.weekday]! : dayNames[p.weekday]!.slice(0, 3);
    case "u":
      return pad(p.weekday === 0 ? 7 : p.weekday, count);
    case "a":
      return p.hour < 12 ? "AM" : "PM";
    case "H":
      return pad(p.hour, count);
    case "k":
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case "K":
      return pad(p.hour % 12, count);
    case "h":
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case "m":
      return pad(p.minute, count);
    case "s":
      return pad(p.second, count);
    case "S":
      return pad(p.millisecond, count);
    case "z":
      return count >= 4 ? p.longName : p.shortName;
    case "Z":
      return offsetText(p.offsetMinutes, "");
    case "X":
      if (p.offsetMinutes === 0) return "Z";
      return count === 1
        ? offsetText(p.offsetMinutes, "", false)
        : offsetText(p.offsetMinutes, count >= 3 ? ":" : "");
    default:
      throw exception(`Illegal pattern character '${letter}'`);
  }
}

/** Formats epoch milliseconds with a SimpleDateFormat pattern in the given time zone. */
export function formatDateIn(time: number, timeZone: string, pattern: string): string {
  const p = zonedParts(time, timeZone);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j += 1;
      out += field(ch, j - i, p);
      i = j;
    } else if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // A quoted literal; '' inside it is one quote.
      i += 1;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          out += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i += 1;
          break;
        } else {
          out += pattern[i];
          i += 1;
        }
      }
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}
