// Opens a sidebar on the state it shows first, or alerts why it cannot (the workbook is not set up).
import type { Result } from "../sheets/result";
import { openWorkbook } from "../sheets/workbook";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function showStateSidebar(
  title: string,
  file: string,
  state: (spreadsheet: Spreadsheet) => Result<unknown>,
): void {
  const ui = SpreadsheetApp.getUi();
  const workbook = openWorkbook();
  const view = workbook.ok ? state(workbook.value) : workbook;
  if (!view.ok) {
    ui.alert(title, view.error.message, ui.ButtonSet.OK);
    return;
  }
  const template = HtmlService.createTemplateFromFile(file);
  // Auto-escaped by <?= ?>: the sidebar parses it back from an attribute.
  template.stateJson = JSON.stringify(view.value);
  ui.showSidebar(template.evaluate().setTitle(title));
}
