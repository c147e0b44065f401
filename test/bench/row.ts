// One printed figure of `npm run bench`: what was measured, on how much data, and the value.
export interface BenchRow {
  area: string;
  figure: string;
  workload: string;
  value: number | string;
  unit: string;
  note?: string;
}

/** A bench module: `*.bench.ts` in this folder exporting `bench()`. */
export type Bench = () => Promise<BenchRow[]> | BenchRow[];
