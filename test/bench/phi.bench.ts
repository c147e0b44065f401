// PHI guard: recall, precision and clean-line rate on both parts of the QI-meeting corpus, time per 1,000
// lines, the check of a 30-second caption clip (first call, when the popup has just opened, and warm), and
// the popup bundle that carries the detector.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { detectPhi, warmUpPhi } from "../../shared/clip/phi.ts";
import { loadPart, type Part, precision, recall, score } from "../fixtures/phi-qi.ts";
import type { BenchRow } from "./row.ts";

// About 80 words: 30 seconds of huddle talk as live captions write it.
const clip30s =
  "okay so thanks omar for pulling the numbers, miss adeyemi was the one who fell on nights last week and her " +
  "husband dale found her by the bathroom. she's ninety one and staying with her daughter in westfield. the " +
  "braden was 14, foley out day 2 post op, bp 142 over 88. admit was 3/4, readmit 3/19. call the unit clerk at " +
  "ext 4471 or five five five oh one four two. policy 7.3.2 covers the restraint renewal in room 4102 bed b.";

/** CPU milliseconds per run: steadier than wall time on a shared machine. */
function timed(fn: () => void, runs: number): number {
  const started = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / runs;
}

export function bench(): BenchRow[] {
  const rows: BenchRow[] = [];
  const workload = `${clip30s.length} chars`;
  const cold = timed(() => detectPhi(clip30s.toUpperCase()), 1);
  const warmUp = timed(warmUpPhi, 1);
  rows.push(
    {
      area: "phi",
      figure: "check of a 30-second clip, cold",
      workload,
      value: cold,
      unit: "ms CPU",
      note: "patterns compiled on the way",
    },
    {
      area: "phi",
      figure: "popup warm-up on open",
      workload: "one sample sentence",
      value: warmUp,
      unit: "ms CPU",
    },
    {
      area: "phi",
      figure: "check of a 30-second clip, after warm-up",
      workload,
      value: timed(() => detectPhi(clip30s), 1),
      unit: "ms CPU",
    },
    {
      area: "phi",
      figure: "check of a 30-second clip, repeated",
      workload,
      value: timed(() => detectPhi(clip30s), 50),
      unit: "ms CPU",
    },
  );
  for (const part of ["dev", "test"] as Part[]) {
    const lines = loadPart(part);
    const s = score(lines, detectPhi);
    const workload = `${part} part, ${lines.length} lines`;
    rows.push(
      {
        area: "phi",
        figure: "recall",
        workload,
        value: recall(s.total),
        unit: "ratio",
        note: `structured ${recall(s.structured).toFixed(3)}`,
      },
      { area: "phi", figure: "precision", workload, value: precision(s.total), unit: "ratio" },
      {
        area: "phi",
        figure: "clean lines flagged",
        workload,
        value: s.cleanFlagged / s.cleanLines,
        unit: "ratio",
        note: `${s.cleanFlagged} of ${s.cleanLines}`,
      },
      {
        area: "phi",
        figure: "detector time per 1,000 lines",
        workload,
        value:
          (timed(() => {
            for (const l of lines) detectPhi(l.text);
          }, 3) /
            lines.length) *
          1000,
        unit: "ms CPU",
      },
    );
  }
  for (const browser of ["chromium", "firefox"]) {
    const file = join(import.meta.dirname, "../../dist/extension", browser, "popup.js");
    rows.push({
      area: "phi",
      figure: `popup bundle (${browser})`,
      workload: "built",
      value: statSync(file).size,
      unit: "bytes",
      note: `${gzipSync(readFileSync(file)).length.toLocaleString("en-US")} gzipped`,
    });
  }
  return rows;
}
