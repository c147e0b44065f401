// The post-exchange survey on the built bundle: the Google Form and its reuse, answers copied to Survey
// Responses once, and the Evaluation tab's live formulas (evaluated by HyperFormula) against the shared
// reference (shared/methods/survey.ts) and against figures worked out by hand.
import { describe, expect, it } from "vitest";
import { likertSummary, netPromoterScore } from "../../shared/methods/survey.ts";
import { surveyItems } from "../../shared/schema/surveySummary.ts";
import type { Addon } from "../helpers/addon.ts";
import { evaluationExchange, formulasOf, IDENTIFIED, PRIVATE_NAME, run, stored } from "./evaluateWorkbook.ts";
import { lastAlert, records, writeRows } from "./peerWorkbook.ts";

type Report = { ok: boolean; message: string; id?: string; url?: string; imported?: number };

interface Answer {
  site: string;
  satisfaction?: number;
  relevance?: number;
  confidence?: number;
  recommend?: number;
  comments?: string;
  role?: string;
}

function createForm(addon: Addon): string {
  const report = run<Report>(addon, "createSurvey");
  expect(report.ok, report.message).toBe(true);
  return report.id as string;
}

/** Submits answers as respondents would, by question title. */
function answer(addon: Addon, formId: string, answers: readonly Answer[]): void {
  const form = addon.emulator.forms.get(formId)!;
  const idOf = (title: RegExp) => String(form.items.find((i) => title.test(i.title))!.id);
  const ids = {
    site: idOf(/site/i),
    role: idOf(/role/i),
    satisfaction: idOf(/satisfied/i),
    relevance: idOf(/relevant/i),
    confidence: idOf(/confident/i),
    recommend: idOf(/recommend/i),
    comments: idOf(/differently/i),
  };
  for (const a of answers) {
    const submitted: Record<string, string> = {};
    for (const [key, value] of Object.entries(a)) submitted[ids[key as keyof typeof ids]] = String(value);
    addon.emulator.forms.submit(formId, submitted);
  }
}

const full = (site: string, s: number, r: number, c: number, n: number, comments = ""): Answer => ({
  site,
  satisfaction: s,
  relevance: r,
  confidence: c,
  recommend: n,
  ...(comments ? { comments } : {}),
});

describe("Create post-exchange survey (built bundle)", () => {
  it("makes one form whose site choices follow the naming rule, and reuses it on a second run", () => {
    const addon = evaluationExchange();
    const id = createForm(addon);
    const form = addon.emulator.forms.get(id)!;
    expect(form.items.map((i) => i.kind)).toEqual([
      "LIST",
      "TEXT",
      "SCALE",
      "SCALE",
      "SCALE",
      "SCALE",
      "PARAGRAPH_TEXT",
    ]);
    // The identified site by name, the other by pseudonym; the unselected one not at all.
    expect(form.items[0]!.choices).toEqual([IDENTIFIED, "Site B"]);
    expect(JSON.stringify(form)).not.toContain(PRIVATE_NAME);
    const scales = form.items.filter((i) => i.kind === "SCALE").map((i) => [i.lowerBound, i.upperBound]);
    expect(scales).toEqual([
      [1, 5],
      [1, 5],
      [1, 5],
      [0, 10],
    ]);

    writeRows(addon, "Peers", [{ Selected: true }, { Selected: true }, { Selected: true }]);
    const again = run<Report>(addon, "createSurvey");
    expect(again.id).toBe(id);
    expect(addon.emulator.forms.ids()).toEqual([id]);
    expect(addon.emulator.forms.get(id)!.items[0]!.choices).toEqual([IDENTIFIED, "Site B", "Site C"]);
    expect(lastAlert(addon)).toMatch(/already exists, so it was reused/);
  });

  it("says when no peer is selected, and makes nothing", () => {
    const addon = evaluationExchange();
    writeRows(addon, "Peers", [{ Selected: false }, { Selected: false }, { Selected: false }]);
    const report = run<Report>(addon, "createSurvey");
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/Select peer group/);
    expect(addon.emulator.forms.ids()).toEqual([]);
  });

  it("a form deleted by hand: says so, and makes a new one only when asked", () => {
    const addon = evaluationExchange();
    const id = createForm(addon);
    const before = stored(addon, "surveyForm");
    addon.emulator.forms.delete(id);

    const declined = run<Report>(addon, "createSurvey", ["NO", "OK"]);
    expect(declined.ok).toBe(false);
    expect(addon.emulator.ui.events.find((e) => e.type === "alert")?.message).toMatch(/deleted/);
    expect(addon.emulator.forms.ids()).toEqual([]);
    expect(stored(addon, "surveyForm")).toBe(before);

    const renewed = run<Report>(addon, "createSurvey", ["YES", "OK"]);
    expect(renewed.ok).toBe(true);
    expect(renewed.id).not.toBe(id);
    expect(addon.emulator.forms.ids()).toEqual([renewed.id]);
  });
});

