// Peer Exchange › Analyze measures (seed: "Monitoring Plan", "Analytics Dashboards (Non-Benchmarking)"):
// every site and measure on the Measures tab becomes a series, is checked (nothing is written while any
// row is wrong), then read with the run-chart rules and XmR limits (shared/methods/measureSeries.ts).
// Results go to the Measure Analysis tab with one run chart per series, and the adoption rate of each
// practice to the Adoption tab with its chart. Sites are never ranked against each other.
import {
  type AdoptionAction,
  adoptionByPeriod,
  type PracticeAdoption,
} from "../../../shared/methods/adoption";
import {
  analyzeSeries,
  type DateLabel,
  groupSeries,
  type MeasureInput,
  type Series,
  type SeriesAnalysis,
} from "../../../shared/methods/measureSeries";
import { siteLabel } from "../../../shared/methods/pseudonyms";
import { type AdoptionRow, FIRST_DATA_ROW, type MeasureAnalysisRow } from "../../../shared/schema";
import { guardMenuResult } from "../menuGuard";
import { fail, ok, type Result } from "../sheets/result";
import { openTable, type Table } from "../sheets/table";
import { drawAdoptionChart, drawRunCharts } from "./measuresCharts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = "Analyze measures";

/** What the menu function returns: the sandbox and the tests read it; Sheets ignores it. */
export interface MeasuresReport {
  ok: boolean;
  message: string;
  series: number;
  charts: { inserted: number; updated: number; removed: number };
}

const failed = (message: string): MeasuresReport => ({
  ok: false,
  message,
  series: 0,
  charts: { inserted: 0, updated: 0, removed: 0 },
});

function alert(message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(TITLE, message, ui.ButtonSet.OK);
}

function stop(message: string): MeasuresReport {
  alert(message);
  return failed(message);
}

const NO_DATA =
  "The Measures tab has no data yet. Add one row per site, measure and period (Site, Measure, Period, Value), at least 2 periods per series, then run Analyze measures again.";

/** Peer Exchange › Analyze measures. */
export function analyzeMeasures(): MeasuresReport {
  return guardMenuResult(TITLE, runAnalyzeMeasures, failed);
}

/** Dates as a person reads them, in the workbook's time zone: "2026-03-02", or "March 2026" for monthly data. */
function dateLabels(timeZone: string): { day: DateLabel; month: DateLabel; firstOfMonth(d: Date): boolean } {
  let zone = timeZone || "Etc/UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    zone = "Etc/UTC";
  }
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const monthName = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "long" });
  const part = (d: Date, type: string) => parts.formatToParts(d).find((p) => p.type === type)?.value ?? "";
  return {
    day: (d) => `${part(d, "year")}-${part(d, "month")}-${part(d, "day")}`,
    month: (d) => monthName.format(d),
    firstOfMonth: (d) => part(d, "day") === "01",
  };
}

/**
 * How each site is shown: the Peers tab's pseudonym unless the site gave permission to be named. A name
 * typed on Measures that is on Peers without permission and without a pseudonym cannot be shown.
 */
function siteNaming(spreadsheet: Spreadsheet): (typed: string) => { label: string; unnamed: boolean } {
  const byName = new Map<string, { label: string }>();
  const peers = openTable(spreadsheet, "Peers", {
    require: ["siteName", "pseudonym", "permissionToIdentify"],
  });
  if (peers.ok) {
    for (const { record } of peers.value.read({ keys: ["siteName", "pseudonym", "permissionToIdentify"] })) {
      const name = String(record.siteName).trim();
      if (!name) continue;
      const label = siteLabel(record);
      byName.set(name.toLowerCase(), { label });
    }
  }
  return (typed) => {
    const known = byName.get(typed.trim().toLowerCase());
    if (!known) return { label: typed.trim(), unnamed: false };
    return { label: known.label, unnamed: known.label === "" };
  };
}

const MEASURE_KEYS = ["site", "measure", "period", "value", "baseline"] as const;

