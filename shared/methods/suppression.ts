// Small-cell suppression, CMS cell-size rule: counts 1–threshold hidden, and not derivable from shown totals.

export const DEFAULT_SUPPRESSION_THRESHOLD = 10;

export interface SuppressionResult {
  /** True where the cell is hidden. */
  suppressed: boolean[][];
  /** True where the cell is hidden because it is itself a small count (not complementary). */
  primary: boolean[][];
  /** The table as shown: null where hidden. Totals are always shown. */
  shown: (number | null)[][];
  rowTotals: number[];
  columnTotals: number[];
  grandTotal: number;
  /** Rows or columns where a hidden cell could still be derived (nothing left to hide), in plain words. */
  unprotected: string[];
}

/** A count from 1 to the threshold must not be shown. */
export function isSmallCount(value: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): boolean {
  return value >= 1 && value <= threshold;
}

/**
 * Deterministic complementary suppression: totals are shown; repeat passes over rows (top to bottom)
 * then columns (left to right) until nothing changes; a row or column with exactly one hidden cell also
 * hides its smallest non-zero shown cell (ties: the lowest index; a zero only when nothing else is left).
 */
export function suppressSmallCells(
  counts: readonly (readonly number[])[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): SuppressionResult {
  const rows = counts.length;
  const cols = rows ? Math.max(...counts.map((r) => r.length)) : 0;
  const value = (r: number, c: number) => counts[r]?.[c] ?? 0;
  const primary = counts.map((row) =>
    Array.from({ length: cols }, (_, c) => isSmallCount(row[c] ?? 0, threshold)),
  );
  const suppressed = primary.map((row) => [...row]);

  // Hides one more cell in a line that has exactly one hidden cell; false when nothing changed.
  const protect = (cells: Array<[number, number]>): boolean => {
    const hidden = cells.filter(([r, c]) => suppressed[r]?.[c]);
    if (hidden.length !== 1) return false;
    let pick: [number, number] | undefined;
    for (const cell of cells) {
      const [r, c] = cell;
      if (suppressed[r]?.[c] || value(r, c) === 0) continue;
      if (!pick || value(r, c) < value(pick[0], pick[1])) pick = cell; // strict <: ties keep the lowest index
    }
    pick ??= cells.find(([r, c]) => !suppressed[r]?.[c]);
    if (!pick) return false;
    (suppressed[pick[0]] as boolean[])[pick[1]] = true;
    return true;
  };

  const rowCells = (r: number) => Array.from({ length: cols }, (_, c) => [r, c] as [number, number]);
  const colCells = (c: number) => Array.from({ length: rows }, (_, r) => [r, c] as [number, number]);
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < rows; r++) if (protect(rowCells(r))) changed = true;
    for (let c = 0; c < cols; c++) if (protect(colCells(c))) changed = true;
  }

  const unprotected: string[] = [];
  const lonely = (cells: Array<[number, number]>) =>
    cells.filter(([r, c]) => suppressed[r]?.[c]).length === 1;
  for (let r = 0; r < rows; r++)
    if (lonely(rowCells(r))) unprotected.push(`Row ${r + 1} has one hidden cell and nothing else to hide.`);
  for (let c = 0; c < cols; c++)
    if (lonely(colCells(c)))
      unprotected.push(`Column ${c + 1} has one hidden cell and nothing else to hide.`);

  const rowTotals = Array.from({ length: rows }, (_, r) =>
    rowCells(r).reduce((a, [, c]) => a + value(r, c), 0),
  );
  const columnTotals = Array.from({ length: cols }, (_, c) =>
    colCells(c).reduce((a, [r]) => a + value(r, c), 0),
  );
  return {
    suppressed,
    primary,
    shown: suppressed.map((row, r) => row.map((hide, c) => (hide ? null : value(r, c)))),
    rowTotals,
    columnTotals,
    grandTotal: rowTotals.reduce((a, b) => a + b, 0),
    unprotected,
  };
}
