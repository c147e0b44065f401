// Build agenda on the built bundle: sessions from the selected peers within a time slot, facilitation
// rotating for 4, 5 and 6 sites, end times as formulas, slide and overrun flags, a scribe per session.
import { describe, expect, it } from "vitest";
import { isDate } from "../../sandbox/emulator/index.ts";
import { rotationViolations } from "../../shared/methods/rotation.ts";
import { type Addon, TEST_SPREADSHEET_TIME_ZONE, zonedDate } from "../helpers/addon.ts";
import {
  exchangeWithPeers,
  lastAlert,
  PRIVATE_NAMES,
  records,
  settingLabel,
  shownAs,
  workbook,
  writeForm,
  writeRows,
} from "./peerWorkbook.ts";

type Report = { ok: boolean; message: string; sessions: number; issues: string[] };

const slot = (start: string, minutes: number) => [
  { button: "OK" as const, text: start },
  { button: "OK" as const, text: String(minutes) },
];

function selectGroup(addon: Addon, size: number): void {
  writeForm(addon, "Settings", {
    [settingLabel("groupSizeMin")]: size,
    [settingLabel("groupSizeMax")]: size,
  });
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("selectPeers");
}

function withScribes(addon: Addon): void {
  writeRows(addon, "Participants", [
    { Person: "Ana Ruiz", Site: "Site A", Role: "Knowledge scribe" },
    { Person: "Ben Okafor", Site: "Site B", Role: "Quality lead" },
    { Person: "Chen Wei", Site: "Site C", Role: "Scribe" },
  ]);
}

function build(addon: Addon, minutes = 240, extra: string[] = []): Report {
  addon.emulator.ui.respondWith([...slot("2026-12-03 09:00", minutes), ...extra, "OK"] as never);
  return addon.run("buildAgenda") as Report;
}

/** A computed date cell as epoch milliseconds (a Date, or a serial number from the formula engine). */
function millis(value: unknown): number {
  if (isDate(value)) return (value as Date).getTime();
  if (typeof value === "number") return Math.round((value - 25569) * 86_400_000);
  throw new Error(`not a date: ${String(value)}`);
}

