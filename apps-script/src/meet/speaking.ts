// Speaking timer (seed guide: "enforce equal speaking time using a timer"): a sidebar where the facilitator
// taps the site now speaking; totals per site and session land on the Speaking tab with each session's Gini
// coefficient (shared/methods/gini.ts; silent sites count as 0) and a chart of each site's share.
//
// Round trips: a tap must not wait on the sheet. The sidebar keeps time; each tap sends the session's
// totals to noteSpeaking, which checks the sites against the list the sidebar was opened with and keeps
// the totals in one document property (two round trips, no lock: one property write is atomic and the
// sidebar sends one save at a time). The Speaking tab, Gini and chart are written by recordSpeaking when
// the room pauses, the session changes or taps settle (the sidebar saves then in the background); it
// clears the noted totals it wrote, and reopening the sidebar prefers noted totals the tab lacks.
import { isTalkSession } from "../../../shared/methods/agenda";
import { gini } from "../../../shared/methods/gini";
import { siteLabel } from "../../../shared/methods/pseudonyms";
import { type SpeakingRow, speakingChartTab } from "../../../shared/schema";
import { guardMenuAction } from "../menuGuard";
import { upsertChart, writeChartData } from "../sheets/charts";
import { fail, ok, type Result } from "../sheets/result";
import { openTable, type Table } from "../sheets/table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SPEAKING_CHART_PREFIX = "Share of speaking time";
const DEFAULT_SESSION = "Whole exchange";
const MAX_SECONDS = 24 * 60 * 60;
/** Document properties: the sidebar's sites, and each session's totals noted but not yet on the tab. */
const SITES_KEY = "speaking.sites";
const noteKey = (session: string) => `speaking.noted.${session}`;

function documentStore(): GoogleAppsScript.Properties.Properties | null {
  return PropertiesService.getDocumentProperties();
}

/** What the sidebar sends: numbers and strings only (google.script.run cannot pass Dates). */
export interface SpeakingPayload {
  session: string;
  totals: { site: string; seconds: number; turns: number }[];
  /** ISO date-time the sidebar sent it. */
  sentAt?: string;
}

export interface SpeakingSummary {
  session: string;
  /** null when nobody has spoken yet. */
  gini: number | null;
  normalized: number | null;
  shares: { site: string; seconds: number; share: number | null }[];
}

function selectedSites(spreadsheet: Spreadsheet): Result<string[]> {
  const peers = openTable(spreadsheet, "Peers", { require: ["siteName", "pseudonym", "selected"] });
  if (!peers.ok) return peers;
  // Sidebar buttons, Speaking rows and the chart name sites by the naming rule (shared/methods/pseudonyms.ts).
  const sites = peers.value
    .read({ keys: ["siteName", "pseudonym", "permissionToIdentify", "selected"] })
    .filter((r) => r.record.selected === true)
    .map((r) => siteLabel(r.record))
    .filter((label) => label !== "");
  if (sites.length < 2)
    return fail(
      "too_few_sites",
      "The speaking timer needs at least 2 selected peers with a pseudonym. Run Peer Exchange › Select peer group first.",
    );
  return ok(sites);
}

/** Agenda sessions in which sites speak (not breaks, not the slot's end), and the one under way now. */
function agendaSessions(spreadsheet: Spreadsheet): { titles: string[]; current: string | undefined } {
  const agenda = openTable(spreadsheet, "Agenda", { require: ["session", "format", "start", "duration"] });
  if (!agenda.ok) return { titles: [], current: undefined };
  const now = Date.now();
  const titles: string[] = [];
  let current: string | undefined;
  for (const { record } of agenda.value.read({ keys: ["session", "format", "start", "duration"] })) {
    const title = String(record.session).trim();
    if (!title || !isTalkSession(record) || titles.includes(title)) continue;
    titles.push(title);
    if (record.start !== "" && typeof record.duration === "number") {
      const begins = record.start.getTime();
      if (now >= begins && now < begins + record.duration * 60_000) current ??= title;
    }
  }
  return { titles, current };
}

/** Peer Exchange › Speaking timer: opens the sidebar. */
export function showSpeakingTimer(): void {
  guardMenuAction("Speaking timer", openSpeakingTimer);
}

