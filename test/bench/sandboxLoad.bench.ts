// The sandbox server under many scribes at once: 30 clients × 50 single-clip requests against a server
// that persists every change to disk. The server runs as `npm start` runs it, in its own process, since
// scribes are other machines: clients in the server's own event loop would slow it for their own work.
// Figures only; run alone with `npm run bench -- sandboxLoad`.
import { mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { connectScribes, landedIds, runClipLoad } from "../helpers/clipLoad.ts";
import { launchSandbox, stopSandbox } from "../helpers/sandboxProcess.ts";
import type { BenchRow } from "./row.ts";

/** CPU time a process has used so far, in milliseconds (Linux /proc; clock ticks are 1/100 s). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
}

/** 30 scribes × 50 single-clip requests on a server that persists every change to disk. */
async function persistedLoad(): Promise<BenchRow[]> {
  const stateFile = join(mkdtempSync(join(tmpdir(), "px-bench-")), "state.json");
  const server = await launchSandbox(stateFile, "node");
  const pid = server.child.pid as number;
  try {
    // An empty workbook rather than the demo a first start opens on.
    await fetch(`${server.url}/api/reset`, { method: "POST", body: "{}" });
    const clients = 30;
    const tokens = await connectScribes(server.url, clients);
    const serverCpu = cpuMsOf(pid);
    const cpu = process.cpuUsage();
    const result = await runClipLoad(server.url, tokens, { clients, clipsPerClient: 50, batchSize: 1 });
    const used = process.cpuUsage(cpu);
    const serverMs = cpuMsOf(pid) - serverCpu;
    const clientMs = (used.user + used.system) / 1000;
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
        figure: "server CPU per request",
        workload,
        value: Number((serverMs / result.requests).toFixed(2)),
        unit: "ms",
        note: `the sandbox process alone; the 30 clients used ${(clientMs / result.requests).toFixed(2)} ms a request`,
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
    await stopSandbox(server.child);
  }
}

export async function bench(): Promise<BenchRow[]> {
  return persistedLoad();
}
