// Three time zones apart, as on Google: the host's (TZ), the script's (manifest) and the spreadsheet's.
// Dates cross between them only where Apps Script converts: a script's local time in the script's zone,
// cells as the spreadsheet's wall clock, typed input as Sheets parses it (en_US).
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../../../sandbox/emulator/index.ts";

const hostZone = process.env.TZ;
beforeAll(() => {
  // Node applies a changed TZ at once: the host is in Chicago, unlike the script and the workbook.
  process.env.TZ = "America/Chicago";
});
afterAll(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

/** An emulator and a script context on it; `run` evaluates script code there. */
function open(options: { script: string; sheet: string; now?: string }) {
  const emulator: Emulator = createEmulator({
    timeZone: options.script,
    spreadsheetTimeZone: options.sheet,
    now: () => new Date(options.now ?? "2026-03-08T12:00:00Z"),
  });
  const context = vm.createContext({ ...emulator.globals });
  emulator.attachScript(context);
  const run = <T>(code: string): T => vm.runInContext(code, context) as T;
  run("var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];");
  return { emulator, run };
}

describe("the script's zone (manifest), whatever the host's", () => {
  it("runs new Date(y, m, d, h), getHours, setHours and toString in the script's zone", () => {
    const { run } = open({ script: "Asia/Kolkata", sheet: "America/New_York" });
    expect(run("Session.getScriptTimeZone()")).toBe("Asia/Kolkata");
    expect(run("new Date(2026, 2, 8, 9, 0).toISOString()")).toBe("2026-03-08T03:30:00.000Z");
    expect(run("new Date(Date.UTC(2026, 2, 8, 20, 0)).getDate()")).toBe(9);
    expect(run("new Date(Date.UTC(2026, 2, 8, 20, 0)).getHours()")).toBe(1);
    expect(run("new Date(2026, 2, 8, 9).toString()")).toBe(
      "Sun Mar 08 2026 09:00:00 GMT+0530 (India Standard Time)",
    );
    expect(run("new Date(2026, 2, 8, 9).getTimezoneOffset()")).toBe(-330);
    expect(run("var d = new Date(2026, 2, 8, 9); d.setHours(23, 30); d.toISOString()")).toBe(
      "2026-03-08T18:00:00.000Z",
    );
    // A string without a zone is the script's local time; an ISO date alone is UTC, as in V8.
    expect(run('new Date("2026-03-08 09:00").toISOString()')).toBe("2026-03-08T03:30:00.000Z");
    expect(run('new Date("2026-03-08").toISOString()')).toBe("2026-03-08T00:00:00.000Z");
    expect(run("Date()")).toBe("Sun Mar 08 2026 17:30:00 GMT+0530 (India Standard Time)");
  });

  it("follows daylight-saving changes of the script's zone", () => {
    const { run } = open({ script: "America/New_York", sheet: "Asia/Kolkata" });
    // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT; 2026-11-01: from 02:00 EDT back to 01:00 EST.
    expect(run("new Date(2026, 2, 7, 9).toISOString()")).toBe("2026-03-07T14:00:00.000Z");
    expect(run("new Date(2026, 2, 8, 9).toISOString()")).toBe("2026-03-08T13:00:00.000Z");
    expect(run("new Date(2026, 10, 1, 9).toISOString()")).toBe("2026-11-01T14:00:00.000Z");
    expect(run("var d = new Date(2026, 2, 7, 9); d.setDate(d.getDate() + 1); d.getHours()")).toBe(9);
  });

  it("gives the script Dates read from cells whose local methods use the script's zone", () => {
    const { run } = open({ script: "Etc/UTC", sheet: "America/New_York" });
    run('sheet.getRange("A1").setValue("2026-03-09 09:00");');
    expect(run('sheet.getRange("A1").getValue().getHours()')).toBe(13);
    expect(run('sheet.getRange("A1").getValue() instanceof Date')).toBe(true);
  });
});

describe("clock triggers in the script's zone", () => {
  it("run at the hour on the script's clock, the same hour across a daylight-saving change", () => {
    // 12:00 UTC on March 7 is 07:00 EST; the trigger asks for 09:00 every day.
    const { emulator } = open({ script: "America/New_York", sheet: "Etc/UTC", now: "2026-03-07T12:00:00Z" });
    emulator.globals.ScriptApp.newTrigger("daily").timeBased().everyDays(1).atHour(9).create();
    expect(emulator.triggers.list()[0]?.nextRunAt).toBe("2026-03-07T14:00:00.000Z");
    const ran = emulator.advanceClock(2 * 86_400_000, () => {});
    expect(ran.map((r) => r.at)).toEqual(["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z"]);
  });
});

describe("the spreadsheet's zone", () => {
  it("stores a script's Date as the spreadsheet's wall clock and reads back the same instant", () => {
    const { run } = open({ script: "Etc/UTC", sheet: "America/New_York" });
    // 13:00 UTC on the first day of daylight time is 09:00 in New York.
    run('sheet.getRange("A1").setValue(new Date(Date.UTC(2026, 2, 8, 13, 0)));');
    expect(run('sheet.getRange("A1").getDisplayValue()')).toBe("2026-03-08 09:00:00");
    expect(run('sheet.getRange("A1").getValue().toISOString()')).toBe("2026-03-08T13:00:00.000Z");
    run('sheet.getRange("A2").setValue(new Date(Date.UTC(2026, 10, 1, 14, 0)));');
    expect(run('sheet.getRange("A2").getDisplayValue()')).toBe("2026-11-01 09:00:00");
    // The serial is the wall clock: =A1 in a number format shows 09:00 as 0.375 of the day.
    run('sheet.getRange("B1").setFormula("=MOD(A1,1)");');
    expect(run('sheet.getRange("B1").getValue()')).toBeCloseTo(0.375, 9);
  });

  it("reads a person's typed date and time in the spreadsheet's zone", () => {
    const { emulator, run } = open({ script: "Etc/UTC", sheet: "Pacific/Honolulu" });
    emulator.spreadsheets.edit("Sheet1", "A1", [["2026-03-04 09:00"]]);
    expect(run('sheet.getRange("A1").getValue().toISOString()')).toBe("2026-03-04T19:00:00.000Z");
    expect(
      run('Utilities.formatDate(sheet.getRange("A1").getValue(), "Pacific/Honolulu", "yyyy-MM-dd")'),
    ).toBe("2026-03-04");
  });

  it("computes NOW() and TODAY() on the emulator clock in the spreadsheet's zone", () => {
    // 03:30 UTC on March 9 is still March 8 in New York (23:30 EDT).
    const { run } = open({ script: "Asia/Kolkata", sheet: "America/New_York", now: "2026-03-09T03:30:00Z" });
    run('sheet.getRange("A1:A2").setFormulas([["=TODAY()"], ["=NOW()"]]);');
    expect(run('sheet.getRange("A1").getDisplayValue()')).toBe("2026-03-08");
    expect(run('sheet.getRange("A2").getDisplayValue()')).toBe("2026-03-08 23:30:00");
    expect(run('sheet.getRange("A2").getValue().toISOString()')).toBe("2026-03-09T03:30:00.000Z");
  });

  it("refuses a time zone that is not one", () => {
    const { run } = open({ script: "Etc/UTC", sheet: "Etc/UTC" });
    expect(() => run('SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone("Mars/Olympus")')).toThrow(
      /Invalid argument/,
    );
  });
});

describe("Utilities.parseDate", () => {
  it("reads a SimpleDateFormat pattern in the given zone, across a daylight-saving change", () => {
    const { run } = open({ script: "Etc/UTC", sheet: "Etc/UTC" });
    const parse = (text: string, zone: string, pattern: string) =>
      run<string>(`Utilities.parseDate(${JSON.stringify(text)}, "${zone}", "${pattern}").toISOString()`);
    expect(parse("2026-03-07 09:00", "America/New_York", "yyyy-MM-dd HH:mm")).toBe(
      "2026-03-07T14:00:00.000Z",
    );
    expect(parse("2026-03-08 09:00", "America/New_York", "yyyy-MM-dd HH:mm")).toBe(
      "2026-03-08T13:00:00.000Z",
    );
    expect(parse("03/08/2026 9:05 PM", "Asia/Kolkata", "MM/dd/yyyy h:mm a")).toBe("2026-03-08T15:35:00.000Z");
    expect(parse("8 March 2026", "Etc/UTC", "d MMMM yyyy")).toBe("2026-03-08T00:00:00.000Z");
    expect(parse("20260308", "GMT+02:00", "yyyyMMdd")).toBe("2026-03-07T22:00:00.000Z");
    expect(parse("2026-03-08T09:00:00-0800", "Asia/Kolkata", "yyyy-MM-dd'T'HH:mm:ssZ")).toBe(
      "2026-03-08T17:00:00.000Z",
    );
    expect(() => parse("next Tuesday", "Etc/UTC", "yyyy-MM-dd")).toThrow(/Unparseable date: "next Tuesday"/);
    expect(run('Utilities.parseDate("2026-03-08", "Etc/UTC", "yyyy-MM-dd") instanceof Date')).toBe(true);
  });
});

describe("durations", () => {
  it("shows [h]:mm:ss as elapsed hours past 24, as Sheets does", () => {
    const { run } = open({ script: "Etc/UTC", sheet: "Asia/Kolkata" });
    run('sheet.getRange("A1:A3").setValues([[1.5], [0.25], [2 + 1 / 1440]]).setNumberFormat("[h]:mm:ss");');
    run('sheet.getRange("B1").setValue(0.75).setNumberFormat("[m]:ss");');
    expect(run('JSON.stringify(sheet.getRange("A1:A3").getDisplayValues())')).toBe(
      JSON.stringify([["36:00:00"], ["6:00:00"], ["48:01:00"]]),
    );
    expect(run('sheet.getRange("B1").getDisplayValue()')).toBe("1080:00");
  });
});

describe("typed input as Sheets parses it (en_US)", () => {
  it("reads month names, a month and year, and month/day as dates of the spreadsheet's year", () => {
    const { run } = open({ script: "Etc/UTC", sheet: "America/New_York", now: "2026-06-15T12:00:00Z" });
    run('sheet.getRange("A1:A5").setValues([["March 2026"], ["Jan 5"], ["1/2"], ["5 Jan"], ["1/2/27"]]);');
    expect(run('JSON.stringify(sheet.getRange("A1:A5").getDisplayValues())')).toBe(
      JSON.stringify([["2026-03-01"], ["2026-01-05"], ["2026-01-02"], ["2026-01-05"], ["2027-01-02"]]),
    );
    expect(run('sheet.getRange("A2").getValue().toISOString()')).toBe("2026-01-05T05:00:00.000Z");
  });

  it("makes a phone number typed with a plus sign a formula that errs", () => {
    const { run } = open({ script: "Etc/UTC", sheet: "Etc/UTC" });
    run('sheet.getRange("A1").setValue("+1 555 0100");');
    expect(run('sheet.getRange("A1").getValue()')).toBe("#ERROR!");
    expect(run('sheet.getRange("A1").getFormula()')).toBe("=+1 555 0100");
    // The leading apostrophe keeps it as text, and is not part of the value.
    run('sheet.getRange("A2").setValue("\'+1 555 0100");');
    expect(run('sheet.getRange("A2").getValue()')).toBe("+1 555 0100");
  });

  it("keeps everything as typed in a plain-text (@) cell", () => {
    const { run } = open({ script: "Etc/UTC", sheet: "Etc/UTC" });
    run(
      'sheet.getRange("A1:A4").setNumberFormat("@").setValues([["=A1"], ["\'x"], ["Jan 5"], ["+1 555 0100"]]);',
    );
    expect(run('JSON.stringify(sheet.getRange("A1:A4").getValues())')).toBe(
      JSON.stringify([["=A1"], ["'x"], ["Jan 5"], ["+1 555 0100"]]),
    );
    expect(run('sheet.getRange("A1").getFormula()')).toBe("");
  });
});
