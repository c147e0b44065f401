// Clipper queue: bytes written to extension storage per clip (bundle sizes are in bundles.bench.ts).
import { storageBytesPerClip } from "./extension.ts";
import type { BenchRow } from "./row.ts";

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [clips, chars, failures] of [
    [200, 300, 0],
    [200, 3_000, 0],
    [200, 300, 5],
    [2_000, 300, 5],
  ] as const) {
    const cost = await storageBytesPerClip(clips, chars, failures);
    rows.push({
      area: "extension",
      figure: "storage written per clip",
      workload: `${clips} clips × ${chars} chars, ${failures} failed sends`,
      value: Math.round(cost.bytesPerClip),
      unit: "bytes",
      note: `${cost.perTextByte.toFixed(2)} × the clip text`,
    });
  }
  return rows;
}
