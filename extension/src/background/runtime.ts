// The background's state, all of it in storage.local, and the one flush loop that sends the queue.
import browser from "webextension-polyfill";
import { type ClipperSettings, STORAGE_KEYS, type WorkbookInfo, withDefaults } from "../clipper/settings";
import { RetrySchedule } from "./backoff";
import { showPending } from "./badge";
import { type DeliveryOutcome, deliverPending } from "./delivery";
import { ClipQueue } from "./queue";
import { type KeyValueStore, systemClock } from "./store";
import { type Connection, sendClips } from "./transport";

export const RETRY_ALARM = "px-retry";

const store: KeyValueStore = browser.storage.local as unknown as KeyValueStore;
export const clipQueue = new ClipQueue(store, systemClock);
export const retrySchedule = new RetrySchedule(store, systemClock);

export async function readConnection(): Promise<Connection | null> {
  const got = await store.get(STORAGE_KEYS.connection);
  return (got[STORAGE_KEYS.connection] as Connection | undefined) ?? null;
}

export async function readWorkbook(): Promise<WorkbookInfo | null> {
  const got = await store.get(STORAGE_KEYS.workbook);
  return (got[STORAGE_KEYS.workbook] as WorkbookInfo | undefined) ?? null;
}

export async function readSettings(): Promise<ClipperSettings> {
  const got = await store.get(STORAGE_KEYS.settings);
  return withDefaults(got[STORAGE_KEYS.settings] as Partial<ClipperSettings> | undefined);
}

export async function saveState(items: Partial<Record<keyof typeof STORAGE_KEYS, unknown>>): Promise<void> {
  await store.set(items);
}

export async function forgetConnection(): Promise<void> {
  await store.remove([STORAGE_KEYS.connection, STORAGE_KEYS.workbook]);
}

let running: Promise<DeliveryOutcome> | null = null;
let again = false;
let forceAgain = false;

/** One delivery attempt, then the alarm for the next one (or none) and the badge. */
async function deliverOnce(force: boolean): Promise<DeliveryOutcome> {
  const connection = await readConnection();
  const workbook = await readWorkbook();
  const outcome = await deliverPending(
    {
      queue: clipQueue,
      retry: retrySchedule,
      send: connection ? (clips) => sendClips(connection, clips) : null,
      // The workbook's own limits once hello told them; the protocol's defaults until then.
      limits: workbook?.limits,
    },
    { force },
  );
  await scheduleWake(outcome);
  await showPending(clipQueue, browser.action);
  return outcome;
}

/**
 * Sends what is pending, one run at a time: a call during a run asks for one more run after it, so a
 * clip queued mid-run is never left waiting for the next alarm.
 */
export function flushQueue(force = false): Promise<DeliveryOutcome> {
  if (running) {
    again = true;
    forceAgain ||= force;
    return running;
  }
  running = (async () => {
    let outcome: DeliveryOutcome;
    let forced = force;
    try {
      do {
        again = false;
        forceAgain = false;
        outcome = await deliverOnce(forced);
        forced = forceAgain;
      } while (again);
    } finally {
      running = null;
    }
    return outcome;
  })();
  return running;
}

async function scheduleWake(outcome: DeliveryOutcome): Promise<void> {
  if (outcome.status === "waiting") {
    // Alarms outlive the service worker; `when` is absolute, so a restart keeps the schedule.
    await browser.alarms.create(RETRY_ALARM, { when: Math.max(outcome.retry.nextAt, Date.now() + 1000) });
  } else if (outcome.status === "delivered" && outcome.more) {
    // More clips than one run sends: carry on at the next wake-up rather than wait for a new clip.
    await browser.alarms.create(RETRY_ALARM, { when: Date.now() + 1000 });
  } else {
    await browser.alarms.clear(RETRY_ALARM);
  }
}
