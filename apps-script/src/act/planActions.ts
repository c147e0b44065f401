// Plan actions (seed: "Translating Insights into Action Plans"): from a published best-practice summary,
// one Actions row per adopting site, the best-practice state and monitoring measure filled in, the rest
// (current state, gap, PICK scores, milestone, owner…) left for the site. Planned sites are never doubled.
import { guardMenuResult } from "../menuGuard";
import { openTable, type TableRow } from "../sheets/table";
import { openWorkbook } from "../sheets/workbook";
import { HOST_LABEL, selectedSites } from "./context";

type Ui = GoogleAppsScript.Base.Ui;

const TITLE = "Plan actions";
const SHOWN = 20;

export interface PlanReport {
  ok: boolean;
  message: string;
  added: string[];
  alreadyPlanned: string[];
}

const report = (message: string, ok = false, added: string[] = [], alreadyPlanned: string[] = []) => ({
  ok,
  message,
  added,
  alreadyPlanned,
});

/** Peer Exchange › Plan actions. */
export function planActions(): PlanReport {
  return guardMenuResult(TITLE, plan, (message) => report(message));
}

/** How an action row refers to its practice: the id (stable), then the title as it read when planned. */
function practiceRef(p: TableRow<"Practices">["record"]): string {
  const id = p.practiceId.trim();
  return id === "" ? p.title.trim() : `${id} — ${p.title.trim()}`;
}

function refersTo(linked: string, p: TableRow<"Practices">["record"]): boolean {
  const id = p.practiceId.trim();
  const text = linked.trim();
  return id === "" ? text === p.title.trim() : text === id || text.startsWith(`${id} — `);
}

function plan(): PlanReport {
  const ui = SpreadsheetApp.getUi();
  const say = (message: string, ok = false, added: string[] = [], already: string[] = []) => {
    ui.alert(TITLE, message, ui.ButtonSet.OK);
    return report(message, ok, added, already);
  };
  const workbook = openWorkbook();
  if (!workbook.ok) return say(workbook.error.message);
  const spreadsheet = workbook.value;
  const practices = openTable(spreadsheet, "Practices", {
    require: ["practiceId", "title", "intervention", "outcomeMetric", "status"],
  });
  if (!practices.ok) return say(practices.error.message);
  const all = practices.value
    .read({ keys: ["practiceId", "title", "intervention", "outcomeMetric", "status"] })
    .filter((r) => r.record.title.trim() !== "" || r.record.practiceId.trim() !== "");
  const published = all.filter((r) => r.record.status === "published");

  const chosen = choosePractice(ui, spreadsheet, practices.value.sheet, all, published);
  if ("message" in chosen) return chosen.silent ? report(chosen.message) : say(chosen.message);
  const practice = chosen.practice.record;

  const sites = selectedSites(spreadsheet);
  if (!sites.ok) return say(sites.error.message);
  const adopting = chooseSites(ui, [HOST_LABEL, ...sites.value]);
  if ("message" in adopting) return adopting.silent ? report(adopting.message) : say(adopting.message);

  const actions = openTable(spreadsheet, "Actions", {
    require: [
      "site",
      "change",
      "linkedPractice",
      "bestPracticeState",
      "monitoringMeasure",
      "status",
      "progress",
    ],
  });
  if (!actions.ok) return say(actions.error.message);
  const planned = new Set(
    actions.value
      .read({ keys: ["site", "linkedPractice"] })
      .filter((r) => refersTo(r.record.linkedPractice, practice))
      .map((r) => r.record.site.trim()),
  );
  const already = adopting.sites.filter((s) => planned.has(s));
  const fresh = adopting.sites.filter((s) => !planned.has(s));
  const title = practice.title.trim() || practice.practiceId.trim();
  if (fresh.length === 0)
    return say(
      `“${title}” is already planned for ${list(already)}: no rows were added (each site keeps its one row per practice).`,
      true,
      [],
      already,
    );
  actions.value.append(
    fresh.map((site) => ({
      site,
      change: `Adopt: ${title}`,
      linkedPractice: practiceRef(practice),
      bestPracticeState: practice.intervention,
      monitoringMeasure: practice.outcomeMetric,
      status: "not started",
      progress: 0.5,
    })),
  );
  const lines = [
    `Added ${fresh.length} action row${fresh.length === 1 ? "" : "s"} for “${title}”: ${list(fresh)}.`,
  ];
  if (already.length > 0) lines.push(`Already planned, not added again: ${list(already)}.`);
  lines.push(
    "On the Actions tab, each site now fills in its current state and gap, impact, effort and strategic alignment (the priority score and PICK quadrant follow), the horizon, a milestone with its due date, the owner and their email, sponsor, team, tracking cadence, report-back and check-in dates. Progress starts at 0.5 (intent to participate) on the IHI Assessment Scale.",
  );
  return say(lines.join("\n\n"), true, fresh, already);
}

