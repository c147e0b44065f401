// 12-month impact review: one Impact 12m row per charter target (metric, unit, direction, baseline,
// target from the Targets tab), merged by metric so a Result typed earlier is never overwritten; the
// change columns are the schema's live formulas. A column chart shows baseline, result and target per
// target, found again by its title on the next run. Change in words: shared/methods/change.ts.
import { change, type Direction, describeChange } from "../../../shared/methods/change";
import { FIRST_DATA_ROW, type ImpactRow, impactChartTab } from "../../../shared/schema";
import { guardMenuResult } from "../menuGuard";
import { upsertChart, writeChartData } from "../sheets/charts";
import { openTable } from "../sheets/table";
import { type EvaluateReport, failed, stop, tell } from "./report";

const TITLE = "12-month impact review";
export const IMPACT_CHART_TITLE = "Baseline, result and target per charter target";

export interface ImpactReport extends EvaluateReport {
  added?: number;
  updated?: number;
  /** Targets left out because they have no baseline. */
  withoutBaseline?: string[];
}

const metricKey = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();
const directionOf = (text: string): Direction | undefined =>
  text === "lower is better" ? "lower" : text === "higher is better" ? "higher" : undefined;
export const isRateUnit = (unit: string) => unit.trim() === "%";

/** Peer Exchange › 12-month impact review. */
export function reviewImpact(): ImpactReport {
  return guardMenuResult(TITLE, runReview, failed);
}

function runReview(): ImpactReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const targets = openTable(spreadsheet, "Targets", {
    require: ["metric", "unit", "direction", "baseline", "target"],
  });
  if (!targets.ok) return stop(TITLE, targets.error.message);
  const impact = openTable(spreadsheet, "Impact 12m");
  if (!impact.ok) return stop(TITLE, impact.error.message);

  const charterTargets = targets.value
    .read({ keys: ["metric", "unit", "direction", "baseline", "target"] })
    .map((r) => r.record)
    .filter((t) => t.metric.trim() !== "");
  if (charterTargets.length === 0)
    return stop(
      TITLE,
      "The charter has no targets yet. Add each measurable target (metric, unit, direction, baseline, target) with Peer Exchange › Charter…, then run this again.",
    );
  const withoutBaseline = charterTargets.filter((t) => t.baseline === "").map((t) => t.metric.trim());
  const usable = charterTargets.filter((t) => t.baseline !== "");
  const skipped = withoutBaseline.length
    ? `Left out, because ${withoutBaseline.length === 1 ? "it has" : "they have"} no baseline on the Targets tab: ${withoutBaseline.join(", ")}. Type the value before the exchange in the Baseline column (Charter…), then run this again.`
    : "";
  if (usable.length === 0) return stop(TITLE, `No target can be reviewed yet. ${skipped}`);

  const rows = impact.value.read();
  const rowOf = new Map(rows.map((r) => [metricKey(r.record.metric), r] as const));
  const updates: { row: number; values: Partial<ImpactRow> }[] = [];
  const additions: Partial<ImpactRow>[] = [];
  for (const t of usable) {
    // From the charter: metric, unit, direction, baseline, target. Result, review date and notes are the reviewer's.
    const fromCharter = { unit: t.unit, direction: t.direction, baseline: t.baseline, target: t.target };
    const found = rowOf.get(metricKey(t.metric));
    if (!found) additions.push({ metric: t.metric.trim(), ...fromCharter });
    else if (Object.entries(fromCharter).some(([k, v]) => found.record[k as keyof ImpactRow] !== v))
      updates.push({ row: found.row, values: fromCharter });
  }
  impact.value.update(updates);
  impact.value.append(additions);

  // The chart and the message read the merged rows (typed results included).
  const merged = usable.map((t) => {
    const found = rowOf.get(metricKey(t.metric));
    return { ...t, result: found ? found.record.result : ("" as const) };
  });
  drawChart(spreadsheet, impact.value.sheet, impact.value.headers.length, merged);

  const lines = [
    `${additions.length} target${additions.length === 1 ? "" : "s"} added and ${updates.length} updated from the charter on the Impact 12m tab; results you typed are kept.`,
  ];
  const waiting: string[] = [];
  for (const t of merged) {
    if (t.result === "") {
      waiting.push(t.metric.trim());
      continue;
    }
    const c = change({
      baseline: t.baseline as number,
      result: t.result,
      isRate: isRateUnit(t.unit),
      direction: directionOf(t.direction),
      ...(t.target === "" ? {} : { target: t.target }),
    });
    const met = c.targetMet === undefined ? "" : c.targetMet ? "; target met" : "; target not met";
    lines.push(
      `• ${t.metric.trim()}: ${t.baseline} → ${t.result} ${t.unit.trim()}, ${describeChange(c)}${met}.`,
    );
  }
  if (waiting.length)
    lines.push(
      `Type the 12-month result for ${waiting.join(", ")} in the Result column, then run this again to refresh the chart.`,
    );
  if (skipped) lines.push(skipped);
  const message = lines.join("\n");
  tell(TITLE, message);
  return { ok: true, message, added: additions.length, updated: updates.length, withoutBaseline };
}

function drawChart(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  width: number,
  rows: readonly {
    metric: string;
    unit: string;
    baseline: number | "";
    result: number | "";
    target: number | "";
  }[],
): void {
  const data: unknown[][] = [
    ["Metric", "Baseline", "Result", "Target"],
    ...rows.map((t) => [
      `${t.metric.trim()}${t.unit.trim() ? ` (${t.unit.trim()})` : ""}`,
      t.baseline,
      t.result,
      t.target,
    ]),
  ];
  const range = writeChartData(spreadsheet, impactChartTab.name, data);
  if (!range) return;
  upsertChart(sheet, {
    title: IMPACT_CHART_TITLE,
    range,
    anchor: { row: FIRST_DATA_ROW, column: width + 2 },
    style: (b) => b.asColumnChart().setNumHeaders(1).setOption("legend", { position: "bottom" }),
  });
}
