// Bundle sizes: the add-on's Code.js and each extension script, per browser.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BenchRow } from "./row.ts";

const dist = join(import.meta.dirname, "../../dist");

function size(file: string, area: string, figure: string): BenchRow {
  const bytes = statSync(file).size;
  return {
    area,
    figure,
    workload: "built",
    value: bytes,
    unit: "bytes",
    note: `${gzipSync(readFileSync(file)).length.toLocaleString("en-US")} gzipped`,
  };
}

export function bench(): BenchRow[] {
  const rows = [size(join(dist, "apps-script/Code.js"), "bundle", "apps-script Code.js")];
  for (const browser of ["chromium", "firefox"]) {
    const dir = join(dist, "extension", browser);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".js"))
      .sort()) {
      rows.push(size(join(dir, file), "bundle", `extension ${browser}/${file}`));
    }
  }
  return rows;
}
