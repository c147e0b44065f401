// The Dashboard's panels as data: each a stable title, a one-line reading and the chart's table (null for a
// placeholder that says what to do first). Plain values in, plain values out: no Apps Script service here.
import { gini } from "../../../shared/methods/gini";
import { pickQuadrant } from "../../../shared/methods/pick";
import { runChart } from "../../../shared/methods/runChart";
import { suppressSmallCells } from "../../../shared/methods/suppression";
import { type Answer, likertSummary, netPromoterScore } from "../../../shared/methods/survey";
import {
  CRITERIA,
  CRITERION_LABELS,
  type CriterionScores,
  type Weights,
  weightedScore,
} from "../../../shared/methods/weightedScore";
import { actionStatuses, horizons } from "../../../shared/schema/vocabulary";

export type PanelKind = "stackedBar" | "bubble" | "line" | "column" | "pie" | "run";

export interface Panel {
  /** The chart's title: the refresh finds its chart again by it. */
  title: string;
  reading: string;
  kind: PanelKind;
  /** Header row first, then one row per category; null: no chart, the reading says what to do first. */
  data: unknown[][] | null;
  /** Axis titles, where the chart has axes. */
  axes?: { h?: string; v?: string };
}

export interface Suppression {
  shared: boolean;
  threshold: number;
}

export const TITLES = {
  peers: "Peer scores by criterion",
  priority: "Priority matrix: impact vs effort (bubble size: strategic alignment)",
  status: "Action status by horizon",
  progress: "IHI progress by site over time",
  likert: "Survey answers per item (1–5)",
  nps: "Net Promoter Score: promoters, passives, detractors",
  impact: "Impact against target (12 months)",
  gini: "Speaking equality: Gini per session",
  share: "Share of speaking time per site",
  runOmitted: "Run charts not shown",
} as const;
export const RUN_CHART_PREFIX = "Run chart: ";
/** Small multiples stay readable up to a handful on one Dashboard. */
export const RUN_CHART_MAX = 6;
const PEER_CHART_MAX = 40;

const NO_ACTIONS = "No actions yet: Plan actions first (one row per change on the Actions tab).";

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const fixed = (x: number) => x.toFixed(2);
const percent = (x: number) => `${Math.round(x)}%`;

/** A count table as the Dashboard may show it: hidden cells blank when shared. */
function shownCounts(counts: number[][], s: Suppression): { cells: (number | "")[][]; hidden: number } {
  if (!s.shared) return { cells: counts, hidden: 0 };
  const result = suppressSmallCells(counts, s.threshold);
  const hidden = result.suppressed.flat().filter(Boolean).length;
  return { cells: result.shown.map((row) => row.map((v) => (v === null ? "" : v))), hidden };
}

const hiddenNote = (hidden: number, s: Suppression) =>
  `${hidden} count${hidden === 1 ? "" : "s"} hidden: the Dashboard is shared, so counts from 1 to ${s.threshold} (and any that would reveal them) are not shown.`;

export interface PeerInput {
  label: string;
  scores: CriterionScores;
}

export function peerScoresPanel(peers: readonly PeerInput[], weights: Weights): Panel {
  const scored = peers
    .map((p) => ({ label: p.label, result: weightedScore(p.scores, weights) }))
    .filter((p) => p.result.score !== undefined)
    .sort((a, b) => (b.result.score as number) - (a.result.score as number));
  if (scored.length === 0)
    return {
      title: TITLES.peers,
      kind: "stackedBar",
      data: null,
      reading:
        "No scored peers yet: score each candidate's four criteria from 1 to 5 on the Peers tab first.",
    };
  const shown = scored.slice(0, PEER_CHART_MAX);
  const best = shown[0] as (typeof shown)[number];
  const more =
    shown.length < scored.length ? ` The ${shown.length} highest of ${scored.length} are shown.` : "";
  return {
    title: TITLES.peers,
    kind: "stackedBar",
    axes: { h: "Weighted score (weight × score)" },
    data: [
      ["Site", ...CRITERIA.map((k) => CRITERION_LABELS[k])],
      ...shown.map((p) => [p.label, ...CRITERIA.map((k) => round(p.result.contributions[k] ?? 0, 3))]),
    ],
    reading: `Highest weighted score: ${best.label}, ${fixed(best.result.score as number)} of 5 (${scored.length} candidate${scored.length === 1 ? "" : "s"} scored).${more}`,
  };
}

export interface ActionInput {
  site: string;
  impact: unknown;
  effort: unknown;
  alignment: unknown;
  horizon: string;
  status: string;
}

const isScore = (v: unknown): v is number => typeof v === "number" && v >= 1 && v <= 5;

