// Follow-ups on the built bundle over 40 emulated days: one daily trigger (never a second, not even by
// another user), one digest per owner per day, each check-in invitation once, the daily mail quota
// respected with what it skipped logged, lost authorization recorded quietly, the 30-day rows once.
import { describe, expect, it } from "vitest";
import { type Addon, zonedDay } from "../helpers/addon.ts";
import { committedExchange, DAY, day } from "./actWorkbook.ts";
import { lastAlert, records, workbook } from "./peerWorkbook.ts";

type Schedule = { ok: boolean; message: string; changed: boolean };
const COORDINATOR = "coordinator@example.org";

function schedule(addon: Addon, fn = "scheduleFollowUps", answers: string[] = ["OK"]): Schedule {
  addon.emulator.ui.respondWith(answers);
  return addon.run(fn) as Schedule;
}

/** Adds an Actions row below the others (cells by header). */
function addAction(addon: Addon, values: Record<string, unknown>): void {
  const sheet = workbook(addon).getSheetByName("Actions")!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const row = sheet.getLastRow() + 1;
  for (const [h, v] of Object.entries(values)) sheet.getRange(row, headers.indexOf(h) + 1).setValue(v);
}

const dayOf = (iso: string) => Math.floor((Date.parse(iso) - day(0).getTime()) / DAY);

