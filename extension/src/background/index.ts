// Background service worker: owns the clip queue and the transport; wires browser events to them.
// Every listener is registered synchronously at the top level, so a restarted worker receives the event
// that woke it.
import browser, { type Runtime } from "webextension-polyfill";
import type { HelloResponse } from "../../../shared/clip/protocol";
import { decodeConnectionCode } from "../../../shared/clip/tokens";
import { type ConnectionSummary, STORAGE_KEYS, summarizeConnection } from "../clipper/settings";
import type { Answer, BackgroundRequest, QueueView, StateView } from "../messages";
import { showPending } from "./badge";
import { grantedMeetingHosts, syncCaptionScripts } from "./captionScripts";
import { releaseHeld, submitDraft } from "./clipping";
import { listenToCommands, runCommand } from "./commands";
import { createContextMenu, listenToContextMenu } from "./contextMenu";
import {
  clipQueue,
  flushQueue,
  forgetConnection,
  RETRY_ALARM,
  readConnection,
  readSettings,
  readWorkbook,
  retrySchedule,
  saveState,
} from "./runtime";
import { type Connection, hello } from "./transport";

/** Keeps what hello told us about the workbook, stamped with when it was asked. */
async function saveWorkbook(response: HelloResponse): Promise<void> {
  const { ok: _ok, v: _v, op: _op, ...info } = response;
  await saveState({ [STORAGE_KEYS.workbook]: { ...info, fetchedAt: Date.now() } });
}

async function refreshWorkbook(connection: Connection): Promise<Answer<{ summary: ConnectionSummary }>> {
  const answer = await hello(connection);
  if (!answer.ok) return { ok: false, message: answer.error.message };
  await saveWorkbook(answer.response);
  return { ok: true, summary: summarizeConnection(connection)! };
}

/** Today's sessions change with the day and tags with the coordinator's edits: refresh hourly, quietly. */
const STALE_MS = 60 * 60_000;
async function refreshIfStale(): Promise<void> {
  const connection = await readConnection();
  if (!connection) return;
  const workbook = await readWorkbook();
  const fetched = workbook ? new Date(workbook.fetchedAt) : null;
  const stale =
    !fetched ||
    Date.now() - fetched.getTime() > STALE_MS ||
    fetched.toDateString() !== new Date().toDateString();
  if (stale) await refreshWorkbook(connection).catch(() => undefined);
}

async function connect(
  code: string,
  withCredentials = false,
): Promise<Answer<{ summary: ConnectionSummary }>> {
  const decoded = decodeConnectionCode(code);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  // DOMAIN-only web apps (ARCHITECTURE.md) need the browser's Google session with each request.
  const connection: Connection = withCredentials
    ? { ...decoded.value, withCredentials }
    : { ...decoded.value };
  const answer = await hello(connection);
  if (!answer.ok && !answer.error.retryable) return { ok: false, message: answer.error.message };
  await saveState({ [STORAGE_KEYS.connection]: connection });
  await retrySchedule.reset();
  if (!answer.ok) {
    void flushQueue(true);
    return { ok: false, message: `Saved, but the workbook did not answer yet: ${answer.error.message}` };
  }
  await saveWorkbook(answer.response);
  void flushQueue(true);
  return { ok: true, summary: summarizeConnection(connection)! };
}

async function queueView(): Promise<QueueView> {
  const all = await clipQueue.all();
  return {
    pending: all.filter((r) => r.state === "pending"),
    held: all.filter((r) => r.state === "held"),
    rejected: all.filter((r) => r.state === "rejected"),
    sent: await clipQueue.sent(),
    retry: await retrySchedule.state(),
  };
}

async function stateView(): Promise<StateView> {
  return {
    connection: summarizeConnection(await readConnection()),
    workbook: await readWorkbook(),
    settings: await readSettings(),
    captionHosts: await grantedMeetingHosts(),
  };
}

export async function handle(request: BackgroundRequest): Promise<unknown> {
  switch (request.type) {
    case "clip.submit":
      return submitDraft(request.draft, request.speakers);
    case "clip.release":
      return releaseHeld(request.id, request.text, request.action);
    case "queue.list":
      return { ok: true, ...(await queueView()) };
    case "queue.dismiss": {
      const done = await clipQueue.dismiss(request.id);
      await showPending(clipQueue, browser.action);
      return done ? { ok: true } : { ok: false, message: "Only rejected or held clips can be dismissed." };
    }
    case "queue.requeue": {
      const done = await clipQueue.requeue(request.id);
      void flushQueue(true);
      return done ? { ok: true } : { ok: false, message: "That clip is not rejected." };
    }
    case "queue.flush":
      await retrySchedule.reset();
      return { ok: true, outcome: await flushQueue(true) };
    case "connection.connect":
      return connect(request.code, request.withCredentials === true);
    case "connection.refresh": {
      const connection = await readConnection();
      if (!connection) return { ok: false, message: "Paste a connection code first." };
      return refreshWorkbook(connection);
    }
    case "connection.forget":
      await forgetConnection();
      return { ok: true };
    case "state.get":
      void refreshIfStale();
      return { ok: true, ...(await stateView()) };
    case "settings.save":
      await saveState({ [STORAGE_KEYS.settings]: request.settings });
      return { ok: true };
    case "captions.sync":
      try {
        return { ok: true, hosts: await syncCaptionScripts() };
      } catch (error) {
        return { ok: false, message: `Could not start caption capture: ${String(error)}` };
      }
    default:
      return { ok: false, message: "Unknown request." };
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only the extension's own pages may drive the queue; content scripts only answer requests.
  if (sender.tab && !sender.url?.startsWith(browser.runtime.getURL(""))) return undefined;
  const request = message as BackgroundRequest;
  if (
    !request ||
    typeof request.type !== "string" ||
    request.type.startsWith("selection.") ||
    request.type.startsWith("captions.recent")
  ) {
    return undefined;
  }
  return handle(request).catch((error: unknown) => ({ ok: false, message: String(error) }));
});

browser.runtime.onInstalled.addListener(() => {
  void createContextMenu();
  void syncCaptionScripts().catch(() => undefined);
  // An update may be what a pause asked for ("Update the Clipper"): try again rather than stay paused.
  void retrySchedule.reset().then(() => flushQueue());
});
browser.runtime.onStartup.addListener(() => {
  void flushQueue();
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void flushQueue();
});
browser.permissions.onAdded.addListener(() => void syncCaptionScripts().catch(() => undefined));
browser.permissions.onRemoved.addListener(() => void syncCaptionScripts().catch(() => undefined));
// Back online: try now rather than wait out the backoff. Firefox's event page gets this event; Chromium
// fires none in a service worker (crbug.com/114475), so open extension pages relay it (clipper/online.ts).
self.addEventListener("online", () => void flushQueue(true));
listenToContextMenu();
listenToCommands();

// Tests and the devtools console drive the worker through this handle (e.g. to run a shortcut).
(globalThis as Record<string, unknown>).peerExchange = { handle, runCommand, flushQueue };

// Every start of the worker (install, browser start, wake-up) resumes the queue's schedule.
void flushQueue();
