// The follow-up rules: exchange day, commitments, digests, check-in invitations, 30-day rows, mail text.
import { describe, expect, it } from "vitest";
import {
  type ActionItem,
  checkInInvitations,
  checkInMail,
  commitmentGaps,
  dayText,
  digestMail,
  exchangeDay,
  followUpRowsDue,
  gapText,
  planDigests,
} from "../../../shared/methods/followUps.ts";

const X = 20_000; // the exchange's day

function action(over: Partial<ActionItem>): ActionItem {
  return {
    row: 2,
    site: "Site A",
    change: "Discharge huddle",
    milestone: "Huddle daily on 2 wards",
    owner: "Ana",
    ownerEmail: "ana@example.org",
    status: "in progress",
    due: X + 10,
    checkIn: X + 20,
    ...over,
  };
}

describe("exchangeDay", () => {
  it("takes the last day, or the only one given, and refuses dates out of order or none", () => {
    expect(exchangeDay({ start: X, end: X + 1 })).toEqual({ ok: true, day: X + 1 });
    expect(exchangeDay({ start: X, end: undefined })).toEqual({ ok: true, day: X });
    expect(exchangeDay({ start: X + 1, end: X })).toMatchObject({
      ok: false,
      message: expect.stringContaining("before its Start date"),
    });
    expect(exchangeDay({ start: undefined, end: undefined })).toMatchObject({ ok: false });
  });
});

describe("commitmentGaps", () => {
  it("names sites without an owned action due within 30 days or a check-in within 28", () => {
    const actions = [
      action({}),
      action({ site: "Site B", ownerEmail: "" }),
      action({ site: "Site C", due: X + 31, checkIn: X + 29 }),
      action({ site: "Site D", due: X + 30, checkIn: X + 28 }),
      action({ site: "Site E", owner: " ", checkIn: undefined }),
    ];
    const gaps = commitmentGaps(["Site A", "Site B", "Site C", "Site D", "Site E", "Site F"], actions, X);
    expect(gaps).toEqual([
      { site: "Site B", noOwnedAction: true, noCheckIn: false },
      { site: "Site C", noOwnedAction: true, noCheckIn: true },
      { site: "Site E", noOwnedAction: true, noCheckIn: true },
      { site: "Site F", noOwnedAction: true, noCheckIn: true },
    ]);
    expect(gapText(gaps[0])).toBe("no action with an owner and email due within 30 days of the exchange");
    expect(gapText(undefined)).toBe("");
  });

  it("does not count an action due before the exchange", () => {
    expect(commitmentGaps(["Site A"], [action({ due: X - 1 })], X)).toEqual([
      { site: "Site A", noOwnedAction: true, noCheckIn: false },
    ]);
  });
});

describe("planDigests", () => {
  it("gives each owner one digest of overdue and week-ahead open actions; owners with no email apart", () => {
    const today = X + 10;
    const { digests, noEmail } = planDigests(
      [
        action({ row: 2, due: today + 7 }),
        action({ row: 3, due: today - 2, ownerEmail: "ANA@example.org " }),
        action({ row: 4, due: today + 8 }),
        action({ row: 5, due: today - 1, status: "done" }),
        action({ row: 6, owner: "Bo", ownerEmail: "bo@", due: today }),
        action({ row: 7, owner: "Cy", ownerEmail: "cy@example.org", due: today }),
        action({ row: 8, due: undefined }),
      ],
      today,
    );
    expect(digests.map((d) => [d.email, d.overdue.map((a) => a.row), d.dueSoon.map((a) => a.row)])).toEqual([
      ["ana@example.org", [3], [2]],
      ["cy@example.org", [], [7]],
    ]);
    expect(noEmail).toEqual([{ owner: "Bo", site: "Site A", change: "Discharge huddle" }]);
  });
});

describe("checkInInvitations", () => {
  it("invites each site's owners and participants once, a week ahead of its earliest check-in", () => {
    const today = X + 14;
    const invitations = checkInInvitations(
      [
        action({ checkIn: X + 21 }),
        action({ checkIn: X + 18, ownerEmail: "lee@example.org" }),
        action({ site: "Site B", checkIn: X + 22, ownerEmail: "bo@example.org" }),
        action({ site: "Site C", checkIn: X + 10, ownerEmail: "cy@example.org" }),
      ],
      [
        { site: "Site A", email: "ana@example.org" },
        { site: "Site A", email: "pat@example.org" },
        { site: "Site A", email: "" },
      ],
      today,
    );
    expect(invitations).toEqual([
      { email: "ana@example.org", site: "Site A", checkIn: X + 18 },
      { email: "lee@example.org", site: "Site A", checkIn: X + 18 },
      { email: "pat@example.org", site: "Site A", checkIn: X + 18 },
    ]);
  });
});

describe("followUpRowsDue", () => {
  it("is due from day 30 after the exchange, once per site", () => {
    expect(followUpRowsDue(["Site A", "Site B"], [], X, X + 29)).toEqual([]);
    expect(followUpRowsDue(["Site A", "Site B"], ["Site A "], X, X + 30)).toEqual(["Site B"]);
  });
});

describe("mails", () => {
  it("lists overdue first, with dates, sites and the exchange's name", () => {
    const today = X;
    const mail = digestMail(
      {
        email: "ana@example.org",
        owner: "Ana",
        overdue: [action({ due: today - 1 })],
        dueSoon: [action({ due: today + 3, milestone: "" })],
      },
      "Discharge exchange",
    );
    expect(mail.subject).toBe("Discharge exchange: 2 actions overdue or due soon");
    expect(mail.body).toContain(`Overdue:\n• ${dayText(today - 1)} — Huddle daily on 2 wards (Site A)`);
    expect(mail.body).toContain(`Due within 7 days:\n• ${dayText(today + 3)} — Discharge huddle (Site A)`);
    const invite = checkInMail({ email: "a@example.org", site: "Site B", checkIn: X + 28 }, "");
    expect(invite.subject).toBe(`Peer exchange: check-in on ${dayText(X + 28)}`);
    expect(invite.body).toContain(`The Site B check-in after the peer exchange is on ${dayText(X + 28)}.`);
    expect(dayText(0)).toBe("1970-01-01");
  });
});
