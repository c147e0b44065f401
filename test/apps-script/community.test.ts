// Community on the built bundle: membership counted from the Exchange Calendar's attendance, the steering
// rotation proposal, the cadence planner (dates, no duplicates on re-run) and the resource pool balance.
import { describe, expect, it } from "vitest";
import { isDate } from "../../sandbox/emulator/index.ts";
import {
  type Addon,
  openAddon,
  TEST_SPREADSHEET_TIME_ZONE,
  zonedAt,
  zonedDate,
  zonedDay,
} from "../helpers/addon.ts";
import { lastAlert, records, setUp, workbook, writeRows } from "./peerWorkbook.ts";

// Dates as the coordinator types them: midnights of the workbook's own zone, days as it shows them.
const zone = TEST_SPREADSHEET_TIME_ZONE;
const on = (year: number, month: number, day: number) => zonedDate(zone, year, month, day);
const today = () => zonedAt(0, 0);
const daysAgo = (n: number) => zonedAt(-n, 0);
const iso = (d: Date) => zonedDay(d);
// Dates read back are made in the script's realm (its zone), so they are told by brand, not instanceof.
const sameDay = (value: unknown, d: Date) => isDate(value) && iso(value) === iso(d);
/** The same day a year later, in the workbook's zone. */
const nextYear = (d: Date) => {
  const [y, m, day] = iso(d).split("-").map(Number) as [number, number, number];
  return on(y + 1, m, day);
};

/** Rows typed by a coordinator: written under their headers, then the edit trigger runs as in Sheets. */
function typeRows(addon: Addon, name: string, rows: Record<string, unknown>[]): void {
  writeRows(addon, name, rows);
  const book = workbook(addon);
  const sheet = book.getSheetByName(name)!;
  addon.run("onEdit", { range: sheet.getRange(2, 1, rows.length, sheet.getLastColumn()), source: book });
}

function community(): Addon {
  const addon = openAddon();
  setUp(addon);
  typeRows(addon, "Community", [
    { Organization: "North General", Representative: "Ana Ruiz", Joined: on(2019, 1, 15) },
    { Organization: "Lakeside Clinic", Representative: "Ben Okafor", Joined: on(2018, 6, 1) },
    { Organization: "Hill Hospital", Representative: "Cy Park", Joined: daysAgo(60) },
    { Organization: "River Health", Representative: "Dee Shah", Joined: on(2020, 3, 1) },
  ]);
  typeRows(addon, "Exchange Calendar", [
    {
      Exchange: "Spring",
      Date: daysAgo(300),
      Status: "done",
      "Attended by": "North General, lakeside  clinic",
    },
    { Exchange: "Summer", Date: daysAgo(200), Status: "done", "Attended by": "North General; Hill Hospital" },
    { Exchange: "Autumn", Date: daysAgo(30), Status: "done", "Attended by": "Lakeside Clinic, Zed Care" },
    // Older than 12 months, planned, or cancelled: none counts.
    { Exchange: "Old", Date: daysAgo(400), Status: "done", "Attended by": "River Health, Hill Hospital" },
    { Exchange: "Next", Date: daysAgo(-30), Status: "planned", "Attended by": "River Health" },
    { Exchange: "Off", Date: daysAgo(10), Status: "cancelled", "Attended by": "River Health" },
  ]);
  return addon;
}

describe("Update community (built bundle)", () => {
  it("counts done exchanges of the last 12 months per member and sets status and renewal", () => {
    const addon = community();
    addon.emulator.ui.respondWith(["OK"]);
    expect(addon.run("updateCommunity")).toMatchObject({ ok: true });
    const rows = records(addon, "Community");
    expect(rows.map((r) => [r.Organization, r["Exchanges attended (12 months)"], r.Status])).toEqual([
      ["North General", 2, "active"],
      ["Lakeside Clinic", 2, "active"],
      ["Hill Hospital", 1, "renewal due"],
      ["River Health", 0, "renewal due"],
    ]);
    // Active: 12 months after the older of the two latest attended exchanges.
    const north = nextYear(daysAgo(300));
    expect(sameDay(rows[0]!["Renewal due"], north)).toBe(true);
    // A member who joined 60 days ago has until the first anniversary of joining; a lapsed one is due today.
    const hill = nextYear(daysAgo(60));
    expect(sameDay(rows[2]!["Renewal due"], hill)).toBe(true);
    expect(sameDay(rows[3]!["Renewal due"], today())).toBe(true);
    const message = lastAlert(addon);
    expect(message).toMatch(/2 of 4 members are active/);
    expect(message).toMatch(/Not on the Community tab, so not counted: Zed Care/);
  });

  it("says what to do with no members, and writes nothing", () => {
    const addon = openAddon();
    setUp(addon);
    const before = addon.emulator.spreadsheets.describe();
    addon.emulator.ui.respondWith(["OK"]);
    expect(addon.run("updateCommunity")).toMatchObject({ ok: false });
    expect(lastAlert(addon)).toMatch(/no members yet/);
    expect(addon.emulator.spreadsheets.describe()).toEqual(before);
  });

  it("shows the resource pool balance, and the Balance formula agrees on every row", () => {
    const addon = community();
    typeRows(addon, "Resource Pool", [
      { Date: daysAgo(90), Organization: "North General", Kind: "contribution", Amount: 1000 },
      { Date: daysAgo(60), Organization: "Lakeside Clinic", Kind: "contribution", Amount: 500 },
      { Date: daysAgo(30), Organization: "North General", Kind: "expense", Amount: 249.5 },
    ]);
    expect(records(addon, "Resource Pool").map((r) => r.Balance)).toEqual([1000, 1500, 1250.5]);
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("updateCommunity");
    expect(lastAlert(addon)).toMatch(/Resource pool balance: 1,250\.50/);
  });
});

