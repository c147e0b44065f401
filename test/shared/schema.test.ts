import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { change } from "../../shared/methods/change.ts";
import { gini } from "../../shared/methods/gini.ts";
import { pickQuadrant, priorityScore } from "../../shared/methods/pick.ts";
import { missingItemsText, readinessText, siteReadiness } from "../../shared/methods/preparation.ts";
import { selectPeerGroup } from "../../shared/methods/selectPeerGroup.ts";
import { DEFAULT_WEIGHTS, weightedScore } from "../../shared/methods/weightedScore.ts";
import {
  type ColumnSpec,
  columnKeys,
  columnLetters,
  formulaContext,
  normalizeHeader,
  schemaLayout,
  settingDefaults,
  settingFields,
  sheetRef,
  tab,
  tabs,
  ZERO_BASELINE,
} from "../../shared/schema/index.ts";

type Cell = string | number | boolean | null;
const settingKeys = settingFields.map((f) => f.key);
const layout = schemaLayout(tabs, settingKeys);

/** Builds the named tab (schema order) with the records and every derived formula, evaluated by HyperFormula. */
function evaluate(tabName: string, records: Record<string, Cell>[]): Record<string, unknown>[] {
  const spec = tabs.find((t) => t.name === tabName)!;
  const columns = spec.columns as readonly ColumnSpec[];
  const rows: Cell[][] = [columns.map((c) => c.header)];
  records.forEach((record, i) => {
    const context = formulaContext(layout, tabName, i + 2);
    // An empty cell is null to the engine, as "" is in Sheets.
    rows.push(
      columns.map((c) =>
        c.formula ? c.formula(context) : record[c.key] === "" ? null : (record[c.key] ?? null),
      ),
    );
  });
  const settings: Cell[][] = [
    ["Setting", "Value", "Note"],
    ...settingFields.map((f) => [f.label, f.defaultValue, ""]),
  ];
  const sheets: Record<string, Cell[][]> = { [tabName]: rows, Settings: settings };
  if (tabName === "Tags") sheets.Insights = [tab("Insights").columns.map((c) => c.header)];
  const hf = HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3" });
  const sheetId = hf.getSheetId(tabName)!;
  return records.map((_, i) => {
    const out: Record<string, unknown> = {};
    columns.forEach((c, col) => {
      const value = hf.getCellValue({ sheet: sheetId, row: i + 1, col });
      out[c.key] = value === null ? "" : value;
    });
    return out;
  });
}