describe("Build agenda (built bundle)", () => {
  it.each([
    ["America/New_York", "2026-03-08 09:00", "2026-03-08T13:00:00.000Z"], // the first day of daylight time
    ["America/New_York", "2026-11-01 09:00", "2026-11-01T14:00:00.000Z"], // the last day of it
    ["Pacific/Honolulu", "2026-12-03 09:00", "2026-12-03T19:00:00.000Z"],
  ])("in a %s workbook, a slot typed %s starts at 09:00 there, as the alert says", (zone, typed, instant) => {
    const addon = exchangeWithPeers();
    workbook(addon).setSpreadsheetTimeZone(zone);
    selectGroup(addon, 4);
    addon.emulator.ui.respondWith([...slot(typed, 240), "OK"] as never);
    expect((addon.run("buildAgenda") as Report).ok).toBe(true);
    expect(lastAlert(addon)).toContain(`from ${typed} to`);
    const sheet = workbook(addon).getSheetByName("Agenda")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const start = sheet.getRange(2, headers.indexOf("Start") + 1);
    expect(start.getDisplayValue()).toBe(typed);
    expect((start.getValue() as Date).toISOString()).toBe(instant);
  });

  it.each([4, 5, 6])("%i selected sites: every rule of the rotation holds", (n) => {
    const addon = exchangeWithPeers();
    selectGroup(addon, n);
    withScribes(addon);
    const report = build(addon, 300);
    expect(report.ok).toBe(true);
    const rows = records(addon, "Agenda");
    const sites = records(addon, "Peers")
      .filter((r) => r.Selected === true)
      .map(shownAs);
    expect(sites).toHaveLength(n);
    // Named where the site granted permission (the fixture's first site did), else by pseudonym.
    expect(sites).toContain("Lakeside University Hospital");
    expect(JSON.stringify(rows)).not.toMatch(PRIVATE_NAMES);
    const cases = rows.filter((r) => r.Format === "rapid-fire case");
    expect(cases.map((r) => r["Presenting site"]).sort()).toEqual([...sites].sort());
    expect(cases.every((r) => r["Duration (min)"] === 15)).toBe(true);
    expect(rows.filter((r) => r.Format === "Q&A").every((r) => r["Duration (min)"] === 5)).toBe(true);
    // A facilitation turn: each case (its Q&A shares the facilitator), each breakout, the walk-through.
    const turns = rows.filter((r) => !["Q&A", "break", "closing"].includes(String(r.Format)));
    expect(turns).toHaveLength(n + 2);
    const sessions = turns.map((r) => ({ presenter: String(r["Presenting site"]) || undefined }));
    const facilitators = turns.map((r) => String(r.Facilitator));
    expect(facilitators.every((f) => sites.includes(f))).toBe(true);
    expect(rotationViolations(sites, sessions, facilitators)).toEqual([]);
    rows.forEach((r, i) => {
      if (r.Format === "Q&A") expect(r.Facilitator).toBe(rows[i - 1]!.Facilitator);
      if (r.Facilitator) expect(r.Facilitator).not.toBe(r["Presenting site"]);
    });
    // A scribe named for every session but breaks and the slot's end.
    const named = rows.filter((r) => !["break", "closing"].includes(String(r.Format)));
    expect(named.every((r) => ["Ana Ruiz", "Chen Wei"].includes(String(r.Scribe)))).toBe(true);
  });

  it("end times are formulas (start + duration) and the last row marks the end of the slot", () => {
    const addon = exchangeWithPeers();
    selectGroup(addon, 4);
    build(addon, 240);
    const sheet = workbook(addon).getSheetByName("Agenda")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    expect(sheet.getRange(2, headers.indexOf("End") + 1).getFormula()).toMatch(/^=IF\(/);
    const rows = records(addon, "Agenda");
    const first = rows[0]!;
    expect(millis(first.End) - millis(first.Start)).toBe(15 * 60_000);
    const start = millis(first.Start);
    // Typed as the workbook's wall clock: 09:00 in the workbook's zone, whatever the script's and host's.
    expect(start).toBe(zonedDate(TEST_SPREADSHEET_TIME_ZONE, 2026, 12, 3, 9).getTime());
    const last = rows[rows.length - 1]!;
    expect(last.Session).toBe("End of time slot");
    expect(millis(last.Start) - start).toBe(240 * 60_000);
    expect(rows.every((r) => r.Overrun === "")).toBe(true); // parallel breakouts are not overruns
  });

  it("flags an overrun when the agenda does not fit the slot, and slide counts outside 5–7", () => {
    const addon = exchangeWithPeers();
    selectGroup(addon, 4);
    const report = build(addon, 60);
    expect(report.issues.some((i) => /runs \d+ minutes over/.test(i))).toBe(true);
    let rows = records(addon, "Agenda");
    // Every session ending after the slot is flagged; the slot's end row itself is not.
    const late = rows.filter((r) => r.Overrun === "Ends after the time slot");
    expect(late.length).toBeGreaterThan(1);
    expect(late.every((r) => millis(r.End) > millis(rows[rows.length - 1]!.Start))).toBe(true);
    expect(
      rows
        .filter((r) => millis(r.End) <= millis(rows[rows.length - 1]!.Start))
        .every((r) => r.Overrun === ""),
    ).toBe(true);
    expect(lastAlert(addon)).toMatch(/runs \d+ minutes over/);

    const sheet = workbook(addon).getSheetByName("Agenda")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    sheet.getRange(2, headers.indexOf("Slides") + 1).setValue(12);
    sheet.getRange(4, headers.indexOf("Slides") + 1).setValue(6);
    rows = records(addon, "Agenda");
    expect(rows[0]!["Slide check"]).toBe("Outside 5–7 slides");
    expect(rows[2]!["Slide check"]).toBe("");
  });

  it("a session lengthened by hand runs into the next one, and is flagged at once", () => {
    const addon = exchangeWithPeers();
    selectGroup(addon, 4);
    build(addon, 240);
    const sheet = workbook(addon).getSheetByName("Agenda")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    sheet.getRange(2, headers.indexOf("Duration (min)") + 1).setValue(25);
    const rows = records(addon, "Agenda");
    expect(rows[0]!.Overrun).toBe("Runs into the next session");
    expect(rows.slice(1).every((r) => r.Overrun === "")).toBe(true);
  });

  it("re-building asks first and keeps the sub-issues and slide counts typed in", () => {
    const addon = exchangeWithPeers();
    selectGroup(addon, 4);
    build(addon, 240);
    const sheet = workbook(addon).getSheetByName("Agenda")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const rows = records(addon, "Agenda");
    const breakout = rows.findIndex((r) => r.Format === "breakout workshop") + 2;
    sheet.getRange(breakout, headers.indexOf("Sub-issue") + 1).setValue("Standardizing discharge checklists");
    sheet.getRange(2, headers.indexOf("Slides") + 1).setValue(9);
    const again = build(addon, 240, ["YES"]);
    expect(again.ok).toBe(true);
    const rebuilt = records(addon, "Agenda");
    expect(rebuilt.find((r) => r.Format === "breakout workshop")!["Sub-issue"]).toBe(
      "Standardizing discharge checklists",
    );
    expect(rebuilt[0]!.Slides).toBe(9);
    expect(rebuilt).toHaveLength(rows.length);
    expect(again.issues.some((i) => /9 slides/.test(i))).toBe(true);
  });

  it.each(["NO", "CLOSE"])("re-building answered %s keeps the agenda as it is", (answer) => {
    const addon = exchangeWithPeers();
    selectGroup(addon, 4);
    build(addon, 240);
    const sheet = workbook(addon).getSheetByName("Agenda")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    sheet.getRange(2, headers.indexOf("Slides") + 1).setValue(9);
    const before = records(addon, "Agenda");
    const again = build(addon, 300, [answer]);
    expect(again.ok).toBe(false);
    expect(again.message).toBe("Kept the existing agenda.");
    expect(records(addon, "Agenda")).toEqual(before);
  });

  it("re-building without a sub-issue typed still asks for one: the placeholder is not kept as a choice", () => {
    const addon = exchangeWithPeers();
    selectGroup(addon, 4);
    build(addon, 240);
    const ask = /Type the breakout's sub-issue in its Sub-issue cell/;
    expect(lastAlert(addon)).toMatch(ask);
    build(addon, 240, ["YES"]);
    expect(lastAlert(addon)).toMatch(ask);
    const breakouts = records(addon, "Agenda").filter((r) => r.Format === "breakout workshop");
    expect(breakouts).toHaveLength(1);
    expect(String(breakouts[0]!.Session)).toMatch(/^Breakout 1: Sub-issue to choose/);
  });

  it("explains what to do with fewer than 2 selected peers, or a slot it cannot read", () => {
    const addon = exchangeWithPeers();
    addon.emulator.ui.respondWith(["OK"]);
    const none = addon.run("buildAgenda") as Report;
    expect(none.ok).toBe(false);
    expect(lastAlert(addon)).toMatch(/at least 2 selected peers; none is ticked/);

    selectGroup(addon, 4);
    addon.emulator.ui.respondWith([{ button: "OK", text: "next Tuesday" }, "OK"]);
    expect((addon.run("buildAgenda") as Report).ok).toBe(false);
    expect(lastAlert(addon)).toMatch(/is not a date and time/);
    expect(records(addon, "Agenda")).toHaveLength(0);
  });
});
