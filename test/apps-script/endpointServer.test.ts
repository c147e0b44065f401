// The clip endpoint over HTTP on the running sandbox server: many scribes at once, none lost, none doubled.
import { afterEach, describe, expect, it } from "vitest";
import { type SandboxServer, startServer } from "../../sandbox/server.ts";
import { connectScribes, landedIds, runClipLoad } from "../helpers/clipLoad.ts";

let server: SandboxServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("POST /exec under load", () => {
  it("lands 30 concurrent clients × 50 clips as 1,500 rows: none lost, none duplicated", async () => {
    server = await startServer({ port: 0 });
    const tokens = await connectScribes(server.url, 30);
    // Faults along the way: two failed appends and a lock that is now and then held elsewhere.
    const { faults } = server.emulator().env;
    faults.throwOn("Range.setValues", 10, "Service Spreadsheets failed while accessing document");
    faults.throwOn("Range.setValues", 40, "Service Spreadsheets timed out");
    let flips = 0;
    const contention = setInterval(() => {
      flips += 1;
      faults.lockContention = flips % 4 === 0;
    }, 3);
    const result = await runClipLoad(server.url, tokens, {
      clients: 30,
      clipsPerClient: 50,
      batchSize: 7,
    }).finally(() => clearInterval(contention));
    expect(result.retries).toBeGreaterThanOrEqual(2);
    expect(result.unsettled).toEqual([]);
    const landed = await landedIds(server.url);
    expect(landed).toHaveLength(1_500);
    expect(new Set(landed).size).toBe(1_500);
    expect(new Set(landed)).toEqual(new Set(result.sentIds));
  });

  it("answers a bad request with a JSON error over HTTP", async () => {
    server = await startServer({ port: 0 });
    const response = await fetch(`${server.url}/exec`, { method: "POST", body: "{oops" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: "bad_json", retryable: false } });
  });
});
