// Service calls of Summarize survey (100 and 1,000 responses) and Export compendium (100 and 1,000
// published practices). Sheets are read once and written in blocks, and the form and the document are
// each one round trip to open plus one to read or save, so those counts stay flat. Calls on the fetched
// responses and on document elements are accessor and builder calls: Docs applies element changes in one
// batch at saveAndClose, and the response objects arrive with getResponses; both are printed apart.
import { type Addon, openAddon } from "../helpers/addon.ts";
import { type CallCount, countCalls } from "./calls.ts";
import type { BenchRow } from "./row.ts";

function setUp(): Addon {
  const addon = openAddon();
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  return addon;
}

function sheetOf(addon: Addon, name: string) {
  const book = addon.emulator.spreadsheets.get(addon.emulator.spreadsheets.activeId!)!;
  return book.getSheetByName(name)!;
}

/** Writes `count` rows under the headers named in `columns` (one block per column). */
function fill(
  addon: Addon,
  name: string,
  count: number,
  columns: Record<string, (i: number) => unknown>,
): void {
  const sheet = sheetOf(addon, name);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  if (sheet.getMaxRows() < count + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), count + 1 - sheet.getMaxRows());
  for (const [header, value] of Object.entries(columns)) {
    const at = headers.indexOf(header) + 1;
    if (at === 0) throw new Error(`no column ${header} on ${name}`);
    sheet.getRange(2, at, count, 1).setValues(Array.from({ length: count }, (_, i) => [value(i)]));
  }
}

const sum = (c: CallCount, prefixes: string[]) =>
  Object.entries(c.byMethod)
    .filter(([key]) => prefixes.some((p) => key.startsWith(p)))
    .reduce((a, [, n]) => a + n, 0);

function surveyWith(responses: number): Addon {
  const addon = setUp();
  fill(addon, "Peers", 6, {
    "Site name": (i) => `Hospital ${i + 1}`,
    Pseudonym: (i) => `Site ${String.fromCharCode(65 + i)}`,
    Selected: () => true,
  });
  addon.emulator.ui.respondWith(["OK"]);
  const report = addon.run("createSurvey") as { id: string };
  const form = addon.emulator.forms.get(report.id)!;
  const [site, , s, r, c, n, text] = form.items;
  for (let i = 0; i < responses; i++)
    addon.emulator.forms.submit(report.id, {
      [site!.id]: `Site ${String.fromCharCode(65 + (i % 6))}`,
      [s!.id]: String(1 + (i % 5)),
      [r!.id]: String(1 + ((i * 3) % 5)),
      [c!.id]: String(1 + ((i * 7) % 5)),
      [n!.id]: String(i % 11),
      [text!.id]: i % 4 ? "" : `Comment ${i}`,
    });
  return addon;
}

function compendiumWith(practices: number): Addon {
  const addon = setUp();
  const charter = sheetOf(addon, "Charter");
  const labels = charter
    .getRange(1, 1, charter.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  charter.getRange(labels.indexOf("Ownership") + 1, 2).setValue("Owned jointly.");
  charter.getRange(labels.indexOf("Dissemination") + 1, 2).setValue("Within the exchange.");
  fill(addon, "Peers", 6, {
    "Site name": (i) => `Hospital ${i + 1}`,
    Pseudonym: (i) => `Site ${String.fromCharCode(65 + i)}`,
  });
  fill(addon, "Insights", practices, {
    "Clip id": (i) => `c${i}`,
    Text: (i) => `Clip text number ${i} about discharge`,
    Confidential: (i) => i % 10 === 0,
  });
  fill(addon, "Practices", practices, {
    "Practice id": (i) => `p${i}`,
    Title: (i) => `Practice ${i}`,
    "Problem statement": () => "Late discharges.",
    "Intervention description": () => "Morning huddle.",
    Baseline: () => 18,
    Result: () => 41,
    "Source site": (i) => `Hospital ${1 + (i % 6)}`,
    Tags: (i) => `tag ${i % 12}, tag ${(i + 5) % 12}`,
    Status: () => "published",
    "Source clips": (i) => `c${i}`,
  });
  return addon;
}

export function bench(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const responses of [100, 1000]) {
    const workload = `${responses.toLocaleString("en-US")} responses`;
    const addon = surveyWith(responses);
    addon.emulator.ui.respondWith(["OK"]);
    let report: { ok?: boolean; imported?: number } = {};
    const calls = countCalls(addon, () => {
      report = addon.run("summarizeSurvey") as typeof report;
    });
    if (!report.ok || report.imported !== responses)
      throw new Error(`summarize failed: ${JSON.stringify(report)}`);
    const roundTrips = sum(calls, ["FormApp.", "Form."]);
    const accessors = sum(calls, ["FormResponse.", "ItemResponse.", "Item."]);
    rows.push({
      area: "add-on",
      figure: "summarize survey spreadsheet calls",
      workload,
      value: calls.spreadsheet,
      unit: "calls",
      note: `per-row writes would be ≥ ${responses}; 1,000 rows also grow the grid once`,
    });
    rows.push({
      area: "add-on",
      figure: "summarize survey form round trips",
      workload,
      value: roundTrips,
      unit: "calls",
      note: `open + getResponses; ${accessors.toLocaleString("en-US")} accessor calls on the fetched responses`,
    });
  }
  for (const practices of [100, 1000]) {
    const workload = `${practices.toLocaleString("en-US")} published practices`;
    const addon = compendiumWith(practices);
    addon.emulator.ui.respondWith(["OK"]);
    let report: { ok?: boolean; included?: string[] } = {};
    const calls = countCalls(addon, () => {
      report = addon.run("exportCompendium") as typeof report;
    });
    if (!report.ok) throw new Error(`export failed: ${JSON.stringify(report)}`);
    const roundTrips = sum(calls, [
      "DocumentApp.",
      "Document.saveAndClose",
      "Document.getUrl",
      "Document.getId",
    ]);
    const builder = sum(calls, ["Body.", "Paragraph.", "ListItem.", "Table."]);
    rows.push({
      area: "add-on",
      figure: "export compendium spreadsheet calls",
      workload,
      value: calls.spreadsheet,
      unit: "calls",
      note: `${report.included?.length ?? 0} practices written`,
    });
    rows.push({
      area: "add-on",
      figure: "export compendium document round trips",
      workload,
      value: roundTrips,
      unit: "calls",
      note: `create/open, save; ${builder.toLocaleString("en-US")} element builder calls applied at save`,
    });
  }
  return rows;
}
