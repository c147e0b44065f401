// Agenda tab: Build agenda from the selected peers and a time slot (shared/methods/agenda.ts lays out the
// sessions and the facilitator rotation). End, slide check and overrun are the schema's live formulas.
import { DEFAULT_SUB_ISSUE, buildAgenda as layOutAgenda, SLOT_END } from "../../../shared/methods/agenda";
import { currentSiteLabel, siteLabel } from "../../../shared/methods/pseudonyms";
import { weightedScore } from "../../../shared/methods/weightedScore";
import type { AgendaRow } from "../../../shared/schema";
import { listScribeRecords } from "../endpoint/scribeStore";
import { guardMenuResult } from "../menuGuard";
import { weightsFrom } from "../plan/peers";
import { readSettings } from "../sheets/form";
import { openTable, type Table } from "../sheets/table";
import { type WorkbookZone, workbookZone } from "../sheets/zone";

type Ui = GoogleAppsScript.Base.Ui;

export interface AgendaReport {
  ok: boolean;
  message: string;
  sessions: number;
  issues: string[];
}

const WORKSHEET = "Breakout worksheet: problem analysis, idea generation, feasibility assessment";
const MAX_SLOT_MINUTES = 24 * 60;

const notBuilt = (message: string): AgendaReport => ({ ok: false, message, sessions: 0, issues: [] });

function stop(ui: Ui, message: string): AgendaReport {
  ui.alert("Build agenda", message, ui.ButtonSet.OK);
  return notBuilt(message);
}

/**
 * "2026-12-03 09:00" (or with a T) → the instant the workbook's clocks read it (the coordinator types the
 * workbook's wall clock, and Sheets shows the Agenda in that zone); null when it is not one.
 */
function parseSlotStart(text: string, zone: WorkbookZone): Date | null {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d));
  const valid = check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24 && mi < 60;
  return valid ? zone.at(y, mo, d, h, mi) : null;
}

function ask(ui: Ui, title: string, prompt: string): string | null {
  const answer = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
}

/** Scribes: connected scribes first, then participants whose role mentions "scribe". */
function scribeNames(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const connected = listScribeRecords()
    .filter((s) => !s.revoked)
    .map((s) => s.name);
  if (connected.length) return connected;
  const participants = openTable(spreadsheet, "Participants", { require: ["person", "role"] });
  if (!participants.ok) return [];
  return participants.value
    .read({ keys: ["person", "role"] })
    .filter((r) => /scribe/i.test(String(r.record.role)) && String(r.record.person).trim() !== "")
    .map((r) => String(r.record.person));
}

/** Peer Exchange › Build agenda. */
export function buildAgenda(): AgendaReport {
  return guardMenuResult("Build agenda", runBuildAgenda, notBuilt);
}

