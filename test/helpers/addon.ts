// Opens the built add-on on a fresh emulator, the way every add-on test starts.

import { freshExecution, type LoadedBundle, loadBundle, readBundle } from "../../sandbox/bundle.ts";
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type Execution,
} from "../../sandbox/emulator/index.ts";

import { instantOfWall, wallTime } from "../../sandbox/emulator/zones.ts";

let cachedCode: string | undefined;

export interface Addon {
  readonly emulator: Emulator;
  readonly bundle: LoadedBundle;
  /** Calls a top-level function of the bundle, as a menu click or google.script.run would. */
  run(fn: string, ...args: unknown[]): unknown;
  /** A tab's computed values, or throws naming the tab. */
  sheet(name: string): unknown[][];
  /** Moves the emulator clock on; due time-driven triggers run, each as a fresh execution of the bundle. */
  advanceClock(ms: number): Execution[];
}

/**
 * The add-on runs with three different zones, as on Google: the host's (TZ, America/Chicago under
 * `npm test`), the script's (the manifest's Etc/UTC) and the workbook's, Asia/Kolkata unless a test says.
 */
export const TEST_SPREADSHEET_TIME_ZONE = "Asia/Kolkata";

export function openAddon(options: EmulatorOptions = {}): Addon {
  cachedCode ??= readBundle();
  const emulator = createEmulator({ spreadsheetTimeZone: TEST_SPREADSHEET_TIME_ZONE, ...options });
  const bundle = loadBundle(emulator, cachedCode);
  return {
    emulator,
    bundle,
    run: (fn, ...args) => bundle.call(fn, ...args),
    advanceClock: (ms) => emulator.advanceClock(ms, freshExecution(emulator, cachedCode)),
    sheet(name) {
      const id = emulator.spreadsheets.activeId;
      const workbook = id ? emulator.spreadsheets.get(id) : null;
      const tab = workbook?.getSheetByName(name);
      if (!tab) throw new Error(`No tab named ${name}`);
      return tab.getDataRange().getValues();
    },
  };
}

/**
 * The instant at which `timeZone` (the test workbook's, by default) reads `hours`:`minutes` on the day
 * `days` after the zone's today (by the host clock, or `now`): how a person's typed time lands.
 */
export function zonedAt(
  days: number,
  hours: number,
  minutes = 0,
  timeZone = TEST_SPREADSHEET_TIME_ZONE,
  now: Date = new Date(),
): Date {
  const today = new Date(wallTime(now.getTime(), timeZone));
  const wall = Date.UTC(
    today.getUTCFullYear(),
    today.getUTCMonth(),
    today.getUTCDate() + days,
    hours,
    minutes,
  );
  return new Date(instantOfWall(wall, timeZone));
}

/** The instant at which `timeZone` reads the given wall clock (month 1-12). */
export function zonedDate(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
): Date {
  return new Date(instantOfWall(Date.UTC(year, month - 1, day, hours, minutes), timeZone));
}

/** "yyyy-mm-dd" of an instant in `timeZone` (the test workbook's, by default): the day Sheets shows. */
export function zonedDay(date: Date, timeZone = TEST_SPREADSHEET_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
}
