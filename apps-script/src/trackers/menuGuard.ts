// A menu item never shows a stack trace: an unexpected error becomes an alert that says what to try.

/** Runs a menu action; an unexpected error is reported in plain words (and logged for the developer). */
export function guardMenuAction(title: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    console.error(`${title}: ${message}`);
    const ui = SpreadsheetApp.getUi();
    ui.alert(
      title,
      `Something went wrong: ${message}\n\nRun Peer Exchange › Set up / repair workbook, then try again. If it keeps happening, tell the person who installed the add-on.`,
      ui.ButtonSet.OK,
    );
  }
}