describe("workbook schema", () => {
  it("names every tab of WORKBOOK.md once", () => {
    const names = tabs.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      "Charter",
      "Targets",
      "Peers",
      "Participants",
      "Agenda",
      "Speaking",
      "Insights",
      "Tags",
      "Practices",
      "Practice History",
      "Actions",
      "Measures",
      "Evaluation",
      "Community",
      "Dashboard",
      "Settings",
    ]) {
      expect(names).toContain(name);
    }
    expect(tab("Settings").hidden).toBe(true);
  });

  it("holds each chart's data tab as a hidden helper, and the speaking timer's Gini columns", () => {
    const helpers = tabs.filter((t) => t.layout === "chartData");
    expect(helpers.map((t) => t.name).sort()).toEqual(
      [
        "Peer Scores Chart",
        "Speaking Chart",
        "Dashboard Data",
        "Impact Chart",
        "Run Chart Data",
        "Adoption Chart",
      ].sort(),
    );
    for (const helper of helpers) {
      expect(helper.hidden, helper.name).toBe(true);
      expect(helper.columns, helper.name).toHaveLength(0);
    }
    expect(tab("Speaking").columns.map((c) => c.header)).toEqual(
      expect.arrayContaining(["Session Gini", "Session Gini (normalized)"]),
    );
  });

  it("gives every column a unique key and header per tab, in camelCase", () => {
    for (const spec of tabs) {
      const columns = spec.columns as readonly ColumnSpec[];
      const keys = columns.map((c) => c.key);
      const headers = columns.map((c) => normalizeHeader(c.header));
      expect(new Set(keys).size, spec.name).toBe(keys.length);
      expect(new Set(headers).size, spec.name).toBe(headers.length);
      for (const c of columns) {
        expect(c.key).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(c.note.length, `${spec.name} › ${c.header}`).toBeGreaterThan(0);
        if (c.type === "list")
          expect(c.options?.length ?? 0, `${spec.name} › ${c.header}`).toBeGreaterThan(0);
      }
      expect(columnKeys[spec.name]).toEqual(keys);
    }
  });

  it("holds the Insights columns the endpoint writes, and the clip kinds of the protocol", () => {
    expect(tab("Insights").columns.map((c) => c.header)).toEqual([
      "Clip id",
      "Captured at",
      "Session",
      "Platform",
      "Page URL",
      "Page title",
      "Speaker",
      "Site",
      "Kind",
      "Text",
      "Tags",
      "Scribe",
      "Confidential",
      "PHI check",
      "Review status",
      "Promoted to",
      "Tag key",
    ]);
  });

  it("has the published defaults in Settings", () => {
    expect(settingDefaults).toMatchObject({
      weightSimilarity: 0.25,
      weightSuccess: 0.25,
      weightWillingness: 0.25,
      weightDiversity: 0.25,
      pickCutPoint: 3,
      groupSizeMin: 4,
      groupSizeMax: 6,
      willingnessFloor: 3,
      slidesMin: 5,
      slidesMax: 7,
      suppressionThreshold: 10,
    });
  });

  it("builds every formula from header positions, whichever column they sit in", () => {
    for (const spec of tabs) {
      for (const c of spec.columns as readonly ColumnSpec[]) {
        if (!c.formula) continue;
        const formula = c.formula(formulaContext(layout, spec.name, 7));
        expect(formula.startsWith("="), `${spec.name} › ${c.header}`).toBe(true);
      }
    }
    // Move Baseline to column Z: the target-change formula follows it.
    const moved = formulaContext(
      { ...layout, columnOf: (t, k) => (t === "Targets" && k === "baseline" ? 26 : layout.columnOf(t, k)) },
      "Targets",
      3,
    );
    const formula = tab("Targets").columns.find((c) => c.key === "targetChange")!.formula!(moved);
    expect(formula).toContain("Z3");
    expect(formula).not.toContain("D3");
  });

  it("refers to columns and tabs safely", () => {
    expect(columnLetters(1)).toBe("A");
    expect(columnLetters(26)).toBe("Z");
    expect(columnLetters(27)).toBe("AA");
    expect(columnLetters(703)).toBe("AAA");
    expect(sheetRef("Settings")).toBe("Settings");
    expect(sheetRef("Impact 12m")).toBe("'Impact 12m'");
    expect(sheetRef("Bob's")).toBe("'Bob''s'");
    expect(normalizeHeader("  Weighted   SCORE ")).toBe("weighted score");
  });
});

