// CacheService holds at most 1,000 items, keeps the 900 farthest from expiry when more are written, and
// promises nothing before expiry: a cache can only ever be a hint.
import { describe, expect, it } from "vitest";
import { CacheEmulator } from "../../../sandbox/emulator/cache.ts";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";

function scriptCache() {
  let now = Date.UTC(2025, 0, 1, 9, 0, 0);
  const env = new EmulatorEnv({ now: () => new Date(now) });
  const emulator = new CacheEmulator(env, () => "doc-1");
  const cache = emulator.service.getScriptCache();
  return { env, emulator, cache, advance: (seconds: number) => (now += seconds * 1000) };
}

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("CacheService item limit", () => {
  // https://developers.google.com/apps-script/reference/cache/cache#putAll(Object,Integer)
  it("keeps the 900 items farthest from expiry when the 1,001st arrives, not the newest written", () => {
    const { cache } = scriptCache();
    for (let i = 0; i < 500; i++) cache.put(`long${i}`, "l", 6 * 3600);
    for (let i = 0; i < 500; i++) cache.put(`short${i}`, "s", 60);
    cache.put("new", "x", 600);
    // The 101 nearest expiry are the 100 short ones written first… and one more short one.
    expect(Object.keys(cache.getAll(keys("long", 500)))).toHaveLength(500);
    expect(Object.keys(cache.getAll(keys("short", 500)))).toHaveLength(399);
    expect(cache.get("short0")).toBeNull();
    expect(cache.get("short100")).toBeNull();
    expect(cache.get("short101")).toBe("s");
    expect(cache.get("new")).toBe("x");
  });

  it("drops a new write that is nearer its expiry than the 900 kept", () => {
    const { cache } = scriptCache();
    for (let i = 0; i < 1000; i++) cache.put(`k${i}`, String(i), 3600);
    cache.put("brief", "x", 5);
    expect(cache.get("brief")).toBeNull();
    expect(Object.keys(cache.getAll(keys("k", 1000)))).toHaveLength(900);
  });

  it("makes room from expired items before dropping live ones", () => {
    const { cache, advance } = scriptCache();
    for (let i = 0; i < 500; i++) cache.put(`short${i}`, "s", 10);
    for (let i = 0; i < 500; i++) cache.put(`long${i}`, "l", 3600);
    advance(11);
    cache.put("new", "x");
    expect(cache.get("long0")).toBe("l");
    expect(Object.keys(cache.getAll(keys("long", 500)))).toHaveLength(500);
    expect(cache.get("new")).toBe("x");
  });
});

describe("CacheService early expiry", () => {
  it("lets a test make chosen entries vanish before they expire", () => {
    const { emulator, cache } = scriptCache();
    cache.putAll({ a: "1", b: "2" }, 3600);
    emulator.earlyExpiry = (key) => key === "a";
    expect(cache.get("a")).toBeNull();
    expect(cache.getAll(["a", "b"])).toEqual({ b: "2" });
    emulator.earlyExpiry = null;
    expect(cache.get("a")).toBeNull();
    emulator.dropAll();
    expect(cache.get("b")).toBeNull();
  });

  it("has no document cache in a web app", () => {
    const { env, emulator } = scriptCache();
    expect(emulator.service.getDocumentCache()).not.toBeNull();
    env.context = "webapp";
    expect(emulator.service.getDocumentCache()).toBeNull();
  });
});
