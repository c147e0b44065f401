// The Apps Script emulator, assembled: one environment (context, auth mode, call counts, faults) shared
// by every service, the globals a script sees, and a JSON snapshot that restores it all.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { CacheEmulator, type CacheState } from "./cache.ts";
import { createContentService } from "./content.ts";
import { DocumentsEmulator, type DocumentsState } from "./documents.ts";
import { type AuthModeName, EmulatorEnv, type EmulatorEnvOptions, type ScriptContext } from "./env.ts";
import { ExecutionLimits } from "./executions.ts";
import { FormsEmulator, type FormsState } from "./forms.ts";
import { HtmlEmulator } from "./html.ts";
import { LockRecorder } from "./lock.ts";
import { LogRecorder } from "./logger.ts";
import { MailRecorder, type MailState } from "./mail.ts";
import { PropertiesEmulator, type PropertiesState } from "./properties.ts";
import { ScriptEmulator, type TriggerRecord, TriggerRegistry, type TriggersState } from "./script.ts";
import { installScriptDate } from "./scriptClock.ts";
import { SessionEmulator } from "./session.ts";
import { SheetsApi } from "./sheetsApi.ts";
import { Charts, SpreadsheetStore, type StoreState } from "./spreadsheet/index.ts";
import { UiRecorder } from "./ui.ts";
import { createUtilities } from "./utilities.ts";

export type { CacheState } from "./cache.ts";
export { httpContentTypes, TextOutput } from "./content.ts";
export type { BlockState, DocumentState, DocumentsState, HeadingName } from "./documents.ts";
export { DocumentsEmulator } from "./documents.ts";
export type { AuthModeName, EmulatorEnvOptions, ScriptContext } from "./env.ts";
export { CallCounter, EmulatorEnv, FaultInjector, isDate } from "./env.ts";
export type { ExecutionKind } from "./executions.ts";
export type { FormItemState, FormResponseState, FormState, FormsState } from "./forms.ts";
export { FormsEmulator } from "./forms.ts";
export { HtmlOutput, HtmlTemplate } from "./html.ts";
export type { LockEvent, LockScope } from "./lock.ts";
export { LockRecorder } from "./lock.ts";
export { LogRecorder } from "./logger.ts";
export type { MailState, SentMail } from "./mail.ts";
export { DEFAULT_MAIL_QUOTA, MailRecorder, WORKSPACE_MAIL_QUOTA } from "./mail.ts";
export type { PropertiesState } from "./properties.ts";
export type { ClockSchedule, TriggerRecord, TriggersState } from "./script.ts";
export { TriggerRegistry } from "./script.ts";
export type {
  CellValue,
  SheetDescription,
  StoreDelta,
  StoreState,
  WorkbookDescription,
} from "./spreadsheet/index.ts";
export { applyStoreDelta, deltaHasCells } from "./spreadsheet/index.ts";
export type {
  ButtonName,
  ButtonSetName,
  LooseUiResponse,
  MenuItem,
  RecordedMenu,
  UiEvent,
  UiResponse,
} from "./ui.ts";
export { UiRecorder } from "./ui.ts";
export { SpreadsheetStore };

/** The name of the workbook a fresh emulator opens, bound to the script. */
export const DEFAULT_WORKBOOK_NAME = "Peer Exchange";

export interface EmulatorState {
  version: 1;
  scriptId: string;
  /** The workbook the script is bound to (its document properties, its web app). */
  containerId: string;
  timeZone: string;
  spreadsheets: StoreState;
  properties: PropertiesState;
  cache: CacheState;
  triggers: TriggersState;
  mail: MailState;
  /** Absent in state saved before forms and documents were emulated. */
  forms?: FormsState;
  documents?: DocumentsState;
}

