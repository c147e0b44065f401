// `npm run bench`: runs every *.bench.ts here and prints one table of figures (never pass/fail).
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Bench, BenchRow } from "./row.ts";

const here = dirname(fileURLToPath(import.meta.url));

function format(value: number | string): string {
  if (typeof value === "string") return value;
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function table(rows: BenchRow[]): string {
  const header = ["area", "figure", "workload", "value", "unit", "note"];
  const cells = rows.map((r) => [r.area, r.figure, r.workload, format(r.value), r.unit, r.note ?? ""]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i === 3 ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join(" | ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line)].join("\n");
}

const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const file of files) {
  if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
  const module = (await import(pathToFileURL(join(here, file)).href)) as { bench: Bench };
  const started = Date.now();
  try {
    rows.push(...(await module.bench()));
  } catch (error) {
    rows.push({ area: file, figure: "failed", workload: "", value: String(error), unit: "" });
  }
  process.stderr.write(`${file}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
console.log(table(rows));
