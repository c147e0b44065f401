// Measures as series: one per site and measure, in period order, checked before any rule runs, then read
// with the run-chart rules (runChart.ts) and the XmR chart (xmr.ts), and described in plain words.
import { formatFixed } from "./rounding";
import { MIN_USEFUL_POINTS, type RunChartResult, runChart } from "./runChart";
import { type XmrResult, xmr } from "./xmr";

/** Fewer points draw no line and give no moving range. */
export const MIN_SERIES_POINTS = 2;
/** How many rows a message names before "and N more". */
const ROWS_NAMED = 10;

/** One Measures row as read: `value` and `period` are "" when blank or not of their type. */
export interface MeasureInput {
  row: number;
  site: string;
  measure: string;
  period: Date | "";
  value: number | "";
  baseline: boolean;
  /** The cell held something, but not a number / not a date. */
  badValue?: boolean;
  badPeriod?: boolean;
}

export interface SeriesPoint {
  row: number;
  period: Date;
  value: number;
  baseline: boolean;
}

export interface Series {
  site: string;
  measure: string;
  points: SeriesPoint[];
  /** Leading points ticked as baseline (0 when none). */
  baseline: number;
}

export type DateLabel = (date: Date) => string;

function rowList(rows: readonly number[]): string {
  const named = rows.slice(0, ROWS_NAMED).join(", ");
  const more = rows.length > ROWS_NAMED ? ` and ${rows.length - ROWS_NAMED} more` : "";
  return `${rows.length === 1 ? "row" : "rows"} ${named}${more}`;
}

const seriesName = (s: { site: string; measure: string }) => `${s.site} — ${s.measure}`;

/**
 * Groups rows into series (site and measure, in sheet order) and lists every problem that stops the
 * analysis, each naming its rows and what to do. No problem → the series, ready for the rules.
 */
export function groupSeries(
  inputs: readonly MeasureInput[],
  label: DateLabel,
): { series: Series[]; problems: string[] } {
  const problems: string[] = [];
  const noName = inputs.filter((r) => r.site.trim() === "" || r.measure.trim() === "").map((r) => r.row);
  const badValue = inputs.filter((r) => r.value === "").map((r) => r.row);
  const badPeriod = inputs.filter((r) => r.period === "").map((r) => r.row);
  if (noName.length)
    problems.push(`Site or Measure is blank on ${rowList(noName)}: fill both in, or delete the row.`);
  if (badValue.length) {
    const typed = inputs.filter((r) => r.value === "" && r.badValue).length;
    problems.push(
      `Value is ${typed ? "not a number" : "blank"}${typed && typed < badValue.length ? " or blank" : ""} on ${rowList(badValue)}: type a number (no units or text), or delete the row.`,
    );
  }
  if (badPeriod.length)
    problems.push(
      `Period is blank or not a date on ${rowList(badPeriod)}: type the period's date, e.g. 2026-03-01.`,
    );

  const bySeries = new Map<string, Series>();
  for (const r of inputs) {
    if (r.site.trim() === "" || r.measure.trim() === "" || r.value === "" || r.period === "") continue;
    const site = r.site.trim();
    const measure = r.measure.trim();
    const key = `${site}\u0000${measure}`;
    const s = bySeries.get(key) ?? { site, measure, points: [], baseline: 0 };
    bySeries.set(key, s);
    s.points.push({ row: r.row, period: r.period, value: r.value, baseline: r.baseline });
  }
  const series = [...bySeries.values()];
  for (const s of series) problems.push(...seriesProblems(s, label));
  if (problems.length === 0) for (const s of series) s.baseline = s.points.filter((p) => p.baseline).length;
  return { series, problems };
}

function seriesProblems(s: Series, label: DateLabel): string[] {
  const problems: string[] = [];
  const name = seriesName(s);
  const { points } = s;
  if (points.length < MIN_SERIES_POINTS)
    problems.push(
      `${name} has ${points.length} point (${rowList(points.map((p) => p.row))}); a series needs at least ${MIN_SERIES_POINTS} periods: add its other periods, or delete the row.`,
    );
  const duplicates: string[] = [];
  const disorder: string[] = [];
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1] as SeriesPoint;
    const p = points[i] as SeriesPoint;
    if (p.period.getTime() === before.period.getTime())
      duplicates.push(`rows ${before.row} and ${p.row} are both for ${label(p.period)}`);
    else if (p.period.getTime() < before.period.getTime())
      disorder.push(
        `row ${p.row} (${label(p.period)}) comes after row ${before.row} (${label(before.period)})`,
      );
  }
  if (duplicates.length) problems.push(`${name}: ${duplicates.join("; ")}. Keep one row per period.`);
  if (disorder.length)
    problems.push(
      `${name}: periods out of order — ${disorder.join("; ")}. Sort the Measures tab by Site, Measure, then Period (Data › Sort range).`,
    );
  const ticked = points.map((p) => p.baseline);
  const firstGap = ticked.indexOf(false);
  const lateTick = firstGap >= 0 ? ticked.indexOf(true, firstGap) : -1;
  if (lateTick >= 0)
    problems.push(
      `${name}: Baseline is ticked on row ${points[lateTick]?.row} but not on row ${points[firstGap]?.row} before it. Tick the series' first periods, without gaps.`,
    );
  else if (ticked.filter(Boolean).length === 1)
    problems.push(
      `${name}: Baseline is ticked on one period only (row ${points[0]?.row}). Tick at least 2 first periods, or none.`,
    );
  return problems;
}

