// What every emulated object shares: the environment (call counting, faults), the host hooks, and the
// Apps Script way of failing.
import type { EmulatorEnv } from "../env.ts";

/** Provided by createEmulator: the Ui service and where toasts go. */
export interface SpreadsheetHooks {
  getUi(): GoogleAppsScript.Base.Ui;
  toast(message: string, title: string, timeoutSeconds: number): void;
}

export class ServiceContext {
  /** Above zero, calls are not counted: the sandbox itself (a person typing, describe) is not the script. */
  quiet = 0;

  constructor(
    readonly env: EmulatorEnv,
    readonly hooks: SpreadsheetHooks,
  ) {}

  hit(service: string, method: string): void {
    if (this.quiet === 0) this.env.hit(service, method);
  }

  uncounted<T>(fn: () => T): T {
    this.quiet += 1;
    try {
      return fn();
    } finally {
      this.quiet -= 1;
    }
  }
}

/** Apps Script's errors surface to scripts as `Exception: message`. */
export function exception(message: string): Error {
  const error = new Error(message);
  error.name = "Exception";
  return error;
}

export const RANGE_NOT_FOUND = "Range not found";
export const OUTSIDE_SHEET = "The coordinates of the range are outside the dimensions of the sheet.";

export function duplicateSheetName(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}
