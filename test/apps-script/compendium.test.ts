// Export compendium on the built bundle: published practices only, grouped by tag in the best-practice
// template, the charter's ownership and dissemination statement first, sites named by the naming rule,
// confidential material left out, the same document rewritten on re-export, small counts suppressed when shared.
import { describe, expect, it } from "vitest";
import type { Addon } from "../helpers/addon.ts";
import { evaluationExchange, IDENTIFIED, PRIVATE_NAME, run, stored } from "./evaluateWorkbook.ts";
import { settingLabel, writeForm, writeRows } from "./peerWorkbook.ts";

type Report = { ok: boolean; message: string; id?: string; included?: string[]; leftOut?: string[] };

const OWNERSHIP = "The compendium belongs jointly to the participating hospitals.";
const DISSEMINATION = "Shared within the participating hospitals; outside only with every site's consent.";
const SECRET = "Our night-shift staffing ratio was cut to one nurse per twelve patients";

function practice(values: Record<string, unknown>): Record<string, unknown> {
  return {
    "Problem statement": "Discharges cluster after 3 pm.",
    "Intervention description": "Discharge huddle at 9:00 with pharmacy.",
    "Outcome metric": "Discharges before noon (%)",
    Baseline: 18,
    Result: 41,
    "Implementation tips": "Start with one unit.",
    "Potential barriers": "Pharmacy staffing.",
    "Required adaptations": "Smaller sites merge the huddle with bed meeting.",
    Evidence: "Run chart, 12 weeks.",
    "Attempt that did not work": "Discharge lounge without transport.",
    Status: "published",
    ...values,
  };
}

function exchangeWithPractices(): Addon {
  const addon = evaluationExchange();
  writeForm(addon, "Charter", {
    "Exchange name": "Discharge before noon exchange",
    Ownership: OWNERSHIP,
    Dissemination: DISSEMINATION,
  });
  writeRows(addon, "Insights", [
    { "Clip id": "c-open", Text: "Huddle at nine with pharmacy and case management", Confidential: false },
    { "Clip id": "c-secret", Text: SECRET, Confidential: true },
    { "Clip id": "c-secret-2", Text: "Internal incident data we may not share", Confidential: true },
  ]);
  writeRows(addon, "Practices", [
    practice({
      "Practice id": "p1",
      Title: "Morning discharge huddle",
      "Source site": PRIVATE_NAME,
      Tags: "discharge planning, pharmacy",
      "Source clips": "c-open",
    }),
    practice({
      "Practice id": "p2",
      Title: "Teach-back at discharge",
      "Source site": IDENTIFIED,
      Tags: "patient education",
      "Potential barriers": `Staffing: ${SECRET.toLowerCase()}.`,
      "Source clips": "c-open, c-secret",
    }),
    practice({
      "Practice id": "p3",
      Title: "Incident review shortcut",
      "Source site": "Site B",
      Tags: "safety",
      "Source clips": "c-secret-2",
    }),
    practice({ "Practice id": "p4", Title: "Draft idea", Status: "draft", Tags: "discharge planning" }),
    practice({ "Practice id": "p5", Title: "Bedside checklist", "Source site": "Site C", Tags: "" }),
  ]);
  return addon;
}

const text = (addon: Addon, id: string) => addon.emulator.documents.text(id);

