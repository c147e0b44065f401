import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pseudonym } from "../../../shared/methods/pseudonyms.ts";
import { facilitatorRotation, rotationViolations } from "../../../shared/methods/rotation.ts";

const sitesOf = (n: number) => Array.from({ length: n }, (_, i) => pseudonym(i));

describe("facilitator rotation", () => {
  it.each([4, 5, 6])("%i sites presenting in order: each facilitates once, never its own case", (n) => {
    const sites = sitesOf(n);
    const sessions = sites.map((presenter) => ({ presenter }));
    const r = facilitatorRotation(sites, sessions);
    expect(r.issues).toEqual([]);
    expect(new Set(r.facilitators).size).toBe(n);
    r.facilitators.forEach((f, i) => {
      expect(f).not.toBe(sites[i]);
    });
    // The site after the presenter facilitates: A's case by B, …, the last by A.
    expect(r.facilitators).toEqual([...sites.slice(1), sites[0]]);
  });

  it.each([4, 5, 6])("%i sites: both rules hold for any sequence of sessions (property)", (n) => {
    const sites = sitesOf(n);
    const session = fc
      .option(fc.constantFrom(...sites), { nil: undefined })
      .map((presenter) => ({ presenter }));
    fc.assert(
      fc.property(fc.array(session, { maxLength: 4 * n }), (sessions) => {
        const r = facilitatorRotation(sites, sessions);
        // The only impossible block is one in which a single site presents every session.
        if (r.issues.length) return r.issues.every((m) => /one site presents in all/.test(m));
        return (
          r.facilitators.every((f) => f !== undefined) &&
          rotationViolations(sites, sessions, r.facilitators).length === 0
        );
      }),
      { numRuns: 300 },
    );
  });

  it("detects violations in a hand-made rotation", () => {
    const sites = sitesOf(4);
    const sessions = sites.map((presenter) => ({ presenter }));
    expect(rotationViolations(sites, sessions, ["Site B", "Site B", "Site D", "Site C"])).toEqual([
      "Session 2: Site B facilitates its own case.",
      "Session 2: Site B facilitates again before every site has once.",
    ]);
  });

  it("says so when a rotation is impossible", () => {
    expect(facilitatorRotation(["Site A"], [{ presenter: "Site A" }]).issues[0]).toMatch(/two sites/);
    const stuck = facilitatorRotation(
      ["Site A", "Site B"],
      [{ presenter: "Site A" }, { presenter: "Site A" }],
    );
    expect(stuck.issues[0]).toMatch(/one site presents in all/);
  });
});
