// Executions as Apps Script runs them: simple triggers in AuthMode.LIMITED with 30 seconds, 6 minutes for
// everything else, 30 at once per user, locks held by one execution until it lets go or ends, and a
// second execution that can run in the middle of the first.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/index.ts";

function emulatorAt(roundTripMs: number) {
  const emulator = createEmulator();
  emulator.limits.roundTripMs = roundTripMs;
  return emulator;
}

describe("a simple trigger (AuthMode.LIMITED)", () => {
  it("reaches the bound workbook, properties, cache and lock, but nothing that needs authorization", () => {
    const emulator = createEmulator();
    const { SpreadsheetApp, PropertiesService, CacheService, LockService, MailApp, ScriptApp, FormApp } =
      emulator.globals;
    emulator.limits.run("simple trigger", () => {
      expect(emulator.env.authMode).toBe("LIMITED");
      SpreadsheetApp.getActiveSpreadsheet()?.getSheets()[0]?.getRange("A1").setValue("typed");
      PropertiesService.getDocumentProperties().setProperty("k", "v");
      CacheService.getScriptCache().put("k", "v");
      expect(LockService.getScriptLock().tryLock(100)).toBe(true);
      expect(() => SpreadsheetApp.openById(emulator.containerId)).toThrow(
        /permission to call SpreadsheetApp.openById/,
      );
      expect(() => MailApp.sendEmail("a@example.org", "s", "b")).toThrow(/script.send_mail/);
      expect(() => ScriptApp.newTrigger("run").timeBased().everyDays(1).create()).toThrow(/script.scriptapp/);
      expect(() => FormApp.create("Survey")).toThrow(/auth\/forms/);
    });
    expect(emulator.env.authMode).toBe("FULL");
    expect(emulator.globals.SpreadsheetApp.openById(emulator.containerId).getId()).toBe(emulator.containerId);
  });

  it("stays in AuthMode.NONE when the add-on was not yet used in the document", () => {
    const emulator = createEmulator({ authMode: "NONE" });
    emulator.limits.run("simple trigger", () => expect(emulator.env.authMode).toBe("NONE"));
  });
});

describe("execution time on Google, estimated from round trips", () => {
  const reads = (emulator: ReturnType<typeof createEmulator>, n: number) => {
    const range = emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheets()[0]!.getRange("A1");
    for (let i = 0; i < n; i += 1) range.getValue();
  };

  it("stops a simple trigger past 30 seconds and lets a menu item run on", () => {
    const emulator = emulatorAt(100);
    expect(() => emulator.limits.run("simple trigger", () => reads(emulator, 301))).toThrow(
      "Exceeded maximum execution time",
    );
    expect(() => emulator.limits.run("menu or sidebar", () => reads(emulator, 301))).not.toThrow();
  });

  it("stops any execution past 6 minutes, and a catch in the script cannot go on calling", () => {
    const emulator = emulatorAt(100);
    let afterCatch = 0;
    expect(() =>
      emulator.limits.run("web app", () => {
        try {
          reads(emulator, 3601);
        } catch {
          afterCatch += 1;
          reads(emulator, 1);
        }
      }),
    ).toThrow("Exceeded maximum execution time");
    expect(afterCatch).toBe(1);
  });

  it("counts local builder calls as no time on Google", () => {
    const emulator = emulatorAt(100);
    const { SpreadsheetApp } = emulator.globals;
    emulator.limits.run("simple trigger", () => {
      for (let i = 0; i < 1000; i += 1) SpreadsheetApp.newDataValidation().requireCheckbox().build();
      expect(emulator.limits.estimatedMs()).toBeLessThan(30_000);
    });
  });
});

describe("simultaneous executions", () => {
  it("allows 30 at once per user and refuses the 31st, whoever else is running", () => {
    const emulator = createEmulator();
    emulator.limits.elsewhere.set(emulator.env.user, 29);
    expect(emulator.limits.run("web app", () => "ran")).toBe("ran");
    emulator.limits.elsewhere.set(emulator.env.user, 30);
    expect(() => emulator.limits.run("web app", () => "ran")).toThrow("There are too many scripts running.");
    emulator.env.user = "someone-else@example.org";
    expect(emulator.limits.run("web app", () => "ran")).toBe("ran");
  });
});

describe("overlapping executions and their locks", () => {
  it("runs a second execution in the middle of the first, which cannot take the lock the first holds", () => {
    const emulator = createEmulator();
    const { LockService, SpreadsheetApp } = emulator.globals;
    const second: boolean[] = [];
    emulator.limits.interleave("Range.setValue", 1, () =>
      emulator.limits.run("web app", () => second.push(LockService.getScriptLock().tryLock(5000))),
    );
    emulator.limits.run("menu or sidebar", () => {
      const lock = LockService.getScriptLock();
      expect(lock.tryLock(5000)).toBe(true);
      SpreadsheetApp.getActiveSpreadsheet()?.getSheets()[0]?.getRange("A1").setValue("first");
      expect(lock.hasLock()).toBe(true);
      // Never released: the end of the execution lets it go.
    });
    expect(second).toEqual([false]);
    expect(emulator.limits.run("web app", () => LockService.getScriptLock().tryLock(0))).toBe(true);
  });

  it("keeps a user lock per user and the script lock for everyone", () => {
    const emulator = createEmulator();
    const { LockService } = emulator.globals;
    const seen: Record<string, boolean> = {};
    emulator.limits.interleave("Range.getValue", 1, () => {
      const saved = emulator.env.user;
      emulator.env.user = "other@example.org";
      emulator.limits.run("web app", () => {
        seen.user = LockService.getUserLock().tryLock(0);
        seen.script = LockService.getScriptLock().tryLock(0);
      });
      emulator.env.user = saved;
    });
    emulator.limits.run("menu or sidebar", () => {
      LockService.getUserLock().tryLock(0);
      LockService.getScriptLock().tryLock(0);
      emulator.globals.SpreadsheetApp.getActiveSpreadsheet()?.getSheets()[0]?.getRange("A1").getValue();
    });
    expect(seen).toEqual({ user: true, script: false });
  });
});
