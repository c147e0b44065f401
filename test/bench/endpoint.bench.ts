// The clip endpoint: service calls per batch against a small and a large Insights tab (must be flat),
// and clips per second through the sandbox server with rows lost / duplicated (must be 0 / 0). The
// sandbox under many scribes at once is sandboxLoad.bench.ts.
import { roundTripsOf } from "../../sandbox/emulator/roundTrips.ts";
import { startServer } from "../../sandbox/server.ts";
import { openEndpoint } from "../apps-script/endpointHarness.ts";
import { connectScribes, landedIds, makeClip, runClipLoad } from "../helpers/clipLoad.ts";
import type { BenchRow } from "./row.ts";

const SPREADSHEET_SERVICES = ["SpreadsheetApp", "Spreadsheet", "Sheet", "Range", "TextFinder"];

function batchCalls(
  existing: number,
  batch: number,
): { total: number; spreadsheet: number; roundTrips: number } {
  const endpoint = openEndpoint();
  const sheet =
    endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Insights")!;
  const idColumn =
    (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf("Clip id") + 1;
  if (sheet.getMaxRows() < existing + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), existing + 1 - sheet.getMaxRows());
  const ids = Array.from({ length: existing }, (_, i) => [
    `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
  ]);
  sheet.getRange(2, idColumn, existing, 1).setValues(ids);
  const clips = Array.from({ length: batch }, (_, i) => makeClip(i));
  const { calls } = endpoint.addon.emulator.env;
  calls.reset();
  const response = endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips });
  if (!response.ok) throw new Error(`clip batch failed: ${response.error.message}`);
  return {
    roundTrips: roundTripsOf(calls.snapshot()).roundTrips,
    total: calls.total(),
    spreadsheet: SPREADSHEET_SERVICES.reduce((n, s) => n + calls.total(s), 0),
  };
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
  for (const batch of [1, 100, 500]) {
    for (const existing of [1_000, 100_000]) {
      const count = batchCalls(existing, batch);
      // The naive version: per clip, read the Clip id column to check for a duplicate, then appendRow.
      const naive = batch * 4 + 2;
      rows.push({
        area: "endpoint",
        figure: "service calls per clip batch",
        workload: `${batch} clip${batch > 1 ? "s" : ""} into ${existing.toLocaleString("en-US")} rows`,
        value: count.total,
        unit: "calls",
        note: `${count.roundTrips} round trips; spreadsheet ${count.spreadsheet}; naive per-clip ≈ ${naive} (${(naive / count.spreadsheet).toFixed(1)}×), each reading the whole id column`,
      });
    }
  }
  for (const clients of [1, 10, 30]) rows.push(...(await throughput(clients, 50)));
  return rows;
}
