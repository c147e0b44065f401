// Refresh dashboard on the built bundle: every manager chart in its grid slot with a reading, the same charts
// after a second refresh, the naming rule in every chart's data, suppression when shared, placeholders.
import { describe, expect, it } from "vitest";
import { pseudonym } from "../../shared/methods/pseudonyms.ts";
import { PEERS } from "../fixtures/peers.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";
import {
  exchangeWithPeers,
  lastAlert,
  records,
  settingLabel,
  setUp,
  workbook,
  writeForm,
  writeRows,
} from "./peerWorkbook.ts";

type Chart = {
  id: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number };
};
type Report = { ok: boolean; message: string; charts: number; placeholders: string[] };

const permitted = PEERS.filter((p) => p.permission).map((p) => p.name);
const private_ = PEERS.filter((p) => !p.permission).map((p) => p.name);
const brigid = PEERS.findIndex((p) => p.name === "St. Brigid Community Hospital");
const lakeside = "Lakeside University Hospital";

function sheetOf(addon: Addon, name: string) {
  return addon.emulator.spreadsheets.describe().sheets.find((s: { name: string }) => s.name === name)!;
}
const chartsOf = (addon: Addon): Chart[] => sheetOf(addon, "Dashboard").charts as Chart[];

function refresh(addon: Addon): Report {
  addon.emulator.ui.respondWith(["OK"]);
  return addon.run("refreshDashboard") as Report;
}

function typeRows(addon: Addon, name: string, rows: Record<string, unknown>[]): void {
  writeRows(addon, name, rows);
  const book = workbook(addon);
  const sheet = book.getSheetByName(name)!;
  addon.run("onEdit", { range: sheet.getRange(2, 1, rows.length, sheet.getLastColumn()), source: book });
}

/** Every source filled: actions of a private, a permitted and an unlisted site; surveys; measures; speaking. */
function fullExchange(measureSeries = 8): Addon {
  const addon = exchangeWithPeers();
  const sites = ["St. Brigid Community Hospital", lakeside, "Secret Clinic"];
  typeRows(
    addon,
    "Actions",
    Array.from({ length: 30 }, (_, i) => ({
      Site: sites[i % 3],
      Change: `Change ${i}`,
      Impact: 1 + (i % 5),
      Effort: 1 + ((i * 2) % 5),
      "Strategic alignment": 1 + ((i * 3) % 5),
      Horizon: ["30 days", "90 days", "6–12 months"][i % 3],
      Status: i < 12 ? "done" : i < 25 ? "in progress" : "not started",
      Progress: 0.5 + (i % 9) * 0.5,
    })),
  );
  typeRows(
    addon,
    "Survey Responses",
    Array.from({ length: 40 }, (_, i) => ({
      Site: sites[i % 3],
      Satisfaction: 1 + (i % 5),
      Relevance: i < 30 ? 5 : 3,
      "Confidence to apply": 4,
      "Likelihood to recommend": i < 24 ? 10 : i < 36 ? 8 : 3,
    })),
  );
  typeRows(addon, "Impact 12m", [
    {
      Metric: "Length of stay",
      Unit: "days",
      Direction: "lower is better",
      Baseline: 5.2,
      Result: 4.6,
      Target: 4.8,
    },
    {
      Metric: "Discharges before noon",
      Unit: "%",
      Direction: "higher is better",
      Baseline: 18,
      Result: 24,
      Target: 30,
    },
  ]);
  typeRows(addon, "Speaking", [
    { Session: "Case 1", Site: pseudonym(brigid), Seconds: 120 },
    { Session: "Case 1", Site: lakeside, Seconds: 60 },
    { Session: "Case 2", Site: pseudonym(brigid), Seconds: 90 },
    { Session: "Case 2", Site: lakeside, Seconds: 90 },
  ]);
  const measures: Record<string, unknown>[] = [];
  for (let s = 0; s < measureSeries; s++)
    for (let w = 0; w < 12 - (s % 4); w++)
      measures.push({
        Site: s % 2 ? lakeside : "St. Brigid Community Hospital",
        Measure: `Measure ${s}`,
        Period: new Date(2026, 0, 5 + 7 * w),
        Value: 40 + ((w * 7 + s) % 11),
      });
  typeRows(addon, "Measures", measures);
  return addon;
}