function readInputs(
  table: Table<"Measures">,
  nameOf: ReturnType<typeof siteNaming>,
): { inputs: MeasureInput[]; unnamed: Map<string, number[]> } {
  const unnamed = new Map<string, number[]>();
  // An unticked Baseline checkbox reads FALSE: a row with nothing else in it is an empty row.
  const filled = table
    .read({ keys: MEASURE_KEYS })
    .filter(({ raw }) =>
      ["site", "measure", "period", "value"].some((k) => raw[k] !== "" && raw[k] !== undefined),
    );
  const inputs = filled.map(({ row, record, invalid }) => {
    const typed = String(record.site).trim();
    const site = nameOf(typed);
    if (site.unnamed) unnamed.set(typed, [...(unnamed.get(typed) ?? []), row]);
    return {
      row,
      site: site.label || String(record.site),
      measure: String(record.measure),
      period: record.period,
      value: record.value,
      baseline: record.baseline === true,
      badValue: invalid.includes("value"),
      badPeriod: invalid.includes("period"),
    };
  });
  return { inputs, unnamed };
}

function runAnalyzeMeasures(): MeasuresReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const measures = openTable(spreadsheet, "Measures", { require: ["site", "measure", "period", "value"] });
  if (!measures.ok) return stop(measures.error.message);
  const analysisTable = openTable(spreadsheet, "Measure Analysis");
  if (!analysisTable.ok) return stop(analysisTable.error.message);
  const adoptionTable = openTable(spreadsheet, "Adoption");
  if (!adoptionTable.ok) return stop(adoptionTable.error.message);

  const labels = dateLabels(spreadsheet.getSpreadsheetTimeZone());
  const nameOf = siteNaming(spreadsheet);
  const { inputs, unnamed } = readInputs(measures.value, nameOf);
  if (inputs.length === 0) return stop(NO_DATA);
  const { series, problems } = groupSeries(inputs, labels.day);
  for (const [typed, rows] of unnamed)
    problems.push(
      `“${typed}” (rows ${rows.slice(0, 10).join(", ")}) is on the Peers tab without a pseudonym or permission to be named: run Select peer group (it gives pseudonyms), or tick Permission to identify.`,
    );
  if (problems.length)
    return stop(
      `Nothing was written. Fix ${problems.length === 1 ? "this" : "these"} on the Measures tab, then run Analyze measures again:\n\n${problems.map((p) => `• ${p}`).join("\n")}`,
    );

  const analyses = series.map((s) => analyzeSeries(s, labelFor(s, labels)));
  writeRows(analysisTable.value, analyses.map(analysisRecord));
  const adoption = readAdoption(spreadsheet, nameOf, series);
  writeRows(adoptionTable.value, adoptionRecords(adoption.ok ? adoption.value : []));

  const charts = drawRunCharts(
    spreadsheet,
    analysisTable.value.sheet,
    analysisTable.value.headers.length + 2,
    series.map((s, i) => ({
      analysis: analyses[i] as SeriesAnalysis,
      periods: s.points.map((p) => p.period),
      values: s.points.map((p) => p.value),
    })),
  );
  drawAdoptionChart(
    spreadsheet,
    adoptionTable.value.sheet,
    adoptionTable.value.headers.length + 2,
    adoption.ok ? adoption.value : [],
  );

  const signalled = analyses.filter((a) => a.run.ihi.signal || a.run.anhoej.signal || a.xmr.signal).length;
  const lines = [
    `Analyzed ${series.length} series (site and measure) on the Measure Analysis tab, each with its run chart: ${signalled} show a signal. Read the Reading column for what each chart says.`,
    adoption.ok ? adoptionSummary(adoption.value) : `No adoption rate: ${adoption.error.message}`,
  ];
  const message = lines.join("\n\n");
  alert(message);
  return { ok: true, message, series: series.length, charts };
}

function adoptionSummary(practices: readonly PracticeAdoption[]): string {
  if (practices.length === 0)
    return "No action on the Actions tab is linked to a practice yet, so there is no adoption rate to show.";
  const charted = practices.filter((p) => p.points.length > 0);
  const waiting = practices.filter((p) => p.points.length === 0).map((p) => p.practice);
  const lines: string[] = [];
  if (charted.length)
    lines.push(
      `Adoption rate of ${charted.length} practice${charted.length === 1 ? "" : "s"} by period is on the Adoption tab.`,
    );
  if (waiting.length)
    lines.push(
      `No adoption rate yet for ${waiting.join(", ")}: no linked action names a Monitoring measure that has data on the Measures tab.`,
    );
  return lines.join(" ");
}

