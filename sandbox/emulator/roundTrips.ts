// Which service calls are round trips to Google and which are local builder work. Google's Apps Script
// best-practice guide (https://developers.google.com/apps-script/guides/support/best-practices): "Using
// JavaScript operations within your script is considerably faster than calling other services … Anything
// you can accomplish within Google Apps Script itself is much faster than making calls that need to fetch
// data from Google's servers"; "Alternating read and write commands is slow"; and it recommends the cache
// service because reading it is faster than the data it saves, not free. SpreadsheetApp.flush(): "Spreadsheet
// operations are sometimes bundled together" (developers.google.com/apps-script/reference/spreadsheet/
// spreadsheet-app#flush). How each kind is counted, and why:
// - read / write: a cell read or write, and every CacheService, PropertiesService and TextFinder search
//   call: each is a call to another Google service (the guide counts cache reads as service calls too);
// - flush: one trip that applies the writes Apps Script held back;
// - structure: inserting, deleting, hiding, naming, freezing, formatting rules: a change to the document;
// - metadata: asking the document for its sheets, sizes or properties (getLastRow, getSheetByName,
//   openById): answered by Google's servers, not the script;
// - lock: waitLock, tryLock and releaseLock go to the lock service (hasLock is answered locally);
// - Sheets (the Advanced Sheets service, Sheets API v4): each call is one HTTP request to the API
//   (https://developers.google.com/apps-script/guides/services/advanced): a get or a batchGet is a read,
//   a batchUpdate a structure change however many requests it carries;
// - ui: alerts, prompts, dialogs wait for a person, not a server: counted apart, not as round trips;
// - local: builders, range geometry and service handles (getRange, newDataValidation,
//   getScriptProperties, getScriptCache) are plain objects in the script.
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
  if (service === "Sheets") return /batchUpdate$/.test(method) ? "structure" : "read";
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
  // A key-value store: reading it is a read, any change (set, put, delete, remove) a write.
  if (service === "Properties" || service === "Cache") return /^get/.test(method) ? "read" : "write";
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

/** The services of a spreadsheet: their round trips are the ones the document answers. */
export const SPREADSHEET_SERVICES = [
  "SpreadsheetApp",
  "Sheets",
  "Spreadsheet",
  "Sheet",
  "Range",
  "RangeList",
  "TextFinder",
];

/** Round trips to the spreadsheet alone (cache, properties and lock left out), e.g. a clip batch's. */
export function spreadsheetRoundTripsOf(counts: Record<string, number>): number {
  const own = Object.entries(counts).filter(([key]) =>
    SPREADSHEET_SERVICES.includes(key.slice(0, key.indexOf("."))),
  );
  return roundTripsOf(Object.fromEntries(own)).roundTrips;
}