export function priorityPanel(actions: readonly ActionInput[], cut: number): Panel {
  const title = TITLES.priority;
  if (actions.length === 0) return { title, kind: "bubble", data: null, reading: NO_ACTIONS };
  const scored = actions.filter((a) => isScore(a.impact) && isScore(a.effort) && isScore(a.alignment));
  if (scored.length === 0)
    return {
      title,
      kind: "bubble",
      data: null,
      reading:
        "No action has impact, effort and strategic alignment scored yet: score them from 1 to 5 on the Actions tab first.",
    };
  const perSite = new Map<string, number>();
  const rows = scored.map((a) => {
    const n = (perSite.get(a.site) ?? 0) + 1;
    perSite.set(a.site, n);
    return [`${a.site} #${n}`, a.effort, a.impact, a.site, a.alignment];
  });
  const implement = scored.filter((a) => pickQuadrant(a.impact, a.effort, cut) === "Implement").length;
  return {
    title,
    kind: "bubble",
    axes: { h: "Effort (1–5)", v: "Impact (1–5)" },
    data: [["Action", "Effort", "Impact", "Site", "Strategic alignment"], ...rows],
    reading: `${implement} of ${scored.length} scored actions are in Implement (impact ≥ ${cut}, effort < ${cut}): top left; larger bubbles fit strategy better.`,
  };
}

export function statusPanel(actions: readonly ActionInput[], s: Suppression): Panel {
  const title = TITLES.status;
  if (actions.length === 0) return { title, kind: "stackedBar", data: null, reading: NO_ACTIONS };
  const rowsOf = [...horizons, "no horizon"] as string[];
  const colsOf = [...actionStatuses, "no status"] as string[];
  const counts = rowsOf.map(() => colsOf.map(() => 0));
  for (const a of actions) {
    const r = rowsOf.indexOf(horizons.includes(a.horizon as never) ? a.horizon : "no horizon");
    const c = colsOf.indexOf(actionStatuses.includes(a.status as never) ? a.status : "no status");
    (counts[r] as number[])[c] = ((counts[r] as number[])[c] as number) + 1;
  }
  // Empty rows and columns say nothing: drop them (before suppression, so it sees the table shown).
  const keepRows = rowsOf.map((_, r) => (counts[r] as number[]).some((v) => v > 0));
  const keepCols = colsOf.map((_, c) => counts.some((row) => (row[c] as number) > 0));
  const table = counts.filter((_, r) => keepRows[r]).map((row) => row.filter((_, c) => keepCols[c]));
  const { cells, hidden } = shownCounts(table, s);
  const done = actions.filter((a) => a.status === "done").length;
  return {
    title,
    kind: "stackedBar",
    axes: { h: "Actions" },
    data: [
      ["Horizon", ...colsOf.filter((_, c) => keepCols[c])],
      ...rowsOf.filter((_, r) => keepRows[r]).map((h, i) => [h, ...(cells[i] as (number | "")[])]),
    ],
    reading: hidden
      ? hiddenNote(hidden, s)
      : `${actions.length} action${actions.length === 1 ? "" : "s"}, ${done} done.`,
  };
}

export interface ProgressPoint {
  day: string;
  site: string;
  progress: number;
}

export function progressPanel(points: readonly ProgressPoint[]): Panel {
  const title = TITLES.progress;
  if (points.length === 0)
    return {
      title,
      kind: "line",
      data: null,
      reading:
        "No progress scores yet: fill Actions › Progress (IHI scale 0.5–5.0) first; each refresh records the day's values.",
    };
  const days = [...new Set(points.map((p) => p.day))].sort();
  const sites = [...new Set(points.map((p) => p.site))].sort();
  const value = new Map(points.map((p) => [`${p.day}|${p.site}`, p.progress]));
  const last = days[days.length - 1] as string;
  const latest = sites
    .filter((site) => value.has(`${last}|${site}`))
    .map((site) => `${site} ${(value.get(`${last}|${site}`) as number).toFixed(1)}`);
  return {
    title,
    kind: "line",
    axes: { v: "Mean IHI progress (0.5–5.0)" },
    data: [["Day", ...sites], ...days.map((d) => [d, ...sites.map((s) => value.get(`${d}|${s}`) ?? "")])],
    reading: `On ${last}: ${latest.join(", ")} (mean of each site's actions; ${days.length} day${days.length === 1 ? "" : "s"} recorded).`,
  };
}

export interface SurveyInput {
  satisfaction: Answer;
  relevance: Answer;
  confidence: Answer;
  recommend: Answer;
}

const LIKERT_ITEMS = [
  ["satisfaction", "Satisfaction"],
  ["relevance", "Relevance"],
  ["confidence", "Confidence to apply"],
] as const;
const NO_SURVEY =
  "No survey responses yet: collect the post-exchange survey on the Survey Responses tab first.";