function list(items: readonly string[]): string {
  return items.length > SHOWN
    ? `${items.slice(0, SHOWN).join(", ")} and ${items.length - SHOWN} more`
    : items.join(", ");
}

type Choice<T> = T | { message: string; silent: boolean };

/** The practice of the active Practices row, else one picked from a numbered list of published ones. */
function choosePractice(
  ui: Ui,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  all: readonly TableRow<"Practices">[],
  published: readonly TableRow<"Practices">[],
): Choice<{ practice: TableRow<"Practices"> }> {
  const activeSheet = spreadsheet.getActiveSheet();
  if (activeSheet && activeSheet.getSheetId() === sheet.getSheetId()) {
    const row = spreadsheet.getActiveRange()?.getRow();
    const here = all.find((r) => r.row === row);
    if (here) {
      if (here.record.status === "published") return { practice: here };
      return {
        message: `“${here.record.title.trim() || here.record.practiceId}” is not published yet (status: ${here.record.status || "blank"}). Only a published best-practice summary can be planned: review it, set its Status to published, then run Plan actions again.`,
        silent: false,
      };
    }
  }
  if (published.length === 0)
    return {
      message:
        "No best-practice summary is published yet. On the Practices tab, set a reviewed summary's Status to published, then run Plan actions again.",
      silent: false,
    };
  if (published.length === 1) return { practice: published[0] as TableRow<"Practices"> };
  const options = published
    .slice(0, SHOWN)
    .map((p, i) => `${i + 1}. ${p.record.title.trim() || p.record.practiceId}`)
    .join("\n");
  const more =
    published.length > SHOWN
      ? `\n(${published.length - SHOWN} more: select its row on the Practices tab instead.)`
      : "";
  const answer = ui.prompt(
    TITLE,
    `Which published practice do the sites adopt? Type its number.\n\n${options}${more}`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK)
    return { message: "Cancelled: nothing was added.", silent: true };
  const n = Number(answer.getResponseText().trim());
  const picked = Number.isInteger(n) ? published[n - 1] : undefined;
  if (!picked)
    return {
      message: `“${answer.getResponseText().trim()}” is not one of the numbers listed (1–${Math.min(published.length, SHOWN)}). Nothing was added; run Plan actions again.`,
      silent: false,
    };
  return { practice: picked };
}

/** The adopting sites: blank means the host and every selected peer; else names separated by commas. */
function chooseSites(ui: Ui, sites: readonly string[]): Choice<{ sites: string[] }> {
  const answer = ui.prompt(
    TITLE,
    `Which sites adopt it? Leave blank for all: ${sites.join(", ")}.\nOr type the ones that do, separated by commas.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK)
    return { message: "Cancelled: nothing was added.", silent: true };
  const text = answer.getResponseText().trim();
  if (text === "") return { sites: [...sites] };
  const byLower = new Map(sites.map((s) => [s.toLowerCase(), s]));
  const typed = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const unknown = typed.filter((s) => !byLower.has(s.toLowerCase()));
  if (unknown.length > 0)
    return {
      message: `${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not among the adopting sites (${sites.join(", ")}). Nothing was added; run Plan actions again and type the names as listed.`,
      silent: false,
    };
  return { sites: [...new Set(typed.map((s) => byLower.get(s.toLowerCase()) as string))] };
}
