// Google's CacheService may drop any entry before it expires: the clip endpoint's duplicate detection and
// its rate limiter must stay right when it does (a lost entry may cost a read, never a double or a loss).
import { describe, expect, it } from "vitest";
import { seededRandom } from "../helpers/captionStreams.ts";
import { clip, openEndpoint, clipStatuses as statuses } from "./endpointHarness.ts";

describe("the clip endpoint when cache entries vanish early", () => {
  it("lands every clip exactly once while half the cache reads find nothing", () => {
    const endpoint = openEndpoint();
    const next = seededRandom(20261203);
    endpoint.addon.emulator.cache.earlyExpiry = () => next() < 0.5;
    const sent: Record<string, unknown>[] = [];
    for (let batch = 0; batch < 12; batch += 1) {
      const fresh = Array.from({ length: 1 + (batch % 4) }, () => clip());
      // Every batch re-sends two earlier clips, as a scribe's queue does after a lost answer.
      const retried = sent.slice(-2);
      sent.push(...fresh);
      const result = statuses(
        endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [...retried, ...fresh] }),
      );
      expect(result).toEqual([...retried.map(() => "duplicate"), ...fresh.map(() => "added")]);
    }
    const ids = endpoint.insights().map((row) => row.find((cell) => sent.some((c) => c.id === cell)));
    expect(ids.filter(Boolean)).toHaveLength(sent.length);
    expect(new Set(ids).size).toBe(sent.length);
  });

  it("lands every clip once when the whole cache is lost between batches", () => {
    const endpoint = openEndpoint();
    const a = clip();
    const b = clip();
    expect(statuses(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [a] }))).toEqual([
      "added",
    ]);
    endpoint.addon.emulator.cache.dropAll();
    expect(statuses(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [a, b] }))).toEqual([
      "duplicate",
      "added",
    ]);
    endpoint.addon.emulator.cache.dropAll();
    expect(statuses(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [b, a] }))).toEqual([
      "duplicate",
      "duplicate",
    ]);
    expect(endpoint.insights()).toHaveLength(2);
  });

  it("never refuses a scribe under the rate limit because its count vanished", () => {
    const endpoint = openEndpoint();
    const next = seededRandom(7);
    endpoint.addon.emulator.cache.earlyExpiry = (key) => key.startsWith("rate.") && next() < 0.3;
    // A lost count can only let more through (the limiter bounds abuse; it is not an exact quota), so
    // the first 120 requests of a minute always pass.
    for (let i = 0; i < 100; i += 1) {
      const response = endpoint.post({ v: 1, token: endpoint.token, op: "hello" });
      expect(response.ok, JSON.stringify(response).slice(0, 200)).toBe(true);
    }
  });
});