describe("derived formulas agree with the shared reference (HyperFormula)", () => {
  it("target change: absolute and %, undefined for a zero baseline", () => {
    const targets: { metric: string; unit?: string; baseline: number; target: number | null }[] = [
      { metric: "Length of stay", baseline: 5.2, target: 4.42 },
      { metric: "Readmissions", unit: "%", baseline: 14.7, target: 12.7 },
      { metric: "Zero baseline", baseline: 0, target: 3 },
      { metric: "No target", baseline: 3, target: null },
    ];
    const got = evaluate("Targets", targets);
    for (const [i, t] of targets.entries()) {
      const row = got[i]!;
      if (t.target === null) {
        expect(row.targetChange).toBe("");
        expect(row.targetChangePercent).toBe("");
        continue;
      }
      const ref = change({ baseline: t.baseline, result: t.target });
      expect(row.targetChange as number).toBeCloseTo(ref.absolute, 9);
      if (ref.relativePercent === undefined) expect(row.targetChangePercent).toBe(ZERO_BASELINE);
      else expect(row.targetChangePercent as number).toBeCloseTo(ref.relativePercent, 9);
    }
    expect(got[1]!.targetChange as number).toBeCloseTo(-2, 9);
    expect(got[1]!.targetChangePercent as number).toBeCloseTo(-13.605, 2);
  });

  it("12-month impact: change and target met by direction", () => {
    const reviews = [
      { metric: "LOS", direction: "lower is better", baseline: 5, result: 4, target: 4.2 },
      { metric: "Before noon", direction: "higher is better", baseline: 20, result: 25, target: 30 },
      { metric: "Zero", direction: "higher is better", baseline: 0, result: 2, target: 1 },
    ];
    const got = evaluate("Impact 12m", reviews);
    reviews.forEach((r, i) => {
      const ref = change({
        baseline: r.baseline,
        result: r.result,
        target: r.target,
        direction: r.direction.startsWith("lower") ? "lower" : "higher",
      });
      expect(got[i]!.absoluteChange as number).toBeCloseTo(ref.absolute, 9);
      expect(got[i]!.relativeChange).toEqual(ref.relativePercent ?? ZERO_BASELINE);
      expect(got[i]!.targetMet).toBe(ref.targetMet);
    });
  });

  it("weighted score, missing scores and rank", () => {
    const peers = [
      { siteName: "North", similarity: 4, success: 5, willingness: 3, diversity: 2 },
      { siteName: "South", similarity: 2, success: 3, willingness: 5, diversity: 5 },
      { siteName: "East", similarity: 5, success: null, willingness: 4, diversity: 1 },
      { siteName: "West", similarity: 1, success: 1, willingness: 1, diversity: 1 },
    ];
    const got = evaluate("Peers", peers);
    peers.forEach((p, i) => {
      const ref = weightedScore(p, DEFAULT_WEIGHTS);
      if (ref.score === undefined) expect(got[i]!.weightedScore).toBe("");
      else expect(got[i]!.weightedScore as number).toBeCloseTo(ref.score, 9);
    });
    expect(got[2]!.missingScores).toBe("success");
    expect(got[0]!.missingScores).toBe("");
    expect(got.map((r) => r.rank)).toEqual([2, 1, "", 3]);
  });

  it("rank as Sheets computes it (criterion text of 15 significant digits) equals the selection's rank", () => {
    // Every combination of scores under uneven weights: sums such as 1.4000000000000001 appear unrounded.
    const weights = { similarity: 0.3, success: 0.3, willingness: 0.25, diversity: 0.15 };
    const combos: [number, number, number, number][] = [];
    for (let a = 1; a <= 5; a++)
      for (let b = 1; b <= 5; b++)
        for (let c = 1; c <= 5; c++) for (let d = 1; d <= 5; d++) combos.push([a, b, c, d]);
    const scoresOf = ([similarity, success, willingness, diversity]: number[]) => ({
      similarity,
      success,
      willingness,
      diversity,
    });
    const columns = tab("Peers").columns as readonly ColumnSpec[];
    const rows: Cell[][] = [
      columns.map((c) => c.header),
      ...combos.map((combo, i) => {
        const record: Record<string, Cell> = { siteName: `P${i}`, ...scoresOf(combo) };
        const context = formulaContext(layout, "Peers", i + 2);
        return columns.map((c) => (c.formula ? c.formula(context) : (record[c.key] ?? null)));
      }),
    ];
    const weightSettings: Record<string, number> = {
      weightSimilarity: weights.similarity,
      weightSuccess: weights.success,
      weightWillingness: weights.willingness,
      weightDiversity: weights.diversity,
    };
    const settings: Cell[][] = [
      ["Setting", "Value", "Note"],
      ...settingFields.map((f) => [f.label, weightSettings[f.key] ?? f.defaultValue, ""]),
    ];
    // Raw doubles, as Sheets keeps them (HyperFormula would otherwise round what it returns).
    const hf = HyperFormula.buildFromSheets({ Peers: rows, Settings: settings } as never, {
      licenseKey: "gpl-v3",
      smartRounding: false,
    });
    const sheet = hf.getSheetId("Peers")!;
    const at = columns.findIndex((c) => c.key === "weightedScore");
    const scores = combos.map((_, i) => hf.getCellValue({ sheet, row: i + 1, col: at }) as number);
    // COUNTIF(column, ">"&score)+1, with the score turned into text the way Sheets does it.
    const sheetsRank = scores.map((v) => scores.filter((w) => w > Number(v.toPrecision(15))).length + 1);
    const selection = selectPeerGroup(
      combos.map((combo, i) => ({ id: `P${i}`, label: `P${i}`, scores: scoresOf(combo), outlier: false })),
      { weights },
    );
    expect(selection.ranking.map((r) => r.rank)).toEqual(sheetsRank);
  });

  it("PICK quadrant and priority score", () => {
    const actions: Record<string, Cell>[] = [];
    for (const impact of [1, 3, 5])
      for (const effort of [1, 3, 5]) actions.push({ impact, effort, alignment: 4 });
    actions.push({ impact: null, effort: 2, alignment: 3 });
    const got = evaluate("Actions", actions);
    actions.forEach((a, i) => {
      expect(got[i]!.pickQuadrant).toBe(pickQuadrant(a.impact, a.effort) ?? "");
      const ref = priorityScore(a.impact, a.alignment, a.effort);
      if (ref === undefined) expect(got[i]!.priorityScore).toBe("");
      else expect(got[i]!.priorityScore as number).toBeCloseTo(ref, 9);
    });
  });

  it("participants: missing items, ready and site readiness", () => {
    const people: Record<string, Cell>[] = [
      {
        person: "Ana",
        site: "Site A",
        ndaSigned: 46000,
        dataPacketSent: 46001,
        unknown1: "x",
        unknown2: "y",
        consentToRecord: "yes",
      },
      { person: "Ben", site: "Site A", ndaSigned: 46000, unknown1: "x", consentToRecord: "no" },
      { person: "Cy", site: "Site B" },
      { person: "", site: "Site B", ndaSigned: 46000 },
    ];
    const got = evaluate("Participants", people);
    for (const [i, p] of people.entries()) expect(got[i]!.missingItems).toBe(missingItemsText(p));
    expect(got.map((r) => r.ready)).toEqual([true, false, false, ""]);
    const reference = new Map(siteReadiness(people).map((s) => [s.site, readinessText(s)]));
    expect(got[0]!.siteReadiness).toBe(reference.get("Site A"));
    expect(got[1]!.siteReadiness).toBe("1 of 2 ready");
    expect(got[2]!.siteReadiness).toBe(reference.get("Site B"));
  });

  it("session titles and site names with * ? ~ match only themselves (no wildcards), as the shared methods", () => {
    const rows = [
      { session: "Q&A with Site B: what would you try differently?", site: "Site A", seconds: 30 },
      { session: "Q&A with Site B: what would you try differently?", site: "Site B", seconds: 90 },
      { session: "Q&A with Site B: what would you try differentlyX", site: "Site A", seconds: 60 },
      { session: "Breakout*", site: "Site A", seconds: 10 },
      { session: "Breakout 2", site: "Site A", seconds: 30 },
      { session: "a~b", site: "Site A", seconds: 5 },
    ];
    const speaking = evaluate("Speaking", rows);
    const bySession = new Map<string, number[]>();
    for (const r of rows) bySession.set(r.session, [...(bySession.get(r.session) ?? []), r.seconds]);
    rows.forEach((r, i) => {
      const seconds = bySession.get(r.session)!;
      const share = gini(seconds).shares[seconds.indexOf(r.seconds)];
      expect(speaking[i]!.share as number).toBeCloseTo(share as number, 12);
    });
    const people: Record<string, Cell>[] = [
      {
        person: "Ana",
        site: "St. Mary*",
        ndaSigned: 1,
        dataPacketSent: 1,
        unknown1: "x",
        unknown2: "y",
        consentToRecord: "yes",
      },
      { person: "Ben", site: "St. Mary's" },
      { person: "Cy", site: "Site ?" },
      {
        person: "Di",
        site: "Site A",
        ndaSigned: 1,
        dataPacketSent: 1,
        unknown1: "x",
        unknown2: "y",
        consentToRecord: "no",
      },
    ];
    const got = evaluate("Participants", people);
    const reference = new Map(siteReadiness(people).map((s) => [s.site, readinessText(s)]));
    expect(got.map((r) => r.siteReadiness)).toEqual(people.map((p) => reference.get(String(p.site))));
    expect(got.map((r) => r.siteReadiness)).toEqual([
      "1 of 1 ready",
      "0 of 1 ready",
      "0 of 1 ready",
      "1 of 1 ready",
    ]);
  });

  it("agenda: end time, slide check and overrun", () => {
    const day = 46000; // a date serial
    const sessions = [
      { session: "Case A", start: day + 9 / 24, duration: 20, slideCount: 6 },
      { session: "Case B", start: day + 9 / 24 + 20 / 1440, duration: 25, slideCount: 9 },
      { session: "Case C", start: day + 9 / 24 + 40 / 1440, duration: 20, slideCount: 4 },
    ];
    const got = evaluate("Agenda", sessions);
    // HyperFormula keeps date-times to about a second.
    expect(got[0]!.end as number).toBeCloseTo(day + 9 / 24 + 20 / 1440, 5);
    expect(got.map((r) => r.slideCheck)).toEqual(["", "Outside 5–7 slides", "Outside 5–7 slides"]);
    expect(got.map((r) => r.overrun)).toEqual(["", "Runs into the next session", ""]);
  });

  it("speaking share, community status and running balance", () => {
    const speaking = evaluate("Speaking", [
      { session: "S1", site: "A", seconds: 30 },
      { session: "S1", site: "B", seconds: 90 },
      { session: "S2", site: "A", seconds: 0 },
    ]);
    expect(speaking.map((r) => r.share)).toEqual([0.25, 0.75, ""]);
    const members = evaluate("Community", [
      { organization: "A", exchangesAttended: 2 },
      { organization: "B", exchangesAttended: 1 },
      { organization: "C" },
    ]);
    expect(members.map((r) => r.status)).toEqual(["active", "renewal due", "renewal due"]);
    const pool = evaluate("Resource Pool", [
      { kind: "contribution", amount: 100 },
      { kind: "expense", amount: 30 },
      { kind: "contribution", amount: 5 },
    ]);
    expect(pool.map((r) => r.balance)).toEqual([100, 70, 75]);
  });
});
