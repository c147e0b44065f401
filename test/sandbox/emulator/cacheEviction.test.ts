// CacheService holds at most 1,000 items and drops the oldest first, so a cache can only ever be a hint.
import { describe, expect, it } from "vitest";
import { CacheEmulator } from "../../../sandbox/emulator/cache.ts";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";

function scriptCache() {
  let now = Date.UTC(2025, 0, 1, 9, 0, 0);
  const env = new EmulatorEnv({ now: () => new Date(now) });
  const cache = new CacheEmulator(env, () => null).service.getScriptCache();
  return { cache, advance: (seconds: number) => (now += seconds * 1000) };
}

describe("CacheService item limit", () => {
  // 1,000 items, first in first out, ~100 dropped at once (measured): https://justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits
  it("drops the 100 oldest writes when the 1,001st item arrives, whatever was read since", () => {
    const { cache } = scriptCache();
    for (let i = 0; i < 1000; i++) cache.put(`k${i}`, String(i));
    expect(cache.get("k0")).toBe("0");
    cache.put("k5", "rewritten");
    cache.put("new", "x");
    expect(cache.get("k0")).toBeNull();
    expect(cache.get("k4")).toBeNull();
    expect(cache.get("k6")).toBeNull();
    expect(cache.get("k100")).toBeNull();
    expect(cache.get("k101")).toBe("101");
    expect(cache.get("k5")).toBe("rewritten");
    expect(cache.get("new")).toBe("x");
    const all = cache.getAll(Array.from({ length: 1000 }, (_, i) => `k${i}`));
    expect(Object.keys(all)).toHaveLength(900);
  });

  it("makes room from expired items before dropping live ones", () => {
    const { cache, advance } = scriptCache();
    for (let i = 0; i < 500; i++) cache.put(`short${i}`, "s", 10);
    for (let i = 0; i < 500; i++) cache.put(`long${i}`, "l", 3600);
    advance(11);
    cache.put("new", "x");
    expect(cache.get("long0")).toBe("l");
    expect(cache.get("new")).toBe("x");
  });
});
