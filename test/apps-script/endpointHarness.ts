// A set-up workbook with one connected scribe, and doPost called the way the web app calls it.

import type { EmulatorOptions } from "../../sandbox/emulator/index.ts";
import type { EndpointResponse } from "../../shared/clip/protocol.ts";
import { decodeConnectionCode } from "../../shared/clip/tokens.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";

export const WEB_APP_URL = "https://script.google.com/macros/s/TEST-DEPLOYMENT/exec";

export interface Endpoint {
  addon: Addon;
  token: string;
  scribeId: string;
  /** POSTs a body (an object is sent as JSON text) to doPost in web-app context; returns the parsed JSON. */
  post(body: unknown): EndpointResponse;
  /** The Insights data rows (header row left out), read without counting calls. */
  insights(): unknown[][];
  /** A tab's rows (header row first), read without counting calls. */
  tab(name: string): unknown[][];
  /** The formulas of a tab, read without counting calls. */
  formulas(name: string): string[][];
}

export interface IssuedCode {
  scribeId: string;
  name: string;
  connectionCode: string;
}

/** Runs Connect a scribe… answering its prompt with `name`; returns what it issued. */
export function connect(addon: Addon, name: string): IssuedCode & { token: string } {
  addon.emulator.setContext("bound");
  addon.emulator.ui.respondWith([{ button: "OK", text: name }]);
  const issued = addon.run("connectScribe") as IssuedCode | null;
  if (!issued)
    throw new Error(`connectScribe issued nothing: ${JSON.stringify(addon.emulator.ui.takeEvents())}`);
  const decoded = decodeConnectionCode(issued.connectionCode);
  if (!decoded.ok) throw new Error(decoded.message);
  return { ...issued, token: decoded.value.token };
}

export function openEndpoint(options: EmulatorOptions = {}): Endpoint {
  const addon = openAddon({ webAppUrl: WEB_APP_URL, ...options });
  addon.run("setUpWorkbook");
  addon.emulator.ui.takeEvents();
  const { token, scribeId } = connect(addon, "Ann Scribe");
  addon.emulator.ui.takeEvents();
  const describeTab = (name: string) => {
    const sheet = addon.emulator.spreadsheets
      .describe(addon.emulator.containerId)
      .sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No tab named ${name}`);
    return sheet;
  };
  return {
    addon,
    token,
    scribeId,
    post(body) {
      const contents = typeof body === "string" ? body : JSON.stringify(body);
      addon.emulator.setContext("webapp");
      try {
        const output = addon.run("doPost", {
          postData: { contents, length: contents.length, type: "text/plain", name: "postData" },
          parameter: {},
          parameters: {},
          queryString: "",
          contentLength: contents.length,
          contextPath: "",
        }) as { getContent(): string; getMimeType(): string };
        return JSON.parse(output.getContent()) as EndpointResponse;
      } finally {
        addon.emulator.setContext("bound");
      }
    },
    insights: () => describeTab("Insights").values.slice(1),
    tab: (name) => describeTab(name).values,
    formulas: (name) => describeTab(name).formulas as string[][],
  };
}

let serial = 0;

/** A well-formed clip with a fresh id; fields can be overridden. */
export function clip(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return {
    id: `3f2b8c1e-5a7d-4e2f-9c1b-${serial.toString(16).padStart(12, "0")}`,
    capturedAt: "2026-03-04T14:05:00Z",
    kind: "insight",
    text: `Huddles at 7:45 cut discharge delays (${serial}).`,
    tags: ["discharge planning"],
    source: { platform: "meet", url: "https://meet.google.com/abc-defg-hij", title: "Exchange day 1" },
    speaker: "Dr. Lee",
    site: "Site A",
    session: "Rapid-fire case: Site A",
    confidential: false,
    phi: { checked: true, findings: 0, types: [], action: "none" },
    ...overrides,
  };
}

/** Each clip's status from a clip answer; throws with the answer when it is not one. */
export function clipStatuses(response: EndpointResponse): string[] {
  if (!response.ok || response.op !== "clip") throw new Error(JSON.stringify(response).slice(0, 300));
  return response.results.map((r) => r.status);
}
