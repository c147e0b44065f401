// A menu item never shows a stack trace: an unexpected error becomes an alert that says what to try.

/** Alerts an unexpected error in plain words (and logs it for the developer); returns what was said. */
function reportUnexpected(title: string, error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  console.error(`${title}: ${message}`);
  const text = `Something went wrong: ${message}\n\nRun Peer Exchange › Set up / repair workbook, then try again. If it keeps happening, tell the person who installed the add-on.`;
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, text, ui.ButtonSet.OK);
  return text;
}

/** Runs a menu action; an unexpected error is reported in plain words (and logged for the developer). */
export function guardMenuAction(title: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    reportUnexpected(title, error);
  }
}

/** As guardMenuAction, for menu functions that also return a report: `fallback` builds it from the message. */
export function guardMenuResult<T>(title: string, action: () => T, fallback: (message: string) => T): T {
  try {
    return action();
  } catch (error) {
    return fallback(reportUnexpected(title, error));
  }
}
