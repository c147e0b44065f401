import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  auditSuppression,
  heuristicSuppression,
  suppressSmallCells,
} from "../../../shared/methods/suppression.ts";

const X = true;
const o = false;

/** Every whole-number table consistent with what is shown, by enumeration: the integer oracle. */
function integerRanges(counts: number[][], suppressed: boolean[][]): Map<string, [number, number]> {
  const rows = counts.length;
  const cols = counts[0]!.length;
  const rowLeft = counts.map((row, r) => row.reduce((a, v, c) => a + (suppressed[r]![c] ? v : 0), 0));
  const colLeft = counts[0]!.map((_, c) =>
    counts.reduce((a, row, r) => a + (suppressed[r]![c] ? row[c]! : 0), 0),
  );
  const hidden: [number, number][] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (suppressed[r]![c]) hidden.push([r, c]);
  const ranges = new Map<string, [number, number]>();
  const values: number[] = [];
  const walk = (k: number): void => {
    if (k === hidden.length) {
      if (rowLeft.every((v) => v === 0) && colLeft.every((v) => v === 0))
        hidden.forEach(([r, c], i) => {
          const key = `${r},${c}`;
          const v = values[i]!;
          const seen = ranges.get(key);
          ranges.set(key, seen ? [Math.min(seen[0], v), Math.max(seen[1], v)] : [v, v]);
        });
      return;
    }
    const [r, c] = hidden[k]!;
    for (let v = 0; v <= Math.min(rowLeft[r]!, colLeft[c]!); v++) {
      rowLeft[r]! -= v;
      colLeft[c]! -= v;
      values[k] = v;
      walk(k + 1);
      rowLeft[r]! += v;
      colLeft[c]! += v;
    }
  };
  walk(0);
  return ranges;
}

