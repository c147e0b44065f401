// The bundled demo exchange: a set-up workbook with realistic candidate peers, participants and targets,
// written by header name so it follows the schema wherever columns sit.
import type { LoadedBundle } from "./bundle.ts";
import type { Emulator } from "./emulator/index.ts";
import { demoRows } from "./demoData.ts";

export function loadDemo(bundle: LoadedBundle, emulator: Emulator): void {
  if (bundle.functions.includes("setUpWorkbook")) {
    emulator.ui.respondWith([]);
    bundle.call("setUpWorkbook");
    emulator.ui.takeEvents();
  }
  const id = emulator.spreadsheets.activeId;
  const workbook = id ? emulator.spreadsheets.get(id) : null;
  if (!workbook) return;
  for (const [tabName, rows] of Object.entries(demoRows)) {
    const sheet = workbook.getSheetByName(tabName);
    if (!sheet || rows.length === 0) continue;
    const width = sheet.getLastColumn();
    if (width === 0) continue;
    const headers = sheet.getRange(1, 1, 1, width).getValues()[0]?.map(String) ?? [];
    const block = rows.map((row) => headers.map((header) => row[header] ?? ""));
    // Leave derived (formula) columns alone: write only the columns the demo names, column by column.
    const named = headers.map((header, index) => ({ header, index })).filter(({ header }) => rows.some((row) => header in row));
    const start = sheet.getLastRow() + 1;
    for (const { index } of named) {
      sheet.getRange(start, index + 1, block.length, 1).setValues(block.map((row) => [row[index] ?? ""]));
    }
  }
}
