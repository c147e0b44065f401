// ScriptApp: installable triggers (recorded, with Apps Script's limits), authorization info, the web
// app's URL and the script id. Time-driven triggers fire when the emulator clock is advanced
// (Emulator.advanceClock); each record carries the time it runs next.

import { randomBytes } from "node:crypto";
import { requireAuthorization } from "./auth.ts";
import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";
import { instantOfWall, wallTime } from "./zones.ts";

export const AuthMode = {
  NONE: "NONE",
  CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
  LIMITED: "LIMITED",
  FULL: "FULL",
} as const;
export const AuthorizationStatus = { REQUIRED: "REQUIRED", NOT_REQUIRED: "NOT_REQUIRED" } as const;
export const EventType = {
  CLOCK: "CLOCK",
  ON_OPEN: "ON_OPEN",
  ON_EDIT: "ON_EDIT",
  ON_FORM_SUBMIT: "ON_FORM_SUBMIT",
  ON_CHANGE: "ON_CHANGE",
  ON_EVENT_UPDATED: "ON_EVENT_UPDATED",
} as const;
export type EventTypeName = keyof typeof EventType;
export const TriggerSource = {
  SPREADSHEETS: "SPREADSHEETS",
  CLOCK: "CLOCK",
  FORMS: "FORMS",
  DOCUMENTS: "DOCUMENTS",
  CALENDAR: "CALENDAR",
} as const;
export const WeekDay = {
  SUNDAY: "SUNDAY",
  MONDAY: "MONDAY",
  TUESDAY: "TUESDAY",
  WEDNESDAY: "WEDNESDAY",
  THURSDAY: "THURSDAY",
  FRIDAY: "FRIDAY",
  SATURDAY: "SATURDAY",
} as const;
export const InstallationSource = {
  APPS_MARKETPLACE_DOMAIN_ADD_ON: "APPS_MARKETPLACE_DOMAIN_ADD_ON",
  NONE: "NONE",
  WEB_STORE_ADD_ON: "WEB_STORE_ADD_ON",
} as const;

/** Apps Script: 20 triggers per user per script. */
export const TRIGGERS_PER_USER = 20;

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  /** ISO time of a one-off trigger (at / atDate / after). */
  at?: string;
  timezone?: string;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: EventTypeName;
  source: "SPREADSHEETS" | "CLOCK";
  /** The spreadsheet a spreadsheet trigger watches; null for time-driven triggers. */
  sourceId: string | null;
  /** The document the trigger was created in (add-on triggers belong to one document). */
  documentId: string | null;
  user: string;
  schedule?: ClockSchedule;
  /** Time-driven triggers: ISO time of the next run on the emulator clock; null once a one-off has run. */
  nextRunAt?: string | null;
  /** Time-driven triggers: ISO time of the last run. */
  lastRunAt?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const weekDays = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

/**
 * When a time-driven trigger runs next, after `from` (its creation, or its last run when `ran`). Apps
 * Script picks a time near the requested hour in the script's time zone, or the one given by inTimezone()
 * (https://developers.google.com/apps-script/reference/script/clock-trigger-builder#inTimezone(String));
 * the emulator runs exactly at atHour:nearMinute on that zone's clock, the same hour across a
 * daylight-saving change, and interval triggers one interval after `from`.
 */
export function nextRun(
  schedule: ClockSchedule,
  from: number,
  ran: boolean,
  scriptTimeZone = "Etc/UTC",
): number | null {
  if (schedule.at !== undefined) return ran ? null : Math.max(Date.parse(schedule.at), from);
  if (schedule.everyMinutes) return from + schedule.everyMinutes * MINUTE;
  if (schedule.everyHours) return from + schedule.everyHours * HOUR;
  const days = schedule.everyDays ?? (schedule.everyWeeks ? schedule.everyWeeks * 7 : undefined);
  if (days === undefined) return null;
  const zone = schedule.timezone ?? scriptTimeZone;
  const wallFrom = wallTime(from, zone);
  if (ran || (schedule.atHour === undefined && schedule.onWeekDay === undefined))
    return instantOfWall(wallFrom + days * DAY, zone);
  const hour = schedule.atHour ?? new Date(wallFrom).getUTCHours();
  let at = Math.floor(wallFrom / DAY) * DAY + hour * HOUR + (schedule.nearMinute ?? 0) * MINUTE;
  while (at <= wallFrom || (schedule.onWeekDay && weekDays[new Date(at).getUTCDay()] !== schedule.onWeekDay))
    at += DAY;
  return instantOfWall(at, zone);
}

