// PropertiesService: script, user and document stores of string key-value pairs, with Apps Script's
// quotas (9 KB per value, 500 KB per store) and its refusal in AuthMode.NONE.

import { byteLength, requireAuthorization } from "./auth.ts";
import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";

/** Apps Script quotas: "Properties value size 9 KB / val", "Properties total storage 500 KB / property store". */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const valueTooLarge = "Argument too large: value";
const storeFull =
  "You have exceeded the property storage quota. Please remove some properties and try again.";

export interface PropertiesState {
  script: Record<string, string>;
  /** Keyed by user email. */
  user: Record<string, Record<string, string>>;
  /** Keyed by document (spreadsheet) id. */
  document: Record<string, Record<string, string>>;
}

function storeSize(data: Map<string, string>): number {
  let size = 0;
  for (const [key, value] of data) size += byteLength(key) + byteLength(value);
  return size;
}

/** Throws as Apps Script does when a value or the whole store would exceed its quota. */
function checkLimits(data: Map<string, string>): void {
  for (const value of data.values())
    if (byteLength(value) > PROPERTY_VALUE_LIMIT) throw exception(valueTooLarge);
  if (storeSize(data) > PROPERTY_STORE_LIMIT) throw exception(storeFull);
}

/** One property store; every value is kept as a string, as Apps Script does. */
export class PropertyStore implements GoogleAppsScript.Properties.Properties {
  constructor(
    private readonly env: EmulatorEnv,
    private readonly data: Map<string, string>,
  ) {}

  getProperty(key: string): string | null {
    this.env.hit("Properties", "getProperty");
    return this.data.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): PropertyStore {
    this.env.hit("Properties", "setProperty");
    this.apply(new Map([[String(key), String(value)]]), false);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): PropertyStore {
    this.env.hit("Properties", "setProperties");
    const entries = Object.entries(properties ?? {}).map(([k, v]) => [k, String(v)] as [string, string]);
    this.apply(new Map(entries), deleteAllOthers);
    return this;
  }

  getProperties(): { [key: string]: string } {
    this.env.hit("Properties", "getProperties");
    return Object.fromEntries(this.data);
  }

  getKeys(): string[] {
    this.env.hit("Properties", "getKeys");
    return [...this.data.keys()];
  }

  deleteProperty(key: string): PropertyStore {
    this.env.hit("Properties", "deleteProperty");
    this.data.delete(String(key));
    return this;
  }

  deleteAllProperties(): PropertyStore {
    this.env.hit("Properties", "deleteAllProperties");
    this.data.clear();
    return this;
  }

  /** All or nothing: the store is unchanged when a limit would be exceeded. */
  private apply(changes: Map<string, string>, deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.data);
    for (const [key, value] of changes) next.set(key, value);
    checkLimits(next);
    this.data.clear();
    for (const [key, value] of next) this.data.set(key, value);
  }
}

/** Holds every store and hands out the PropertiesService global. */
export class PropertiesEmulator {
  private readonly script = new Map<string, string>();
  private readonly user = new Map<string, Map<string, string>>();
  private readonly document = new Map<string, Map<string, string>>();
  readonly service: GoogleAppsScript.Properties.PropertiesService;

  /** `documentId` names the document the script is bound to (or runs in), null when there is none. */
  constructor(
    private readonly env: EmulatorEnv,
    private readonly documentId: () => string | null,
    state?: PropertiesState,
  ) {
    if (state) this.load(state);
    const open = (service: string, method: string, data: () => Map<string, string> | null) => {
      env.hit(service, method);
      requireAuthorization(env, service, method);
      const store = data();
      return store ? new PropertyStore(env, store) : null;
    };
    this.service = {
      getScriptProperties: () => open("PropertiesService", "getScriptProperties", () => this.script)!,
      getUserProperties: () =>
        open("PropertiesService", "getUserProperties", () => this.userStore(env.user))!,
      // A script bound to a file (its web app included) has document properties; otherwise null.
      getDocumentProperties: () =>
        open("PropertiesService", "getDocumentProperties", () => {
          const id = this.documentId();
          return id === null ? null : this.documentStore(id);
        }) as GoogleAppsScript.Properties.Properties,
    };
  }

  /** Read without counting a call (for tests and the sandbox UI). */
  peek(scope: "script" | "user" | "document", owner?: string): Record<string, string> {
    if (scope === "script") return Object.fromEntries(this.script);
    if (scope === "user") return Object.fromEntries(this.userStore(owner ?? this.env.user));
    const id = owner ?? this.documentId();
    return id === null ? {} : Object.fromEntries(this.documentStore(id));
  }

  toJSON(): PropertiesState {
    const nested = (m: Map<string, Map<string, string>>) =>
      Object.fromEntries([...m].map(([k, v]) => [k, Object.fromEntries(v)]));
    return {
      script: Object.fromEntries(this.script),
      user: nested(this.user),
      document: nested(this.document),
    };
  }

  load(state: PropertiesState): void {
    const fill = (target: Map<string, string>, source: Record<string, string>) => {
      target.clear();
      for (const [k, v] of Object.entries(source)) target.set(k, String(v));
    };
    fill(this.script, state.script ?? {});
    this.user.clear();
    for (const [email, data] of Object.entries(state.user ?? {})) fill(this.userStore(email), data);
    this.document.clear();
    for (const [id, data] of Object.entries(state.document ?? {})) fill(this.documentStore(id), data);
  }

  private userStore(email: string): Map<string, string> {
    const store = this.user.get(email) ?? new Map<string, string>();
    this.user.set(email, store);
    return store;
  }

  private documentStore(id: string): Map<string, string> {
    const store = this.document.get(id) ?? new Map<string, string>();
    this.document.set(id, store);
    return store;
  }
}
