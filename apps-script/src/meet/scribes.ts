// "Connect a scribe…" and friends: issue a named scribe a token (stored only hashed), show its one-paste
// connection code once, list scribes, revoke and re-issue.
import { encodeConnectionCode } from "../../../shared/clip/tokens";
import {
  createScribe,
  listScribeRecords,
  reissueScribeToken,
  revokeScribeToken,
  type ScribeSummary,
} from "../endpoint/scribeStore";

const MAX_NAME = 100;

/** What the menu functions return (the sandbox and tests read it; Sheets ignores it). */
export interface IssuedCode {
  scribeId: string;
  name: string;
  connectionCode: string;
}

/** Where a pasted or stored web-app address is kept (script properties, like the scribes). */
const ENDPOINT_URL_PROPERTY = "endpointUrl";
// Google's web apps are https; the sandbox serves its stand-in on the loopback address.
const EXEC_URL = /^(https:\/\/\S+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)\/exec$/;

/**
 * The web app's /exec address. ScriptApp.getService().getUrl() gives it once the script is deployed,
 * but run by the owner it can give the /dev address, which scribes cannot use: then the coordinator
 * pastes the /exec address once and it is kept. Null (after saying what to do) when there is none.
 */
function endpointUrl(ui: GoogleAppsScript.Base.Ui): string | null {
  const known = knownEndpointUrl();
  if (known) return known.url;
  const properties = PropertiesService.getScriptProperties();
  const answer = ui.prompt(
    "Clip endpoint address",
    "Paste the web app URL of this script (Deploy → Manage deployments; it ends in /exec):",
    ui.ButtonSet.OK_CANCEL,
  );
  const pasted = answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : "";
  if (!EXEC_URL.test(pasted)) {
    notDeployedAlert(ui);
    return null;
  }
  properties.setProperty(ENDPOINT_URL_PROPERTY, pasted);
  return pasted;
}

/** The web app's /exec address without asking: the deployment's own, else the one pasted earlier. */
export function knownEndpointUrl(): { url: string; source: "deployment" | "pasted" } | null {
  const url = ScriptApp.getService().getUrl() ?? "";
  if (EXEC_URL.test(url)) return { url, source: "deployment" };
  const stored = PropertiesService.getScriptProperties().getProperty(ENDPOINT_URL_PROPERTY);
  if (stored && EXEC_URL.test(stored)) return { url: stored, source: "pasted" };
  return null;
}

function notDeployedAlert(ui: GoogleAppsScript.Base.Ui): void {
  ui.alert(
    "The clip endpoint is not deployed",
    "Scribes send clips to this script's web app. In the Apps Script editor choose Deploy → New deployment → Web app (execute as: Me; who has access: Anyone), copy its URL (it ends in /exec), then run Connect a scribe… again and paste it when asked.",
    ui.ButtonSet.OK,
  );
}

function showCode(ui: GoogleAppsScript.Base.Ui, name: string, code: string): void {
  const template = HtmlService.createTemplateFromFile("ConnectionCode");
  template.scribeName = name;
  template.connectionCode = code;
  ui.showModalDialog(template.evaluate().setWidth(460).setHeight(320), `Connection code for ${name}`);
}

/** Asks for a name; "" when the person cancelled or typed nothing. */
function askName(ui: GoogleAppsScript.Base.Ui, title: string, message: string): string {
  const answer = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return "";
  return answer.getResponseText().replace(/\s+/g, " ").trim();
}

/** The scribe a typed name (or id) means, or null after telling the person why not. */
function findScribe(
  ui: GoogleAppsScript.Base.Ui,
  typed: string,
  scribes: ScribeSummary[],
): ScribeSummary | null {
  const key = typed.toLowerCase();
  const matches = scribes.filter((s) => s.id === key || s.name.toLowerCase() === key);
  if (matches.length === 1) return matches[0]!;
  const names = scribes.map((s) => `${s.name} (${s.id})`).join(", ") || "none yet";
  ui.alert(
    matches.length === 0 ? "No such scribe" : "More than one scribe has that name",
    matches.length === 0
      ? `No scribe is called “${typed}”. Scribes: ${names}.`
      : `Type the scribe's id instead of the name. Scribes: ${names}.`,
    ui.ButtonSet.OK,
  );
  return null;
}

