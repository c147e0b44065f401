// CacheService: expiry on the emulator's clock and Apps Script's limits.
import { describe, expect, it } from "vitest";
import { CacheEmulator } from "../../../sandbox/emulator/cache.ts";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";

function setup(documentId: string | null = "doc-1") {
  let now = Date.UTC(2025, 0, 1, 9, 0, 0);
  const env = new EmulatorEnv({ now: () => new Date(now) });
  const cache = new CacheEmulator(env, () => documentId);
  return { env, cache, service: cache.service, advance: (seconds: number) => (now += seconds * 1000) };
}

describe("CacheService", () => {
  it("expires entries after the default 600 seconds", () => {
    const { service, advance } = setup();
    const cache = service.getScriptCache();
    cache.put("k", "v");
    advance(599);
    expect(cache.get("k")).toBe("v");
    advance(1);
    expect(cache.get("k")).toBeNull();
  });

  it("honours a given expiry and rejects one over 6 hours", () => {
    const { service, advance } = setup();
    const cache = service.getUserCache();
    cache.put("short", "1", 5);
    cache.put("long", "2", 21_600);
    advance(6);
    expect(cache.get("short")).toBeNull();
    expect(cache.get("long")).toBe("2");
    expect(() => cache.put("x", "y", 21_601)).toThrow("expirationInSeconds");
  });

  it("enforces the key and value limits", () => {
    const { service } = setup();
    const cache = service.getScriptCache();
    cache.put("k".repeat(250), "ok");
    expect(() => cache.put("k".repeat(251), "v")).toThrow("Argument too large: key");
    cache.put("fits", "v".repeat(100 * 1024));
    expect(() => cache.put("big", "v".repeat(100 * 1024 + 1))).toThrow("Argument too large: value");
  });

  it("getAll, putAll, remove and removeAll", () => {
    const { service } = setup();
    const cache = service.getDocumentCache()!;
    cache.putAll({ a: "1", b: "2", c: 3 as unknown as string });
    expect(cache.getAll(["a", "c", "zzz"])).toEqual({ a: "1", c: "3" });
    cache.remove("a");
    cache.removeAll(["b"]);
    expect(cache.getAll(["a", "b", "c"])).toEqual({ c: "3" });
  });

  it("has no document cache outside a document", () => {
    expect(setup(null).service.getDocumentCache()).toBeNull();
  });

  it("keeps script and user caches apart and survives a snapshot", () => {
    const { env, cache, service } = setup();
    service.getScriptCache().put("k", "script");
    service.getUserCache().put("k", "user");
    env.user = "other@example.org";
    expect(service.getUserCache().get("k")).toBeNull();
    const restored = new CacheEmulator(env, () => "doc-1", JSON.parse(JSON.stringify(cache.toJSON())));
    expect(restored.service.getScriptCache().get("k")).toBe("script");
  });
});
