// Which workbook the add-on works on: the one it is bound to, or (in the web app, where there is no
// active spreadsheet) the one whose id set-up stored under "workbookId".
import { fail, ok, type Result } from "./result";

export const WORKBOOK_ID_KEY = "workbookId";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function activeSpreadsheet(): Spreadsheet | null {
  try {
    return SpreadsheetApp.getActiveSpreadsheet();
  } catch {
    return null;
  }
}

/** The stored workbook id: script properties first (always readable), then document properties. */
function storedWorkbookId(): string | null {
  const sources = [
    () => PropertiesService.getScriptProperties(),
    () => PropertiesService.getDocumentProperties(),
  ];
  for (const source of sources) {
    try {
      const id = source()?.getProperty(WORKBOOK_ID_KEY);
      if (id) return id;
    } catch {
      // A store may be unavailable in this context (no document in a web app); try the next.
    }
  }
  return null;
}

/** Remembers the workbook for the web app, in script and document properties. */
export function storeWorkbookId(id: string): void {
  PropertiesService.getScriptProperties().setProperty(WORKBOOK_ID_KEY, id);
  PropertiesService.getDocumentProperties()?.setProperty(WORKBOOK_ID_KEY, id);
}

/** The exchange workbook, or an error that says how to connect one. */
export function openWorkbook(): Result<Spreadsheet> {
  const active = activeSpreadsheet();
  if (active) return ok(active);
  const id = storedWorkbookId();
  if (!id) {
    return fail(
      "no_workbook",
      "The add-on is not connected to a workbook yet. Open the exchange workbook and run Peer Exchange › Set up / repair workbook.",
    );
  }
  try {
    return ok(SpreadsheetApp.openById(id));
  } catch (error) {
    return fail(
      "workbook_unavailable",
      `The exchange workbook could not be opened (${String((error as Error)?.message ?? error)}). Check that it still exists and that the deploying account can edit it.`,
      true,
    );
  }
}