function openSpeakingTimer(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sites = selectedSites(spreadsheet);
  if (!sites.ok) {
    ui.alert("Speaking timer", sites.error.message, ui.ButtonSet.OK);
    return;
  }
  const { titles, current } = agendaSessions(spreadsheet);
  const sessions = titles.length ? titles : [DEFAULT_SESSION];
  // Totals already saved, so reopening the sidebar continues where it was.
  const totals: Record<string, Record<string, { seconds: number; turns: number }>> = {};
  const speaking = openTable(spreadsheet, "Speaking", { require: ["session", "site", "seconds", "turns"] });
  if (speaking.ok) {
    for (const { record } of speaking.value.read({ keys: ["session", "site", "seconds", "turns"] })) {
      const key = String(record.session);
      const bySite = totals[key] ?? {};
      totals[key] = bySite;
      bySite[String(record.site)] = {
        seconds: Number(record.seconds) || 0,
        turns: Number(record.turns) || 0,
      };
    }
  }
  // Noted totals not yet on the tab (a tap whose background save never ran) win over the tab's.
  const store = documentStore();
  const all = store?.getProperties() ?? {};
  for (const session of sessions) {
    const noted = parseNote(all[noteKey(session)]);
    if (noted) totals[session] = noted;
  }
  // What noteSpeaking checks a tap against: the sites this sidebar shows.
  store?.setProperty(SITES_KEY, JSON.stringify(sites.value));
  const template = HtmlService.createTemplateFromFile("speaking");
  template.sites = sites.value;
  template.sessions = sessions;
  template.stateJson = JSON.stringify({ session: current ?? sessions[0], totals });
  ui.showSidebar(template.evaluate().setTitle("Speaking timer"));
}

/** Checks what the sidebar sent; a message says what was wrong. */
export function parseSpeakingPayload(payload: unknown, sites: readonly string[]): Result<SpeakingPayload> {
  const p = payload as Partial<SpeakingPayload> | null;
  if (!p || typeof p !== "object")
    return fail("bad_payload", "The timer sent nothing to save. Reopen the speaking timer.");
  const session = typeof p.session === "string" ? p.session.trim() : "";
  if (!session || session.length > 500)
    return fail("bad_session", "Choose a session in the speaking timer first.");
  if (!Array.isArray(p.totals) || p.totals.length > 200)
    return fail("bad_totals", "The timer's totals could not be read. Reopen the speaking timer.");
  const totals: SpeakingPayload["totals"] = [];
  for (const t of p.totals) {
    const site = typeof t?.site === "string" ? t.site : "";
    if (!sites.includes(site))
      return fail(
        "unknown_site",
        `“${site}” is not a selected peer. Reopen the speaking timer to refresh its sites.`,
      );
    const seconds = Number(t.seconds);
    const turns = Number(t.turns);
    if (
      !Number.isFinite(seconds) ||
      seconds < 0 ||
      seconds > MAX_SECONDS ||
      !Number.isInteger(turns) ||
      turns < 0
    )
      return fail(
        "bad_totals",
        `The time for ${site} is not a number of seconds. Reopen the speaking timer.`,
      );
    totals.push({ site, seconds: Math.round(seconds), turns });
  }
  return ok({ session, totals, ...(typeof p.sentAt === "string" ? { sentAt: p.sentAt } : {}) });
}

function parseNote(text: string | undefined): Record<string, { seconds: number; turns: number }> | null {
  if (!text) return null;
  try {
    const payload = JSON.parse(text) as SpeakingPayload;
    const bySite: Record<string, { seconds: number; turns: number }> = {};
    for (const t of payload.totals) bySite[t.site] = { seconds: t.seconds, turns: t.turns };
    return bySite;
  } catch {
    return null;
  }
}

function summary(payload: SpeakingPayload, sites: readonly string[]): SpeakingSummary {
  const sent = new Map(payload.totals.map((t) => [t.site, t]));
  const totals = sites.map((site) => sent.get(site) ?? { site, seconds: 0, turns: 0 });
  const result = gini(totals.map((t) => t.seconds));
  return {
    session: payload.session,
    gini: result.gini ?? null,
    normalized: result.normalized ?? null,
    shares: totals.map((t, i) => ({ site: t.site, seconds: t.seconds, share: result.shares[i] ?? null })),
  };
}

/**
 * Called by the sidebar (google.script.run) on every tap: keeps the session's totals in a document
 * property, checked against the sites the sidebar was opened with: two round trips. Without that list
 * (a sidebar opened before it was kept) the tap is saved to the tab at once instead.
 */
