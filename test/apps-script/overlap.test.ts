// Two executions at once, as Google runs them: a second scribe's batch (or a second sidebar's save) arrives
// while the first holds the lock. The second is told to retry and writes nothing; nothing is lost or doubled.
import { describe, expect, it } from "vitest";
import type { EndpointResponse } from "../../shared/clip/protocol.ts";
import { clip, connect, openEndpoint, clipStatuses as statuses } from "./endpointHarness.ts";
import { exchangeWithAgenda, records } from "./peerWorkbook.ts";

describe("clip batches that overlap", () => {
  it("answers the later batch busy while the first holds the lock, and its retry lands once", () => {
    const endpoint = openEndpoint();
    const { emulator } = endpoint.addon;
    const other = connect(endpoint.addon, "Bo Scribe");
    const first = [clip(), clip()];
    const second = [clip(), first[0] as Record<string, unknown>];
    let overlapped: EndpointResponse | undefined;
    // The second request runs while the first is writing its rows (after it took the lock).
    emulator.limits.interleave("Range.setValues", 1, () => {
      overlapped = endpoint.post({ v: 1, token: other.token, op: "clip", clips: second });
      emulator.setContext("webapp");
    });
    expect(statuses(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: first }))).toEqual([
      "added",
      "added",
    ]);
    expect(overlapped).toMatchObject({ ok: false, error: { code: "busy", retryable: true } });
    expect(endpoint.insights()).toHaveLength(2);
    expect(statuses(endpoint.post({ v: 1, token: other.token, op: "clip", clips: second }))).toEqual([
      "added",
      "duplicate",
    ]);
    expect(endpoint.insights()).toHaveLength(3);
    expect(emulator.locks.holders.size).toBe(0);
  });

  it("refuses a request over the user's 30 simultaneous executions without touching the workbook", () => {
    const endpoint = openEndpoint();
    const { emulator } = endpoint.addon;
    emulator.limits.elsewhere.set(emulator.env.user, 30);
    expect(() => endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip()] })).toThrow(
      "There are too many scripts running.",
    );
    emulator.limits.elsewhere.clear();
    expect(endpoint.insights()).toHaveLength(0);
  });
});

describe("speaking-timer saves that overlap (two coordinators' sidebars)", () => {
  it("tells the later save to try again while the first holds the lock, and the tab holds each site once", () => {
    const { addon, sites, session } = exchangeWithAgenda();
    const [a] = sites as [string];
    const payload = (seconds: number) => ({
      session,
      totals: sites.map((site) => ({ site, seconds: site === a ? seconds : 0, turns: site === a ? 1 : 0 })),
    });
    let overlapped: unknown;
    addon.emulator.limits.interleave("Range.setValues", 1, () => {
      overlapped = addon.run("recordSpeaking", payload(30));
    });
    expect(addon.run("recordSpeaking", payload(20))).toMatchObject({ ok: true });
    expect(overlapped).toMatchObject({ ok: false, error: { code: "busy" } });
    expect(addon.run("recordSpeaking", payload(30))).toMatchObject({ ok: true });
    const rows = records(addon, "Speaking");
    expect(rows).toHaveLength(sites.length);
    expect(rows.find((r) => r.Site === a)?.Seconds).toBe(30);
  });
});
