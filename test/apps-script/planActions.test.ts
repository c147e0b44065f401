// Plan actions on the built bundle: one row per adopting site from a published practice, sites by the
// naming rule, the best-practice state filled in, never doubled; clear refusals that change nothing.
import { describe, expect, it } from "vitest";
import { actExchange, actions, planAll } from "./actWorkbook.ts";
import { lastAlert, workbook } from "./peerWorkbook.ts";

describe("Plan actions (built bundle)", () => {
  it("adds one row per adopting site, named by the naming rule, with the practice's intervention", () => {
    const addon = actExchange();
    const report = planAll(addon);
    expect(report.ok).toBe(true);
    const rows = actions(addon);
    expect(rows.map((r) => r.Site)).toEqual(["Host", "Riverside General", "Site B", "Site C"]);
    expect(rows.map((r) => r.Site)).not.toContain("Hillcrest Medical");
    const first = rows[0] as Record<string, unknown>;
    expect(first).toMatchObject({
      Change: "Adopt: Multidisciplinary discharge huddle",
      "Linked practice": "P-1 — Multidisciplinary discharge huddle",
      "Best-practice state":
        "A 10-minute huddle at 9:00 on each ward; discharge orders written the day before.",
      "Monitoring measure": "Discharges before noon (%)",
      Status: "not started",
      Progress: 0.5,
      "Progress step": "Intent to participate",
      "Priority score": "",
      "PICK quadrant": "",
    });
    // The prompt offered the host and the selected sites only.
    const prompt = addon.emulator.ui.events.find((e) => e.type === "prompt");
    expect(prompt?.message).toContain("Host, Riverside General, Site B, Site C");
  });

  it("keeps priority and PICK live, and labels progress steps", () => {
    const addon = actExchange();
    planAll(addon);
    const sheet = workbook(addon).getSheetByName("Actions")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const at = (h: string) => headers.indexOf(h) + 1;
    sheet.getRange(2, at("Impact")).setValue(4);
    sheet.getRange(2, at("Effort")).setValue(2);
    sheet.getRange(2, at("Strategic alignment")).setValue(5);
    sheet.getRange(2, at("Progress")).setValue(3.5);
    sheet.getRange(3, at("Progress")).setValue(1.2);
    const [row2, row3] = actions(addon);
    expect(row2).toMatchObject({
      "Priority score": 10,
      "PICK quadrant": "Implement",
      "Progress step": "Improvement",
    });
    expect(row3?.["Progress step"]).toBe("not a step of the scale");
    expect(sheet.getRange(1, at("Progress")).getNote()).toContain("4.5 Sustainable improvement");
  });

  it("does not duplicate a site that already has the practice, and says so", () => {
    const addon = actExchange();
    addon.emulator.ui.respondWith([{ button: "OK", text: "Site B" }, "OK"] as never);
    addon.run("planActions");
    const again = planAll(addon);
    expect(again.added).toEqual(["Host", "Riverside General", "Site C"]);
    expect(again.alreadyPlanned).toEqual(["Site B"]);
    expect(lastAlert(addon)).toContain("Already planned, not added again: Site B.");
    const third = planAll(addon);
    expect(third.added).toEqual([]);
    expect(lastAlert(addon)).toContain(
      "already planned for Host, Riverside General, Site B, Site C: no rows were added",
    );
    expect(actions(addon)).toHaveLength(4);
  });

  it("plans the practice of the active Practices row, and refuses one not yet published", () => {
    const addon = actExchange();
    const book = workbook(addon);
    const practices = book.getSheetByName("Practices")!;
    book.setActiveRange(practices.getRange(3, 2));
    const refused = addon.run("planActions") as { ok: boolean; message: string };
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain("“Bedside medication check” is not published yet (status: draft)");
    expect(actions(addon)).toEqual([]);
  });

  it("asks which published practice when there are several", () => {
    const addon = actExchange({
      practices: [
        { "Practice id": "P-1", Title: "Huddle", Status: "published" },
        {
          "Practice id": "P-2",
          Title: "Discharge lounge",
          "Intervention description": "A lounge.",
          Status: "published",
        },
      ],
    });
    addon.emulator.ui.respondWith([
      { button: "OK", text: "2" },
      { button: "OK", text: "site c, Host" },
      "OK",
    ] as never);
    const report = addon.run("planActions") as { added: string[] };
    expect(report.added).toEqual(["Site C", "Host"]);
    expect(actions(addon).map((r) => r["Linked practice"])).toEqual([
      "P-2 — Discharge lounge",
      "P-2 — Discharge lounge",
    ]);
  });

  it("changes nothing when nothing is published, a site is unknown, or the choice is cancelled", () => {
    const none = actExchange({ practices: [{ "Practice id": "P-1", Title: "Huddle", Status: "reviewed" }] });
    expect((none.run("planActions") as { message: string }).message).toContain(
      "No best-practice summary is published yet",
    );
    expect(actions(none)).toEqual([]);

    const addon = actExchange();
    addon.emulator.ui.respondWith([{ button: "OK", text: "Site B, Hillcrest Medical" }, "OK"] as never);
    const unknown = addon.run("planActions") as { ok: boolean; message: string };
    expect(unknown.message).toContain("Hillcrest Medical is not among the adopting sites");
    addon.emulator.ui.respondWith([{ button: "CANCEL", text: "" }] as never);
    expect((addon.run("planActions") as { message: string }).message).toBe("Cancelled: nothing was added.");
    expect(actions(addon)).toEqual([]);
  });
});
