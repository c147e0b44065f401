// Peer Exchange › Check installation: on the real deployment, says in plain words whether the web app
// address is set, which scopes are granted, who holds the follow-up trigger, the mail quota left, the two
// time zones, whether the workbook's tabs and headers are intact, and runs the live checks. The web app
// address is tested from the coordinator's browser by the dialog, so the add-on needs no
// script.external_request scope (UrlFetchApp) for it.
import { type AnyTab, tabs } from "../../../shared/schema";
import { appsScriptManifest } from "../../appsscript";
import { installed, myTriggers, RUN_HOUR } from "../act/followUps";
import { knownEndpointUrl } from "../meet/scribes";
import { guardMenuResult } from "../menuGuard";
import { readForm } from "../sheets/form";
import { REPAIR_HINT } from "../sheets/result";
import { openTable } from "../sheets/table";
import { openWorkbook } from "../sheets/workbook";
import { type CheckItem, type InstallationReport, renderReport } from "./installationReport";
import { runLiveChecks } from "./liveChecks";
import { sheetsService } from "./snapshot";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = "Check installation";

const item = (topic: string, level: CheckItem["level"], finding: string, todo = ""): CheckItem => ({
  topic,
  level,
  finding,
  todo,
});

function webAppItem(): { item: CheckItem; url: string } {
  const known = knownEndpointUrl();
  if (!known)
    return {
      url: "",
      item: item(
        "Web app address",
        "problem",
        "not set: scribes' clips have nowhere to go.",
        "In the Apps Script editor choose Deploy › New deployment › Web app (execute as: Me), then run Peer Exchange › Connect a scribe… and paste its address (it ends in /exec) when asked.",
      ),
    };
  return {
    url: known.url,
    item: item(
      "Web app address",
      "ok",
      `set to ${known.url} (${known.source === "deployment" ? "this script's deployment" : "the address pasted in Connect a scribe…"}). Whether it answers is tested by this window from your browser.`,
    ),
  };
}

/** AuthorizationInfo as documented today: with a list of scopes, which of them are granted. */
interface ScopedAuthorizationInfo {
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus;
  getAuthorizedScopes?(): string[] | null;
}

function scopesItem(): CheckItem {
  const declared: string[] = [...appsScriptManifest.oauthScopes];
  // https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String)
  const info = (
    ScriptApp.getAuthorizationInfo as unknown as (
      mode: GoogleAppsScript.Script.AuthMode,
      scopes: string[],
    ) => ScopedAuthorizationInfo
  )(ScriptApp.AuthMode.FULL, declared);
  const short = (scope: string) => scope.replace("https://www.googleapis.com/auth/", "");
  const granted = info.getAuthorizedScopes?.() ?? null;
  if (granted === null) {
    const needed = info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
    return needed
      ? item(
          "Scopes",
          "problem",
          "some permissions are not granted.",
          "Run any Peer Exchange menu item and accept the permissions Google asks for.",
        )
      : item(
          "Scopes",
          "ok",
          `every permission the add-on declares is granted (${declared.map(short).join(", ")}).`,
        );
  }
  const missing = declared.filter((scope) => !granted.includes(scope));
  if (missing.length === 0)
    return item("Scopes", "ok", `all ${declared.length} granted: ${declared.map(short).join(", ")}.`);
  return item(
    "Scopes",
    "problem",
    `not granted: ${missing.map(short).join(", ")} (granted: ${granted.map(short).join(", ") || "none"}).`,
    "Run any Peer Exchange menu item and accept the permissions Google asks for; a Workspace admin may have to allow them.",
  );
}

function triggerItem(spreadsheet: Spreadsheet): CheckItem {
  const holder = installed();
  const mine = myTriggers(spreadsheet).length > 0;
  if (mine)
    return item(
      "Follow-up trigger",
      "ok",
      `installed by you (every day near ${RUN_HOUR}:00 in the script's time zone).`,
    );
  const me = Session.getEffectiveUser().getEmail();
  if (holder && me !== "" && holder.user === me)
    return item(
      "Follow-up trigger",
      "warning",
      `recorded as scheduled by you on ${holder.since.slice(0, 10)}, but your trigger is gone (deleted in the Apps Script editor, or removed by Google).`,
      "Run Peer Exchange › Stop follow-ups, then Schedule follow-ups again.",
    );
  if (holder)
    return item(
      "Follow-up trigger",
      "ok",
      `installed by ${holder.user} since ${holder.since.slice(0, 10)}; Google shows a trigger only to the person who installed it.`,
      `If ${holder.user} no longer runs this exchange, ask them to run Peer Exchange › Stop follow-ups, then run Schedule follow-ups yourself.`,
    );
  return item(
    "Follow-up trigger",
    "warning",
    "not installed: no reminders, check-in invitations or 30-day rows are sent automatically.",
    "Run Peer Exchange › Schedule follow-ups when the action plans are ready.",
  );
}