describe("Summarize survey (built bundle)", () => {
  it("no responses yet: a clear message and nothing written", () => {
    const addon = evaluationExchange();
    createForm(addon);
    const report = run<Report>(addon, "summarizeSurvey");
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/No responses yet/);
    expect(records(addon, "Survey Responses")).toEqual([]);
    expect(records(addon, "Evaluation")).toEqual([]);
  });

  it("copies each answer once and summarizes by hand-computed figures, with live formulas", () => {
    const addon = evaluationExchange();
    const id = createForm(addon);
    answer(addon, id, [
      full(IDENTIFIED, 5, 4, 3, 10, "Start huddles earlier"),
      full("Site B", 4, 5, 4, 9),
      full("Site B", 3, 2, 5, 9, '=HYPERLINK("http://x")'),
      full(IDENTIFIED, 5, 4, 2, 7),
      { site: "Site B", satisfaction: 2, relevance: 3, confidence: 4, recommend: 3 },
    ]);
    const report = run<Report>(addon, "summarizeSurvey");
    expect(report.ok, report.message).toBe(true);
    expect(report.imported).toBe(5);

    const rows = records(addon, "Survey Responses");
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.Site)).toEqual([IDENTIFIED, "Site B", "Site B", IDENTIFIED, "Site B"]);
    expect(new Set(rows.map((r) => r["Response id"])).size).toBe(5);
    // A comment that looks like a formula stays text (injection guard): no formula in its cell.
    expect(rows[2]!.Comments).toBe('=HYPERLINK("http://x")');
    expect(formulasOf(addon, "Survey Responses", 4).Comments).toBe("");

    const byItem = Object.fromEntries(records(addon, "Evaluation").map((r) => [String(r.Item), r]));
    // Satisfaction 5,4,3,5,2: median 4; 4–5 in 3 of 5 = 60 %.
    expect(byItem.Satisfaction).toMatchObject({
      n: 5,
      Median: 4,
      "Top-2-box %": 60,
      "Kirkpatrick level": "1 reaction",
    });
    // Confidence 3,4,5,2,4: median 4, 3 of 5 = 60 %; a learning item.
    expect(byItem["Confidence to apply"]).toMatchObject({
      n: 5,
      Median: 4,
      "Top-2-box %": 60,
      "Kirkpatrick level": "2 learning",
    });
    // Recommend 10,9,9,7,3: 3 promoters (60 %), 1 passive, 1 detractor (20 %): NPS 40.
    expect(byItem["Likelihood to recommend (NPS)"]).toMatchObject({
      n: 5,
      Median: 9,
      NPS: 40,
      Promoters: 3,
      Passives: 1,
      Detractors: 1,
    });
    expect(byItem["What would you try differently? (comments)"]).toMatchObject({ n: 2 });
    expect(report.message).toMatch(/NPS 40 \(3 promoters, 1 passives, 1 detractors\)/);
    expect(report.message).toMatch(/2 comments to tag/);

    // The summary cells are formulas over the Survey Responses columns, not numbers typed in.
    const row = records(addon, "Evaluation").findIndex((r) => r.Item === "Satisfaction") + 2;
    const formulas = formulasOf(addon, "Evaluation", row);
    expect(formulas.n).toMatch(/^=COUNTIFS\('Survey Responses'!\$[A-Z]+:\$[A-Z]+/);
    expect(formulas.Median).toMatch(/MEDIAN\('Survey Responses'!/);

    // Running again adds nothing and keeps one summary row per item.
    const again = run<Report>(addon, "summarizeSurvey");
    expect(again.imported).toBe(0);
    expect(records(addon, "Survey Responses")).toHaveLength(5);
    expect(records(addon, "Evaluation")).toHaveLength(surveyItems.length);
  });

  it("the summary formulas equal the shared reference, blanks excluded, as answers are typed or change", () => {
    const addon = evaluationExchange();
    const id = createForm(addon);
    answer(addon, id, [full("Site B", 1, 1, 1, 0)]);
    run<Report>(addon, "summarizeSurvey");
    // More answers typed straight into the tab (a paper survey), some items left blank.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const typed = Array.from({ length: 23 }, () => ({
      Site: "Site B",
      Satisfaction: next(6) === 0 ? "" : 1 + next(5),
      Relevance: 1 + next(5),
      "Confidence to apply": next(4) === 0 ? "" : 1 + next(5),
      "Likelihood to recommend": next(5) === 0 ? "" : next(11),
    }));
    const sheet = addon.emulator.spreadsheets
      .get(addon.emulator.spreadsheets.activeId!)!
      .getSheetByName("Survey Responses")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    sheet
      .getRange(3, 1, typed.length, headers.length)
      .setValues(typed.map((t) => headers.map((h) => (t as Record<string, unknown>)[h] ?? "")));

    const answers = records(addon, "Survey Responses");
    const byItem = Object.fromEntries(records(addon, "Evaluation").map((r) => [String(r.Item), r]));
    for (const item of surveyItems) {
      const header =
        item.key === "confidence"
          ? "Confidence to apply"
          : item.key === "recommend"
            ? "Likelihood to recommend"
            : item.item;
      const column = answers.map((r) => r[header] as number | "");
      const row = byItem[item.item]!;
      if (item.kind === "likert") {
        const s = likertSummary(column);
        expect(row.n, item.item).toBe(s.n);
        expect(row.Median, item.item).toBe(s.median);
        expect(row["Top-2-box %"] as number, item.item).toBeCloseTo(s.top2BoxPercent!, 10);
      } else if (item.kind === "nps") {
        const s = netPromoterScore(column);
        expect(row.n).toBe(s.n);
        expect(row.NPS as number).toBeCloseTo(s.nps!, 10);
        expect(row.Promoters as number).toBeCloseTo((s.promotersPercent! * s.n) / 100, 10);
        expect(row.Detractors as number).toBeCloseTo((s.detractorsPercent! * s.n) / 100, 10);
      }
    }
  });

  it("a survey form deleted by hand: says so and changes nothing", () => {
    const addon = evaluationExchange();
    const id = createForm(addon);
    answer(addon, id, [full("Site B", 4, 4, 4, 9)]);
    addon.emulator.forms.delete(id);
    const report = run<Report>(addon, "summarizeSurvey");
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/deleted.*Nothing was changed.*Create post-exchange survey/s);
    expect(records(addon, "Survey Responses")).toEqual([]);
    expect(records(addon, "Evaluation")).toEqual([]);
  });
});
