// The sandbox server under many scribes at once: 30 clients × 50 single-clip requests against a server
// that persists every change to disk. Figures only; run alone with `npm run bench -- sandboxLoad`.
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../sandbox/server.ts";
import { connectScribes, landedIds, runClipLoad } from "../helpers/clipLoad.ts";
import type { BenchRow } from "./row.ts";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
}

/** 30 scribes × 50 single-clip requests on a server that persists every change to disk. */
async function persistedLoad(): Promise<BenchRow[]> {
  const stateFile = join(mkdtempSync(join(tmpdir(), "px-bench-")), "state.json");
  const server = await startServer({ port: 0, stateFile });
  try {
    const clients = 30;
    const tokens = await connectScribes(server.url, clients);
    const cpu = process.cpuUsage();
    const result = await runClipLoad(server.url, tokens, { clients, clipsPerClient: 50, batchSize: 1 });
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const landed = await landedIds(server.url);
    const sent = new Set(result.sentIds);
    const sorted = [...result.latenciesMs].sort((a, b) => a - b);
    // The machine may be shared: the load average says how much of it the figures had.
    const workload = `30 clients × 50 single-clip requests, persisted to disk (load average ${loadavg()[0]?.toFixed(1)})`;
    return [
      {
        area: "sandbox",
        figure: "requests per second",
        workload,
        value: Math.round(result.requests / (result.elapsedMs / 1000)),
        unit: "req/s",
        note: "target ≥ 100",
      },
      {
        area: "sandbox",
        figure: "p95 latency",
        workload,
        value: Math.round(percentile(sorted, 0.95)),
        unit: "ms",
        note: `target ≤ 200; median ${Math.round(percentile(sorted, 0.5))} ms`,
      },
      {
        area: "sandbox",
        figure: "CPU per request",
        workload,
        value: Number((cpuMs / result.requests).toFixed(2)),
        unit: "ms",
        note: "server and clients together, one process",
      },
      {
        area: "sandbox",
        figure: "lost / duplicated / connection errors",
        workload,
        value:
          [...sent].filter((id) => !landed.includes(id)).length +
          landed.length -
          new Set(landed).size +
          result.connectionErrors,
        unit: "count",
        note: "must be 0",
      },
    ];
  } finally {
    await server.close();
  }
}

export async function bench(): Promise<BenchRow[]> {
  return persistedLoad();
}
