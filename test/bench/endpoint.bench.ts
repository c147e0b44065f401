// The clip endpoint: round trips per batch against a small and a large Insights tab (must be flat),
// and clips per second through the sandbox server with rows lost / duplicated (must be 0 / 0). The
// sandbox under many scribes at once is sandboxLoad.bench.ts.
import { roundTripsOf, spreadsheetRoundTripsOf } from "../../sandbox/emulator/roundTrips.ts";
import { startServer } from "../../sandbox/server.ts";
import { openEndpoint } from "../apps-script/endpointHarness.ts";
import { connectScribes, landedIds, makeClip, runClipLoad } from "../helpers/clipLoad.ts";
import type { BenchRow } from "./row.ts";

interface BatchTrips {
  /** Spreadsheet round trips (openById, tabs, reads, writes, flush). */
  spreadsheet: number;
  /** Every round trip: the spreadsheet's, and the cache, properties and lock calls. */
  roundTrips: number;
  cache: number;
  properties: number;
  lock: number;
}

function tripsOf(counts: Record<string, number>): BatchTrips {
  const of = (service: string) =>
    Object.entries(counts)
      .filter(([key]) => key.startsWith(`${service}.`))
      .reduce((n, [key, c]) => n + (roundTripsOf({ [key]: c }).roundTrips > 0 ? c : 0), 0);
  return {
    spreadsheet: spreadsheetRoundTripsOf(counts),
    roundTrips: roundTripsOf(counts).roundTrips,
    cache: of("Cache"),
    properties: of("Properties"),
    lock: of("Lock"),
  };
}

/** A batch into `existing` rows: with the script cache warm, and again after the cache lost everything. */
function batchTrips(existing: number, batch: number): { warm: BatchTrips; cold: BatchTrips } {
  const endpoint = openEndpoint();
  const { emulator } = endpoint.addon;
  const sheet = emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Insights")!;
  const idColumn =
    (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf("Clip id") + 1;
  if (sheet.getMaxRows() < existing + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), existing + 1 - sheet.getMaxRows());
  const ids = Array.from({ length: existing }, (_, i) => [
    `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
  ]);
  sheet.getRange(2, idColumn, existing, 1).setValues(ids);
  const post = (clips: unknown[]) => {
    emulator.env.calls.reset();
    const response = endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips });
    if (!response.ok) throw new Error(`clip batch failed: ${response.error.message}`);
    return tripsOf(emulator.env.calls.snapshot());
  };
  let n = 0;
  const clips = () => Array.from({ length: batch }, () => makeClip(n++));
  post(clips());
  const warm = post(clips());
  emulator.globals.CacheService.getScriptCache().removeAll(Object.keys(emulator.cache.peek()));
  const cold = post(clips());
  return { warm, cold };
}

async function throughput(clients: number, clipsPerClient: number): Promise<BenchRow[]> {
  const server = await startServer({ port: 0 });
  try {
    const tokens = await connectScribes(server.url, clients);
    const result = await runClipLoad(server.url, tokens, { clients, clipsPerClient, batchSize: 10 });
    const landed = await landedIds(server.url);
    const sent = new Set(result.sentIds);
    const lost = [...sent].filter((id) => !landed.includes(id)).length;
    const duplicated = landed.length - new Set(landed).size;
    const workload = `${clients} client${clients > 1 ? "s" : ""} × ${clipsPerClient} clips, batches of 10`;
    return [
      {
        area: "endpoint",
        figure: "clips per second (sandbox)",
        workload,
        value: Math.round(sent.size / (result.elapsedMs / 1000)),
        unit: "clips/s",
        note: `${result.requests} requests incl. one re-sent batch per client`,
      },
      { area: "endpoint", figure: "rows lost", workload, value: lost, unit: "rows", note: "must be 0" },
      {
        area: "endpoint",
        figure: "rows duplicated",
        workload,
        value: duplicated,
        unit: "rows",
        note: "must be 0",
      },
    ];
  } finally {
    await server.close();
  }
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const batch of [1, 10, 50]) {
    for (const existing of [1_000, 10_000]) {
      const { warm, cold } = batchTrips(existing, batch);
      const workload = `${batch} clip${batch > 1 ? "s" : ""} into ${existing.toLocaleString("en-US")} rows`;
      rows.push({
        area: "endpoint",
        figure: "spreadsheet round trips per clip batch",
        workload,
        value: warm.spreadsheet,
        unit: "round trips",
        note: `target ≤ 6 (cache warm, no new tag, no site named); all round trips ${warm.roundTrips} incl. cache ${warm.cache}, properties ${warm.properties}, lock ${warm.lock}`,
      });
      rows.push({
        area: "endpoint",
        figure: "spreadsheet round trips per clip batch, cache lost",
        workload,
        value: cold.spreadsheet,
        unit: "round trips",
        note: `Google may evict any entry: the Clip id column, header row and Tags tab are read again; all round trips ${cold.roundTrips}`,
      });
    }
  }
  for (const clients of [1, 10, 30]) rows.push(...(await throughput(clients, 50)));
  return rows;
}
