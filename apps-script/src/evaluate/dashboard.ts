// Peer Exchange › Refresh dashboard: every manager chart on the Dashboard tab, in a fixed two-column grid,
// each with its title and a one-line reading above it; the data on the hidden Dashboard Data tab (rewritten
// whole); each site's mean IHI progress recorded per day on Progress History so progress accrues a history.
// Reads each source once; writes in blocks; confidential clips are not a source (no Insights are read).
import { dashboardDataTab, dashboardTab, type SettingValues, tab } from "../../../shared/schema";
import { formatAmount, readPoolBalance } from "../community/pool";
import { guardMenuResult } from "../menuGuard";
import { weightsFrom } from "../plan/peers";
import { writeChartData } from "../sheets/charts";
import { readSettings } from "../sheets/form";
import { isDateValue, missingTabMessage, openTable, type Table } from "../sheets/table";
import { type WorkbookZone, workbookZone } from "../sheets/zone";
import { drawCharts, textCells, writeTextCells } from "./dashboardLayout";
import {
  type ActionInput,
  giniPanel,
  impactPanel,
  likertPanel,
  npsPanel,
  type Panel,
  type ProgressPoint,
  peerScoresPanel,
  priorityPanel,
  progressPanel,
  runChartPanels,
  type Suppression,
  sharePanel,
  statusPanel,
} from "./dashboardPanels";
import { type SiteNamer, siteNamer } from "./dashboardSites";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const TITLE = "Refresh dashboard";
const FINGERPRINTS_KEY = "dashboardCells";

export interface DashboardReport {
  ok: boolean;
  message: string;
  charts: number;
  placeholders: string[];
}

const failed = (message: string): DashboardReport => ({ ok: false, message, charts: 0, placeholders: [] });

function stop(message: string): DashboardReport {
  const ui = SpreadsheetApp.getUi();
  ui.alert(TITLE, message, ui.ButtonSet.OK);
  return failed(message);
}

export function refreshDashboard(): DashboardReport {
  return guardMenuResult(TITLE, runRefresh, failed);
}

interface Sources {
  peers: Table<"Peers">;
  actions: Table<"Actions">;
  survey: Table<"Survey Responses">;
  impact: Table<"Impact 12m">;
  speaking: Table<"Speaking">;
  measures: Table<"Measures">;
  history: Table<"Progress History">;
}

/** Every source, or the first problem in words: nothing is written unless all open. */
function openSources(spreadsheet: Spreadsheet): Sources | string {
  const peers = openTable(spreadsheet, "Peers", {
    require: [
      "siteName",
      "pseudonym",
      "permissionToIdentify",
      "similarity",
      "success",
      "willingness",
      "diversity",
    ],
  });
  if (!peers.ok) return peers.error.message;
  const actions = openTable(spreadsheet, "Actions", {
    require: ["site", "impact", "effort", "alignment", "horizon", "status", "progress"],
  });
  if (!actions.ok) return actions.error.message;
  const survey = openTable(spreadsheet, "Survey Responses", {
    require: ["satisfaction", "relevance", "confidence", "recommend"],
  });
  if (!survey.ok) return survey.error.message;
  const impact = openTable(spreadsheet, "Impact 12m", {
    require: ["metric", "direction", "baseline", "result", "target"],
  });
  if (!impact.ok) return impact.error.message;
  const speaking = openTable(spreadsheet, "Speaking", { require: ["session", "site", "seconds"] });
  if (!speaking.ok) return speaking.error.message;
  const measures = openTable(spreadsheet, "Measures", { require: ["site", "measure", "period", "value"] });
  if (!measures.ok) return measures.error.message;
  const history = openTable(spreadsheet, "Progress History");
  if (!history.ok) return history.error.message;
  return {
    peers: peers.value,
    actions: actions.value,
    survey: survey.value,
    impact: impact.value,
    speaking: speaking.value,
    measures: measures.value,
    history: history.value,
  };
}

/**
 * Records today's mean progress per site (replacing an earlier snapshot of the same day) and returns every
 * day's. Sites are kept as written on Actions, so a later grant or withdrawal of permission renames them
 * on the chart too.
 */
