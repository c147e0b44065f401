// What may reach an output shared outside the exchange (a shared Dashboard or compendium): confidential
// clips never do, whatever else the output shows.

/**
 * Whether an Insights row's Confidential cell keeps the clip out of shared outputs. Only a cell that is
 * clearly unticked (FALSE, blank, "no") lets the clip through: anything else, an unreadable value
 * included, counts as confidential.
 */
export function isConfidential(value: unknown): boolean {
  if (value === false || value === "" || value === 0) return false;
  return !(typeof value === "string" && /^\s*(false|no)\s*$/i.test(value));
}

/** The rows a shared output may use: every row whose clip is not confidential, in order. */
export function shareableInsights<T extends { confidential?: unknown }>(rows: readonly T[]): T[] {
  return rows.filter((row) => !isConfidential(row.confidential));
}

/** A Settings yes/no switch (dashboardShared, compendiumShared): only "yes" shares. */
export function isSharedSetting(value: unknown): boolean {
  return typeof value === "string" && value.trim().toLowerCase() === "yes";
}
