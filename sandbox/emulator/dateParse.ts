// Utilities.parseDate: a string read with a Java SimpleDateFormat pattern in a time zone
// (https://developers.google.com/apps-script/reference/utilities/utilities#parseDate(String,String,String)),
// leniently as java.text.SimpleDateFormat does by default (Feb 30 rolls into March; text after the
// pattern is ignored: https://docs.oracle.com/javase/8/docs/api/java/text/DateFormat.html#parse-java.lang.String-).
import { dayNames, monthNames } from "./dateFormat.ts";
import { exception } from "./spreadsheet/context.ts";
import { instantOfWall } from "./zones.ts";

type Token = { field: string; count: number } | { literal: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j += 1;
      tokens.push({ field: ch, count: j - i });
      i = j;
    } else if (ch === "'") {
      let text = "";
      i += 1;
      if (pattern[i] === "'") {
        tokens.push({ literal: "'" });
        i += 1;
        continue;
      }
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i += 1;
          break;
        } else {
          text += pattern[i];
          i += 1;
        }
      }
      tokens.push({ literal: text });
    } else {
      tokens.push({ literal: ch });
      i += 1;
    }
  }
  return tokens;
}

const NUMERIC = new Set([
  "y",
  "Y",
  "M",
  "L",
  "d",
  "D",
  "H",
  "k",
  "K",
  "h",
  "m",
  "s",
  "S",
  "u",
  "F",
  "w",
  "W",
]);

function isNumeric(token: Token | undefined): boolean {
  return (
    !!token && "field" in token && NUMERIC.has(token.field) && !(/[ML]/.test(token.field) && token.count >= 3)
  );
}

/** The longest name (full, then three-letter) that the text starts with, as an index, or -1. */
function matchName(text: string, names: readonly string[]): { index: number; length: number } {
  const lower = text.toLowerCase();
  for (const [index, name] of names.entries())
    if (lower.startsWith(name.toLowerCase())) return { index, length: name.length };
  for (const [index, name] of names.entries())
    if (lower.startsWith(name.slice(0, 3).toLowerCase())) return { index, length: 3 };
  return { index: -1, length: 0 };
}

/** "Z", "+05:30", "-0800", "+05", "GMT+5:30", "UTC": minutes ahead of UTC and the characters read. */
function matchOffset(text: string): { minutes: number; length: number } | null {
  if (/^Z/i.test(text)) return { minutes: 0, length: 1 };
  const named = /^(GMT|UTC|UT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?/i.exec(text);
  const bare = named ? null : /^([+-])(\d{2})(?::?(\d{2}))?/.exec(text);
  const m = named
    ? [named[0], named[2], named[3], named[4]]
    : bare
      ? [bare[0], bare[1], bare[2], bare[3]]
      : null;
  if (!m) return null;
  const [all = "", sign, hours, minutes] = m;
  const value = sign ? (Number(hours) * 60 + Number(minutes ?? 0)) * (sign === "-" ? -1 : 1) : 0;
  return { minutes: value, length: all.length };
}

/** Epoch milliseconds of `text` read with `pattern` in `timeZone`; throws as Apps Script does when unreadable. */
export function parseDateIn(text: string, timeZone: string, pattern: string): number {
  const unparseable = () => exception(`Unparseable date: "${text}"`);
  const tokens = tokenize(pattern);
  const fields = { year: 1970, month: 0, day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  let pm: boolean | null = null;
  let twelveHour = false;
  let offset: number | null = null;
  let at = 0;
  for (const [i, token] of tokens.entries()) {
    const rest = text.slice(at);
    if ("literal" in token) {
      if (!rest.startsWith(token.literal)) throw unparseable();
      at += token.literal.length;
      continue;
    }
    const { field, count } = token;
    if (isNumeric(token)) {
      // Abutting numeric fields ("yyyyMMdd") take exactly their width; otherwise as many digits as there are.
      const abutting = isNumeric(tokens[i + 1]);
      const m = (abutting ? new RegExp(`^\\d{${count}}`) : /^[+-]?\d+/).exec(rest);
      if (!m) throw unparseable();
      at += m[0].length;
      let n = Number(m[0]);
      if (field === "y" && count <= 2 && m[0].length === 2) n += n < 70 ? 2000 : 1900;
      if (field === "y" || field === "Y" || field === "u") {
        if (field !== "u") fields.year = n;
      } else if (field === "M" || field === "L") fields.month = n - 1;
      else if (field === "d") fields.day = n;
      else if (field === "H") fields.hour = n;
      else if (field === "k") fields.hour = n === 24 ? 0 : n;
      else if (field === "h" || field === "K") {
        fields.hour = field === "h" && n === 12 ? 0 : n;
        twelveHour = true;
      } else if (field === "m") fields.minute = n;
      else if (field === "s") fields.second = n;
      else if (field === "S") fields.ms = n;
      continue;
    }
    if (field === "M" || field === "L") {
      const name = matchName(rest, monthNames);
      if (name.index < 0) throw unparseable();
      fields.month = name.index;
      at += name.length;
    } else if (field === "E") {
      const name = matchName(rest, dayNames);
      if (name.index < 0) throw unparseable();
      at += name.length;
    } else if (field === "a") {
      const m = /^(AM|PM)/i.exec(rest);
      if (!m) throw unparseable();
      pm = m[0].toUpperCase() === "PM";
      at += 2;
    } else if (field === "z" || field === "Z" || field === "X") {
      const zone = matchOffset(rest);
      if (!zone) throw unparseable();
      offset = zone.minutes;
      at += zone.length;
    } else if (field === "G") {
      const m = /^(AD|BC)/i.exec(rest);
      if (!m) throw unparseable();
      at += 2;
    } else {
      throw exception(`Illegal pattern character '${field}'`);
    }
  }
  if (pm !== null && (twelveHour || fields.hour < 12)) fields.hour = (fields.hour % 12) + (pm ? 12 : 0);
  const wall = Date.UTC(
    fields.year,
    fields.month,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.ms,
  );
  const fullYear = new Date(wall);
  fullYear.setUTCFullYear(fields.year, fields.month, fields.day);
  const exact = fullYear.getTime();
  if (Number.isNaN(exact)) throw unparseable();
  return offset === null ? instantOfWall(exact, timeZone) : exact - offset * 60_000;
}
