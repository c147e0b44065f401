// Shared outputs on the built bundle: the LP audit (the solver bundled for es2019) runs in the add-on as it
// runs in Apps Script, and suppression follows the Settings switch.
import { describe, expect, it } from "vitest";
import type { SuppressionResult } from "../../shared/methods/suppression.ts";
import { openAddon } from "../helpers/addon.ts";
import { settingLabel, setUp, writeForm } from "./peerWorkbook.ts";

// The 4×4 table where the row-and-column heuristic alone leaves a hidden 1 pinned by the margins.
const LEAKY = [
  [32, 31, 1, 14],
  [28, 2, 31, 30],
  [37, 31, 30, 12],
  [17, 21, 1, 35],
];

function workbookSharing(dashboard: "yes" | "no") {
  const addon = openAddon();
  setUp(addon);
  writeForm(addon, "Settings", { [settingLabel("dashboardShared")]: dashboard });
  return addon;
}

describe("shared outputs (built bundle)", () => {
  it("suppresses and audits a shared Dashboard's counts with the bundled solver", () => {
    const addon = workbookSharing("yes");
    const result = addon.run("sharedCounts_", "dashboard", LEAKY) as SuppressionResult;
    expect(result.solverCalls).toBeGreaterThan(0);
    expect(result.unprotected).toEqual([]);
    expect(result.suppressed[1]![2]).toBe(true); // the complement the audit added
    const primaries = result.audit.filter((a) => a.primary);
    expect(primaries.map((a) => [a.row, a.col])).toEqual([
      [0, 2],
      [1, 1],
      [3, 2],
    ]);
    for (const a of primaries) expect([a.min, a.max > 10, a.protected]).toEqual([0, true, true]);
    expect(result.shown.flat()).not.toContain(1);
    // The compendium is not shared: its counts are shown as they are.
    const inside = addon.run("sharedCounts_", "compendium", LEAKY) as SuppressionResult;
    expect(inside.shown).toEqual(LEAKY);
  });

  it("shows an unshared Dashboard's counts as they are", () => {
    const addon = workbookSharing("no");
    const result = addon.run("sharedCounts_", "dashboard", LEAKY) as SuppressionResult;
    expect(result.suppressed.flat().some(Boolean)).toBe(false);
    expect(result.solverCalls).toBe(0);
  });
});
