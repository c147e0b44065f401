// What the sandbox page reads besides the workbook: cells as Sheets displays them, and when each
// time-driven trigger next fires.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../sandbox/emulator/index.ts";
import { advanceClock, nextFire, outbox, workbookView } from "../../sandbox/viewerRoutes.ts";

describe("workbook view", () => {
  it("shows each cell under its number format, as Sheets does", () => {
    const emulator = createEmulator({});
    const sheet = emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange("A1:C1").setValues([[new Date("2026-12-03T09:05:00Z"), 2 / 3, 0.25]]);
    sheet.getRange("A1").setNumberFormat("yyyy-mm-dd hh:mm");
    sheet.getRange("C1").setNumberFormat("0%");
    const view = workbookView(emulator);
    expect(view.sheets[0]?.display[0]).toEqual(["2026-12-03 09:05", "0.6666666667", "25%"]);
  });
});

describe("next firing of a time-driven trigger", () => {
  const now = new Date("2026-12-03T10:30:00Z"); // a Thursday
  it("daily at an hour: today if the hour is still ahead, else tomorrow", () => {
    expect(nextFire({ everyDays: 1, atHour: 14 }, now)?.toISOString()).toBe("2026-12-03T14:00:00.000Z");
    expect(nextFire({ everyDays: 1, atHour: 8 }, now)?.toISOString()).toBe("2026-12-04T08:00:00.000Z");
  });
  it("weekly on a weekday, hourly, and once", () => {
    expect(nextFire({ everyWeeks: 1, onWeekDay: "MONDAY", atHour: 9 }, now)?.toISOString()).toBe(
      "2026-12-07T09:00:00.000Z",
    );
    expect(nextFire({ everyHours: 6 }, now)?.toISOString()).toBe("2026-12-03T16:30:00.000Z");
    expect(nextFire({ at: "2026-12-01T00:00:00Z" }, now)).toBeNull();
  });
  it("lists installed triggers with their next firing, and advancing the clock runs what falls due", () => {
    const emulator = createEmulator({});
    emulator.triggers.add({
      handler: "sendPreparationReminders",
      eventType: "CLOCK",
      source: "CLOCK",
      sourceId: null,
      documentId: null,
      user: emulator.env.user,
      schedule: { everyDays: 1, atHour: 8 },
    });
    const box = outbox(emulator);
    expect(box.triggers).toEqual([
      expect.objectContaining({ handler: "sendPreparationReminders", schedule: "every 1 day around 08:00" }),
    ]);
    expect(box.triggers[0]?.nextFire).toMatch(/T08:00:00/);
    expect(box.canAdvanceClock).toBe(true);
  });

  it("advances the clock and runs each time-driven trigger that falls due, as the page's button does", () => {
    const emulator = createEmulator({});
    emulator.globals.ScriptApp.newTrigger("runFollowUps").timeBased().everyDays(1).atHour(7).create();
    const ran: string[] = [];
    const advanced = advanceClock(emulator, 2 * 24 * 3_600_000, (trigger) => {
      ran.push(trigger.handler);
    });
    expect(advanced).toEqual({ ran: 2, failed: 0 });
    expect(ran).toEqual(["runFollowUps", "runFollowUps"]);
    const failing = advanceClock(emulator, 24 * 3_600_000, () => {
      throw new Error("boom");
    });
    expect(failing).toEqual({ ran: 1, failed: 1 });
  });
});
