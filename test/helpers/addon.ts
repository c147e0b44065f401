// Opens the built add-on on a fresh emulator, the way every add-on test starts.

import { freshExecution, type LoadedBundle, loadBundle, readBundle } from "../../sandbox/bundle.ts";
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type Execution,
} from "../../sandbox/emulator/index.ts";

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
