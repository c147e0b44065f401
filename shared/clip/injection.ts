// The formula-injection guard for every untrusted string written to a cell.
// OWASP "CSV Injection": cells starting with = + - @ tab CR LF are prefixed with a single quote.

/** Google Sheets' limit on the characters in one cell. */
export const CELL_CHAR_LIMIT = 50_000;

/** Ends a cell whose text was cut at the cell limit, so a reader sees that something is missing. */
export const TRUNCATION_MARKER = " […truncated: the rest did not fit in one cell]";

/** Leading characters a spreadsheet may read as the start of a formula (OWASP CSV injection). */
export const FORMULA_TRIGGERS: readonly string[] = ["=", "+", "-", "@", "\t", "\r", "\n"];

/** The prefix that makes Sheets (and Excel, LibreOffice) treat the rest of the cell as plain text. */
export const TEXT_PREFIX = "'";

export function startsDangerously(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.includes(text.charAt(0));
}

/** Whether `neutralizeCell(text)` has to cut the text. */
export function exceedsCell(text: string): boolean {
  return text.length + (startsDangerously(text) ? TEXT_PREFIX.length : 0) > CELL_CHAR_LIMIT;
}

/** Text cut to `limit` characters, ending with the visible marker (never splitting a surrogate pair). */
function cutToCell(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = limit - TRUNCATION_MARKER.length;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + TRUNCATION_MARKER;
}

/**
 * The text as it may safely be written to a cell: prefixed with a quote when it could start a formula,
 * cut to the cell limit with a visible marker when too long (never splitting a surrogate pair).
 */
export function neutralizeCell(text: string): string {
  return cutToCell(startsDangerously(text) ? TEXT_PREFIX + text : text, CELL_CHAR_LIMIT);
}

/**
 * What to write with setValues so the cell holds the text itself: quote-prefixed (unless empty), because Sheets
 * reads typed input ("42", "TRUE", "2026-03-04", a leading quote) as numbers, booleans and dates and drops
 * one leading quote; text that starts like a formula thus lands as literal text, never as a formula.
 * The quote counts against the cell limit (Sheets checks the input as written), so the text is cut one
 * character earlier than by neutralizeCell.
 */
export function cellText(text: string): string {
  // An empty field stays a blank cell: a lone quote would make a non-blank cell that counts in COUNTA.
  if (text === "") return "";
  return TEXT_PREFIX + cutToCell(text, CELL_CHAR_LIMIT - TEXT_PREFIX.length);
}

/** Whether `cellText(text)` has to cut the text. */
export function cellTextCut(text: string): boolean {
  return text.length + TEXT_PREFIX.length > CELL_CHAR_LIMIT;
}

// Typed input Sheets reads as something other than text (en_US): numbers, currency and percentages
// ("42", "$5", ".5", "(3)"), dates and times ("1/2", "2026-03-01", "9:00", "Jan 5", "March 2026"),
// booleans, error literals ("#N/A") and formulas ("=", "+1 555 0100").
const NUMBER_OR_DATE_START = /^[$(.]?\s*\d/;
const MONTH_START = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*\d/i;
const BOOLEAN = /^(true|false)$/i;
const ERROR_LITERAL = /^#[a-z]/i;

/**
 * Whether Sheets could read the text, typed or written with setValue, as anything but that very text: the
 * conservative reading (prose starting with a digit is included; its quote is harmless, as the quote is
 * never part of the value).
 */
export function readAsOtherThanText(text: string): boolean {
  const trimmed = text.trim();
  return (
    startsDangerously(text) ||
    text.startsWith(TEXT_PREFIX) ||
    NUMBER_OR_DATE_START.test(trimmed) ||
    MONTH_START.test(trimmed) ||
    BOOLEAN.test(trimmed) ||
    ERROR_LITERAL.test(trimmed)
  );
}

/**
 * Free text as it may be written to a cell that is not a dropdown and stay that very text: quote-prefixed
 * when Sheets would read it as a formula, number, date, boolean or error, cut to the cell limit.
 */
export function freeTextCell(text: string): string {
  if (!readAsOtherThanText(text)) return cutToCell(text, CELL_CHAR_LIMIT);
  return TEXT_PREFIX + cutToCell(text, CELL_CHAR_LIMIT - TEXT_PREFIX.length);
}
