// Service calls of the planning items at 100 and 1,000 candidate peers: Select peer group and Build
// agenda read each tab once and write in blocks, so the count must stay flat as the Peers tab grows.
import { type Addon, openAddon } from "../helpers/addon.ts";
import { countCalls } from "./calls.ts";
import type { BenchRow } from "./row.ts";

const GRID_ROWS = 1_100;

/** A set-up workbook with `count` scored candidates (deterministic scores, every fifth an outlier). */
function exchange(count: number): Addon {
  const addon = openAddon();
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  const book = addon.emulator.spreadsheets.get(addon.emulator.spreadsheets.activeId!)!;
  const sheet = book.getSheetByName("Peers")!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const score = (i: number, k: number) => 1 + ((i * 7 + k * 3) % 5);
  const columns: Record<string, (i: number) => unknown> = {
    "Site name": (i) => `Hospital ${i + 1}`,
    Setting: (i) => ["rural", "suburban", "urban"][i % 3],
    Type: (i) => (i % 2 ? "community hospital" : "academic medical center"),
    "Similarity of context": (i) => score(i, 1),
    "Demonstrated success": (i) => score(i, 2),
    "Willingness to share": (i) => score(i, 3),
    "Diversity of perspective": (i) => score(i, 4),
    Outlier: (i) => i % 5 === 0,
  };
  sheet.insertRowsAfter(sheet.getMaxRows(), GRID_ROWS - sheet.getMaxRows());
  for (const [header, value] of Object.entries(columns)) {
    const at = headers.indexOf(header) + 1;
    sheet.getRange(2, at, count, 1).setValues(Array.from({ length: count }, (_, i) => [value(i)]));
  }
  return addon;
}

export function bench(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const peers of [100, 1000]) {
    const workload = `${peers.toLocaleString("en-US")} candidate peers`;
    const addon = exchange(peers);
    addon.emulator.ui.respondWith(["OK"]);
    let report: unknown;
    const select = countCalls(addon, () => {
      report = addon.run("selectPeers");
    });
    if (!(report as { ok?: boolean }).ok)
      throw new Error(`select peer group failed: ${JSON.stringify(report)}`);
    rows.push({
      area: "add-on",
      figure: "select peer group service calls",
      workload,
      value: select.total,
      unit: "calls",
      note: `${select.roundTrips} round trips; ${select.spreadsheet} spreadsheet calls; per-row writes would be ≥ ${peers * 3}`,
    });
    addon.emulator.ui.respondWith([
      { button: "OK", text: "2026-12-03 09:00" },
      { button: "OK", text: "240" },
      "OK",
    ] as never);
    const agenda = countCalls(addon, () => {
      report = addon.run("buildAgenda");
    });
    if (!(report as { ok?: boolean }).ok) throw new Error(`build agenda failed: ${JSON.stringify(report)}`);
    rows.push({
      area: "add-on",
      figure: "build agenda service calls",
      workload,
      value: agenda.total,
      unit: "calls",
      note: `${agenda.roundTrips} round trips; ${agenda.spreadsheet} spreadsheet calls for 6 sites`,
    });
    const session = String(addon.sheet("Agenda")[1]?.[0] ?? "");
    const [peerHeaders = [], ...peerRows] = addon.sheet("Peers");
    const selected = peerRows
      .filter((row) => row[peerHeaders.indexOf("Selected")] === true)
      .map((row) =>
        String(
          row[
            peerHeaders.indexOf(
              row[peerHeaders.indexOf("Permission to identify")] === true ? "Site name" : "Pseudonym",
            )
          ],
        ),
      );
    const sites = selected.map((site, i) => ({ site, seconds: 60 * (i + 1), turns: 1 }));
    // The sidebar opens first (it keeps the sites a tap is checked against), then one tap is noted and
    // one save (Pause, or taps settling) writes the Speaking tab.
    addon.run("showSpeakingTimer");
    let noted: unknown;
    const tap = countCalls(addon, () => {
      noted = addon.run("noteSpeaking", { session, totals: sites });
    });
    if (!(noted as { ok?: boolean }).ok)
      throw new Error(`speaking timer tap failed: ${JSON.stringify(noted)}`);
    rows.push({
      area: "add-on",
      figure: "speaking timer tap round trips",
      workload,
      value: tap.roundTrips,
      unit: "round trips",
      note: `${tap.spreadsheet} spreadsheet calls, ${tap.total} service calls; target ≤ 3; ${sites.length} sites`,
    });
    let saved: unknown;
    const speaking = countCalls(addon, () => {
      saved = addon.run("recordSpeaking", { session, totals: sites });
    });
    if (!(saved as { ok?: boolean }).ok)
      throw new Error(`speaking timer save failed: ${JSON.stringify(saved)}`);
    rows.push({
      area: "add-on",
      figure: "speaking timer save service calls",
      workload,
      value: speaking.total,
      unit: "calls",
      note: `${speaking.roundTrips} round trips; on Pause, a session change or taps settling (background), ${sites.length} sites`,
    });
  }
  return rows;
}
