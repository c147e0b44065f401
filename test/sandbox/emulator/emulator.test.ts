// The assembled emulator: a fresh workbook, contexts, counting and faults through the globals, and a
// snapshot that a new emulator restores.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/index.ts";

describe("createEmulator", () => {
  it("opens one bound workbook named Peer Exchange, with no calls counted", () => {
    const emulator = createEmulator();
    const active = emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(active?.getName()).toBe("Peer Exchange");
    expect(active?.getId()).toBe(emulator.containerId);
    expect(emulator.spreadsheets.activeId).toBe(emulator.containerId);
    emulator.env.calls.reset();
    expect(emulator.env.calls.total()).toBe(0);
  });

  it("takes the script time zone from the manifest beside the bundle, or from the options", () => {
    const dir = mkdtempSync(join(tmpdir(), "peer-exchange-manifest-"));
    writeFileSync(join(dir, "appsscript.json"), JSON.stringify({ timeZone: "Europe/Oslo" }));
    expect(createEmulator({ htmlDir: dir }).globals.Session.getScriptTimeZone()).toBe("Europe/Oslo");
    expect(createEmulator({ htmlDir: dir, timeZone: "Asia/Tokyo" }).globals.Session.getScriptTimeZone()).toBe(
      "Asia/Tokyo",
    );
    expect(createEmulator({ htmlDir: join(dir, "none") }).globals.Session.getScriptTimeZone()).toBe(
      "Etc/UTC",
    );
  });

  it("switches to the web app: no active spreadsheet, no document lock, no Ui, document properties kept", () => {
    const emulator = createEmulator();
    const { SpreadsheetApp, LockService, PropertiesService } = emulator.globals;
    PropertiesService.getDocumentProperties().setProperty("workbookId", emulator.containerId);
    emulator.setContext("webapp", "FULL");
    expect(SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(LockService.getDocumentLock()).toBeNull();
    expect(() => SpreadsheetApp.getUi()).toThrow("Cannot call SpreadsheetApp.getUi() from this context.");
    const id = PropertiesService.getDocumentProperties().getProperty("workbookId");
    expect(SpreadsheetApp.openById(id!).getName()).toBe("Peer Exchange");
  });

  it("refuses PropertiesService in AuthMode.NONE and allows it after authorization", () => {
    const emulator = createEmulator({ authMode: "NONE" });
    expect(() => emulator.globals.PropertiesService.getUserProperties()).toThrow(
      "You do not have permission",
    );
    emulator.setContext("bound", "FULL");
    expect(emulator.globals.PropertiesService.getUserProperties().getKeys()).toEqual([]);
  });

  it("counts calls per service and fires an injected quota fault", () => {
    const emulator = createEmulator();
    const { CacheService, MailApp } = emulator.globals;
    CacheService.getScriptCache().put("k", "v");
    CacheService.getScriptCache().get("k");
    expect(emulator.env.calls.get("CacheService.getScriptCache")).toBe(2);
    expect(emulator.env.calls.total("Cache")).toBe(2);
    emulator.env.faults.quotaExceeded("MailApp.sendEmail", 2);
    MailApp.sendEmail("a@example.org", "One", "first");
    expect(() => MailApp.sendEmail("a@example.org", "Two", "second")).toThrow(
      "Service invoked too many times for one day: mailapp.",
    );
    expect(emulator.mail.sent.map((m) => m.subject)).toEqual(["One"]);
  });

  it("restores everything from a JSON snapshot", () => {
    const first = createEmulator();
    const { SpreadsheetApp, PropertiesService, CacheService, ScriptApp, MailApp } = first.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet()!.insertSheet("Peers");
    sheet.getRange(1, 1, 2, 2).setValues([
      ["Site", "Score"],
      ["North", 7],
    ]);
    PropertiesService.getScriptProperties().setProperty("tokenHash", "abc");
    PropertiesService.getDocumentProperties().setProperty("workbookId", first.containerId);
    CacheService.getScriptCache().put("hello", "world", 3600);
    ScriptApp.newTrigger("sendReminders").timeBased().everyDays(1).atHour(8).create();
    MailApp.sendEmail("a@example.org", "Prep", "Bring data");

    const state = JSON.parse(JSON.stringify(first.snapshot()));
    const second = createEmulator({ state });
    const g = second.globals;
    expect(second.containerId).toBe(first.containerId);
    expect(g.ScriptApp.getScriptId()).toBe(first.globals.ScriptApp.getScriptId());
    expect(g.SpreadsheetApp.getActiveSpreadsheet()?.getName()).toBe("Peer Exchange");
    expect(
      g.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName("Peers")?.getDataRange().getValues(),
    ).toEqual([
      ["Site", "Score"],
      ["North", 7],
    ]);
    expect(g.PropertiesService.getScriptProperties().getProperty("tokenHash")).toBe("abc");
    expect(g.PropertiesService.getDocumentProperties().getProperty("workbookId")).toBe(first.containerId);
    expect(g.CacheService.getScriptCache().get("hello")).toBe("world");
    expect(second.triggers.list()).toEqual(first.triggers.list());
    expect(second.mail.sent).toEqual(first.mail.sent);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(99);
    expect(JSON.parse(JSON.stringify(second.snapshot()))).toEqual(state);
  });
});