function recordProgress(
  history: Table<"Progress History">,
  scores: readonly { site: string; progress: unknown }[],
  today: Date,
  zone: WorkbookZone,
): ProgressPoint[] {
  const isoDay = (date: Date) => zone.format(date);
  const day = isoDay(today);
  const sums = new Map<string, { total: number; n: number }>();
  for (const { site, progress: p } of scores) {
    if (typeof p !== "number" || p < 0.5 || p > 5 || site === "") continue;
    const s = sums.get(site) ?? { total: 0, n: 0 };
    s.total += p;
    s.n += 1;
    sums.set(site, s);
  }
  const rows = history.read();
  const todays = new Map<string, number>();
  const points: ProgressPoint[] = [];
  for (const r of rows) {
    const date = r.record.date;
    if (!isDateValue(date) || typeof r.record.progress !== "number") continue;
    if (isoDay(date) === day) todays.set(String(r.record.site), r.row);
    else points.push({ day: isoDay(date), site: String(r.record.site), progress: r.record.progress });
  }
  const snapshot = [...sums].map(([site, s]) => ({
    date: zone.at(...(day.split("-").map(Number) as [number, number, number])),
    site,
    progress: Math.round((s.total / s.n) * 100) / 100,
    actions: s.n,
  }));
  history.update(
    snapshot.filter((s) => todays.has(s.site)).map((s) => ({ row: todays.get(s.site) as number, values: s })),
  );
  history.append(snapshot.filter((s) => !todays.has(s.site)));
  for (const s of snapshot) points.push({ day, site: s.site, progress: s.progress });
  return points;
}

function buildPanels(sources: Sources, settings: SettingValues, today: Date, zone: WorkbookZone): Panel[] {
  const isoDay = (date: Date) => zone.format(date);
  const peerRows = sources.peers.read();
  const names: SiteNamer = siteNamer(peerRows);
  const s: Suppression = {
    shared: settings.dashboardShared === "yes",
    threshold: settings.suppressionThreshold,
  };

  const peers = peerRows
    .filter((r) => String(r.record.siteName).trim() !== "")
    .map((r) => ({
      label: names.label(String(r.record.siteName)),
      scores: {
        similarity: r.record.similarity,
        success: r.record.success,
        willingness: r.record.willingness,
        diversity: r.record.diversity,
      },
    }));

  const actionRows = sources.actions.read({
    keys: ["site", "impact", "effort", "alignment", "horizon", "status", "progress"],
  });
  const actions: ActionInput[] = actionRows.map((r) => ({
    site: String(r.record.site).trim() === "" ? "" : names.label(String(r.record.site)),
    impact: r.record.impact,
    effort: r.record.effort,
    alignment: r.record.alignment,
    horizon: String(r.record.horizon),
    status: String(r.record.status),
  }));
  const progress = recordProgress(
    sources.history,
    actionRows.map((r) => ({ site: String(r.record.site).trim(), progress: r.record.progress })),
    today,
    zone,
  ).map((p) => ({ ...p, site: names.label(p.site) }));

  const responses = sources.survey
    .read({ keys: ["satisfaction", "relevance", "confidence", "recommend"] })
    .map((r) => ({
      satisfaction: r.record.satisfaction as number | "",
      relevance: r.record.relevance as number | "",
      confidence: r.record.confidence as number | "",
      recommend: r.record.recommend as number | "",
    }));
  const impact = sources.impact.read().map((r) => ({
    metric: String(r.record.metric),
    direction: String(r.record.direction),
    baseline: r.record.baseline,
    result: r.record.result,
    target: r.record.target,
  }));
  const speaking = sources.speaking
    .read({ keys: ["session", "site", "seconds"] })
    .filter((r) => String(r.record.session).trim() !== "" && typeof r.record.seconds === "number")
    .map((r) => ({
      session: String(r.record.session),
      site: names.label(String(r.record.site)),
      seconds: r.record.seconds as number,
    }));
  const measures = sources.measures
    .read({ keys: ["site", "measure", "period", "value"] })
    .filter(
      (r) =>
        isDateValue(r.record.period) &&
        typeof r.record.value === "number" &&
        String(r.record.measure).trim() !== "",
    )
    .map((r) => ({
      site: names.label(String(r.record.site)),
      measure: String(r.record.measure).trim(),
      period: r.record.period as Date,
      value: r.record.value as number,
    }));

  return [
    peerScoresPanel(peers, weightsFrom(settings)),
    priorityPanel(actions, settings.pickCutPoint),
    statusPanel(actions, s),
    progressPanel(progress),
    likertPanel(responses, s),
    npsPanel(responses, s),
    impactPanel(impact),
    giniPanel(speaking),
    sharePanel(speaking),
    ...runChartPanels(measures, isoDay),
  ];
}