/** Every text the Dashboard shows: its cells, its chart titles, and the chart-data tab. */
function everythingShown(addon: Addon): string {
  return JSON.stringify([
    sheetOf(addon, "Dashboard").values,
    chartsOf(addon).map((c) => c.options),
    addon.sheet("Dashboard Data"),
  ]);
}

describe("Refresh dashboard (built bundle)", () => {
  it("draws every manager chart in a two-column grid, each with its title and a reading above it", () => {
    const addon = fullExchange();
    const report = refresh(addon);
    expect(report.ok).toBe(true);
    const charts = chartsOf(addon);
    const titles = charts.map((c) => String(c.options.title));
    expect(titles.slice(0, 9)).toEqual([
      "Peer scores by criterion",
      "Priority matrix: impact vs effort (bubble size: strategic alignment)",
      "Action status by horizon",
      "IHI progress by site over time",
      "Survey answers per item (1–5)",
      "Net Promoter Score: promoters, passives, detractors",
      "Impact against target (12 months)",
      "Speaking equality: Gini per session",
      "Share of speaking time per site",
    ]);
    // At most six run charts, the longest series first; the rest are named in a reading.
    expect(titles.filter((t) => t.startsWith("Run chart: "))).toHaveLength(6);
    expect(charts).toHaveLength(15);
    expect(charts[1]!.type).toBe("BUBBLE");
    const values = sheetOf(addon, "Dashboard").values as string[][];
    for (const chart of charts) {
      const { anchorRow, anchorColumn } = chart.position;
      expect([1, 8]).toContain(anchorColumn);
      expect(values[anchorRow - 3]![anchorColumn - 1]).toBe(chart.options.title);
      expect(String(values[anchorRow - 2]![anchorColumn - 1])).not.toBe("");
      expect(chart.ranges.every((r) => r.startsWith("'Dashboard Data'!"))).toBe(true);
    }
    expect(JSON.stringify(values)).toMatch(/2 run charts not shown \(at most 6/);
    expect(JSON.stringify(values)).toMatch(/1 of 2 targets met/);
    expect(JSON.stringify(values)).toMatch(/NPS \+50 \(% promoters − % detractors, n = 40\)/);
    expect(sheetOf(addon, "Dashboard Data").hidden).toBe(true);
  });

  it("leaves the same charts when run twice: count, titles, ranges, positions", () => {
    const addon = fullExchange();
    refresh(addon);
    const first = chartsOf(addon);
    const data = addon.sheet("Dashboard Data");
    refresh(addon);
    expect(chartsOf(addon)).toEqual(first);
    expect(addon.sheet("Dashboard Data")).toEqual(data);
    expect(lastAlert(addon)).toMatch(/0 new, 15 updated/);
    // One progress snapshot per site and day, however often the dashboard is refreshed.
    expect(records(addon, "Progress History")).toHaveLength(3);
  });

  it("names a site only where it granted permission, else by pseudonym; unlisted sites never as written", () => {
    const addon = fullExchange();
    refresh(addon);
    const shown = everythingShown(addon);
    for (const name of private_) expect(shown).not.toContain(name);
    expect(shown).not.toContain("Secret Clinic");
    expect(shown).toContain("Unlisted site 1");
    expect(shown).toContain(pseudonym(brigid));
    expect(shown).toContain(lakeside);
    expect(permitted).toContain(lakeside);
  });

  it("hides counts from 1 to the threshold when the Dashboard is shared", () => {
    const addon = fullExchange();
    writeForm(addon, "Settings", { [settingLabel("dashboardShared")]: "yes" });
    refresh(addon);
    const data = addon.sheet("Dashboard Data");
    const block = (title: string) => {
      const at = data.findIndex((r) => r[0] === title);
      const rows: unknown[][] = [];
      for (let r = at + 2; r < data.length && data[r]![0] !== ""; r++) rows.push(data[r]!.slice(1));
      return rows.flat().filter((v) => v !== "");
    };
    for (const title of [
      "Action status by horizon",
      "Survey answers per item (1–5)",
      "Net Promoter Score: promoters, passives, detractors",
    ]) {
      const counts = block(title) as number[];
      expect(counts.every((v) => v === 0 || v > 10)).toBe(true);
    }
    // Not vacuous: unshared, the same tables hold small counts.
    const open = fullExchange();
    refresh(open);
    const statusCounts = open.sheet("Dashboard Data");
    const at = statusCounts.findIndex((r) => r[0] === "Action status by horizon");
    expect(
      statusCounts
        .slice(at + 2, at + 5)
        .flat()
        .some((v) => typeof v === "number" && v >= 1 && v <= 10),
    ).toBe(true);
    expect(lastAlert(addon)).toMatch(/counts from 1 to 10 are hidden/);
  });

  it("gives each empty source a placeholder reading instead of an empty chart", () => {
    const addon = openAddon();
    setUp(addon);
    const report = refresh(addon);
    expect(report.ok).toBe(true);
    expect(chartsOf(addon)).toHaveLength(0);
    const text = JSON.stringify(sheetOf(addon, "Dashboard").values);
    expect(text).toContain("No actions yet: Plan actions first");
    expect(text).toContain("No survey responses yet");
    expect(text).toContain("No measures yet");
    expect(report.placeholders).toHaveLength(10);
  });

  it("keeps the user's own charts, reports the text it replaced, and removes its charts whose source emptied", () => {
    const addon = fullExchange();
    const dashboard = workbook(addon).getSheetByName("Dashboard")!;
    dashboard.getRange("A4").setValue("Our own note");
    dashboard.insertChart(
      dashboard
        .newChart()
        .asPieChart()
        .addRange(dashboard.getRange("P1:Q3"))
        .setOption("title", "Our pie")
        .setPosition(30, 3, 0, 0)
        .build(),
    );
    refresh(addon);
    expect(lastAlert(addon)).toMatch(/Replaced your text .*A4 \(“Our own note”\)/);
    expect(lastAlert(addon)).toMatch(/Kept your own chart \(1\).*“Our pie” at row 30/);
    expect(chartsOf(addon).filter((c) => c.options.title === "Our pie")).toHaveLength(1);
    // The second refresh knows its own text: nothing to report.
    refresh(addon);
    expect(lastAlert(addon)).not.toMatch(/Replaced your text/);

    const sheet = workbook(addon).getSheetByName("Impact 12m")!;
    sheet.getRange(2, 1, 2, sheet.getLastColumn()).clearContent();
    refresh(addon);
    const titles = chartsOf(addon).map((c) => c.options.title);
    expect(titles).not.toContain("Impact against target (12 months)");
    expect(JSON.stringify(sheetOf(addon, "Dashboard").values)).toContain("No impact results yet");
  });

  it("stops with the repair hint when a source lacks a column, and changes nothing", () => {
    const addon = fullExchange(2);
    const actions = workbook(addon).getSheetByName("Actions")!;
    const headers = actions.getRange(1, 1, 1, actions.getLastColumn()).getValues()[0] as string[];
    actions.getRange(1, headers.indexOf("Horizon") + 1).setValue("");
    const before = addon.emulator.spreadsheets.describe();
    const report = refresh(addon);
    expect(report.ok).toBe(false);
    expect(lastAlert(addon)).toMatch(/The Actions tab has no “Horizon” column\. Run Peer Exchange › Set up/);
    expect(addon.emulator.spreadsheets.describe()).toEqual(before);
  });
});