describe("Propose steering rotation (built bundle)", () => {
  function withCommittee(): Addon {
    const addon = community();
    typeRows(addon, "Steering Committee", [
      {
        Member: "Ana Ruiz",
        Organization: "North General",
        Role: "chair",
        "Term start": on(2025, 1, 1),
        "Term end": daysAgo(-20),
      },
      {
        Member: "Dee Shah",
        Organization: "River Health",
        Role: "member",
        "Term start": on(2025, 1, 1),
        "Term end": daysAgo(-200),
      },
      {
        Member: "Old Hand",
        Organization: "Hill Hospital",
        Role: "member",
        "Term start": on(2020, 1, 1),
        "Term end": daysAgo(100),
      },
    ]);
    return addon;
  }

  it("rotates out the soonest term end and in the longest-serving active member without a seat", () => {
    const addon = withCommittee();
    addon.emulator.ui.respondWith(["NO"]);
    const report = addon.run("proposeSteeringRotation") as { ok: boolean; message: string };
    expect(report.ok).toBe(true);
    expect(report.message).toMatch(/Rotating out: Ana Ruiz \(North General/);
    // Lakeside Clinic: active (2 exchanges) and no seat; North General is the outgoing seat, River Health sits.
    expect(report.message).toMatch(/Rotating in: Ben Okafor of Lakeside Clinic/);
    expect(report.message).toMatch(new RegExp(`Next rotation: ${iso(daysAgo(-21))}`));
    expect(report.message).toMatch(/Nothing was added/);
    expect(records(addon, "Steering Committee")).toHaveLength(3);
  });

  it("adds the incoming member with the outgoing role and term length on Yes", () => {
    const addon = withCommittee();
    addon.emulator.ui.respondWith(["YES"]);
    addon.run("proposeSteeringRotation");
    const rows = records(addon, "Steering Committee");
    expect(rows).toHaveLength(4);
    const added = rows[3]!;
    expect([added.Member, added.Organization, added.Role]).toEqual([
      "Ben Okafor",
      "Lakeside Clinic",
      "chair",
    ]);
    expect(sameDay(added["Term start"], daysAgo(-21))).toBe(true);
    expect(isDate(added["Next rotation"])).toBe(true);
  });

  it("asks for terms when no sitting member has one", () => {
    const addon = community();
    addon.emulator.ui.respondWith(["OK"]);
    expect(addon.run("proposeSteeringRotation")).toMatchObject({ ok: false });
    expect(lastAlert(addon)).toMatch(/Term start and Term end/);
  });
});

describe("Plan exchange cadence (built bundle)", () => {
  const answers = (cadence: string, start: string, count: string, themes: string) =>
    [
      { button: "OK", text: cadence },
      { button: "OK", text: start },
      { button: "OK", text: count },
      { button: "OK", text: themes },
      "OK",
    ] as never;

  it("lays out quarterly dates with themes in turn, and adds nothing when run again", () => {
    const addon = openAddon();
    setUp(addon);
    addon.emulator.ui.respondWith(
      answers("quarterly", "2027-01-31", "4", "Discharge before noon; OR turnover; Med rec"),
    );
    expect(addon.run("planExchangeCadence")).toMatchObject({ ok: true });
    const rows = records(addon, "Exchange Calendar");
    expect(rows.map((r) => [iso(r.Date as Date), r.Theme, r.Cadence, r.Status])).toEqual([
      ["2027-01-31", "Discharge before noon", "quarterly", "planned"],
      ["2027-04-30", "OR turnover", "quarterly", "planned"],
      ["2027-07-31", "Med rec", "quarterly", "planned"],
      ["2027-10-31", "Discharge before noon", "quarterly", "planned"],
    ]);
    addon.emulator.ui.respondWith(
      answers("quarterly", "2027-01-31", "4", "Discharge before noon; OR turnover; Med rec"),
    );
    addon.run("planExchangeCadence");
    expect(records(addon, "Exchange Calendar")).toHaveLength(4);
    expect(lastAlert(addon)).toMatch(/Nothing was added[\s\S]*already has an exchange that month/);
  });

  it("plans semi-annual dates around an exchange already in the calendar", () => {
    const addon = openAddon();
    setUp(addon);
    writeRows(addon, "Exchange Calendar", [
      { Exchange: "Kick-off", Date: on(2027, 9, 2), Status: "planned" },
    ]);
    addon.emulator.ui.respondWith(answers("semi-annual", "2027-03-15", "3", "Flow"));
    addon.run("planExchangeCadence");
    const dates = records(addon, "Exchange Calendar").map((r) => iso(r.Date as Date));
    expect(dates).toEqual(["2027-09-02", "2027-03-15", "2028-03-15"]);
    expect(lastAlert(addon)).toMatch(/2027-09-15 \(Kick-off\)/);
  });

  it.each([
    [["fortnightly", "2027-01-01", "2", "A"], /not a cadence/],
    [["quarterly", "2027-02-30", "2", "A"], /not a date/],
    [["quarterly", "2027-02-01", "13", "A"], /not a whole number from 1 to 12/],
    [["quarterly", "2027-02-01", "2", " ; "], /at least one theme/],
  ])("refuses %j with a message and changes nothing", (input, message) => {
    const addon = openAddon();
    setUp(addon);
    const before = addon.emulator.spreadsheets.describe();
    const [c, s, n, t] = input as [string, string, string, string];
    addon.emulator.ui.respondWith(answers(c, s, n, t));
    expect(addon.run("planExchangeCadence")).toMatchObject({ ok: false });
    expect(lastAlert(addon)).toMatch(message);
    expect(addon.emulator.spreadsheets.describe()).toEqual(before);
  });
});
