// Small-cell suppression with its LP audit: solver calls and time for a 5×5 and a 10×10 table, run in the
// built add-on bundle on the emulator (as in Apps Script) through the shared-output path.
import { performance } from "node:perf_hooks";
import { type SuppressionResult, suppressSmallCells } from "../../shared/methods/suppression.ts";
import { settingLabel, setUp, writeForm } from "../apps-script/peerWorkbook.ts";
import { openAddon } from "../helpers/addon.ts";
import type { BenchRow } from "./row.ts";

/** A deterministic table: about one cell in four a small count (1–10), the rest 11–60. */
function table(size: number): number[][] {
  let seed = 20_261_203;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  return Array.from({ length: size }, () =>
    Array.from({ length: size }, () =>
      next() < 0.25 ? 1 + Math.floor(next() * 10) : 11 + Math.floor(next() * 50),
    ),
  );
}

function direct(counts: number[][]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    suppressSmallCells(counts);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export function bench(): BenchRow[] {
  const addon = openAddon();
  setUp(addon);
  writeForm(addon, "Settings", { [settingLabel("dashboardShared")]: "yes" });
  const rows: BenchRow[] = [];
  for (const size of [5, 10]) {
    const counts = table(size);
    const started = performance.now();
    const result = addon.run("sharedCounts_", "dashboard", counts) as SuppressionResult;
    const ms = performance.now() - started;
    const small = counts.flat().filter((v) => v >= 1 && v <= 10).length;
    const hidden = result.suppressed.flat().filter(Boolean).length;
    const workload = `${size}×${size} table, ${small} small counts`;
    rows.push(
      {
        area: "shared outputs",
        figure: "suppression audit LP solves",
        workload,
        value: result.solverCalls,
        unit: "solves",
        note: `${hidden} cells hidden, ${result.unprotected.length} unprotected`,
      },
      {
        area: "shared outputs",
        figure: "suppression with audit, in the bundle",
        workload,
        value: Math.round(ms),
        unit: "ms",
        note: "es2019 bundle in node:vm on the emulator, first call (one Settings read included)",
      },
      {
        area: "shared outputs",
        figure: "suppression with audit, shared module",
        workload,
        value: Math.round(direct(counts)),
        unit: "ms",
        note: "the same code called directly in Node, best of 3",
      },
    );
  }
  return rows;
}
