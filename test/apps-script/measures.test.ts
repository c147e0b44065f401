// Analyze measures on the built bundle: signals, XmR limits and readings written per site and measure,
// one run chart per series (replaced, never duplicated, on a second run), adoption by period, and bad
// input stopped with a message that names the rows while nothing is written.
import { describe, expect, it } from "vitest";
import { runChart } from "../../shared/methods/runChart.ts";
import { xmr } from "../../shared/methods/xmr.ts";
import { CDI, CDI_FIRST_MONTH } from "../fixtures/cdi.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";
import { alerts, lastAlert, records, setUp, workbook, writeRows } from "./peerWorkbook.ts";

type Report = { ok: boolean; message: string; series: number; charts: Record<string, number> };
type Chart = { type: string; ranges: string[]; options: Record<string, unknown> };

const month = (i: number) => new Date(Date.UTC(2025, i, 1));
const LOS = "Length of stay (days)";
// Twelve baseline months around 5, then eight months around 4: a sustained shift down after the change.
const SITE_A = [
  5.1, 4.9, 5.2, 5.0, 4.8, 5.3, 5.0, 4.9, 5.1, 5.2, 4.8, 5.0, 4.2, 4.0, 4.1, 3.9, 4.3, 4.0, 4.1, 3.8,
];
const SITE_B = [61, 58, 63, 60, 59, 62, 64, 57];

function measureRows(site: string, measure: string, values: readonly number[], baseline = 0) {
  return values.map((v, i) => ({
    Site: site,
    Measure: measure,
    Period: month(i),
    Value: v,
    Baseline: i < baseline,
  }));
}

function exchange(rows: readonly Record<string, unknown>[]): Addon {
  const addon = openAddon();
  setUp(addon);
  if (rows.length) writeRows(addon, "Measures", rows);
  return addon;
}

function analyze(addon: Addon): Report {
  addon.emulator.ui.respondWith(["OK"]);
  return addon.run("analyzeMeasures") as Report;
}

function chartsOn(addon: Addon, tab: string): Chart[] {
  const sheet = addon.emulator.spreadsheets.describe().sheets.find((s: { name: string }) => s.name === tab);
  return (sheet?.charts ?? []) as Chart[];
}

const standard = (): Record<string, unknown>[] => [
  ...measureRows("Site A", LOS, SITE_A, 12),
  ...measureRows("Site B", "Discharges before noon (%)", SITE_B),
];

