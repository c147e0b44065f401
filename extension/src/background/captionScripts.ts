// Caption content scripts run only on meeting hosts the scribe granted (optional host permissions).
import browser from "webextension-polyfill";
import { meetingHostPermissions } from "../../manifest/manifest";

const SCRIPT_ID = "px-captions";

/** The granted meeting-host patterns, in manifest order. */
export async function grantedMeetingHosts(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return meetingHostPermissions.filter((pattern) => origins.includes(pattern));
}

let syncing: Promise<unknown> = Promise.resolve();

/** Registers captions.js for exactly the granted hosts (or unregisters it when none are). */
export function syncCaptionScripts(): Promise<string[]> {
  // One at a time: a grant fires permissions.onAdded while the options page asks "captions.sync", and
  // two overlapping runs both register the id ("Duplicate script ID 'px-captions'", caught end to end).
  const run = syncing.then(syncNow, syncNow);
  syncing = run.catch(() => undefined);
  return run;
}

async function syncNow(): Promise<string[]> {
  const hosts = await grantedMeetingHosts();
  const scripting = browser.scripting;
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (hosts.length) {
    await scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: hosts,
        js: ["captions.js"],
        // Zoom and Webex run the meeting in a frame: a cross-origin one is read by its own copy.
        allFrames: true,
        runAt: "document_idle",
        persistAcrossSessions: true,
      },
    ]);
  }
  return hosts;
}