/** Monthly series (every period on the 1st) read "March 2026"; any other reads the day. */
function labelFor(s: Series, labels: ReturnType<typeof dateLabels>): DateLabel {
  return s.points.every((p) => labels.firstOfMonth(p.period)) ? labels.month : labels.day;
}

const yesNo = (v: boolean | null) => (v === null ? "not computable" : v ? "yes" : "no");

export function analysisRecord(a: SeriesAnalysis): Partial<MeasureAnalysisRow> {
  const { run, xmr } = a;
  const { ihi, anhoej } = run;
  const runs =
    ihi.runsCount === null
      ? "not computable"
      : ihi.runsLimits
        ? `${ihi.runsCount} (${ihi.runsLimits.lower}–${ihi.runsLimits.upper} expected)`
        : `${ihi.runsCount} (more useful points than the published table's 60)`;
  const anySignal = ihi.signal === true || anhoej.signal === true;
  const runChartSignal = anySignal
    ? "yes"
    : anhoej.signal === null
      ? "not computable"
      : ihi.signal === null
        ? "no (IHI rules need 10 useful points)"
        : "no";
  const limitsStatus =
    xmr.status === "no variation"
      ? "no variation"
      : `${xmr.trial ? "trial, " : ""}from ${xmr.limitPoints} points${xmr.limitPoints < a.points ? " (baseline)" : ""}`;
  return {
    site: a.site,
    measure: a.measure,
    points: a.points,
    firstPeriod: a.first,
    lastPeriod: a.last,
    centre: run.centre ?? "",
    centreFrom:
      run.centreFrom === "baseline median"
        ? `baseline median (first ${run.baselinePoints} points)`
        : `median of ${a.points} points`,
    usefulPoints: run.useful,
    shift: yesNo(ihi.shift),
    trend: yesNo(ihi.trend),
    runs,
    longestRun:
      run.longestRun === null ? "not computable" : `${run.longestRun} (limit ${anhoej.longestRunMax})`,
    crossings:
      run.crossings === null ? "not computable" : `${run.crossings} (at least ${anhoej.crossingsMin})`,
    runChartSignal,
    xmrMean: xmr.mean ?? "",
    lowerLimit: xmr.lowerLimit ?? "",
    upperLimit: xmr.upperLimit ?? "",
    rangeLimit: xmr.upperRangeLimit ?? "",
    limitsStatus,
    xmrSignal: xmr.signal ? "yes" : "no",
    reading: a.reading,
  };
}

function readAdoption(
  spreadsheet: Spreadsheet,
  nameOf: ReturnType<typeof siteNaming>,
  series: readonly Series[],
): Result<PracticeAdoption[]> {
  const keys = ["site", "linkedPractice", "status", "monitoringMeasure"] as const;
  const actions = openTable(spreadsheet, "Actions", { require: keys });
  if (!actions.ok) return fail(actions.error.code, actions.error.message);
  const linked: AdoptionAction[] = actions.value.read({ keys }).map(({ record }) => ({
    site: nameOf(String(record.site)).label,
    practice: String(record.linkedPractice),
    status: String(record.status),
    measure: String(record.monitoringMeasure),
  }));
  return ok(
    adoptionByPeriod(
      linked,
      series.map((s) => ({ site: s.site, measure: s.measure, periods: s.points.map((p) => p.period) })),
    ),
  );
}

function adoptionRecords(practices: readonly PracticeAdoption[]): Partial<AdoptionRow>[] {
  return practices.flatMap((p) =>
    p.points.map((q) => ({
      practice: p.practice,
      period: q.period,
      adopted: q.adopted,
      committed: q.committed,
      rate: q.rate,
    })),
  );
}

/** Rewrites a results tab whole: existing rows overwritten, the rest appended, rows left over blanked. */
function writeRows<N extends "Measure Analysis" | "Adoption">(
  table: Table<N>,
  records: readonly Record<string, unknown>[],
): void {
  const keys = [...table.located.keys()];
  const blank = Object.fromEntries(keys.map((k) => [k, ""]));
  const last = table.lastRow();
  const existing = Array.from(
    { length: Math.max(0, last - FIRST_DATA_ROW + 1) },
    (_, i) => i + FIRST_DATA_ROW,
  );
  table.update(existing.map((row, i) => ({ row, values: { ...blank, ...(records[i] ?? {}) } })) as never);
  table.append(records.slice(existing.length) as never);
}