describe("Analyze measures (built bundle)", () => {
  it("writes each series' centre, rules, XmR limits and reading, as the shared methods compute them", () => {
    const addon = exchange(standard());
    const report = analyze(addon);
    expect(report.ok).toBe(true);
    expect(report.series).toBe(2);
    const rows = records(addon, "Measure Analysis");
    expect(rows.map((r) => [r.Site, r.Measure])).toEqual([
      ["Site A", LOS],
      ["Site B", "Discharges before noon (%)"],
    ]);
    const [a, b] = rows as [Record<string, unknown>, Record<string, unknown>];

    const runA = runChart(SITE_A, { baseline: 12 });
    const limitsA = xmr(SITE_A, { baseline: 12 });
    expect(a["Centre line"]).toBe(runA.centre);
    expect(a["Centre line"]).toBe(5);
    expect(a["Centre from"]).toBe("baseline median (first 12 points)");
    expect(a["Useful points"]).toBe(runA.useful);
    expect(a["Shift (IHI)"]).toBe("yes");
    expect(a["Run-chart signal"]).toBe("yes");
    expect(a["XmR mean"]).toBeCloseTo(limitsA.mean as number, 12);
    expect(a["Lower limit"]).toBeCloseTo(limitsA.lowerLimit as number, 12);
    expect(a["Upper limit"]).toBeCloseTo(limitsA.upperLimit as number, 12);
    expect(a["Moving-range limit"]).toBeCloseTo(limitsA.upperRangeLimit as number, 12);
    expect(a["XmR limits"]).toBe("from 12 points (baseline)");
    expect(String(a.Reading)).toMatch(/Baseline median 5\.0 \(first 12 periods, to December 2025\)/);
    // November's 4.8 starts the run; December's 5.0 sits on the centre line and neither breaks nor counts.
    expect(String(a.Reading)).toMatch(/9 points below the baseline median since November 2025: a shift\./);
    expect(String(a.Reading)).toMatch(
      /Outside the XmR limits: January 2026, February 2026, March 2026 and 5 more\./,
    );

    // Site B: 8 points, so the IHI rules are not computable (never "no"); Anhøj limits still apply.
    expect(b["Shift (IHI)"]).toBe("not computable");
    expect(b["Trend (IHI)"]).toBe("not computable");
    expect(b["Runs (IHI)"]).toBe("not computable");
    expect(b["Longest run (Anhøj)"]).toBe("2 (limit 6)");
    expect(b["Run-chart signal"]).toBe("no (IHI rules need 10 useful points)");
    expect(b["XmR limits"]).toBe("trial, from 8 points");
    expect(String(b.Reading)).toMatch(/IHI rules not computable yet: 8 useful points of the 10 needed/);
    expect(lastAlert(addon)).toMatch(/Analyzed 2 series/);
  });

  it("reads the published CDI series as qicharts2 does: baseline median 19, a run of 15 below it", () => {
    const rows = CDI.map((n, i) => ({
      Site: "Site A",
      Measure: "C. difficile infections",
      Period: new Date(Date.UTC(CDI_FIRST_MONTH.year, CDI_FIRST_MONTH.month + i, 1)),
      Value: n,
      Baseline: i < 24,
    }));
    const addon = exchange(rows);
    analyze(addon);
    const [row] = records(addon, "Measure Analysis");
    expect(row?.["Centre line"]).toBe(19);
    expect(row?.["Longest run (Anhøj)"]).toBe("15 (limit 8)");
    expect(String(row?.Reading)).toMatch(
      /Baseline median 19\.0 \(first 24 periods, to October 2014\)\. 15 points below the baseline median since August 2014: a shift\./,
    );
    expect(String(row?.Reading)).toMatch(/Longest run 15 points, more than 8: unusually long \(Anhøj\)\./);
  });

  it("draws one run chart per series with its centre line, and a second run replaces rather than duplicates", () => {
    const addon = exchange(standard());
    const first = analyze(addon);
    expect(first.charts).toEqual({ inserted: 2, updated: 0, removed: 0 });
    const charts = chartsOn(addon, "Measure Analysis");
    expect(charts.map((c) => c.options.title).sort()).toEqual(
      [
        "Run chart: Site A — Discharges before noon (%)".replace("A", "B"),
        `Run chart: Site A — ${LOS}`,
      ].sort(),
    );
    for (const c of charts) {
      expect(c.type).toBe("LINE");
      expect(c.ranges).toHaveLength(1);
      expect(c.ranges[0]).toMatch(/^'?Run Chart Data'?!A\d+:C\d+$/);
    }
    const data = addon.sheet("Run Chart Data");
    expect(data[0]).toEqual(["Period", LOS, "Baseline median"]);
    expect(data.slice(1, 21).map((r) => r[1])).toEqual(SITE_A);
    expect(new Set(data.slice(1, 21).map((r) => r[2]))).toEqual(new Set([5]));

    const second = analyze(addon);
    expect(second.charts).toEqual({ inserted: 0, updated: 2, removed: 0 });
    expect(chartsOn(addon, "Measure Analysis")).toHaveLength(2);

    // A series deleted from Measures loses its chart and its row.
    const sheet = workbook(addon).getSheetByName("Measures")!;
    sheet.getRange(22, 1, SITE_B.length, 6).clearContent();
    const third = analyze(addon);
    expect(third.charts).toEqual({ inserted: 0, updated: 1, removed: 1 });
    expect(records(addon, "Measure Analysis")).toHaveLength(1);
  });

  it("charts the adoption rate of a practice by period from the Actions tab", () => {
    const addon = exchange(standard());
    writeRows(addon, "Actions", [
      {
        Site: "Site A",
        Change: "Daily discharge huddle",
        "Linked practice": "Discharge huddle",
        Status: "in progress",
        "Monitoring measure": LOS,
      },
      {
        Site: "Site B",
        Change: "Huddle pilot",
        "Linked practice": "Discharge huddle",
        Status: "not started",
        "Monitoring measure": "Discharges before noon (%)",
      },
      { Site: "Site B", Change: "Dropped idea", "Linked practice": "Other", Status: "dropped" },
      { Site: "Site A", Change: "Teach-back", "Linked practice": "Teach-back", Status: "in progress" },
    ]);
    const report = analyze(addon);
    expect(report.message).toMatch(/Adoption rate of 1 practice by period/);
    expect(report.message).toMatch(
      /No adoption rate yet for Teach-back: no linked action names a Monitoring measure/,
    );
    const rows = records(addon, "Adoption");
    expect(rows).toHaveLength(SITE_A.length);
    expect(rows[0]).toMatchObject({ Practice: "Discharge huddle", "Sites adopted": 1, "Sites committed": 2 });
    expect(rows.every((r) => r["Adoption rate"] === 0.5)).toBe(true);
    const charts = chartsOn(addon, "Adoption");
    expect(charts).toHaveLength(1);
    expect(String(charts[0]?.options.title)).toMatch(/Adoption rate by period/);
    analyze(addon);
    expect(chartsOn(addon, "Adoption")).toHaveLength(1);
  });

  it("shows a site by its pseudonym unless it gave permission to be named", () => {
    const addon = exchange(measureRows("Mercy General", LOS, SITE_B));
    writeRows(addon, "Peers", [
      { "Site name": "Mercy General", Pseudonym: "Site C", "Permission to identify": false },
    ]);
    analyze(addon);
    expect(records(addon, "Measure Analysis")[0]?.Site).toBe("Site C");
    expect(String(chartsOn(addon, "Measure Analysis")[0]?.options.title)).toBe(`Run chart: Site C — ${LOS}`);
  });

  it("stops when a site on Peers has neither a pseudonym nor permission to be named", () => {
    const addon = exchange(measureRows("Mercy General", LOS, SITE_B));
    writeRows(addon, "Peers", [{ "Site name": "Mercy General", "Permission to identify": false }]);
    const report = analyze(addon);
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(
      /“Mercy General” \(rows 2, 3, 4, 5, 6, 7, 8, 9\) is on the Peers tab without a pseudonym/,
    );
    expect(records(addon, "Measure Analysis")).toEqual([]);
  });
});

