// What the evaluate menu items return (the sandbox and the tests read it; Sheets ignores it), and how
// they tell the coordinator: one alert per run.

export interface EvaluateReport {
  ok: boolean;
  message: string;
  /** The form or document the item made or reused, when there is one. */
  id?: string;
  url?: string;
}

export function tell(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export const failed = (message: string): EvaluateReport => ({ ok: false, message });

/** Says why nothing happened, and returns it as a failed report. */
export function stop(title: string, message: string): EvaluateReport {
  tell(title, message);
  return failed(message);
}

/** Asks a yes/no question; true only for Yes. */
export function confirm(title: string, question: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, question, ui.ButtonSet.YES_NO) === ui.Button.YES;
}
