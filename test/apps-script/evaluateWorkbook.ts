// An exchange ready for evaluation on the emulator: set up, three candidate peers (two selected, one of
// them identified by permission), as a coordinator would have typed them.
import { type Addon, openAddon } from "../helpers/addon.ts";
import { setUp, workbook, writeRows } from "./peerWorkbook.ts";

export const IDENTIFIED = "Lakeside University Hospital";
export const PRIVATE_NAME = "Hilltop Community Hospital";

export function evaluationExchange(): Addon {
  const addon = openAddon();
  setUp(addon);
  writeRows(addon, "Peers", [
    { "Site name": IDENTIFIED, Pseudonym: "Site A", "Permission to identify": true, Selected: true },
    { "Site name": PRIVATE_NAME, Pseudonym: "Site B", "Permission to identify": false, Selected: true },
    { "Site name": "Valley Regional", Pseudonym: "Site C", "Permission to identify": false, Selected: false },
  ]);
  return addon;
}

/** Runs a menu item answering its dialogs in order; returns its report. */
export function run<T>(addon: Addon, fn: string, answers: string[] = ["OK"]): T {
  addon.emulator.ui.takeEvents();
  addon.emulator.ui.respondWith(answers);
  return addon.run(fn) as T;
}

/** The document property the add-on stored under `key`. */
export function stored(addon: Addon, key: string): string | null {
  return addon.emulator.properties.service.getDocumentProperties().getProperty(key);
}

/** A tab's header row and formulas of row `row`, by header. */
export function formulasOf(addon: Addon, name: string, row: number): Record<string, string> {
  const sheet = workbook(addon).getSheetByName(name)!;
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0] as string[];
  const formulas = sheet.getRange(row, 1, 1, width).getFormulas()[0] as string[];
  return Object.fromEntries(headers.map((h, i) => [h, formulas[i] as string]));
}
