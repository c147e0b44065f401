// The Best-practice summary sidebar on the built bundle: save → history → restore round trip, a save
// that changes nothing, the refusal when the row was edited meanwhile, and the duplicate check of a new
// practice (near-identical and unrelated titles; link, merge, go on).
import { describe, expect, it } from "vitest";
import type { Addon } from "../helpers/addon.ts";
import { history, learnWorkbook, practices, selectRows } from "./learnFixture.ts";
import { alerts, workbook } from "./peerWorkbook.ts";

type Content = Record<string, string>;
type View = {
  practice: { id: string; version: number; content: Content } | null;
  list: { id: string; title: string }[];
  history: { version: number; savedBy: string; whatChanged: string; restorable: boolean }[];
  fields: { key: string; label: string }[];
  mode: string;
};
type Outcome = { saved: boolean; message: string; view?: View; duplicates?: { id: string; score: number }[] };
type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

function promoted(): Addon {
  const addon = learnWorkbook();
  selectRows(addon, "Insights", [2, 3]);
  addon.emulator.ui.respondWith(["OK", "OK"]);
  addon.run("promoteToPractice");
  addon.emulator.ui.takeEvents();
  return addon;
}

const get = (addon: Addon, id: string) => addon.run("getPracticeSummary", id) as Result<View>;
const save = (addon: Addon, payload: unknown) => addon.run("savePracticeSummary", payload) as Result<Outcome>;
const restore = (addon: Addon, payload: unknown) =>
  addon.run("restorePracticeVersion", payload) as Result<Outcome>;

function loaded(addon: Addon, id = "BP-001"): NonNullable<View["practice"]> {
  const view = get(addon, id);
  if (!view.ok || !view.value.practice) throw new Error(`could not load ${id}`);
  return view.value.practice;
}

function edit(addon: Addon, changes: Content, id = "BP-001"): Result<Outcome> {
  const p = loaded(addon, id);
  return save(addon, {
    id: p.id,
    baseVersion: p.version,
    base: p.content,
    content: { ...p.content, ...changes },
  });
}

const emptyContent = (addon: Addon): Content => {
  const view = get(addon, "") as { ok: true; value: View };
  return Object.fromEntries(view.value.fields.map((f) => [f.key, f.key === "status" ? "draft" : ""]));
};

