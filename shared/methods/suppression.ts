// Small-cell suppression, CMS cell-size rule: counts 1–threshold hidden, and not derivable from shown totals.
// Every suppressed table is audited by linear programming (protection intervals, as in tau-ARGUS / sdcTable):
// each hidden cell is minimized and maximized over the non-negative tables consistent with what is shown.
import { type Model, solve } from "yalps";

export const DEFAULT_SUPPRESSION_THRESHOLD = 10;

/** The feasible range of one hidden cell, given the totals and the shown cells. */
export interface CellAudit {
  row: number;
  col: number;
  /** Smallest and largest value the cell can take in a non-negative table consistent with what is shown. */
  min: number;
  max: number;
  /** Whether the cell is hidden because it is itself a small count. */
  primary: boolean;
  /**
   * A primary cell is protected when its range reaches 0 and goes above the threshold (it can be neither
   * worked out nor shown to be small); a complementary cell has nothing of its own to protect.
   */
  protected: boolean;
}

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
  /** Hidden small counts that can still be worked out or bounded from what is shown, in plain words. */
  unprotected: string[];
  /** The final audit: one entry per hidden cell, row by row. */
  audit: CellAudit[];
  /** Linear programs solved (two per audited cell per audit round). */
  solverCalls: number;
}

/** A count from 1 to the threshold must not be shown. */
export function isSmallCount(value: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): boolean {
  return value >= 1 && value <= threshold;
}

type Grid<T> = T[][];
type Cell = [number, number];

interface Table {
  rows: number;
  cols: number;
  value: (r: number, c: number) => number;
  rowTotals: number[];
  columnTotals: number[];
}

function tableOf(counts: readonly (readonly number[])[]): Table {
  const rows = counts.length;
  const cols = rows ? Math.max(...counts.map((r) => r.length)) : 0;
  const value = (r: number, c: number) => counts[r]?.[c] ?? 0;
  const rowTotals = Array.from({ length: rows }, (_, r) => sum(cols, (c) => value(r, c)));
  const columnTotals = Array.from({ length: cols }, (_, c) => sum(rows, (r) => value(r, c)));
  return { rows, cols, value, rowTotals, columnTotals };
}

function sum(n: number, f: (i: number) => number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += f(i);
  return total;
}

const rowCells = (t: Table, r: number) => Array.from({ length: t.cols }, (_, c) => [r, c] as Cell);
const colCells = (t: Table, c: number) => Array.from({ length: t.rows }, (_, r) => [r, c] as Cell);

/**
 * The deterministic complementary heuristic: repeat passes over rows (top to bottom) then columns (left
 * to right) until nothing changes; a row or column with exactly one hidden cell also hides its smallest
 * non-zero shown cell (ties: the lowest index; a zero only when nothing else is left). It can leak on its
 * own, which is why suppressSmallCells audits its result.
 */
export function heuristicSuppression(
  counts: readonly (readonly number[])[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): Grid<boolean> {
  const t = tableOf(counts);
  const suppressed = Array.from({ length: t.rows }, (_, r) =>
    Array.from({ length: t.cols }, (_, c) => isSmallCount(t.value(r, c), threshold)),
  );
  const protect = (cells: Cell[]): boolean => {
    const hidden = cells.filter(([r, c]) => suppressed[r]?.[c]);
    if (hidden.length !== 1) return false;
    let pick: Cell | undefined;
    for (const cell of cells) {
      const [r, c] = cell;
      if (suppressed[r]?.[c] || t.value(r, c) === 0) continue;
      if (!pick || t.value(r, c) < t.value(pick[0], pick[1])) pick = cell; // strict <: ties keep the lowest index
    }
    pick ??= cells.find(([r, c]) => !suppressed[r]?.[c]);
    if (!pick) return false;
    (suppressed[pick[0]] as boolean[])[pick[1]] = true;
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < t.rows; r++) if (protect(rowCells(t, r))) changed = true;
    for (let c = 0; c < t.cols; c++) if (protect(colCells(t, c))) changed = true;
  }
  return suppressed;
}

