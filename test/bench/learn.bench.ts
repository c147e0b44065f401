// Service calls of Promote to best practice and of a summary save at 1,000 and 10,000 Insights and
// Practices rows: both read each tab once and write in blocks, so the count must stay flat.
import { type Addon, openAddon } from "../helpers/addon.ts";
import { countCalls } from "./calls.ts";
import type { BenchRow } from "./row.ts";

type Sheet = NonNullable<
  ReturnType<NonNullable<ReturnType<Addon["emulator"]["spreadsheets"]["get"]>>["getSheetByName"]>
>;

const WORDS = [
  "discharge",
  "huddle",
  "pharmacy",
  "falls",
  "sepsis",
  "hand",
  "hygiene",
  "turnover",
  "triage",
  "rounds",
];

/** Writes `count` records under a tab's headers in one block, growing the grid first. */
function fill(sheet: Sheet, count: number, record: (i: number) => Record<string, unknown>): void {
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  if (sheet.getMaxRows() < count + 10)
    sheet.insertRowsAfter(sheet.getMaxRows(), count + 10 - sheet.getMaxRows());
  const rows = Array.from({ length: count }, (_, i) => {
    const r = record(i);
    return headers.map((h) => (h in r ? r[h] : ""));
  });
  sheet.getRange(2, 1, count, headers.length).setValues(rows);
}

function exchange(count: number): Addon {
  const addon = openAddon();
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  const book = addon.emulator.spreadsheets.get(addon.emulator.spreadsheets.activeId!)!;
  const word = (i: number, k: number) => WORDS[(i * 7 + k * 3) % WORDS.length];
  fill(book.getSheetByName("Insights")!, count, (i) => ({
    "Clip id": `clip-${i}`,
    Session: `Session ${i % 12}`,
    Site: `Site ${String.fromCharCode(65 + (i % 6))}`,
    Kind: ["insight", "barrier", "question", "lesson learned"][i % 4],
    Text: `Clip ${i}: ${word(i, 1)} ${word(i, 2)} ${word(i, 3)} on ward ${i}`,
    Tags: `${word(i, 1)}, ${word(i, 2)}`,
    "PHI check": "none",
    "Review status": "new",
  }));
  fill(book.getSheetByName("Practices")!, count, (i) => ({
    "Practice id": `BP-${String(i + 1).padStart(5, "0")}`,
    Title: `Practice ${i} ${word(i, 4)} ${word(i, 5)}`,
    "Problem statement": `Problem ${i}`,
    Status: "draft",
    Version: 1,
  }));
  addon.emulator.ui.takeEvents();
  return addon;
}

export function bench(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const count of [1_000, 10_000]) {
    const workload = `${count.toLocaleString("en-US")} Insights and Practices rows`;
    const addon = exchange(count);
    const book = addon.emulator.spreadsheets.get(addon.emulator.spreadsheets.activeId!)!;
    const insights = book.getSheetByName("Insights")!;
    const width = insights.getLastColumn();
    // Three clips in two ranges, one near the end of the tab.
    insights.setActiveRangeList(
      insights.getRangeList([
        insights.getRange(10, 1, 2, width).getA1Notation(),
        insights.getRange(count - 5, 1, 1, width).getA1Notation(),
      ]),
    );
    addon.emulator.ui.respondWith(["OK", "OK", "OK"]);
    let report: { ok?: boolean; practiceId?: string } = {};
    const promote = countCalls(addon, () => {
      report = addon.run("promoteToPractice") as typeof report;
    });
    if (!report.ok) throw new Error(`promote failed: ${JSON.stringify(report)}`);
    rows.push({
      area: "add-on",
      figure: "promote to best practice service calls",
      workload,
      value: promote.total,
      unit: "calls",
      note: `${promote.spreadsheet} spreadsheet calls; 3 clips in 2 ranges`,
    });
    const view = addon.run("getPracticeSummary", report.practiceId) as {
      value: { practice: { id: string; version: number; content: Record<string, string> } };
    };
    const practice = view.value.practice;
    let saved: { ok?: boolean } = {};
    const save = countCalls(addon, () => {
      saved = addon.run("savePracticeSummary", {
        id: practice.id,
        baseVersion: practice.version,
        base: practice.content,
        content: { ...practice.content, title: "Discharge huddle at 10 am", status: "reviewed" },
      }) as typeof saved;
    });
    if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`);
    rows.push({
      area: "add-on",
      figure: "save practice summary service calls",
      workload,
      value: save.total,
      unit: "calls",
      note: `${save.spreadsheet} spreadsheet calls; history appended, view returned`,
    });
  }
  return rows;
}
