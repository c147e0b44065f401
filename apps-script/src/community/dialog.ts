import { isDateValue } from "../sheets/table";
import type { WorkbookZone } from "../sheets/zone";

// Alerts and prompts of the community menu items: one title per item, answers trimmed, Cancel as null.
type Ui = GoogleAppsScript.Base.Ui;

export interface CommunityReport {
  ok: boolean;
  message: string;
}

export const notDone = (message: string): CommunityReport => ({ ok: false, message });

export function say(title: string, message: string, ok: boolean): CommunityReport {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
  return { ok, message };
}

/** The typed answer, or null when the user pressed Cancel or closed the prompt. */
export function ask(ui: Ui, title: string, prompt: string): string | null {
  const answer = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
}

/** A cell's Date, or null when blank or not a date. */
/** A cell's date as a script-local Date reading the workbook's wall clock (zone.ts), or null. */
export const dateOrNull = (value: unknown, zone: WorkbookZone): Date | null =>
  isDateValue(value) ? zone.toLocal(value) : null;