describe("Schedule and stop follow-ups (built bundle)", () => {
  it("installs one trigger, never a second, and names the user who holds it", () => {
    const addon = committedExchange();
    const first = schedule(addon);
    expect(first).toMatchObject({ ok: true, changed: true });
    expect(addon.emulator.triggers.list()).toMatchObject([
      {
        handler: "runFollowUps",
        eventType: "CLOCK",
        user: COORDINATOR,
        schedule: { everyDays: 1, atHour: 7 },
      },
    ]);
    expect(schedule(addon).message).toContain("already scheduled by you");

    addon.emulator.env.user = "deputy@example.org";
    const other = schedule(addon);
    expect(other).toMatchObject({ ok: false, changed: false });
    expect(other.message).toContain(`already scheduled by ${COORDINATOR}`);
    const stopOther = schedule(addon, "stopFollowUps");
    expect(stopOther.message).toContain(`Ask ${COORDINATOR} to run Peer Exchange › Stop follow-ups`);
    expect(addon.emulator.triggers.list()).toHaveLength(1);

    addon.emulator.env.user = COORDINATOR;
    expect(schedule(addon, "stopFollowUps")).toMatchObject({ ok: true, changed: true });
    expect(addon.emulator.triggers.list()).toEqual([]);
    expect(schedule(addon, "stopFollowUps").message).toBe("No follow-ups are scheduled: nothing to stop.");
  });

  it("asks before scheduling when owners have no email, and changes nothing on No", () => {
    const addon = committedExchange();
    addAction(addon, { Site: "Site C", Owner: "Dee Noemail", "Due date": day(12) });
    const declined = schedule(addon, "scheduleFollowUps", ["NO", "OK"]);
    expect(addon.emulator.ui.events.find((e) => e.type === "alert")?.message).toContain(
      "Dee Noemail (Site C)",
    );
    expect(declined.changed).toBe(false);
    expect(addon.emulator.triggers.list()).toEqual([]);
  });

  it("refuses dates out of order and schedules nothing", () => {
    const addon = committedExchange();
    const sheet = workbook(addon).getSheetByName("Charter")!;
    const labels = sheet
      .getRange(1, 1, sheet.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    sheet.getRange(labels.indexOf("End date") + 1, 2).setValue(day(-2));
    const report = schedule(addon);
    expect(report.message).toContain("End date is before its Start date");
    expect(addon.emulator.triggers.list()).toEqual([]);
  });

  it("refuses to schedule without the Follow-up Log tab", () => {
    const addon = committedExchange();
    const book = workbook(addon);
    book.deleteSheet(book.getSheetByName("Follow-up Log")!);
    const report = schedule(addon);
    expect(report.message).toBe(
      "There is no Follow-up Log tab. Run Peer Exchange › Set up / repair workbook. Nothing was scheduled.",
    );
    expect(addon.emulator.triggers.list()).toEqual([]);
  });
});

describe("A follow-up run that cannot proceed (built bundle)", () => {
  it("records why it stopped, sends nothing and throws nothing", () => {
    const addon = committedExchange();
    schedule(addon);
    const sheet = workbook(addon).getSheetByName("Charter")!;
    const labels = sheet
      .getRange(1, 1, sheet.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    sheet.getRange(labels.indexOf("Start date") + 1, 2).setValue(day(5));
    const [run] = addon.advanceClock(15 * DAY);
    expect(run?.status).toBe("completed");
    expect(addon.emulator.mail.sent).toEqual([]);
    expect(schedule(addon).message).toContain("stopped: The Charter's End date is before its Start date.");
  });
});

describe("40 days of follow-ups (built bundle)", () => {
  it("sends each reminder once, within the quota, logs what it skipped, and creates the 30-day rows once", () => {
    const QUOTA = 3;
    const addon = committedExchange({ mailQuota: QUOTA });
    // Owner 1 has a second action, due earlier; a third owner has no email.
    addAction(addon, {
      Site: "Host",
      Owner: "Owner 1",
      "Owner email": "owner1@example.org",
      "Due date": day(10),
      Milestone: "Huddle script",
    });
    addAction(addon, { Site: "Site C", Owner: "Dee Noemail", "Due date": day(12) });
    schedule(addon, "scheduleFollowUps", ["YES", "OK"]);

    // Days 1–35 at 07:00.
    addon.advanceClock(35 * DAY - 2 * 3600_000);
    // A second run on day 35 sends nothing new.
    const before = addon.emulator.mail.sent.length;
    addon.run("runFollowUps");
    expect(addon.emulator.mail.sent.length).toBe(before);

    // Authorization lost for days 36–37: recorded, nothing sent, no failed execution.
    addon.emulator.env.authorizationLost.add(COORDINATOR);
    addon.advanceClock(2 * DAY);
    const lost = JSON.parse(
      String(
        addon.emulator.properties.toJSON().document?.[addon.emulator.containerId]?.["followUps.lastRun"] ??
          "{}",
      ),
    );
    expect(lost.state).toBe("authorization needed");
    expect(addon.emulator.mail.sent.filter((m) => [36, 37].includes(dayOf(m.sentAt)))).toEqual([]);
    addon.emulator.env.authorizationLost.delete(COORDINATOR);
    addon.advanceClock(3 * DAY);

    const runs = addon.emulator.executions;
    expect(runs).toHaveLength(40);
    expect(runs.every((r) => r.status === "completed" && r.handler === "runFollowUps")).toBe(true);
    expect(addon.emulator.triggers.list()).toHaveLength(1);

    const sent = addon.emulator.mail.sent;
    // Never over the quota in a day, one digest per owner per day, each invitation once.
    const perDay = new Map<number, number>();
    for (const m of sent) perDay.set(dayOf(m.sentAt), (perDay.get(dayOf(m.sentAt)) ?? 0) + m.recipients);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(QUOTA);
    const digests = sent.filter((m) => !m.subject.includes("check-in"));
    const digestKeys = digests.map((m) => `${m.to}|${dayOf(m.sentAt)}`);
    expect(new Set(digestKeys).size).toBe(digestKeys.length);
    const invites = sent.filter((m) => m.subject.includes("check-in on 2026-03-23"));
    expect(invites.map((m) => m.to).sort()).toEqual([
      "owner1@example.org",
      "owner2@example.org",
      "owner3@example.org",
      "owner4@example.org",
      "pat@example.org",
      "rae@example.org",
    ]);
    // Owner 1's first digest came on day 3 (its action due on day 10); later ones list both actions.
    expect(dayOf(digests.find((m) => m.to === "owner1@example.org")!.sentAt)).toBe(3);
    const both = digests.find((m) => m.to === "owner1@example.org" && m.body.includes("2026-03-16"));
    expect(both?.body).toContain("Huddle script");
    // Every owner with an email got digests despite the short quota (least recently reminded first).
    expect(new Set(digests.map((m) => m.to)).size).toBe(4);
    expect(sent.some((m) => m.to.includes("Noemail"))).toBe(false);

    const log = records(addon, "Follow-up Log");
    const skipped = log.filter((r) => String(r.Outcome).startsWith("skipped: daily mail quota"));
    expect(skipped.length).toBeGreaterThan(0);
    // Each check-in invitation skipped for the quota was sent on a later day.
    const skippedInvites = skipped.filter((s) => s.Kind === "check-in invitation");
    expect(skippedInvites.length).toBeGreaterThan(0);
    for (const s of skippedInvites) {
      const later = log.find(
        (r) =>
          r.Outcome === "sent" && r.Recipient === s.Recipient && r.Kind === s.Kind && r.Detail === s.Detail,
      );
      expect(later).toBeDefined();
      expect(Number(later?.Time)).toBeGreaterThan(Number(s.Time));
    }
    const noEmail = log.filter((r) => r.Recipient === "Dee Noemail");
    expect(noEmail.every((r) => r.Outcome === "not sent: the owner has no valid email")).toBe(true);
    expect(new Set(noEmail.map((r) => String(r.Key))).size).toBe(noEmail.length);

    const followUps = records(addon, "Follow-up 30d");
    expect(followUps.map((r) => r.Site)).toEqual(["Riverside General", "Site B", "Site C"]);
    const created = log.filter((r) => r.Kind === "30-day follow-up row");
    expect(created.map((r) => dayOf((r.Time as Date).toISOString()))).toEqual([30, 30, 30]);

    // The menu item adds nothing more.
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("createFollowUps");
    expect(lastAlert(addon)).toBe("Already there, not added again: Riverside General, Site B, Site C.");
    expect(records(addon, "Follow-up 30d")).toHaveLength(3);

    // The coordinator sees the last run's summary.
    expect(schedule(addon).message).toMatch(/The last run \(2026-04-11 07:00 UTC\) sent \d+ emails?/);
  });

  it("30-day follow-up creates every selected site's row at once, with the check-in 30 days after", () => {
    const addon = committedExchange();
    addon.emulator.ui.respondWith(["OK"]);
    const report = addon.run("createFollowUps") as { created: string[] };
    expect(report.created).toEqual(["Riverside General", "Site B", "Site C"]);
    const rows = records(addon, "Follow-up 30d");
    expect(rows.map((r) => zonedDay(r["Check-in date"] as Date))).toEqual([
      "2026-04-01",
      "2026-04-01",
      "2026-04-01",
    ]);
    expect(rows.every((r) => r["Plan initiated"] === false)).toBe(true);
  });
});
