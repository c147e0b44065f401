// PropertiesService: string values, Apps Script's quotas, document scope and AuthMode.NONE.
import { describe, expect, it } from "vitest";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";
import { PropertiesEmulator } from "../../../sandbox/emulator/properties.ts";

function setup(options: { authMode?: "NONE" | "FULL"; documentId?: string | null } = {}) {
  const env = new EmulatorEnv({ authMode: options.authMode ?? "FULL" });
  const documentId = options.documentId === undefined ? "doc-1" : options.documentId;
  const properties = new PropertiesEmulator(env, () => documentId);
  return { env, properties, service: properties.service };
}

describe("PropertiesService", () => {
  it("stores every value as a string", () => {
    const { service } = setup();
    const script = service.getScriptProperties();
    script.setProperty("count", 42 as unknown as string);
    script.setProperties({ flag: true, missing: null } as unknown as Record<string, string>);
    expect(script.getProperty("count")).toBe("42");
    expect(script.getProperty("flag")).toBe("true");
    expect(script.getProperty("missing")).toBe("null");
    expect(script.getProperty("absent")).toBeNull();
    expect(script.getProperties()).toEqual({ count: "42", flag: "true", missing: "null" });
  });

  it("setProperties with deleteAllOthers replaces the store", () => {
    const { service } = setup();
    const store = service.getUserProperties();
    store.setProperties({ a: "1", b: "2" });
    store.setProperties({ c: "3" }, true);
    expect(store.getKeys()).toEqual(["c"]);
    store.deleteProperty("c");
    store.setProperty("d", "4").deleteAllProperties();
    expect(store.getProperties()).toEqual({});
  });

  it("refuses a value over 9 KB and leaves the store unchanged", () => {
    const { service } = setup();
    const store = service.getScriptProperties();
    store.setProperty("fits", "x".repeat(9 * 1024));
    expect(() => store.setProperty("big", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    // Counted in UTF-8 bytes: 4,609 two-byte characters are 9,218 bytes.
    expect(() => store.setProperty("wide", "é".repeat(4609))).toThrow("Argument too large: value");
    expect(store.getKeys()).toEqual(["fits"]);
  });

  it("refuses to grow a store past 500 KB, all or nothing", () => {
    const { service } = setup();
    const store = service.getDocumentProperties();
    const value = "v".repeat(9000);
    for (let i = 0; i < 56; i++) store.setProperty(`k${i}`, value);
    const batch = { a: value, b: value, c: value, d: value };
    expect(() => store.setProperties(batch)).toThrow("You have exceeded the property storage quota");
    expect(store.getProperty("a")).toBeNull();
    expect(store.getKeys()).toHaveLength(56);
  });

  it("keeps script, user and document stores apart", () => {
    const { env, service } = setup();
    service.getScriptProperties().setProperty("k", "script");
    service.getUserProperties().setProperty("k", "coordinator");
    service.getDocumentProperties().setProperty("k", "document");
    env.user = "scribe@example.org";
    expect(service.getUserProperties().getProperty("k")).toBeNull();
    expect(service.getScriptProperties().getProperty("k")).toBe("script");
    expect(service.getDocumentProperties().getProperty("k")).toBe("document");
  });

  it("works in a bound script's web app and is null without a document", () => {
    const bound = setup({ documentId: "doc-1" });
    bound.env.context = "webapp";
    expect(bound.service.getDocumentProperties()).not.toBeNull();
    expect(setup({ documentId: null }).service.getDocumentProperties()).toBeNull();
  });

  it("throws Apps Script's permission error in AuthMode.NONE", () => {
    const { service, env } = setup({ authMode: "NONE" });
    expect(() => service.getDocumentProperties()).toThrow(
      "You do not have permission to call PropertiesService.getDocumentProperties",
    );
    expect(() => service.getScriptProperties()).toThrow("You do not have permission");
    expect(env.calls.get("PropertiesService.getDocumentProperties")).toBe(1);
  });

  it("counts calls and lets a fault fire on the nth", () => {
    const { service, env } = setup();
    const store = service.getScriptProperties();
    env.faults.throwOn("Properties.setProperty", 2, "Service error: Properties");
    store.setProperty("a", "1");
    expect(() => store.setProperty("b", "2")).toThrow("Service error: Properties");
    store.setProperty("c", "3");
    expect(env.calls.get("Properties.setProperty")).toBe(3);
    expect(store.getKeys()).toEqual(["a", "c"]);
  });

  it("round-trips through toJSON and load", () => {
    const first = setup();
    first.service.getScriptProperties().setProperty("token", "abc");
    first.service.getDocumentProperties().setProperty("workbookId", "doc-1");
    const state = JSON.parse(JSON.stringify(first.properties.toJSON()));
    const second = new PropertiesEmulator(new EmulatorEnv(), () => "doc-1", state);
    expect(second.service.getScriptProperties().getProperty("token")).toBe("abc");
    expect(second.service.getDocumentProperties().getProperty("workbookId")).toBe("doc-1");
  });
});
