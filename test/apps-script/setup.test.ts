// Set up / repair workbook on the built bundle: idempotent, keeps user columns and moved columns,
// restores what was deleted and says so.
import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, weightedScore } from "../../shared/methods/weightedScore.ts";
import { tabs } from "../../shared/schema/index.ts";
import { countCalls } from "../bench/calls.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";

function lastAlert(addon: Addon): { title?: string; message?: string } {
  const alerts = addon.emulator.ui.events.filter((e) => e.type === "alert");
  return alerts[alerts.length - 1] as { title?: string; message?: string };
}

function setUp(addon: Addon): string {
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  return lastAlert(addon).message ?? "";
}

function workbook(addon: Addon): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const id = addon.emulator.spreadsheets.activeId;
  const book = id ? addon.emulator.spreadsheets.get(id) : null;
  if (!book) throw new Error("no active workbook");
  return book as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/** A tab's rows as objects by header text. */
function records(addon: Addon, name: string): Record<string, unknown>[] {
  const [headers = [], ...rows] = addon.sheet(name);
  return rows.map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i]])));
}

describe("Set up / repair workbook", () => {
  it("creates every tab, then a second run changes nothing", () => {
    const addon = openAddon();
    const first = setUp(addon);
    expect(first).toMatch(new RegExp(`^Created ${tabs.length} tabs`));
    const before = addon.emulator.spreadsheets.describe();
    const names = before.sheets.map((s: { name: string }) => s.name);
    for (const spec of tabs) expect(names).toContain(spec.name);
    const settings = before.sheets.find((s: { name: string }) => s.name === "Settings") as {
      hidden: boolean;
    };
    expect(settings.hidden).toBe(true);
    // Each chart's data tab is there from the start, hidden and empty until its menu item writes it.
    for (const name of ["Peer Scores Chart", "Speaking Chart"]) {
      const helper = before.sheets.find((s: { name: string }) => s.name === name) as {
        hidden: boolean;
        values: unknown[][];
      };
      expect(helper.hidden, name).toBe(true);
      expect(
        helper.values.flat().filter((v) => v !== ""),
        name,
      ).toEqual([]);
    }
    const peers = before.sheets.find((s: { name: string }) => s.name === "Peers") as { frozenRows: number };
    expect(peers.frozenRows).toBe(1);

    const second = setUp(addon);
    expect(second).toMatch(/^Everything was already in place/);
    expect(addon.emulator.spreadsheets.describe()).toEqual(before);
  });

  it("stores the workbook id for the web app in script and document properties", () => {
    const addon = openAddon();
    setUp(addon);
    const id = addon.emulator.spreadsheets.activeId;
    expect(addon.emulator.globals.PropertiesService.getScriptProperties().getProperty("workbookId")).toBe(id);
    expect(addon.emulator.globals.PropertiesService.getDocumentProperties().getProperty("workbookId")).toBe(
      id,
    );
    const settings = records(addon, "Settings");
    expect(settings.find((r) => r.Setting === "Workbook id")?.Value).toBe(id);
    expect(settings.find((r) => r.Setting === "PICK cut-point")?.Value).toBe(3);
  });

  it("keeps a user's column order and own columns, and computes formulas where the columns are", () => {
    const addon = openAddon();
    const book = workbook(addon);
    const peers = book.insertSheet("Peers");
    const headers = [
      "My notes",
      "Diversity of perspective",
      "Site name",
      "Willingness to share",
      "Similarity of context",
      "Demonstrated success",
    ];
    const rows = [
      ["call back", 2, "North General", 3, 4, 5],
      ["", 5, "South Valley", 5, 2, 3],
      ["keen", 1, "East Rural", 4, 5, ""],
    ];
    peers.getRange(1, 1, 1 + rows.length, headers.length).setValues([headers, ...rows]);

    const report = setUp(addon);
    expect(report).toMatch(/Created \d+ missing tabs/);
    expect(report).toContain("Peers › Weighted score");

    const values = addon.sheet("Peers");
    // The user's order is kept and the missing schema columns come after it.
    expect(values[0]?.slice(0, headers.length)).toEqual(headers);
    const got = records(addon, "Peers");
    expect(got.map((r) => r["My notes"])).toEqual(["call back", "", "keen"]);
    for (const [i, row] of rows.entries()) {
      const [, diversity, , willingness, similarity, success] = row;
      const ref = weightedScore(
        { similarity, success, willingness, diversity } as Record<string, number | string>,
        DEFAULT_WEIGHTS,
      );
      const cell = got[i]?.["Weighted score"];
      if (ref.score === undefined) expect(cell).toBe("");
      else expect(cell as number).toBeCloseTo(ref.score, 9);
    }
    expect(got[2]?.["Missing scores"]).toBe("success");

    // Idempotent from here on.
    const before = addon.emulator.spreadsheets.describe();
    expect(setUp(addon)).toMatch(/^Everything was already in place/);
    expect(addon.emulator.spreadsheets.describe()).toEqual(before);
  });

  it("restores a deleted tab and a deleted header, and says so", () => {
    const addon = openAddon();
    setUp(addon);
    const book = workbook(addon);
    const tags = book.getSheetByName("Tags");
    if (tags) book.deleteSheet(tags);
    const actions = book.getSheetByName("Actions")!;
    const headerRow = actions.getRange(1, 1, 1, actions.getLastColumn()).getValues()[0]!;
    const priority = headerRow.indexOf("Priority score") + 1;
    expect(priority).toBeGreaterThan(0);
    actions.deleteColumn(priority);

    const report = setUp(addon);
    expect(report).toContain("Created 1 missing tab: Tags");
    expect(report).toContain("Actions › Priority score");
    const headers = addon.sheet("Actions")[0] ?? [];
    expect(headers[headers.length - 1]).toBe("Priority score");
    expect(addon.sheet("Tags")[0]?.[0]).toBe("Tag");
  });

  it("writes a cleared header back over its column, so the data under it keeps its name", () => {
    const addon = openAddon();
    setUp(addon);
    const book = workbook(addon);
    const peers = book.getSheetByName("Peers")!;
    const headers = peers.getRange(1, 1, 1, peers.getLastColumn()).getValues()[0] as string[];
    const at = headers.indexOf("Pseudonym") + 1;
    peers.getRange(2, 1, 1, at).setValues([["Alpha Hospital", "Site Q"].concat(Array(at - 2).fill(""))]);
    peers.getRange(1, at).setValue("");

    const report = setUp(addon);
    expect(report).toContain("Wrote back 1 cleared header over its column, data kept: Peers › Pseudonym.");
    expect(report).not.toContain("at the end of the header row");
    const after = addon.sheet("Peers");
    expect(after[0]).toHaveLength(headers.length);
    expect(after[0]![at - 1]).toBe("Pseudonym");
    expect(after[1]![at - 1]).toBe("Site Q");
    expect(setUp(addon)).toMatch(/^Everything was already in place/);
  });

  it("gives a renamed tab its name back, rows kept, instead of creating an empty one beside it", () => {
    const addon = openAddon();
    setUp(addon);
    const book = workbook(addon);
    const targets = book.getSheetByName("Targets")!;
    targets.getRange(2, 1).setValue("Average length of stay");
    targets.setName("Our goals");
    const notes = book.insertSheet("Notes");
    notes.getRange(1, 1, 1, 2).setValues([["Metric", "Unit"]]); // some headers only: not a renamed tab

    const report = setUp(addon);
    expect(report).toContain(
      "Renamed the tab “Our goals” back to “Targets”: it has that tab's headers, and the add-on finds its tabs by name.",
    );
    expect(report).not.toContain("Created");
    const names = book.getSheets().map((s) => s.getName());
    expect(names.filter((n) => n === "Targets")).toHaveLength(1);
    expect(names).not.toContain("Our goals");
    expect(names).toContain("Notes");
    expect(addon.sheet("Targets")[1]?.[0]).toBe("Average length of stay");
    expect(setUp(addon)).toMatch(/^Everything was already in place/);
  });

  it("follows a moved column: formulas and highlighting point at its new place", () => {
    const addon = openAddon();
    setUp(addon);
    const book = workbook(addon);
    const actions = book.getSheetByName("Actions")!;
    const headers = actions.getRange(1, 1, 1, actions.getLastColumn()).getValues()[0]!.map(String);
    const put = (row: number, header: string, value: unknown) =>
      actions.getRange(row, headers.indexOf(header) + 1).setValue(value);
    put(2, "Site", "Site A");
    put(2, "Impact", 4);
    put(2, "Effort", 2);
    put(2, "Strategic alignment", 5);
    setUp(addon);
    // The coordinator moves Effort to the front: delete it and insert it as column A.
    const effort = headers.indexOf("Effort") + 1;
    actions.deleteColumn(effort);
    actions.insertColumnBefore(1);
    actions.getRange(1, 1, 2, 1).setValues([["Effort"], [1]]);

    const report = setUp(addon);
    expect(report).toContain("Actions › Priority score");
    const got = records(addon, "Actions")[0]!;
    expect(got["Priority score"]).toBeCloseTo((4 * 5) / 1, 9);
    expect(got["PICK quadrant"]).toBe("Implement");
    expect(setUp(addon)).toMatch(/^Everything was already in place/);
  });

  it("restores deleted dropdowns, highlighting and named ranges, and leaves user formatting alone", () => {
    const addon = openAddon();
    setUp(addon);
    const book = workbook(addon);
    const peers = book.getSheetByName("Peers")!;
    const headers = peers.getRange(1, 1, 1, peers.getLastColumn()).getValues()[0]!.map(String);
    const setting = headers.indexOf("Setting") + 1;
    peers.getRange(2, setting, peers.getMaxRows() - 1, 1).clearDataValidations();
    peers.clearConditionalFormatRules();
    book.removeNamedRange("PeerPseudonyms");
    // The coordinator's own formatting and notes.
    peers.getRange(1, 1).setBackground("#ff0000").setNote("Our own note");
    peers.getRange(5, 2).setBackground("#00ff00");

    const report = setUp(addon);
    expect(report).toContain("dropdowns and checks of 1 column: Peers › Setting");
    expect(report).toContain("Restored 2 highlighting rules");
    expect(report).toContain("named range: PeerPseudonyms");
    const peersNow = addon.emulator.spreadsheets
      .describe()
      .sheets.find((s: { name: string }) => s.name === "Peers") as unknown as {
      notes: { a1: string; note: string }[];
      formats: { a1: string; format: { background?: string } }[];
    };
    expect(peersNow.notes.find((n) => n.a1 === "A1")?.note).toBe("Our own note");
    expect(JSON.stringify(peersNow.formats)).toContain("#00ff00");
    expect(setUp(addon)).toMatch(/^Everything was already in place/);
  });

  it("makes settings live: a new weight changes the weighted score at once", () => {
    const addon = openAddon();
    setUp(addon);
    const book = workbook(addon);
    const peers = book.getSheetByName("Peers")!;
    const headers = peers.getRange(1, 1, 1, peers.getLastColumn()).getValues()[0]!.map(String);
    const put = (header: string, value: unknown) =>
      peers.getRange(2, headers.indexOf(header) + 1).setValue(value);
    put("Site name", "North");
    put("Similarity of context", 5);
    put("Demonstrated success", 1);
    put("Willingness to share", 1);
    put("Diversity of perspective", 1);
    setUp(addon);
    expect(records(addon, "Peers")[0]?.["Weighted score"]).toBeCloseTo(2, 9);
    const settings = book.getSheetByName("Settings")!;
    const labels = settings.getRange(1, 1, settings.getLastRow(), 2).getValues();
    const weights = {
      "Weight: similarity of context": 0.7,
      "Weight: demonstrated success": 0.1,
      "Weight: willingness to share": 0.1,
      "Weight: diversity of perspective": 0.1,
    } as Record<string, number>;
    labels.forEach(([label], i) => {
      const weight = weights[String(label)];
      if (weight !== undefined) settings.getRange(i + 1, 2).setValue(weight);
    });
    const ref = weightedScore(
      { similarity: 5, success: 1, willingness: 1, diversity: 1 },
      { similarity: 0.7, success: 0.1, willingness: 0.1, diversity: 0.1 },
    );
    expect(records(addon, "Peers")[0]?.["Weighted score"]).toBeCloseTo(ref.score!, 9);
  });

  it("keeps the cost of a repair flat as rows grow", () => {
    const callsFor = (rows: number): number => {
      const addon = openAddon();
      setUp(addon);
      const peers = workbook(addon).getSheetByName("Peers")!;
      const block = Array.from({ length: rows }, (_, i) => [`Hospital ${i + 1}`]);
      peers.getRange(2, 1, rows, 1).setValues(block);
      addon.emulator.env.calls.reset();
      setUp(addon);
      return addon.emulator.env.calls.total();
    };
    expect(callsFor(300)).toBe(callsFor(10));
  });

  it("sets up an empty workbook and repairs one of 100 or 1,000 peers in at most 40 round trips", () => {
    const fresh = openAddon();
    fresh.emulator.ui.respondWith(["OK"]);
    const first = countCalls(fresh, () => fresh.run("setUpWorkbook"));
    expect(lastAlert(fresh).message).toMatch(new RegExp(`^Created ${tabs.length} tabs`));
    expect(first.roundTrips).toBeLessThanOrEqual(40);
    for (const peers of [100, 1000]) {
      const addon = openAddon();
      setUp(addon);
      const sheet = workbook(addon).getSheetByName("Peers")!;
      sheet.insertRowsAfter(sheet.getMaxRows(), 1100 - sheet.getMaxRows());
      sheet
        .getRange(2, 1, peers, 1)
        .setValues(Array.from({ length: peers }, (_, i) => [`Hospital ${i + 1}`]));
      addon.emulator.ui.respondWith(["OK"]);
      const repair = countCalls(addon, () => addon.run("setUpWorkbook"));
      expect(lastAlert(addon).message).toContain("Peers › Weighted score");
      expect(repair.roundTrips, `${peers} peers`).toBeLessThanOrEqual(40);
    }
  });

  it("says how to turn the Sheets API service on when it is off, and changes nothing", () => {
    const addon = openAddon();
    const before = addon.emulator.spreadsheets.describe();
    addon.bundle.context.Sheets = undefined;
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("setUpWorkbook");
    expect(lastAlert(addon).message).toContain("add “Google Sheets API” (v4) as Sheets");
    expect(addon.emulator.spreadsheets.describe()).toEqual(before);
  });
});