export function noteSpeaking(payload: unknown): Result<SpeakingSummary> {
  const store = documentStore();
  const kept = store?.getProperty(SITES_KEY);
  let sites: unknown = null;
  try {
    sites = kept ? JSON.parse(kept) : null;
  } catch {
    sites = null;
  }
  if (!store || !Array.isArray(sites) || !sites.every((s) => typeof s === "string"))
    return recordSpeaking(payload);
  const parsed = parseSpeakingPayload(payload, sites as string[]);
  if (!parsed.ok) return parsed;
  store.setProperty(noteKey(parsed.value.session), JSON.stringify(parsed.value));
  return ok(summary(parsed.value, sites as string[]));
}

/**
 * Called by the sidebar (google.script.run) when the room pauses, the session changes or taps settle:
 * writes the session's totals and its Gini to the Speaking tab.
 */
export function recordSpeaking(payload: unknown): Result<SpeakingSummary> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) return fail("no_workbook", "Open the exchange workbook, then the speaking timer.");
  const sites = selectedSites(spreadsheet);
  if (!sites.ok) return sites;
  const parsed = parseSpeakingPayload(payload, sites.value);
  if (!parsed.ok) return parsed;
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(10_000))
    return fail("busy", "Another save is in progress; the next tap will save again.", true);
  try {
    const opened = openTable(spreadsheet, "Speaking");
    if (!opened.ok) return opened;
    const written = writeSession(spreadsheet, opened.value, sites.value, parsed.value);
    // The tab now holds these totals; the sites are kept for the taps that follow.
    const store = documentStore();
    store?.deleteProperty(noteKey(parsed.value.session));
    store?.setProperty(SITES_KEY, JSON.stringify(sites.value));
    return ok(written);
  } finally {
    // Google's Lock guide: flush before releasing, or the next tap may not see this one's rows.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

function writeSession(
  spreadsheet: Spreadsheet,
  table: Table<"Speaking">,
  sites: readonly string[],
  payload: SpeakingPayload,
): SpeakingSummary {
  const { session } = payload;
  const sent = new Map(payload.totals.map((t) => [t.site, t]));
  // Every selected site has a row: a silent site counts as 0.
  const totals = sites.map((site) => sent.get(site) ?? { site, seconds: 0, turns: 0 });
  const result = gini(totals.map((t) => t.seconds));
  const now = new Date();

  // Every row of the session carries the session's Gini, rows of sites no longer selected included.
  const rows = new Map<string, number>();
  for (const r of table.read({ keys: ["session", "site"] })) {
    if (String(r.record.session) === session && !rows.has(String(r.record.site)))
      rows.set(String(r.record.site), r.row);
  }
  const equality: Partial<SpeakingRow> = { gini: result.gini ?? "", giniNormalized: result.normalized ?? "" };
  const value = (t: (typeof totals)[number]): Partial<SpeakingRow> => ({
    session,
    site: t.site,
    seconds: t.seconds,
    turns: t.turns,
    updatedAt: now,
    ...equality,
  });
  table.update(
    [...rows].map(([site, row]) => {
      const t = totals.find((total) => total.site === site);
      return { row, values: t ? value(t) : equality };
    }),
  );
  table.append(totals.filter((t) => !rows.has(t.site)).map(value));

  const shares = totals.map((t, i) => ({
    site: t.site,
    seconds: t.seconds,
    share: result.shares[i] ?? null,
  }));
  drawShareChart(spreadsheet, table, session, shares, result.gini);
  return { session, gini: result.gini ?? null, normalized: result.normalized ?? null, shares };
}

function drawShareChart(
  spreadsheet: Spreadsheet,
  table: Table<"Speaking">,
  session: string,
  shares: SpeakingSummary["shares"],
  g: number | undefined,
): void {
  const range = writeChartData(spreadsheet, speakingChartTab.name, [
    ["Site", "Share of speaking time"],
    ...shares.map((s) => [s.site, s.share ?? 0]),
  ]);
  if (!range) return;
  const equality = g === undefined ? "nobody has spoken yet" : `Gini ${g.toFixed(2)}, 0 = equal`;
  upsertChart(table.sheet, {
    title: `${SPEAKING_CHART_PREFIX}: ${session} (${equality})`,
    titlePrefix: SPEAKING_CHART_PREFIX,
    range,
    anchor: { row: 2, column: table.headers.length + 4 },
    style: (b) =>
      b
        .asColumnChart()
        .setNumHeaders(1)
        .setOption("legend", { position: "none" })
        .setOption("vAxis", { format: "percent" }),
  });
}