export interface EmulatorOptions extends EmulatorEnvOptions {
  state?: EmulatorState;
  /** Where createHtmlOutputFromFile/createTemplateFromFile read NAME.html (default dist/apps-script). */
  htmlDir?: string;
  /** Session.getScriptTimeZone() (default: "timeZone" of appsscript.json beside the bundle, else Etc/UTC). */
  timeZone?: string;
  /** The time zone of workbooks the emulator creates (default Etc/UTC); a saved state keeps its own. */
  spreadsheetTimeZone?: string;
  /** ScriptApp.getService().getUrl(); the sandbox server passes its own /exec URL. */
  webAppUrl?: string | null;
  /** Apply the editor add-on trigger rules (default true). */
  addonTriggerRules?: boolean;
  /** Email recipients per day (default 100, a consumer account; WORKSPACE_MAIL_QUOTA for Workspace). */
  mailQuota?: number;
}

/** The event object a time-driven trigger passes to its handler (the fields the add-on may read). */
export interface ClockEvent {
  authMode: "FULL";
  triggerUid: string;
  year: number;
  month: number;
  "day-of-month": number;
  hour: number;
  minute: number;
  second: number;
  timezone: string;
}

/** One run of a time-driven trigger, as the Apps Script executions page lists it. */
export interface Execution {
  handler: string;
  triggerUid: string;
  user: string;
  /** ISO time on the emulator clock. */
  at: string;
  status: "completed" | "failed";
  error?: string;
}

/** Runs a trigger's handler as a fresh execution (a new script instance), e.g. the bundle loaded anew. */
export type TriggerRunner = (trigger: TriggerRecord, event: ClockEvent) => void;

/** The services a script sees as globals, typed as Apps Script declares them. */
export interface EmulatorGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Charts: GoogleAppsScript.Charts.Charts;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  ContentService: GoogleAppsScript.Content.ContentService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Session: GoogleAppsScript.Base.Session;
  Logger: GoogleAppsScript.Base.Logger;
  FormApp: GoogleAppsScript.Forms.FormApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  /** The Advanced Sheets service (Sheets API v4), for the requests the add-on sends. */
  Sheets: GoogleAppsScript.Sheets;
}

export interface Emulator {
  readonly env: EmulatorEnv;
  readonly globals: EmulatorGlobals;
  readonly spreadsheets: SpreadsheetStore;
  readonly ui: UiRecorder;
  readonly mail: MailRecorder;
  readonly triggers: TriggerRegistry;
  readonly properties: PropertiesEmulator;
  readonly cache: CacheEmulator;
  readonly locks: LockRecorder;
  /** Executions: kinds, time limits, simultaneous runs, overlapping runs for tests. */
  readonly limits: ExecutionLimits;
  readonly html: HtmlEmulator;
  readonly script: ScriptEmulator;
  readonly session: SessionEmulator;
  readonly logs: LogRecorder;
  readonly forms: FormsEmulator;
  readonly documents: DocumentsEmulator;
  /** Id of the workbook the script is bound to. */
  readonly containerId: string;
  /** Run as a bound script (menus, sidebars) or as the web app (doPost); optionally change the auth mode. */
  setContext(context: ScriptContext, authMode?: AuthModeName): void;
  /** Everything a restart must keep, as JSON-safe data; createEmulator({ state }) restores it. */
  snapshot(): EmulatorState;
  /** JSON.stringify(snapshot()), re-encoding only what changed since the last call (what the sandbox saves). */
  snapshotText(): string;
  /** The snapshot's JSON without the workbooks: the small sections the sandbox journals whole. */
  sectionsText(): string;
  /**
   * The same sections one by one, each built when called: the journal builds and compares only the
   * ones it must (the cache it takes key by key from `cache.takeChanges()`).
   */
  readonly sectionParts: Readonly<Record<string, () => unknown>>;
  /**
   * Connects a script's node:vm context: templates see its globals; its instanceof accepts our Errors,
   * Dates, arrays; its `new Date()` and `Date.now()` follow the emulator clock.
   */
  attachScript(context: vm.Context): void;
  /** Time-driven trigger runs so far. */
  readonly executions: readonly Execution[];
  /**
   * Moves the clock forward by `ms`, running every time-driven trigger that falls due, in time order,
   * each at its own time, as its user, in AuthMode.FULL, through `run` (a fresh execution each). A
   * failing run is recorded as failed (as Apps Script's executions page shows it), never thrown.
   */
  advanceClock(ms: number, run: TriggerRunner): Execution[];
}

