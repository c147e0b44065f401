// Entry file: exports only the functions Apps Script calls (triggers, menu items, sidebars, doPost).
// The build declares one top-level function per export, so keep everything else out of this file.
import * as measures from "./act/measures";
import { handlePost } from "./endpoint/doPost";
import * as agenda from "./meet/agenda";
import * as scribes from "./meet/scribes";
import * as speaking from "./meet/speaking";
import { buildMenu } from "./menu";
import * as charter from "./plan/charter";
import * as participants from "./plan/participants";
import * as peers from "./plan/peers";
import * as setup from "./setup/setup";
import { fillDerivedFormulas } from "./sheets/derived";

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Simple trigger: rows typed into a schema tab get their derived-column formulas. */
export function onEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  fillDerivedFormulas(event);
}

/** The clip endpoint (the script's web app): JSON in, JSON out. */
export function doPost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return handlePost(event);
}

export function connectScribe(): scribes.IssuedCode | null {
  return scribes.connectScribe();
}

export function listScribes(): scribes.ScribeListing[] {
  return scribes.listScribes();
}

export function revokeScribe(): scribes.ScribeListing | null {
  return scribes.revokeScribe();
}

export function reissueScribe(): scribes.IssuedCode | null {
  return scribes.reissueScribe();
}

/** Peer Exchange › Set up / repair workbook. */
export function setUpWorkbook(): void {
  setup.runSetUp();
}

/** Peer Exchange › Charter…: the charter and targets sidebar. */
export function showCharter(): void {
  charter.showCharter();
}

/** Charter sidebar (google.script.run): the charter as shown. */
export function getCharter(): ReturnType<typeof charter.getCharter> {
  return charter.getCharter();
}

/** Charter sidebar (google.script.run): saves fields and targets. */
export function saveCharter(payload: unknown): ReturnType<typeof charter.saveCharter> {
  return charter.saveCharter(payload);
}

/** Peer Exchange › Send preparation reminders: preview, then one mail per person. */
export function sendPreparationReminders(): void {
  participants.sendPreparationReminders();
}

/** Peer Exchange › Suggest similarity: from descriptors against the host on the Charter. */
export function suggestPeerSimilarity(): peers.PeerReport {
  return peers.suggestPeerSimilarity();
}

/** Peer Exchange › Select peer group (named selectPeers: the shared method is selectPeerGroup). */
export function selectPeers(): peers.PeerReport {
  return peers.selectPeers();
}

/** Peer Exchange › Build agenda: sessions from the selected peers within a time slot. */
export function buildAgenda(): agenda.AgendaReport {
  return agenda.buildAgenda();
}

/** Peer Exchange › Speaking timer: the sidebar. */
export function showSpeakingTimer(): void {
  speaking.showSpeakingTimer();
}

/** Speaking timer sidebar (google.script.run): a session's totals per site. */
export function recordSpeaking(payload: unknown): ReturnType<typeof speaking.recordSpeaking> {
  return speaking.recordSpeaking(payload);
}

/** Peer Exchange › Analyze measures: run-chart signals, XmR limits, run charts and adoption. */
export function analyzeMeasures(): measures.MeasuresReport {
  return measures.analyzeMeasures();
}