export interface TriggersState {
  nextId: number;
  triggers: TriggerRecord[];
}

const kindNames: Record<EventTypeName, string> = {
  CLOCK: "time-based",
  ON_OPEN: "open",
  ON_EDIT: "edit",
  ON_FORM_SUBMIT: "form submit",
  ON_CHANGE: "change",
  ON_EVENT_UPDATED: "calendar",
};

/** Every installable trigger of the script, for every user. */
export class TriggerRegistry {
  private triggers: TriggerRecord[] = [];
  private nextId = 1;
  /** Apply the editor add-on rules: one trigger of each type per user per document, at most hourly. */
  addon = true;

  /** The script's time zone, in which clock triggers keep their hour. */
  timeZone = "Etc/UTC";

  constructor(state?: TriggersState) {
    if (state) this.load(state);
  }

  list(): TriggerRecord[] {
    return this.triggers.map((t) => structuredClone(t));
  }

  /** The time-driven trigger due first at or before `until` (ms), if any; ties run in creation order. */
  nextDue(until: number): TriggerRecord | undefined {
    let due: TriggerRecord | undefined;
    for (const t of this.triggers) {
      if (t.eventType !== "CLOCK" || !t.nextRunAt) continue;
      const at = Date.parse(t.nextRunAt);
      if (at <= until && (!due || at < Date.parse(due.nextRunAt as string))) due = t;
    }
    return due ? structuredClone(due) : undefined;
  }

  /** Records a run at `at` (ms) and schedules the next one. */
  markRun(id: string, at: number): void {
    const t = this.triggers.find((x) => x.id === id);
    if (!t?.schedule) return;
    t.lastRunAt = new Date(at).toISOString();
    const next = nextRun(t.schedule, at, true, this.timeZone);
    t.nextRunAt = next === null ? null : new Date(next).toISOString();
  }

  add(record: Omit<TriggerRecord, "id">): TriggerRecord {
    const mine = this.triggers.filter((t) => t.user === record.user);
    if (mine.length >= TRIGGERS_PER_USER) {
      throw exception(
        "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
      );
    }
    // Editor add-ons: one trigger of each type per user per document, time-driven at most hourly:
    // https://developers.google.com/workspace/add-ons/concepts/editor-triggers
    if (this.addon) {
      const sameKind = mine.some(
        (t) => t.eventType === record.eventType && t.documentId === record.documentId,
      );
      if (sameKind) {
        throw exception(
          `This add-on has created too many ${kindNames[record.eventType]} triggers in this document for this Google user account.`,
        );
      }
    }
    const created = { id: String(this.nextId++), ...structuredClone(record) };
    this.triggers.push(created);
    return structuredClone(created);
  }

  remove(id: string): boolean {
    const before = this.triggers.length;
    this.triggers = this.triggers.filter((t) => t.id !== id);
    return this.triggers.length < before;
  }

  toJSON(): TriggersState {
    return { nextId: this.nextId, triggers: this.list() };
  }

  load(state: TriggersState): void {
    this.triggers = (state.triggers ?? []).map((t) => structuredClone(t));
    this.nextId = Math.max(state.nextId ?? 1, ...this.triggers.map((t) => Number(t.id) + 1));
  }
}

function triggerObject(env: EmulatorEnv, record: TriggerRecord) {
  return {
    getUniqueId: () => {
      env.hit("Trigger", "getUniqueId");
      return record.id;
    },
    getHandlerFunction: () => {
      env.hit("Trigger", "getHandlerFunction");
      return record.handler;
    },
    getEventType: () => {
      env.hit("Trigger", "getEventType");
      return record.eventType;
    },
    getTriggerSource: () => {
      env.hit("Trigger", "getTriggerSource");
      return record.source;
    },
    getTriggerSourceId: () => {
      env.hit("Trigger", "getTriggerSourceId");
      return record.sourceId;
    },
  };
}

function oneOf(name: string, value: number, allowed: readonly number[]): number {
  if (!allowed.includes(Number(value))) {
    throw exception(`Invalid argument: ${name}(${value}). Allowed values: ${allowed.join(", ")}.`);
  }
  return Number(value);
}

function inRange(name: string, value: number, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw exception(`Invalid argument: ${name}(${value}). Use a whole number from ${min} to ${max}.`);
  }
  return n;
}

/** The ScriptApp global and its trigger registry. */
export class ScriptEmulator {
  readonly scriptId: string;
  /**
   * What ScriptApp.getService().getUrl() returns; the sandbox server sets its own /exec URL. Null is a
   * script never deployed as a web app (getUrl() then returns null, isEnabled() false).
   */
  webAppUrl: string | null;
  readonly service: EmulatedScriptApp;

