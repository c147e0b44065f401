// The emulator clock: the script's Date follows it, time-driven triggers fire as it advances (each a
// fresh execution, as its user, in AuthMode.FULL), and the mail quota resets 24 h after the first send.
import { describe, expect, it } from "vitest";
import { freshExecution, loadBundle } from "../../../sandbox/bundle.ts";
import { createEmulator, WORKSPACE_MAIL_QUOTA } from "../../../sandbox/emulator/index.ts";
import { nextRun } from "../../../sandbox/emulator/script.ts";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 2, 2, 6, 30); // Monday 06:30 UTC

const script = `
var runs = 0;
function now() { return new Date().toISOString(); }
function nowMs() { return Date.now(); }
function built() { var d = new Date(2020, 0, 1); return [d.getFullYear(), d instanceof Date, typeof Date()]; }
function install() { ScriptApp.newTrigger("tick").timeBased().everyDays(1).atHour(8).create(); }
function installHourly() { ScriptApp.newTrigger("tock").timeBased().everyHours(12).create(); }
function tick(e) {
  runs += 1;
  var status = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus();
  PropertiesService.getScriptProperties().setProperty("tick:" + new Date().toISOString(),
    JSON.stringify({ runs: runs, user: Session.getEffectiveUser().getEmail(), hour: e.hour, status: String(status) }));
}
function tock() { throw new Error("tock failed"); }
`;

function setup(options: { mailQuota?: number } = {}) {
  const emulator = createEmulator({ now: () => new Date(START), ...options });
  const bundle = loadBundle(emulator, script);
  const runner = freshExecution(emulator, script);
  const ticks = () =>
    Object.entries(emulator.properties.toJSON().script ?? {})
      .filter(([k]) => k.startsWith("tick:"))
      .map(
        ([k, v]) =>
          ({ at: k.slice(5), ...(JSON.parse(String(v)) as Record<string, unknown>) }) as Record<
            string,
            unknown
          > & { at: string },
      )
      .sort((a, b) => a.at.localeCompare(b.at));
  return { emulator, bundle, runner, ticks };
}

describe("emulator clock", () => {
  it("moves the script's new Date() and Date.now() with it, and leaves explicit dates alone", () => {
    const { emulator, bundle, runner } = setup();
    expect(bundle.call("now")).toBe(new Date(START).toISOString());
    emulator.advanceClock(90 * 60_000, runner);
    expect(bundle.call("nowMs")).toBe(START + 90 * 60_000);
    expect(bundle.call("built")).toEqual([2020, true, "string"]);
    expect(() => emulator.env.advance(-1)).toThrow("only moves forward");
  });

  it("runs a daily trigger at its hour, in order, each run a fresh execution as its user in FULL mode", () => {
    const { emulator, bundle, runner, ticks } = setup();
    bundle.call("install");
    emulator.setContext("bound", "LIMITED");
    const ran = emulator.advanceClock(3 * DAY, runner);
    expect(ran.map((r) => r.at)).toEqual([
      "2026-03-02T08:00:00.000Z",
      "2026-03-03T08:00:00.000Z",
      "2026-03-04T08:00:00.000Z",
    ]);
    // A fresh execution: the script's own counter starts at 0 every run.
    expect(ticks().map((t) => [t.runs, t.user, t.hour, t.status])).toEqual([
      [1, "coordinator@example.org", 8, "NOT_REQUIRED"],
      [1, "coordinator@example.org", 8, "NOT_REQUIRED"],
      [1, "coordinator@example.org", 8, "NOT_REQUIRED"],
    ]);
    expect(emulator.env.authMode).toBe("LIMITED");
    expect(emulator.env.now().getTime()).toBe(START + 3 * DAY);
  });

  it("interleaves two users' triggers by time and records a failing run without throwing", () => {
    const { emulator, bundle, runner } = setup();
    bundle.call("install");
    emulator.env.user = "second@example.org";
    bundle.call("installHourly");
    emulator.env.user = "coordinator@example.org";
    const ran = emulator.advanceClock(DAY, runner);
    expect(ran.map((r) => [r.at.slice(11, 16), r.handler, r.user, r.status])).toEqual([
      ["08:00", "tick", "coordinator@example.org", "completed"],
      ["18:30", "tock", "second@example.org", "failed"],
      ["06:30", "tock", "second@example.org", "failed"],
    ]);
    expect(emulator.executions[1]?.error).toBe("tock failed");
  });

  it("enforces the add-on rule of one time-driven trigger per user per document", () => {
    const { bundle } = setup();
    bundle.call("install");
    expect(() => bundle.call("installHourly")).toThrow("too many time-based triggers");
  });

  it("reports lost authorization to the trigger, and refuses scoped services then", () => {
    const { emulator, bundle, runner, ticks } = setup();
    bundle.call("install");
    emulator.env.authorizationLost.add("coordinator@example.org");
    emulator.advanceClock(DAY, runner);
    expect(ticks().map((t) => t.status)).toEqual(["REQUIRED"]);
    expect(() => emulator.globals.MailApp.sendEmail("a@example.org", "s", "b")).toThrow(
      "You do not have permission to call MailApp.sendEmail",
    );
  });
});

