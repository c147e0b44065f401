// The 12-month impact review on the built bundle: rows from the charter's targets, change formulas
// (evaluated by HyperFormula) against shared/methods/change.ts, Project BOOST's published example, a zero
// baseline, a target without a baseline, typed results kept on a second run, one chart.
import { describe, expect, it } from "vitest";
import { change, describeChange } from "../../shared/methods/change.ts";
import { ZERO_BASELINE } from "../../shared/schema/index.ts";
import type { Addon } from "../helpers/addon.ts";
import { evaluationExchange, run } from "./evaluateWorkbook.ts";
import { records, workbook, writeRows } from "./peerWorkbook.ts";

type Report = { ok: boolean; message: string; added?: number; updated?: number; withoutBaseline?: string[] };

const READMISSIONS = "30-day readmissions";

function withTargets(): Addon {
  const addon = evaluationExchange();
  writeRows(addon, "Targets", [
    { Metric: READMISSIONS, Unit: "%", Direction: "lower is better", Baseline: 14.7, Target: 13 },
    { Metric: "Falls with harm", Unit: "falls", Direction: "lower is better", Baseline: 0, Target: 0 },
    { Metric: "Patient experience", Unit: "score", Direction: "higher is better", Baseline: "", Target: 80 },
  ]);
  return addon;
}

function impactRow(addon: Addon, metric: string): Record<string, unknown> {
  const row = records(addon, "Impact 12m").find((r) => r.Metric === metric);
  if (!row) throw new Error(`no Impact 12m row for ${metric}`);
  return row;
}

/** Types a result into the Impact 12m row of `metric`, as the reviewer would. */
function typeResult(addon: Addon, metric: string, result: number): void {
  const sheet = workbook(addon).getSheetByName("Impact 12m")!;
  const rows = sheet.getDataRange().getValues();
  const headers = rows[0] as string[];
  const at = rows.findIndex((r) => r[headers.indexOf("Metric")] === metric);
  sheet.getRange(at + 1, headers.indexOf("Result") + 1).setValue(result);
}

function impactCharts(addon: Addon) {
  return workbook(addon).getSheetByName("Impact 12m")!.getCharts();
}

describe("12-month impact review (built bundle)", () => {
  it("Project BOOST: 14.7 % → 12.7 % is −2.0 points and −13.6 %; target met lower-is-better", () => {
    const addon = withTargets();
    const first = run<Report>(addon, "reviewImpact");
    expect(first.ok, first.message).toBe(true);
    typeResult(addon, READMISSIONS, 12.7);
    const row = impactRow(addon, READMISSIONS);
    const reference = change({ baseline: 14.7, result: 12.7, isRate: true, direction: "lower", target: 13 });
    expect(row["Absolute change"] as number).toBeCloseTo(reference.absolute, 10);
    expect(row["Absolute change"] as number).toBeCloseTo(-2.0, 10);
    expect(row["Relative change %"] as number).toBeCloseTo(reference.relativePercent!, 10);
    expect((row["Relative change %"] as number).toFixed(1)).toBe("-13.6");
    expect(row["Target met"]).toBe(true);
    expect(describeChange(reference)).toBe("−2.0 points (−13.6 %)");

    const second = run<Report>(addon, "reviewImpact");
    expect(second.message).toContain(`${READMISSIONS}: 14.7 → 12.7 %, −2.0 points (−13.6 %); target met.`);
  });

  it("a zero baseline makes the relative change undefined, never a division", () => {
    const addon = withTargets();
    run<Report>(addon, "reviewImpact");
    typeResult(addon, "Falls with harm", 2);
    const row = impactRow(addon, "Falls with harm");
    expect(row["Absolute change"]).toBe(2);
    expect(row["Relative change %"]).toBe(ZERO_BASELINE);
    expect(row["Target met"]).toBe(false);
    const report = run<Report>(addon, "reviewImpact");
    expect(report.message).toContain(
      "Falls with harm: 0 → 2 falls, +2.0 (relative change undefined (baseline 0)); target not met.",
    );
  });

  it("a target without a baseline is named and left out", () => {
    const addon = withTargets();
    const report = run<Report>(addon, "reviewImpact");
    expect(report.withoutBaseline).toEqual(["Patient experience"]);
    expect(report.message).toMatch(/no baseline on the Targets tab: Patient experience/);
    expect(records(addon, "Impact 12m").map((r) => r.Metric)).toEqual([READMISSIONS, "Falls with harm"]);
  });

  it("re-running keeps typed results, follows charter edits, adds new targets and keeps one chart", () => {
    const addon = withTargets();
    run<Report>(addon, "reviewImpact");
    expect(impactCharts(addon)).toHaveLength(1);
    typeResult(addon, READMISSIONS, 12.7);
    writeRows(addon, "Targets", [
      { Metric: READMISSIONS, Unit: "%", Direction: "lower is better", Baseline: 14.7, Target: 12.5 },
      { Metric: "Falls with harm", Unit: "falls", Direction: "lower is better", Baseline: 0, Target: 0 },
      {
        Metric: "Patient experience",
        Unit: "score",
        Direction: "higher is better",
        Baseline: 71,
        Target: 80,
      },
    ]);
    const report = run<Report>(addon, "reviewImpact");
    expect(report.added).toBe(1);
    expect(report.updated).toBe(1);
    const rows = records(addon, "Impact 12m");
    expect(rows).toHaveLength(3);
    expect(impactRow(addon, READMISSIONS)).toMatchObject({ Result: 12.7, Target: 12.5, "Target met": false });

    const charts = impactCharts(addon);
    expect(charts).toHaveLength(1);
    expect(charts[0]!.getOptions().get("title")).toBe("Baseline, result and target per charter target");
    const data = workbook(addon).getSheetByName("Impact Chart")!.getDataRange().getValues();
    expect(data).toEqual([
      ["Metric", "Baseline", "Result", "Target"],
      [`${READMISSIONS} (%)`, 14.7, 12.7, 12.5],
      ["Falls with harm (falls)", 0, "", 0],
      ["Patient experience (score)", 71, "", 80],
    ]);
  });

  it("no targets: a clear message and nothing written", () => {
    const addon = evaluationExchange();
    const report = run<Report>(addon, "reviewImpact");
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/no targets yet/);
    expect(records(addon, "Impact 12m")).toEqual([]);
    expect(impactCharts(addon)).toHaveLength(0);
  });
});