  constructor(
    private readonly env: EmulatorEnv,
    readonly triggers: TriggerRegistry,
    private readonly documentId: () => string | null,
    options: { scriptId?: string; webAppUrl?: string | null } = {},
  ) {
    this.scriptId = options.scriptId ?? `1${randomBytes(42).toString("base64url")}`;
    this.webAppUrl =
      options.webAppUrl === undefined
        ? `https://script.google.com/macros/s/AKfycb${this.scriptId.slice(1, 40)}/exec`
        : options.webAppUrl;
    this.service = this.createService();
  }

  private createService() {
    const env = this.env;
    const hit = (method: string) => env.hit("ScriptApp", method);
    const authorized = (method: string) => requireAuthorization(env, "ScriptApp", method);
    const mine = () => this.triggers.list().filter((t) => t.user === env.user);
    return {
      AuthMode,
      AuthorizationStatus,
      EventType,
      TriggerSource,
      WeekDay,
      InstallationSource,
      getScriptId: () => {
        hit("getScriptId");
        return this.scriptId;
      },
      getService: () => {
        hit("getService");
        return { getUrl: () => this.webAppUrl, isEnabled: () => this.webAppUrl !== null };
      },
      getOAuthToken: () => {
        hit("getOAuthToken");
        authorized("getOAuthToken");
        return "sandbox-oauth-token";
      },
      getInstallationSource: () => {
        hit("getInstallationSource");
        return InstallationSource.NONE;
      },
      // With a list of scopes, getAuthorizedScopes() gives those of the list that are granted:
      // https://developers.google.com/apps-script/reference/script/authorization-info#getAuthorizedScopes()
      getAuthorizationInfo: (_authMode: string, oAuthScopes?: string[]) => {
        hit("getAuthorizationInfo");
        const status =
          env.authMode === "FULL" && !env.authorizationLost.has(env.user)
            ? AuthorizationStatus.NOT_REQUIRED
            : AuthorizationStatus.REQUIRED;
        return {
          getAuthorizationStatus: () => status,
          getAuthorizationUrl: () =>
            status === AuthorizationStatus.REQUIRED
              ? `https://script.google.com/macros/d/${this.scriptId}/authorize`
              : null,
          getAuthorizedScopes: () =>
            status === AuthorizationStatus.REQUIRED
              ? []
              : Array.isArray(oAuthScopes)
                ? [...oAuthScopes]
                : null,
        };
      },
      requireAllScopes: (_authMode: string) => {
        hit("requireAllScopes");
        authorized("requireAllScopes");
      },
      requireScopes: (_authMode: string, _scopes: string[]) => {
        hit("requireScopes");
        authorized("requireScopes");
      },
      invalidateAuth: () => {
        hit("invalidateAuth");
      },
      getProjectTriggers: () => {
        hit("getProjectTriggers");
        authorized("getProjectTriggers");
        return mine().map((t) => triggerObject(env, t));
      },
      getUserTriggers: (document: { getId(): string } | string) => {
        hit("getUserTriggers");
        authorized("getUserTriggers");
        const id = typeof document === "string" ? document : String(document.getId());
        return mine()
          .filter((t) => t.sourceId === id || t.documentId === id)
          .map((t) => triggerObject(env, t));
      },
      deleteTrigger: (trigger: { getUniqueId(): string }) => {
        hit("deleteTrigger");
        authorized("deleteTrigger");
        this.triggers.remove(String(trigger.getUniqueId()));
      },
      newTrigger: (functionName: string) => {
        hit("newTrigger");
        return this.triggerBuilder(String(functionName));
      },
    };
  }

  private create(record: Omit<TriggerRecord, "id" | "user" | "documentId">) {
    requireAuthorization(this.env, "ScriptApp", "newTrigger");
    const created = this.triggers.add({ ...record, user: this.env.user, documentId: this.documentId() });
    return triggerObject(this.env, created);
  }

  private triggerBuilder(handler: string) {
    const env = this.env;
    return {
      timeBased: () => {
        env.hit("TriggerBuilder", "timeBased");
        return this.clockBuilder(handler);
      },
      forSpreadsheet: (spreadsheet: { getId(): string } | string) => {
        env.hit("TriggerBuilder", "forSpreadsheet");
        const id = typeof spreadsheet === "string" ? spreadsheet : String(spreadsheet.getId());
        return this.spreadsheetBuilder(handler, id);
      },
    };
  }

