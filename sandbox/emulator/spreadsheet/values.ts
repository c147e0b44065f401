// What a cell holds and how values cross the boundary: input parsing as Sheets does it for values written
// by a script, date serial numbers, and display strings for common number formats.
import { dayNames, monthNames } from "../dateFormat.ts";
import { isDate } from "../env.ts";
import { wallTime } from "../zones.ts";

/** A stored literal. Formulas live beside values, not in them. */
export type Literal = string | number | boolean | Date;
/** What getValues returns for one cell. */
export type CellValue = Literal;

/** The result of interpreting a value written to a cell. */
export type CellInput =
  | { kind: "empty" }
  | { kind: "literal"; value: Literal }
  | { kind: "formula"; text: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
// en_US typed input: thousands separators and a dollar sign still make a number ("1,234", "$1,234.50").
const GROUPED_OR_CURRENCY = /^([+-]?)\$?(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+\.?\d*|\.\d+)$/;
// "Jan 5, 2024", "January 5 2024", "5 Jan 2024": month names are dates in en_US.
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i;
const DAY_MONTH_YEAR = /^(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})$/i;
// "Jan 5" and "5 Jan" (this year), "March 2026" (its first day): en_US typed input reads these as dates.
const MONTH_DAY = /^([a-z]{3,9})\.? (\d{1,2})$/i;
const DAY_MONTH = /^(\d{1,2}) ([a-z]{3,9})\.?$/i;
const MONTH_YEAR = /^([a-z]{3,9})\.?,? (\d{4})$/i;
// Typed "+1 555 0100" (or "-x") starts a formula, as + and - do in every spreadsheet
// (https://owasp.org/www-community/attacks/CSV_Injection); Sheets then shows #ERROR! (Formula parse
// error). Sheets' exact rule is undocumented: the strict reading (any + or - that is not a number) is taken.
const SIGNED_FORMULA = /^[+-]/;

/** 1-12 for an English month name or its three-letter abbreviation, else 0. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = monthNames.findIndex(
    (m) => m.toLowerCase() === lower || (lower.length === 3 && m.toLowerCase().startsWith(lower)),
  );
  return index + 1;
}

/** Sheets' limit on the characters of one cell's input (a longer write throws). */
export const CELL_INPUT_LIMIT = 50_000;

function utcDate(y: number, m: number, d: number, h = 0, mi = 0, sec = 0): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d, h, mi, sec));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && sec < 60
    ? date
    : null;
}

/** Where typed input lands: the spreadsheet's time zone and clock (for "Jan 5": this year's). */
export interface InputZone {
  readonly timeZone: string;
  /** The emulator clock, epoch milliseconds. */
  now(): number;
}

/**
 * Interprets a value written with setValue(s) or typed by a person: '' and null clear; '=…' is a
 * formula; a leading apostrophe keeps the rest as text; numeric, TRUE/FALSE and date-like strings become
 * numbers, booleans and dates as Sheets parses typed input (en_US), unless the cell is formatted as plain
 * text ("@"), which keeps every input as typed, "=A1" and "'x" included
 * (https://support.google.com/docs/answer/56470: "Plain text" format).
 * A Date from a script is an instant: with `zone` it is stored as its wall clock in the spreadsheet's
 * zone (a serial number, https://developers.google.com/sheets/api/guides/formats#about_date_time_values);
 * without it the Date is already a wall time (the emulator moving its own cells).
 */
