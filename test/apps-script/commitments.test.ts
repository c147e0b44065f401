// Check commitments on the built bundle: names the site missing an owned 30-day action or a 4-week
// check-in, marks its rows until fixed (idempotent), names owners without an email, refuses bad dates.
import { describe, expect, it } from "vitest";
import { actions, committedExchange, day, fillActions } from "./actWorkbook.ts";
import { writeForm } from "./peerWorkbook.ts";

type Report = {
  ok: boolean;
  message: string;
  gaps: { site: string; missing: string }[];
  ownersWithoutEmail: string[];
};

const check = (addon: ReturnType<typeof committedExchange>) => {
  addon.emulator.ui.respondWith(["OK"]);
  return addon.run("checkCommitments") as Report;
};
const marks = (addon: ReturnType<typeof committedExchange>) =>
  Object.fromEntries(actions(addon).map((r) => [r.Site, r["Commitment check"]]));

describe("Check commitments (built bundle)", () => {
  it("says all is committed when every selected site has an owned action and a check-in", () => {
    const addon = committedExchange();
    const report = check(addon);
    expect(report.gaps).toEqual([]);
    expect(report.message).toBe(
      "All 3 selected sites have an owned action (owner and email) due by 2026-04-01 and a check-in by 2026-03-30.",
    );
  });

  it("names the site missing commitments, marks its rows until fixed, and marks nothing twice", () => {
    const addon = committedExchange();
    fillActions(addon, "Site B", { "Owner email": "", "Check-in date": day(35) });
    const report = check(addon);
    expect(report.gaps).toEqual([
      {
        site: "Site B",
        missing:
          "no action with an owner and email due within 30 days of the exchange; no check-in date within 4 weeks of the exchange",
      },
    ]);
    expect(report.message).toContain("1 of 3 selected sites still have to commit");
    expect(report.message).toContain("• Site B: no action with an owner and email");
    expect(report.ownersWithoutEmail).toEqual(["Owner 3 (Site B, row 4)"]);
    expect(marks(addon)).toEqual({
      Host: "",
      "Riverside General": "",
      "Site B": report.gaps[0]?.missing,
      "Site C": "",
    });

    const calls = addon.emulator.env.calls;
    calls.reset();
    check(addon);
    expect(calls.get("Range.setValues")).toBe(0);

    fillActions(addon, "Site B", { "Owner email": "owner3@example.org", "Check-in date": day(28) });
    expect(check(addon).gaps).toEqual([]);
    expect(marks(addon)["Site B"]).toBe("");
  });

  it("names a selected site with no rows at all", () => {
    const addon = committedExchange();
    const sheet = addon.emulator.spreadsheets
      .get(addon.emulator.spreadsheets.activeId!)!
      .getSheetByName("Actions")!;
    sheet.deleteRow(5);
    expect(check(addon).message).toContain(
      "• Site C: no rows on the Actions tab yet (run Peer Exchange › Plan actions).",
    );
  });

  it("refuses dates out of order on the Charter and changes nothing", () => {
    const addon = committedExchange();
    fillActions(addon, "Site B", { "Owner email": "" });
    writeForm(addon, "Charter", { "Start date": day(3) });
    const report = check(addon);
    expect(report.ok).toBe(false);
    expect(report.message).toContain("End date is before its Start date");
    expect(Object.values(marks(addon)).every((m) => m === "")).toBe(true);
  });
});
