import { describe, expect, it } from "vitest";
import { buildAgenda, isTalkSession, slideWarning } from "../../../shared/methods/agenda.ts";
import { pseudonym } from "../../../shared/methods/pseudonyms.ts";
import { rotationViolations } from "../../../shared/methods/rotation.ts";

const sites = (n: number) => Array.from({ length: n }, (_, i) => ({ label: pseudonym(i) }));

describe("buildAgenda", () => {
  it("a case and a Q&A per site, breaks, breakouts, a walk-through, in a 4-hour slot", () => {
    const a = buildAgenda(sites(4), {
      slotMinutes: 240,
      subIssues: ["Discharge checklists", "Pharmacy timing"],
      scribes: ["Ana", "Ben"],
    });
    expect(a.sessions.map((s) => s.format)).toEqual([
      "rapid-fire case",
      "Q&A",
      "rapid-fire case",
      "Q&A",
      "rapid-fire case",
      "Q&A",
      "break",
      "rapid-fire case",
      "Q&A",
      "break",
      "breakout workshop",
      "breakout workshop",
      "process walk-through (live)",
    ]);
    const [case1, qa1] = a.sessions;
    expect(case1).toMatchObject({
      duration: 15,
      startOffset: 0,
      endOffset: 15,
      presenter: "Site A",
      facilitator: "Site B",
    });
    expect(qa1).toMatchObject({ duration: 5, startOffset: 15, facilitator: "Site B", scribe: case1!.scribe });
    // Breakouts run in parallel: 4 × 20 + 2 × 10 = 100, then 30, then the 20-minute walk-through.
    const breakouts = a.sessions.filter((s) => s.format === "breakout workshop");
    expect(breakouts.map((s) => s.startOffset)).toEqual([100, 100]);
    expect(breakouts.map((s) => s.subIssue)).toEqual(["Discharge checklists", "Pharmacy timing"]);
    expect(a.totalMinutes).toBe(150);
    expect(a.overrunMinutes).toBe(0);
    expect(a.sessions.every((s) => s.format === "break" || s.scribe)).toBe(true);
    expect(a.issues).toEqual([]);
  });

  it.each([4, 5, 6])("%i sites: facilitation rotates, never the presenter's own case", (n) => {
    const a = buildAgenda(sites(n), { slotMinutes: 300, subIssues: ["One", "Two"], scribes: ["S"] });
    // One turn per case (its Q&A shares the facilitator), per breakout, and the walk-through.
    const turns = a.sessions.filter((s) => s.format !== "break" && s.format !== "Q&A");
    expect(turns).toHaveLength(n + 3);
    const labels = sites(n).map((s) => s.label);
    expect(
      rotationViolations(
        labels,
        turns,
        turns.map((s) => s.facilitator),
      ),
    ).toEqual([]);
    expect(turns.every((s) => s.facilitator && s.facilitator !== s.presenter)).toBe(true);
  });

  it("flags overruns and slide counts outside 5–7", () => {
    const a = buildAgenda(
      [
        { label: "Site A", slides: 12 },
        { label: "Site B", slides: 6 },
        { label: "Site C", slides: 4 },
      ],
      {
        slotMinutes: 60,
        scribes: ["S"],
      },
    );
    expect(a.overrunMinutes).toBe(a.totalMinutes - 60);
    expect(a.sessions.filter((s) => s.overrun).length).toBeGreaterThan(0);
    expect(a.sessions.find((s) => s.endOffset <= 60)!.overrun).toBe(false);
    expect(a.issues.some((i) => /runs \d+ minutes over/.test(i))).toBe(true);
    expect(a.issues).toContain("Site A: 12 slides: keep each case to 5–7 key slides.");
    expect(a.issues).toContain("Site C: 4 slides: keep each case to 5–7 key slides.");
    expect(slideWarning(6)).toBeUndefined();
    expect(slideWarning(8, { min: 3, max: 10 })).toBeUndefined();
  });

  it("needs two sites, and asks for scribes", () => {
    expect(buildAgenda(sites(1), { slotMinutes: 120 }).issues[0]).toMatch(
      /at least 2 selected sites \(found 1\)/,
    );
    expect(buildAgenda(sites(3), { slotMinutes: 240 }).issues.some((i) => /No scribes/.test(i))).toBe(true);
  });
});

describe("isTalkSession", () => {
  it("is false for breaks and Build agenda's end-of-slot marker, true for any other session", () => {
    expect(isTalkSession({ session: "Case: Site A", format: "rapid-fire case" })).toBe(true);
    expect(isTalkSession({ session: "Closing: commitments", format: "closing" })).toBe(true);
    expect(isTalkSession({ session: "Break", format: "break" })).toBe(false);
    expect(isTalkSession({ session: " End of time slot ", format: "closing " })).toBe(false);
    // A session a coordinator names so, in another format, is still a session.
    expect(isTalkSession({ session: "End of time slot", format: "Q&A" })).toBe(true);
  });
});