export interface SeriesAnalysis {
  site: string;
  measure: string;
  points: number;
  first: Date;
  last: Date;
  run: RunChartResult;
  xmr: XmrResult;
  reading: string;
}

export function analyzeSeries(s: Series, label: DateLabel): SeriesAnalysis {
  const values = s.points.map((p) => p.value);
  const frozen = s.baseline >= MIN_SERIES_POINTS ? s.baseline : undefined;
  const run = runChart(values, frozen ? { baseline: frozen } : {});
  const limits = xmr(values, frozen ? { baseline: frozen } : {});
  const periods = s.points.map((p) => p.period);
  return {
    site: s.site,
    measure: s.measure,
    points: values.length,
    first: periods[0] as Date,
    last: periods[periods.length - 1] as Date,
    run,
    xmr: limits,
    reading: readingOf(run, limits, periods, label),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "since March 2026" when the stretch reaches the last point, else "from … to …". */
function span(periods: readonly Date[], start: number, end: number, label: DateLabel): string {
  const from = label(periods[start] as Date);
  if (end === periods.length - 1) return `since ${from}`;
  return `from ${from} to ${label(periods[end] as Date)}`;
}

/** The series in plain words: the centre, then each signal with when it happened, or that there is none. */
export function readingOf(
  run: RunChartResult,
  limits: XmrResult,
  periods: readonly Date[],
  label: DateLabel,
): string {
  const centreName = run.centreFrom === "baseline median" ? "baseline median" : "median";
  const parts: string[] = [];
  if (run.centre !== null) {
    const base =
      run.centreFrom === "baseline median"
        ? ` (first ${plural(run.baselinePoints as number, "period")}, to ${label(periods[(run.baselinePoints as number) - 1] as Date)})`
        : "";
    parts.push(
      `${centreName === "median" ? "Median" : "Baseline median"} ${formatFixed(run.centre)}${base}.`,
    );
  }
  const signals: string[] = [];
  const { ihi, anhoej } = run;
  if (ihi.status === "too few points")
    parts.push(
      `IHI rules not computable yet: ${plural(run.useful, "useful point")} of the ${MIN_USEFUL_POINTS} needed (points on the ${centreName} do not count).`,
    );
  for (const s of ihi.shifts ?? [])
    signals.push(
      `${s.length} points ${s.side} the ${centreName} ${span(periods, s.start, s.end, label)}: a shift.`,
    );
  for (const t of ihi.trends ?? [])
    signals.push(`${t.length} points going ${t.direction} ${span(periods, t.start, t.end, label)}: a trend.`);
  if (ihi.runsVerdict === "too few runs")
    signals.push(`${ihi.runsCount} runs where at least ${ihi.runsLimits?.lower} are expected: too few runs.`);
  if (ihi.runsVerdict === "too many runs")
    signals.push(
      `${ihi.runsCount} runs where at most ${ihi.runsLimits?.upper} are expected: too many runs (alternating data).`,
    );
  if (anhoej.unusuallyLongRun)
    signals.push(
      `Longest run ${run.longestRun} points, more than ${anhoej.longestRunMax}: unusually long (Anhøj).`,
    );
  if (anhoej.tooFewCrossings)
    signals.push(
      `${plural(run.crossings as number, "crossing")} of the ${centreName}, fewer than ${anhoej.crossingsMin}: too few (Anhøj).`,
    );
  signals.push(...xmrSignals(limits, periods, label));
  if (limits.status === "no variation")
    parts.push("No variation: every value in the limits' periods is the same.");
  if (signals.length) parts.push(...signals);
  else if (ihi.signal === false && anhoej.signal === false)
    parts.push(`No signal: random variation around the ${centreName} (common cause).`);
  else parts.push("No signal so far.");
  return parts.join(" ");
}

function xmrSignals(limits: XmrResult, periods: readonly Date[], label: DateLabel): string[] {
  const out: string[] = [];
  const at = (indices: readonly number[]) => {
    const named = indices.slice(0, 3).map((i) => label(periods[i] as Date));
    return indices.length > 3 ? `${named.join(", ")} and ${indices.length - 3} more` : named.join(", ");
  };
  const kind = limits.trial ? "trial limits" : "limits";
  if (limits.outside.length) out.push(`Outside the XmR ${kind}: ${at(limits.outside)}.`);
  if (limits.twoOfThree.length) out.push(`2 of 3 points beyond 2 sigma: ${at(limits.twoOfThree)}.`);
  for (const r of limits.runs)
    out.push(
      `${r.end - r.start + 1} points ${r.side} the mean ${span(periods, r.start, r.end, label)} (XmR).`,
    );
  for (const t of limits.trends)
    out.push(
      `${t.end - t.start + 1} points each ${t.direction === "up" ? "higher" : "lower"} ${span(periods, t.start, t.end, label)} (XmR).`,
    );
  if (limits.movingRangeAbove.length)
    out.push(`Jumps above the moving-range limit at ${at(limits.movingRangeAbove)}.`);
  return out;
}