/** Solver answers within this distance of a whole number are that number (the data are counts). */
const EPSILON = 1e-7;
const snap = (x: number) => (Math.abs(x - Math.round(x)) < EPSILON ? Math.round(x) || 0 : x);

interface Audit {
  audit: CellAudit[];
  solverCalls: number;
}

/**
 * The protection-interval audit: for each hidden cell, its minimum and maximum over the non-negative
 * tables whose row totals, column totals (hence grand total) and shown cells match what is published.
 * The LP relaxation is what tau-ARGUS audits; for a two-way table the margin constraints are totally
 * unimodular, so these bounds are also the bounds over whole-number tables.
 */
export function auditSuppression(
  counts: readonly (readonly number[])[],
  suppressed: readonly (readonly boolean[])[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): Audit {
  return runAudit(counts, suppressed, threshold, () => true, false);
}

/**
 * The audit of the cells `only` picks. With `decide`, a bound is solved only when no table the solver
 * already produced settles it (one holding the cell at 0, or above the threshold): the cell's protection
 * is then known, though the min and max it reports are only as far as needed to know it.
 */
function runAudit(
  counts: readonly (readonly number[])[],
  suppressed: readonly (readonly boolean[])[],
  threshold: number,
  only: (r: number, c: number) => boolean,
  decide: boolean,
): Audit {
  const t = tableOf(counts);
  const hidden: Cell[] = [];
  for (let r = 0; r < t.rows; r++)
    for (let c = 0; c < t.cols; c++) if (suppressed[r]?.[c]) hidden.push([r, c]);
  // What each row and column's hidden cells add up to: its total less its shown cells.
  const constraints: Record<string, { equal: number }> = {};
  for (const [r, c] of hidden) {
    constraints[`r${r}`] = { equal: 0 };
    constraints[`c${c}`] = { equal: 0 };
  }
  for (let r = 0; r < t.rows; r++)
    for (let c = 0; c < t.cols; c++) {
      const v = suppressed[r]?.[c] ? t.value(r, c) : 0;
      const row = constraints[`r${r}`];
      const col = constraints[`c${c}`];
      if (row) row.equal += v;
      if (col) col.equal += v;
    }
  const variables = hidden.map(
    ([r, c], k) =>
      [`x${k}`, { [`r${r}`]: 1, [`c${c}`]: 1, [`x${k}`]: 1 }] as [string, Record<string, number>],
  );
  // Per hidden cell: whether some feasible table the solver returned holds it at 0, and its largest value.
  const atZero = hidden.map(() => false);
  const highest = hidden.map(() => 0);
  let solverCalls = 0;
  const optimum = (k: number, direction: "minimize" | "maximize"): number => {
    const model: Model = { direction, objective: `x${k}`, constraints, variables };
    solverCalls += 1;
    const solution = solve(model);
    // The true table is feasible and every cell is bounded by its row total, so only a solver fault lands
    // here: count the cell as exposed rather than guess.
    if (solution.status !== "optimal") return Number.NaN;
    const values = new Map(solution.variables);
    hidden.forEach((_, j) => {
      const v = snap(values.get(`x${j}`) ?? 0);
      if (v <= 0) atZero[j] = true;
      if (v > (highest[j] as number)) highest[j] = v;
    });
    return snap(solution.result);
  };
  const audit: CellAudit[] = [];
  hidden.forEach(([r, c], k) => {
    if (!only(r, c)) return;
    const primary = isSmallCount(t.value(r, c), threshold);
    const min = decide && atZero[k] ? 0 : optimum(k, "minimize");
    // Deciding, a cell that cannot reach 0 is exposed whatever its maximum: that solve is skipped too.
    const settled = decide && ((highest[k] as number) > threshold || !(min <= 0));
    const max = settled ? (highest[k] as number) : optimum(k, "maximize");
    audit.push({ row: r, col: c, min, max, primary, protected: !primary || (min <= 0 && max > threshold) });
  });
  return { audit, solverCalls };
}

/**
 * Whether a cell could be protected at all: with every cell hidden, its range is
 * [max(0, row + column − grand total), min(row, column)] (the transportation polytope's bounds).
 */
function protectable(t: Table, r: number, c: number, threshold: number): boolean {
  const row = t.rowTotals[r] ?? 0;
  const col = t.columnTotals[c] ?? 0;
  const grand = t.rowTotals.reduce((a, b) => a + b, 0);
  return Math.min(row, col) > threshold && row + col - grand <= 0;
}

/** The next cell to hide: the smallest shown non-zero cell in a row or column of an exposed cell. */
function nextComplement(
  t: Table,
  suppressed: Grid<boolean>,
  exposed: readonly CellAudit[],
): Cell | undefined {
  const lines = new Set<string>();
  for (const e of exposed) {
    lines.add(`r${e.row}`);
    lines.add(`c${e.col}`);
  }
  let pick: Cell | undefined;
  let zero: Cell | undefined;
  for (let r = 0; r < t.rows; r++)
    for (let c = 0; c < t.cols; c++) {
      if (suppressed[r]?.[c] || !(lines.has(`r${r}`) || lines.has(`c${c}`))) continue;
      const v = t.value(r, c);
      if (v === 0) zero ??= [r, c];
      else if (!pick || v < t.value(pick[0], pick[1])) pick = [r, c]; // strict <: ties keep the lowest index
    }
  return pick ?? zero;
}

/**
 * Complementary suppression that is audited: the heuristic's pattern, then, while the audit finds a
 * hidden small count that can be worked out or bounded within 1–threshold, one more cell is hidden (the
 * smallest shown non-zero cell in a row or column of an exposed cell; ties: the lowest index) and the
 * table is audited again. A small count that no pattern can protect (its row or column total is itself
 * at most the threshold) is reported in `unprotected` rather than hiding the whole table for nothing.
 * Totals are always shown.
 */
export function suppressSmallCells(
  counts: readonly (readonly number[])[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): SuppressionResult {
  const t = tableOf(counts);
  const primary = Array.from({ length: t.rows }, (_, r) =>
    Array.from({ length: t.cols }, (_, c) => isSmallCount(t.value(r, c), threshold)),
  );
  const suppressed = heuristicSuppression(counts, threshold);
  const hopeless = (r: number, c: number) => !protectable(t, r, c, threshold);
  let solverCalls = 0;
  for (;;) {
    // Rounds audit only the small counts that can still be protected; the final audit covers every cell.
    const round = runAudit(
      counts,
      suppressed,
      threshold,
      (r, c) => (primary[r]?.[c] ?? false) && !hopeless(r, c),
      true,
    );
    solverCalls += round.solverCalls;
    const exposed = round.audit.filter((a) => !a.protected);
    if (exposed.length === 0) break;
    const next = nextComplement(t, suppressed, exposed);
    if (!next) break;
    (suppressed[next[0]] as boolean[])[next[1]] = true;
  }
  const final = auditSuppression(counts, suppressed, threshold);
  solverCalls += final.solverCalls;
  const unprotected = final.audit
    .filter((a) => !a.protected)
    .map(
      (a) =>
        `Row ${a.row + 1}, column ${a.col + 1}: a hidden small count can still be worked out or shown to be small from the totals; ${hopeless(a.row, a.col) ? "its row or column total is too small to hide it" : "nothing is left to hide"}.`,
    );
  return {
    suppressed,
    primary,
    shown: suppressed.map((row, r) => row.map((hide, c) => (hide ? null : t.value(r, c)))),
    rowTotals: t.rowTotals,
    columnTotals: t.columnTotals,
    grandTotal: t.rowTotals.reduce((a, b) => a + b, 0),
    unprotected,
    audit: final.audit,
    solverCalls,
  };
}
