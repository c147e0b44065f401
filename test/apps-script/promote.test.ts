// Promote to best practice on the built bundle: selected clips (several ranges) become one draft practice
// linked both ways; confidential clips are asked about, attested ones pointed out; bad selections and
// clips already promoted change nothing; a likely duplicate can take the clips instead.
import { describe, expect, it } from "vitest";
import type { Addon } from "../helpers/addon.ts";
import { CLIPS, history, insights, learnWorkbook, practices, selectRows } from "./learnFixture.ts";
import { alerts, lastAlert, writeRows } from "./peerWorkbook.ts";

type Report = { ok: boolean; message: string; practiceId?: string; merged?: boolean };

const promote = (addon: Addon) => addon.run("promoteToPractice") as Report;
const byId = (addon: Addon, id: string) => insights(addon).find((r) => r["Clip id"] === id) ?? {};
const snapshot = (addon: Addon) =>
  JSON.stringify([addon.sheet("Insights"), addon.sheet("Practices"), addon.sheet("Practice History")]);

describe("Promote to best practice", () => {
  it("drafts one practice from clips of several ranges, linked both ways, sites named by the rule", () => {
    const addon = learnWorkbook();
    selectRows(addon, "Insights", [2, 3], [6, 6]);
    addon.emulator.ui.respondWith(["OK", "OK"]);
    const report = promote(addon);
    expect(report.ok).toBe(true);
    expect(report.practiceId).toBe("BP-001");
    const [attested] = alerts(addon);
    expect(attested?.buttons).toBe("OK_CANCEL");
    expect(attested?.message).toContain("row 3");
    expect(attested?.message).not.toContain("row 2:");
    const [practice, ...others] = practices(addon);
    expect(others).toEqual([]);
    expect(practice).toMatchObject({
      "Practice id": "BP-001",
      Title: "A 10 am discharge huddle with pharmacy",
      "Problem statement": "Why do discharges wait until the afternoon?",
      "Intervention description": "A 10 am discharge huddle with pharmacy. Everyone attends.",
      "Attempt that did not work": "Paper checklists were ignored",
      "Source site": "Mercy General, Site B",
      "Source clips": "c-1, c-2, c-5",
      Tags: "discharge, patient care, huddle, checklist",
      Status: "draft",
      Version: 1,
      "Updated by": "coordinator@example.org",
    });
    for (const id of ["c-1", "c-2", "c-5"])
      expect(byId(addon, id)).toMatchObject({ "Review status": "promoted", "Promoted to": "BP-001" });
    expect(byId(addon, "c-3")).toMatchObject({ "Review status": "new", "Promoted to": "" });
    // The unlisted site is not named: it may be a real name given without permission.
    expect(report.message).toContain("“Unlisted Hospital”");
    expect(lastAlert(addon)).toBe(report.message);
  });

  it("refuses a clip already promoted, saying which and to what, and changes nothing", () => {
    const addon = learnWorkbook();
    selectRows(addon, "Insights", [2, 2]);
    addon.emulator.ui.respondWith(["OK"]);
    expect(promote(addon).ok).toBe(true);
    const before = snapshot(addon);
    selectRows(addon, "Insights", [2, 4]);
    addon.emulator.ui.takeEvents();
    const again = promote(addon);
    expect(again.ok).toBe(false);
    expect(again.message).toContain("row 2 (clip c-1): already promoted to BP-001");
    expect(snapshot(addon)).toBe(before);
  });

  it("names confidential clips and leaves them out unless the coordinator says yes", () => {
    const addon = learnWorkbook();
    selectRows(addon, "Insights", [4, 5]);
    addon.emulator.ui.respondWith(["NO", "OK"]);
    const report = promote(addon);
    expect(alerts(addon)[0]?.message).toContain("row 5: “Confidential: the board nearly cancelled it”");
    expect(report.message).toContain("1 confidential clip left out");
    expect(practices(addon)[0]?.["Source clips"]).toBe("c-3");
    expect(byId(addon, "c-4")["Review status"]).toBe("new");

    const yes = learnWorkbook();
    selectRows(yes, "Insights", [4, 5]);
    yes.emulator.ui.respondWith(["YES", "OK"]);
    expect(promote(yes).ok).toBe(true);
    expect(practices(yes)[0]?.["Source clips"]).toBe("c-3, c-4");
    // St. Elsewhere has no permission to be named: its pseudonym.
    expect(practices(yes)[0]?.["Source site"]).toBe("Site B, Site C");
  });

  it("changes nothing when the coordinator closes a question or cancels after the PHI note", () => {
    for (const [rows, answers] of [
      [[4, 5], ["CLOSE"]],
      [[3, 3], ["CANCEL"]],
    ] as const) {
      const addon = learnWorkbook();
      const before = snapshot(addon);
      selectRows(addon, "Insights", rows as unknown as [number, number]);
      addon.emulator.ui.respondWith([...answers]);
      expect(promote(addon).ok).toBe(false);
      expect(snapshot(addon)).toBe(before);
    }
  });

  it("refuses an all-confidential selection left out, the header row, another tab and blank rows", () => {
    const cases: [() => void, string, string[]][] = [];
    const addon = learnWorkbook();
    const before = snapshot(addon);
    cases.push([() => selectRows(addon, "Insights", [5, 5]), "every selected clip is confidential", ["NO"]]);
    cases.push([() => selectRows(addon, "Insights", [1, 3]), "includes the header row", []]);
    cases.push([() => selectRows(addon, "Practices", [2, 2]), "on the Practices tab", []]);
    cases.push([() => selectRows(addon, "Insights", [40, 42]), "hold no clips", []]);
    for (const [select, expected, answers] of cases) {
      select();
      addon.emulator.ui.takeEvents();
      addon.emulator.ui.respondWith([...answers, "OK"]);
      const report = promote(addon);
      expect(report.ok).toBe(false);
      expect(
        alerts(addon)
          .map((a) => a.message)
          .join("\n"),
      ).toContain(expected);
      expect(snapshot(addon)).toBe(before);
    }
  });

  it("offers a likely duplicate: yes merges the clips into it as a new version, no drafts a related one", () => {
    const addon = learnWorkbook();
    selectRows(addon, "Insights", [3, 3]);
    addon.emulator.ui.respondWith(["OK", "OK"]);
    promote(addon);
    // The same clip text again (another clip): its draft title is identical to BP-001's.
    writeRows(addon, "Insights", [...CLIPS, { ...CLIPS[1], "Clip id": "c-6", "PHI check": "none" }]);
    selectRows(addon, "Insights", [7, 7]);
    addon.emulator.ui.takeEvents();
    addon.emulator.ui.respondWith(["YES", "OK"]);
    const merged = promote(addon);
    const question = alerts(addon)[0];
    expect(question?.buttons).toBe("YES_NO_CANCEL");
    expect(question?.message).toContain("BP-001 “A 10 am discharge huddle with pharmacy” (similarity 1.00)");
    expect(merged).toMatchObject({ ok: true, practiceId: "BP-001", merged: true });
    expect(practices(addon)).toHaveLength(1);
    expect(practices(addon)[0]).toMatchObject({ Version: 2, "Source clips": "c-2, c-6" });
    expect(history(addon)).toHaveLength(1);
    expect(history(addon)[0]).toMatchObject({ "Practice id": "BP-001", Version: 1 });
    expect(byId(addon, "c-6")["Promoted to"]).toBe("BP-001");

    writeRows(addon, "Insights", [
      ...CLIPS,
      { ...CLIPS[1], "Clip id": "c-6", "PHI check": "none" },
      { ...CLIPS[1], "Clip id": "c-7", "PHI check": "none" },
    ]);
    selectRows(addon, "Insights", [8, 8]);
    addon.emulator.ui.takeEvents();
    addon.emulator.ui.respondWith(["NO", "OK"]);
    const related = promote(addon);
    expect(related.practiceId).toBe("BP-002");
    expect(String(practices(addon)[1]?.Evidence)).toContain("Related: BP-001");
  });
});