describe("Best-practice summary", () => {
  it("saves a change as the next version, keeping the previous one in Practice History", () => {
    const addon = promoted();
    const result = edit(addon, {
      title: "Discharge huddle at 10 am",
      outcomeBaseline: "5.2",
      outcomeResult: "4.4",
    });
    expect(result.ok && result.value.saved).toBe(true);
    expect(result.ok && result.value.message).toContain("version 2");
    const [row] = practices(addon);
    expect(row).toMatchObject({ Title: "Discharge huddle at 10 am", Baseline: 5.2, Result: 4.4, Version: 2 });
    const [entry, ...more] = history(addon);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      "Practice id": "BP-001",
      Title: "A 10 am discharge huddle with pharmacy",
      Version: 1,
      "Saved by": "coordinator@example.org",
      "What changed": "Title, Baseline, Result",
    });
    const snapshot = JSON.parse(String(entry?.["Previous version"]));
    expect(snapshot).toMatchObject({
      practiceId: "BP-001",
      version: 1,
      content: { title: "A 10 am discharge huddle with pharmacy" },
    });
  });

  it("says so and writes nothing when nothing changed", () => {
    const addon = promoted();
    const before = JSON.stringify([addon.sheet("Practices"), addon.sheet("Practice History")]);
    const result = edit(addon, { title: "  A 10 am discharge huddle with pharmacy " });
    expect(result.ok && result.value).toMatchObject({ saved: false });
    expect(result.ok && result.value.message).toContain("Nothing changed");
    expect(JSON.stringify([addon.sheet("Practices"), addon.sheet("Practice History")])).toBe(before);
  });

  it("restores any earlier version as a new version, with history appended", () => {
    const addon = promoted();
    edit(addon, { title: "Second title" });
    edit(addon, { title: "Third title", status: "reviewed" });
    const current = loaded(addon);
    expect(current.version).toBe(3);
    const restored = restore(addon, { id: "BP-001", version: 1, baseVersion: 3 });
    expect(restored.ok && restored.value.message).toContain("Restored version 1 of BP-001 as version 4");
    expect(practices(addon)[0]).toMatchObject({
      Title: "A 10 am discharge huddle with pharmacy",
      Status: "draft",
      Version: 4,
    });
    expect(history(addon).map((h) => h.Version)).toEqual([1, 2, 3]);
    expect(history(addon)[2]?.["What changed"]).toBe("Title, Status (restored version 1)");
    // The round trip: version 3 comes back too.
    restore(addon, { id: "BP-001", version: 3, baseVersion: 4 });
    expect(practices(addon)[0]).toMatchObject({ Title: "Third title", Status: "reviewed", Version: 5 });
    const view = get(addon, "BP-001");
    expect(view.ok && view.value.history.map((h) => h.version)).toEqual([4, 3, 2, 1]);
  });

  it("refuses a restore of the current version, a missing version and a stale sidebar", () => {
    const addon = promoted();
    edit(addon, { title: "Second title" });
    const current = restore(addon, { id: "BP-001", version: 2, baseVersion: 2 });
    expect(current.ok && current.value).toMatchObject({ saved: false });
    const missing = restore(addon, { id: "BP-001", version: 7, baseVersion: 2 });
    expect(!missing.ok && missing.error.message).toContain("no version 7");
    const stale = restore(addon, { id: "BP-001", version: 1, baseVersion: 1 });
    expect(!stale.ok && stale.error.code).toBe("edited_meanwhile");
    expect(practices(addon)[0]?.Version).toBe(2);
  });

  it("refuses a save over a row edited in the sheet meanwhile, and shows what changed", () => {
    const addon = promoted();
    const opened = loaded(addon);
    const sheet = workbook(addon).getSheetByName("Practices")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    sheet.getRange(2, headers.indexOf("Implementation tips") + 1).setValue("Start on one ward");
    const before = JSON.stringify([addon.sheet("Practices"), addon.sheet("Practice History")]);
    const result = save(addon, {
      id: opened.id,
      baseVersion: opened.version,
      base: opened.content,
      content: { ...opened.content, title: "Mine" },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("edited_meanwhile");
    expect(result.error.message).toContain("Implementation tips: (empty) → “Start on one ward”");
    expect(JSON.stringify([addon.sheet("Practices"), addon.sheet("Practice History")])).toBe(before);
    // A version raised by another save is refused too, even with the same content.
    const again = loaded(addon);
    edit(addon, { title: "Theirs" });
    const late = save(addon, {
      id: again.id,
      baseVersion: again.version,
      base: again.content,
      content: { ...again.content, title: "Mine" },
    });
    expect(!late.ok && late.error.message).toContain(
      "Title: “A 10 am discharge huddle with pharmacy” → “Theirs”",
    );
  });

  it("refuses bad input with a clear message: a bad number, an unknown status, an empty title", () => {
    const addon = promoted();
    for (const [changes, text] of [
      [{ outcomeBaseline: "five" }, "Baseline must be a number"],
      [{ status: "approved" }, "Status must be one of: draft, reviewed, published"],
      [{ title: " " }, "title"],
    ] as const) {
      const result = edit(addon, changes);
      expect(!result.ok && result.error.message).toContain(text);
    }
    expect(practices(addon)[0]?.Version).toBe(1);
    expect(history(addon)).toEqual([]);
  });

  it("lists near-identical practices before saving a new one, and saves unrelated ones at once", () => {
    const addon = promoted();
    const content = emptyContent(addon);
    const near = save(addon, { content: { ...content, title: "10 am discharge huddle with the pharmacy" } });
    expect(near.ok && near.value.saved).toBe(false);
    const duplicates = near.ok ? (near.value.duplicates ?? []) : [];
    expect(duplicates.map((d) => d.id)).toEqual(["BP-001"]);
    expect(duplicates[0]?.score).toBeGreaterThanOrEqual(0.6);
    expect(practices(addon)).toHaveLength(1);

    const unrelated = save(addon, { content: { ...content, title: "Fall prevention rounds at night" } });
    expect(unrelated.ok && unrelated.value).toMatchObject({ saved: true });
    expect(practices(addon).map((p) => p["Practice id"])).toEqual(["BP-001", "BP-002"]);
  });

  it("links, merges or goes on when the coordinator chooses", () => {
    const addon = promoted();
    const content = {
      ...emptyContent(addon),
      title: "10 am discharge huddle with the pharmacy",
      implementationTips: "Book the room",
    };
    const linked = save(addon, { content, decision: { action: "link", target: "BP-001" } });
    expect(linked.ok && linked.value.message).toContain("BP-002");
    expect(practices(addon)[1]?.Evidence).toBe("Related: BP-001");

    const merged = save(addon, { content, decision: { action: "merge", target: "BP-001" } });
    expect(merged.ok && merged.value.saved).toBe(true);
    expect(practices(addon)).toHaveLength(2);
    expect(practices(addon)[0]).toMatchObject({ "Implementation tips": "Book the room", Version: 2 });

    const onward = save(addon, { content, decision: { action: "new" } });
    expect(onward.ok && onward.value.message).toContain("BP-003");
    const gone = save(addon, { content, decision: { action: "merge", target: "BP-099" } });
    expect(!gone.ok && gone.error.message).toContain("BP-099");
  });

  it("opens on the practice of the active Practices row, escapes its data, and says what to do without one", () => {
    const addon = promoted();
    edit(addon, { title: '"><script>alert(1)</script>' });
    selectRows(addon, "Practices", [2, 2]);
    addon.run("showPracticeSummary");
    const sidebar = addon.emulator.ui.takeEvents().find((e) => e.type === "sidebar");
    const html = sidebar?.html ?? "";
    expect(html).toContain("Best-practice summary");
    expect(html).toContain("BP-001");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toMatch(/<html lang="en">/);

    const empty = learnWorkbook();
    empty.emulator.ui.respondWith(["OK"]);
    empty.run("showRestoreVersion");
    expect(alerts(empty)[0]?.message).toContain("no practice on the Practices tab yet");
  });
});
