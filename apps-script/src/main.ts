// Entry file: exports only the functions Apps Script calls (triggers, menu items, sidebars, doPost).
// The build declares one top-level function per export, so keep everything else out of this file.
import { buildMenu } from "./menu";

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
