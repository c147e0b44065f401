// Peer Exchange › Check installation on the emulator: every installation item and every live check
// appears with the emulator's answer, the report reads as a coordinator would read it, and the temporary
// tab is gone afterwards, also when a check throws.
import { describe, expect, it } from "vitest";
import type { InstallationReport } from "../../apps-script/src/setup/installationReport.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";

const SCRATCH = "Peer Exchange check (temporary)";

function setUp(options: Parameters<typeof openAddon>[0] = {}): Addon {
  const addon = openAddon(options);
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  addon.emulator.ui.takeEvents();
  return addon;
}

function check(addon: Addon): { report: InstallationReport; dialog: string } {
  const report = addon.run("checkInstallation") as InstallationReport;
  const dialog = addon.emulator.ui.takeEvents().find((e) => e.html)?.html ?? "";
  return { report, dialog };
}

function sheetNames(addon: Addon): string[] {
  return addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .map((s) => s.getName());
}

describe("Check installation", () => {
  it("reports every item and every live check with the emulator's answers, in plain words", () => {
    const addon = setUp({ timeZone: "Europe/Paris" });
    addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone("America/New_York");
    const before = sheetNames(addon);
    const { report, dialog } = check(addon);

    expect(report.items.map((i) => [i.topic, i.level])).toEqual([
      ["Web app address", "ok"],
      ["Scopes", "ok"],
      ["Sheets API service", "ok"],
      ["Follow-up trigger", "warning"],
      ["Mail quota", "ok"],
      ["Time zones", "warning"],
      ["Workbook structure", "ok"],
    ]);
    expect(report.webAppUrl).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/.+\/exec$/);
    expect(report.items[1]?.finding).toContain("all 6 granted: spreadsheets, script.container.ui");
    expect(report.items[4]?.finding).toMatch(/^\d+ emails left today\.$/);
    expect(report.items[5]?.finding).toBe(
      "the spreadsheet uses America/New_York and the script Europe/Paris: dates in the workbook follow America/New_York; the follow-up trigger's hour and the dates in emails follow Europe/Paris.",
    );

    const live = Object.fromEntries(report.live.map((c) => [c.name, c]));
    expect(Object.keys(live)).toEqual([
      "Strict dropdown, plain value",
      "Strict dropdown, apostrophe first",
      "Strict dropdown, other case",
      "Blank checkbox",
      "Dates across time zones",
      "Chart titles read back",
      "Inserted rows keep dropdowns",
    ]);
    expect(live["Strict dropdown, plain value"]?.observed).toBe('accepted; the cell holds "insight".');
    expect(live["Strict dropdown, apostrophe first"]?.observed).toBe(
      'refused ("The data you entered in cell A1 violates the data validation rules set on this cell.").',
    );
    expect(live["Strict dropdown, other case"]?.observed).toBe(
      'refused ("The data you entered in cell A1 violates the data validation rules set on this cell.").',
    );
    expect(live["Blank checkbox"]?.observed).toMatch(/^it reads as (false|an empty cell)\.$/);
    expect(live["Dates across time zones"]?.observed).toContain("written 2026-01-15T12:00:00.000Z");
    expect(live["Dates across time zones"]?.observed).toContain(
      '(in America/New_York that moment is "2026-01-15 07:00")',
    );
    expect(live["Chart titles read back"]?.observed).toBe(
      'the title reads back as "Peer Exchange check chart"; the add-on found its chart, and after a second run the tab holds 1 chart.',
    );
    expect(live["Inserted rows keep dropdowns"]?.observed).toBe(
      "the new row has a dropdown with the same values.",
    );
    expect(live["Dates across time zones"]?.observed).toContain(
      'read back 2026-01-15T12:00:00.000Z (the same moment), shown as "2026-01-15 07:00"',
    );
    for (const c of report.live) expect([c.name, c.matches, c.level]).toEqual([c.name, true, "ok"]);

    // The text a coordinator reads and sends: every item, every assumption, the emulator's answer.
    for (const i of report.items) expect(report.text).toContain(`${i.topic}: ${i.finding}`);
    for (const c of report.live) {
      expect(report.text).toContain(`Assumed: ${c.assumption}`);
      expect(report.text).toContain(`This Google: ${c.observed}`);
    }
    expect(report.text).toContain("[Warning] Follow-up trigger: not installed");
    expect(report.text).toContain(
      "    What to do: Run Peer Exchange › Schedule follow-ups when the action plans are ready.",
    );
    expect(report.text.split("\n").at(-1)).toMatch(/problem.*warning.*send this whole report\.$/);

    // Nothing left behind, and the dialog carries the report and a Copy report button.
    expect(sheetNames(addon)).toEqual(before);
    expect(dialog).toContain('id="copy"');
    expect(dialog).toContain("Copy report");
    expect(dialog).toContain("Peer Exchange installation check");
  });

  it("names problems: no web app address, a missing tab, follow-ups held by another person, no mail left", () => {
    const addon = setUp({ webAppUrl: null, mailQuota: 0 });
    const book = addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    book.deleteSheet(book.getSheetByName("Insights")!);
    addon.emulator.globals.PropertiesService.getDocumentProperties().setProperty(
      "followUps.trigger",
      JSON.stringify({ user: "ana@example.org", id: "t1", since: "2026-11-02T08:00:00.000Z" }),
    );
    addon.bundle.context.Sheets = undefined;
    const { report } = check(addon);
    const byTopic = Object.fromEntries(report.items.map((i) => [i.topic, i]));
    expect(byTopic["Sheets API service"]).toMatchObject({
      level: "problem",
      finding: "off: Set up / repair workbook cannot run.",
      todo: "In the Apps Script editor, open Services, add “Google Sheets API” (v4) as Sheets, then run set-up again.",
    });
    expect(byTopic["Web app address"]?.level).toBe("problem");
    expect(byTopic["Web app address"]?.todo).toContain("Deploy › New deployment › Web app");
    expect(byTopic["Workbook structure"]?.level).toBe("problem");
    expect(byTopic["Workbook structure"]?.finding).toContain("Insights");
    expect(byTopic["Workbook structure"]?.todo).toBe("Run Peer Exchange › Set up / repair workbook.");
    expect(byTopic["Follow-up trigger"]?.finding).toBe(
      "installed by ana@example.org since 2026-11-02; Google shows a trigger only to the person who installed it.",
    );
    expect(byTopic["Mail quota"]?.level).toBe("problem");
    expect(report.webAppUrl).toBe("");
  });

  it("says when the follow-ups are recorded as yours but your trigger is gone", () => {
    const addon = setUp();
    addon.emulator.globals.PropertiesService.getDocumentProperties().setProperty(
      "followUps.trigger",
      JSON.stringify({ user: addon.emulator.env.user, id: "t1", since: "2026-11-02T08:00:00.000Z" }),
    );
    const trigger = check(addon).report.items.find((i) => i.topic === "Follow-up trigger");
    expect(trigger?.level).toBe("warning");
    expect(trigger?.finding).toContain(
      "recorded as scheduled by you on 2026-11-02, but your trigger is gone",
    );
    expect(trigger?.todo).toBe("Run Peer Exchange › Stop follow-ups, then Schedule follow-ups again.");
  });

  it("removes the temporary tab when a check throws, and says which check could not run", () => {
    const addon = setUp();
    const before = sheetNames(addon);
    addon.emulator.env.faults.throwOn(
      "Sheet.insertRowAfter",
      1,
      "Service Spreadsheets failed while accessing document",
    );
    const { report } = check(addon);
    const failed = report.live.find((c) => c.name === "Inserted rows keep dropdowns");
    expect(failed?.matches).toBeNull();
    expect(failed?.level).toBe("warning");
    expect(failed?.observed).toBe(
      "the check could not run: Service Spreadsheets failed while accessing document.",
    );
    expect(report.text).toContain("[Warning] Inserted rows keep dropdowns: could not be checked.");
    // The other checks still ran.
    expect(report.live.filter((c) => c.matches !== null)).toHaveLength(6);
    expect(sheetNames(addon)).toEqual(before);
    expect(sheetNames(addon)).not.toContain(SCRATCH);
  });
});
