import { describe, expect, it } from "vitest";
import {
  addMonths,
  isoDay,
  membership,
  parseDay,
  planCadence,
  poolBalance,
  proposeRotation,
} from "../../../shared/methods/community.ts";

const d = (text: string) => parseDay(text) as Date;

describe("addMonths", () => {
  it("keeps the day, clamped to the month's last day", () => {
    expect(isoDay(addMonths(d("2027-01-31"), 1))).toBe("2027-02-28");
    expect(isoDay(addMonths(d("2028-01-31"), 1))).toBe("2028-02-29");
    expect(isoDay(addMonths(d("2027-11-15"), 3))).toBe("2028-02-15");
    expect(isoDay(addMonths(d("2027-03-31"), -12))).toBe("2026-03-31");
  });
});

describe("membership", () => {
  const today = d("2026-12-03");
  const member = (organization: string, joined = "2020-01-01") => ({
    organization,
    joined: d(joined),
    renewalDue: null,
  });

  it("counts done exchanges after the same day a year ago and up to today", () => {
    const report = membership(
      [member("A")],
      [
        { date: d("2025-12-03"), status: "done", attendedBy: "A" }, // exactly a year ago: outside
        { date: d("2025-12-04"), status: "done", attendedBy: "A" },
        { date: d("2026-12-03"), status: "done", attendedBy: " a " },
        { date: d("2026-12-04"), status: "done", attendedBy: "A" }, // tomorrow
        { date: d("2026-06-01"), status: "planned", attendedBy: "A" },
      ],
      today,
    );
    expect(report.members[0]).toMatchObject({ attended: 2, status: "active" });
    expect(isoDay(report.members[0]!.renewalDue)).toBe("2026-12-04");
  });

  it("counts one attendance per exchange even when a name is listed twice", () => {
    const report = membership(
      [member("A")],
      [{ date: d("2026-10-01"), status: "done", attendedBy: "A, A" }],
      today,
    );
    expect(report.members[0]).toMatchObject({ attended: 1, status: "renewal due" });
  });
});

describe("proposeRotation", () => {
  const today = d("2026-12-03");
  it("rotates out every member sharing the soonest end; in, the earliest joined, then most attended", () => {
    const proposal = proposeRotation(
      [
        {
          member: "P",
          organization: "A",
          role: "chair",
          termStart: d("2025-01-01"),
          termEnd: d("2026-12-31"),
        },
        { member: "Q", organization: "B", role: "", termStart: null, termEnd: d("2026-12-31") },
        {
          member: "R",
          organization: "C",
          role: "member",
          termStart: d("2025-01-01"),
          termEnd: d("2027-12-31"),
        },
      ],
      [
        { organization: "D", representative: "d", joined: d("2019-01-01"), attended: 2 },
        { organization: "E", representative: "e", joined: d("2018-01-01"), attended: 1 }, // not active
        { organization: "F", representative: "f", joined: d("2019-01-01"), attended: 3 },
        { organization: "A", representative: "a", joined: d("2010-01-01"), attended: 5 }, // sits now
      ],
      today,
    )!;
    expect(isoDay(proposal.rotationDate)).toBe("2027-01-01");
    expect(proposal.out.map((s) => s.member)).toEqual(["P", "Q"]);
    expect(proposal.in.map((c) => [c.organization, c.role, isoDay(c.termEnd)])).toEqual([
      ["F", "chair", "2028-12-31"],
      ["D", "member", "2028-12-31"],
    ]);
    expect(proposal.open).toBe(0);
  });
});

describe("planCadence", () => {
  it("skips months that already have an exchange, cancelled ones aside", () => {
    const plan = planCadence(
      "semi-annual",
      d("2027-01-10"),
      3,
      ["X", "Y"],
      [
        { exchange: "Held", date: d("2027-07-01"), status: "planned" },
        { exchange: "Off", date: d("2028-01-20"), status: "cancelled" },
      ],
    );
    expect(plan.add.map((p) => [isoDay(p.date), p.theme, p.exchange])).toEqual([
      ["2027-01-10", "X", "Exchange 2027-01"],
      ["2028-01-10", "X", "Exchange 2028-01"],
    ]);
    expect(plan.skipped.map((s) => s.existing)).toEqual(["Held"]);
  });
});

describe("poolBalance", () => {
  it("is contributions minus expenses, ignoring blank amounts and other kinds", () => {
    expect(
      poolBalance([
        { kind: "contribution", amount: 100 },
        { kind: "Expense", amount: 30.5 },
        { kind: "contribution", amount: "" },
        { kind: "", amount: 999 },
      ]),
    ).toBe(69.5);
  });
});