/** One block per chart, stacked with a blank row between, written in one setValues; each chart's range. */
function writeData(spreadsheet: Spreadsheet, panels: readonly Panel[]): Map<string, Range> {
  const width = Math.max(1, ...panels.map((p) => p.data?.[0]?.length ?? 0));
  const rows: unknown[][] = [];
  const at: { title: string; row: number; height: number; width: number }[] = [];
  for (const panel of panels) {
    if (!panel.data) continue;
    rows.push([panel.title, ...new Array(width - 1).fill("")]);
    at.push({
      title: panel.title,
      row: rows.length + 1,
      height: panel.data.length,
      width: panel.data[0]?.length ?? 1,
    });
    for (const row of panel.data) rows.push([...row, ...new Array(width - row.length).fill("")]);
    rows.push(new Array(width).fill(""));
  }
  const written = writeChartData(spreadsheet, dashboardDataTab.name, rows);
  const ranges = new Map<string, Range>();
  if (!written) return ranges;
  const sheet = written.getSheet();
  for (const block of at) ranges.set(block.title, sheet.getRange(block.row, 1, block.height, block.width));
  return ranges;
}

function readFingerprints(): Map<string, string> | null {
  const stored = PropertiesService.getDocumentProperties()?.getProperty(FINGERPRINTS_KEY);
  if (!stored) return null;
  try {
    return new Map(Object.entries(JSON.parse(stored) as Record<string, string>));
  } catch {
    return null;
  }
}

function runRefresh(): DashboardReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const dashboard = spreadsheet.getSheetByName(dashboardTab.name);
  if (!dashboard) return stop(missingTabMessage(dashboardTab.name));
  const sources = openSources(spreadsheet);
  if (typeof sources === "string") return stop(sources);
  const settings = readSettings(spreadsheet);
  if (settings.dashboardShared !== "yes" && settings.dashboardShared !== "no")
    return stop(
      `The setting “${tab("Settings").fields?.find((f) => f.key === "dashboardShared")?.label}” must be yes or no (it is “${settings.dashboardShared}”). Fix it on the Settings tab (View › Hidden sheets › Settings), then refresh again. Nothing was changed.`,
    );

  const now = new Date();
  const zone = workbookZone(spreadsheet);
  const panels = buildPanels(sources, settings, now, zone);
  const ranges = writeData(spreadsheet, panels);
  const pool = readPoolBalance(spreadsheet);
  const shared = settings.dashboardShared === "yes";
  const header: [string, string] = [
    "Peer Exchange dashboard",
    [
      `Refreshed ${zone.format(now, "yyyy-MM-dd HH:mm")} (Peer Exchange › Refresh dashboard).`,
      "Sites by pseudonym unless they granted permission to be named.",
      shared
        ? `Shared: counts from 1 to ${settings.suppressionThreshold} are hidden.`
        : "Not shared outside the exchange.",
      pool?.entries ? `Resource pool balance: ${formatAmount(pool.balance)}.` : "",
    ]
      .filter(Boolean)
      .join(" "),
  ];
  const setUpText = `${dashboardTab.name}: ${dashboardTab.purpose}`;
  const text = writeTextCells(dashboard, textCells(panels, header), readFingerprints(), setUpText);
  PropertiesService.getDocumentProperties()?.setProperty(FINGERPRINTS_KEY, JSON.stringify(text.fingerprints));
  const charts = drawCharts(dashboard, panels, ranges);

  const drawn = panels.filter((p) => p.data);
  const placeholders = panels.filter((p) => !p.data).map((p) => `${p.title}: ${p.reading}`);
  const lines = [
    `Drew ${drawn.length} chart${drawn.length === 1 ? "" : "s"} on the Dashboard (${charts.inserted} new, ${charts.updated} updated${charts.removed ? `, ${charts.removed} no longer needed removed` : ""}), each with a one-line reading above it.`,
  ];
  if (placeholders.length) lines.push(`Not drawn yet:\n${placeholders.map((p) => `• ${p}`).join("\n")}`);
  if (text.replaced.length)
    lines.push(
      `Replaced your text in the Dashboard's title and reading cells: ${text.replaced.join(", ")}. Type notes outside columns A and H of the grid to keep them.`,
    );
  if (charts.kept)
    lines.push(
      `Kept your own chart${charts.kept === 1 ? "" : "s"} (${charts.kept})${charts.keptInGrid.length ? `; inside the grid, where a dashboard chart may cover it: ${charts.keptInGrid.join(", ")}` : ""}.`,
    );
  if (shared)
    lines.push(`The Dashboard is shared: counts from 1 to ${settings.suppressionThreshold} are hidden.`);
  const message = lines.join("\n\n");
  const ui = SpreadsheetApp.getUi();
  ui.alert(TITLE, message, ui.ButtonSet.OK);
  return { ok: true, message, charts: drawn.length, placeholders };
}