describe("Export compendium (built bundle)", () => {
  it("writes published practices by tag in the template, the charter statement first, by the naming rule", () => {
    const addon = exchangeWithPractices();
    const report = run<Report>(addon, "exportCompendium");
    expect(report.ok, report.message).toBe(true);
    const doc = addon.emulator.documents.get(report.id!)!;
    const body = text(addon, report.id!);

    expect(doc.body[0]).toMatchObject({ type: "PARAGRAPH", heading: "TITLE" });
    expect(doc.body[0]!.type === "PARAGRAPH" && doc.body[0]!.text).toBe(
      "Discharge before noon exchange: best-practice compendium",
    );
    // The statement comes before any practice.
    expect(body.indexOf(OWNERSHIP)).toBeGreaterThan(0);
    expect(body.indexOf(DISSEMINATION)).toBeLessThan(body.indexOf("Morning discharge huddle"));

    expect(report.included).toEqual([
      "Morning discharge huddle",
      "Teach-back at discharge",
      "Bedside checklist",
    ]);
    expect(body).not.toContain("Draft idea");
    // All its source clips are confidential: left out, and said so.
    expect(body).not.toContain("Incident review shortcut");
    expect(report.leftOut).toEqual(["Incident review shortcut (all its source clips are confidential)"]);
    // Text copied from a confidential clip is withheld, the rest of the practice kept.
    expect(body.toLowerCase()).not.toContain("night-shift staffing ratio");
    expect(body).toContain("Potential barriers: Withheld: drawn from a confidential clip.");
    expect(report.message).toMatch(/Teach-back at discharge: Potential barriers/);

    // Naming rule: the private site by pseudonym (even when its real name was typed), the other by name.
    expect(body).not.toContain(PRIVATE_NAME);
    expect(body).toContain("Source site: Site B");
    expect(body).toContain(`Source site: ${IDENTIFIED}`);

    // Grouped by tag: headings in order; the first tag holds the practice, the second points to it.
    const headings = doc.body
      .filter((b) => b.type === "PARAGRAPH" && b.heading === "HEADING1")
      .map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      "Ownership and dissemination",
      "Practices by tag",
      "discharge planning",
      "patient education",
      "pharmacy",
      "Untagged",
    ]);
    expect(body).toContain("See also: Morning discharge huddle (under discharge planning)");
    const huddle = body.slice(body.indexOf("Morning discharge huddle"));
    for (const label of [
      "Problem: Discharges cluster after 3 pm.",
      "Intervention: Discharge huddle at 9:00 with pharmacy.",
      "Outcome: Discharges before noon (%): baseline 18 → result 41, +23.0 (+127.8 %)",
      "Implementation tips: Start with one unit.",
      "Adaptations for other contexts: Smaller sites merge",
      "What did not work: Discharge lounge without transport.",
      "Evidence: Run chart, 12 weeks.",
    ])
      expect(huddle).toContain(label);
    const table = doc.body.find((b) => b.type === "TABLE");
    expect(table).toMatchObject({
      cells: [
        ["Tag", "Practices"],
        ["discharge planning", "1"],
        ["patient education", "1"],
        ["pharmacy", "1"],
        ["Untagged", "1"],
      ],
    });
  });

  it("re-export rewrites the same document, not a second one", () => {
    const addon = exchangeWithPractices();
    const first = run<Report>(addon, "exportCompendium");
    writeRows(addon, "Practices", [{ Title: "Morning discharge huddle, revised" }]);
    const second = run<Report>(addon, "exportCompendium");
    expect(second.id).toBe(first.id);
    expect(addon.emulator.documents.ids()).toEqual([first.id]);
    const body = text(addon, first.id!);
    expect(body).toContain("Morning discharge huddle, revised");
    expect(body.split("best-practice compendium")).toHaveLength(2);
    expect(second.message).toMatch(/^Updated the compendium/);
  });

  it("a document deleted or no longer shared: says so, and makes a new one only when asked", () => {
    const addon = exchangeWithPractices();
    const first = run<Report>(addon, "exportCompendium");
    addon.emulator.documents.revokeAccess(first.id!);
    const declined = run<Report>(addon, "exportCompendium", ["NO", "OK"]);
    expect(declined.ok).toBe(false);
    expect(addon.emulator.ui.events.find((e) => e.type === "alert")?.message).toMatch(
      /deleted, or it is no longer shared with you/,
    );
    expect(stored(addon, "compendiumDocumentId")).toBe(first.id);
    expect(addon.emulator.documents.ids()).toEqual([first.id]);

    addon.emulator.documents.delete(first.id!);
    const renewed = run<Report>(addon, "exportCompendium", ["YES", "OK"]);
    expect(renewed.ok).toBe(true);
    expect(renewed.id).not.toBe(first.id);
    expect(stored(addon, "compendiumDocumentId")).toBe(renewed.id);
  });

  it("shared outside the exchange: small counts and small outcome figures are suppressed", () => {
    const addon = exchangeWithPractices();
    writeForm(addon, "Settings", { [settingLabel("compendiumShared")]: "yes" });
    writeRows(addon, "Practices", [{ Baseline: 7, Result: 3 }]);
    const report = run<Report>(addon, "exportCompendium");
    const doc = addon.emulator.documents.get(report.id!)!;
    const table = doc.body.find((b) => b.type === "TABLE") as { cells: string[][] };
    expect(table.cells.slice(1).map((row) => row[1])).toEqual(Array(4).fill("suppressed (small count)"));
    const body = text(addon, report.id!);
    expect(body).toContain(
      "Outcome: Discharges before noon (%): suppressed (small count) → suppressed (small count)",
    );
    expect(body).toMatch(/Counts from 1 to 10, and any that would reveal them, are not shown/);
    expect(report.message).toMatch(/counts from 1 to 10 are suppressed/);
  });

  it("no ownership statement, or nothing published: a clear message and no document", () => {
    const addon = exchangeWithPractices();
    writeForm(addon, "Charter", { Ownership: "" });
    const noStatement = run<Report>(addon, "exportCompendium");
    expect(noStatement.ok).toBe(false);
    expect(noStatement.message).toMatch(/Fill in Ownership and Dissemination/);

    writeForm(addon, "Charter", { Ownership: OWNERSHIP });
    writeRows(addon, "Practices", Array(5).fill({ Status: "draft" }));
    const nothing = run<Report>(addon, "exportCompendium");
    expect(nothing.ok).toBe(false);
    expect(nothing.message).toMatch(/No practice is published yet/);
    expect(addon.emulator.documents.ids()).toEqual([]);
  });
});