describe("nextRun", () => {
  it("schedules weekly triggers on their weekday and hour, hourly ones by interval, one-offs once", () => {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    // START is a Monday 06:30: the first Friday 09:00 is four days later, then every 2 weeks.
    const weekly = { everyWeeks: 2, onWeekDay: "FRIDAY", atHour: 9 };
    expect(iso(nextRun(weekly, START, false))).toBe("2026-03-06T09:00:00.000Z");
    expect(iso(nextRun(weekly, Date.UTC(2026, 2, 6, 9), true))).toBe("2026-03-20T09:00:00.000Z");
    // Today's 08:00 is still ahead at 06:30; at 08:00 sharp the next is tomorrow's.
    expect(iso(nextRun({ everyDays: 1, atHour: 8 }, START, false))).toBe("2026-03-02T08:00:00.000Z");
    expect(iso(nextRun({ everyDays: 1, atHour: 8 }, Date.UTC(2026, 2, 2, 8), false))).toBe(
      "2026-03-03T08:00:00.000Z",
    );
    expect(iso(nextRun({ everyHours: 4 }, START, true))).toBe("2026-03-02T10:30:00.000Z");
    const once = { at: "2026-03-03T00:00:00.000Z" };
    expect(iso(nextRun(once, START, false))).toBe("2026-03-03T00:00:00.000Z");
    expect(nextRun(once, Date.UTC(2026, 2, 3), true)).toBeNull();
  });

  it("runs a one-off trigger once as the clock passes it", () => {
    const { emulator, runner } = setup();
    emulator.globals.ScriptApp.newTrigger("tick").timeBased().after(HOUR).create();
    expect(emulator.advanceClock(3 * DAY, runner).map((r) => r.at)).toEqual(["2026-03-02T07:30:00.000Z"]);
    expect(emulator.triggers.list()[0]?.nextRunAt).toBeNull();
  });
});

describe("mail quota on the clock", () => {
  it("resets 24 hours after the first send of the day, not at midnight", () => {
    const { emulator, runner } = setup();
    emulator.mail.quota = 2;
    emulator.advanceClock(16 * HOUR, runner); // 22:30
    emulator.globals.MailApp.sendEmail("a@example.org", "s", "b");
    emulator.advanceClock(4 * HOUR, runner); // 02:30 next day: same window
    emulator.globals.MailApp.sendEmail("b@example.org", "s", "b");
    expect(emulator.globals.MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => emulator.globals.MailApp.sendEmail("c@example.org", "s", "b")).toThrow(
      "Service invoked too many times for one day: email.",
    );
    emulator.advanceClock(20 * HOUR, runner); // 22:30: 24 h after the first send
    expect(emulator.globals.MailApp.getRemainingDailyQuota()).toBe(2);
  });

  it("counts per recipient and takes a Workspace account's quota", () => {
    const { emulator } = setup({ mailQuota: WORKSPACE_MAIL_QUOTA });
    emulator.globals.MailApp.sendEmail({
      to: "a@example.org,b@example.org",
      cc: "c@example.org",
      subject: "s",
      body: "b",
    });
    expect(emulator.globals.MailApp.getRemainingDailyQuota()).toBe(1497);
  });
});