describe("small-cell suppression (CMS cell-size rule)", () => {
  it("hides 1–10, shows 0 and 11+, and totals are shown", () => {
    const r = suppressSmallCells([[0, 11, 10, 1]]);
    expect(r.primary).toEqual([[o, o, X, X]]);
    expect(r.rowTotals).toEqual([22]);
  });

  it("worked example: complementary passes over rows, then columns, and the audit finds nothing exposed", () => {
    const counts = [
      [5, 20, 30],
      [40, 50, 60],
      [0, 7, 15],
    ];
    // Pass 1 rows: row 1 hides 20 (smallest non-zero shown); row 3 hides 15 (0 is skipped).
    // Pass 1 columns: column 1 hides 40; column 3 hides 30. Pass 2 rows: row 2 hides 50. Pass 3: no change.
    const r = suppressSmallCells(counts);
    expect(r.suppressed).toEqual([
      [X, X, X],
      [X, X, o],
      [o, X, X],
    ]);
    expect(r.shown).toEqual([
      [null, null, null],
      [null, null, 60],
      [0, null, null],
    ]);
    expect(r.unprotected).toEqual([]);
    expect(r.columnTotals).toEqual([45, 77, 105]);
    expect(r.grandTotal).toBe(227);
    // The 5 can be anything from 0 to 32 given the totals; the 7 anything from 0 to 22.
    expect(r.audit.find((a) => a.row === 0 && a.col === 0)).toMatchObject({
      min: 0,
      max: 32,
      protected: true,
    });
    expect(r.audit.find((a) => a.row === 2 && a.col === 1)).toMatchObject({
      min: 0,
      max: 22,
      protected: true,
    });
    expect(r.audit).toHaveLength(7);
  });

  it("ties go to the lowest index", () => {
    const r = suppressSmallCells([[3, 12, 12, 12]]);
    expect(r.suppressed).toEqual([[X, X, o, o]]);
  });

  it("says when a small count cannot be protected, without hiding the whole table for nothing", () => {
    const r = suppressSmallCells([[4, 0, 0]]);
    expect(r.suppressed).toEqual([[X, X, o]]);
    expect(r.unprotected).toHaveLength(1);
    expect(r.unprotected[0]).toMatch(/Row 1, column 1.*total is too small/);
    const lone = suppressSmallCells([[4]]);
    expect(lone.suppressed).toEqual([[X]]);
    expect(lone.audit).toEqual([{ row: 0, col: 0, min: 4, max: 4, primary: true, protected: false }]);
  });

  it("the threshold is a setting", () => {
    expect(suppressSmallCells([[5, 12, 30]], 4).suppressed).toEqual([[o, o, o]]);
    const strict = suppressSmallCells([[5, 12, 30]], 15);
    expect(strict.suppressed).toEqual([[X, X, o]]);
    // Each column total gives its cell away: both are reported.
    expect(strict.unprotected).toHaveLength(2);
  });

  it("a 4×4 table where the heuristic leaks a hidden 1, and the audited rule does not", () => {
    const counts = [
      [32, 31, 1, 14],
      [28, 2, 31, 30],
      [37, 31, 30, 12],
      [17, 21, 1, 35],
    ];
    // The heuristic hides two 2×2 blocks (rows 1 and 3 × columns 3 and 4; rows 2 and 4 × columns 1 and 2)
    // plus the 1 in row 4, column 3, which links them: every row and column has two or more hidden cells,
    // yet the 1 is the only cell joining the blocks, so the margins pin it.
    const old = heuristicSuppression(counts);
    expect(old).toEqual([
      [o, o, X, X],
      [X, X, o, o],
      [o, o, X, X],
      [X, X, X, o],
    ]);
    const leaked = auditSuppression(counts, old).audit.find((a) => a.row === 3 && a.col === 2);
    expect(leaked).toMatchObject({ min: 1, max: 1, protected: false });
    // By hand: the hidden cells of columns 3 and 4 add up to 58 (their totals less the shown cells), those
    // of rows 1 and 3 to 57, and the only other hidden cell in those columns is the 1: 58 − 57 = 1.
    // The audited rule hides the smallest shown non-zero cell beside it (31 in row 2, column 3).
    const r = suppressSmallCells(counts);
    expect(r.suppressed[1]![2]).toBe(true);
    expect(r.unprotected).toEqual([]);
    for (const a of r.audit.filter((x) => x.primary)) {
      expect(a.min).toBe(0);
      expect(a.max).toBeGreaterThan(10);
    }
  });

  it("every hidden small count's range reaches 0 and above the threshold, or the table says so", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((cols) =>
          fc.array(
            fc.array(
              fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 11, max: 60 })),
              {
                minLength: cols,
                maxLength: cols,
              },
            ),
            { minLength: 1, maxLength: 4 },
          ),
        ),
        (counts) => {
          const r = suppressSmallCells(counts);
          // every small count stays hidden
          for (let i = 0; i < counts.length; i++)
            for (let j = 0; j < counts[i]!.length; j++)
              if (counts[i]![j]! >= 1 && counts[i]![j]! <= 10) expect(r.suppressed[i]![j]).toBe(true);
          // the audit covers exactly the hidden cells, and each range holds the true value
          expect(r.audit.length).toBe(r.suppressed.flat().filter(Boolean).length);
          for (const a of r.audit) {
            expect(a.min).toBeLessThanOrEqual(counts[a.row]![a.col]!);
            expect(a.max).toBeGreaterThanOrEqual(counts[a.row]![a.col]!);
          }
          const exposed = r.audit.filter((a) => a.primary && !(a.min === 0 && a.max > 10));
          expect(r.unprotected.length).toBe(exposed.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("LP ranges equal whole-number ranges (two-way margins are totally unimodular)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 3,
        }),
        (counts) => {
          const r = suppressSmallCells(counts, 2);
          const exact = integerRanges(counts, r.suppressed);
          for (const a of r.audit) expect([a.min, a.max]).toEqual(exact.get(`${a.row},${a.col}`));
        },
      ),
      { numRuns: 60 },
    );
  });
});