export function interpretInput(value: unknown, numberFormat?: string, zone?: InputZone): CellInput {
  if (value === null || value === undefined || value === "") return { kind: "empty" };
  if (typeof value === "number") return { kind: "literal", value: Number.isFinite(value) ? value : "#NUM!" };
  if (typeof value === "boolean") return { kind: "literal", value };
  if (isDate(value)) {
    const time = value.getTime();
    if (Number.isNaN(time)) return { kind: "literal", value: String(value) };
    return { kind: "literal", value: new Date(zone ? wallTime(time, zone.timeZone) : time) };
  }
  const text = String(value);
  if (numberFormat === "@") return { kind: "literal", value: text };
  if (text.startsWith("=") && text.length > 1) return { kind: "formula", text };
  if (text.startsWith("'")) {
    const rest = text.slice(1);
    return rest === "" ? { kind: "empty" } : { kind: "literal", value: rest };
  }
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { kind: "literal", value: Number(trimmed) };
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "literal", value: upper === "TRUE" };
  if (PERCENT.test(trimmed)) return { kind: "literal", value: Number(trimmed.slice(0, -1)) / 100 };
  const grouped = GROUPED_OR_CURRENCY.exec(trimmed);
  if (grouped) return { kind: "literal", value: Number(`${grouped[1]}${grouped[2]?.replace(/,/g, "")}`) };
  const thisYear = () =>
    new Date(wallTime(zone ? zone.now() : Date.now(), zone?.timeZone ?? "Etc/UTC")).getUTCFullYear();
  const named =
    MONTH_DAY_YEAR.exec(trimmed) ??
    DAY_MONTH_YEAR.exec(trimmed) ??
    MONTH_DAY.exec(trimmed) ??
    DAY_MONTH.exec(trimmed);
  if (named) {
    const [first = "", second = "", year] = named.slice(1);
    const byName = /^\d/.test(first) ? monthNumber(second) : monthNumber(first);
    const day = Number(/^\d/.test(first) ? first : second);
    const date = byName ? utcDate(year ? Number(year) : thisYear(), byName, day) : null;
    if (date) return { kind: "literal", value: date };
  }
  const monthYear = MONTH_YEAR.exec(trimmed);
  if (monthYear && monthNumber(monthYear[1] ?? "")) {
    const date = utcDate(Number(monthYear[2]), monthNumber(monthYear[1] ?? ""), 1);
    if (date) return { kind: "literal", value: date };
  }
  if (SIGNED_FORMULA.test(trimmed) && trimmed.length > 1) return { kind: "formula", text: `=${trimmed}` };
  const iso = ISO_DATE.exec(trimmed);
  const us = iso ? null : US_DATE.exec(trimmed);
  const time = iso || us ? null : TIME.exec(trimmed);
  let date: Date | null = null;
  if (iso) {
    const [y, mo, d, h, mi, sec] = iso.slice(1).map((part) => Number(part ?? 0));
    date = utcDate(y ?? 0, mo ?? 1, d ?? 1, h, mi, sec);
  } else if (us) {
    // Two-digit years: 00–29 are 20xx, 30–99 are 19xx, the rule Sheets shares with Excel (undocumented
    // for Sheets; Excel's: https://learn.microsoft.com/office/troubleshoot/excel/two-digit-year-numbers).
    const written = us[3];
    const year =
      written === undefined
        ? thisYear()
        : written.length === 2
          ? Number(written) + (Number(written) < 30 ? 2000 : 1900)
          : Number(written);
    date = utcDate(year, Number(us[1]), Number(us[2]));
  } else if (time) {
    const meridiem = time[4]?.toLowerCase();
    let hours = Number(time[1]);
    if (meridiem && (hours < 1 || hours > 12)) hours = 99;
    else if (meridiem) hours = (hours % 12) + (meridiem === "pm" ? 12 : 0);
    date = utcDate(1899, 12, 30, hours, Number(time[2]), Number(time[3] ?? 0));
  }
  if (date) return { kind: "literal", value: date };
  return { kind: "literal", value: text };
}

// Sheets counts days from 1899-12-30 on the spreadsheet's wall clock; cells hold wall times (zones.ts).
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function dateToSerial(date: Date): number {
  return (date.getTime() - EPOCH) / DAY;
}

export function serialToDate(serial: number): Date {
  return new Date(Math.round(EPOCH + serial * DAY));
}

export function copyValue(value: Literal): Literal {
  return isDate(value) ? new Date(value.getTime()) : value;
}

/** JSON-safe encoding: dates as { $date: iso }. */
export type EncodedLiteral = string | number | boolean | { $date: string };

export function encodeLiteral(value: Literal): EncodedLiteral {
  return isDate(value) ? { $date: value.toISOString() } : value;
}