/**
 * Errors, Dates and arrays the services return are made in this realm, so `value instanceof Date` in the
 * script's realm would be false, unlike in Apps Script. In the script's realm these constructors also
 * accept genuine ones from here (checked by brand, not by prototype); subclasses keep the usual check.
 */
const crossRealmBuiltins = `(function () {
  var brand = Object.prototype.toString;
  var ordinary = Function.prototype[Symbol.hasInstance];
  function accept(Ctor, test) {
    Object.defineProperty(Ctor, Symbol.hasInstance, {
      configurable: true,
      value: function (value) {
        return ordinary.call(this, value) || (this === Ctor && test(value));
      },
    });
  }
  accept(Error, function (v) { return brand.call(v) === "[object Error]"; });
  accept(Date, function (v) { return brand.call(v) === "[object Date]"; });
  accept(Array, function (v) { return Array.isArray(v); });
})();`;

/** The script's time zone as its manifest declares it, if the build put one beside the bundle. */
function manifestTimeZone(dir: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, "appsscript.json"), "utf8")) as { timeZone?: unknown };
    return typeof manifest.timeZone === "string" ? manifest.timeZone : undefined;
  } catch {
    return undefined;
  }
}

/** Services typed loosely here are exercised by tests; the casts say "the part the add-on uses". */
function as<T>(value: unknown): T {
  return value as T;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const env = new EmulatorEnv(options);
  const state = options.state;
  const ui = new UiRecorder(env);
  const spreadsheets = new SpreadsheetStore(env, {
    getUi: () => ui.getUi(),
    toast: (message, title, timeoutSeconds) => ui.toast(message, title, timeoutSeconds),
  });
  if (options.spreadsheetTimeZone) spreadsheets.defaultTimeZone = options.spreadsheetTimeZone;
  let containerId: string;
  if (state) {
    spreadsheets.load(state.spreadsheets);
    containerId = state.containerId;
    if (spreadsheets.activeId === null) spreadsheets.setActive(containerId);
  } else {
    spreadsheets.create(DEFAULT_WORKBOOK_NAME);
    containerId = spreadsheets.ids().at(-1)!;
    spreadsheets.setActive(containerId);
  }
  // The open document: the active workbook when bound, the container when running as the web app.
  const documentId = () => (env.context === "webapp" ? containerId : (spreadsheets.activeId ?? containerId));

  const properties = new PropertiesEmulator(env, documentId, state?.properties);
  const cache = new CacheEmulator(env, documentId, state?.cache);
  const limits = new ExecutionLimits(env);
  const locks = new LockRecorder(env, () => limits.current?.id ?? 0);
  limits.onEnd = (id) => locks.endExecution(id);
  const html = new HtmlEmulator(env, options.htmlDir);
  const triggers = new TriggerRegistry(state?.triggers);
  if (options.addonTriggerRules !== undefined) triggers.addon = options.addonTriggerRules;
  const script = new ScriptEmulator(env, triggers, documentId, {
    scriptId: state?.scriptId,
    webAppUrl: options.webAppUrl,
  });
  const mail = new MailRecorder(env, state?.mail, options.mailQuota);
  const executions: Execution[] = [];
  const timeZone = options.timeZone ?? state?.timeZone ?? manifestTimeZone(html.htmlDir);
  const session = new SessionEmulator(env, { timeZone });
  triggers.timeZone = session.timeZone;
  const logs = new LogRecorder(env);
  const forms = new FormsEmulator(env, state?.forms);
  const documents = new DocumentsEmulator(env, state?.documents);

  const globals: EmulatorGlobals = {
    SpreadsheetApp: as(spreadsheets.app),
    Charts: as(Charts),
    PropertiesService: properties.service,
    CacheService: cache.service,
    LockService: locks.service,
    Utilities: as(createUtilities(env)),
    ContentService: as(createContentService(env)),
    HtmlService: as(html.service),
    ScriptApp: as(script.service),
    MailApp: as(mail.service),
    Session: as(session.service),
    Logger: as(logs.service),
    FormApp: as(forms.service),
    DocumentApp: as(documents.service),
    Sheets: as(new SheetsApi(env, spreadsheets).service),
  };

  /** One trigger run as its user, in AuthMode.FULL, bound to its document; the caller's context restored. */
  function fire(trigger: TriggerRecord, at: number, run: TriggerRunner): Execution {
    const saved = { user: env.user, authMode: env.authMode, context: env.context };
    env.user = trigger.user;
    env.authMode = "FULL";
    env.context = "bound";
    const when = new Date(at);
    const execution: Execution = {
      handler: trigger.handler,
      triggerUid: trigger.id,
      user: trigger.user,
      at: when.toISOString(),
      status: "completed",
    };
    try {
      run(trigger, {
        authMode: "FULL",
        triggerUid: trigger.id,
        year: when.getUTCFullYear(),
        month: when.getUTCMonth() + 1,
        "day-of-month": when.getUTCDate(),
        hour: when.getUTCHours(),
        minute: when.getUTCMinutes(),
        second: when.getUTCSeconds(),
        timezone: "UTC",
      });
    } catch (error) {
      execution.status = "failed";
      execution.error = String((error as Error)?.message ?? error);
    } finally {
      Object.assign(env, saved);
    }
    executions.push(execution);
    return execution;
  }

  // Creating or restoring the workbook is the sandbox's doing, not the script's.
  env.calls.reset();

  /** Every part of the saved state but the workbooks (which the sandbox journals cell by cell). */
  const sectionParts: { [K in keyof Omit<EmulatorState, "spreadsheets">]-?: () => EmulatorState[K] } = {
    version: () => 1 as const,
    scriptId: () => script.scriptId,
    containerId: () => containerId,
    timeZone: () => session.timeZone,
    properties: () => properties.toJSON(),
    cache: () => cache.toJSON(),
    triggers: () => triggers.toJSON(),
    mail: () => mail.toJSON(),
    forms: () => forms.toJSON(),
    documents: () => documents.toJSON(),
  };
  const sections = () =>
    Object.fromEntries(Object.entries(sectionParts).map(([key, part]) => [key, part()])) as Omit<
      EmulatorState,
      "spreadsheets"
    >;

  return {
    env,
    globals,
    spreadsheets,
    ui,
    mail,
    triggers,
    properties,
    cache,
    locks,
    limits,
    html,
    script,
    session,
    logs,
    forms,
    documents,
    containerId,
    setContext(context, authMode) {
      env.context = context;
      if (authMode) env.authMode = authMode;
    },
    attachScript(context) {
      html.scriptScope = context;
      env.scriptDate = installScriptDate(context, session.timeZone, () => env.now().getTime());
      vm.runInContext(crossRealmBuiltins, context);
    },
    executions,
    advanceClock(ms, run) {
      const until = env.now().getTime() + ms;
      const ran: Execution[] = [];
      for (let due = triggers.nextDue(until); due; due = triggers.nextDue(until)) {
        const at = Date.parse(due.nextRunAt as string);
        env.advance(Math.max(0, at - env.now().getTime()));
        triggers.markRun(due.id, at);
        ran.push(fire(due, at, run));
      }
      env.advance(Math.max(0, until - env.now().getTime()));
      return ran;
    },
    snapshot(): EmulatorState {
      return structuredClone({ ...sections(), spreadsheets: spreadsheets.toJSON() });
    },
    sectionsText(): string {
      return JSON.stringify(sections());
    },
    sectionParts,
    snapshotText(): string {
      return `${this.sectionsText().slice(0, -1)},"spreadsheets":${spreadsheets.toJSONText()}}`;
    },
  };
}