  private spreadsheetBuilder(handler: string, sourceId: string) {
    const env = this.env;
    let eventType: EventTypeName | null = null;
    const builder = {
      onOpen: () => choose("onOpen", "ON_OPEN"),
      onEdit: () => choose("onEdit", "ON_EDIT"),
      onChange: () => choose("onChange", "ON_CHANGE"),
      onFormSubmit: () => choose("onFormSubmit", "ON_FORM_SUBMIT"),
      create: () => {
        env.hit("SpreadsheetTriggerBuilder", "create");
        if (!eventType)
          throw exception("Choose the event (onOpen, onEdit, onChange or onFormSubmit) before create().");
        return this.create({ handler, eventType, source: "SPREADSHEETS", sourceId });
      },
    };
    function choose(method: string, type: EventTypeName) {
      env.hit("SpreadsheetTriggerBuilder", method);
      eventType = type;
      return builder;
    }
    return builder;
  }

  private clockBuilder(handler: string) {
    const env = this.env;
    const registry = this.triggers;
    const schedule: ClockSchedule = {};
    const step = (method: string, apply: () => void) => {
      env.hit("ClockTriggerBuilder", method);
      apply();
      return builder;
    };
    const builder = {
      everyMinutes: (n: number) =>
        step("everyMinutes", () => {
          schedule.everyMinutes = oneOf("everyMinutes", n, [1, 5, 10, 15, 30]);
        }),
      everyHours: (n: number) =>
        step("everyHours", () => {
          schedule.everyHours = oneOf("everyHours", n, [1, 2, 4, 6, 8, 12]);
        }),
      everyDays: (n: number) =>
        step("everyDays", () => {
          schedule.everyDays = inRange("everyDays", n, 1, 365);
        }),
      everyWeeks: (n: number) =>
        step("everyWeeks", () => {
          schedule.everyWeeks = inRange("everyWeeks", n, 1, 52);
        }),
      atHour: (hour: number) =>
        step("atHour", () => {
          schedule.atHour = inRange("atHour", hour, 0, 23);
        }),
      nearMinute: (minute: number) =>
        step("nearMinute", () => {
          schedule.nearMinute = inRange("nearMinute", minute, 0, 59);
        }),
      onWeekDay: (day: string) =>
        step("onWeekDay", () => {
          if (!(String(day) in WeekDay)) throw exception(`Invalid argument: onWeekDay(${String(day)})`);
          schedule.onWeekDay = String(day);
        }),
      onMonthDay: (day: number) =>
        step("onMonthDay", () => {
          schedule.onMonthDay = inRange("onMonthDay", day, 1, 31);
        }),
      inTimezone: (timezone: string) =>
        step("inTimezone", () => {
          schedule.timezone = String(timezone);
        }),
      at: (date: Date) =>
        step("at", () => {
          schedule.at = new Date(Date.prototype.getTime.call(date)).toISOString();
        }),
      atDate: (year: number, month: number, day: number) =>
        step("atDate", () => {
          schedule.at = new Date(Date.UTC(year, month - 1, day)).toISOString();
        }),
      after: (milliseconds: number) =>
        step("after", () => {
          schedule.at = new Date(env.now().getTime() + Number(milliseconds)).toISOString();
        }),
      create: () => {
        env.hit("ClockTriggerBuilder", "create");
        const recurring =
          schedule.everyMinutes ?? schedule.everyHours ?? schedule.everyDays ?? schedule.everyWeeks;
        if (recurring === undefined && schedule.at === undefined) {
          throw exception(
            "Set how often the trigger runs (everyHours, everyDays, everyWeeks, at or after) before create().",
          );
        }
        if (
          schedule.atHour !== undefined &&
          schedule.everyDays === undefined &&
          schedule.everyWeeks === undefined
        ) {
          throw exception("atHour() needs everyDays() or everyWeeks().");
        }
        // Editor add-ons: "Time-driven triggers cannot run more frequently than once per hour."
        // https://developers.google.com/workspace/add-ons/concepts/editor-triggers
        if (registry.addon && schedule.everyMinutes !== undefined) {
          throw exception("Add-on time-driven triggers cannot run more frequently than once per hour.");
        }
        const next = nextRun(schedule, env.now().getTime(), false, this.triggers.timeZone);
        return this.create({
          handler,
          eventType: "CLOCK",
          source: "CLOCK",
          sourceId: null,
          schedule: { ...schedule },
          nextRunAt: next === null ? null : new Date(next).toISOString(),
        });
      },
    };
    return builder;
  }
}

export type EmulatedScriptApp = ReturnType<ScriptEmulator["createService"]>;