export function decodeLiteral(value: EncodedLiteral): Literal {
  return typeof value === "object" && value !== null ? new Date(value.$date) : value;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function hasTime(date: Date): boolean {
  return date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0;
}

export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[yd]/i.test(bare) || /h/i.test(bare) || (/(^|[^0#])m+([^0#%]|$)/i.test(bare) && !/[0#]/.test(bare));
}

/** Formats a date with Sheets-style tokens: yyyy yy mmmm mmm mm m dddd ddd dd d hh h mm(ss) ss am/pm. */
export function formatDate(date: Date, format: string): string {
  const tokens =
    format.match(
      /"[^"]*"|\\.|\[h+\]|\[m+\]|\[s+\]|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|./gi,
    ) ?? [];
  // [h], [m], [s]: elapsed hours, minutes, seconds of a duration, past 24 hours (1.5 days is 36:00:00).
  // https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns
  const elapsedSeconds = Math.floor((date.getTime() - EPOCH) / 1000);
  const twelve = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const hours = date.getUTCHours();
  let out = "";
  let lastWasHour = false;
  tokens.forEach((token, i) => {
    const lower = token.toLowerCase();
    const nextIsSeconds =
      tokens
        .slice(i + 1)
        .find((t) => /[a-z]/i.test(t))
        ?.toLowerCase()
        .startsWith("s") ?? false;
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith("[")) {
      const unit = lower.charAt(1);
      const n = Math.floor(elapsedSeconds / (unit === "h" ? 3600 : unit === "m" ? 60 : 1));
      out += pad(n, token.length - 2);
    } else if (token.startsWith("\\")) out += token.slice(1);
    else if (lower === "yyyy") out += String(date.getUTCFullYear());
    else if (lower === "yy") out += pad(date.getUTCFullYear() % 100);
    else if (lower === "mmmm") out += monthNames[date.getUTCMonth()];
    else if (lower === "mmm") out += monthNames[date.getUTCMonth()]?.slice(0, 3);
    else if (lower === "mm" || lower === "m") {
      const minutes = lastWasHour || nextIsSeconds;
      const n = minutes ? date.getUTCMinutes() : date.getUTCMonth() + 1;
      out += lower === "mm" ? pad(n) : String(n);
    } else if (lower === "dddd") out += dayNames[date.getUTCDay()];
    else if (lower === "ddd") out += dayNames[date.getUTCDay()]?.slice(0, 3);
    else if (lower === "dd") out += pad(date.getUTCDate());
    else if (lower === "d") out += String(date.getUTCDate());
    else if (lower === "hh" || lower === "h") {
      const h = twelve ? hours % 12 || 12 : hours;
      out += lower === "hh" ? pad(h) : String(h);
    } else if (lower === "ss") out += pad(date.getUTCSeconds());
    else if (lower === "s") out += String(date.getUTCSeconds());
    else if (lower === "am/pm") out += hours < 12 ? "AM" : "PM";
    else if (lower === "a/p") out += hours < 12 ? "A" : "P";
    else out += token;
    if (/[a-z]/i.test(token)) lastWasHour = lower === "hh" || lower === "h" || lower.startsWith("[h");
  });
  return out;
}

/** Formats a number with the common patterns: 0, 0.00, #,##0.0, 0%, "$"#,##0.00, 0.00E+00. */
export function formatNumber(value: number, format: string): string {
  const section = format.split(";")[value < 0 && format.includes(";") ? 1 : 0] ?? format;
  const negativeSection = value < 0 && format.includes(";");
  const n = negativeSection ? Math.abs(value) : value;
  const match = /[0#?][0#?,]*(?:\.[0#?]*)?(?:[eE][+-]0+)?%?/.exec(section);
  if (!match) return section.replace(/"/g, "");
  const pattern = match[0];
  const prefix = section.slice(0, match.index).replace(/"|\\/g, "");
  let suffix = section.slice(match.index + pattern.length).replace(/"|\\/g, "");
  const percent = pattern.endsWith("%") || suffix.includes("%");
  const scaled = percent ? n * 100 : n;
  const decimalPart = /\.([0#?]*)/.exec(pattern)?.[1] ?? "";
  const minDecimals = (decimalPart.match(/0/g) ?? []).length;
  const maxDecimals = decimalPart.length;
  let body: string;
  if (/[eE]/.test(pattern)) {
    body = scaled
      .toExponential(maxDecimals)
      .replace(/e([+-])(\d)$/, "E$10$2")
      .replace("e", "E");
  } else {
    body = scaled.toFixed(maxDecimals);
    if (maxDecimals > minDecimals) {
      const [int, frac = ""] = body.split(".");
      const trimmed = frac.replace(/0+$/, "").padEnd(minDecimals, "0");
      body = trimmed ? `${int}.${trimmed}` : `${int}${decimalPart.length && minDecimals === 0 ? "." : ""}`;
    }
    if (pattern.split(".")[0]?.includes(",")) {
      const [int = "", frac] = body.split(".");
      const sign = int.startsWith("-") ? "-" : "";
      const digits = sign ? int.slice(1) : int;
      body = sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac === undefined ? "" : `.${frac}`);
    }
    const intPattern = pattern.split(".")[0] ?? "";
    if (!intPattern.includes("0") && /^-?0(\.|$)/.test(body)) body = body.replace(/^(-?)0/, "$1");
  }
  if (percent && !pattern.endsWith("%") && !suffix.includes("%")) suffix += "%";
  return `${prefix}${body}${pattern.endsWith("%") ? "%" : ""}${suffix}`;
}

/**
 * What getValues returns for a stored value under a number format: Sheets keeps dates as serial numbers,
 * so a number in a date-formatted cell reads as a Date and a date in a plain number format as a number.
 */
export function typedByFormat(value: CellValue, format: string | undefined): CellValue {
  if (!format || format === "General" || format === DEFAULT_NUMBER_FORMAT || format === "@") return value;
  if (typeof value === "number" && Number.isFinite(value) && isDateFormat(format)) return serialToDate(value);
  if (isDate(value) && !isDateFormat(format) && /[0#]/.test(format)) return dateToSerial(value);
  return value;
}

/** What getDisplayValue shows for a computed value under a number format. */
export function displayValue(value: CellValue, format: string | undefined): string {
  if (value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const custom = format && format !== "General" && format !== DEFAULT_NUMBER_FORMAT ? format : undefined;
  if (isDate(value)) {
    if (custom && isDateFormat(custom)) return formatDate(value, custom);
    if (custom && /[0#]/.test(custom)) return formatNumber(dateToSerial(value), custom);
    if (value.getTime() >= EPOCH && value.getTime() < EPOCH + DAY) return formatDate(value, "h:mm:ss am/pm");
    return formatDate(value, hasTime(value) ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd");
  }
  if (typeof value === "number") {
    if (custom === "@") return String(value);
    if (custom && isDateFormat(custom)) return formatDate(serialToDate(value), custom);
    if (custom) return formatNumber(value, custom);
    return String(Number.isInteger(value) ? value : Number(value.toPrecision(10)));
  }
  return value;
}

/** Apps Script reports this for a cell whose number format was never set. */
export const DEFAULT_NUMBER_FORMAT = "0.###############";
