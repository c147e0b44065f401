// Caption engine cost for a synthetic 60-minute meeting, and what reaches extension storage: the engine
// keeps captions in memory only, so storage sees clips alone (here: the last 30 s clipped every 30 s).
import { benchCaptionEngine } from "./captions.ts";
import { storageBytesPerClip } from "./extension.ts";
import type { BenchRow } from "./row.ts";

export async function bench(): Promise<BenchRow[]> {
  const run = benchCaptionEngine(60);
  const workload = `${run.minutes}-minute meeting, ${run.updates.toLocaleString("en-US")} caption updates`;
  const clips = run.minutes * 2;
  const storage = await storageBytesPerClip(clips, Math.max(1, Math.round(run.transcriptBytes / clips)));
  const written = storage.bytesPerClip * clips;
  return [
    { area: "captions", figure: "engine CPU time", workload, value: run.cpuMs, unit: "ms" },
    {
      area: "captions",
      figure: "engine CPU per update",
      workload: `${workload}; ten blocks on screen, node replacements and late corrections`,
      value: run.usPerUpdate,
      unit: "µs",
    },
    { area: "captions", figure: "engine peak heap", workload, value: run.peakHeapBytes, unit: "bytes" },
    {
      area: "captions",
      figure: "final transcript",
      workload,
      value: run.transcriptBytes,
      unit: "bytes",
      note: `${run.lines} settled lines`,
    },
    {
      area: "captions",
      figure: "storage written / transcript",
      workload: `${clips} clips of the last 30 s`,
      value: written / run.transcriptBytes,
      unit: "×",
      note: `${Math.round(written).toLocaleString("en-US")} bytes; the engine itself writes none`,
    },
  ];
}
