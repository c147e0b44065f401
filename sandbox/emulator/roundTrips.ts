// Which service calls are round trips to Google and which are local builder work. Google's Apps Script
// best-practice guide: "Using JavaScript operations within your script is considerably faster than calling
// other services … Alternating read and write commands is slow" (developers.google.com/apps-script/guides/
// support/best-practices); SpreadsheetApp.flush(): "Spreadsheet operations are sometimes bundled together".
// Range geometry, builders and handles (getRange, newDataValidation, getScriptProperties) are local.

export type CallKind = "read" | "write" | "flush" | "structure" | "metadata" | "lock" | "ui" | "local";

/** Kinds that cost a round trip to Google's servers (and, under the script lock, others' waiting time). */
export const ROUND_TRIP_KINDS: readonly CallKind[] = [
  "read",
  "write",
  "flush",
  "structure",
  "metadata",
  "lock",
];

const LOCAL_SERVICES =
  /Builder$|^(Utilities|Session|Charts|Logger|HtmlService|HtmlTemplate|HtmlOutput|ContentService|TextOutput)$/;

// Range methods answered from the range object itself.
const RANGE_GEOMETRY =
  /^(getRow|getColumn|getNumRows|getNumColumns|getLastRow|getLastColumn|getA1Notation|getSheet|getGridId|getRowIndex|getColumnIndex|getHeight|getWidth|offset|getCell|createTextFinder)$/;
// Calls that change rows, columns, sheets, charts, names or protection: structure, not cell writes.
const STRUCTURE =
  /^(insert|delete|hide|show|unhide|setFrozen|setName|setColumnWidth|setRowHeight|autoResize|setTabColor|protect|moveActive|setActive|activate|setNamedRange|removeNamedRange|updateChart|removeChart|setConditionalFormatRules|createFilter|remove$|merge|breakApart|setSpreadsheetTimeZone|rename|setHidden|collapse|expand)/;
const HANDLES =
  /^(getActiveSpreadsheet|getActive|getUi|getScriptProperties|getDocumentProperties|getUserProperties|getScriptCache|getDocumentCache|getUserCache|getScriptLock|getDocumentLock|getUserLock|getService|getScriptId|new[A-Z]\w*|createMenu|createAddonMenu|addItem|addSeparator|addSubMenu|getRange|getRangeList|build|copy)$/;

export function callKind(key: string): CallKind {
  const dot = key.indexOf(".");
  const service = key.slice(0, dot);
  const method = key.slice(dot + 1);
  if (LOCAL_SERVICES.test(service)) return "local";
  if (method === "flush") return "flush";
  // Opening a workbook fetches it; TextFinder's option setters only configure the search.
  if (method === "openById" || method === "openByUrl") return "metadata";
  if (
    service === "TextFinder" &&
    /^(matchCase|matchEntireCell|matchFormulaText|useRegularExpression|ignoreDiacritics|startFrom)$/.test(
      method,
    )
  )
    return "local";
  if (service === "Lock") return method === "hasLock" ? "local" : "lock";
  if (service === "Ui") return method === "addToUi" || /^(alert|prompt|show)/.test(method) ? "ui" : "local";
  if (service === "Range" && RANGE_GEOMETRY.test(method)) return "local";
  if (HANDLES.test(method)) return "local";
  if (service === "Range" && /^(get|is)/.test(method)) return "read";
  if (
    /^(findNext|findPrevious|findAll|getProperty|getProperties|getKeys|get|getAll|getRemainingDailyQuota|getProjectTriggers|getUserTriggers|getAuthorizationInfo)$/.test(
      method,
    )
  )
    return "read";
  if (STRUCTURE.test(method)) return "structure";
  if (/^(get|is|has)/.test(method)) return "metadata";
  return "write";
}

/** Counts by kind, and the round trips among them. */
export function roundTripsOf(counts: Record<string, number>): {
  roundTrips: number;
  byKind: Record<CallKind, number>;
} {
  const byKind = { read: 0, write: 0, flush: 0, structure: 0, metadata: 0, lock: 0, ui: 0, local: 0 };
  for (const [key, n] of Object.entries(counts)) byKind[callKind(key)] += n;
  const roundTrips = ROUND_TRIP_KINDS.reduce((sum, kind) => sum + byKind[kind], 0);
  return { roundTrips, byKind };
}