export function connectScribe(): IssuedCode | null {
  const ui = SpreadsheetApp.getUi();
  const url = endpointUrl(ui);
  if (!url) return null;
  const name = askName(
    ui,
    "Connect a scribe",
    "The scribe's name (it appears in the Scribe column of every clip they send):",
  );
  if (!name) return null;
  if (name.length > MAX_NAME) {
    ui.alert("Name too long", `A scribe's name is at most ${MAX_NAME} characters.`, ui.ButtonSet.OK);
    return null;
  }
  // The Scribe column is how clips are told apart by who took them: two scribes never share a name.
  const key = name.replace(/\s+/g, " ").trim().toLowerCase();
  const taken = listScribeRecords().find((s) => s.name.replace(/\s+/g, " ").trim().toLowerCase() === key);
  if (taken) {
    ui.alert(
      "That name is taken",
      `A scribe called “${taken.name}” is already connected (${taken.id}${taken.revoked ? ", revoked" : ""}). Clips are told apart by the scribe's name, so use a name that tells the two apart, e.g. “${name} (pharmacy)”. If it is the same person on a new computer, use Re-issue a scribe's code… instead.`,
      ui.ButtonSet.OK,
    );
    return null;
  }
  const { record, token } = createScribe(name);
  const connectionCode = encodeConnectionCode({ url, token, scribe: name });
  showCode(ui, name, connectionCode);
  return { scribeId: record.id, name, connectionCode };
}

export type ScribeListing = ScribeSummary;

export function listScribes(): ScribeSummary[] {
  const ui = SpreadsheetApp.getUi();
  const scribes = listScribeRecords();
  const day = (iso: string) => iso.slice(0, 10);
  const lines = scribes.map(
    (s) =>
      `${s.name} (${s.id}): connected ${day(s.created)}` +
      (s.reissued ? `, re-issued ${day(s.reissued)}` : "") +
      (s.revoked ? `, REVOKED ${day(s.revoked)}` : ", active"),
  );
  ui.alert(
    "Scribes",
    lines.length > 0 ? lines.join("\n") : "No scribes yet. Use Peer Exchange → Connect a scribe… to add one.",
    ui.ButtonSet.OK,
  );
  return scribes;
}

export function revokeScribe(): ScribeSummary | null {
  const ui = SpreadsheetApp.getUi();
  const typed = askName(
    ui,
    "Revoke a scribe",
    "The name (or id) of the scribe whose code should stop working:",
  );
  if (!typed) return null;
  const scribe = findScribe(ui, typed, listScribeRecords());
  if (!scribe) return null;
  const revoked = revokeScribeToken(scribe.id);
  ui.alert(
    "Scribe revoked",
    `${scribe.name}'s connection code no longer works. Clips they already sent stay. Re-issue a code to reconnect them.`,
    ui.ButtonSet.OK,
  );
  return revoked;
}

export function reissueScribe(): IssuedCode | null {
  const ui = SpreadsheetApp.getUi();
  const url = endpointUrl(ui);
  if (!url) return null;
  const typed = askName(
    ui,
    "Re-issue a scribe's code",
    "The name (or id) of the scribe who needs a new code:",
  );
  if (!typed) return null;
  const scribe = findScribe(ui, typed, listScribeRecords());
  if (!scribe) return null;
  const issued = reissueScribeToken(scribe.id);
  if (!issued) return null;
  const connectionCode = encodeConnectionCode({ url, token: issued.token, scribe: scribe.name });
  showCode(ui, scribe.name, connectionCode);
  return { scribeId: scribe.id, name: scribe.name, connectionCode };
}