export function likertPanel(responses: readonly SurveyInput[], s: Suppression): Panel {
  const title = TITLES.likert;
  const summaries = LIKERT_ITEMS.map(([key]) => likertSummary(responses.map((r) => r[key])));
  if (summaries.every((x) => x.n === 0)) return { title, kind: "stackedBar", data: null, reading: NO_SURVEY };
  const counts = LIKERT_ITEMS.map(([key]) => {
    const row = [0, 0, 0, 0, 0];
    for (const r of responses) {
      const v = typeof r[key] === "string" ? Number(r[key]) : r[key];
      if (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5)
        row[v - 1] = (row[v - 1] as number) + 1;
    }
    return row;
  });
  const { cells, hidden } = shownCounts(counts, s);
  const tops = LIKERT_ITEMS.map(([, label], i) => {
    const top = summaries[i]?.top2BoxPercent;
    return `${label} ${top === undefined ? "no answers" : percent(top)}`;
  });
  return {
    title,
    kind: "stackedBar",
    axes: { h: "Answers" },
    data: [
      // Text headers: Sheets would read "1"…"5" as numbers and take the header row for data.
      ["Item", "Answered 1", "Answered 2", "Answered 3", "Answered 4", "Answered 5"],
      ...LIKERT_ITEMS.map(([, label], i) => [label, ...(cells[i] as (number | "")[])]),
    ],
    reading: hidden ? hiddenNote(hidden, s) : `Answering 4 or 5 (top-2-box): ${tops.join(", ")}.`,
  };
}

export function npsPanel(responses: readonly SurveyInput[], s: Suppression): Panel {
  const title = TITLES.nps;
  const answers = responses.map((r) => r.recommend);
  const summary = netPromoterScore(answers);
  if (summary.n === 0) return { title, kind: "column", data: null, reading: NO_SURVEY };
  const valid = answers
    .map((a) => (typeof a === "string" ? Number(a) : a))
    .filter((v): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 10);
  const counts = [
    [
      valid.filter((v) => v >= 9).length,
      valid.filter((v) => v >= 7 && v <= 8).length,
      valid.filter((v) => v <= 6).length,
    ],
  ];
  const { cells, hidden } = shownCounts(counts, s);
  const nps = summary.nps as number;
  return {
    title,
    kind: "column",
    axes: { v: "Respondents" },
    data: [
      ["Category", "Respondents"],
      ...["Promoters (9–10)", "Passives (7–8)", "Detractors (0–6)"].map((c, i) => [
        c,
        (cells[0] as (number | "")[])[i],
      ]),
    ],
    reading: hidden
      ? hiddenNote(hidden, s)
      : `NPS ${nps > 0 ? "+" : ""}${Math.round(nps)} (% promoters − % detractors, n = ${summary.n}).`,
  };
}

export interface ImpactInput {
  metric: string;
  direction: string;
  baseline: unknown;
  result: unknown;
  target: unknown;
}

export function impactPanel(rows: readonly ImpactInput[]): Panel {
  const title = TITLES.impact;
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : "");
  const usable = rows.filter(
    (r) => r.metric.trim() !== "" && [r.baseline, r.result, r.target].some((v) => num(v) !== ""),
  );
  if (usable.length === 0)
    return {
      title,
      kind: "column",
      data: null,
      reading:
        "No impact results yet: fill Baseline, Result and Target per metric on the Impact 12m tab first.",
    };
  const judged = usable.filter((r) => num(r.result) !== "" && num(r.target) !== "");
  const met = judged.filter((r) =>
    r.direction === "lower is better"
      ? (r.result as number) <= (r.target as number)
      : (r.result as number) >= (r.target as number),
  );
  return {
    title,
    kind: "column",
    data: [
      ["Metric", "Baseline", "Result", "Target"],
      ...usable.map((r) => [r.metric, num(r.baseline), num(r.result), num(r.target)]),
    ],
    reading: judged.length
      ? `${met.length} of ${judged.length} target${judged.length === 1 ? "" : "s"} met (direction respected: lower or higher is better).`
      : "No metric has both a result and a target yet.",
  };
}

export interface SpeakingInput {
  session: string;
  site: string;
  seconds: number;
}

const NO_SPEAKING = "No speaking time yet: use Peer Exchange › Speaking timer during the exchange first.";

