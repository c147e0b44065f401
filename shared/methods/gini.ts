// Gini G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄); normalized G × n / (n − 1) (Woolley et al., Science 2010: equal turn-taking).

export interface GiniResult {
  n: number;
  total: number;
  /** Undefined for no sites or when nobody spoke (all zero). */
  gini: number | undefined;
  /** Undefined as above and for a single site (n − 1 = 0). */
  normalized: number | undefined;
  /** Each site's share of the total (0–1), in input order; undefined when the total is 0. */
  shares: (number | undefined)[];
  /** Why a value is undefined, in plain words. */
  note?: string;
}

/** Sites that did not speak must be passed as 0: they count. Negative or non-finite values throw. */
export function gini(values: readonly number[]): GiniResult {
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      throw new RangeError("Speaking times must be numbers of 0 or more.");
  }
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0) return { n, total, gini: undefined, normalized: undefined, shares: [], note: "No sites." };
  if (total === 0) {
    return {
      n,
      total,
      gini: undefined,
      normalized: undefined,
      shares: values.map(() => undefined),
      note: "Nobody has spoken yet.",
    };
  }
  // Sorted form of the double sum: Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n − 1) x₍ᵢ₎ (i = 1..n), O(n log n).
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (2 * (i + 1) - n - 1) * (sorted[i] as number);
  const mean = total / n;
  const g = (2 * weighted) / (2 * n * n * mean);
  const shares = values.map((v) => v / total);
  if (n === 1)
    return { n, total, gini: g, normalized: undefined, shares, note: "Only one site: no comparison." };
  return { n, total, gini: g, normalized: (g * n) / (n - 1), shares };
}