function runBuildAgenda(): AgendaReport {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const peers = openTable(spreadsheet, "Peers", {
    require: ["siteName", "pseudonym", "selected", "similarity", "success", "willingness", "diversity"],
  });
  if (!peers.ok) return stop(ui, peers.error.message);
  const settings = readSettings(spreadsheet);
  const weights = weightsFrom(settings);
  // Presentation order follows the selection: highest weighted score first, ties by row order.
  const selected = peers.value
    .read()
    .filter((r) => r.record.selected === true && String(r.record.siteName).trim() !== "")
    .map((r, i) => ({ r, i, score: weightedScore(r.record, weights).score ?? -1 }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ r }) => r.record);
  if (selected.length < 2) {
    return stop(
      ui,
      `Build agenda needs at least 2 selected peers; ${selected.length === 0 ? "none is" : "only 1 is"} ticked on the Peers tab. Run Peer Exchange › Select peer group (or tick Selected), then run Build agenda again.`,
    );
  }
  // Sites appear by the naming rule: the name where permission to identify is ticked, else the pseudonym.
  const unnamed = selected.filter((p) => siteLabel(p) === "");
  if (unnamed.length) {
    return stop(
      ui,
      `${unnamed.map((p) => p.siteName).join(", ")} ha${unnamed.length === 1 ? "s" : "ve"} no pseudonym yet. Run Peer Exchange › Select peer group (it assigns pseudonyms), then run Build agenda again.`,
    );
  }

  const agendaTable = openTable(spreadsheet, "Agenda");
  if (!agendaTable.ok) return stop(ui, agendaTable.error.message);
  const table = agendaTable.value;

  const startText = ask(
    ui,
    "Build agenda: time slot",
    'When does the exchange start? Type a date and time, e.g. "2026-12-03 09:00".',
  );
  if (startText === null) return notBuilt("Cancelled.");
  const zone = workbookZone(spreadsheet);
  const start = parseSlotStart(startText, zone);
  if (!start)
    return stop(
      ui,
      `“${startText}” is not a date and time. Type it like 2026-12-03 09:00 (year-month-day hours:minutes).`,
    );
  const lengthText = ask(
    ui,
    "Build agenda: time slot",
    "How long is the time slot, in minutes? (e.g. 240 for four hours)",
  );
  if (lengthText === null) return notBuilt("Cancelled.");
  const slotMinutes = Number(lengthText);
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0 || slotMinutes > MAX_SLOT_MINUTES)
    return stop(
      ui,
      `“${lengthText}” is not a length in minutes. Type a whole number from 1 to ${MAX_SLOT_MINUTES}.`,
    );

  // Keep what the coordinator already typed: breakout sub-issues and each site's slide count.
  const existing = table.read();
  const subIssues = [
    ...new Set(
      existing
        .map((r) => (r.record.format === "breakout workshop" ? String(r.record.subIssue).trim() : ""))
        // The placeholder Build agenda wrote is not a sub-issue the coordinator chose.
        .filter((subIssue) => subIssue !== "" && subIssue !== DEFAULT_SUB_ISSUE),
    ),
  ];
  // Keyed by each site's current label, so a slide count survives a change of permission.
  const slides = new Map<string, number>();
  for (const r of existing) {
    const site = currentSiteLabel(String(r.record.presentingSite), selected);
    if (r.record.format === "rapid-fire case" && r.record.slideCount !== "" && site !== undefined)
      slides.set(site, r.record.slideCount);
  }
  if (existing.length > 0) {
    const answer = ui.alert(
      "Build agenda",
      `The Agenda tab already has ${existing.length} row${existing.length === 1 ? "" : "s"}. Replace them with a new agenda? Sub-issues and slide counts you typed are kept.`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return notBuilt("Kept the existing agenda.");
  }

  const agenda = layOutAgenda(
    selected.map((p) => {
      const label = siteLabel(p);
      const count = slides.get(label);
      return count === undefined ? { label } : { label, slides: count };
    }),
    {
      slotMinutes,
      subIssues,
      scribes: scribeNames(spreadsheet),
      slideRange: { min: settings.slidesMin, max: settings.slidesMax },
      caseMinutes: settings.caseMinutes,
      qaMinutes: settings.qaMinutes,
    },
  );
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const records: Partial<AgendaRow>[] = agenda.sessions.map((s) => ({
    session: s.title,
    format: s.format,
    presentingSite: s.presenter ?? "",
    subIssue: s.subIssue ?? "",
    worksheet: s.format === "breakout workshop" ? WORKSHEET : "",
    facilitator: s.facilitator ?? "",
    scribe: s.scribe ?? "",
    start: at(s.startOffset),
    duration: s.duration,
    slideCount: s.slides ?? "",
    recordingConsent: false,
    status: "planned",
  }));
  records.push({
    session: SLOT_END.title,
    format: SLOT_END.format,
    start: at(slotMinutes),
    duration: 0,
    recordingConsent: false,
    status: "planned",
  });
  writeAgenda(
    table,
    existing.map((r) => r.row),
    records,
  );

  const clock = (d: Date) => zone.format(d, "yyyy-MM-dd HH:mm");
  const lines = [
    `Built ${agenda.sessions.length} sessions for ${selected.map(siteLabel).join(", ")}, from ${clock(start)} to ${clock(at(agenda.totalMinutes))} (slot ends ${clock(at(slotMinutes))}).`,
    "Facilitation rotates: no site facilitates twice before every site has, nor its own case.",
  ];
  if (!subIssues.length)
    lines.push("Type the breakout's sub-issue in its Sub-issue cell; Build agenda keeps it next time.");
  if (agenda.issues.length) lines.push("", "Check:", ...agenda.issues.map((i) => `• ${i}`));
  const message = lines.join("\n");
  ui.alert("Build agenda", message, ui.ButtonSet.OK);
  return { ok: true, message, sessions: agenda.sessions.length, issues: agenda.issues };
}

/** Overwrites the schema cells of the existing rows, appends the rest, and blanks rows left over. */
function writeAgenda(
  table: Table<"Agenda">,
  rows: readonly number[],
  records: readonly Partial<AgendaRow>[],
): void {
  const blank: Partial<AgendaRow> = {
    session: "",
    format: "",
    presentingSite: "",
    subIssue: "",
    worksheet: "",
    facilitator: "",
    scribe: "",
    start: "",
    duration: "",
    slideCount: "",
    // Blank, not FALSE, so a cleared row reads as empty next time.
    recordingConsent: "" as unknown as boolean,
    status: "",
  };
  const changes = rows.map((row, i) => ({ row, values: { ...blank, ...(records[i] ?? {}) } }));
  table.update(changes);
  table.append(records.slice(rows.length));
}