export function giniPanel(rows: readonly SpeakingInput[]): Panel {
  const title = TITLES.gini;
  const sessions = new Map<string, number[]>();
  for (const r of rows) {
    const list = sessions.get(r.session) ?? [];
    list.push(r.seconds);
    sessions.set(r.session, list);
  }
  const points = [...sessions]
    .map(([session, seconds]) => ({ session, g: gini(seconds).gini }))
    .filter((p): p is { session: string; g: number } => p.g !== undefined);
  if (points.length === 0) return { title, kind: "column", data: null, reading: NO_SPEAKING };
  const last = points[points.length - 1] as (typeof points)[number];
  const mean = points.reduce((a, p) => a + p.g, 0) / points.length;
  return {
    title,
    kind: "column",
    axes: { v: "Gini (0 = equal)" },
    data: [["Session", "Gini"], ...points.map((p) => [p.session, round(p.g, 3)])],
    reading: `Latest session “${last.session}”: Gini ${fixed(last.g)}; mean over ${points.length} session${points.length === 1 ? "" : "s"} ${fixed(mean)} (0 = everyone spoke equally; silent sites count as 0).`,
  };
}

export function sharePanel(rows: readonly SpeakingInput[]): Panel {
  const title = TITLES.share;
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.site, (totals.get(r.site) ?? 0) + r.seconds);
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  if (all === 0) return { title, kind: "pie", data: null, reading: NO_SPEAKING };
  const sorted = [...totals].sort((a, b) => b[1] - a[1]);
  const [top, topSeconds] = sorted[0] as [string, number];
  const [low, lowSeconds] = sorted[sorted.length - 1] as [string, number];
  return {
    title,
    kind: "pie",
    data: [["Site", "Seconds"], ...sorted.map(([site, seconds]) => [site, seconds])],
    reading: `Across all sessions: most ${top} ${percent((topSeconds / all) * 100)}, least ${low} ${percent((lowSeconds / all) * 100)} (an equal share is ${percent(100 / sorted.length)}).`,
  };
}

export interface MeasureInput {
  site: string;
  measure: string;
  period: Date;
  value: number;
}

/** One small run chart per site × measure (most points first), at most RUN_CHART_MAX, and a note on the rest. */
export function runChartPanels(points: readonly MeasureInput[], isoDay: (d: Date) => string): Panel[] {
  const series = new Map<string, { site: string; measure: string; points: MeasureInput[] }>();
  for (const p of points) {
    const k = `${p.site}\u0000${p.measure}`;
    const s = series.get(k) ?? { site: p.site, measure: p.measure, points: [] };
    s.points.push(p);
    series.set(k, s);
  }
  if (series.size === 0)
    return [
      {
        title: `${RUN_CHART_PREFIX}measures`,
        kind: "run",
        data: null,
        reading: "No measures yet: record values per site, measure and period on the Measures tab first.",
      },
    ];
  const ordered = [...series.values()].sort(
    (a, b) =>
      b.points.length - a.points.length || a.site.localeCompare(b.site) || a.measure.localeCompare(b.measure),
  );
  const panels = ordered.slice(0, RUN_CHART_MAX).map((s): Panel => {
    const sorted = [...s.points].sort((a, b) => a.period.getTime() - b.period.getTime());
    const result = runChart(sorted.map((p) => p.value));
    const centre = result.median as number;
    // Anhøj's rules apply at any number of useful points; the IHI rules need 10 (METHODS.md).
    const reasons = [
      result.ihi.shift ? "shift" : "",
      result.ihi.trend ? "trend" : "",
      result.anhoej.unusuallyLongRun ? "unusually long run" : "",
      result.anhoej.tooFewCrossings ? "too few crossings" : "",
      result.ihi.runsVerdict === "too few runs" || result.ihi.runsVerdict === "too many runs"
        ? result.ihi.runsVerdict
        : "",
    ].filter(Boolean);
    const signal =
      reasons.length > 0
        ? `non-random signal (${reasons.join(", ")})`
        : result.ihi.status !== "ok"
          ? `no non-random signal yet; too few points for the IHI rules (${result.useful} off the median, 10 needed)`
          : "no non-random signal";
    return {
      title: `${RUN_CHART_PREFIX}${s.site} · ${s.measure}`,
      kind: "run",
      axes: { v: s.measure },
      data: [["Period", s.measure, "Median"], ...sorted.map((p) => [isoDay(p.period), p.value, centre])],
      reading: `${sorted.length} points, median ${round(centre, 2)}: ${signal} (IHI and Anhøj rules).`,
    };
  });
  const omitted = ordered.slice(RUN_CHART_MAX);
  if (omitted.length) {
    const named = omitted.slice(0, 10).map((s) => `${s.site} · ${s.measure} (${s.points.length})`);
    const more = omitted.length > named.length ? ` and ${omitted.length - named.length} more` : "";
    panels.push({
      title: TITLES.runOmitted,
      kind: "run",
      data: null,
      reading: `${omitted.length} run chart${omitted.length === 1 ? "" : "s"} not shown (at most ${RUN_CHART_MAX}, the longest series first): ${named.join(", ")}${more}.`,
    });
  }
  return panels;
}
