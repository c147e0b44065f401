// A SpreadsheetStore on a fresh environment, with a workbook "Peer Exchange" active, for the
// spreadsheet fidelity tests.
import { EmulatorEnv, type EmulatorEnvOptions } from "../../../sandbox/emulator/env.ts";
import { type SpreadsheetHooks, SpreadsheetStore } from "../../../sandbox/emulator/spreadsheet/index.ts";

export interface SpreadsheetFixture {
  env: EmulatorEnv;
  store: SpreadsheetStore;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  hooks: SpreadsheetHooks;
}

export function spreadsheetFixture(options: EmulatorEnvOptions = {}): SpreadsheetFixture {
  const env = new EmulatorEnv(options);
  const toasts: SpreadsheetFixture["toasts"] = [];
  const ui = { tag: "ui" } as unknown as GoogleAppsScript.Base.Ui;
  const hooks: SpreadsheetHooks = {
    getUi: () => ui,
    toast: (message, title, timeoutSeconds) => toasts.push({ message, title, timeoutSeconds }),
  };
  const store = new SpreadsheetStore(env, hooks);
  store.create("Peer Exchange");
  const app = store.app;
  const ss = store.get(store.activeId!)!;
  const sheet = ss.getSheets()[0]!;
  env.calls.reset();
  return { env, store, app, ss, sheet, toasts, hooks };
}