function mailItem(): CheckItem {
  const left = MailApp.getRemainingDailyQuota();
  if (left <= 0)
    return item(
      "Mail quota",
      "problem",
      "none left today: reminders wait until tomorrow.",
      "Send nothing more today; the Follow-up Log tab lists what was skipped.",
    );
  if (left < 20)
    return item(
      "Mail quota",
      "warning",
      `${left} emails left today.`,
      "Large reminder rounds may be cut short today; the Follow-up Log tab lists what was skipped.",
    );
  return item("Mail quota", "ok", `${left} emails left today.`);
}

function zonesItem(spreadsheet: Spreadsheet): CheckItem {
  const sheetZone = spreadsheet.getSpreadsheetTimeZone();
  const scriptZone = Session.getScriptTimeZone();
  if (sheetZone === scriptZone)
    return item("Time zones", "ok", `the spreadsheet and the script both use ${sheetZone}.`);
  return item(
    "Time zones",
    "warning",
    `the spreadsheet uses ${sheetZone} and the script ${scriptZone}: dates in the workbook follow ${sheetZone}; the follow-up trigger's hour and the dates in emails follow ${scriptZone}.`,
    "If that is not intended, set the spreadsheet's time zone in File › Settings to the exchange's.",
  );
}

/** One tab's problem, found by the same readers the menu items use (openTable, readForm). */
function tabProblem(spreadsheet: Spreadsheet, spec: AnyTab): string | null {
  if (spec.layout === "chartData") return null; // rewritten whole by the item that draws its chart
  if (spec.layout === "table") {
    const opened = openTable(spreadsheet, spec.name);
    return opened.ok ? null : opened.error.message;
  }
  if (spec.layout === "form") {
    const form = readForm(spreadsheet, spec.name as "Charter" | "Settings");
    return form.ok ? null : form.error.message;
  }
  return spreadsheet.getSheetByName(spec.name) ? null : `The ${spec.name} tab is missing.`;
}

function structureItem(spreadsheet: Spreadsheet): CheckItem {
  const problems = tabs
    .map((spec) => tabProblem(spreadsheet, spec as AnyTab))
    .filter((p): p is string => p !== null);
  if (problems.length === 0)
    return item("Workbook structure", "ok", "every tab and header the add-on needs is in place.");
  const shown = problems.slice(0, 6).join(" ");
  return item(
    "Workbook structure",
    "problem",
    `${problems.length} tab${problems.length === 1 ? "" : "s"} need repair. ${shown}${problems.length > 6 ? ` And ${problems.length - 6} more.` : ""}`,
    REPAIR_HINT,
  );
}

/** Set-up reads and writes the workbook through the Sheets API advanced service, enabled by the manifest. */
function sheetsApiItem(): CheckItem {
  try {
    sheetsService();
    return item(
      "Sheets API service",
      "ok",
      "on: set-up and repair can read and change the workbook in a few calls.",
    );
  } catch (error) {
    return item(
      "Sheets API service",
      "problem",
      "off: Set up / repair workbook cannot run.",
      String((error as Error)?.message ?? error).replace(
        /^The Google Sheets API advanced service is off for this script\. /,
        "",
      ),
    );
  }
}

/** Gathers the whole report (the live checks included); nothing is left behind in the workbook. */
export function checkInstallation(): InstallationReport {
  const workbook = openWorkbook();
  if (!workbook.ok) throw new Error(workbook.error.message);
  const spreadsheet = workbook.value;
  const web = webAppItem();
  const items = [
    web.item,
    scopesItem(),
    sheetsApiItem(),
    triggerItem(spreadsheet),
    mailItem(),
    zonesItem(spreadsheet),
    structureItem(spreadsheet),
  ];
  const live = runLiveChecks(spreadsheet);
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const at = `${Utilities.formatDate(new Date(), zone, "yyyy-MM-dd HH:mm")} (${zone})`;
  const base = { at, workbook: spreadsheet.getName(), items, live, webAppUrl: web.url };
  return { ...base, text: renderReport(base) };
}

/** Peer Exchange › Check installation: the report in a dialog with a Copy report button. */
export function showInstallationCheck(): InstallationReport | null {
  return guardMenuResult<InstallationReport | null>(
    TITLE,
    () => {
      const report = checkInstallation();
      const template = HtmlService.createTemplateFromFile("check");
      template.stateJson = JSON.stringify(report);
      SpreadsheetApp.getUi().showModalDialog(template.evaluate().setWidth(640).setHeight(560), TITLE);
      return report;
    },
    () => null,
  );
}