describe("Analyze measures: bad input changes nothing", () => {
  function expectNothingWritten(addon: Addon): void {
    expect(records(addon, "Measure Analysis")).toEqual([]);
    expect(chartsOn(addon, "Measure Analysis")).toEqual([]);
  }

  it("no data at all", () => {
    const addon = exchange([]);
    const report = analyze(addon);
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/The Measures tab has no data yet/);
    expectNothingWritten(addon);
  });

  it("unticked Baseline checkboxes on empty rows are not data", () => {
    const addon = exchange(standard());
    const sheet = workbook(addon).getSheetByName("Measures")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const baseline = headers.indexOf("Baseline") + 1;
    sheet.getRange(30, baseline, 20, 1).setValues(Array.from({ length: 20 }, () => [false]));
    expect(analyze(addon).ok).toBe(true);
  });

  it("non-numeric values: names the rows", () => {
    const rows = standard();
    rows[3] = { ...rows[3], Value: "n/a" };
    rows[7] = { ...rows[7], Value: "4,5 days" };
    const addon = exchange(rows);
    const report = analyze(addon);
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/Nothing was written/);
    expect(report.message).toMatch(/Value is not a number on rows 5, 9/);
    expectNothingWritten(addon);
  });

  it("a series with too few points says how many it has and needs", () => {
    const addon = exchange([...standard(), ...measureRows("Site C", LOS, [4.2])]);
    const report = analyze(addon);
    expect(report.message).toMatch(
      /Site C — Length of stay \(days\) has 1 point \(row 30\); a series needs at least 2/,
    );
    expectNothingWritten(addon);
  });

  it("dates out of order and duplicated periods within a series", () => {
    const rows = standard();
    const swapped = [...rows];
    swapped[2] = { ...rows[2], Period: month(5) };
    swapped[5] = { ...rows[5], Period: month(4) };
    const addon = exchange(swapped);
    const report = analyze(addon);
    expect(report.message).toMatch(/Site A — Length of stay \(days\): rows 6 and 7 are both for 2025-05-01/);
    expect(report.message).toMatch(
      /periods out of order — row 5 \(2025-04-01\) comes after row 4 \(2025-06-01\)/,
    );
    expect(report.message).toMatch(/Sort the Measures tab/);
    expectNothingWritten(addon);
  });

  it("a baseline with a gap", () => {
    const rows = standard().map((r, i) => (i === 3 ? { ...r, Baseline: false } : r));
    const addon = exchange(rows);
    const report = analyze(addon);
    expect(report.message).toMatch(/Baseline is ticked on row 6 but not on row 5 before it/);
    expectNothingWritten(addon);
  });

  it("a previous analysis stays as it was when the next run finds bad input", () => {
    const addon = exchange(standard());
    analyze(addon);
    const before = records(addon, "Measure Analysis");
    const alertsBefore = alerts(addon).length;
    writeRows(addon, "Measures", [{ Value: "oops" }]);
    const report = analyze(addon);
    expect(report.ok).toBe(false);
    expect(records(addon, "Measure Analysis")).toEqual(before);
    expect(chartsOn(addon, "Measure Analysis")).toHaveLength(2);
    expect(alerts(addon).length).toBe(alertsBefore + 1);
  });
});
