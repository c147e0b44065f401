// The bundled demo exchange: a set-up workbook with realistic candidate peers, participants, targets and
// tags, the peer group selected and today's agenda built.
// Rows are written by header (found through the schema), one setValues per column, so formula columns stay.
import { type TabName, tab } from "../shared/schema/index.ts";
import type { LoadedBundle } from "./bundle.ts";
import { demoRows } from "./demoData.ts";
import type { Emulator } from "./emulator/index.ts";

function setUp(bundle: LoadedBundle, emulator: Emulator): void {
  emulator.ui.respondWith([]);
  bundle.call("setUpWorkbook");
  emulator.ui.takeEvents();
}

export function loadDemo(bundle: LoadedBundle, emulator: Emulator): void {
  setUp(bundle, emulator);
  const id = emulator.spreadsheets.activeId;
  const workbook = id ? emulator.spreadsheets.get(id) : null;
  if (!workbook) throw new Error("The demo needs the bound workbook.");
  for (const [tabName, rows] of Object.entries(demoRows)) {
    const sheet = workbook.getSheetByName(tabName);
    if (!sheet || rows.length === 0) continue;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]?.map(String) ?? [];
    const start = Math.max(sheet.getLastRow(), 1) + 1;
    for (const column of tab(tabName as TabName).columns) {
      if (!rows.some((row) => column.key in row)) continue;
      const index = headers.indexOf(column.header);
      if (index < 0) continue;
      sheet.getRange(start, index + 1, rows.length, 1).setValues(rows.map((row) => [row[column.key] ?? ""]));
    }
  }
  // A second run of set-up / repair fills the derived columns of the rows just written.
  setUp(bundle, emulator);
  // An exchange in progress: the peer group chosen and today's agenda built, so a scribe's clipper
  // finds today's sessions and sites.
  const today = emulator.env.now().toISOString().slice(0, 10);
  emulator.ui.respondWith([
    "OK",
    { button: "OK", text: `${today} 09:00` },
    { button: "OK", text: "240" },
    "OK",
  ]);
  bundle.call("selectPeers");
  bundle.call("buildAgenda");
  emulator.ui.clearResponses();
  emulator.ui.takeEvents();
}
