// The bundled demo exchange: a set-up workbook with realistic candidate peers, participants, targets and
// tags, the peer group selected and today's agenda built.
// Rows are written by header (found through the schema), one setValues per column, so formula columns stay.
import { type TabName, tab } from "../shared/schema/index.ts";
import type { LoadedBundle } from "./bundle.ts";
import { demoRows } from "./demoData.ts";
import { afterExchangeRows, type DemoCell, demoCharter } from "./demoExchange.ts";
import type { Emulator } from "./emulator/index.ts";

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Appends rows under a tab's headers, one setValues per schema column the rows fill. */
function writeRows(
  workbook: Book,
  tabName: TabName,
  rows: readonly Partial<Record<string, DemoCell>>[],
): void {
  const sheet = workbook.getSheetByName(tabName);
  if (!sheet || rows.length === 0) return;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]?.map(String) ?? [];
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  for (const column of tab(tabName).columns) {
    if (!rows.some((row) => column.key in row)) continue;
    const index = headers.indexOf(column.header);
    if (index < 0) continue;
    sheet.getRange(start, index + 1, rows.length, 1).setValues(rows.map((row) => [row[column.key] ?? ""]));
  }
}

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
  for (const [tabName, rows] of Object.entries(demoRows)) writeRows(workbook, tabName as TabName, rows);
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
  afterExchange(bundle, emulator, workbook);
}

/** The rest of the story: the charter, today's clips, and what came after, then the Dashboard. */
function afterExchange(bundle: LoadedBundle, emulator: Emulator, workbook: Book): void {
  const today = emulator.env.now();
  bundle.call("saveCharter", { fields: demoCharter(today), targets: [] });
  const agenda = workbook.getSheetByName("Agenda");
  const sessions = agenda
    ? agenda
        .getRange(2, 1, Math.max(agenda.getLastRow() - 1, 1), 1)
        .getValues()
        .map((row) => String(row[0]))
        .filter((s) => s !== "" && !/^(Break|End of)/.test(s))
    : [];
  for (const [tabName, rows] of afterExchangeRows(today, sessions)) writeRows(workbook, tabName, rows);
  // Derived columns of the new rows, reminders in the outbox, the community counts, the Dashboard.
  const answers: [string, string[]][] = [
    ["setUpWorkbook", []],
    ["sendPreparationReminders", ["YES", "OK"]],
    ["updateCommunity", ["OK"]],
    ["refreshDashboard", ["OK"]],
  ];
  for (const [fn, responses] of answers) {
    emulator.ui.respondWith(responses);
    bundle.call(fn);
    emulator.ui.clearResponses();
  }
  emulator.ui.takeEvents();
}
